-- Each user's part of a call is written as it happens (when they connect, and again when they leave) rather than
-- only when the whole call ends, so an agent who transferred a call can wrap it up at once and a crash leaves a
-- trace of who was talking. A part still going on reads ending 'inProgress'; one the server stopped under,
-- 'interrupted'. queue_id: the queue whose offer the user answered (its dispositions are the wrap-up's); null when
-- they were called directly or transferred to. The parts written before knew only the call's queue: they take it.

ALTER TABLE call_record_agents ADD COLUMN queue_id TEXT NULL;

UPDATE call_record_agents
SET queue_id = (SELECT call_records.queue_id FROM call_records WHERE call_records.id = call_record_agents.call_id);
