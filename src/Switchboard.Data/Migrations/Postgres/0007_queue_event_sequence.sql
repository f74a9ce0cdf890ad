-- The queue event log's own order: events of one instant share "at", so replaying the log needs a number.
-- Rows already written are numbered by time, then id (a table keeps no insertion order to go by).

ALTER TABLE queue_events ADD COLUMN sequence bigint NULL;
UPDATE queue_events AS e
SET sequence = numbered.position
FROM (SELECT id, row_number() OVER (ORDER BY at, id) AS position FROM queue_events) AS numbered
WHERE e.id = numbered.id;
ALTER TABLE queue_events ALTER COLUMN sequence SET NOT NULL;
CREATE UNIQUE INDEX ix_queue_events_sequence ON queue_events (sequence);
