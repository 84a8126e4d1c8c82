//! A picture of the map for the clipboard: the whole map, or some of its stages beside the
//! lane titles, painted by the one painter and rasterised like the PNG export.

use super::export::{ExportError, MAX_PIXELS, Rendered, render_with};
use super::{View, paint};
use crate::layout::Layout;
use crate::model::EmotionDisplay;
use crate::theme::Theme;
use egui::{Pos2, Rect, Vec2, pos2};

/// The most pixels a clipboard picture has: bigger pictures are drawn at a smaller scale, since
/// chat and office programs choke on a clipboard image of hundreds of megabytes.
pub const MAX_CLIPBOARD_PIXELS: f32 = 40_000_000.0;
/// The margin around a picture, in points.
const MARGIN: f32 = 16.0;

/// What goes in the picture.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    /// The whole map with its header.
    Whole,
    /// Stages `first..=last` (layout indices) with the lane titles, without the header.
    Stages(std::ops::RangeInclusive<usize>),
    /// Every stage and lane, without the header (title, goal, persona).
    Grid,
}

impl Part {
    /// The part export options ask for: some stages (first and last layout index), or the map
    /// with or without its header.
    pub fn of(stages: Option<[usize; 2]>, header: bool) -> Part {
        match (stages, header) {
            (Some([first, last]), _) => Part::Stages(first.min(last)..=first.max(last)),
            (None, true) => Part::Whole,
            (None, false) => Part::Grid,
        }
    }
}

/// Paints `part` of `layout` at `scale` (less when the picture would exceed
/// [`MAX_CLIPBOARD_PIXELS`]) on the theme's background.
pub fn picture(
    layout: &Layout,
    theme: &Theme,
    display: EmotionDisplay,
    part: &Part,
    scale: f32,
) -> Result<Rendered, ExportError> {
    let size = panes(layout, part, MARGIN).1;
    let scale = scale.min((MAX_CLIPBOARD_PIXELS.min(MAX_PIXELS as f32) / (size.x * size.y)).sqrt()).max(0.1);
    let width = (size.x * scale).round() as usize;
    let height = (size.y * scale).round() as usize;
    if width == 0 || height == 0 {
        return Err(ExportError::TooLarge { width, height });
    }
    Ok(render_with(size, scale, theme.background.to_array(), |painter| {
        paint_page(painter, layout, theme, display, part, MARGIN, true, Overlay::default());
    }))
}

/// What is drawn over the map: a vote's dots, a comparison's marks.
#[derive(Clone, Copy, Debug, Default)]
pub struct Overlay<'a> {
    pub dots: Option<&'a crate::model::VoteRound>,
    pub changes: Option<&'a super::compare::Marks>,
}

impl<'a> From<Option<&'a crate::model::VoteRound>> for Overlay<'a> {
    fn from(dots: Option<&'a crate::model::VoteRound>) -> Self {
        Overlay { dots, changes: None }
    }
}

/// The panes of `part` — (map rectangle, where it goes on the page) — and the page's size,
/// with `margin` around.
pub fn panes(layout: &Layout, part: &Part, margin: f32) -> (Vec<(Rect, Pos2)>, Vec2) {
    let stages = match part {
        Part::Stages(range) => layout.stages.get(*range.start()).zip(layout.stages.get(*range.end())),
        Part::Whole | Part::Grid => None,
    };
    let whole = Rect::from_min_size(Pos2::ZERO, layout.size);
    let panes = match stages {
        // A little of the space above the stage headers stays, as the map's own margin.
        None if *part == Part::Grid => {
            let top = (layout.grid.top() - 24.0).max(0.0);
            vec![(Rect::from_min_max(pos2(0.0, top), whole.max), pos2(margin, margin))]
        }
        None => vec![(whole, pos2(margin, margin))],
        Some((first, last)) => {
            let rows = layout.grid.y_range();
            let titles = Rect::from_x_y_ranges(
                layout.lanes.first().map_or(egui::Rangef::point(layout.grid.left()), |l| l.title_cell.x_range()),
                rows,
            );
            let gap = (first.column.left() - titles.right()).clamp(0.0, 24.0);
            let stages = Rect::from_x_y_ranges(first.column.left()..=last.column.right(), rows);
            vec![(titles, pos2(margin, margin)), (stages, pos2(margin + titles.width() + gap, margin))]
        }
    };
    let size = panes.iter().fold(Vec2::ZERO, |s, (r, at)| s.max(at.to_vec2() + r.size())) + Vec2::splat(margin);
    (panes, size)
}

/// Paints `part` of `layout` on a page of `size` points, its panes at their places: what the
/// PNG, the SVG and the clipboard all draw. `background` fills the page with the theme's
/// background first; `overlay` adds a vote's dots or a comparison's marks.
#[allow(clippy::too_many_arguments)]
pub fn paint_page(
    painter: &egui::Painter,
    layout: &Layout,
    theme: &Theme,
    display: EmotionDisplay,
    part: &Part,
    margin: f32,
    background: bool,
    overlay: Overlay<'_>,
) {
    let (panes, size) = panes(layout, part, margin);
    let page = Rect::from_min_size(Pos2::ZERO, size);
    if background {
        painter.rect_filled(page, 0.0, theme.background);
    }
    for (map_rect, at) in &panes {
        // The whole map keeps the page as its clip, as it always had (golden images).
        let clip = if *part == Part::Whole { page } else { Rect::from_min_size(*at, map_rect.size()) };
        let mut view = View::at(*at - map_rect.min.to_vec2(), clip, display);
        view.background = background;
        let painter = if *part == Part::Whole { painter.clone() } else { painter.with_clip_rect(clip.expand(1.0)) };
        paint(&painter, layout, theme, &view);
        if let Some(round) = overlay.dots {
            super::votes::paint_dots(&painter, layout, view.to_screen, clip, round, theme);
        }
        if let Some(marks) = overlay.changes {
            super::compare::paint_marks(&painter, marks, view.to_screen, clip, theme);
        }
    }
}

/// The picture as egui's clipboard wants it.
pub fn to_color_image(rendered: &Rendered) -> egui::ColorImage {
    let p = &rendered.pixels;
    let bytes: Vec<u8> = p.data.iter().flatten().copied().collect();
    egui::ColorImage::from_rgba_premultiplied([p.width, p.height], &bytes)
}
