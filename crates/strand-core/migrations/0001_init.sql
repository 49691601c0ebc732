-- Strand's first schema: the library (items and their tags) and kept bundles with ordered entries.
-- Drafts never reach the database; a bundle row exists only once it was kept.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE items (
    id          BLOB PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('song', 'stream', 'product', 'service', 'link', 'note')),
    title       TEXT NOT NULL,
    creator     TEXT NOT NULL DEFAULT '',
    duration_ms INTEGER CHECK (duration_ms >= 0),
    price_cents INTEGER CHECK (price_cents >= 0),
    source_uri  TEXT,
    colour      TEXT NOT NULL,
    created_at  TEXT NOT NULL
) STRICT;

CREATE INDEX items_by_title ON items (title COLLATE NOCASE, id);

CREATE TABLE item_tags (
    item_id BLOB NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    tag     TEXT NOT NULL,
    PRIMARY KEY (item_id, tag)
) STRICT, WITHOUT ROWID;

CREATE INDEX item_tags_by_tag ON item_tags (tag);

CREATE TABLE bundles (
    id         BLOB PRIMARY KEY,
    name       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    kept_at    TEXT NOT NULL
) STRICT;

CREATE TABLE entries (
    id        BLOB PRIMARY KEY,
    bundle_id BLOB NOT NULL REFERENCES bundles (id) ON DELETE CASCADE,
    item_id   BLOB NOT NULL REFERENCES items (id),
    order_key BLOB NOT NULL,
    added_at  TEXT NOT NULL
) STRICT;

CREATE INDEX entries_in_order ON entries (bundle_id, order_key);
CREATE INDEX entries_by_item ON entries (item_id);
