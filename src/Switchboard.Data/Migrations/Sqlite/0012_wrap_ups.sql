-- Wrap-up: a queue lists the dispositions (result codes) its agents choose from after a call, and may require one;
-- each agent's part of a call keeps the disposition chosen, the notes written and when they were saved.

ALTER TABLE queues ADD COLUMN dispositions TEXT NOT NULL DEFAULT '[]';
ALTER TABLE queues ADD COLUMN disposition_required INTEGER NOT NULL DEFAULT 0;

ALTER TABLE call_record_agents ADD COLUMN disposition TEXT NULL;
ALTER TABLE call_record_agents ADD COLUMN notes TEXT NULL;
ALTER TABLE call_record_agents ADD COLUMN wrapped_up_at TEXT NULL;
