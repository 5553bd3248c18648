-- Open311 service requests made from conversations: the outbox of those not yet taken, and those whose status is followed.
CREATE TABLE service_requests (
  id UUID PRIMARY KEY,
  conversation_id UUID NOT NULL,
  service_code VARCHAR(200) NOT NULL,
  service_name VARCHAR(400) NOT NULL,
  form TEXT NOT NULL,
  state VARCHAR(16) NOT NULL,
  token VARCHAR(200),
  service_request_id VARCHAR(200),
  status VARCHAR(64),
  status_notes VARCHAR(4000),
  errors TEXT NOT NULL,
  attempts INT NOT NULL,
  next_attempt_at TIMESTAMPTZ NOT NULL,
  last_problem VARCHAR(1000),
  created_by VARCHAR(64) NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX service_requests_conversation ON service_requests (conversation_id, created_at);
CREATE INDEX service_requests_due ON service_requests (state, next_attempt_at);
