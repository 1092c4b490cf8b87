-- The nurses' queue, the audit log of staff reads, and people's feedback on answers.
-- Portable SQL: the same script runs on embedded H2 and on PostgreSQL.

-- A handoff is open, then claimed by one nurse, then closed with an outcome.
ALTER TABLE handoff ADD COLUMN claimed_by VARCHAR(100);
ALTER TABLE handoff ADD COLUMN claimed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE handoff ADD COLUMN closed_by VARCHAR(100);
ALTER TABLE handoff ADD COLUMN closed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE handoff ADD COLUMN outcome VARCHAR(500);
CREATE INDEX handoff_status ON handoff (status, created_at);
CREATE INDEX handoff_conversation ON handoff (conversation_id);

-- Who read what, when: every staff read of a transcript and every triage lookup.
CREATE TABLE staff_audit (
  id              VARCHAR(36)  PRIMARY KEY,
  at              TIMESTAMP WITH TIME ZONE NOT NULL,
  principal       VARCHAR(100) NOT NULL,
  action          VARCHAR(64)  NOT NULL,
  conversation_id VARCHAR(36),
  detail          VARCHAR(500)
);
CREATE INDEX staff_audit_at ON staff_audit (at);

-- Was this answer helpful? One row per rating (the comment redacted).
CREATE TABLE feedback (
  id              VARCHAR(36)  PRIMARY KEY,
  conversation_id VARCHAR(36)  NOT NULL,
  seq             INTEGER      NOT NULL,
  intent          VARCHAR(64),
  helpful         BOOLEAN      NOT NULL,
  comment         VARCHAR(1000),
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  UNIQUE (conversation_id, seq)
);
CREATE INDEX feedback_created_at ON feedback (created_at);
