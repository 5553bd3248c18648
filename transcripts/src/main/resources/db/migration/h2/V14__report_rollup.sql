-- The band of each record's handle time, so the 90th percentile reads one band's records, not all.
ALTER TABLE report_facts ADD COLUMN handle_band SMALLINT;
-- The same bands as HandleBands.band (a test holds the two alike).
UPDATE report_facts SET handle_band = CASE WHEN ended_ms - answered_ms >= 5400000 THEN 15 WHEN ended_ms - answered_ms >= 3600000 THEN 14 WHEN ended_ms - answered_ms >= 2700000 THEN 13 WHEN ended_ms - answered_ms >= 1800000 THEN 12 WHEN ended_ms - answered_ms >= 1200000 THEN 11 WHEN ended_ms - answered_ms >= 900000 THEN 10 WHEN ended_ms - answered_ms >= 600000 THEN 9 WHEN ended_ms - answered_ms >= 450000 THEN 8 WHEN ended_ms - answered_ms >= 300000 THEN 7 WHEN ended_ms - answered_ms >= 240000 THEN 6 WHEN ended_ms - answered_ms >= 180000 THEN 5 WHEN ended_ms - answered_ms >= 120000 THEN 4 WHEN ended_ms - answered_ms >= 90000 THEN 3 WHEN ended_ms - answered_ms >= 60000 THEN 2 WHEN ended_ms - answered_ms >= 30000 THEN 1 ELSE 0 END
  WHERE answered_ms IS NOT NULL AND ended_ms IS NOT NULL;
CREATE INDEX report_facts_by_handle_band ON report_facts (handle_band, opened_ms);
-- Per (UTC quarter-hour of arrival, channel, queue): the sums of every record's Contribution, kept
-- as facts are written; reports that fit it read this instead of every record's facts.
CREATE TABLE report_rollup (
  quarter_ms BIGINT NOT NULL,
  channel VARCHAR(32) NOT NULL,
  queue VARCHAR(32) NOT NULL,
  records BIGINT NOT NULL DEFAULT 0,
  offered BIGINT NOT NULL DEFAULT 0,
  handled BIGINT NOT NULL DEFAULT 0,
  abandoned BIGINT NOT NULL DEFAULT 0,
  first_reply_n BIGINT NOT NULL DEFAULT 0,
  first_reply_sum BIGINT NOT NULL DEFAULT 0,
  handle_n BIGINT NOT NULL DEFAULT 0,
  handle_sum BIGINT NOT NULL DEFAULT 0,
  wait_n BIGINT NOT NULL DEFAULT 0,
  wait_sum BIGINT NOT NULL DEFAULT 0,
  transfers BIGINT NOT NULL DEFAULT 0,
  escalations BIGINT NOT NULL DEFAULT 0,
  emergencies BIGINT NOT NULL DEFAULT 0,
  sl_met BIGINT NOT NULL DEFAULT 0,
  sl_counted BIGINT NOT NULL DEFAULT 0,
  band_0 BIGINT NOT NULL DEFAULT 0,
  band_1 BIGINT NOT NULL DEFAULT 0,
  band_2 BIGINT NOT NULL DEFAULT 0,
  band_3 BIGINT NOT NULL DEFAULT 0,
  band_4 BIGINT NOT NULL DEFAULT 0,
  band_5 BIGINT NOT NULL DEFAULT 0,
  band_6 BIGINT NOT NULL DEFAULT 0,
  band_7 BIGINT NOT NULL DEFAULT 0,
  band_8 BIGINT NOT NULL DEFAULT 0,
  band_9 BIGINT NOT NULL DEFAULT 0,
  band_10 BIGINT NOT NULL DEFAULT 0,
  band_11 BIGINT NOT NULL DEFAULT 0,
  band_12 BIGINT NOT NULL DEFAULT 0,
  band_13 BIGINT NOT NULL DEFAULT 0,
  band_14 BIGINT NOT NULL DEFAULT 0,
  band_15 BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (quarter_ms, channel, queue)
);
-- The answer times the rollup's service level counts were made against (scope: default, channel, queue).
-- Empty until the store is first told its targets, which builds the rollup.
CREATE TABLE report_rollup_targets (
  scope VARCHAR(8) NOT NULL,
  name VARCHAR(200) NOT NULL,
  within_ms BIGINT NOT NULL,
  PRIMARY KEY (scope, name)
);
