-- Whether a person has their web chat open (issue 17: a nurse sees when the person has
-- left). One row per conversation and instance while a person's event stream for it is open
-- on that instance (storage/JdbcPresence). The instance renews seen_at at every keep-alive, so
-- the rows of an instance that died go stale, stop counting, and are swept.
CREATE TABLE chat_presence (
  conversation_id VARCHAR(36) NOT NULL,
  instance_id     VARCHAR(36) NOT NULL,
  seen_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (conversation_id, instance_id)
);
