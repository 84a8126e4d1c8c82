//! Sample maps bundled into the binary, so a newcomer's first start shows a real map.

use crate::model::JourneyMap;
use std::path::Path;

/// The bundled samples as (file name, text); the first is the one shown at start.
pub const SAMPLES: [(&str, &str); 3] = [
    ("ecommerce-running-shoes.ron", include_str!("../sample_maps/ecommerce-running-shoes.ron")),
    ("crm-myyntijohtaja.ron", include_str!("../sample_maps/crm-myyntijohtaja.ron")),
    ("digimarkkinointi.ron", include_str!("../sample_maps/digimarkkinointi.ron")),
];

/// The map shown when Polku starts without a file.
///
/// Falls back to an empty map only if the bundled text were broken, which the tests rule out.
pub fn default_sample() -> JourneyMap {
    SAMPLES
        .first()
        .and_then(|(name, text)| crate::io::load_str(text, Path::new(name)).ok())
        .unwrap_or_else(|| JourneyMap::new("Untitled journey"))
}

/// The first bundled sample written in `language`: a Finnish user's first start shows a
/// Finnish map.
pub fn default_sample_in(language: crate::model::Language) -> JourneyMap {
    SAMPLES
        .iter()
        .filter_map(|(name, text)| crate::io::load_str(text, Path::new(name)).ok())
        .find(|map| map.language == language)
        .unwrap_or_else(default_sample)
}
