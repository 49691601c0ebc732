//! The suggestion model: which items are threaded together in which bundles, and what each item
//! is (creator, tags, kind, length), over dense item numbers so a ranking touches only vectors.
//! Built from any playlists — a person's bundles, or an evaluation's training set.

use std::collections::HashMap;

use crate::search::fold;

/// What content similarity reads of one item.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ItemFacts {
    /// Who made it (compared folded, as the library search compares).
    pub creator: String,
    /// Its tags.
    pub tags: Vec<String>,
    /// Its kind, as stored (`song`, `link`, …).
    pub kind: String,
    /// Its length, if it has one.
    pub duration_ms: Option<u32>,
}

/// Co-occurrence and content facts over items `0..len`.
#[derive(Debug, Default)]
pub struct Model {
    /// Each bundle's items, each once.
    pub(super) bundles: Vec<Vec<u32>>,
    /// For each item, the bundles threading it.
    pub(super) threaded_in: Vec<Vec<u32>>,
    /// Each bundle's weight: a bundle of hundreds says less about any two of its items than a
    /// bundle of ten does, so weight falls with the logarithm of its size.
    pub(super) bundle_weight: Vec<f32>,
    pub(super) creator: Vec<Option<u32>>,
    pub(super) tags: Vec<Vec<u32>>,
    pub(super) kind: Vec<u32>,
    pub(super) duration_ms: Vec<Option<u32>>,
    /// How rare each tag is across items: `ln(items / items with the tag)`.
    pub(super) tag_rarity: Vec<f32>,
    /// The tags' own spelling, for the reasons.
    pub(super) tag_names: Vec<String>,
    /// For each creator, the items they made.
    pub(super) by_creator: Vec<Vec<u32>>,
    /// For each tag, the items that have it.
    pub(super) by_tag: Vec<Vec<u32>>,
    /// The most bundles any item is threaded in.
    pub(super) most_threaded: usize,
}

impl Model {
    /// A model of `items` (item `n` is `items[n]`) threaded into `bundles` (each a list of item
    /// numbers, in order; repeats count once). Numbers outside `items` are ignored.
    pub fn new(items: &[ItemFacts], bundles: &[Vec<u32>]) -> Model {
        let count = items.len();
        let mut model = Model {
            threaded_in: vec![Vec::new(); count],
            ..Model::default()
        };
        let mut creators: HashMap<String, u32> = HashMap::new();
        let mut tags: HashMap<String, u32> = HashMap::new();
        let mut kinds: HashMap<&str, u32> = HashMap::new();
        for (number, facts) in (0_u32..).zip(items) {
            let creator = fold(facts.creator.trim()).to_lowercase();
            let creator = (!creator.is_empty()).then(|| {
                let next = creators.len() as u32;
                let id = *creators.entry(creator).or_insert(next);
                if id as usize == model.by_creator.len() {
                    model.by_creator.push(Vec::new());
                }
                model.by_creator[id as usize].push(number);
                id
            });
            model.creator.push(creator);
            let mut own = Vec::new();
            for tag in &facts.tags {
                let folded = fold(tag.trim()).to_lowercase();
                if folded.is_empty() {
                    continue;
                }
                let next = tags.len() as u32;
                let id = *tags.entry(folded).or_insert(next);
                if id as usize == model.by_tag.len() {
                    model.by_tag.push(Vec::new());
                    model.tag_names.push(tag.trim().to_owned());
                }
                if !own.contains(&id) {
                    own.push(id);
                    model.by_tag[id as usize].push(number);
                }
            }
            model.tags.push(own);
            let next = kinds.len() as u32;
            model
                .kind
                .push(*kinds.entry(facts.kind.as_str()).or_insert(next));
            model.duration_ms.push(facts.duration_ms);
        }
        model.tag_rarity = model
            .by_tag
            .iter()
            .map(|holders| (count.max(1) as f32 / holders.len().max(1) as f32).ln())
            .collect();
        for bundle in bundles {
            model.add_bundle(bundle);
        }
        model
    }

    /// Counts one more bundle threading `items` (a bundle kept, a playlist imported): only the
    /// lists of its own items change, so the model grows without a rebuild.
    pub fn add_bundle(&mut self, items: &[u32]) {
        let mut own: Vec<u32> = items
            .iter()
            .copied()
            .filter(|&item| (item as usize) < self.threaded_in.len())
            .collect();
        own.sort_unstable();
        own.dedup();
        if own.is_empty() {
            return;
        }
        let number = self.bundles.len() as u32;
        for &item in &own {
            let threaded_in = &mut self.threaded_in[item as usize];
            threaded_in.push(number);
            self.most_threaded = self.most_threaded.max(threaded_in.len());
        }
        self.bundle_weight
            .push(1.0 / (std::f32::consts::E + own.len() as f32).ln());
        self.bundles.push(own);
    }

    /// How many items the model knows.
    pub fn item_count(&self) -> usize {
        self.threaded_in.len()
    }

    /// In how many bundles `item` is threaded.
    pub fn popularity(&self, item: u32) -> usize {
        self.threaded_in[item as usize].len()
    }
}
