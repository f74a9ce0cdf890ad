-- The call history: one row per call, appended by the server's background writer when the call ends.
-- No foreign keys: the history outlives the numbers, queues and users it mentions.

CREATE TABLE call_records (
    id uuid NOT NULL,
    sip_call_id text NOT NULL,
    caller_number text NULL,
    dialled_number text NOT NULL,
    started_at timestamp with time zone NOT NULL,
    answered_at timestamp with time zone NULL,
    ended_at timestamp with time zone NOT NULL,
    result text NOT NULL,
    queue_id uuid NULL,
    agent_user_id uuid NULL,
    CONSTRAINT pk_call_records PRIMARY KEY (id)
);
CREATE INDEX ix_call_records_started_at ON call_records (started_at);
CREATE INDEX ix_call_records_caller_number_started_at ON call_records (caller_number, started_at);
