//! What a kept bundle adds up to, summed by SQLite over its entries (a draft's is summed in
//! memory by [`BundleTotals::add`]; a test holds the two to the same answer).

use rusqlite::Connection;

use crate::error::Result;
use crate::ids::BundleId;
use crate::model::{BundleTotals, PriceTotal};

pub(crate) fn kept_totals(connection: &Connection, bundle: BundleId) -> Result<BundleTotals> {
    let (duration_ms, timed) = connection
        .prepare_cached(
            "SELECT COALESCE(SUM(i.duration_ms), 0), COUNT(i.duration_ms)
             FROM entries e JOIN items i ON i.id = e.item_id WHERE e.bundle_id = ?1",
        )?
        .query_row([bundle], |row| {
            Ok((row.get::<_, i64>(0)?, row.get::<_, i64>(1)?))
        })?;
    let prices = connection
        .prepare_cached(
            "SELECT i.currency, SUM(i.price_cents), COUNT(*)
             FROM entries e JOIN items i ON i.id = e.item_id
             WHERE e.bundle_id = ?1 AND i.price_cents IS NOT NULL
             GROUP BY i.currency",
        )?
        .query_map([bundle], |row| {
            Ok(PriceTotal {
                currency: row.get(0)?,
                cents: row.get::<_, i64>(1)?.unsigned_abs(),
                entries: row.get::<_, i64>(2)?.unsigned_abs() as u32,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut totals = BundleTotals {
        duration_ms: duration_ms.unsigned_abs(),
        timed: timed.unsigned_abs() as u32,
        prices,
    };
    totals.sort_prices();
    Ok(totals)
}
