-- Wrap-up: a queue lists the dispositions (result codes) its agents choose from after a call, and may require one;
-- each agent's part of a call keeps the disposition chosen, the notes written and when they were saved.

ALTER TABLE queues ADD COLUMN dispositions text NOT NULL DEFAULT '[]';
ALTER TABLE queues ADD COLUMN disposition_required boolean NOT NULL DEFAULT false;

ALTER TABLE call_record_agents ADD COLUMN disposition text NULL;
ALTER TABLE call_record_agents ADD COLUMN notes text NULL;
ALTER TABLE call_record_agents ADD COLUMN wrapped_up_at timestamp with time zone NULL;
