//! Saving survives being killed at any moment: the file is always the complete old or the
//! complete new map, and the backup is always a complete map.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use polku::io;
use std::process::{Command, Stdio};
use std::time::Duration;

const CHILD: &str = "POLKU_SAVE_LOOP_TARGET";

/// In the child process: save two different maps over the target, alternately, forever.
#[test]
fn save_loop_child() {
    let Some(target) = std::env::var_os(CHILD) else { return };
    let a = io::load(&common::root().join("sample_maps/crm-myyntijohtaja.ron")).unwrap();
    let b = io::load(&common::root().join("sample_maps/ecommerce-running-shoes.ron")).unwrap();
    loop {
        for map in [&a, &b] {
            io::save(map, std::path::Path::new(&target)).unwrap();
        }
    }
}

#[test]
fn killing_a_save_at_random_moments_200_times_never_leaves_a_broken_file() {
    if std::env::var_os(CHILD).is_some() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("kartta.ron");
    let a = std::fs::read(common::root().join("sample_maps/crm-myyntijohtaja.ron")).unwrap();
    let b = std::fs::read(common::root().join("sample_maps/ecommerce-running-shoes.ron")).unwrap();
    std::fs::write(&target, &a).unwrap();
    let exe = std::env::current_exe().unwrap();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut seen = [0u32; 2];
    for round in 0..200 {
        let mut child = Command::new(&exe)
            .args(["--exact", "save_loop_child", "--nocapture", "--test-threads", "1"])
            .env(CHILD, &target)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // A pseudo-random moment from 20 to 140 ms after the start: the child needs some
        // milliseconds to start and load, then saves every few milliseconds.
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_millis(20 + seed % 120));
        child.kill().unwrap(); // SIGKILL: no destructor, no cleanup
        child.wait().unwrap();

        let now = std::fs::read(&target).unwrap();
        assert!(now == a || now == b, "round {round}: the map file is neither the old nor the new map");
        seen[usize::from(now == b)] += 1;
        let backup = io::backup_path(&target);
        if backup.exists() {
            let bak = std::fs::read(&backup).unwrap();
            assert!(bak == a || bak == b, "round {round}: the backup is not a complete map");
        }
    }
    // The kills really landed among saves: both versions were caught many times.
    assert!(seen[0] >= 20 && seen[1] >= 20, "kills did not interrupt saving: {seen:?}");
    // Temp files of killed saves may remain (named .kartta.ron.*.tmp); they never replace the map.
    assert!(io::load(&target).is_ok());
}
