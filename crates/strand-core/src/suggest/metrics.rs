//! The three measures of the ACM RecSys Challenge 2018 (the Million Playlist Dataset
//! challenge), for one playlist whose hidden items are `truth` and for which `ranked` was
//! suggested, best first. Items are numbers; `creator_of` gives an item's creator, for the
//! partial credit R-precision gives a suggestion by a creator the hidden items have.

use std::collections::HashSet;

/// How many suggestions a "click" pages through: the challenge's page of ten.
const PAGE: usize = 10;
/// Clicks when no hidden item is among the suggestions (500 suggestions make 50 pages, plus one).
pub const NO_RELEVANT_CLICKS: u32 = 51;

/// R-precision: of the first |truth| suggestions, the share that are hidden items, with a
/// quarter credit for each further creator of the hidden items they name:
/// `(|S ∩ G| + 0.25 · |creators(S \ G) ∩ creators(G)|) / |G|`, at most 1.
pub fn r_precision(truth: &[u32], ranked: &[u32], creator_of: impl Fn(u32) -> Option<u32>) -> f64 {
    if truth.is_empty() {
        return 0.0;
    }
    let wanted: HashSet<u32> = truth.iter().copied().collect();
    let wanted_creators: HashSet<u32> = truth.iter().filter_map(|&item| creator_of(item)).collect();
    let first = &ranked[..ranked.len().min(wanted.len())];
    let hits = first.iter().filter(|item| wanted.contains(item)).count();
    let creators: HashSet<u32> = first
        .iter()
        .filter(|item| !wanted.contains(item))
        .filter_map(|&item| creator_of(item))
        .filter(|creator| wanted_creators.contains(creator))
        .collect();
    ((hits as f64 + 0.25 * creators.len() as f64) / wanted.len() as f64).min(1.0)
}

/// NDCG: `DCG / IDCG`, with a hidden item at rank `i` (from 1) worth `1 / log2(i + 1)` and the
/// ideal putting the hidden items that were suggested at the top: 0 when none was.
pub fn ndcg(truth: &[u32], ranked: &[u32]) -> f64 {
    let wanted: HashSet<u32> = truth.iter().copied().collect();
    let gain = |rank: usize| 1.0 / ((rank + 1) as f64).log2();
    let dcg: f64 = (1..)
        .zip(ranked)
        .filter(|(_, item)| wanted.contains(item))
        .map(|(rank, _)| gain(rank))
        .sum();
    let found = ranked.iter().filter(|item| wanted.contains(item)).count();
    let ideal: f64 = (1..=found).map(gain).sum();
    if ideal == 0.0 { 0.0 } else { dcg / ideal }
}

/// Clicks: how many pages of ten a person turns before the first hidden item shows —
/// `⌊(rank − 1) / 10⌋` — or [`NO_RELEVANT_CLICKS`] when none does.
pub fn clicks(truth: &[u32], ranked: &[u32]) -> u32 {
    let wanted: HashSet<u32> = truth.iter().copied().collect();
    ranked
        .iter()
        .position(|item| wanted.contains(item))
        .map_or(NO_RELEVANT_CLICKS, |index| (index / PAGE) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_creators(_: u32) -> Option<u32> {
        None
    }

    #[test]
    fn r_precision_counts_hidden_items_in_the_first_as_many_suggestions() {
        // Truth {1, 2, 3, 4}; the first four suggestions hold 1 and 3.
        assert_eq!(
            r_precision(&[1, 2, 3, 4], &[1, 9, 3, 8, 2], no_creators),
            0.5
        );
        assert_eq!(r_precision(&[1], &[], no_creators), 0.0);
        assert_eq!(r_precision(&[], &[1], no_creators), 0.0);
    }

    #[test]
    fn r_precision_gives_a_quarter_for_each_further_creator_of_the_hidden_items() {
        // Items 10 and 11 are by creator 7, as hidden item 1 is; they count once together.
        let creator = |item: u32| match item {
            1 | 10 | 11 => Some(7),
            _ => None,
        };
        assert_eq!(r_precision(&[1, 2], &[10, 11], creator), 0.125);
        assert_eq!(r_precision(&[1, 2], &[1, 10], creator), 0.625);
    }

    #[test]
    fn ndcg_is_one_when_the_hidden_items_lead_and_less_the_later_they_come() {
        assert_eq!(ndcg(&[1, 2], &[1, 2, 3]), 1.0);
        // One hidden item, at rank 3: DCG 1/log2(4) = 0.5, ideal 1.
        assert_eq!(ndcg(&[1, 2], &[8, 9, 1]), 0.5);
        // At ranks 1 and 3: (1 + 0.5) / (1 + 1/log2(3)).
        let expected = 1.5 / (1.0 + 1.0 / 3f64.log2());
        assert!((ndcg(&[1, 2], &[1, 9, 2]) - expected).abs() < 1e-12);
        assert_eq!(ndcg(&[1], &[5, 6]), 0.0);
    }

    #[test]
    fn clicks_count_the_pages_of_ten_before_the_first_hidden_item() {
        let ranked: Vec<u32> = (100..130).collect();
        assert_eq!(clicks(&[100], &ranked), 0);
        assert_eq!(clicks(&[109], &ranked), 0);
        assert_eq!(clicks(&[110], &ranked), 1);
        assert_eq!(clicks(&[125], &ranked), 2);
        assert_eq!(clicks(&[5], &ranked), NO_RELEVANT_CLICKS);
    }
}
