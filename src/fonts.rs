//! The fonts every text in Polku is measured and drawn with.
//!
//! Bundled (Inter, SIL Open Font License, `assets/fonts/`) rather than taken from the system
//! so that a map lays out and exports to the same pixels on every machine, and so that
//! Finnish (ä, ö, å) and the rest of Latin always render. egui's own fonts stay behind Inter
//! as fallbacks for symbols and emoji.

use egui::{FontData, FontDefinitions, FontFamily};
use std::sync::Arc;

const INTER_REGULAR: &[u8] = include_bytes!("../assets/fonts/Inter-Regular.otf");
const INTER_SEMIBOLD: &[u8] = include_bytes!("../assets/fonts/Inter-SemiBold.otf");

/// The family used for bold text (titles, stage names).
pub fn bold() -> FontFamily {
    FontFamily::Name("bold".into())
}

/// Inter first, then egui's defaults for anything Inter lacks.
pub fn definitions() -> FontDefinitions {
    let mut defs = FontDefinitions::default();
    defs.font_data.insert("inter".into(), Arc::new(FontData::from_static(INTER_REGULAR)));
    defs.font_data.insert("inter-semibold".into(), Arc::new(FontData::from_static(INTER_SEMIBOLD)));

    let fallbacks = defs.families.get(&FontFamily::Proportional).cloned().unwrap_or_default();
    let mut regular = vec!["inter".to_owned()];
    regular.extend(fallbacks.iter().cloned());
    let mut semibold = vec!["inter-semibold".to_owned()];
    semibold.extend(fallbacks);
    defs.families.insert(FontFamily::Proportional, regular);
    defs.families.insert(bold(), semibold);
    defs
}

/// Installs Polku's fonts into a context (the window's, a test's or the exporter's).
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}
