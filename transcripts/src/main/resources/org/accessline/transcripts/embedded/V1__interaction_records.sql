CREATE TABLE conversations (
  id VARCHAR(36) PRIMARY KEY,
  channel VARCHAR(32) NOT NULL,
  contact VARCHAR(128) NOT NULL,
  opened_at TIMESTAMP WITH TIME ZONE NOT NULL,
  resolved_at TIMESTAMP WITH TIME ZONE,
  disposition VARCHAR(200)
);
CREATE INDEX conversations_by_contact ON conversations (channel, contact, opened_at);
CREATE INDEX conversations_by_resolution ON conversations (resolved_at);
CREATE TABLE entries (
  conversation_id VARCHAR(36) NOT NULL REFERENCES conversations (id),
  seq BIGINT NOT NULL,
  at TIMESTAMP WITH TIME ZONE NOT NULL,
  actor_role VARCHAR(16) NOT NULL,
  actor_id VARCHAR(128) NOT NULL,
  actor_name VARCHAR(128) NOT NULL,
  kind VARCHAR(32) NOT NULL,
  event CHARACTER LARGE OBJECT NOT NULL,
  dedupe_key VARCHAR(200),
  PRIMARY KEY (conversation_id, seq)
);
CREATE UNIQUE INDEX entries_by_dedupe_key ON entries (dedupe_key);
