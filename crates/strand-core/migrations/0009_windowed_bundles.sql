-- A bundle remembers how many entries it holds, so an editor, the bundle list and the answer to
-- every edit know it without counting 100,000 index entries.
ALTER TABLE bundles ADD COLUMN entry_count INTEGER NOT NULL DEFAULT 0;
UPDATE bundles SET entry_count = (SELECT COUNT(*) FROM entries WHERE entries.bundle_id = bundles.id);

-- Changes now name places by the entry in front ("after that one") rather than by index, which a
-- kept bundle finds with one index seek. Histories written before name indices and cannot be
-- read that way: they are forgotten (undo starts afresh; the bundles themselves are untouched).
-- The table is made anew as a rowid table: a change can be megabytes (a bulk add of 100,000
-- entries), and in a WITHOUT ROWID table every seek that compares against such a row reads all
-- of it. Here the seeks walk small index entries and a change is read only when it is undone.
DROP TABLE bundle_history;
CREATE TABLE bundle_history (
    bundle_id BLOB NOT NULL REFERENCES bundles (id) ON DELETE CASCADE,
    seq       INTEGER NOT NULL,
    undone    INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
    change    TEXT NOT NULL,
    UNIQUE (bundle_id, seq)
) STRICT;
CREATE INDEX bundle_history_by_state ON bundle_history (bundle_id, undone, seq);
