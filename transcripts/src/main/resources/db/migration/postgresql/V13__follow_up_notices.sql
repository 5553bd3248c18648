-- Each reminder (phase 'due') and overdue alert (phase 'overdue') of a follow-up, for the attempt's
-- due time (next_attempt_at), claimed once: in a cluster the node that inserts the row is the one
-- that tells, so a reminder is pushed once even when two nodes briefly both run the scheduler.
CREATE TABLE follow_up_notices (
  follow_up_id VARCHAR(36) NOT NULL,
  phase VARCHAR(16) NOT NULL,
  due TIMESTAMPTZ NOT NULL,
  claimed_by VARCHAR(64) NOT NULL,
  claimed_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (follow_up_id, phase, due)
);
