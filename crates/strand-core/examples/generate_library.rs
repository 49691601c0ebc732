//! Writes a library of generated items for measuring Strand at scale (start-up, memory):
//! `cargo run --release -p strand-core --example generate_library -- <data dir> [items]`
//! creates `<data dir>/strand.sqlite` with the demo catalogue plus `items` more (default
//! 1,000,000), in transactions of 100,000.

use std::path::PathBuf;

use strand_core::{Strand, StrandOptions, catalogue};

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(
        args.next()
            .expect("usage: generate_library <data dir> [items]"),
    );
    let count: usize = args
        .next()
        .map(|count| count.parse().expect("items is a number"))
        .unwrap_or(1_000_000);
    std::fs::create_dir_all(&dir).expect("data dir");
    let strand =
        Strand::open(&dir.join("strand.sqlite"), StrandOptions::default()).expect("open library");
    for chunk in catalogue::generate(count).chunks(100_000) {
        strand.add_items(chunk).expect("add items");
    }
    println!(
        "{} items in {}",
        strand.items(0, 1).expect("items").total,
        dir.display()
    );
}
