-- Configuration: users, sounds, distribution queues and their members, scenarios, numbers, trunks.
-- Guids and instants are TEXT as Entity Framework's SQLite provider writes them; booleans are INTEGER 0/1.

CREATE TABLE users (
    id TEXT NOT NULL CONSTRAINT pk_users PRIMARY KEY,
    username TEXT NOT NULL,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    crm_access INTEGER NOT NULL,
    sip_username TEXT NULL,
    sip_ha1_md5 TEXT NULL,
    sip_ha1_sha256 TEXT NULL,
    webphone_enabled INTEGER NOT NULL,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ix_users_username ON users (username);
CREATE UNIQUE INDEX ix_users_sip_username ON users (sip_username);

CREATE TABLE sounds (
    id TEXT NOT NULL CONSTRAINT pk_sounds PRIMARY KEY,
    name TEXT NOT NULL,
    file_name TEXT NOT NULL,
    duration_milliseconds INTEGER NOT NULL,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ix_sounds_name ON sounds (name);

CREATE TABLE queues (
    id TEXT NOT NULL CONSTRAINT pk_queues PRIMARY KEY,
    name TEXT NOT NULL,
    strategy TEXT NOT NULL,
    priority INTEGER NOT NULL,
    ring_timeout_seconds INTEGER NOT NULL,
    max_wait_seconds INTEGER NOT NULL,
    max_waiting_calls INTEGER NOT NULL,
    wrap_up_seconds INTEGER NOT NULL,
    max_no_answer INTEGER NOT NULL,
    music_on_hold_sound_id TEXT NULL,
    CONSTRAINT fk_queues_music_on_hold_sound_id FOREIGN KEY (music_on_hold_sound_id) REFERENCES sounds (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_queues_name ON queues (name);
CREATE INDEX ix_queues_music_on_hold_sound_id ON queues (music_on_hold_sound_id);

CREATE TABLE queue_members (
    queue_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    level INTEGER NOT NULL,
    position INTEGER NOT NULL,
    CONSTRAINT pk_queue_members PRIMARY KEY (queue_id, user_id),
    CONSTRAINT fk_queue_members_queue_id FOREIGN KEY (queue_id) REFERENCES queues (id) ON DELETE CASCADE,
    CONSTRAINT fk_queue_members_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT
);
CREATE INDEX ix_queue_members_user_id ON queue_members (user_id);

CREATE TABLE scenarios (
    id TEXT NOT NULL CONSTRAINT pk_scenarios PRIMARY KEY,
    name TEXT NOT NULL,
    actions TEXT NOT NULL
);
CREATE UNIQUE INDEX ix_scenarios_name ON scenarios (name);

CREATE TABLE numbers (
    id TEXT NOT NULL CONSTRAINT pk_numbers PRIMARY KEY,
    number TEXT NOT NULL,
    label TEXT NOT NULL,
    scenario_id TEXT NOT NULL,
    CONSTRAINT fk_numbers_scenario_id FOREIGN KEY (scenario_id) REFERENCES scenarios (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_numbers_number ON numbers (number);
CREATE INDEX ix_numbers_scenario_id ON numbers (scenario_id);

CREATE TABLE trunks (
    id TEXT NOT NULL CONSTRAINT pk_trunks PRIMARY KEY,
    name TEXT NOT NULL,
    inbound_addresses TEXT NOT NULL,
    outbound_host TEXT NULL,
    registration TEXT NULL
);
CREATE UNIQUE INDEX ix_trunks_name ON trunks (name);
