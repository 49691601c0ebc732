-- Folders group bundles: a kept bundle is in one folder or none. Membership is a table of its
-- own, so deleting a folder (or a bundle) removes just its rows and the bundles stay.
CREATE TABLE folders (
    id         BLOB PRIMARY KEY,
    name       TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;
CREATE TABLE bundle_folders (
    bundle_id BLOB PRIMARY KEY REFERENCES bundles (id) ON DELETE CASCADE,
    folder_id BLOB NOT NULL REFERENCES folders (id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
CREATE INDEX bundle_folders_by_folder ON bundle_folders (folder_id);
