//! The steps of a presentation, worked out from the layout and the screen: the title and the
//! persona, each stage in turn (split into parts when it is too tall to read from the back of
//! the room), and the whole map.
//!
//! Pure: layout + theme + screen size → steps with their shots. The window's presentation
//! mode and `polku export --slides` both use this, so the slides are what the room saw.

use super::shot::{Panes, Shot};
use crate::layout::{Layout, TextRun};
use egui::{Rect, Vec2};

/// The most a presentation zooms in: beyond this a sparse stage only gets emptier.
pub const MAX_ZOOM: f32 = 2.5;

/// The smallest on-screen size of card text on a screen `height` points tall: 24 px on a
/// 1080-line projector, never under 18 px (a 720-line one).
pub fn min_text_px(height: f32) -> f32 {
    (24.0 * height / 1080.0).max(18.0)
}

/// What a step shows.
#[derive(Clone, Debug, PartialEq)]
pub enum StepKind {
    /// The map's title, goal and facts (with the persona when both fit legibly).
    Title { with_persona: bool },
    /// A persona card on its own (the header's `index`-th), when it does not fit beside the title.
    Persona { index: usize },
    /// One stage, or one part of it (`part` of `parts`, top to bottom). With lanes revealed
    /// one by one, `revealed` is how many of the part's lanes show.
    Stage { index: usize, part: usize, parts: usize, revealed: Option<usize> },
    /// The whole grid of stages and lanes.
    Overview,
}

/// One step of the presentation.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub kind: StepKind,
    /// Where the camera goes.
    pub shot: Shot,
    /// Shown at full strength; the rest of the map is dimmed. `None`: nothing dimmed.
    pub focus: Option<Rect>,
    /// Covered in this step (lanes of the stage not revealed yet), in map units.
    pub hidden: Option<Rect>,
    /// Where the part of the stage ends (map y): what lies below belongs to the next step
    /// and is not shown, so no card is ever cut off at the screen's edge.
    pub cut: Option<f32>,
    /// The lanes of the part this step shows (indices into the layout's lanes).
    pub lanes: std::ops::Range<usize>,
}

impl Step {
    /// What shows around the map beyond its edges in this step.
    pub fn backdrop(&self, theme: &crate::theme::Theme) -> egui::Color32 {
        match self.kind {
            StepKind::Title { .. } | StepKind::Persona { .. } => theme.header_fill,
            StepKind::Stage { .. } | StepKind::Overview => theme.background,
        }
    }

    /// The stage this step shows, if it shows one.
    pub fn stage(&self) -> Option<usize> {
        match self.kind {
            StepKind::Stage { index, .. } => Some(index),
            _ => None,
        }
    }
}

/// Options of a presentation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StepOptions {
    /// Reveal a stage's lanes one at a time.
    pub reveal_lanes: bool,
}

/// Every step for `layout` on a screen of `screen` size (points).
pub fn steps(layout: &Layout, screen: Vec2, options: StepOptions) -> Vec<Step> {
    let min_px = min_text_px(screen.y);
    let mut steps = title_steps(layout, screen, min_px);
    for index in 0..layout.stages.len() {
        steps.extend(stage_steps(layout, screen, index, min_px, options));
    }
    if !layout.stages.is_empty() {
        let grid = layout.grid;
        steps.push(Step {
            kind: StepKind::Overview,
            shot: Shot::fit(grid.expand(12.0), screen, MAX_ZOOM),
            focus: None,
            hidden: None,
            cut: None,
            lanes: 0..layout.lanes.len(),
        });
    }
    steps
}

/// The title step, or title and persona as two steps when the persona card's text would be
/// too small beside the title.
fn title_steps(layout: &Layout, screen: Vec2, min_px: f32) -> Vec<Step> {
    let h = &layout.header;
    let title_block = [&h.title, &h.goal, &h.meta, &h.description]
        .iter()
        .filter(|r| !r.is_empty())
        .map(|r| r.rect())
        .reduce(|a, b| a.union(b))
        .unwrap_or(h.rect);
    let step = |kind, region: Rect| Step {
        kind,
        shot: Shot::fit(region.expand(16.0), screen, MAX_ZOOM),
        focus: None,
        hidden: None,
        cut: None,
        lanes: 0..0,
    };
    if h.personas.is_empty() {
        return vec![step(StepKind::Title { with_persona: false }, title_block)];
    }
    let together = h.personas.iter().fold(title_block, |r, p| r.union(p.rect));
    let smallest = h.personas.iter().flat_map(persona_runs).map(|r| r.size).fold(f32::INFINITY, f32::min);
    if Shot::fit(together.expand(16.0), screen, MAX_ZOOM).zoom * smallest >= min_px {
        vec![step(StepKind::Title { with_persona: true }, together)]
    } else {
        let mut steps = vec![step(StepKind::Title { with_persona: false }, title_block)];
        steps.extend(h.personas.iter().enumerate().map(|(index, p)| step(StepKind::Persona { index }, p.rect)));
        steps
    }
}

fn persona_runs(p: &crate::layout::PersonaLayout) -> impl Iterator<Item = &TextRun> {
    [&p.label, &p.name, &p.role, &p.quote, &p.background]
        .into_iter()
        .chain(p.lists.iter().flat_map(|(a, b)| [a, b]))
        .filter(|r| !r.is_empty())
}

/// The smallest card text in a stage's column (map units); a stage without cards reads at
/// the lane titles' size.
pub fn smallest_card_text(layout: &Layout, stage: usize) -> f32 {
    let Some(s) = layout.stages.get(stage) else { return f32::INFINITY };
    let column = s.column.x_range();
    let mut smallest = f32::INFINITY;
    for card in layout.cards.iter().filter(|c| column.contains(c.rect.center().x)) {
        for run in [&card.title, &card.body] {
            if !run.is_empty() {
                smallest = smallest.min(run.size);
            }
        }
    }
    if smallest.is_finite() { smallest } else { layout.lanes.iter().map(|l| l.title.size).fold(s.name.size, f32::min) }
}

/// The steps of one stage: one, or one per part when the stage is too tall to read whole;
/// one per lane of each part when lanes are revealed one by one.
fn stage_steps(layout: &Layout, screen: Vec2, index: usize, min_px: f32, options: StepOptions) -> Vec<Step> {
    let stage = &layout.stages[index];
    let panes = Panes::of(layout);
    let lanes_top = layout.lanes.first().map_or(stage.header.bottom(), |l| l.row.top());
    let bottom = stage.column.bottom();
    let needed = min_px / smallest_card_text(layout, index);
    let whole = panes.fit_zoom(stage.column.width(), bottom - lanes_top, screen);
    let (zoom, groups, ranges) = if whole >= needed || layout.lanes.is_empty() {
        (whole.min(MAX_ZOOM), vec![stage.column.x_range()], vec![(lanes_top, bottom)])
    } else {
        let groups = column_groups(stage, panes.room_for_columns(screen, needed));
        let room = panes.room_for_lanes(screen, needed);
        let ranges = split(layout, index, lanes_top, bottom, room);
        let widest = groups.iter().map(|g| g.span()).fold(0.0, f32::max);
        let fits =
            ranges.iter().map(|(top, bottom)| panes.fit_zoom(widest, bottom - top, screen)).fold(MAX_ZOOM, f32::min);
        // Never below what the text needs, even when a single card is taller than the screen.
        (fits.max(needed), groups, ranges)
    };
    // A crowded stage's rows of cards, each in groups of columns that fit, left to right: the
    // order its cards are read in.
    let parts = groups.len() * ranges.len();
    let mut steps = Vec::new();
    for (r, (top, part_bottom)) in ranges.iter().copied().enumerate() {
        for (g, xs) in groups.iter().enumerate() {
            let part = r * groups.len() + g;
            let lanes = lanes_between(layout, top, part_bottom);
            let shot = panes.stage_shot(layout, *xs, top, zoom, screen);
            let focus = Rect::from_x_y_ranges(*xs, stage.header.top()..=bottom);
            let reveal_counts: Vec<Option<usize>> = if options.reveal_lanes && lanes.len() > 1 {
                (1..=lanes.len()).map(Some).collect()
            } else {
                vec![None]
            };
            for revealed in reveal_counts {
                let hidden = revealed.filter(|n| lanes.start + n < lanes.end).and_then(|n| {
                    let first_hidden = layout.lanes.get(lanes.start + n)?;
                    let from = first_hidden.row.top() - layout_row_gap(layout) / 2.0;
                    Some(Rect::from_x_y_ranges(stage.column.x_range(), from..=part_bottom))
                });
                steps.push(Step {
                    kind: StepKind::Stage { index, part, parts, revealed },
                    shot,
                    focus: Some(focus),
                    hidden,
                    cut: (part_bottom < bottom).then_some(part_bottom),
                    lanes: lanes.clone(),
                });
            }
        }
    }
    steps
}

/// The stage's card columns in groups at most `room` wide (map units): the whole column when
/// it fits or holds one column of cards, else as many neighbouring card columns as fit.
fn column_groups(stage: &crate::layout::StageLayout, room: f32) -> Vec<egui::Rangef> {
    let column = stage.column.x_range();
    if stage.flow <= 1 || column.span() <= room {
        return vec![column];
    }
    let each = column.span() / stage.flow as f32;
    let per_group = ((room / each).floor() as usize).clamp(1, stage.flow);
    (0..stage.flow)
        .step_by(per_group)
        .map(|first| {
            let last = (first + per_group).min(stage.flow);
            egui::Rangef::new(column.min + first as f32 * each, column.min + last as f32 * each)
        })
        .collect()
}

/// The gap between two lanes, read off the layout.
fn layout_row_gap(layout: &Layout) -> f32 {
    layout.lanes.windows(2).map(|w| w[1].row.top() - w[0].row.bottom()).next().unwrap_or(0.0)
}

/// The lanes whose rows lie (mostly) between `top` and `bottom`.
fn lanes_between(layout: &Layout, top: f32, bottom: f32) -> std::ops::Range<usize> {
    let inside: Vec<usize> = (0..layout.lanes.len())
        .filter(|&i| {
            let c = layout.lanes[i].row.center().y;
            c >= top && c <= bottom
        })
        .collect();
    match (inside.first(), inside.last()) {
        (Some(&a), Some(&b)) => a..b + 1,
        _ => 0..0,
    }
}

/// Cuts a stage's column from `top` to `bottom` into parts at most `room` tall, never through
/// a card: at lane boundaries where that fills the screen well, otherwise below one of the
/// stage's cards. Empty stretches (a lane that is tall only because another stage's cell is
/// full) are skipped rather than shown as a screen of nothing.
fn split(layout: &Layout, stage: usize, top: f32, bottom: f32, room: f32) -> Vec<(f32, f32)> {
    let column = layout.stages[stage].column.x_range();
    let gap = layout_row_gap(layout);
    let cards: Vec<Rect> = layout.cards.iter().filter(|c| column.contains(c.rect.center().x)).map(|c| c.rect).collect();
    let crosses_a_card = |y: f32| cards.iter().any(|c| c.top() < y && y < c.bottom());
    // Places a cut may go, each with whether it is a lane boundary.
    let mut cuts: Vec<(f32, bool)> = layout.lanes.iter().skip(1).map(|l| (l.row.top() - gap / 2.0, true)).collect();
    cuts.extend(cards.iter().map(|c| (c.bottom() + gap / 4.0, false)));
    cuts.retain(|(y, _)| *y > top && *y < bottom && !crosses_a_card(*y));
    cuts.sort_by(|a, b| a.0.total_cmp(&b.0));
    // Where a part after a cut at `y` starts: at the next thing to show.
    let next_start = |y: f32| {
        let lane = layout.lanes.iter().map(|l| l.row.top() - gap / 2.0).filter(|t| *t >= y - 0.5);
        let card = cards.iter().map(|c| c.top() - gap / 4.0).filter(|t| *t >= y - 0.5);
        let curve =
            layout.lanes.iter().filter(|l| !l.kind.holds_cards() && l.row.contains(egui::pos2(l.row.center().x, y)));
        // Inside an emotion-curve lane there is nothing to skip.
        if curve.count() > 0 { y } else { lane.chain(card).fold(bottom, f32::min).max(y) }
    };
    let mut parts = Vec::new();
    let mut start = top;
    while bottom - start > room + 0.5 {
        let limit = start + room;
        let fitting: Vec<&(f32, bool)> = cuts.iter().filter(|(y, _)| *y > start + 1.0 && *y <= limit).collect();
        let lowest = fitting.last().map(|(y, _)| *y);
        let lane = fitting.iter().rev().find(|(_, lane)| *lane).map(|(y, _)| *y);
        // A lane boundary is the clearest place to cut, unless it leaves much of the screen empty.
        let cut = match (lane, lowest) {
            (Some(l), Some(c)) if l - start >= 0.75 * (c - start) => Some(l),
            (_, Some(c)) => Some(c),
            _ => cuts.iter().find(|(y, _)| *y > start + 1.0).map(|(y, _)| *y),
        };
        let Some(cut) = cut else { break };
        parts.push((start, cut));
        start = next_start(cut);
        if bottom - start < 1.0 {
            return parts;
        }
    }
    parts.push((start, bottom));
    parts
}
