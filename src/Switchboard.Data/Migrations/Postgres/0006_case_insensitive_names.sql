-- Names the admin services compare ignoring case (usernames, SIP usernames, sound, queue, scenario and trunk names)
-- are unique ignoring case in the database too, so that two requests racing past the services' check cannot both
-- save "Support" and "support". The indexes are on lower(column), which folds case as the database's locale does.
-- A row whose value an older row (lower id: ids are time-ordered) already holds but for case keeps it with its id
-- appended, so that the index can be built and the admin can find the row and rename it.

UPDATE users SET username = username || ' (' || id::text || ')'
WHERE EXISTS (SELECT 1 FROM users AS older WHERE lower(older.username) = lower(users.username) AND older.id < users.id);
DROP INDEX ix_users_username;
CREATE UNIQUE INDEX ix_users_username ON users (lower(username));

UPDATE users SET sip_username = sip_username || ' (' || id::text || ')'
WHERE EXISTS (SELECT 1 FROM users AS older WHERE lower(older.sip_username) = lower(users.sip_username) AND older.id < users.id);
DROP INDEX ix_users_sip_username;
CREATE UNIQUE INDEX ix_users_sip_username ON users (lower(sip_username));

UPDATE sounds SET name = name || ' (' || id::text || ')'
WHERE EXISTS (SELECT 1 FROM sounds AS older WHERE lower(older.name) = lower(sounds.name) AND older.id < sounds.id);
DROP INDEX ix_sounds_name;
CREATE UNIQUE INDEX ix_sounds_name ON sounds (lower(name));

UPDATE queues SET name = name || ' (' || id::text || ')'
WHERE EXISTS (SELECT 1 FROM queues AS older WHERE lower(older.name) = lower(queues.name) AND older.id < queues.id);
DROP INDEX ix_queues_name;
CREATE UNIQUE INDEX ix_queues_name ON queues (lower(name));

UPDATE scenarios SET name = name || ' (' || id::text || ')'
WHERE EXISTS (SELECT 1 FROM scenarios AS older WHERE lower(older.name) = lower(scenarios.name) AND older.id < scenarios.id);
DROP INDEX ix_scenarios_name;
CREATE UNIQUE INDEX ix_scenarios_name ON scenarios (lower(name));

UPDATE trunks SET name = name || ' (' || id::text || ')'
WHERE EXISTS (SELECT 1 FROM trunks AS older WHERE lower(older.name) = lower(trunks.name) AND older.id < trunks.id);
DROP INDEX ix_trunks_name;
CREATE UNIQUE INDEX ix_trunks_name ON trunks (lower(name));
