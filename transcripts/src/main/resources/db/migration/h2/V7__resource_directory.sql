-- The resource directory: agencies, their services, and the referrals recorded on records.
CREATE TABLE directory_agencies (
  id VARCHAR(64) PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  description VARCHAR(4000) NOT NULL,
  zone VARCHAR(64) NOT NULL,
  phone VARCHAR(200),
  tty VARCHAR(200),
  video_phone VARCHAR(200),
  text_number VARCHAR(200),
  web VARCHAR(200),
  address VARCHAR(400),
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_by VARCHAR(64) NOT NULL
);

CREATE TABLE directory_closures (
  agency_id VARCHAR(64) NOT NULL REFERENCES directory_agencies (id) ON DELETE CASCADE,
  closed_on DATE NOT NULL,
  PRIMARY KEY (agency_id, closed_on)
);

CREATE TABLE directory_services (
  id VARCHAR(64) PRIMARY KEY,
  agency_id VARCHAR(64) NOT NULL REFERENCES directory_agencies (id),
  name VARCHAR(200) NOT NULL,
  description VARCHAR(4000) NOT NULL,
  service_area VARCHAR(400) NOT NULL,
  eligibility VARCHAR(1000) NOT NULL,
  accessibility VARCHAR(1000) NOT NULL,
  phone VARCHAR(200),
  tty VARCHAR(200),
  video_phone VARCHAR(200),
  text_number VARCHAR(200),
  web VARCHAR(200),
  address VARCHAR(400),
  verified_on DATE,
  verified_by VARCHAR(64),
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_by VARCHAR(64) NOT NULL
);
CREATE INDEX directory_services_agency ON directory_services (agency_id);
CREATE INDEX directory_services_verified ON directory_services (verified_on);
CREATE INDEX directory_services_name ON directory_services (name);

-- Weekly openings in the agency's local time: weekday 1 (Monday) to 7, minutes of the day.
CREATE TABLE directory_hours (
  service_id VARCHAR(64) NOT NULL REFERENCES directory_services (id) ON DELETE CASCADE,
  weekday SMALLINT NOT NULL,
  opens SMALLINT NOT NULL,
  closes SMALLINT NOT NULL
);
CREATE INDEX directory_hours_service ON directory_hours (service_id, weekday);

CREATE TABLE directory_languages (
  service_id VARCHAR(64) NOT NULL REFERENCES directory_services (id) ON DELETE CASCADE,
  language VARCHAR(24) NOT NULL,
  PRIMARY KEY (service_id, language)
);
CREATE INDEX directory_languages_language ON directory_languages (language, service_id);

-- The embedded store's search index: each folded word of a service, weighted by where it appears.
CREATE TABLE directory_words (
  word VARCHAR(40) NOT NULL,
  service_id VARCHAR(64) NOT NULL REFERENCES directory_services (id) ON DELETE CASCADE,
  weight INT NOT NULL,
  PRIMARY KEY (word, service_id)
);
CREATE INDEX directory_words_service ON directory_words (service_id);

-- One row per referral entry, written in the entry's own transaction, so reports count in SQL.
CREATE TABLE referrals (
  conversation_num BIGINT NOT NULL REFERENCES conversations (num) ON DELETE CASCADE,
  seq BIGINT NOT NULL,
  referred_at TIMESTAMP WITH TIME ZONE NOT NULL,
  agency_id VARCHAR(64) NOT NULL,
  agency_name VARCHAR(200) NOT NULL,
  service_id VARCHAR(64) NOT NULL,
  service_name VARCHAR(200) NOT NULL,
  PRIMARY KEY (conversation_num, seq)
);
CREATE INDEX referrals_at ON referrals (referred_at);
