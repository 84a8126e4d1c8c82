//! Writes a generated map of N cards (10 stages × 8 lanes), for the large-map benchmarks:
//! `cargo run --release --example generate_map -- 5000 map-5000.ron`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(cards), Some(path)) = (args.first().and_then(|n| n.parse::<usize>().ok()), args.get(1)) else {
        eprintln!("usage: generate_map CARDS OUTPUT.ron");
        return ExitCode::from(2);
    };
    let map = polku::samples::generated(cards);
    match polku::io::save(&map, std::path::Path::new(path)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
