//! Layout: map + theme + fonts → geometry in map units. Pure and cached by the caller: it is
//! recomputed only when the map or the theme changes, never per frame.
//!
//! Columns are stages (widths from their weights), rows are lanes (heights grow to fit their
//! cards), a header carries the title, goal and persona card. Text is wrapped here once.

mod arrows;
mod badge;
mod buckets;
mod card;
pub mod cast;
mod cell_index;
mod cells;
mod curve;
mod earlier_arrows;
mod header;
mod incremental;
mod shift;
mod swot;
pub mod text;
mod words;

pub use badge::PlanBadge;
pub use cast::Cast;
pub use curve::{CurveLayout, CurvePoint, CurveSeries, LegendEntry, LegendKey};
pub use incremental::{only_content_changed, relayout_cards, same_but_placed};

/// A smooth line through `points` (x increasing), as the emotion curves are drawn.
pub fn curve_path(points: &[Pos2]) -> Vec<Pos2> {
    curve::monotone_path(points, 12)
}
pub use swot::SwotBox;
pub use text::{Measure, OwnFonts, TextRun};
pub use words::Words;

use crate::model::{ArrowId, ArrowKind, CardId, Channel, Emotion, JourneyMap, LaneId, LaneKind, Marker, StageId};
use crate::theme::Theme;
use egui::{Color32, Pos2, Rect, Vec2, pos2, vec2};

/// Everything needed to paint a map, in map units (points at 100 % zoom).
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub size: Vec2,
    pub header: header::HeaderLayout,
    pub stages: Vec<StageLayout>,
    pub lanes: Vec<LaneLayout>,
    pub cards: Vec<CardLayout>,
    pub curves: Vec<CurveLayout>,
    pub arrows: Vec<ArrowLayout>,
    /// Rectangle of the stage and lane grid, below the header.
    pub grid: Rect,
    /// The arrows as routed before the bands between lanes grew to hold their labels (most
    /// often none): what laying the map out again after a small change compares against.
    earlier_passes: Vec<ArrowPass>,
    /// Where each arrow's cards are among `cards`, kept so that laying the map out again
    /// finds them without looking at every card's id.
    ends: arrows::Ends,
}

/// One routing of the arrows that asked for taller bands, and how far the bands grown after it
/// moved each lane down (one more entry: the grid's bottom).
#[derive(Clone, Debug, PartialEq)]
struct ArrowPass {
    arrows: Vec<ArrowLayout>,
    shift: Vec<f32>,
}

pub use header::{HeaderLayout, PersonaLayout};

/// A stage's header cell and its whole column.
#[derive(Clone, Debug, PartialEq)]
pub struct StageLayout {
    pub id: StageId,
    pub header: Rect,
    pub column: Rect,
    pub colour: Color32,
    pub name: TextRun,
    pub description: TextRun,
    /// Columns of cards side by side in each of the stage's cells: more than one when a cell
    /// holds more cards than fit comfortably in one column (the stage widens to hold them).
    pub flow: usize,
}

/// A lane's row and its title cell.
#[derive(Clone, Debug, PartialEq)]
pub struct LaneLayout {
    pub id: LaneId,
    pub kind: LaneKind,
    pub row: Rect,
    pub title_cell: Rect,
    pub title: TextRun,
    /// For emotion-curve lanes: the scale's labels at their heights.
    pub scale_labels: Vec<TextRun>,
    /// For SWOT lanes: every stage's four boxes.
    pub swot: Vec<SwotBox>,
}

/// A card's box and contents.
#[derive(Clone, Debug, PartialEq)]
pub struct CardLayout {
    pub id: CardId,
    pub rect: Rect,
    pub lane_kind: LaneKind,
    /// Drawn without a frame (cards in text lanes).
    pub plain: bool,
    pub title: TextRun,
    pub body: TextRun,
    pub tags: TextRun,
    pub channel: Option<(Channel, Rect, TextRun)>,
    /// The ratings shown: the persona in view's, or with several personas in view each one's.
    pub faces: Vec<Face>,
    /// With several personas in view, the personas whose own card this is (none: everyone's).
    pub chips: Vec<Chip>,
    pub marker: Option<(Marker, Rect)>,
    /// Priority and status, when the card is an action-plan item and badges are shown.
    pub badge: Option<PlanBadge>,
    pub accent: Color32,
}

/// A rating drawn on a card.
#[derive(Clone, Debug, PartialEq)]
pub struct Face {
    pub emotion: Emotion,
    /// Where, from the card's top-left corner ([`Face::on`]): a card moved by a drag is then
    /// moved without reaching into its list of faces (a read of memory elsewhere per card, a
    /// third of moving thousands of cards).
    pub rect: Rect,
    /// Whose rating, by the persona's place in the map (its colour), when several are shown.
    pub persona: Option<usize>,
}

impl Face {
    /// Where the face is drawn on `card`.
    pub fn on(&self, card: &CardLayout) -> Rect {
        self.rect.translate(card.rect.min.to_vec2())
    }
}

/// A small persona chip on a card: the persona's colour and initial.
#[derive(Clone, Debug, PartialEq)]
pub struct Chip {
    /// The persona's place in the map: its colour and marker shape.
    pub persona: usize,
    pub rect: Rect,
    pub initial: TextRun,
}

/// An arrow's route between two cards.
#[derive(Clone, Debug, PartialEq)]
pub struct ArrowLayout {
    pub id: ArrowId,
    pub kind: ArrowKind,
    pub path: Vec<Pos2>,
    pub label: Option<(Rect, TextRun)>,
    /// Priority and status, beside the label, when the arrow is an action-plan item.
    pub badge: Option<PlanBadge>,
    /// A dotted line from the route to a label that found no room on it (else empty).
    pub leader: Vec<Pos2>,
    /// Where the label and badge were placed together (none without either): what later
    /// labels kept clear of, and what an arrow keeps when the map is laid out again.
    pub spot: Option<Rect>,
}

/// Lays out `map` with `theme`, measuring text with `fonts`.
///
/// With `theme.journey_of` naming one of the map's personas, only that persona's journey is
/// laid out (see [`JourneyMap::journey_of`]); personas keep their colours either way.
pub fn layout(full: &JourneyMap, theme: &Theme, fonts: &mut egui::epaint::FontsView<'_>) -> Layout {
    lay_out(full, theme, Measure::new(fonts), None, None)
}

/// The part of a map's layout a view at its top-left corner shows, made first when a large map
/// opens (the whole is made meanwhile on another thread): the header, every stage and lane,
/// and the cards of rows that start above `view.bottom` (stages left of `view.right` first;
/// those beyond only while their lane might still end above `view.bottom`). What it holds is
/// where the whole layout has it, up to a vertical shift of the lanes below the first when
/// arrow labels ask for room between lanes; arrows are left for the whole layout.
pub fn layout_view_first(full: &JourneyMap, theme: &Theme, measure: Measure<'_, '_>, view: ViewFirst) -> Layout {
    lay_out(full, theme, measure, None, Some(view))
}

/// How much of the map [`layout_view_first`] lays out, in map units from its top-left corner.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ViewFirst {
    pub right: f32,
    pub bottom: f32,
}

/// [`layout`], measuring text with fonts of its own: for layouts made away from the window,
/// holding no more than a few of egui's galleys at a time.
pub fn layout_own(full: &JourneyMap, theme: &Theme, fonts: &mut OwnFonts) -> Layout {
    lay_out(full, theme, Measure::own(fonts), None, None)
}

/// Lays out `full` again after its cards changed, taking from `earlier` (a layout of the map
/// before, for the same `theme` and fonts) every card whose content is not in `changed`, moved
/// where it now stands when that is exact (see `incremental::Reuse::take`), and every arrow
/// label's spot when nothing near it changed. Cards named in `changed` (edited or new) are laid
/// out afresh, as is everything else. The result is the layout [`layout`] makes (the property
/// tests in `tests/incremental.rs` hold them equal).
///
/// Only card edits may have happened since `earlier`: a change of stages, lanes, personas,
/// language or theme needs [`layout`].
pub fn relayout(
    earlier: Layout,
    full: &JourneyMap,
    changed: &[CardId],
    theme: &Theme,
    fonts: &mut egui::epaint::FontsView<'_>,
) -> Layout {
    let reuse = incremental::Reuse::of(earlier, changed, theme.card_pad);
    lay_out(full, theme, Measure::new(fonts), Some(reuse), None)
}

fn lay_out(
    full: &JourneyMap,
    theme: &Theme,
    mut m: Measure<'_, '_>,
    mut reuse: Option<incremental::Reuse>,
    view: Option<ViewFirst>,
) -> Layout {
    let words = Words::of(full.language);
    let cast = Cast::of(full, theme.journey_of.as_ref());
    let journey;
    let map = match &cast.focus {
        Some(p) => {
            journey = full.journey_of(p);
            &journey
        }
        None => full,
    };
    let mut laid = grid_layout(map, &cast, theme, &words, &mut m, reuse.as_mut(), view);
    if view.is_some() {
        return laid;
    }
    let labels = arrows::measure(map, theme, &words, &mut m);
    // Arrow labels that find no free spot ask for taller bands between lanes: the rows below
    // move down to make the room and the arrows are routed again (rarely a third time, when
    // the taller bands move a route onto another band).
    // Band growth moves cards down but keeps their order: where the arrows' ends are holds.
    let ends = match reuse.as_ref().and_then(|r| r.ends(map, &laid)) {
        Some(ends) => ends,
        None => arrows::ends(map, &laid.cards),
    };
    let earlier = reuse.map(|r| r.into_earlier());
    for pass in 0..3 {
        let fixed = arrows::Obstacles {
            stages: &laid.stages,
            lanes: &laid.lanes,
            cards: &laid.cards,
            curves: &laid.curves,
            grid_bottom: laid.grid.bottom(),
            left: theme.margin,
        };
        let changes = earlier.as_ref().and_then(|(arrows, was, gone)| {
            arrows.changes(pass, &laid.stages, &laid.lanes, &laid.curves, laid.grid.bottom(), &laid.cards, was, gone)
        });
        let routed = arrows::route(map, &fixed, theme, &labels, &ends, changes);
        if pass == 2 || routed.band_demand.iter().all(|d| *d <= 0.5) {
            laid.arrows = routed.arrows;
            break;
        }
        let extra: Vec<f32> = routed.band_demand.iter().map(|d| if *d > 0.5 { d.ceil() } else { 0.0 }).collect();
        let shift = laid.grow_bands(&extra);
        for earlier in &mut laid.earlier_passes {
            earlier.shift.iter_mut().zip(&shift).for_each(|(s, more)| *s += more);
        }
        laid.earlier_passes.push(ArrowPass { arrows: routed.arrows, shift });
    }
    laid.ends = ends;
    // Arrows and their labels may reach past the last column: the map must hold them.
    let mut reach = laid.size.x - theme.margin;
    for a in &laid.arrows {
        for p in &a.path {
            reach = reach.max(p.x + 8.0);
        }
        for r in a.label.iter().map(|(r, _)| r).chain(a.badge.iter().map(|b| &b.rect)) {
            reach = reach.max(r.right());
        }
    }
    laid.size.x = reach + theme.margin;
    laid
}

/// Everything but the arrows: header, stages, lanes, cards, curves.
/// `map` is what is shown: one persona's journey, or the whole map.
fn grid_layout(
    map: &JourneyMap,
    cast: &Cast,
    theme: &Theme,
    words: &Words,
    m: &mut Measure<'_, '_>,
    mut reuse: Option<&mut incremental::Reuse>,
    view: Option<ViewFirst>,
) -> Layout {
    let t = theme;

    // Columns first: they decide the map's width. A stage whose fullest cell has too many
    // cards for one column gets several, side by side.
    let grid_left = t.margin + t.lane_title_width + t.column_gap;
    let cells = cells::Cells::of(map);
    let mut xs = Vec::with_capacity(map.stages.len());
    let mut flows = Vec::with_capacity(map.stages.len());
    let mut x = grid_left;
    for (si, stage) in map.stages.iter().enumerate() {
        let (flow, column) = flow_of(map, &cells, si, stage, t);
        let w = flow as f32 * column - (flow - 1) as f32 * t.cell_pad;
        xs.push((x, w));
        flows.push((flow, column));
        x += w + t.column_gap;
    }
    let grid_right = if map.stages.is_empty() { grid_left + t.stage_width } else { x - t.column_gap };
    let width =
        (grid_right + t.margin).max(t.margin * 2.0 + header::personas_width(map, t).max(t.persona_width) + 560.0);

    let header = header::layout_header(map, cast, t, words, m, width);
    let mut y = header.rect.bottom() + 28.0;
    let grid_top = y;

    // Stage header row.
    let mut stages = Vec::with_capacity(map.stages.len());
    let mut stage_h: f32 = 0.0;
    for (i, stage) in map.stages.iter().enumerate() {
        let (sx, w) = xs[i];
        let inner = w - 2.0 * t.cell_pad;
        let name = m.run(&stage.name, pos2(sx + t.cell_pad, y + 14.0), t.heading_size, true, t.text, inner);
        let desc_y = name.rect().bottom() + 4.0;
        let description = m.run(&stage.description, pos2(sx + t.cell_pad, desc_y), t.small_size, false, t.muted, inner);
        let h = 14.0 + name.height() + if description.is_empty() { 0.0 } else { 4.0 + description.height() } + 12.0;
        stage_h = stage_h.max(h);
        let colour = stage
            .colour
            .map(|c| Color32::from_rgb(c.r, c.g, c.b))
            .unwrap_or(t.stage_palette[i % t.stage_palette.len()]);
        stages.push(StageLayout {
            id: stage.id.clone(),
            header: Rect::NOTHING,
            column: Rect::NOTHING,
            colour,
            name,
            description,
            flow: flows[i].0,
        });
    }
    for (s, (sx, w)) in stages.iter_mut().zip(&xs) {
        s.header = Rect::from_min_size(pos2(*sx, y), vec2(*w, stage_h));
    }
    y += stage_h + t.row_gap;

    // Lane rows: each row is as tall as its fullest cell.
    let mut lanes = Vec::with_capacity(map.lanes.len());
    let mut cards = Vec::with_capacity(map.cards.len());
    let mut curve_lanes = Vec::new();
    for (li, lane) in map.lanes.iter().enumerate() {
        let title_w = t.lane_title_width - 2.0 * t.cell_pad - 6.0;
        let title = m.run(
            &lane.title,
            pos2(t.margin + t.cell_pad + 6.0, y + t.cell_pad + 2.0),
            t.body_size + 1.0,
            true,
            t.text,
            title_w,
        );
        let mut row_h = (title.height() + 2.0 * t.cell_pad + 4.0).max(72.0);
        let mut swot = Vec::new();
        if lane.kind == LaneKind::EmotionCurve {
            row_h = row_h.max(t.curve_height + curve::dip_rows(cast, t));
            curve_lanes.push(lanes.len());
        } else if lane.kind == LaneKind::Swot {
            let finnish = map.language == crate::model::Language::Finnish;
            for (i, stage) in map.stages.iter().enumerate() {
                let (sx, w) = xs[i];
                let origin = pos2(sx + t.cell_pad, y + t.cell_pad);
                let (boxes, h) = swot::layout_cell(&stage.swot, origin, w - 2.0 * t.cell_pad, finnish, t, m);
                swot.extend(boxes);
                row_h = row_h.max(h + 2.0 * t.cell_pad);
            }
        } else {
            let below = view.map_or(f32::INFINITY, |v| v.bottom);
            let right = view.map_or(f32::INFINITY, |v| v.right);
            // In view first: stages beyond `right` only count for the lane's height, which
            // matters only while the lane might end above `below`.
            let order = (0..map.stages.len())
                .filter(|i| xs[*i].0 < right)
                .chain((0..map.stages.len()).filter(|i| xs[*i].0 >= right));
            for i in order {
                if y >= below || (xs[i].0 >= right && y + row_h > below) {
                    continue;
                }
                let cell = cells::Cell { stage_x: xs[i].0, flow: flows[i], y, below, kind: lane.kind };
                let h = cell.lay_out(cells.get(i, li), cast, t, words, m, reuse.as_deref_mut(), &mut cards);
                row_h = row_h.max(h);
            }
        }
        let row = Rect::from_min_max(pos2(t.margin, y), pos2(grid_right, y + row_h));
        let title_cell = Rect::from_min_size(pos2(t.margin, y), vec2(t.lane_title_width, row_h));
        lanes.push(LaneLayout {
            id: lane.id.clone(),
            kind: lane.kind,
            row,
            title_cell,
            title,
            scale_labels: Vec::new(),
            swot,
        });
        y += row_h + t.row_gap;
    }
    let grid_bottom = if map.lanes.is_empty() { y } else { y - t.row_gap };
    for s in &mut stages {
        s.column = Rect::from_min_max(pos2(s.header.left(), s.header.top()), pos2(s.header.right(), grid_bottom));
    }

    let mut curves = Vec::new();
    for &li in &curve_lanes {
        let (curve, labels) = curve::layout_curve(map, &cells, cast, &stages, &lanes[li], t, words, m);
        lanes[li].scale_labels = labels;
        curves.push(curve);
    }

    let grid = Rect::from_min_max(pos2(t.margin, grid_top), pos2(grid_right, grid_bottom));
    let size = vec2(width, grid_bottom + t.margin);
    Layout {
        size,
        header,
        stages,
        lanes,
        cards,
        curves,
        arrows: Vec::new(),
        grid,
        earlier_passes: Vec::new(),
        ends: Vec::new(),
    }
}

/// Cards a cell holds in one column before its stage flows them into several.
pub const FLOW_AFTER: usize = 6;
/// Most card columns a stage flows into, however full its cells.
const MAX_FLOW: usize = 12;
/// A typical card's height, for choosing how many columns make a crowded cell about square.
const TYPICAL_CARD_HEIGHT: f32 = 72.0;

/// How many card columns `stage` has, and the width of each (the stage's own width setting).
pub fn stage_flow(map: &JourneyMap, stage: &crate::model::Stage, theme: &Theme) -> (usize, f32) {
    let si = map.stages.iter().position(|s| s.id == stage.id).unwrap_or(usize::MAX);
    flow_of(map, &cells::Cells::of(map), si, stage, theme)
}

/// [`stage_flow`] for the stage at `si`, counting its cells in `cells`.
fn flow_of(
    map: &JourneyMap,
    cells: &cells::Cells<'_>,
    si: usize,
    stage: &crate::model::Stage,
    t: &Theme,
) -> (usize, f32) {
    let column = (t.stage_width * stage.width.clamp(0.25, 8.0)).round();
    let fullest = (map.lanes.iter().enumerate())
        .filter(|(_, l)| l.kind.holds_cards())
        .map(|(li, _)| cells.get(si, li).len())
        .max()
        .unwrap_or(0);
    (flow_columns(fullest, column - 2.0 * t.cell_pad), column)
}

/// How many columns of cards `width` wide a stage needs for `cards` in its fullest cell: one up
/// to [`FLOW_AFTER`], then enough to make the cell roughly as wide as it is tall, so that Fit
/// keeps the whole map legible instead of shrinking it to one very tall column.
pub fn flow_columns(cards: usize, width: f32) -> usize {
    if cards <= FLOW_AFTER {
        return 1;
    }
    let square = (cards as f32 * TYPICAL_CARD_HEIGHT / width.max(40.0)).sqrt().ceil() as usize;
    square.clamp(2, MAX_FLOW)
}

impl Layout {
    /// The card at a point, if any.
    pub fn card_at(&self, p: Pos2) -> Option<&CardLayout> {
        self.cards.iter().rev().find(|c| c.rect.contains(p))
    }

    /// The laid-out card with this id.
    pub fn card(&self, id: &CardId) -> Option<&CardLayout> {
        self.cards.iter().find(|c| &c.id == id)
    }

    /// The index of the stage whose header is at `p`.
    pub fn stage_header_at(&self, p: Pos2) -> Option<usize> {
        self.stages.iter().position(|s| s.header.contains(p))
    }

    /// The index of the lane whose title cell is at `p`.
    pub fn lane_title_at(&self, p: Pos2) -> Option<usize> {
        self.lanes.iter().position(|l| l.title_cell.contains(p))
    }

    /// The stage whose right edge is within `tolerance` of `p` (for resizing its width).
    pub fn stage_edge_at(&self, p: Pos2, tolerance: f32) -> Option<usize> {
        if !self.grid.expand(tolerance).contains(p) {
            return None;
        }
        self.stages.iter().position(|s| (s.column.right() - p.x).abs() <= tolerance)
    }

    /// The (stage, lane) indices of the cell at `p`, including the gutters around it.
    pub fn cell_at(&self, p: Pos2, column_gap: f32, row_gap: f32) -> Option<(usize, usize)> {
        let s = self
            .stages
            .iter()
            .position(|s| p.x >= s.column.left() - column_gap / 2.0 && p.x < s.column.right() + column_gap / 2.0)?;
        let l = self
            .lanes
            .iter()
            .position(|l| p.y >= l.row.top() - row_gap / 2.0 && p.y < l.row.bottom() + row_gap / 2.0)?;
        Some((s, l))
    }

    /// The rectangle of a cell.
    pub fn cell_rect(&self, stage: usize, lane: usize) -> Option<Rect> {
        let s = self.stages.get(stage)?;
        let l = self.lanes.get(lane)?;
        Some(Rect::from_x_y_ranges(s.column.x_range(), l.row.y_range()))
    }

    /// The whole map's rectangle.
    pub fn bounds(&self) -> Rect {
        Rect::from_min_size(Pos2::ZERO, self.size)
    }
}
