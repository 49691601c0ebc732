-- Entries no longer declare their item as a foreign key. SQLite checks such a key by looking the
-- item up in the million-item index for every entry written, a page read per entry: a third of
-- keeping a 10,000-entry draft. The check guarded nothing Strand can break: items are never
-- deleted one by one (a demo reset empties the whole library, entries first), and every way an
-- item reaches a bundle (add, bulk add, import, copy) checks first that the item exists.
-- SQLite cannot drop a constraint in place, so the table is made anew with the same rows.
CREATE TABLE entries_unchecked (
    id        BLOB PRIMARY KEY,
    bundle_id BLOB NOT NULL REFERENCES bundles (id) ON DELETE CASCADE,
    item_id   BLOB NOT NULL,
    order_key BLOB NOT NULL,
    added_at  TEXT NOT NULL
) STRICT;
INSERT INTO entries_unchecked (rowid, id, bundle_id, item_id, order_key, added_at)
    SELECT rowid, id, bundle_id, item_id, order_key, added_at FROM entries;
DROP TABLE entries;
ALTER TABLE entries_unchecked RENAME TO entries;
CREATE INDEX entries_in_order ON entries (bundle_id, order_key, item_id, added_at, id);
CREATE INDEX entries_by_bundle_item ON entries (bundle_id, item_id);
