-- Full-text search over the library: title, creator and tags, with diacritics folded
-- ("Mot" finds "Mötley") and prefix indexes so one- to three-letter prefixes stay fast.
-- Kept in sync with `items` and `item_tags` by triggers; the row id is the item's rowid.

CREATE VIRTUAL TABLE items_fts USING fts5(
    title, creator, tags,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);

INSERT INTO items_fts (rowid, title, creator, tags)
SELECT i.rowid, i.title, i.creator,
       coalesce((SELECT group_concat(t.tag, ' ') FROM item_tags t WHERE t.item_id = i.id), '')
FROM items i;

CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
    INSERT INTO items_fts (rowid, title, creator, tags) VALUES (new.rowid, new.title, new.creator, '');
END;

CREATE TRIGGER items_fts_update AFTER UPDATE OF title, creator ON items BEGIN
    UPDATE items_fts SET title = new.title, creator = new.creator WHERE rowid = new.rowid;
END;

CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
    DELETE FROM items_fts WHERE rowid = old.rowid;
END;

CREATE TRIGGER items_fts_tags_insert AFTER INSERT ON item_tags BEGIN
    UPDATE items_fts
    SET tags = (SELECT group_concat(t.tag, ' ') FROM item_tags t WHERE t.item_id = new.item_id)
    WHERE rowid = (SELECT rowid FROM items WHERE id = new.item_id);
END;

CREATE TRIGGER items_fts_tags_delete AFTER DELETE ON item_tags BEGIN
    UPDATE items_fts
    SET tags = coalesce((SELECT group_concat(t.tag, ' ') FROM item_tags t WHERE t.item_id = old.item_id), '')
    WHERE rowid = (SELECT rowid FROM items WHERE id = old.item_id);
END;
