-- A bundle's own description and colour (NULL: the cover of its first items speaks for it).

ALTER TABLE bundles ADD COLUMN description TEXT NOT NULL DEFAULT '';
ALTER TABLE bundles ADD COLUMN colour TEXT;
