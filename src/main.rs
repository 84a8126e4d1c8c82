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
        Some(Command::Export {
            file,
            output,
            action_plan,
            slides,
            size,
            votes,
            no_embed,
            no_badges,
            text_as_paths,
            page,
            orientation,
            width,
            stages,
            per_stage,
            no_header,
            hide_empty_lanes,
            scale,
            dpi,
            background,
            margin,
            theme,
        }) => {
            let args = cli::ExportArgs {
                file: &file,
                output: output.as_deref(),
                action_plan: action_plan.as_deref(),
                scale,
                dpi,
                background,
                margin,
                theme,
                slides: slides.as_deref(),
                size,
                votes,
                no_embed,
                no_badges,
                text_as_paths,
                page,
                orientation,
                width,
                stages,
                per_stage,
                no_header,
                hide_empty_lanes,
            };
            cli::export(&args, &mut stdout)
        }
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
