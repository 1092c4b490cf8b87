-- Nurse chat in the messaging apps (issue 17). Portable SQL: H2 and PostgreSQL.

-- Where a messaging app's person can be written to while a nurse has their chat or message:
-- the platform's address for them (a Telegram chat id, a WhatsApp or SMS number, a Messenger
-- page-scoped id), as the channel's own small JSON. Personal data: kept only while the entry
-- is open, and cleared when it closes. Null for the web chat and for a phone-only handoff.
ALTER TABLE handoff ADD COLUMN reply_to VARCHAR(1000);

-- The outbox of a messaging app's conversation: a nurse's message or a status change still
-- to be sent through the platform's send API ('pending'), sent ('sent'), refused by the
-- platform ('failed'), or held until the person writes again ('window': WhatsApp refuses a
-- free-form message 24 hours after the person's last one). Null for events nobody sends
-- (the web chat reads its events from the stream). send_after is when the next try is due;
-- an instance claims a try by moving it on, so two instances never send the same event.
ALTER TABLE chat_event ADD COLUMN outbox VARCHAR(16);
ALTER TABLE chat_event ADD COLUMN send_after TIMESTAMP WITH TIME ZONE;
ALTER TABLE chat_event ADD COLUMN send_attempts INT DEFAULT 0 NOT NULL;
CREATE INDEX chat_event_outbox ON chat_event (outbox, send_after);
