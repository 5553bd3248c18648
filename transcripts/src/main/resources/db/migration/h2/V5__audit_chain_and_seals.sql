ALTER TABLE audit_log ADD COLUMN previous_hash VARCHAR(64);
ALTER TABLE audit_log ADD COLUMN hash VARCHAR(64);
ALTER TABLE conversations ADD COLUMN head_seq BIGINT;
ALTER TABLE conversations ADD COLUMN head_hash VARCHAR(64);
ALTER TABLE conversations ADD COLUMN head_seal VARCHAR(64);
ALTER TABLE purged_records ADD COLUMN opened_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE purged_records ADD COLUMN resolved_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE purged_records ADD COLUMN purged_by VARCHAR(64);
ALTER TABLE purged_records ADD COLUMN reason VARCHAR(400);
ALTER TABLE purged_records ADD COLUMN seal VARCHAR(64)
