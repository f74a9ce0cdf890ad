-- The queue event log's own order: events of one instant share "at", so replaying the log needs a number.
-- Rows already written are numbered in the order they were inserted.

ALTER TABLE queue_events ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;
UPDATE queue_events SET sequence = rowid;
CREATE UNIQUE INDEX ix_queue_events_sequence ON queue_events (sequence);
