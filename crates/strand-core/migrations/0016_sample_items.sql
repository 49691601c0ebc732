-- The sample catalogue is the person's to take out in one action, so its items are marked. A
-- library made before this was seeded with it on creation: the 240 items it began with, its
-- first rows, all written at the moment it was made.
ALTER TABLE items ADD COLUMN sample INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1));
UPDATE items SET sample = 1
WHERE rowid <= 240
  AND created_at = (SELECT created_at FROM items WHERE rowid = 1)
  AND EXISTS (SELECT 1 FROM meta WHERE key = 'catalogue_seeded');
-- Counted on every session: a partial index holds only the sample's rows.
CREATE INDEX items_in_sample ON items (sample) WHERE sample = 1;
