-- The owner renews its ownership while it works (renewed_at, by the database's clock), naming the
-- process that holds it (holder), so a node cut off or paused and back cannot take the open
-- conversations from an owner that is still renewing. A row of its own, so renewing never waits on
-- the appends that read the epoch. No row, or no holder: the next claim takes it.
CREATE TABLE stream_lease (
  scope VARCHAR(40) PRIMARY KEY,
  holder VARCHAR(200),
  epoch BIGINT NOT NULL,
  renewed_at TIMESTAMPTZ
);
