-- Undo and redo for kept bundles, surviving restarts: each change as JSON (see history.rs), in
-- the order made; `undone` marks the changes undone and not yet redone (always the newest).

CREATE TABLE bundle_history (
    bundle_id BLOB NOT NULL REFERENCES bundles (id) ON DELETE CASCADE,
    seq       INTEGER NOT NULL,
    change    TEXT NOT NULL,
    undone    INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
    PRIMARY KEY (bundle_id, seq)
) STRICT, WITHOUT ROWID;
