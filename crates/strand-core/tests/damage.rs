//! Damage as a failing disk or a stray write leaves it, for the tests of a damaged library (the
//! core's and the end-to-end ones, which include this file by path).

use std::io::{Seek, SeekFrom, Write};
use std::path::Path;

use rusqlite::Connection;

/// Overwrites the first page of the table or index `object` in the closed library at `path`
/// with garbage, as a failing disk or a stray write would.
pub fn damage_page_of(path: &Path, object: &str) {
    let (page, page_size): (i64, i64) = {
        let raw = Connection::open(path).expect("raw");
        raw.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .expect("checkpoint");
        let page = raw
            .query_row(
                "SELECT rootpage FROM sqlite_schema WHERE name = ?1",
                [object],
                |row| row.get(0),
            )
            .expect("the object's first page");
        let size = raw
            .pragma_query_value(None, "page_size", |row| row.get(0))
            .expect("page size");
        (page, size)
    };
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .expect("open to damage");
    let offset = u64::try_from((page - 1) * page_size).expect("a page inside the file");
    file.seek(SeekFrom::Start(offset)).expect("seek");
    file.write_all(&[0xFF; 64]).expect("damage");
}
