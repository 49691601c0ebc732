-- Entries made slimmer, so keeping a 10,000-entry draft writes less than half the pages:
-- * the index by (bundle, item) goes: its rows went in in item order, a seek from its root for
--   each entry of a keep, and the duplicate check it served reads the bundle's own entries;
-- * the index that holds a bundle's entries in order no longer repeats every column: reading a
--   window in order finds the rest in the table, by rowid;
-- * the time an entry was added is an integer, nanoseconds since the Unix epoch in UTC: 8 bytes
--   instead of 35 of text ('2026-11-30 03:03:10.123456789+00:00').
-- The table is made anew with the same rows and rowids; the text times convert exactly, with
-- however many digits of fraction they were written with (none, 3, 6 or 9).
CREATE TABLE entries_slim (
    id        BLOB PRIMARY KEY,
    bundle_id BLOB NOT NULL REFERENCES bundles (id) ON DELETE CASCADE,
    item_id   BLOB NOT NULL,
    order_key BLOB NOT NULL,
    added_at  INTEGER NOT NULL
) STRICT;
INSERT INTO entries_slim (rowid, id, bundle_id, item_id, order_key, added_at)
    SELECT rowid, id, bundle_id, item_id, order_key,
           unixepoch(substr(added_at, 1, 19)) * 1000000000
           + CASE WHEN substr(added_at, 20, 1) = '.'
                  THEN CAST(substr(substr(added_at, 21, instr(added_at, '+') - 21) || '000000000', 1, 9)
                            AS INTEGER)
                  ELSE 0 END
    FROM entries ORDER BY rowid;
DROP TABLE entries;
ALTER TABLE entries_slim RENAME TO entries;
CREATE INDEX entries_in_order ON entries (bundle_id, order_key);
