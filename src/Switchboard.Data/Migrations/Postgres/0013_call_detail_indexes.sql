-- A call's detail reads its own lines of the queue event log, and the contacts whose timeline holds it.

CREATE INDEX ix_queue_events_call_id_sequence ON queue_events (call_id, sequence);
CREATE INDEX ix_contact_timeline_reference_id ON contact_timeline (reference_id);
