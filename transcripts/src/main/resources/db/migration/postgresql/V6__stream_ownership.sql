-- Which gateway node owns the open conversations, and its epoch: the fencing token every fenced
-- append checks in its own transaction, so a node that has been taken over can never write.
CREATE TABLE stream_ownership (
  scope VARCHAR(40) PRIMARY KEY,
  node VARCHAR(200) NOT NULL,
  epoch BIGINT NOT NULL,
  claimed_at TIMESTAMPTZ NOT NULL
);
