//! The sample catalogue — plausible, clearly fictional items of every kind, the same every time
//! — which a demo library starts with and a person may try from the welcome; and the generator
//! behind it, which also builds libraries of a million items for benchmarks.

use crate::model::{ItemDetails, ItemKind};

/// How many items the sample catalogue holds.
pub const SAMPLE_SIZE: usize = 240;

const SEED: u64 = 0x5354_5241_4e44; // "STRAND"

const ADJECTIVES: &[&str] = &[
    "Amber", "Velvet", "Quiet", "Electric", "Paper", "Golden", "Hollow", "Neon", "Silver", "Wild",
    "Midnight", "Salt", "Crimson", "Glass", "Lunar", "Static", "Copper", "Gentle", "Distant",
    "Bright",
];
const NOUNS: &[&str] = &[
    "Harbour", "Orchard", "Signal", "River", "Lantern", "Meadow", "Circuit", "Tide", "Garden",
    "Compass", "Atlas", "Skyline", "Thread", "Ember", "Canyon", "Mirror", "Parade", "Willow",
    "Engine", "Straße",
];
const ARTISTS: &[&str] = &[
    "The Fictional Five",
    "Mara Quill",
    "Jonas Öberg",
    "Lumen Drift",
    "Cassia & the Tides",
    "Otto Brandt",
    "Nadia Vale",
    "Pixel Choir",
    "Mötley Meadows",
    "Ivo Lindqvist",
    "Sora Kite",
    "Echo Department",
];
const STUDIOS: &[&str] = &[
    "Northwind Radio",
    "Kettle Podcasts",
    "Loop FM",
    "Harbour Live",
    "Field Notes Network",
];
const BRANDS: &[&str] = &[
    "Acme Goods",
    "Fernweh Supply",
    "Tinker & Co.",
    "Bluebird Works",
    "Kiln House",
];
const PRODUCTS: &[&str] = &[
    "Headphones",
    "Notebook",
    "Desk Lamp",
    "Speaker",
    "Backpack",
    "Mug",
    "Turntable",
];
const SERVICES: &[&str] = &[
    "Music Lessons",
    "Cloud Backup",
    "Bike Repair",
    "Language Course",
    "Meal Box",
    "Yoga Classes",
];
const PLANS: &[&str] = &["Basic", "Plus", "Family", "Pro", "Student", "Duo", "Yearly"];
const PROVIDERS: &[&str] = &[
    "Example Studio",
    "Sample Services",
    "Placeholder Ltd",
    "Demo Collective",
];
const GENRES: &[&str] = &[
    "indie",
    "jazz",
    "electronic",
    "folk",
    "ambient",
    "rock",
    "classical",
    "pop",
];
const MOODS: &[&str] = &[
    "calm",
    "focus",
    "party",
    "road-trip",
    "morning",
    "late-night",
    "workout",
];
const NOTE_STARTS: &[&str] = &[
    "Remember",
    "Idea",
    "Ask about",
    "Try",
    "Gift idea",
    "Listen again",
];
const PALETTE: &[&str] = &[
    "#e4572e", "#f3a712", "#29335c", "#669bbc", "#a8c686", "#8e44ad", "#16a085", "#d35400",
    "#2c3e50", "#c0392b", "#27ae60", "#f39c12", "#1abc9c", "#e84393", "#0984e3", "#6c5ce7",
];

/// A bead colour for an item that has none (imported ones): picked by its title and creator, so
/// the same item gets the same colour in every library.
pub fn colour_for(title: &str, creator: &str) -> &'static str {
    // FNV-1a: tiny, stable across Rust releases (std's hasher is not), and good enough to
    // spread sixteen colours.
    let hash = title
        .bytes()
        .chain([0])
        .chain(creator.bytes())
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        });
    PALETTE[(hash % PALETTE.len() as u64) as usize]
}

/// The sample catalogue: [`SAMPLE_SIZE`] items, the same every time, with titles a person
/// would write (unique without a number).
pub fn sample_catalogue() -> Vec<ItemDetails> {
    items(SAMPLE_SIZE, Naming::Sample)
}

/// `count` plausible, fictional items of every kind, the same for the same count, each title
/// ending in its number so that a million of them stay unique.
pub fn generate(count: usize) -> Vec<ItemDetails> {
    items(count, Naming::Numbered)
}

/// How titles are made.
#[derive(Clone, Copy)]
enum Naming {
    /// Words picked at random, then the item's number: unique at any count.
    Numbered,
    /// Words enumerated so that every title of the sample differs without a number.
    Sample,
}

fn items(count: usize, naming: Naming) -> Vec<ItemDetails> {
    let mut rng = fastrand::Rng::with_seed(SEED);
    (0..count)
        .map(|index| {
            let kind = ItemKind::ALL[index % ItemKind::ALL.len()];
            demo_item(&mut rng, kind, index, naming)
        })
        .collect()
}

/// Two words, picked at random or, for the sample's `nth` item of a kind, enumerated so that no
/// two of its first 400 match (`offset` varies the words between kinds).
fn phrase_for(rng: &mut fastrand::Rng, naming: Naming, nth: usize, offset: usize) -> String {
    match naming {
        Naming::Numbered => phrase(rng),
        Naming::Sample => format!(
            "{} {}",
            ADJECTIVES[(nth + offset) % ADJECTIVES.len()],
            NOUNS[(7 * nth + nth / NOUNS.len() + offset) % NOUNS.len()]
        ),
    }
}

/// For the sample, the `nth` of `words` (wrapping round); otherwise one picked at random.
fn enumerated<'a>(
    rng: &mut fastrand::Rng,
    naming: Naming,
    words: &[&'a str],
    nth: usize,
) -> &'a str {
    match naming {
        Naming::Numbered => pick(rng, words),
        Naming::Sample => words[nth % words.len()],
    }
}

fn pick<'a>(rng: &mut fastrand::Rng, words: &[&'a str]) -> &'a str {
    words[rng.usize(..words.len())]
}

fn phrase(rng: &mut fastrand::Rng) -> String {
    format!("{} {}", pick(rng, ADJECTIVES), pick(rng, NOUNS))
}

fn demo_item(rng: &mut fastrand::Rng, kind: ItemKind, index: usize, naming: Naming) -> ItemDetails {
    // The how-manieth item of its kind.
    let nth = index / ItemKind::ALL.len();
    let colour = pick(rng, PALETTE).to_owned();
    let slug = |title: &str| title.to_lowercase().replace(' ', "-");
    let (title, creator, duration_ms, price_cents, tags, source_uri) = match kind {
        ItemKind::Song => {
            let title = phrase_for(rng, naming, nth, 0);
            let uri = format!("file:///music/{}.ogg", slug(&title));
            let tags = vec![pick(rng, GENRES).to_owned(), pick(rng, MOODS).to_owned()];
            (
                title,
                pick(rng, ARTISTS).to_owned(),
                Some(rng.u32(95_000..420_000)),
                None,
                tags,
                Some(uri),
            )
        }
        ItemKind::Stream => {
            let title = match naming {
                Naming::Numbered => format!("{} Sessions #{}", phrase(rng), rng.u32(1..300)),
                Naming::Sample => format!("{} Sessions", phrase_for(rng, naming, nth, 3)),
            };
            let tags = vec!["live".to_owned(), pick(rng, MOODS).to_owned()];
            let uri = format!("https://stream.example.org/{}", slug(&title));
            (
                title,
                pick(rng, STUDIOS).to_owned(),
                Some(rng.u32(1_200_000..7_200_000)),
                None,
                tags,
                Some(uri),
            )
        }
        ItemKind::Product => {
            let title = format!(
                "{} {}",
                enumerated(rng, naming, ADJECTIVES, nth),
                enumerated(rng, naming, PRODUCTS, nth / ADJECTIVES.len() + 3 * nth)
            );
            let uri = format!("https://shop.example.com/{}", slug(&title));
            let tags = vec!["gear".to_owned()];
            (
                title,
                pick(rng, BRANDS).to_owned(),
                None,
                Some(rng.u32(5..400) * 100 - 1),
                tags,
                Some(uri),
            )
        }
        ItemKind::Service => {
            let title = format!(
                "{} {}",
                enumerated(rng, naming, SERVICES, nth),
                enumerated(rng, naming, PLANS, nth / SERVICES.len())
            );
            let tags = vec!["subscription".to_owned()];
            (
                title,
                pick(rng, PROVIDERS).to_owned(),
                None,
                Some(rng.u32(3..60) * 100 - 1),
                tags,
                None,
            )
        }
        ItemKind::Link => {
            let title = format!("Guide: {}", phrase_for(rng, naming, nth, 5));
            let uri = format!("https://www.example.net/guides/{}", slug(&title));
            (
                title,
                String::new(),
                None,
                None,
                vec!["reading".to_owned()],
                Some(uri),
            )
        }
        ItemKind::Note => {
            let title = format!(
                "{}: {}",
                enumerated(rng, naming, NOTE_STARTS, nth),
                phrase_for(rng, naming, nth, 11)
            );
            (
                title,
                String::new(),
                None,
                None,
                vec!["personal".to_owned()],
                None,
            )
        }
    };
    let mut tags = tags;
    tags.sort();
    tags.dedup();
    ItemDetails {
        kind,
        title: match naming {
            // The number keeps a million titles unique, so near-namesakes can be told apart.
            Naming::Numbered => format!("{title} ({})", index + 1),
            Naming::Sample => title,
        },
        creator,
        duration_ms,
        price_cents,
        currency: price_cents.map(|_| "EUR".to_owned()),
        tags,
        source_uri,
        colour,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn the_sample_catalogue_is_the_same_every_time() {
        assert_eq!(sample_catalogue(), sample_catalogue());
    }

    #[test]
    fn the_sample_catalogue_has_at_least_two_hundred_items_of_every_kind() {
        let catalogue = sample_catalogue();
        assert!(catalogue.len() >= 200);
        let kinds: HashSet<_> = catalogue.iter().map(|item| item.kind).collect();
        assert_eq!(kinds.len(), ItemKind::ALL.len());
    }

    #[test]
    fn sample_titles_are_unique_without_a_number_and_colours_are_hex() {
        let catalogue = sample_catalogue();
        assert!(
            catalogue
                .iter()
                .all(|item| !item.title.contains(|c: char| c.is_ascii_digit())),
            "a sample title with a number in it"
        );
        let titles: HashSet<_> = catalogue.iter().map(|item| &item.title).collect();
        assert_eq!(titles.len(), catalogue.len());
        assert!(
            catalogue
                .iter()
                .all(|item| item.colour.len() == 7 && item.colour.starts_with('#'))
        );
    }
}
