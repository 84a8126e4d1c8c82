//! The user's preferences, kept by eframe between runs (never in the map).

use super::UiLanguage;
use crate::render::export::ExportOptions;
use crate::theme::ThemeKind;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// How many files Open Recent remembers.
const RECENT_LIMIT: usize = 10;
pub const PREFS_KEY: &str = "polku-prefs";

/// The user's preferences, kept between runs.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub language: UiLanguage,
    pub theme: ThemeKind,
    pub recent: Vec<PathBuf>,
    pub export: ExportOptions,
    /// The author a PDF export names in its properties.
    pub author: String,
    /// The action plan panel is open.
    pub show_plan: bool,
    /// Cards and arrows of the action plan show no priority and status badge (on screen and
    /// in exports). Stored negated so that prefs saved before it existed show the badges.
    pub hide_plan_badges: bool,
    /// Cards' accent bars show how well research backs them (View → Colour by evidence).
    pub colour_by_evidence: bool,
}

impl Prefs {
    pub fn remember(&mut self, path: &Path) {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_owned());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT_LIMIT);
    }
}
