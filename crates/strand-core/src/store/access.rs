//! Queries on the tables the tier is derived from (`licences`, `trial`, `meta.last_seen`) and on
//! the funnel.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension};

use super::meta;
use crate::error::Result;
use crate::funnel::{FunnelCount, FunnelStep};

/// Every activated licence token, newest first.
pub(crate) fn licence_tokens(connection: &Connection) -> Result<Vec<String>> {
    let mut statement =
        connection.prepare_cached("SELECT token FROM licences ORDER BY activated_at DESC")?;
    let tokens = statement
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(tokens)
}

/// Stores an activated licence (activating the same licence again replaces it).
pub(crate) fn insert_licence(
    connection: &Connection,
    licence_id: &str,
    token: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    connection.execute(
        "INSERT OR REPLACE INTO licences (licence_id, token, activated_at) VALUES (?1, ?2, ?3)",
        (licence_id, token, now),
    )?;
    Ok(())
}

/// When the one-time trial was started, if it was.
pub(crate) fn trial_started(connection: &Connection) -> Result<Option<DateTime<Utc>>> {
    Ok(connection
        .prepare_cached("SELECT started_at FROM trial WHERE id = 1")?
        .query_row([], |row| row.get(0))
        .optional()?)
}

/// Starts the trial; the table's single-row constraint makes a second start fail.
pub(crate) fn start_trial(connection: &Connection, now: DateTime<Utc>) -> Result<()> {
    connection.execute("INSERT INTO trial (id, started_at) VALUES (1, ?1)", [now])?;
    Ok(())
}

const LAST_SEEN: &str = "last_seen";
const FUNNEL_OPT_IN: &str = "funnel_opt_in";

/// The latest system time Strand has seen.
pub(crate) fn last_seen(connection: &Connection) -> Result<Option<DateTime<Utc>>> {
    Ok(meta::get(connection, LAST_SEEN)?
        .and_then(|text| DateTime::parse_from_rfc3339(&text).ok())
        .map(|t| t.to_utc()))
}

/// Records the system time as seen.
pub(crate) fn set_last_seen(connection: &Connection, now: DateTime<Utc>) -> Result<()> {
    meta::set(connection, LAST_SEEN, &now.to_rfc3339())
}

/// Whether the person agreed to local funnel recording.
pub(crate) fn funnel_opt_in(connection: &Connection) -> Result<bool> {
    Ok(meta::get(connection, FUNNEL_OPT_IN)?.as_deref() == Some("true"))
}

/// Records the person's choice about funnel recording.
pub(crate) fn set_funnel_opt_in(connection: &Connection, opted_in: bool) -> Result<()> {
    meta::set(
        connection,
        FUNNEL_OPT_IN,
        if opted_in { "true" } else { "false" },
    )
}

/// Appends one funnel event.
pub(crate) fn record_funnel(
    connection: &Connection,
    step: FunnelStep,
    now: DateTime<Utc>,
) -> Result<()> {
    connection
        .prepare_cached("INSERT INTO funnel_events (step, at) VALUES (?1, ?2)")?
        .execute((step.as_str(), now))?;
    Ok(())
}

/// How often each step happened, in funnel order (zero for steps never seen).
pub(crate) fn funnel_counts(connection: &Connection) -> Result<Vec<FunnelCount>> {
    let mut statement =
        connection.prepare_cached("SELECT COUNT(*) FROM funnel_events WHERE step = ?1")?;
    FunnelStep::ALL
        .into_iter()
        .map(|step| {
            Ok(FunnelCount {
                step,
                count: statement.query_row([step.as_str()], |row| row.get(0))?,
            })
        })
        .collect()
}

/// Empties the library for a fresh demo: every table, and the facts in `meta`.
pub(crate) fn wipe(connection: &Connection) -> Result<()> {
    connection.execute_batch(
        "DELETE FROM entries; DELETE FROM bundles; DELETE FROM folders; DELETE FROM item_tags; DELETE FROM items;
         DELETE FROM licences; DELETE FROM trial; DELETE FROM funnel_events; DELETE FROM meta;
         UPDATE library_stats SET items = 0;",
    )?;
    Ok(())
}
