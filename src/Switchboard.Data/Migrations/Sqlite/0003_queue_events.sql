-- The queue event log: every fact the ACD publishes, appended by the server's background writer.
-- No foreign keys: the log outlives the queues, users and calls it mentions.

CREATE TABLE queue_events (
    id TEXT NOT NULL CONSTRAINT pk_queue_events PRIMARY KEY,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    queue_id TEXT NULL,
    call_id TEXT NULL,
    agent_id TEXT NULL,
    offer_id INTEGER NULL,
    detail TEXT NOT NULL
);
CREATE INDEX ix_queue_events_queue_id_at ON queue_events (queue_id, at);
CREATE INDEX ix_queue_events_agent_id_at ON queue_events (agent_id, at);
