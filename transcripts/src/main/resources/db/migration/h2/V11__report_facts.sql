-- One row per record: what reports count, folded forward as its entries are written (RecordFacts).
CREATE TABLE report_facts (
  num BIGINT PRIMARY KEY,
  channel VARCHAR(32) NOT NULL,
  queue VARCHAR(32) NOT NULL,
  agent VARCHAR(128),
  category VARCHAR(200),
  opened_ms BIGINT NOT NULL,
  queued_ms BIGINT,
  answered_ms BIGINT,
  first_reply_ms BIGINT,
  ended_ms BIGINT,
  abandoned BOOLEAN NOT NULL,
  transfers INT NOT NULL,
  escalations INT NOT NULL,
  emergency BOOLEAN NOT NULL
);
CREATE INDEX report_facts_by_arrival ON report_facts (opened_ms);
CREATE TABLE report_fact_tags (
  num BIGINT NOT NULL,
  tag VARCHAR(40) NOT NULL,
  PRIMARY KEY (num, tag)
);
