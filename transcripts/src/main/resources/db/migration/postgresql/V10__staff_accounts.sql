-- Staff accounts, managed on the admin page; the configuration file only seeds them. Grants and
-- skills are comma-separated lower-case words. version rises on every change so a stale edit is refused.
CREATE TABLE staff_accounts (
  username VARCHAR(64) PRIMARY KEY,
  display_name VARCHAR(200) NOT NULL,
  password_hash VARCHAR(200) NOT NULL,
  role VARCHAR(32) NOT NULL,
  grants VARCHAR(1000) NOT NULL,
  capacity INT NOT NULL,
  skills VARCHAR(1000) NOT NULL,
  disabled BOOLEAN NOT NULL,
  version BIGINT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  created_by VARCHAR(64) NOT NULL,
  changed_at TIMESTAMPTZ NOT NULL,
  changed_by VARCHAR(64) NOT NULL
);

-- The categories a record may be filed under, in the order staff see them.
CREATE TABLE record_categories (
  position INT PRIMARY KEY,
  name VARCHAR(200) NOT NULL
);
