-- The queue event log: every fact the ACD publishes, appended by the server's background writer.
-- No foreign keys: the log outlives the queues, users and calls it mentions.

CREATE TABLE queue_events (
    id uuid NOT NULL,
    at timestamp with time zone NOT NULL,
    kind text NOT NULL,
    queue_id uuid NULL,
    call_id uuid NULL,
    agent_id uuid NULL,
    offer_id bigint NULL,
    detail text NOT NULL,
    CONSTRAINT pk_queue_events PRIMARY KEY (id)
);
CREATE INDEX ix_queue_events_queue_id_at ON queue_events (queue_id, at);
CREATE INDEX ix_queue_events_agent_id_at ON queue_events (agent_id, at);
