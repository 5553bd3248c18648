-- Quality review. A scorecard version is inserted once and never updated: a change is a new version.
CREATE TABLE scorecard_versions (
  id VARCHAR(40) NOT NULL,
  version INT NOT NULL,
  name VARCHAR(120) NOT NULL,
  definition CHARACTER LARGE OBJECT NOT NULL,
  published_at TIMESTAMP WITH TIME ZONE NOT NULL,
  published_by VARCHAR(64) NOT NULL,
  PRIMARY KEY (id, version)
);
-- An evaluation names the record's sealed head it scored (head_seq entries, the last hashed head_hash).
-- single_key is "record/agent" outside calibration and NULL in it: one evaluation per record and agent, even when two reviewers race.
CREATE TABLE evaluations (
  id VARCHAR(36) PRIMARY KEY,
  scorecard VARCHAR(40) NOT NULL,
  version INT NOT NULL,
  record_id VARCHAR(36) NOT NULL,
  head_seq BIGINT NOT NULL,
  head_hash VARCHAR(64) NOT NULL,
  agent VARCHAR(64) NOT NULL,
  reviewer VARCHAR(64) NOT NULL,
  state VARCHAR(16) NOT NULL,
  calibration_id VARCHAR(36),
  is_reference BOOLEAN NOT NULL,
  score_tenths INT,
  flagged BOOLEAN NOT NULL,
  counts BOOLEAN NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  single_key VARCHAR(110) UNIQUE,
  submitted_at TIMESTAMP WITH TIME ZONE,
  FOREIGN KEY (scorecard, version) REFERENCES scorecard_versions (id, version)
);
CREATE INDEX evaluations_by_agent ON evaluations (agent, submitted_at);
CREATE INDEX evaluations_by_record ON evaluations (record_id);
CREATE INDEX evaluations_by_calibration ON evaluations (calibration_id);
CREATE TABLE evaluation_answers (
  evaluation_id VARCHAR(36) NOT NULL REFERENCES evaluations (id),
  question_id VARCHAR(40) NOT NULL,
  answer VARCHAR(48) NOT NULL,
  PRIMARY KEY (evaluation_id, question_id)
);
CREATE TABLE evaluation_comments (
  evaluation_id VARCHAR(36) NOT NULL REFERENCES evaluations (id),
  n INT NOT NULL,
  at TIMESTAMP WITH TIME ZONE NOT NULL,
  author VARCHAR(64) NOT NULL,
  kind VARCHAR(16) NOT NULL,
  text VARCHAR(2000) NOT NULL,
  PRIMARY KEY (evaluation_id, n)
);
CREATE TABLE calibration_sessions (
  id VARCHAR(36) PRIMARY KEY,
  record_id VARCHAR(36) NOT NULL,
  scorecard VARCHAR(40) NOT NULL,
  version INT NOT NULL,
  opened_by VARCHAR(64) NOT NULL,
  opened_at TIMESTAMP WITH TIME ZONE NOT NULL,
  FOREIGN KEY (scorecard, version) REFERENCES scorecard_versions (id, version)
);
