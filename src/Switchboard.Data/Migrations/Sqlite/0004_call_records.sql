-- The call history: one row per call, appended by the server's background writer when the call ends.
-- No foreign keys: the history outlives the numbers, queues and users it mentions.

CREATE TABLE call_records (
    id TEXT NOT NULL CONSTRAINT pk_call_records PRIMARY KEY,
    sip_call_id TEXT NOT NULL,
    caller_number TEXT NULL,
    dialled_number TEXT NOT NULL,
    started_at TEXT NOT NULL,
    answered_at TEXT NULL,
    ended_at TEXT NOT NULL,
    result TEXT NOT NULL,
    queue_id TEXT NULL,
    agent_user_id TEXT NULL
);
CREATE INDEX ix_call_records_started_at ON call_records (started_at);
CREATE INDEX ix_call_records_caller_number_started_at ON call_records (caller_number, started_at);
