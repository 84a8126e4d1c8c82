//! The `polku` binary: parse the command line, then run the editor or a headless command.

use clap::Parser;
use polku::cli::{self, Cli, Command};
use std::process::ExitCode;

fn main() -> ExitCode {
    polku::logging::install();
    let cli = Cli::parse();
    let mut stdout = std::io::stdout().lock();
    let code = match cli.command {
        Some(Command::Check { files }) => cli::check(&files, &mut stdout),
        Some(Command::Fmt { check, files }) => cli::fmt(&files, check, &mut stdout),
        Some(Command::Export(args)) => cli::export(&args, &mut stdout),
        Some(Command::Diff { old, new, format }) => cli::diff(&old, &new, format, &mut stdout),
        None => {
            drop(stdout);
            match polku::app::run(cli.file) {
                Ok(()) => cli::EXIT_OK,
                Err(e) => {
                    eprintln!("polku: {e:#}");
                    cli::EXIT_INVALID
                }
            }
        }
    };
    ExitCode::from(code)
}
