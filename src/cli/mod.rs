//! The command line: `polku [FILE]`, `polku check FILE…`, `polku fmt FILE…`, `polku export`,
//! `polku diff OLD NEW`.
//!
//! Raw arguments become a validated [`Cli`] (clap); each command returns an exit code so that
//! `main` stays thin. Exit codes: 0 ok, 1 invalid input, 2 usage (clap's own).

use crate::io;
mod image;

use crate::render::export::{BASE_DPI, ExportOptions};
use crate::theme::{Theme, ThemeKind};
use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Exit code when every file was fine.
pub const EXIT_OK: u8 = 0;
/// Exit code when a file was missing, unreadable or invalid.
pub const EXIT_INVALID: u8 = 1;
/// Exit code for a usage mistake (as clap uses for the ones it finds).
pub const EXIT_USAGE: u8 = 2;

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
    /// Export a map as a PNG, SVG or PDF (optionally one persona's journey, or with what changed
    /// since an older version marked), as presentation slides, and/or its action plan, SWOT
    /// analysis or channel matrix as Excel, CSV or Markdown (headless).
    Export(Box<ExportArgs>),
    /// List what changed between two versions of a map: added, removed, changed, moved and
    /// re-rated elements and action-plan items. Exit 0: the same map; 1: they differ; 2: a file
    /// is missing or invalid. Either side may be an image or PDF exported by Polku.
    Diff {
        /// The older version.
        old: PathBuf,
        /// The newer version.
        new: PathBuf,
        /// Plain text (one line per change) or a Markdown report.
        #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
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

/// The `diff --format` choices.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    Text,
    Md,
}

/// Runs `polku diff`: prints the changes from `old` to `new`; returns 0 when the maps are the
/// same, 1 when they differ, 2 when a file cannot be read (like `diff`).
pub fn diff(old: &Path, new: &Path, format: DiffFormat, out: &mut impl Write) -> u8 {
    let load = |p: &Path| io::load(p).map_err(|e| e.to_string());
    let (a, b) = match (load(old), load(new)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => {
            let _ = writeln!(out, "{e}");
            return EXIT_USAGE;
        }
    };
    let changes = crate::diff::diff(&a, &b);
    let name = |p: &Path| p.file_name().map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into_owned());
    let text = match format {
        DiffFormat::Text => crate::diff::to_text(&changes),
        DiffFormat::Md => crate::diff::to_markdown(&changes, &name(old), &name(new)),
    };
    let _ = out.write_all(text.as_bytes());
    if changes.is_empty() { EXIT_OK } else { EXIT_INVALID }
}

/// The `--page` choices.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum PageArg {
    /// The map's own size (a PDF page as large as the map).
    Fit,
    A4,
    A3,
    Letter,
    Slide,
}

/// The `--orientation` choices.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum OrientationArg {
    Portrait,
    Landscape,
}

/// The `--background` choices.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum BackgroundArg {
    White,
    Transparent,
}

/// The `--theme` choices.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ThemeArg {
    Light,
    Dark,
    Projector,
}

impl From<ThemeArg> for ThemeKind {
    fn from(arg: ThemeArg) -> ThemeKind {
        match arg {
            ThemeArg::Light => ThemeKind::Light,
            ThemeArg::Dark => ThemeKind::Dark,
            ThemeArg::Projector => ThemeKind::Projector,
        }
    }
}

fn parse_number(s: &str, range: std::ops::RangeInclusive<f32>, what: &str) -> Result<f32, String> {
    let v: f32 = s.parse().map_err(|_| format!("{what} must be a number"))?;
    if range.contains(&v) { Ok(v) } else { Err(format!("{what} must be from {} to {}", range.start(), range.end())) }
}

fn parse_scale(s: &str) -> Result<f32, String> {
    parse_number(s, ExportOptions::SCALES, "scale")
}

fn parse_dpi(s: &str) -> Result<f32, String> {
    let range = ExportOptions::SCALES;
    parse_number(s, range.start() * BASE_DPI..=range.end() * BASE_DPI, "DPI")
}

/// `2-3` or `4` (1-based) as first and last stage index (0-based).
fn parse_stages(s: &str) -> Result<[usize; 2], String> {
    let number = |t: &str| t.trim().parse::<usize>().ok().filter(|n| *n >= 1).map(|n| n - 1);
    let parsed = match s.split_once('-') {
        Some((a, b)) => number(a).zip(number(b)).map(|(a, b)| [a.min(b), a.max(b)]),
        None => number(s).map(|n| [n, n]),
    };
    parsed.ok_or_else(|| "stages are numbered from 1: write e.g. 2-3 or 4".to_owned())
}

fn parse_output_path(s: &str) -> Result<PathBuf, String> {
    let path = PathBuf::from(s);
    match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("png" | "svg" | "pdf") => Ok(path),
        _ => Err("the map is exported as .png, .svg or .pdf (the name's extension decides)".to_owned()),
    }
}

fn parse_plan_path(s: &str) -> Result<PathBuf, String> {
    let path = PathBuf::from(s);
    match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("xlsx" | "csv" | "md" | "markdown") => Ok(path),
        _ => Err("the action plan is written as .xlsx, .csv or .md".to_owned()),
    }
}

fn parse_markdown_path(s: &str) -> Result<PathBuf, String> {
    let path = PathBuf::from(s);
    match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("md" | "markdown") => Ok(path),
        _ => Err("the SWOT analysis is written as Markdown (.md)".to_owned()),
    }
}

fn parse_matrix_path(s: &str) -> Result<PathBuf, String> {
    let path = PathBuf::from(s);
    match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("xlsx" | "csv" | "md" | "markdown") => Ok(path),
        _ => Err("the channel × action matrix is written as .xlsx, .csv or .md".to_owned()),
    }
}

fn parse_margin(s: &str) -> Result<f32, String> {
    parse_number(s, 0.0..=500.0, "margin")
}

/// The options of `polku export`, as given on the command line.
#[derive(clap::Args, Debug)]
#[command(group(clap::ArgGroup::new("what").required(true).multiple(true).args(["output", "action_plan", "swot", "matrix", "slides"])))]
pub struct ExportArgs {
    /// The map file to export.
    pub file: PathBuf,
    /// Where to write the image: a PNG (.png), SVG (.svg) or PDF (.pdf), by the name's
    /// extension.
    #[arg(short, long, value_name = "OUT.png|OUT.svg|OUT.pdf", value_parser = parse_output_path)]
    pub output: Option<PathBuf>,
    /// In an SVG, draw text as glyph outlines instead of text with embedded fonts: for
    /// programs that ignore embedded fonts (PowerPoint, Word). The text is then not
    /// selectable.
    #[arg(long)]
    pub text_as_paths: bool,
    /// Write one PNG per presentation step into this folder (made if missing), exactly as
    /// the presentation shows them: for a venue PC without Polku.
    #[arg(long, value_name = "DIR")]
    pub slides: Option<PathBuf>,
    /// Size of each slide in pixels.
    #[arg(long, value_name = "WIDTHxHEIGHT", default_value = "1920x1080", value_parser = crate::present::slides::parse_size, requires = "slides")]
    pub size: [u32; 2],
    /// Draw the dots of the map's latest vote round on the cards.
    #[arg(long)]
    pub votes: bool,
    /// Leave the map out of the PNG, SVG or PDF (by default it is kept inside, so the file
    /// opens again as the map).
    #[arg(long)]
    pub no_embed: bool,
    /// Leave the priority and status badges off the cards and arrows of the action plan.
    #[arg(long)]
    pub no_badges: bool,
    /// Colour each card's accent bar by its evidence: red assumption, amber partly backed,
    /// green researched, grey not said.
    #[arg(long)]
    pub colour_by_evidence: bool,
    /// Mark what changed since OLD (an older version of the map, or an image of it): added,
    /// changed, moved and removed cards, and the earlier emotion curves.
    #[arg(long, value_name = "OLD")]
    pub compare: Option<PathBuf>,
    /// Export one persona's journey (its id or name): the cards everyone shares and its own,
    /// its curve and its persona card. Without it, every persona's.
    #[arg(long, value_name = "PERSONA")]
    pub persona: Option<String>,
    /// Where to write the action plan: an Excel workbook (.xlsx), CSV (.csv) or Markdown (.md).
    #[arg(long, value_name = "PLAN.xlsx|PLAN.csv|PLAN.md", value_parser = parse_plan_path)]
    pub action_plan: Option<PathBuf>,
    /// Where to write the stages' SWOT analyses, as Markdown (.md): a 2×2 table per stage.
    #[arg(long, value_name = "SWOT.md", value_parser = parse_markdown_path)]
    pub swot: Option<PathBuf>,
    /// Where to write the channel × action matrix: an Excel workbook (.xlsx: the grid and the
    /// list), CSV (.csv: a line per touchpoint or action) or Markdown (.md: channels by stages).
    #[arg(long, value_name = "MATRIX.xlsx|MATRIX.csv|MATRIX.md", value_parser = parse_matrix_path)]
    pub matrix: Option<PathBuf>,
    /// Pixels per point, 1–8 (default 2).
    #[arg(long, value_parser = parse_scale, conflicts_with = "dpi")]
    pub scale: Option<f32>,
    /// Resolution in dots per inch, 96–768, e.g. 150, 300 or 600 (with --page: 300).
    #[arg(long, value_parser = parse_dpi)]
    pub dpi: Option<f32>,
    /// Size the picture for a page of a report (inside 15 mm margins): a4, a3 or letter (a
    /// PNG at --dpi; a PDF's pages are that paper); a 16:9 slide (1920×1080 px; a 16:9 PDF
    /// page); or fit (the map's own size: the default).
    #[arg(long, value_enum, conflicts_with_all = ["scale", "width"])]
    pub page: Option<PageArg>,
    /// The page's orientation (default: the map's shape decides).
    #[arg(long, value_enum, requires = "page")]
    pub orientation: Option<OrientationArg>,
    /// Only these stages (1-based, e.g. 2-3 or 4) beside the lane titles, without the header.
    #[arg(long, value_name = "N-M", value_parser = parse_stages)]
    pub stages: Option<[usize; 2]>,
    /// Leave out the header (title, goal, facts and persona): just the stages and lanes.
    #[arg(long)]
    pub no_header: bool,
    /// Leave out the lanes that show nothing (no card, or a curve with nothing rated).
    #[arg(long)]
    pub hide_empty_lanes: bool,
    /// One file per stage, named OUT-1-stage-name.png (or .svg), and so on; for a PDF, one
    /// document with an overview page and then a page per stage.
    #[arg(long, conflicts_with = "stages", requires = "output")]
    pub per_stage: bool,
    /// Size the PNG to this many pixels wide.
    #[arg(long, value_name = "PX", value_parser = clap::value_parser!(u32).range(100..=30_000), conflicts_with_all = ["scale", "dpi"])]
    pub width: Option<u32>,
    /// What is behind the map.
    #[arg(long, value_enum, default_value_t = BackgroundArg::White)]
    pub background: BackgroundArg,
    /// Space around the map, in points.
    #[arg(long, default_value_t = 0.0, value_parser = parse_margin)]
    pub margin: f32,
    /// The author named in a PDF's document properties.
    #[arg(long, value_name = "NAME")]
    pub author: Option<String>,
    /// Colour theme (default: light for images, projector for slides).
    #[arg(long, value_enum)]
    pub theme: Option<ThemeArg>,
}

/// Runs `polku export`: writes the PNG and reports its size and timings.
pub fn export(args: &ExportArgs, out: &mut impl Write) -> u8 {
    let map = match io::load(&args.file) {
        Ok(map) => map,
        Err(e) => {
            for line in e.lines() {
                let _ = writeln!(out, "{line}");
            }
            return EXIT_INVALID;
        }
    };
    let mut code = EXIT_OK;
    let mut write = |path: &Path, bytes: Result<Vec<u8>, String>, said: String| match bytes
        .and_then(|bytes| io::write_atomic(path, &bytes, false).map_err(|e| e.to_string()))
    {
        Ok(()) => {
            let _ = writeln!(out, "{}: {said}", path.display());
        }
        Err(e) => {
            let _ = writeln!(out, "{}: {e}", path.display());
            code = EXIT_INVALID;
        }
    };
    if let Some(plan) = args.action_plan.as_deref() {
        write(plan, crate::plan::file_bytes(&map, plan), format!("{} improvement items", crate::plan::count(&map)));
    }
    if let Some(swot) = args.swot.as_deref() {
        let said = format!("SWOT of {} of {} stages", crate::analysis::swot::count(&map), map.stages.len());
        write(swot, Ok(crate::analysis::swot::to_markdown(&map).into_bytes()), said);
    }
    if let Some(path) = args.matrix.as_deref() {
        let rows = crate::analysis::matrix::rows(&map);
        let said =
            format!("{} channels × {} stages", rows.iter().filter(|r| r.channel.is_some()).count(), map.stages.len());
        write(path, crate::analysis::matrix::file_bytes(&map, path), said);
    }
    if let Some(dir) = args.slides.as_deref() {
        code = code.max(slides(&map, args, dir, out));
    }
    let Some(output) = args.output.as_deref() else { return code };
    code.max(image::export_images(&map, args, output, out))
}

/// Where the PNG goes, when sized for a page, a slide or a width.
pub(crate) fn destination(args: &ExportArgs) -> Option<crate::render::page::Destination> {
    use crate::render::page::{A3, A4, Destination, LETTER};
    let landscape = args.orientation.map(|o| o == OrientationArg::Landscape);
    let dpi = args.dpi.unwrap_or(300.0);
    match (args.page, args.width) {
        (Some(PageArg::A4), _) => Some(Destination::Page { size_mm: A4, landscape, dpi }),
        (Some(PageArg::A3), _) => Some(Destination::Page { size_mm: A3, landscape, dpi }),
        (Some(PageArg::Letter), _) => Some(Destination::Page { size_mm: LETTER, landscape, dpi }),
        (Some(PageArg::Slide), _) => Some(Destination::Slide),
        (None, Some(px)) => Some(Destination::Width(px)),
        (Some(PageArg::Fit), _) | (None, None) => None,
    }
}

/// Writes the presentation's slides of `map` into `dir`; returns the exit code.
fn slides(map: &crate::model::JourneyMap, args: &ExportArgs, dir: &Path, out: &mut impl Write) -> u8 {
    let theme =
        Theme { plan_badges: !args.no_badges, ..Theme::of(args.theme.map_or(ThemeKind::Projector, ThemeKind::from)) };
    let layout = crate::render::export::layout_headless(map, &theme);
    let options = crate::present::slides::SlideOptions { size: args.size, votes: args.votes };
    let start = std::time::Instant::now();
    match crate::present::slides::export_slides(map, &layout, &theme, &options, dir) {
        Ok(files) => {
            let _ = writeln!(
                out,
                "{}: {} slides of {}×{} px ({} ms)",
                dir.display(),
                files.len(),
                args.size[0],
                args.size[1],
                start.elapsed().as_millis()
            );
            EXIT_OK
        }
        // A save error names its file already.
        Err(e @ crate::render::export::ExportError::Save(_)) => {
            let _ = writeln!(out, "{e}");
            EXIT_INVALID
        }
        Err(e) => {
            let _ = writeln!(out, "{}: {e}", dir.display());
            EXIT_INVALID
        }
    }
}

/// "1 lane", "8 lanes".
fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Runs `polku check`: prints `FILE: ok (…)` or one line per problem; returns the exit code.
pub fn check(files: &[PathBuf], out: &mut impl Write) -> u8 {
    let mut code = EXIT_OK;
    for path in files {
        match io::load(path) {
            Ok(map) => {
                let mut counts = vec![
                    counted(map.personas.len(), "persona", "personas"),
                    counted(map.stages.len(), "stage", "stages"),
                    counted(map.lanes.len(), "lane", "lanes"),
                    counted(map.cards.len(), "card", "cards"),
                    counted(map.arrows.len(), "arrow", "arrows"),
                ];
                if !map.versions.is_empty() {
                    counts.push(counted(map.versions.len(), "kept version", "kept versions"));
                }
                let _ = writeln!(out, "{}: ok ({})", path.display(), counts.join(", "));
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
            let bytes = std::fs::read(path).map_err(|e| vec![format!("{}: {e}", path.display())])?;
            if io::image::is_png(&bytes) {
                return Err(vec![format!(
                    "{}: an image with a map inside; `polku fmt` rewrites .ron maps only",
                    path.display()
                )]);
            }
            let mut map = map;
            io::canonical_versions(&mut map, path).map_err(|e| vec![e])?;
            let canonical = io::to_text(&map).map_err(|e| vec![e.to_string()])?;
            if bytes == canonical.as_bytes() {
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
