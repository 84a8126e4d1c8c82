//! Any text pasted into a map: nothing panics and the map stays valid.
#![no_main]

use libfuzzer_sys::fuzz_target;
use polku::model::{LaneId, StageId};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Some((cards, arrows)) = polku::edit::clipboard::parse(text) else { return };
    let mut map = polku::presets::Preset::Funnel.new_map(polku::model::Language::English);
    let (cmd, _) =
        polku::edit::ops::paste_cards(&map, &cards, &arrows, &StageId::new("purchase"), &LaneId::new("touchpoints"));
    if cmd.apply(&mut map).is_ok() {
        assert!(map.validate().is_empty(), "{:?}", map.validate());
    }
});
