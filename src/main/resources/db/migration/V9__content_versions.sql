-- Content versions (issue 18): the content every instance serves lives here, as immutable
-- published versions, and editors change it through drafts that a clinician approves.
-- Portable SQL: the same script runs on embedded H2 and on PostgreSQL.

-- Every file text once, by the SHA-256 of its UTF-8 bytes (hex): versions and drafts share
-- the texts they have in common, so a version costs a row per file, not a copy of the pack.
CREATE TABLE content_blob (
  hash VARCHAR(64) PRIMARY KEY,
  body TEXT        NOT NULL
);

-- A published version: immutable once written. fingerprint is the content's own version
-- (a hash of its files, what each chat turn records). origin: packaged (imported from the
-- content built into the application), draft (published from an approved draft) or import.
-- model: the intent model trained on it, so that the other instances switch without training.
CREATE TABLE content_version (
  version      INTEGER      PRIMARY KEY,
  fingerprint  VARCHAR(64)  NOT NULL,
  origin       VARCHAR(20)  NOT NULL,
  author       VARCHAR(100),
  approved_by  VARCHAR(100),
  approved_at  TIMESTAMP WITH TIME ZONE,
  published_by VARCHAR(100) NOT NULL,
  published_at TIMESTAMP WITH TIME ZONE NOT NULL,
  note         VARCHAR(1000),
  draft_id     VARCHAR(36),
  model        BYTEA
);
CREATE INDEX content_version_fingerprint ON content_version (fingerprint);

CREATE TABLE content_version_file (
  version INTEGER      NOT NULL,
  path    VARCHAR(200) NOT NULL,
  hash    VARCHAR(64)  NOT NULL,
  PRIMARY KEY (version, path)
);

-- Which version every instance serves: one row, locked by whoever publishes or restores, so
-- that two at once are applied one after the other.
CREATE TABLE content_live (
  id         INTEGER PRIMARY KEY,
  version    INTEGER,
  changed_by VARCHAR(100),
  changed_at TIMESTAMP WITH TIME ZONE
);
INSERT INTO content_live (id, version) VALUES (1, NULL);

-- A draft: a copy of a version's files that editors change. status: editing, submitted,
-- approved, published, discarded. contributors: every editor who changed it, comma-separated
-- (none of them may approve it). revision counts saves, so a stale approval is refused.
-- build_fingerprint: set on the draft made from a new application build's packaged content,
-- so that it is made once.
CREATE TABLE content_draft (
  id                VARCHAR(36)   PRIMARY KEY,
  based_on          INTEGER       NOT NULL,
  status            VARCHAR(20)   NOT NULL,
  author            VARCHAR(100)  NOT NULL,
  contributors      VARCHAR(2000) NOT NULL,
  note              VARCHAR(1000),
  revision          INTEGER       NOT NULL,
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  submitted_at      TIMESTAMP WITH TIME ZONE,
  reviewer          VARCHAR(100),
  reviewed_at       TIMESTAMP WITH TIME ZONE,
  review_comment    VARCHAR(2000),
  published_version INTEGER,
  build_fingerprint VARCHAR(64)
);
CREATE INDEX content_draft_status ON content_draft (status, updated_at);

CREATE TABLE content_draft_file (
  draft_id VARCHAR(36)  NOT NULL,
  path     VARCHAR(200) NOT NULL,
  hash     VARCHAR(64)  NOT NULL,
  PRIMARY KEY (draft_id, path)
);
