-- A call's record is written when the call starts (result 'inProgress') and completed when it ends; the records a
-- crash left in progress are closed as 'interrupted' at the next start, found through the partial index.
-- detail: why a call failed or was refused, in words.

ALTER TABLE call_records ADD COLUMN detail TEXT NULL;
CREATE INDEX ix_call_records_in_progress ON call_records (id) WHERE result = 'inProgress';
