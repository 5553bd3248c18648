-- The band of each record's handle time (HandleBands), written with the facts as on the embedded store.
-- PostgreSQL answers reports from the facts within the time asked of it, so it keeps no rollup.
ALTER TABLE report_facts ADD COLUMN handle_band SMALLINT;
-- The same bands as HandleBands.band (a test holds the two alike).
UPDATE report_facts SET handle_band = CASE WHEN ended_ms - answered_ms >= 5400000 THEN 15 WHEN ended_ms - answered_ms >= 3600000 THEN 14 WHEN ended_ms - answered_ms >= 2700000 THEN 13 WHEN ended_ms - answered_ms >= 1800000 THEN 12 WHEN ended_ms - answered_ms >= 1200000 THEN 11 WHEN ended_ms - answered_ms >= 900000 THEN 10 WHEN ended_ms - answered_ms >= 600000 THEN 9 WHEN ended_ms - answered_ms >= 450000 THEN 8 WHEN ended_ms - answered_ms >= 300000 THEN 7 WHEN ended_ms - answered_ms >= 240000 THEN 6 WHEN ended_ms - answered_ms >= 180000 THEN 5 WHEN ended_ms - answered_ms >= 120000 THEN 4 WHEN ended_ms - answered_ms >= 90000 THEN 3 WHEN ended_ms - answered_ms >= 60000 THEN 2 WHEN ended_ms - answered_ms >= 30000 THEN 1 ELSE 0 END
  WHERE answered_ms IS NOT NULL AND ended_ms IS NOT NULL;
