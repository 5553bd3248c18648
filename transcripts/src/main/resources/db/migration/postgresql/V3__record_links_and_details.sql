ALTER TABLE conversations ADD COLUMN previous_id UUID;
CREATE INDEX conversations_by_previous ON conversations (previous_id) WHERE previous_id IS NOT NULL;
ALTER TABLE conversations ADD COLUMN category VARCHAR(200);
ALTER TABLE conversations ADD COLUMN tags TEXT[] NOT NULL DEFAULT '{}';
UPDATE conversations c SET category = d.event::jsonb->>'category',
    tags = ARRAY(SELECT jsonb_array_elements_text(d.event::jsonb->'tags'))
  FROM entries d
  WHERE d.conversation_num = c.num AND d.kind = 'details'
    AND d.seq = (SELECT MAX(l.seq) FROM entries l WHERE l.conversation_num = c.num AND l.kind = 'details');
CREATE INDEX conversations_by_category ON conversations (lower(category)) WHERE category IS NOT NULL;
CREATE INDEX conversations_by_tag ON conversations USING GIN (tags)
