ALTER TABLE conversations ADD COLUMN previous_id VARCHAR(36);
CREATE INDEX conversations_by_previous ON conversations (previous_id);
ALTER TABLE conversations ADD COLUMN category VARCHAR(200);
ALTER TABLE conversations ADD COLUMN tags VARCHAR(40) ARRAY
