-- The trash: a deleted kept bundle keeps its rows and gains a deletion time until the trash is
-- emptied, so it can be restored exactly as it was.
ALTER TABLE bundles ADD COLUMN deleted_at TEXT;
CREATE INDEX bundles_in_trash ON bundles (deleted_at) WHERE deleted_at IS NOT NULL;
