//! How entries compare when a person sorts a bundle by a field.

use std::cmp::Ordering;

use crate::model::{Entry, ItemKind, SortField};

/// Compares two entries by `field`; equal entries compare equal so a stable sort keeps them in
/// the order the person had.
pub fn compare(field: SortField, a: &Entry, b: &Entry) -> Ordering {
    let (x, y) = (&a.item.details, &b.item.details);
    match field {
        SortField::Title => x.title.to_lowercase().cmp(&y.title.to_lowercase()),
        SortField::Creator => x.creator.to_lowercase().cmp(&y.creator.to_lowercase()),
        // Items without a duration go last.
        SortField::Duration => match (x.duration_ms, y.duration_ms) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        },
        SortField::Kind => kind_rank(x.kind).cmp(&kind_rank(y.kind)),
        SortField::Added => a.added_at.cmp(&b.added_at),
    }
}

fn kind_rank(kind: ItemKind) -> usize {
    ItemKind::ALL
        .iter()
        .position(|candidate| *candidate == kind)
        .unwrap_or(usize::MAX)
}
