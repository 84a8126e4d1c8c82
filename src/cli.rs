//! The command line: `polku [FILE]`, `polku check FILE…`, `polku fmt FILE…`.
//!
//! Raw arguments become a validated [`Cli`] (clap); each command returns an exit code so that
//! `main` stays thin. Exit codes: 0 ok, 1 invalid input, 2 usage (clap's own).

use crate::io;
use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;

/// Exit code when every file was fine.
pub const EXIT_OK: u8 = 0;
/// Exit code when a file was missing, unreadable or invalid.
pub const EXIT_INVALID: u8 = 1;

/// Polku — an offline editor for customer journey maps.
///
/// With no command, opens the editor window on FILE (or on a bundled sample map).
#[derive(Debug, Parser)]
#[command(name = "polku", version, about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// A map file (.ron) to open in the editor.
    pub file: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check map files and print one line per problem.
    Check {
        /// Map files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Rewrite map files in canonical form (atomically; the old file is kept as FILE.bak).
    Fmt {
        /// Only report files that are not in canonical form; change nothing.
        #[arg(long)]
        check: bool,
        /// Map files to format.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

/// Runs `polku check`: prints `FILE: ok (…)` or one line per problem; returns the exit code.
pub fn check(files: &[PathBuf], out: &mut impl Write) -> u8 {
    let mut code = EXIT_OK;
    for path in files {
        match io::load(path) {
            Ok(map) => {
                let _ = writeln!(
                    out,
                    "{}: ok ({} stages, {} lanes, {} cards, {} arrows)",
                    path.display(),
                    map.stages.len(),
                    map.lanes.len(),
                    map.cards.len(),
                    map.arrows.len()
                );
            }
            Err(e) => {
                code = EXIT_INVALID;
                for line in e.lines() {
                    let _ = writeln!(out, "{line}");
                }
            }
        }
    }
    code
}

/// Runs `polku fmt`: rewrites files not already canonical; returns the exit code.
pub fn fmt(files: &[PathBuf], check_only: bool, out: &mut impl Write) -> u8 {
    let mut code = EXIT_OK;
    for path in files {
        let result = io::load(path).map_err(|e| e.lines()).and_then(|map| {
            let canonical = io::to_text(&map).map_err(|e| vec![e.to_string()])?;
            let current = std::fs::read(path).map_err(|e| vec![format!("{}: {e}", path.display())])?;
            if current == canonical.as_bytes() {
                return Ok("already canonical");
            }
            if check_only {
                return Err(vec![format!("{}: not in canonical form (run `polku fmt`)", path.display())]);
            }
            io::save(&map, path).map_err(|e| vec![e.to_string()])?;
            Ok("formatted (previous version kept as .bak)")
        });
        match result {
            Ok(what) => {
                let _ = writeln!(out, "{}: {what}", path.display());
            }
            Err(lines) => {
                code = EXIT_INVALID;
                for line in lines {
                    let _ = writeln!(out, "{line}");
                }
            }
        }
    }
    code
}
