//! The library check: SQLite's `quick_check` (bounded to its first problems) and Strand's own
//! invariants, which SQLite cannot know — every entry's item exists, every stored entry count
//! is right, and no two entries of a bundle share an order key. Each finding is a sentence a
//! person can read. A damaged file makes the library read-only; a broken rule does not (what it
//! breaks is shown as such: a missing item, a count).

use rusqlite::Connection;

use crate::error::{Error, Result};

/// How many problems `quick_check` reports at most.
const QUICK_CHECK_PROBLEMS: u32 = 20;

/// What the check found, in plain words.
#[derive(Debug, Default)]
pub(crate) struct Findings {
    /// What SQLite found damaged in the file.
    pub damage: Vec<String>,
    /// Strand's rules the library breaks.
    pub broken_rules: Vec<String>,
}

impl Findings {
    /// Every finding, the damage first.
    pub fn problems(self) -> Vec<String> {
        let mut problems = self.damage;
        problems.extend(self.broken_rules);
        problems
    }
}

/// What is wrong with the library the connection reads.
pub(crate) fn problems(connection: &Connection) -> Result<Findings> {
    let damage = damage(connection)?;
    if !damage.is_empty() {
        // The rules read the damaged pages; what SQLite said is the finding.
        return Ok(Findings {
            damage,
            broken_rules: Vec::new(),
        });
    }
    match broken_rules(connection) {
        Ok(broken_rules) => Ok(Findings {
            damage,
            broken_rules,
        }),
        // `quick_check` does not read an index against its table; the rules may meet what it
        // passed over.
        Err(Error::Storage(error)) if is_damage(&error) => Ok(Findings {
            damage: vec![damaged(&error.to_string())],
            broken_rules: Vec::new(),
        }),
        Err(error) => Err(error),
    }
}

/// A finding of damage, in the words SQLite gave.
pub(crate) fn damaged(what_sqlite_said: &str) -> String {
    format!("the library file is damaged: {what_sqlite_said}")
}

/// What SQLite's `quick_check` finds damaged in the file the connection reads; nothing when
/// it is sound. A file too damaged to check at all is one finding.
pub(crate) fn damage(connection: &Connection) -> Result<Vec<String>> {
    let lines = connection
        .prepare(&format!("PRAGMA quick_check({QUICK_CHECK_PROBLEMS})"))
        .and_then(|mut check| {
            check
                .query_map([], |row| row.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()
        });
    let lines = match lines {
        Ok(lines) => lines,
        Err(error) if is_damage(&error) => vec![error.to_string()],
        Err(error) => return Err(error.into()),
    };
    Ok(lines
        .into_iter()
        .filter(|line| line != "ok")
        .map(|line| damaged(&line))
        .collect())
}

/// Whether SQLite failed because the file it read is damaged.
pub(crate) fn is_damage(error: &rusqlite::Error) -> bool {
    matches!(
        error.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
    )
}

fn broken_rules(connection: &Connection) -> Result<Vec<String>> {
    let mut found = Vec::new();
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
