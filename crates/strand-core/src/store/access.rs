//! Queries on the tables the tier is derived from (`licences`, `trial`, `days_seen` and the times
//! written on kept data) and on the funnel.

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

const FUNNEL_OPT_IN: &str = "funnel_opt_in";

/// The latest system time Strand recorded seeing.
pub(crate) fn last_seen(connection: &Connection) -> Result<Option<DateTime<Utc>>> {
    Ok(connection
        .prepare_cached("SELECT latest FROM days_seen ORDER BY day DESC LIMIT 1")?
        .query_row([], |row| row.get(0))
        .optional()?)
}

/// Records the system time as seen, on today's row.
pub(crate) fn set_last_seen(connection: &Connection, now: DateTime<Utc>) -> Result<()> {
    connection
        .prepare_cached("INSERT OR REPLACE INTO days_seen (day, latest) VALUES (?1, ?2)")?
        .execute((now.format("%Y-%m-%d").to_string(), now.to_rfc3339()))?;
    Ok(())
}

/// The latest time the library has evidence of: the time Strand last saw, and the newest
/// time written on an item, a bundle, an entry, a licence, the trial or a funnel event. Each
/// is one seek (the newest row by rowid, or a single-row table), so the gate can ask often.
pub(crate) fn latest_evidence(connection: &Connection) -> Result<Option<DateTime<Utc>>> {
    const WRITTEN_AS_TEXT: &[&str] = &[
        "SELECT created_at FROM items ORDER BY rowid DESC LIMIT 1",
        "SELECT MAX(created_at, kept_at) FROM bundles ORDER BY rowid DESC LIMIT 1",
        "SELECT MAX(activated_at) FROM licences",
        "SELECT started_at FROM trial",
        "SELECT at FROM funnel_events ORDER BY id DESC LIMIT 1",
    ];
    let mut latest = last_seen(connection)?;
    for query in WRITTEN_AS_TEXT {
        let written: Option<Option<DateTime<Utc>>> = connection
            .prepare_cached(query)?
            .query_row([], |row| row.get(0))
            .optional()?;
        latest = latest.max(written.flatten());
    }
    let entry: Option<i64> = connection
        .prepare_cached("SELECT added_at FROM entries ORDER BY rowid DESC LIMIT 1")?
        .query_row([], |row| row.get(0))
        .optional()?;
    Ok(latest.max(entry.map(DateTime::from_timestamp_nanos)))
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
         DELETE FROM days_seen;
         UPDATE library_stats SET items = 0;",
    )?;
    Ok(())
}
