//! Any valid map survives save → load unchanged.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use polku::io;
use proptest::prelude::*;
use std::path::Path;

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_generated_map_is_valid_and_survives_text_round_trip(map in common::arb::journey_map()) {
        prop_assert_eq!(map.validate(), vec![]);
        let text = io::to_text(&map).unwrap();
        let back = io::load_str(&text, Path::new("generated.ron")).unwrap();
        prop_assert_eq!(&back, &map);
        // Canonical: the reloaded map writes the very same bytes.
        prop_assert_eq!(io::to_text(&back).unwrap(), text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn any_generated_map_survives_a_compact_single_line_file_too(map in common::arb::journey_map()) {
        // A file written by hand or by another tool may be compact RON on one line. (Kept
        // versions are written back as the text they were read as, so they are left out.)
        let map = polku::model::JourneyMap { versions: Vec::new(), ..map };
        #[derive(serde::Serialize)]
        struct Envelope<'a> {
            format_version: u32,
            map: &'a polku::model::JourneyMap,
        }
        let compact = ron::ser::to_string(&Envelope { format_version: io::CURRENT_VERSION, map: &map }).unwrap();
        prop_assert!(!compact.contains('\n'));
        prop_assert_eq!(io::load_str(&compact, Path::new("compact.ron")).unwrap(), map);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn any_generated_map_survives_an_atomic_save_and_load_from_disk(map in common::arb::journey_map()) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kartta.ron");
        io::save(&map, &path).unwrap();
        io::save(&map, &path).unwrap();
        prop_assert_eq!(io::load(&path).unwrap(), map);
        prop_assert_eq!(std::fs::read(&path).unwrap(), std::fs::read(io::backup_path(&path)).unwrap());
    }
}
