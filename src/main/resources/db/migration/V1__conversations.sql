-- Conversations, transcripts, handoffs and processed message ids.
-- Portable SQL: the same script runs on embedded H2 and on PostgreSQL.

CREATE TABLE conversation (
  id                VARCHAR(36)  PRIMARY KEY,
  channel           VARCHAR(32)  NOT NULL,
  topic             VARCHAR(64),
  misunderstandings INTEGER      NOT NULL,
  handoff_offered   BOOLEAN      NOT NULL,
  turn_count        INTEGER      NOT NULL,
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  last_activity     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX conversation_last_activity ON conversation (last_activity);

-- One row per turn: the redacted text, the decision and the reply given (for replays).
CREATE TABLE turn (
  conversation_id VARCHAR(36)   NOT NULL,
  seq             INTEGER       NOT NULL,
  message_key     VARCHAR(200),
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  channel         VARCHAR(32)   NOT NULL,
  user_text       VARCHAR(4000),
  action          VARCHAR(16)   NOT NULL,
  intent          VARCHAR(64),
  confidence      DOUBLE PRECISION,
  content_version VARCHAR(64)   NOT NULL,
  reply_json      VARCHAR(30000) NOT NULL,
  PRIMARY KEY (conversation_id, seq)
);
CREATE INDEX turn_created_at ON turn (created_at);

-- Inbound message ids already taken (idempotency): a retried delivery gets the first reply.
CREATE TABLE processed_message (
  message_key     VARCHAR(200) PRIMARY KEY,
  conversation_id VARCHAR(36),
  seq             INTEGER,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX processed_message_created_at ON processed_message (created_at);

-- Handoffs to the nurses' queue; kept longer than transcripts.
CREATE TABLE handoff (
  id              VARCHAR(36)  PRIMARY KEY,
  conversation_id VARCHAR(36)  NOT NULL,
  seq             INTEGER      NOT NULL,
  channel         VARCHAR(32)  NOT NULL,
  reason          VARCHAR(64)  NOT NULL,
  urgency         VARCHAR(16)  NOT NULL,
  status          VARCHAR(16)  NOT NULL,
  summary         VARCHAR(1000),
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX handoff_created_at ON handoff (created_at);
