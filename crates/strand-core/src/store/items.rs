//! Queries on the `items` and `item_tags` tables: the library.

use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use chrono::{DateTime, Utc};
use roaring::RoaringTreemap;
use rusqlite::types::Type;
use rusqlite::{CachedStatement, Connection, OptionalExtension, Row};

use crate::error::{Error, Result};
use crate::formats::location;
use crate::ids::ItemId;
use crate::model::{Item, ItemDetails, ItemKind, ItemPage};
use crate::search;

/// The columns [`item_from_row`] reads, for any query that aliases `items` as `i`.
pub(super) const ITEM_COLUMNS: &str = "i.id, i.kind, i.title, i.creator, i.duration_ms, \
     i.price_cents, i.source_uri, i.colour, \
     (SELECT json_group_array(tag ORDER BY tag) FROM item_tags t WHERE t.item_id = i.id), \
     i.currency";

/// Reads an item from [`ITEM_COLUMNS`], starting at column `first`.
pub(super) fn item_from_row(row: &Row<'_>, first: usize) -> rusqlite::Result<Item> {
    // Borrowed, not copied: a 100,000-entry bundle reads these 100,000 times.
    let kind = row.get_ref(first + 1)?.as_str()?;
    let kind = ItemKind::parse(kind).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            first + 1,
            Type::Text,
            format!("unknown kind {kind}").into(),
        )
    })?;
    let tags = row.get_ref(first + 8)?.as_str()?;
    let tags = serde_json::from_str(tags).map_err(|error| {
        rusqlite::Error::FromSqlConversionFailure(first + 8, Type::Text, error.into())
    })?;
    Ok(Item {
        id: row.get(first)?,
        details: ItemDetails {
            kind,
            title: row.get(first + 2)?,
            creator: row.get(first + 3)?,
            duration_ms: row.get(first + 4)?,
            price_cents: row.get(first + 5)?,
            currency: row.get(first + 9)?,
            source_uri: row.get(first + 6)?,
            colour: row.get(first + 7)?,
            tags,
        },
    })
}

/// One page of the library, by title.
pub(crate) fn page(connection: &Connection, offset: u32, limit: u32) -> Result<ItemPage> {
    let mut statement = connection.prepare_cached(&format!(
        "SELECT {ITEM_COLUMNS} FROM items i ORDER BY i.title COLLATE NOCASE, i.id LIMIT ?1 OFFSET ?2"
    ))?;
    let items = statement
        .query_map((limit, offset), |row| item_from_row(row, 0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let total = connection.query_row("SELECT items FROM library_stats", [], |row| row.get(0))?;
    Ok(ItemPage {
        items,
        total,
        sample: sample_count(connection)?,
    })
}

/// Up to `limit` items matching the FTS5 `expression` (see [`crate::search`]), of `kind` if
/// given. Unranked, in the order the index holds them: a ranked query on a term half the library
/// shares must score every match, and a person typing wants results, not a wait.
pub(crate) fn search(
    connection: &Connection,
    expression: Option<&str>,
    kind: Option<ItemKind>,
    limit: u32,
) -> Result<Vec<Item>> {
    let kind = kind.map(ItemKind::as_str);
    let items = match expression {
        Some(expression) => connection
            .prepare_cached(&format!(
                "SELECT {ITEM_COLUMNS} FROM items_fts JOIN items i ON i.rowid = items_fts.rowid
                 WHERE items_fts MATCH ?1 AND (?2 IS NULL OR i.kind = ?2) LIMIT ?3"
            ))?
            .query_map((expression, kind, limit), |row| item_from_row(row, 0))?
            .collect::<rusqlite::Result<Vec<_>>>()?,
        None => connection
            .prepare_cached(&format!(
                "SELECT {ITEM_COLUMNS} FROM items i WHERE (?1 IS NULL OR i.kind = ?1)
                 ORDER BY i.title COLLATE NOCASE, i.id LIMIT ?2"
            ))?
            .query_map((kind, limit), |row| item_from_row(row, 0))?
            .collect::<rusqlite::Result<Vec<_>>>()?,
    };
    Ok(items)
}

/// The rowid of every item matching the FTS5 `expression` (the index's name for an item), as
/// [`item_rows`] gives them: a set a bit per item, so even half the library is small and quick.
pub(crate) fn matching_rows(connection: &Connection, expression: &str) -> Result<RoaringTreemap> {
    let mut statement =
        connection.prepare_cached("SELECT rowid FROM items_fts WHERE items_fts MATCH ?1")?;
    let rows = statement
        .query_map([expression], |row| {
            row.get::<_, i64>(0).map(i64::cast_unsigned)
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The id of every item matching the FTS5 `expression`.
pub(crate) fn matching_ids(connection: &Connection, expression: &str) -> Result<HashSet<ItemId>> {
    Ok(connection
        .prepare_cached(
            "SELECT i.id FROM items_fts JOIN items i ON i.rowid = items_fts.rowid
             WHERE items_fts MATCH ?1",
        )?
        .query_map([expression], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

/// How many items one statement looks up. A statement per item spent as long on the statement
/// as on the seek; one for many spends it once.
const ROWS_PER_LOOKUP: usize = 256;

/// The rowids of these items (as [`matching_rows`] holds them), by id; ids that name nothing are
/// left out.
pub(crate) fn item_rows(connection: &Connection, ids: &[ItemId]) -> Result<HashMap<ItemId, u64>> {
    static LOOKUP: LazyLock<String> = LazyLock::new(|| {
        format!(
            "SELECT id, rowid FROM items WHERE id IN ({})",
            vec!["?"; ROWS_PER_LOOKUP].join(", ")
        )
    });
    let mut statement = connection.prepare_cached(&LOOKUP)?;
    let mut rows = HashMap::with_capacity(ids.len());
    for chunk in ids.chunks(ROWS_PER_LOOKUP) {
        // A short chunk names its last id again, so one statement serves every chunk.
        let padding = chunk
            .last()
            .into_iter()
            .cycle()
            .take(ROWS_PER_LOOKUP - chunk.len());
        let found = statement.query_map(
            rusqlite::params_from_iter(chunk.iter().chain(padding)),
            |row| Ok((row.get(0)?, row.get::<_, i64>(1)?.cast_unsigned())),
        )?;
        for pair in found {
            let (id, row) = pair?;
            rows.insert(id, row);
        }
    }
    Ok(rows)
}

/// Every item of the library, oldest first.
pub(crate) fn all_items(connection: &Connection) -> Result<Vec<Item>> {
    let mut statement = connection.prepare_cached(&format!(
        "SELECT {ITEM_COLUMNS} FROM items i ORDER BY i.rowid"
    ))?;
    let items = statement
        .query_map([], |row| item_from_row(row, 0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(items)
}

/// The item with `id`.
pub(crate) fn item(connection: &Connection, id: ItemId) -> Result<Item> {
    let mut statement = connection.prepare_cached(&format!(
        "SELECT {ITEM_COLUMNS} FROM items i WHERE i.id = ?1"
    ))?;
    statement
        .query_row([id], |row| item_from_row(row, 0))
        .optional()?
        .ok_or_else(|| Error::not_found("item", id))
}

/// Whether an item with `id` exists.
pub(crate) fn item_exists(connection: &Connection, id: ItemId) -> Result<bool> {
    let mut statement = connection.prepare_cached("SELECT 1 FROM items WHERE id = ?1")?;
    Ok(statement.exists([id])?)
}

/// The items with these ids, by id; ids that name nothing are left out.
pub(crate) fn items_by_id(
    connection: &Connection,
    ids: impl IntoIterator<Item = ItemId>,
) -> Result<HashMap<ItemId, Item>> {
    let mut found = HashMap::new();
    for id in ids {
        if let Entry::Vacant(slot) = found.entry(id) {
            match item(connection, id) {
                Ok(item) => {
                    slot.insert(item);
                }
                Err(Error::NotFound { .. }) => {}
                Err(error) => return Err(error),
            }
        }
    }
    Ok(found)
}

/// Adds `items` to the library with fresh ids; the caller's transaction makes it all or nothing.
pub(crate) fn insert_items(
    connection: &Connection,
    items: &[ItemDetails],
    now: DateTime<Utc>,
) -> Result<Vec<ItemId>> {
    let mut writer = ItemWriter::new(connection, now)?;
    let ids = items
        .iter()
        .map(|item| {
            let id = ItemId::new();
            writer.insert(id, item)?;
            Ok(id)
        })
        .collect::<Result<_>>()?;
    writer.finish()?;
    Ok(ids)
}

/// Adds the sample catalogue, each item marked as the sample's so it can be taken out again.
pub(crate) fn insert_sample(connection: &Connection, now: DateTime<Utc>) -> Result<u32> {
    let ids = insert_items(connection, &crate::catalogue::sample_catalogue(), now)?;
    let mut mark = connection.prepare_cached("UPDATE items SET sample = 1 WHERE id = ?1")?;
    for id in &ids {
        mark.execute([id])?;
    }
    Ok(ids.len() as u32)
}

/// How many items of the sample catalogue the library holds.
pub(crate) fn sample_count(connection: &Connection) -> Result<u32> {
    Ok(connection
        .prepare_cached("SELECT COUNT(*) FROM items WHERE sample = 1")?
        .query_row([], |row| row.get(0))?)
}

/// Takes out the sample's items that no bundle threads (kept, in the trash, or one of
/// `in_drafts`); answers how many went and how many stay because a bundle threads them.
pub(crate) fn delete_sample(
    connection: &Connection,
    in_drafts: &HashSet<ItemId>,
) -> Result<(u32, u32)> {
    let mut unthreaded: HashSet<ItemId> = connection
        .prepare_cached("SELECT id FROM items WHERE sample = 1")?
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    // Entries have no index by item (migration 0014): one pass over them, not one per item.
    let mut entries = connection.prepare_cached("SELECT item_id FROM entries")?;
    let mut threaded = entries.query([])?;
    while let Some(row) = threaded.next()? {
        unthreaded.remove(&row.get::<_, ItemId>(0)?);
    }
    let mut delete = connection.prepare_cached("DELETE FROM items WHERE id = ?1")?;
    let mut removed = 0;
    for id in unthreaded.iter().filter(|id| !in_drafts.contains(id)) {
        removed += delete.execute([id])? as u32;
    }
    connection
        .prepare_cached("UPDATE library_stats SET items = items - ?1")?
        .execute([removed])?;
    Ok((removed, sample_count(connection)?))
}

/// Writes items one after another inside the caller's transaction: the statements are prepared
/// once and the creation time formatted once, because an import writes a million of them.
pub(crate) struct ItemWriter<'c> {
    insert_item: CachedStatement<'c>,
    insert_tag: CachedStatement<'c>,
    insert_index: CachedStatement<'c>,
    created_at: String,
    connection: &'c Connection,
    /// How many items were written, for the library's stored count.
    written: i64,
}

impl<'c> ItemWriter<'c> {
    pub fn new(connection: &'c Connection, now: DateTime<Utc>) -> Result<ItemWriter<'c>> {
        Ok(ItemWriter {
            insert_item: connection.prepare_cached(
                "INSERT INTO items (id, kind, title, creator, duration_ms, price_cents, source_uri, colour, created_at, currency)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?,
            insert_tag: connection
                .prepare_cached("INSERT OR IGNORE INTO item_tags (item_id, tag) VALUES (?1, ?2)")?,
            insert_index: connection.prepare_cached(
                "INSERT INTO items_fts (rowid, title, creator, tags) VALUES (?1, ?2, ?3, ?4)",
            )?,
            // As rusqlite writes a `DateTime<Utc>`, so every row reads back the same way.
            created_at: now.format("%F %T%.f%:z").to_string(),
            connection,
            written: 0,
        })
    }

    /// Adds what was written so far to the library's item count; call it before the
    /// transaction ends.
    pub fn finish(&mut self) -> Result<()> {
        self.connection
            .prepare_cached("UPDATE library_stats SET items = items + ?1")?
            .execute([std::mem::take(&mut self.written)])?;
        Ok(())
    }

    /// Adds one item with `id`, its tags and its search-index row (written here rather than by
    /// triggers, so an item with tags costs one index write, not one per tag).
    pub fn insert(&mut self, id: ItemId, item: &ItemDetails) -> Result<()> {
        self.write(id, item, None)
    }

    /// As [`ItemWriter::insert`], with the creation time as stored: an item put back as it was.
    pub fn insert_made_at(
        &mut self,
        id: ItemId,
        item: &ItemDetails,
        created_at: &str,
    ) -> Result<()> {
        self.write(id, item, Some(created_at))
    }

    fn write(&mut self, id: ItemId, item: &ItemDetails, created_at: Option<&str>) -> Result<()> {
        let rowid = self.insert_item.insert((
            id,
            item.kind.as_str(),
            &item.title,
            &item.creator,
            item.duration_ms,
            item.price_cents,
            item.source_uri.as_deref().map(location::canonical),
            &item.colour,
            created_at.unwrap_or(&self.created_at),
            &item.currency,
        ))?;
        for tag in &item.tags {
            self.insert_tag.execute((id, tag))?;
        }
        let (title, creator, tags) = index_texts(item);
        self.insert_index.execute((rowid, title, creator, tags))?;
        self.written += 1;
        Ok(())
    }
}

/// The texts the search index holds for an item: title, creator and tags, folded as a search is.
pub(super) fn index_texts(item: &ItemDetails) -> (Cow<'_, str>, Cow<'_, str>, String) {
    (
        search::fold(&item.title),
        search::fold(&item.creator),
        search::fold(&item.tags.join(" ")).into_owned(),
    )
}

/// The library item an imported entry stands for, if there is one: the item it names by id,
/// else the item at its address, else one with the same title (ignoring case), creator and
/// duration.
/// Importers hand over canonical addresses ([`location::resolve`] makes them).
pub(crate) fn matching_item(
    connection: &Connection,
    id: Option<ItemId>,
    item: &ItemDetails,
) -> Result<Option<ItemId>> {
    if let Some(id) = id
        && item_exists(connection, id)?
    {
        return Ok(Some(id));
    }
    if let Some(uri) = &item.source_uri {
        let found = item_at_address(connection, uri)?;
        if found.is_some() {
            return Ok(found);
        }
    }
    Ok(connection
        .prepare_cached(
            "SELECT id FROM items WHERE title = ?1 COLLATE NOCASE AND creator = ?2
             AND duration_ms IS ?3 LIMIT 1",
        )?
        .query_row((&item.title, &item.creator, item.duration_ms), |row| {
            row.get(0)
        })
        .optional()?)
}

/// The first item at the canonical address `uri`, if any.
pub(crate) fn item_at_address(connection: &Connection, uri: &str) -> Result<Option<ItemId>> {
    Ok(connection
        .prepare_cached("SELECT id FROM items WHERE source_uri = ?1 LIMIT 1")?
        .query_row([uri], |row| row.get(0))
        .optional()?)
}
