//! Ranking the items most likely to come next in a bundle, from the bundle's own entries (the
//! seed). Strand's ranking blends two signals so a young library with few bundles still gets
//! sensible suggestions: co-occurrence (item-to-item: threaded with the seed in other bundles,
//! each bundle weighted down by its size and each pair by how common both items are) and content
//! (same creator, shared rare tags, same kind, similar length). Every suggestion carries the
//! terms that made its score, which the window words as its reasons. The two baselines the
//! evaluation measures it against rank by plain co-occurrence counts and by popularity.

use super::model::Model;

/// Which ranking to run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ranking {
    /// Strand's blend of co-occurrence and content.
    Strand,
    /// Plain item-kNN: how many bundles thread the candidate with each seed item, summed.
    ItemKnn,
    /// How many bundles thread the candidate at all.
    Popularity,
}

/// A term of a suggestion's score, as its reason.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    /// Threaded with seed items in other bundles.
    ThreadedWith {
        /// The (at most two) seed items it shares most bundles with.
        items: Vec<u32>,
        /// How many bundles thread it with any seed item.
        bundles: u32,
    },
    /// By the same creator as some of the seed's items.
    SameCreator {
        /// How many of the seed's items.
        entries: u32,
    },
    /// Shares tags with the seed.
    SharedTags {
        /// The tags, the rarest first.
        tags: Vec<String>,
    },
    /// Of the kind most of the seed is.
    SameKind,
    /// About as long as the seed's items are.
    SimilarLength,
    /// Threaded in many bundles already.
    OftenThreaded {
        /// In how many.
        bundles: u32,
    },
}

/// One suggested item, its score and the terms of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    /// The item's number in the model.
    pub item: u32,
    /// Its score (only the order means anything).
    pub score: f32,
    /// The terms of its score (none for the baselines).
    pub reasons: Vec<Reason>,
}

/// How much content counts beside co-occurrence when the seed has been threaded elsewhere; with
/// no co-occurrence at all, content alone ranks.
const CONTENT_WEIGHT: f32 = 0.35;
/// The share of a score each content term may bring, before the blend.
const CREATOR_WEIGHT: f32 = 1.0;
const TAG_WEIGHT: f32 = 1.0;
const KIND_WEIGHT: f32 = 0.1;
const LENGTH_WEIGHT: f32 = 0.1;
/// Among items alike in content, those threaded more often are likelier to be wanted.
const THREADED_WEIGHT: f32 = 0.5;
/// Two lengths this far apart (ms) count as half similar.
const LENGTH_SCALE_MS: f32 = 60_000.0;

impl Model {
    /// The `count` items best ranked by `ranking` to follow `seed` (seed items are never
    /// suggested), best first; ties go to the lower item number, so a ranking is repeatable.
    pub fn suggest(&self, seed: &[u32], count: usize, ranking: Ranking) -> Vec<Suggestion> {
        let mut seed: Vec<u32> = seed
            .iter()
            .copied()
            .filter(|&item| (item as usize) < self.item_count())
            .collect();
        seed.sort_unstable();
        seed.dedup();
        // What the seed is like, read once for the content scores and every suggestion's reasons.
        let profile = Profile::of(self, &seed);
        let scores = match ranking {
            Ranking::Popularity => (0..self.item_count() as u32)
                .map(|item| (item, self.popularity(item) as f32))
                .filter(|&(_, score)| score > 0.0)
                .collect(),
            Ranking::ItemKnn => self.co_occurrence(&seed, false),
            Ranking::Strand => self.blend(&seed, &profile),
        };
        let mut ranked: Vec<(u32, f32)> = scores
            .into_iter()
            .filter(|(item, _)| seed.binary_search(item).is_err())
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(count);
        ranked
            .into_iter()
            .map(|(item, score)| Suggestion {
                item,
                score,
                reasons: match ranking {
                    Ranking::Strand => self.reasons(&seed, &profile, item),
                    _ => Vec::new(),
                },
            })
            .collect()
    }

    /// Every candidate threaded with a seed item, scored by the bundles they share: weighted and
    /// normalised by both items' popularity (Strand's), or counted plainly (item-kNN's).
    fn co_occurrence(&self, seed: &[u32], weighted: bool) -> Vec<(u32, f32)> {
        let mut score = vec![0.0_f32; self.item_count()];
        let mut touched = Vec::new();
        for &from in seed {
            let from_popularity = self.popularity(from) as f32;
            for &bundle in &self.threaded_in[from as usize] {
                let weight = if weighted {
                    self.bundle_weight[bundle as usize] / from_popularity.sqrt()
                } else {
                    1.0
                };
                for &to in &self.bundles[bundle as usize] {
                    if score[to as usize] == 0.0 {
                        touched.push(to);
                    }
                    score[to as usize] += weight;
                }
            }
        }
        touched
            .into_iter()
            .map(|item| {
                let raw = score[item as usize];
                let scored = if weighted {
                    raw / (self.popularity(item) as f32).powf(0.25)
                } else {
                    raw
                };
                (item, scored)
            })
            .collect()
    }

    /// Strand's score: co-occurrence and content, each scaled to at most 1, then blended.
    fn blend(&self, seed: &[u32], profile: &Profile) -> Vec<(u32, f32)> {
        let together = self.co_occurrence(seed, true);
        let alike = self.content(profile);
        let top = |scores: &[(u32, f32)]| scores.iter().map(|s| s.1).fold(0.0_f32, f32::max);
        let (top_together, top_alike) = (top(&together), top(&alike));
        let content_weight = if top_together > 0.0 {
            CONTENT_WEIGHT
        } else {
            1.0
        };
        let mut score = vec![0.0_f32; self.item_count()];
        let mut touched = Vec::new();
        for (scores, scale) in [
            (&together, 1.0 / top_together.max(f32::MIN_POSITIVE)),
            (&alike, content_weight / top_alike.max(f32::MIN_POSITIVE)),
        ] {
            for &(item, value) in scores.iter() {
                if score[item as usize] == 0.0 {
                    touched.push(item);
                }
                score[item as usize] += value * scale;
            }
        }
        touched
            .into_iter()
            .map(|item| (item, score[item as usize]))
            .collect()
    }

    /// Content similarity to the seed of every item sharing a creator or tag with it (and how
    /// often each is threaded, to order items equally alike).
    fn content(&self, profile: &Profile) -> Vec<(u32, f32)> {
        let mut candidates: Vec<u32> = Vec::new();
        for &(creator, _) in &profile.creators {
            candidates.extend(&self.by_creator[creator as usize]);
        }
        for &(tag, _) in &profile.tags {
            candidates.extend(&self.by_tag[tag as usize]);
        }
        candidates.sort_unstable();
        candidates.dedup();
        candidates
            .into_iter()
            .map(|item| (item, profile.terms(self, item).total()))
            .filter(|&(_, score)| score > 0.0)
            .collect()
    }

    /// The terms that made `item`'s score for `seed`, as reasons, largest first.
    fn reasons(&self, seed: &[u32], profile: &Profile, item: u32) -> Vec<Reason> {
        let mut reasons = Vec::new();
        let mut partners: Vec<(u32, usize)> = seed
            .iter()
            .map(|&from| (from, self.shared_bundles(from, item)))
            .filter(|&(_, shared)| shared > 0)
            .collect();
        if !partners.is_empty() {
            let mut bundles: Vec<u32> = seed
                .iter()
                .flat_map(|&from| self.threaded_in[from as usize].iter().copied())
                .filter(|bundle| {
                    self.threaded_in[item as usize]
                        .binary_search(bundle)
                        .is_ok()
                })
                .collect();
            bundles.sort_unstable();
            bundles.dedup();
            partners.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            reasons.push(Reason::ThreadedWith {
                items: partners.iter().take(2).map(|&(from, _)| from).collect(),
                bundles: bundles.len() as u32,
            });
        }
        let terms = profile.terms(self, item);
        if terms.creator > 0.0 {
            reasons.push(Reason::SameCreator {
                entries: terms.creator_entries,
            });
        }
        if !terms.tags.is_empty() {
            reasons.push(Reason::SharedTags { tags: terms.tags });
        }
        if terms.kind > 0.0 {
            reasons.push(Reason::SameKind);
        }
        if terms.length > 0.0 {
            reasons.push(Reason::SimilarLength);
        }
        if terms.threaded > 0.0 {
            reasons.push(Reason::OftenThreaded {
                bundles: self.popularity(item) as u32,
            });
        }
        reasons
    }

    /// How many bundles thread both items (both lists are in bundle order).
    fn shared_bundles(&self, a: u32, b: u32) -> usize {
        let (a, b) = (&self.threaded_in[a as usize], &self.threaded_in[b as usize]);
        a.iter()
            .filter(|bundle| b.binary_search(bundle).is_ok())
            .count()
    }
}

/// What the seed is like: its creators and tags with the share of its items that have them, its
/// most common kind and its middle length.
struct Profile {
    size: f32,
    creators: Vec<(u32, u32)>,
    tags: Vec<(u32, u32)>,
    kind: Option<(u32, u32)>,
    middle_length_ms: Option<u32>,
}

/// One item's content terms against a profile.
#[derive(Default)]
struct Terms {
    creator: f32,
    creator_entries: u32,
    tag: f32,
    tags: Vec<String>,
    kind: f32,
    length: f32,
    threaded: f32,
}

impl Terms {
    fn total(&self) -> f32 {
        self.creator + self.tag + self.kind + self.length + self.threaded
    }
}

impl Profile {
    fn of(model: &Model, seed: &[u32]) -> Profile {
        let count = |values: &mut dyn Iterator<Item = u32>| {
            let mut counted: Vec<(u32, u32)> = Vec::new();
            for value in values {
                match counted.iter_mut().find(|(seen, _)| *seen == value) {
                    Some((_, times)) => *times += 1,
                    None => counted.push((value, 1)),
                }
            }
            counted
        };
        let creators = count(&mut seed.iter().filter_map(|&i| model.creator[i as usize]));
        let tags = count(
            &mut seed
                .iter()
                .flat_map(|&i| model.tags[i as usize].iter().copied()),
        );
        let kinds = count(&mut seed.iter().map(|&i| model.kind[i as usize]));
        let mut lengths: Vec<u32> = seed
            .iter()
            .filter_map(|&i| model.duration_ms[i as usize])
            .collect();
        lengths.sort_unstable();
        Profile {
            size: seed.len().max(1) as f32,
            creators,
            tags,
            kind: kinds
                .into_iter()
                .max_by_key(|&(kind, times)| (times, u32::MAX - kind)),
            middle_length_ms: lengths.get(lengths.len() / 2).copied(),
        }
    }

    fn terms(&self, model: &Model, item: u32) -> Terms {
        let index = item as usize;
        let mut terms = Terms::default();
        if let Some(creator) = model.creator[index]
            && let Some(&(_, times)) = self.creators.iter().find(|(seen, _)| *seen == creator)
        {
            terms.creator = CREATOR_WEIGHT * times as f32 / self.size;
            terms.creator_entries = times;
        }
        let mut shared: Vec<(f32, u32)> = Vec::new();
        for &tag in &model.tags[index] {
            if let Some(&(_, times)) = self.tags.iter().find(|(seen, _)| *seen == tag) {
                let rarity = model.tag_rarity[tag as usize];
                if rarity > 0.0 {
                    terms.tag += TAG_WEIGHT * rarity * times as f32 / self.size;
                    shared.push((rarity, tag));
                }
            }
        }
        shared.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        terms.tags = shared
            .into_iter()
            .map(|(_, tag)| model.tag_names[tag as usize].clone())
            .collect();
        // Kind, length and how often it is threaded only tell apart items already alike in
        // creator or tags.
        if terms.creator + terms.tag > 0.0 {
            if model.most_threaded > 0 {
                let threaded = model.popularity(item) as f32;
                terms.threaded =
                    THREADED_WEIGHT * threaded.ln_1p() / (model.most_threaded as f32).ln_1p();
            }
            if let Some((kind, times)) = self.kind
                && model.kind[index] == kind
            {
                terms.kind = KIND_WEIGHT * times as f32 / self.size;
            }
            if let (Some(middle), Some(length)) = (self.middle_length_ms, model.duration_ms[index])
            {
                let apart = (middle as f32 - length as f32).abs() / LENGTH_SCALE_MS;
                terms.length = LENGTH_WEIGHT / (1.0 + apart);
            }
        }
        terms
    }
}
