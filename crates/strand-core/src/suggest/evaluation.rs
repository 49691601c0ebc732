//! Measuring suggestions as the RecSys Challenge 2018 did: a playlist dataset (a CSV with one row
//! per entry — `playlist`, `title`, `creator`, optional `duration` in seconds and `tags` — or a
//! generated one with planted taste clusters), a seeded tenth of its playlists held out, each
//! shown only its first 1, 5, 10 or 25 entries or a random 25, and the rest to be found among 500
//! suggestions. Strand's ranking and both baselines run on the same split.

use std::collections::HashMap;
use std::io::Read;

use super::metrics::{clicks, ndcg, r_precision};
use super::model::{ItemFacts, Model};
use super::ranking::Ranking;
use crate::error::{Error, Result};
use crate::search::fold;

/// Playlists over items, as an evaluation reads them.
#[derive(Clone, Debug, Default)]
pub struct Dataset {
    /// Every item, numbered by its place.
    pub items: Vec<ItemFacts>,
    /// Each playlist's items, in order.
    pub playlists: Vec<Vec<u32>>,
}

/// How a held-out playlist is shown to the ranking.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Case {
    /// Its first `n` entries.
    First(usize),
    /// `n` of its entries picked at random.
    Random(usize),
}

impl Case {
    /// The cases of the challenge, in its order.
    pub const ALL: [Case; 5] = [
        Case::First(1),
        Case::First(5),
        Case::First(10),
        Case::First(25),
        Case::Random(25),
    ];

    fn shown(self) -> usize {
        match self {
            Case::First(n) | Case::Random(n) => n,
        }
    }
}

/// The three measures, averaged over the playlists of a case (or of all cases).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Scores {
    /// See [`r_precision`].
    pub r_precision: f64,
    /// See [`ndcg`].
    pub ndcg: f64,
    /// See [`clicks`].
    pub clicks: f64,
}

/// One case's (or, with `case` none, every case's) scores for each ranking.
#[derive(Clone, Debug, PartialEq)]
pub struct CaseReport {
    /// The case, or none for all of them.
    pub case: Option<Case>,
    /// How many held-out playlists it scored.
    pub playlists: usize,
    /// Strand's ranking.
    pub strand: Scores,
    /// The item-kNN baseline.
    pub item_knn: Scores,
    /// The popularity baseline.
    pub popularity: Scores,
}

impl Dataset {
    /// A dataset read from CSV with a header naming at least `playlist`, `title` and `creator`.
    /// An item is a title by a creator (compared folded and in lower case); a playlist is its
    /// rows in order, wherever they are in the file.
    pub fn from_csv(reader: impl Read) -> Result<Dataset> {
        let invalid = |why: String| Error::invalid("file", why);
        let mut csv = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
        let header = csv
            .headers()
            .map_err(|error| invalid(error.to_string()))?
            .clone();
        let column = |name: &str| {
            header
                .iter()
                .position(|cell| cell.trim().eq_ignore_ascii_case(name))
        };
        let (Some(playlist), Some(title), Some(creator)) =
            (column("playlist"), column("title"), column("creator"))
        else {
            return Err(invalid(say!(
                "a playlist dataset needs the columns playlist, title and creator",
                "ein Wiedergabelisten-Datensatz braucht die Spalten playlist, title und creator"
            )));
        };
        let (duration, tags) = (column("duration"), column("tags"));
        let mut dataset = Dataset::default();
        let mut items: HashMap<(String, String), u32> = HashMap::new();
        let mut playlists: HashMap<String, usize> = HashMap::new();
        for row in csv.records() {
            let row = row.map_err(|error| invalid(error.to_string()))?;
            let cell = |index: Option<usize>| index.and_then(|i| row.get(i)).unwrap_or("").trim();
            let key = (
                fold(cell(Some(title))).to_lowercase(),
                fold(cell(Some(creator))).to_lowercase(),
            );
            if key.0.is_empty() {
                continue;
            }
            let next = dataset.items.len() as u32;
            let item = *items.entry(key).or_insert_with(|| {
                dataset.items.push(ItemFacts {
                    creator: cell(Some(creator)).to_owned(),
                    tags: cell(tags)
                        .split([';', ',', '|'])
                        .filter(|tag| !tag.trim().is_empty())
                        .map(|tag| tag.trim().to_owned())
                        .collect(),
                    kind: "song".into(),
                    duration_ms: cell(duration)
                        .parse::<u32>()
                        .ok()
                        .map(|s| s.saturating_mul(1000)),
                });
                next
            });
            let next = dataset.playlists.len();
            let number = *playlists
                .entry(cell(Some(playlist)).to_owned())
                .or_insert(next);
            if number == dataset.playlists.len() {
                dataset.playlists.push(Vec::new());
            }
            dataset.playlists[number].push(item);
        }
        Ok(dataset)
    }

    /// A dataset with planted taste clusters, so what belongs together is known: `clusters`
    /// tastes, each with creators and tags of its own and 400 items, beside 200 hits everyone
    /// plays; each playlist keeps to one taste (92 % of its entries) with hits between.
    pub fn generated(seed: u64, clusters: usize, playlists: usize) -> Dataset {
        const PER_CLUSTER: usize = 400;
        const CREATORS_PER_CLUSTER: usize = 6;
        const HITS: usize = 200;
        let mut rng = fastrand::Rng::with_seed(seed);
        let mut dataset = Dataset::default();
        for cluster in 0..clusters {
            for n in 0..PER_CLUSTER {
                dataset.items.push(ItemFacts {
                    creator: format!("Artist {cluster}-{}", n % CREATORS_PER_CLUSTER),
                    tags: vec![format!("taste-{cluster}"), format!("mood-{}", cluster % 7)],
                    kind: "song".into(),
                    duration_ms: Some(rng.u32(120_000..360_000)),
                });
            }
        }
        for n in 0..HITS {
            dataset.items.push(ItemFacts {
                creator: format!("Star {}", n % 40),
                tags: vec!["pop".into()],
                kind: "song".into(),
                duration_ms: Some(rng.u32(150_000..240_000)),
            });
        }
        let hit = |rng: &mut fastrand::Rng| (clusters * PER_CLUSTER + zipf(rng, HITS)) as u32;
        for _ in 0..playlists {
            let cluster = rng.usize(0..clusters);
            let length = rng.usize(20..80);
            let mut playlist = Vec::with_capacity(length);
            while playlist.len() < length {
                let item = if rng.f32() < 0.92 {
                    (cluster * PER_CLUSTER + zipf(&mut rng, PER_CLUSTER)) as u32
                } else {
                    hit(&mut rng)
                };
                if !playlist.contains(&item) {
                    playlist.push(item);
                }
            }
            dataset.playlists.push(playlist);
        }
        dataset
    }

    /// Holds out a seeded tenth of the playlists, trains on the rest, and scores `suggestions`
    /// suggestions of each ranking for every held-out playlist in every case it is long enough
    /// for (it must keep at least one entry hidden). The first report is all cases together.
    pub fn evaluate(&self, seed: u64, suggestions: usize) -> Vec<CaseReport> {
        let mut rng = fastrand::Rng::with_seed(seed);
        let held_out: Vec<bool> = self.playlists.iter().map(|_| rng.f32() < 0.1).collect();
        let training: Vec<Vec<u32>> = self
            .playlists
            .iter()
            .zip(&held_out)
            .filter(|(_, out)| !**out)
            .map(|(playlist, _)| playlist.clone())
            .collect();
        let model = Model::new(&self.items, &training);
        let creator_of = |item: u32| model.creator.get(item as usize).copied().flatten();
        let mut sums: Vec<(Case, usize, [Scores; 3])> = Case::ALL
            .iter()
            .map(|&case| (case, 0, [Scores::default(); 3]))
            .collect();
        for (playlist, _) in self
            .playlists
            .iter()
            .zip(&held_out)
            .filter(|(_, out)| **out)
        {
            for (case, count, scores) in sums.iter_mut() {
                if playlist.len() <= case.shown() {
                    continue;
                }
                let (shown, hidden) = split(playlist, *case, &mut rng);
                *count += 1;
                for (ranking, score) in [Ranking::Strand, Ranking::ItemKnn, Ranking::Popularity]
                    .into_iter()
                    .zip(scores.iter_mut())
                {
                    let ranked: Vec<u32> = model
                        .suggest(&shown, suggestions, ranking)
                        .into_iter()
                        .map(|suggestion| suggestion.item)
                        .collect();
                    score.r_precision += r_precision(&hidden, &ranked, creator_of);
                    score.ndcg += ndcg(&hidden, &ranked);
                    score.clicks += f64::from(clicks(&hidden, &ranked));
                }
            }
        }
        let report = |case: Option<Case>, count: usize, scores: [Scores; 3]| {
            let mean = |s: Scores| Scores {
                r_precision: s.r_precision / count.max(1) as f64,
                ndcg: s.ndcg / count.max(1) as f64,
                clicks: s.clicks / count.max(1) as f64,
            };
            CaseReport {
                case,
                playlists: count,
                strand: mean(scores[0]),
                item_knn: mean(scores[1]),
                popularity: mean(scores[2]),
            }
        };
        let mut total = (0, [Scores::default(); 3]);
        for (_, count, scores) in &sums {
            total.0 += count;
            for (sum, add) in total.1.iter_mut().zip(scores) {
                sum.r_precision += add.r_precision;
                sum.ndcg += add.ndcg;
                sum.clicks += add.clicks;
            }
        }
        std::iter::once(report(None, total.0, total.1))
            .chain(
                sums.into_iter()
                    .map(|(case, count, scores)| report(Some(case), count, scores)),
            )
            .collect()
    }
}

/// The shown and hidden parts of `playlist` in `case`.
fn split(playlist: &[u32], case: Case, rng: &mut fastrand::Rng) -> (Vec<u32>, Vec<u32>) {
    match case {
        Case::First(n) => (playlist[..n].to_vec(), playlist[n..].to_vec()),
        Case::Random(n) => {
            let mut order: Vec<usize> = (0..playlist.len()).collect();
            rng.shuffle(&mut order);
            let (shown, hidden) = order.split_at(n);
            let pick = |at: &[usize]| at.iter().map(|&i| playlist[i]).collect();
            (pick(shown), pick(hidden))
        }
    }
}

/// A number from `0..count`, small ones far likelier (roughly Zipf's law, as plays are).
fn zipf(rng: &mut fastrand::Rng, count: usize) -> usize {
    let x = rng.f64();
    ((count as f64).powf(x) - 1.0).floor() as usize % count
}
