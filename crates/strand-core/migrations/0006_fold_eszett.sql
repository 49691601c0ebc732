-- The search index holds ß as ss (see search::fold), so "strasse" finds "Straße": FTS5's
-- diacritic folding leaves ß alone. Renames fold the same way, and rows indexed before are
-- folded once here.

DROP TRIGGER items_fts_update;

CREATE TRIGGER items_fts_update AFTER UPDATE OF title, creator ON items BEGIN
    UPDATE items_fts
    SET title = replace(replace(new.title, 'ß', 'ss'), 'ẞ', 'SS'),
        creator = replace(replace(new.creator, 'ß', 'ss'), 'ẞ', 'SS')
    WHERE rowid = new.rowid;
END;

UPDATE items_fts
SET title = replace(replace(title, 'ß', 'ss'), 'ẞ', 'SS'),
    creator = replace(replace(creator, 'ß', 'ss'), 'ẞ', 'SS'),
    tags = replace(replace(tags, 'ß', 'ss'), 'ẞ', 'SS')
WHERE title LIKE '%ß%' OR creator LIKE '%ß%' OR tags LIKE '%ß%'
   OR title LIKE '%ẞ%' OR creator LIKE '%ẞ%' OR tags LIKE '%ẞ%';
