//! The library check: SQLite's `quick_check` (bounded to its first problems) and Strand's own
//! invariants, which SQLite cannot know — every entry's item exists, every stored entry count
//! is right, and no two entries of a bundle share an order key. Each finding is a sentence a
//! person can read; an empty list means the library is sound.

use rusqlite::Connection;

use crate::error::Result;

/// How many problems `quick_check` reports at most.
const QUICK_CHECK_PROBLEMS: u32 = 20;

/// What is wrong with the library, in plain words; nothing when it is sound.
pub(crate) fn problems(connection: &Connection) -> Result<Vec<String>> {
    let mut found: Vec<String> = connection
        .prepare(&format!("PRAGMA quick_check({QUICK_CHECK_PROBLEMS})"))?
        .query_map([], |row| row.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .filter(|line| line != "ok")
        .map(|line| format!("the database file is damaged: {line}"))
        .collect();
    if !found.is_empty() {
        // The invariants below read the damaged pages; what SQLite said is the finding.
        return Ok(found);
    }
    let count = |sql: &str| -> Result<i64> { Ok(connection.query_row(sql, [], |row| row.get(0))?) };
    let dangling = count(
        "SELECT COUNT(*) FROM entries e WHERE NOT EXISTS (SELECT 1 FROM items i WHERE i.id = e.item_id)",
    )?;
    if dangling > 0 {
        found.push(format!(
            "{dangling} entries thread an item the library no longer holds (shown as missing)"
        ));
    }
    let miscounted = count(
        "SELECT COUNT(*) FROM bundles b
         WHERE b.entry_count != (SELECT COUNT(*) FROM entries e WHERE e.bundle_id = b.id)",
    )?;
    if miscounted > 0 {
        found.push(format!(
            "{miscounted} bundles give a wrong number of entries"
        ));
    }
    let shared_keys = count(
        "SELECT COUNT(*) FROM (SELECT 1 FROM entries GROUP BY bundle_id, order_key HAVING COUNT(*) > 1)",
    )?;
    if shared_keys > 0 {
        found.push(format!(
            "{shared_keys} places where two entries of a bundle share one position"
        ));
    }
    Ok(found)
}
