//! Order keys: each entry carries a key that sorts it among its siblings, so moving an entry
//! rewrites that entry's key alone, never the list. Keys come from the `fractional_index` crate
//! (stored as BLOBs, which SQLite compares bytewise, exactly as the crate orders them).
//!
//! Repeated inserts into one gap make keys longer; once a key passes [`MAX_KEY_BYTES`] the
//! bundle's keys are rebalanced with [`evenly_spaced`] in one transaction.

use fractional_index::FractionalIndex;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use crate::error::{Error, Result};

/// A key longer than this triggers a rebalance of its bundle.
pub const MAX_KEY_BYTES: usize = 48;

/// The byte the crate ends every key with.
const TERMINATOR: u8 = 0x80;

/// Digits of an evenly spaced key avoid 0 and 255 so that a key before the first and after the
/// last can always be made without growing.
const DIGIT_BASE: u64 = 254;

/// Sorts an entry among its siblings.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct OrderKey(FractionalIndex);

impl OrderKey {
    /// How many bytes the key takes.
    pub fn byte_len(&self) -> usize {
        self.0.as_bytes().len()
    }

    /// Whether the key has grown long enough that its bundle should be rebalanced.
    pub fn needs_rebalance(&self) -> bool {
        self.byte_len() > MAX_KEY_BYTES
    }
}

/// A key that sorts after `before` (if any) and before `after` (if any), checked to fall strictly
/// between them: a key equal to a neighbour would silently swap two entries.
pub fn between(before: Option<&OrderKey>, after: Option<&OrderKey>) -> Result<OrderKey> {
    let key = match (before, after) {
        (Some(before), Some(after)) => between_both(&before.0, &after.0),
        _ => FractionalIndex::new(before.map(|k| &k.0), after.map(|k| &k.0)),
    };
    key.map(OrderKey)
        .filter(|key| before.is_none_or(|before| before < key))
        .filter(|key| after.is_none_or(|after| key < after))
        .ok_or_else(|| {
            Error::Conflict(say!(
                "the bundle's order is damaged; reopen it and try again",
                "die Reihenfolge des Bündels ist beschädigt; öffne es neu und versuche es noch \
                 einmal"
            ))
        })
}

/// fractional_index 2.0.2 (the newest) computes `after[i] - 1` for every leading byte the two
/// keys share, so a shared 0x00 byte — which a run of moves to the front makes — underflows: a
/// panic in a debug build, and in release a key equal to `after`. For any other shared byte the
/// crate just steps over it, so the crate is handed only what follows the shared bytes, which
/// are then the new key's own first bytes too (bytewise order ignores a common prefix).
fn between_both(before: &FractionalIndex, after: &FractionalIndex) -> Option<FractionalIndex> {
    let (low, high) = (before.as_bytes(), after.as_bytes());
    // Every key ends with the terminator, so at least that much of each is left to compare.
    let comparable = low.len().min(high.len()).saturating_sub(1);
    let shared = low
        .iter()
        .zip(high)
        .take(comparable)
        .take_while(|(low, high)| low == high)
        .count();
    let tail = FractionalIndex::new_between(
        &FractionalIndex::from_bytes(low[shared..].to_vec()).ok()?,
        &FractionalIndex::from_bytes(high[shared..].to_vec()).ok()?,
    )?;
    let mut bytes = low[..shared].to_vec();
    bytes.extend_from_slice(tail.as_bytes());
    FractionalIndex::from_bytes(bytes).ok()
}

/// `count` keys in increasing order, spread evenly over the key space, all of one short length:
/// used to key a bundle from scratch and to rebalance one.
pub fn evenly_spaced(count: usize) -> Vec<OrderKey> {
    let slots = count as u64 + 1;
    let mut width = 1u32;
    while DIGIT_BASE.pow(width) < slots {
        width += 1;
    }
    let step = DIGIT_BASE.pow(width) / slots;
    (1..=count as u64)
        .map(|position| {
            let mut value = position * step;
            let mut bytes = vec![0u8; width as usize + 1];
            for digit in bytes[..width as usize].iter_mut().rev() {
                *digit = (value % DIGIT_BASE) as u8 + 1;
                value /= DIGIT_BASE;
            }
            bytes[width as usize] = TERMINATOR;
            OrderKey(FractionalIndex::from_bytes(bytes).expect("ends with the terminator"))
        })
        .collect()
}

impl ToSql for OrderKey {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(ValueRef::Blob(self.0.as_bytes())))
    }
}

impl FromSql for OrderKey {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let bytes = value.as_blob()?.to_vec();
        FractionalIndex::from_bytes(bytes)
            .map(OrderKey)
            .map_err(|error| FromSqlError::Other(Box::new(error)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_between_two_sorts_between_them() {
        let keys = evenly_spaced(2);
        let middle = between(Some(&keys[0]), Some(&keys[1])).expect("gap exists");
        assert!(keys[0] < middle && middle < keys[1]);
    }

    #[test]
    fn evenly_spaced_keys_increase_and_share_one_short_length() {
        for count in [0, 1, 2, 253, 254, 10_000, 100_000] {
            let keys = evenly_spaced(count);
            assert_eq!(keys.len(), count);
            assert!(
                keys.windows(2).all(|pair| pair[0] < pair[1]),
                "count {count}"
            );
            assert!(keys.iter().all(|key| key.byte_len() <= 4), "count {count}");
        }
    }

    #[test]
    fn keys_can_be_made_before_the_first_and_after_the_last_evenly_spaced_key() {
        let keys = evenly_spaced(1000);
        let first = between(None, keys.first()).expect("before");
        let last = between(keys.last(), None).expect("after");
        assert!(first < keys[0] && last > keys[999]);
    }

    #[test]
    fn inserting_again_and_again_into_one_gap_eventually_asks_for_a_rebalance() {
        let keys = evenly_spaced(2);
        let mut upper = keys[1].clone();
        let mut asked = false;
        for _ in 0..10_000 {
            let key = between(Some(&keys[0]), Some(&upper)).expect("gap");
            assert!(keys[0] < key && key < upper);
            asked |= key.needs_rebalance();
            upper = key;
        }
        assert!(asked);
    }

    fn key(bytes: &[u8]) -> OrderKey {
        OrderKey(FractionalIndex::from_bytes(bytes.to_vec()).expect("terminated"))
    }

    #[test]
    fn a_key_between_two_that_share_leading_zero_bytes_sorts_between_them() {
        for (low, high) in [
            (
                &[0x00, 0x00, 0x7f, TERMINATOR][..],
                &[0x00, 0x01, TERMINATOR][..],
            ),
            (&[0x00, 0x7f, 0x7f, TERMINATOR], &[0x00, TERMINATOR]),
            (&[0x00, 0x00, 0x01, TERMINATOR], &[0x00, 0x00, TERMINATOR]),
            (&[0xff, 0xff, TERMINATOR], &[0xff, 0xff, 0xff, TERMINATOR]),
        ] {
            let (low, high) = (key(low), key(high));
            let middle = between(Some(&low), Some(&high)).expect("a gap exists");
            assert!(low < middle && middle < high, "{low:?} {middle:?} {high:?}");
        }
    }

    #[test]
    fn equal_neighbours_are_a_conflict_not_a_key_equal_to_one_of_them() {
        let same = evenly_spaced(1).remove(0);
        assert!(matches!(
            between(Some(&same), Some(&same)),
            Err(Error::Conflict(_))
        ));
    }

    #[test]
    fn keys_out_of_order_are_a_conflict_not_a_panic() {
        let keys = evenly_spaced(2);
        assert!(matches!(
            between(Some(&keys[1]), Some(&keys[0])),
            Err(Error::Conflict(_))
        ));
    }
}
