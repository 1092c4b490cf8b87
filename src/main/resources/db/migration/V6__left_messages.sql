-- A message left for the nurses while the line is closed: the time a nurse promised to reply
-- by, computed from the opening hours and bank holidays when the message was queued.
ALTER TABLE handoff ADD COLUMN reply_by TIMESTAMP WITH TIME ZONE;
