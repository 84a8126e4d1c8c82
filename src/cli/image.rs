//! `polku export -o OUT.png|OUT.svg|OUT.pdf`: the map, some of its stages, or one file (for a
//! PDF: one page) per stage.

use super::{BackgroundArg, EXIT_INVALID, EXIT_OK, EXIT_USAGE, ExportArgs, OrientationArg, PageArg, destination};
use crate::model::JourneyMap;
use crate::render::export::{Background, ExportOptions, ImageFormat, export_layout_png, layout_headless};
use crate::render::pdf::Paper;
use crate::render::picture::panes;
use crate::theme::{Theme, ThemeKind};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The persona `asked` names, by id or by name (either case); the message lists the map's
/// personas when none matches.
fn find_persona(map: &JourneyMap, asked: &str) -> Result<crate::model::PersonaId, String> {
    let asked = asked.trim();
    map.personas
        .iter()
        .find(|p| p.id.as_str() == asked || p.name.trim().eq_ignore_ascii_case(asked))
        .or_else(|| map.personas.iter().find(|p| p.name.to_lowercase() == asked.to_lowercase()))
        .map(|p| p.id.clone())
        .ok_or_else(|| {
            let known: Vec<String> = map.personas.iter().map(|p| format!("{} ({})", p.id, p.name)).collect();
            format!("no persona {asked:?} in the map; it has: {}", known.join(", "))
        })
}

/// Writes the image(s) `args` ask for; returns the exit code.
pub fn export_images(map: &JourneyMap, args: &ExportArgs, output: &Path, out: &mut impl Write) -> u8 {
    let journey_of = match args.persona.as_deref().map(|asked| find_persona(map, asked)) {
        None => None,
        Some(Ok(id)) => Some(id),
        Some(Err(message)) => {
            let _ = writeln!(out, "{message}");
            return EXIT_USAGE;
        }
    };
    let theme = Theme {
        plan_badges: !args.no_badges,
        evidence_colours: args.colour_by_evidence,
        journey_of,
        ..Theme::of(args.theme.map_or(ThemeKind::Light, ThemeKind::from))
    };
    // The picture may leave lanes out; the map kept inside the image is always the whole map.
    let shown = if args.hide_empty_lanes { map.without_empty_lanes() } else { map.clone() };
    let layout = layout_headless(&shown, &theme);
    let count = layout.stages.len();
    let pdf = ImageFormat::of_path(output) == ImageFormat::Pdf;
    let jobs: Vec<(PathBuf, Option<[usize; 2]>)> = if args.per_stage && !pdf {
        map.stages
            .iter()
            .enumerate()
            .map(|(i, s)| (crate::io::per_stage_path(output, i, &s.name), Some([i, i])))
            .collect()
    } else {
        vec![(output.to_owned(), args.stages)]
    };
    if let Some([_, last]) = jobs.iter().find_map(|(_, s)| *s).filter(|[_, last]| *last >= count) {
        let _ = writeln!(out, "stage {} does not exist: the map has {count} stages", last + 1);
        return EXIT_USAGE;
    }
    if jobs.is_empty() {
        let _ = writeln!(out, "the map has no stages to export one by one");
        return EXIT_INVALID;
    }
    let text = if args.no_embed { None } else { crate::io::to_embedded_text(map).ok() };
    let dots = if args.votes { map.votes.last() } else { None };
    // `--compare OLD`: what changed since OLD, marked on this map.
    let marks = match &args.compare {
        None => None,
        Some(old_path) => match crate::io::load(old_path) {
            Ok(old) => {
                let changes = crate::diff::diff(&old, map);
                let name = old_path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                Some(crate::render::compare::Marks::of(&layout, &old, &shown, &changes, &name))
            }
            Err(e) => {
                let _ = writeln!(out, "{e}");
                return EXIT_USAGE;
            }
        },
    };
    let overlay = crate::render::picture::Overlay { dots, changes: marks.as_ref() };
    let mut code = EXIT_OK;
    for (path, stages) in jobs {
        let mut options = options(args);
        options.stages = stages;
        // A page, slide or width fits what this file shows.
        if let Some(d) = destination(args) {
            let (_, size) = panes(&layout, &options.part(), options.margin);
            let (scale, dpi) = d.scale_and_dpi(size);
            options.scale = scale;
            options.declared_dpi = Some(dpi);
        }
        let start = std::time::Instant::now();
        let result = match ImageFormat::of_path(&path) {
            ImageFormat::Pdf => {
                let pdf = options.pdf(args.author.clone());
                crate::render::pdf::export_layout_pdf(
                    &shown,
                    &layout,
                    &theme,
                    &options,
                    &pdf,
                    overlay,
                    text.as_deref(),
                    &path,
                )
                .map(|stats| {
                    let pages = if stats.pages == 1 { "1 page".to_owned() } else { format!("{} pages", stats.pages) };
                    format!("PDF, {pages}, {} KiB ({} ms)", stats.bytes / 1024, start.elapsed().as_millis())
                })
            }
            ImageFormat::Svg => crate::render::svg::export_layout_svg(
                &layout,
                &theme,
                map.emotions.display,
                &options,
                args.text_as_paths,
                overlay,
                text.as_deref(),
                &path,
            )
            .map(|bytes| {
                let kind = if args.text_as_paths { "text as outlines" } else { "text with embedded fonts" };
                format!("SVG, {kind}, {} KiB ({} ms)", bytes / 1024, start.elapsed().as_millis())
            }),
            ImageFormat::Png => {
                export_layout_png(&layout, &theme, map.emotions.display, &options, overlay, text.as_deref(), &path).map(
                    |stats| {
                        format!(
                            "{}×{} px at {:.0} DPI, {} KiB (render {} ms, encode {} ms)",
                            stats.width,
                            stats.height,
                            options.dpi(),
                            stats.bytes / 1024,
                            (stats.prepare + stats.raster).as_millis(),
                            stats.encode.as_millis()
                        )
                    },
                )
            }
        };
        match result {
            Ok(line) => {
                let _ = writeln!(out, "{}: {line}", path.display());
            }
            Err(e) => {
                let _ = writeln!(out, "{}: {e}", path.display());
                code = EXIT_INVALID;
            }
        }
    }
    code
}

/// The export options the command line gives, at the natural size.
fn options(args: &ExportArgs) -> ExportOptions {
    let scale = args.dpi.map(ExportOptions::scale_for_dpi).or(args.scale).unwrap_or(ExportOptions::default().scale);
    ExportOptions {
        scale,
        background: match args.background {
            BackgroundArg::White => Background::White,
            BackgroundArg::Transparent => Background::Transparent,
        },
        margin: args.margin,
        votes: args.votes,
        embed: !args.no_embed,
        no_header: args.no_header,
        hide_empty_lanes: args.hide_empty_lanes,
        paper: match args.page {
            None | Some(PageArg::Fit) => Paper::Fit,
            Some(PageArg::A4) => Paper::A4,
            Some(PageArg::A3) => Paper::A3,
            Some(PageArg::Letter) => Paper::Letter,
            Some(PageArg::Slide) => Paper::Slide,
        },
        landscape: args.orientation.map(|o| o == OrientationArg::Landscape),
        per_stage: args.per_stage,
        ..ExportOptions::default()
    }
}
