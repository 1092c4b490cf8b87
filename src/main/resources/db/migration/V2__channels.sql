-- Messaging channels: conversations keyed by a keyed hash (HMAC) of the platform's user id,
-- never the raw id; and replies that could not be delivered, so none is lost silently.
ALTER TABLE conversation ADD COLUMN sender_key VARCHAR(64);
CREATE INDEX conversation_sender_key ON conversation (sender_key, last_activity);

CREATE TABLE delivery_failure (
  id              VARCHAR(36)  PRIMARY KEY,
  channel         VARCHAR(32)  NOT NULL,
  conversation_id VARCHAR(36),
  seq             INTEGER,
  reason          VARCHAR(500) NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX delivery_failure_created_at ON delivery_failure (created_at);
