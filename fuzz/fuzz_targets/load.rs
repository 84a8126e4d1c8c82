//! Any bytes given to the map loader: an error or a valid map, never a panic or a hang.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    if let Ok(map) = polku::io::load_bytes(data.to_vec(), Path::new("fuzz.ron")) {
        // Whatever loads is valid, and saves to text that loads back to the same map.
        assert!(map.validate().is_empty());
        let text = polku::io::to_text(&map).expect("a loaded map can be written");
        let back = polku::io::load_str(&text, Path::new("again.ron")).expect("written text loads");
        assert_eq!(back, map);
    }
});
