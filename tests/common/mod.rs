//! Helpers shared by the integration tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod arb;
pub mod cpu_renderer;
pub mod ui;

use std::path::{Path, PathBuf};

/// The project's root folder.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.ron` file in a folder under the project root, sorted.
pub fn ron_files(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

/// The sample maps shipped in `sample_maps/`.
pub fn sample_maps() -> Vec<PathBuf> {
    let files = ron_files("sample_maps");
    assert!(files.len() >= 3, "expected the three sample maps, found {files:?}");
    files
}

/// A file's name, for messages.
pub fn name(p: &Path) -> String {
    p.file_name().unwrap().to_string_lossy().into_owned()
}
