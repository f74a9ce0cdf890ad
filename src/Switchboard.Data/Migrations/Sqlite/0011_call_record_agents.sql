-- A call record keeps every user who talked to the caller and every blind transfer, in order, instead of only the
-- last agent (call_records.agent_user_id, moved here and dropped). Written with the record when the call ends.
-- ending: how the user's part ended: hungUp, callerHungUp, transferred, failed; 'unknown' for the agents of calls recorded before this table.

CREATE TABLE call_record_agents (
    call_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    user_id TEXT NOT NULL,
    connected_at TEXT NOT NULL,
    left_at TEXT NOT NULL,
    ending TEXT NOT NULL,
    CONSTRAINT pk_call_record_agents PRIMARY KEY (call_id, position),
    CONSTRAINT fk_call_record_agents_call_records FOREIGN KEY (call_id) REFERENCES call_records (id) ON DELETE CASCADE
);
-- The calls of an agent, newest first (call ids are version 7 GUIDs, ordered by start).
CREATE INDEX ix_call_record_agents_user_id_call_id ON call_record_agents (user_id, call_id);

CREATE TABLE call_record_transfers (
    call_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    at TEXT NOT NULL,
    by_user_id TEXT NOT NULL,
    to_user_id TEXT NULL,
    to_queue_id TEXT NULL,
    to_number TEXT NULL,
    CONSTRAINT pk_call_record_transfers PRIMARY KEY (call_id, position),
    CONSTRAINT fk_call_record_transfers_call_records FOREIGN KEY (call_id) REFERENCES call_records (id) ON DELETE CASCADE
);

INSERT INTO call_record_agents (call_id, position, user_id, connected_at, left_at, ending)
SELECT id, 0, agent_user_id, COALESCE(answered_at, started_at), ended_at, 'unknown'
FROM call_records WHERE agent_user_id IS NOT NULL;
ALTER TABLE call_records DROP COLUMN agent_user_id;
