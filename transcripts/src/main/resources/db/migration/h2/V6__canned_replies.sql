-- Canned replies: owner is '' for a shared reply, so one unique key keeps each set's shortcuts apart.
CREATE TABLE canned_replies (
  id VARCHAR(36) PRIMARY KEY,
  scope VARCHAR(16) NOT NULL,
  owner VARCHAR(64) NOT NULL,
  title VARCHAR(80) NOT NULL,
  shortcut VARCHAR(24) NOT NULL,
  text VARCHAR(1600) NOT NULL,
  tty_text VARCHAR(1600),
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_by VARCHAR(64) NOT NULL,
  CONSTRAINT canned_replies_shortcut UNIQUE (owner, shortcut)
);
