-- Names the admin services compare ignoring case (usernames, SIP usernames, sound, queue, scenario and trunk names)
-- are unique ignoring case in the database too, so that two requests racing past the services' check cannot both
-- save "Support" and "support". NOCASE folds the ASCII letters A-Z only; the services' own check folds the rest.
-- A row whose value an older row (lower id: ids are time-ordered) already holds but for case keeps it with its id
-- appended, so that the index can be built and the admin can find the row and rename it.

UPDATE users SET username = username || ' (' || id || ')'
WHERE EXISTS (SELECT 1 FROM users AS older WHERE older.username = users.username COLLATE NOCASE AND older.id < users.id);
DROP INDEX ix_users_username;
CREATE UNIQUE INDEX ix_users_username ON users (username COLLATE NOCASE);

UPDATE users SET sip_username = sip_username || ' (' || id || ')'
WHERE EXISTS (SELECT 1 FROM users AS older WHERE older.sip_username = users.sip_username COLLATE NOCASE AND older.id < users.id);
DROP INDEX ix_users_sip_username;
CREATE UNIQUE INDEX ix_users_sip_username ON users (sip_username COLLATE NOCASE);

UPDATE sounds SET name = name || ' (' || id || ')'
WHERE EXISTS (SELECT 1 FROM sounds AS older WHERE older.name = sounds.name COLLATE NOCASE AND older.id < sounds.id);
DROP INDEX ix_sounds_name;
CREATE UNIQUE INDEX ix_sounds_name ON sounds (name COLLATE NOCASE);

UPDATE queues SET name = name || ' (' || id || ')'
WHERE EXISTS (SELECT 1 FROM queues AS older WHERE older.name = queues.name COLLATE NOCASE AND older.id < queues.id);
DROP INDEX ix_queues_name;
CREATE UNIQUE INDEX ix_queues_name ON queues (name COLLATE NOCASE);

UPDATE scenarios SET name = name || ' (' || id || ')'
WHERE EXISTS (SELECT 1 FROM scenarios AS older WHERE older.name = scenarios.name COLLATE NOCASE AND older.id < scenarios.id);
DROP INDEX ix_scenarios_name;
CREATE UNIQUE INDEX ix_scenarios_name ON scenarios (name COLLATE NOCASE);

UPDATE trunks SET name = name || ' (' || id || ')'
WHERE EXISTS (SELECT 1 FROM trunks AS older WHERE older.name = trunks.name COLLATE NOCASE AND older.id < trunks.id);
DROP INDEX ix_trunks_name;
CREATE UNIQUE INDEX ix_trunks_name ON trunks (name COLLATE NOCASE);
