-- Imports write up to a million items in one transaction. The search index row of an item is now
-- written by the store together with the item and all its tags (store/items.rs), instead of by
-- per-row triggers that rewrote the index row once more for every tag; deleting or renaming an
-- item still updates the index by trigger. Importers match entries to items by address, so
-- addresses get an index.

DROP TRIGGER items_fts_insert;
DROP TRIGGER items_fts_tags_insert;
DROP TRIGGER items_fts_tags_delete;

CREATE INDEX items_by_source ON items (source_uri) WHERE source_uri IS NOT NULL;
DROP INDEX item_tags_by_tag;

-- FTS5 flushes its in-memory index to a new segment every 1 MiB by default, and merges those
-- segments as it goes; 16 MiB makes a large import write sixteen times fewer segments to merge.
INSERT INTO items_fts (items_fts, rank) VALUES ('hashsize', 16777216);

-- Reading (and so exporting) a bundle walks its entries in order: an index that holds every
-- column the walk reads spares a lookup of each entry's row.
DROP INDEX entries_in_order;
CREATE INDEX entries_in_order ON entries (bundle_id, order_key, item_id, added_at, id);
