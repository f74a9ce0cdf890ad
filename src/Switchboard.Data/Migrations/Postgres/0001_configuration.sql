-- Configuration: users, sounds, distribution queues and their members, scenarios, numbers, trunks.

CREATE TABLE users (
    id uuid NOT NULL,
    username text NOT NULL,
    display_name text NOT NULL,
    role text NOT NULL,
    password_hash text NOT NULL,
    crm_access boolean NOT NULL,
    sip_username text NULL,
    sip_ha1_md5 text NULL,
    sip_ha1_sha256 text NULL,
    webphone_enabled boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_users PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ix_users_username ON users (username);
CREATE UNIQUE INDEX ix_users_sip_username ON users (sip_username);

CREATE TABLE sounds (
    id uuid NOT NULL,
    name text NOT NULL,
    file_name text NOT NULL,
    duration_milliseconds integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_sounds PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ix_sounds_name ON sounds (name);

CREATE TABLE queues (
    id uuid NOT NULL,
    name text NOT NULL,
    strategy text NOT NULL,
    priority integer NOT NULL,
    ring_timeout_seconds integer NOT NULL,
    max_wait_seconds integer NOT NULL,
    max_waiting_calls integer NOT NULL,
    wrap_up_seconds integer NOT NULL,
    max_no_answer integer NOT NULL,
    music_on_hold_sound_id uuid NULL,
    CONSTRAINT pk_queues PRIMARY KEY (id),
    CONSTRAINT fk_queues_music_on_hold_sound_id FOREIGN KEY (music_on_hold_sound_id) REFERENCES sounds (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_queues_name ON queues (name);
CREATE INDEX ix_queues_music_on_hold_sound_id ON queues (music_on_hold_sound_id);

CREATE TABLE queue_members (
    queue_id uuid NOT NULL,
    user_id uuid NOT NULL,
    level integer NOT NULL,
    position integer NOT NULL,
    CONSTRAINT pk_queue_members PRIMARY KEY (queue_id, user_id),
    CONSTRAINT fk_queue_members_queue_id FOREIGN KEY (queue_id) REFERENCES queues (id) ON DELETE CASCADE,
    CONSTRAINT fk_queue_members_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT
);
CREATE INDEX ix_queue_members_user_id ON queue_members (user_id);

CREATE TABLE scenarios (
    id uuid NOT NULL,
    name text NOT NULL,
    actions text NOT NULL,
    CONSTRAINT pk_scenarios PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ix_scenarios_name ON scenarios (name);

CREATE TABLE numbers (
    id uuid NOT NULL,
    number text NOT NULL,
    label text NOT NULL,
    scenario_id uuid NOT NULL,
    CONSTRAINT pk_numbers PRIMARY KEY (id),
    CONSTRAINT fk_numbers_scenario_id FOREIGN KEY (scenario_id) REFERENCES scenarios (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_numbers_number ON numbers (number);
CREATE INDEX ix_numbers_scenario_id ON numbers (scenario_id);

CREATE TABLE trunks (
    id uuid NOT NULL,
    name text NOT NULL,
    inbound_addresses text NOT NULL,
    outbound_host text NULL,
    registration text NULL,
    CONSTRAINT pk_trunks PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ix_trunks_name ON trunks (name);
