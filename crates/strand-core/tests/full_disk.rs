//! A full disk: a keep that does not fit is refused saying so, every bundle kept before is whole,
//! and once there is room again Strand goes on. The library lives on a small tmpfs mounted for
//! the test (CI runs as root; without the right to mount, the test fails rather than pass
//! unexamined).

use std::path::{Path, PathBuf};
use std::process::Command;

use strand_core::{ErrorCode, Strand, Tier};

use crate::support::open_demo;

/// A tmpfs of `size` mounted on a fresh folder, unmounted when dropped.
struct SmallDisk {
    mount: PathBuf,
    _dir: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(size: &str) -> SmallDisk {
        let dir = tempfile::tempdir().expect("temp dir");
        let mount = dir.path().join("disk");
        std::fs::create_dir(&mount).expect("mount point");
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(&mount)
            .status()
            .expect("mount runs");
        assert!(status.success(), "mounting a tmpfs needs root");
        SmallDisk { mount, _dir: dir }
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.mount).status();
    }
}

/// Fills what is left of the disk with one file, which is returned so it can be deleted.
fn fill(disk: &Path) -> PathBuf {
    use std::io::Write;
    let filler = disk.join("filler");
    let mut file = std::fs::File::create(&filler).expect("filler");
    let block = vec![0u8; 64 * 1024];
    while file.write_all(&block).is_ok() {}
    let _ = file.sync_all();
    filler
}

fn open(path: &Path) -> Strand {
    let strand = open_demo(path);
    strand.set_demo_tier(Some(Tier::Premium)).expect("premium");
    strand
}

#[test]
fn a_keep_that_does_not_fit_on_a_full_disk_is_refused_and_everything_kept_stays_whole() {
    let disk = SmallDisk::mount("8m");
    let path = disk.mount.join("strand.sqlite");
    let strand = open(&path);
    let items: Vec<_> = strand
        .items(0, 200)
        .expect("items")
        .items
        .into_iter()
        .map(|item| item.id)
        .collect();
    let before = strand.create_bundle("Kept before").expect("draft");
    strand.add_entries(before.id, &items[..20]).expect("thread");
    let before = strand.keep(before.id).expect("keep");
    // Built before the disk fills: a demo records each draft started in its funnel.
    let big = strand.create_bundle("Too big").expect("draft");
    for _ in 0..100 {
        strand
            .add_entries(big.id, &items)
            .expect("thread in memory");
    }
    let filler = fill(&disk.mount);

    let refused = strand.keep(big.id).expect_err("the disk is full");
    assert_eq!(refused.code(), ErrorCode::File, "{refused}");
    assert!(refused.to_string().contains("disk is full"), "{refused}");
    assert_eq!(
        strand.whole_bundle(before.id).expect("whole").entries.len(),
        20
    );
    assert!(
        strand.bundle(big.id).is_ok(),
        "the draft is still there to keep later"
    );

    std::fs::remove_file(filler).expect("free the disk");
    strand.keep(big.id).expect("kept once there is room");
    drop(strand);
    let strand = open(&path);
    assert_eq!(strand.bundles().expect("bundles").len(), 2);
    assert_eq!(
        strand.whole_bundle(before.id).expect("whole").entries.len(),
        20
    );
}
