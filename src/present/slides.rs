//! Slides for the venue's PC: one PNG per presentation step, painted by the same frame painter
//! as the presentation, so a facilitator without Polku on the room's computer shows exactly
//! what Polku would.

use super::frame::{self, Frame};
use super::steps::{Step, StepKind, StepOptions, steps};
use crate::layout::Layout;
use crate::model::JourneyMap;
use crate::render::export::{ExportError, render_with};
use crate::theme::Theme;
use egui::{Pos2, Rect, Vec2};
use std::path::{Path, PathBuf};

/// Largest slide side accepted, in pixels (8K).
pub const MAX_SLIDE_SIDE: u32 = 7680;

/// How slides are made.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SlideOptions {
    /// Width and height in pixels.
    pub size: [u32; 2],
    /// Draw the dots of the map's latest vote round.
    pub votes: bool,
}

impl Default for SlideOptions {
    fn default() -> Self {
        SlideOptions { size: [1920, 1080], votes: false }
    }
}

/// Parses a slide size written `1920x1080`.
pub fn parse_size(s: &str) -> Result<[u32; 2], String> {
    let (w, h) = s
        .split_once(['x', 'X', '×'])
        .ok_or_else(|| format!("{s:?} is not a size written as WIDTHxHEIGHT, e.g. 1920x1080"))?;
    let side = |v: &str| -> Result<u32, String> {
        let n: u32 = v.trim().parse().map_err(|_| format!("{v:?} is not a whole number of pixels"))?;
        if (320..=MAX_SLIDE_SIDE).contains(&n) {
            Ok(n)
        } else {
            Err(format!("a slide side must be from 320 to {MAX_SLIDE_SIDE} pixels, not {n}"))
        }
    };
    Ok([side(w)?, side(h)?])
}

/// The file name of step number `n` (from 1) of `total`: sorted by name, the files are in
/// order (numbers are as wide as the largest, so 100 steps sort after 99).
pub fn file_name(n: usize, total: usize, step: &Step, layout: &Layout, map: &JourneyMap) -> String {
    let what = match &step.kind {
        StepKind::Title { .. } => "title".to_owned(),
        StepKind::Persona { index } => format!("persona-{}", index + 1),
        StepKind::Overview => "whole-map".to_owned(),
        StepKind::Stage { index, part, parts, revealed } => {
            let name = map.stages.get(*index).map_or_else(String::new, |s| crate::io::file_stem(&s.name));
            let mut s = format!("stage-{}-{name}", index + 1);
            if *parts > 1 {
                s.push_str(&format!("-part-{}", part + 1));
            }
            if let Some(k) = revealed {
                let lane = layout.lanes.get(step.lanes.start + k - 1).map(|l| l.title.rows.join(" "));
                s.push_str(&format!("-{}", crate::io::file_stem(&lane.unwrap_or_default())));
            }
            s
        }
    };
    let width = total.to_string().len().max(2);
    format!("{n:0width$}-{what}.png")
}

/// Whether `name` is a slide file this exporter writes ("07-stage-2-….png").
fn is_slide_name(name: &str) -> bool {
    let Some((number, rest)) = name.split_once('-') else { return false };
    number.len() >= 2
        && number.bytes().all(|b| b.is_ascii_digit())
        && rest.ends_with(".png")
        && ["title", "persona", "whole-map", "stage-"].iter().any(|k| rest.starts_with(k))
}

/// Paints one step as it shows on a screen of `size` points at one pixel per point.
pub fn render_step(
    layout: &Layout,
    theme: &Theme,
    map: &JourneyMap,
    step: &Step,
    size: Vec2,
    votes: bool,
) -> crate::render::raster::Pixels {
    let screen = Rect::from_min_size(Pos2::ZERO, size);
    let dots = if votes { map.votes.last() } else { None };
    let frame = Frame::of_step(layout, theme, map.emotions.display, step, dots);
    render_with(size, 1.0, theme.background.to_array(), |painter| frame::paint(painter, screen, &frame)).pixels
}

/// Writes every step of `map` as a PNG into `dir` (made if missing); returns the files.
pub fn export_slides(
    map: &JourneyMap,
    layout: &Layout,
    theme: &Theme,
    options: &SlideOptions,
    dir: &Path,
) -> Result<Vec<PathBuf>, ExportError> {
    std::fs::create_dir_all(dir)
        .map_err(|e| ExportError::Save(crate::io::SaveError::Io { path: dir.to_owned(), source: e }))?;
    let size = Vec2::new(options.size[0] as f32, options.size[1] as f32);
    let all = steps(layout, size, StepOptions { reveal_lanes: map.presentation.reveal_lanes });
    let mut written = Vec::with_capacity(all.len());
    for (i, step) in all.iter().enumerate() {
        let pixels = render_step(layout, theme, map, step, size, options.votes);
        let bytes =
            crate::render::png::encode(&pixels, crate::render::export::BASE_DPI).map_err(ExportError::Encode)?;
        let path = dir.join(file_name(i + 1, all.len(), step, layout, map));
        crate::io::write_atomic(&path, &bytes, false)?;
        written.push(path);
    }
    // Slides of an earlier export into the same folder would play after these at the venue:
    // remove them (only files named as this exporter names slides).
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            let named = path.file_name().and_then(|n| n.to_str()).is_some_and(is_slide_name);
            if named && !written.contains(&path) {
                let _ = std::fs::remove_file(&path);
            }
        }
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_files_named_as_slides_count_as_slides() {
        for name in ["01-title.png", "07-stage-2-tiedonkeruu-part-1.png", "123-whole-map.png", "02-persona.png"] {
            assert!(is_slide_name(name), "{name}");
        }
        for name in ["1-title.png", "notes.png", "01-title.jpg", "01-kuva.png", "ab-title.png", "kartta.ron"] {
            assert!(!is_slide_name(name), "{name}");
        }
    }

    #[test]
    fn slide_sizes_are_read_as_width_x_height_within_limits() {
        assert_eq!(parse_size("1920x1080"), Ok([1920, 1080]));
        assert_eq!(parse_size("1280×720"), Ok([1280, 720]));
        assert!(parse_size("1920").is_err());
        assert!(parse_size("100x100").unwrap_err().contains("from 320"));
        assert!(parse_size("axb").is_err());
    }
}
