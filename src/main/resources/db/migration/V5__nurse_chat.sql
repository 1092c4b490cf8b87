-- Live chat with a nurse in the same window (issue 17). Portable SQL: H2 and PostgreSQL.

-- How the person chose to reach the nurses: null (phone only), 'chat' or 'message'; and
-- where a chat stands: 'waiting', 'with_nurse', 'back_with_bot' or 'closed'.
ALTER TABLE handoff ADD COLUMN mode VARCHAR(16);
ALTER TABLE handoff ADD COLUMN chat_status VARCHAR(16);

-- What a live chat shows, in order: messages (from the person, a nurse, the bot or the
-- system), status changes and, for staff only, safety alerts. The id increases within the
-- conversation; a stream resumes after the last id it sent (Last-Event-ID). Texts are stored
-- redacted, like the transcript.
CREATE TABLE chat_event (
  conversation_id VARCHAR(36)   NOT NULL,
  id              BIGINT        NOT NULL,
  kind            VARCHAR(16)   NOT NULL,
  sender          VARCHAR(16),
  staff_name      VARCHAR(100),
  body            VARCHAR(4000) NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (conversation_id, id)
);
CREATE INDEX chat_event_created_at ON chat_event (created_at);
