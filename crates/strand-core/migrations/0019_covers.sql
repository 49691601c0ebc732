-- Bundle covers. Each image is stored as cover.rs made it (decoded, checked, resized and encoded
-- again), never as the file a person picked. A bundle names its cover; a draft's cover is stored
-- here too, since a draft is in memory but its cover must survive a crash with the journal; a
-- normal quit sweeps the covers that no bundle and no undo step names.

CREATE TABLE covers (
    id         BLOB PRIMARY KEY,
    media_type TEXT NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg')),
    width      INTEGER NOT NULL CHECK (width > 0),
    height     INTEGER NOT NULL CHECK (height > 0),
    image      BLOB NOT NULL
) STRICT;

ALTER TABLE bundles ADD COLUMN cover BLOB REFERENCES covers (id) ON DELETE SET NULL;
