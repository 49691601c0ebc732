//! How a change's entries are written in the stored history. A bulk add of 10,000 entries is one
//! change whose entries form a run: each follows the one before, all added at the same moment.
//! Written entry by entry that is ~170 bytes each (three ids, a time, four field names); as a run
//! it is where the run starts, the moment, and each entry's id and item packed as bytes in one
//! base64 text — 43 bytes an entry, a quarter, which is that much less for keeping such a draft
//! to write and for undoing the add to read. Entries that do not form a run are written one by
//! one; every form written before (entry by entry, runs with their ids as text) is still read.

use base64::Engine;
use base64::engine::general_purpose::STANDARD_NO_PAD;
use chrono::{DateTime, Utc};
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Placed;
use crate::ids::{EntryId, ItemId};

#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum Stored {
    OneByOne(Vec<Placed>),
    Run(Run),
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    after: Option<EntryId>,
    added_at: DateTime<Utc>,
    entries: RunIds,
}

/// A run's entry and item ids.
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum RunIds {
    /// Each entry's id and its item's, 32 bytes, one after the other, as base64.
    Packed(String),
    /// As text, pair by pair: how runs were written before they were packed.
    Listed(Vec<(EntryId, ItemId)>),
}

impl RunIds {
    fn pack(ids: impl ExactSizeIterator<Item = (EntryId, ItemId)>) -> RunIds {
        let mut bytes = Vec::with_capacity(ids.len() * 32);
        for (entry, item) in ids {
            bytes.extend_from_slice(entry.as_bytes());
            bytes.extend_from_slice(item.as_bytes());
        }
        RunIds::Packed(STANDARD_NO_PAD.encode(bytes))
    }

    fn unpack(self) -> Result<Vec<(EntryId, ItemId)>, String> {
        let text = match self {
            RunIds::Listed(ids) => return Ok(ids),
            RunIds::Packed(text) => text,
        };
        let bytes = STANDARD_NO_PAD
            .decode(text)
            .map_err(|error| format!("a run's ids are damaged: {error}"))?;
        let pairs = bytes.chunks_exact(32);
        if !pairs.remainder().is_empty() {
            return Err("a run's ids are cut short".into());
        }
        pairs
            .map(|pair| {
                let (entry, item) = pair.split_at(16);
                Ok((EntryId::from_slice(entry)?, ItemId::from_slice(item)?))
            })
            .collect::<Result<_, uuid::Error>>()
            .map_err(|error| error.to_string())
    }
}

/// The entries as a run, if they are one (two or more, each after the one before, one time).
fn as_run(entries: &[Placed]) -> Option<Run> {
    let (first, rest) = entries.split_first()?;
    let chained = !rest.is_empty()
        && entries
            .windows(2)
            .all(|pair| pair[1].after == Some(pair[0].id) && pair[1].added_at == pair[0].added_at);
    chained.then(|| Run {
        after: first.after,
        added_at: first.added_at,
        entries: RunIds::pack(entries.iter().map(|entry| (entry.id, entry.item))),
    })
}

pub(crate) fn serialize<S: Serializer>(
    entries: &[Placed],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match as_run(entries) {
        Some(run) => Stored::Run(run).serialize(serializer),
        None => entries.serialize(serializer),
    }
}

pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<Placed>, D::Error> {
    Ok(match Stored::deserialize(deserializer)? {
        Stored::OneByOne(entries) => entries,
        Stored::Run(run) => {
            let mut after = run.after;
            run.entries
                .unpack()
                .map_err(D::Error::custom)?
                .into_iter()
                .map(|(id, item)| {
                    let placed = Placed {
                        id,
                        item,
                        added_at: run.added_at,
                        after,
                    };
                    after = Some(id);
                    placed
                })
                .collect()
        }
    })
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::history::Change;

    fn added(entries: Vec<Placed>) -> Change {
        Change::Added { entries }
    }

    fn run_of(count: usize, after: Option<EntryId>) -> Vec<Placed> {
        let at = Utc.timestamp_opt(1_700_000_000, 5).unwrap();
        let mut previous = after;
        (0..count)
            .map(|_| {
                let entry = Placed {
                    id: EntryId::new(),
                    item: ItemId::new(),
                    added_at: at,
                    after: previous,
                };
                previous = Some(entry.id);
                entry
            })
            .collect()
    }

    /// What a stored change holds under `entries`.
    fn written_entries(json: &str) -> serde_json::Value {
        let value: serde_json::Value = serde_json::from_str(json).expect("json");
        value["entries"].clone()
    }

    fn round_trip(change: &Change) -> (String, Change) {
        let json = serde_json::to_string(change).expect("serialises");
        let read = serde_json::from_str(&json).expect("reads back");
        (json, read)
    }

    #[test]
    fn a_bulk_add_is_written_as_a_run_at_under_a_third_of_the_size_and_read_back_whole() {
        let entries = run_of(1000, Some(EntryId::new()));
        let one_by_one = serde_json::to_string(&entries).expect("list");
        let change = added(entries);
        let (json, read) = round_trip(&change);
        assert_eq!(read, change);
        assert!(written_entries(&json).is_object());
        assert!(
            json.len() * 3 < one_by_one.len(),
            "{} vs {}",
            json.len(),
            one_by_one.len()
        );
    }

    #[test]
    fn entries_that_are_no_run_are_written_one_by_one_and_read_back_whole() {
        let mut broken = run_of(3, None);
        broken[2].after = None;
        let mut two_moments = run_of(3, None);
        two_moments[1].added_at = Utc.timestamp_opt(1_800_000_000, 0).unwrap();
        for entries in [broken, two_moments, run_of(1, None), Vec::new()] {
            let change = Change::Removed { entries };
            let (json, read) = round_trip(&change);
            assert!(written_entries(&json).is_array());
            assert_eq!(read, change);
        }
    }

    #[test]
    fn history_written_before_runs_existed_is_still_read() {
        let entries = run_of(2, None);
        let stored = format!(
            r#"{{"change":"added","entries":{}}}"#,
            serde_json::to_string(&entries).expect("list")
        );
        let read: Change = serde_json::from_str(&stored).expect("reads the older form");
        assert_eq!(read, added(entries));
    }

    #[test]
    fn runs_written_with_their_ids_as_text_are_still_read() {
        let entries = run_of(3, Some(EntryId::new()));
        let ids: Vec<(EntryId, ItemId)> = entries.iter().map(|e| (e.id, e.item)).collect();
        let stored = format!(
            r#"{{"change":"added","entries":{{"after":"{}","addedAt":"{}","entries":{}}}}}"#,
            entries[0].after.expect("after"),
            entries[0].added_at.to_rfc3339(),
            serde_json::to_string(&ids).expect("ids")
        );
        let read: Change = serde_json::from_str(&stored).expect("reads the text form");
        assert_eq!(read, added(entries));
    }

    #[test]
    fn a_run_whose_packed_ids_are_damaged_is_refused_not_misread() {
        let (json, _) = round_trip(&added(run_of(2, None)));
        let packed = written_entries(&json)["entries"]
            .as_str()
            .expect("packed")
            .to_owned();
        let cut = json.replace(&packed, &packed[..packed.len() - 4]);
        assert!(serde_json::from_str::<Change>(&cut).is_err());
    }
}
