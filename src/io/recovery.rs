//! Crash recovery: the open map is written to a recovery file (never over the user's file)
//! shortly after edits stop, and a later start offers what a crashed or killed instance left.
//!
//! Each running instance owns `recovery-<pid>.ron` and marks itself alive with
//! `lock-<pid>`; a recovery file whose instance is gone is an orphan to offer. A second
//! running Polku is therefore never mistaken for a crash.

use super::error::SaveError;
use super::format::CURRENT_VERSION;
use super::save::write_atomic;
use crate::model::JourneyMap;
use serde::{Deserialize, Serialize};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

#[derive(Serialize, Deserialize)]
struct RecoveryFile {
    format_version: u32,
    /// The map's own file, if it has one.
    original: Option<PathBuf>,
    map: JourneyMap,
}

/// Unsaved work left by an instance that is no longer running.
#[derive(Debug)]
pub struct Recovery {
    pub file: PathBuf,
    pub original: Option<PathBuf>,
    pub saved_at: SystemTime,
    pub map: JourneyMap,
}

/// This instance's recovery files.
#[derive(Debug)]
pub struct RecoveryStore {
    dir: PathBuf,
    pid: u32,
}

impl RecoveryStore {
    /// Opens (creating) the recovery folder and marks this instance alive.
    pub fn open(dir: PathBuf) -> std::io::Result<RecoveryStore> {
        fs::create_dir_all(&dir)?;
        let store = RecoveryStore { dir, pid: std::process::id() };
        fs::write(store.lock_path(store.pid), store.pid.to_string())?;
        Ok(store)
    }

    fn lock_path(&self, pid: u32) -> PathBuf {
        self.dir.join(format!("lock-{pid}"))
    }

    fn file_path(&self, pid: u32) -> PathBuf {
        self.dir.join(format!("recovery-{pid}.ron"))
    }

    /// Writes the current map (atomically) as this instance's recovery file.
    pub fn write(&self, original: Option<&Path>, map: &JourneyMap) -> Result<(), SaveError> {
        let file =
            RecoveryFile { format_version: CURRENT_VERSION, original: original.map(Path::to_owned), map: map.clone() };
        let text = ron::ser::to_string_pretty(&file, ron::ser::PrettyConfig::default())
            .map_err(|e| SaveError::Serialize(e.to_string()))?;
        write_atomic(&self.file_path(self.pid), text.as_bytes(), false)
    }

    /// Removes this instance's recovery file (the work is saved or deliberately discarded).
    pub fn clear(&self) {
        let _ = fs::remove_file(self.file_path(self.pid));
    }

    /// A clean exit: no recovery file, no lock.
    pub fn release(&self) {
        self.clear();
        let _ = fs::remove_file(self.lock_path(self.pid));
    }

    /// Recovery files of instances that are no longer running and that are newer than their
    /// map's file, newest first.
    pub fn orphans(&self) -> Vec<Recovery> {
        let Ok(entries) = fs::read_dir(&self.dir) else { return Vec::new() };
        let mut found = Vec::new();
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(pid) =
                name.strip_prefix("recovery-").and_then(|r| r.strip_suffix(".ron")).and_then(|p| p.parse::<u32>().ok())
            else {
                continue;
            };
            if pid == self.pid || self.is_alive(pid) {
                continue;
            }
            let path = entry.path();
            let Ok(saved_at) = entry.metadata().and_then(|m| m.modified()) else { continue };
            let Ok(text) = fs::read_to_string(&path) else { continue };
            let Ok(file) = ron::Options::default().from_str::<RecoveryFile>(&text) else { continue };
            let newer = file
                .original
                .as_ref()
                .and_then(|o| fs::metadata(o).and_then(|m| m.modified()).ok())
                .is_none_or(|doc| saved_at > doc);
            if newer {
                found.push(Recovery { file: path, original: file.original, saved_at, map: file.map });
            }
        }
        found.sort_by_key(|r| std::cmp::Reverse(r.saved_at));
        found
    }

    /// Deletes an orphan once the user has chosen what to do with it.
    pub fn discard(&self, recovery: &Recovery) {
        let _ = fs::remove_file(&recovery.file);
        if let Some(pid) = recovery
            .file
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_prefix("recovery-"))
            .and_then(|r| r.strip_suffix(".ron"))
            .and_then(|p| p.parse().ok())
        {
            let _ = fs::remove_file(self.lock_path(pid));
        }
    }

    fn is_alive(&self, pid: u32) -> bool {
        if !self.lock_path(pid).exists() {
            return false;
        }
        if cfg!(target_os = "linux") {
            Path::new("/proc").join(pid.to_string()).exists()
        } else {
            // Without /proc, a lock that is still there means the instance still runs.
            true
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fake_orphan(dir: &Path, pid: u32, original: Option<&Path>) {
        let store = RecoveryStore { dir: dir.to_owned(), pid };
        store.write(original, &JourneyMap::new("Lost work")).unwrap();
    }

    #[test]
    fn work_of_a_dead_instance_is_offered_and_our_own_is_not() {
        let dir = tempfile::tempdir().unwrap();
        // pid 999999999 cannot be running; its lock is left behind as by kill -9.
        fake_orphan(dir.path(), 999_999_999, None);
        fs::write(dir.path().join("lock-999999999"), "").unwrap();
        let store = RecoveryStore::open(dir.path().to_owned()).unwrap();
        store.write(None, &JourneyMap::new("Mine")).unwrap();
        let orphans = store.orphans();
        assert_eq!(orphans.len(), 1);
        assert_eq!(orphans[0].map.title, "Lost work");
        store.discard(&orphans[0]);
        assert!(store.orphans().is_empty());
        assert!(!dir.path().join("lock-999999999").exists());
    }

    #[test]
    fn a_running_instance_is_not_mistaken_for_a_crash() {
        let dir = tempfile::tempdir().unwrap();
        // Our parent process is alive and has a lock: its recovery file is not an orphan.
        let other = RecoveryStore { dir: dir.path().to_owned(), pid: 1 };
        fs::write(other.lock_path(1), "1").unwrap();
        other.write(None, &JourneyMap::new("Other window")).unwrap();
        let store = RecoveryStore::open(dir.path().to_owned()).unwrap();
        assert!(store.orphans().is_empty());
    }

    #[test]
    fn a_recovery_older_than_its_saved_file_is_not_offered() {
        let dir = tempfile::tempdir().unwrap();
        let doc = dir.path().join("map.ron");
        fake_orphan(dir.path(), 999_999_998, Some(&doc));
        std::thread::sleep(std::time::Duration::from_millis(20));
        fs::write(&doc, "saved later").unwrap();
        let store = RecoveryStore::open(dir.path().join("x")).unwrap();
        let store = RecoveryStore { dir: dir.path().to_owned(), pid: store.pid };
        assert!(store.orphans().is_empty());
    }

    #[test]
    fn a_clean_exit_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::open(dir.path().to_owned()).unwrap();
        store.write(None, &JourneyMap::new("x")).unwrap();
        store.release();
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
