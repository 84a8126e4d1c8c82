//! One frame of a presentation: the map through the step's camera with `render::paint`, the
//! frozen lane titles and stage headers, the dimmed rest of the map around the spotlight,
//! lanes not yet revealed, and the vote's dots. The window's presentation and the slides
//! exported for the venue's PC are both painted here.

use super::shot::{Panes, Shot};
use crate::layout::Layout;
use crate::model::{EmotionDisplay, VoteRound};
use crate::render::{self, View};
use crate::theme::Theme;
use egui::emath::TSTransform;
use egui::{Color32, Painter, Rect};

/// How strongly what is out of the spotlight is dimmed (0 = not at all, 1 = hidden).
const DIM: f32 = 0.72;

/// Everything one frame shows.
pub struct Frame<'a> {
    pub layout: &'a Layout,
    pub theme: &'a Theme,
    pub display: EmotionDisplay,
    pub shot: Shot,
    /// The zoom text is laid out at: the destination's while the camera glides, so no text is
    /// laid out again until the glide ends.
    pub text_zoom: f32,
    /// At full strength; the rest of the map is dimmed.
    pub focus: Option<Rect>,
    /// Covered (lanes not revealed yet).
    pub hidden: Option<Rect>,
    /// Nothing below this map y shows (the rest of the stage is the next step's).
    pub cut: Option<f32>,
    /// The dots of this round are drawn on the cards.
    pub dots: Option<&'a VoteRound>,
    /// Cards that cannot receive dots in the open vote, dimmed so the room sees which can.
    pub not_votable: &'a [Rect],
    /// What shows around the map where the camera looks past its edges: the header's fill
    /// for the title and persona, so they sit on one continuous surface.
    pub backdrop: Color32,
}

impl<'a> Frame<'a> {
    /// A step as it shows when the camera has arrived: its shot, focus, hidden lanes and cut.
    pub fn of_step(
        layout: &'a Layout,
        theme: &'a Theme,
        display: EmotionDisplay,
        step: &super::Step,
        dots: Option<&'a VoteRound>,
    ) -> Frame<'a> {
        Frame {
            layout,
            theme,
            display,
            shot: step.shot,
            text_zoom: step.shot.zoom,
            focus: step.focus,
            hidden: step.hidden,
            cut: step.cut,
            dots,
            not_votable: &[],
            backdrop: step.backdrop(theme),
        }
    }
}

/// Paints `frame` filling `screen`.
pub fn paint(painter: &Painter, screen: Rect, frame: &Frame<'_>) {
    let t = frame.theme;
    painter.rect_filled(screen, 0.0, frame.backdrop);
    let panes = Panes::of(frame.layout);
    let rects = panes.rects(&frame.shot, screen);
    let main = frame.shot.transform(screen.min);
    pane(painter, rects.main, main, frame, Axis::Both);
    if let Some(clip) = rects.titles {
        let titles = panes.titles_transform(&frame.shot, screen);
        pane(painter, clip, titles, frame, Axis::Rows);
        sticky_lane_title(painter, clip, titles, frame);
    }
    if let Some(clip) = rects.headers {
        pane(painter, clip, panes.headers_transform(&frame.shot, screen), frame, Axis::Columns);
    }
    if let Some(corner) = rects.corner {
        painter.rect_filled(corner, 0.0, t.background);
    }
}

/// When a part of a stage starts inside a lane, that lane's title would be above the screen:
/// it is drawn again at the top of the frozen titles, as a spreadsheet keeps a group's heading
/// in view.
fn sticky_lane_title(painter: &Painter, clip: Rect, titles: TSTransform, frame: &Frame<'_>) {
    let zoom = titles.scaling;
    let top = (titles.inverse() * clip.min).y;
    let Some(lane) = frame.layout.lanes.iter().find(|l| l.row.top() < top - 1.0 && l.row.bottom() > top + 24.0) else {
        return;
    };
    let pad = lane.title.pos.y - lane.row.top();
    let height = (lane.title.rect().bottom() + pad - lane.row.top()).min(lane.row.bottom() - top) * zoom;
    let sticky = TSTransform::new(egui::vec2(titles.translation.x, clip.top() - lane.row.top() * zoom), zoom);
    let strip = Rect::from_min_size(clip.min, egui::vec2(clip.width(), height));
    pane(painter, strip, sticky, frame, Axis::Sticky);
}

/// Which of the spotlight's extents matter in a pane: the frozen titles only follow the rows,
/// the frozen headers only the columns.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Axis {
    Both,
    Rows,
    Columns,
    /// A lane title kept in view at the top of the frozen titles.
    Sticky,
}

fn pane(painter: &Painter, clip: Rect, to_screen: TSTransform, frame: &Frame<'_>, axis: Axis) {
    if clip.width() <= 0.0 || clip.height() <= 0.0 {
        return;
    }
    let t = frame.theme;
    let painter = painter.with_clip_rect(clip);
    let view = View { to_screen, text_scale: frame.text_zoom, clip, background: true, emotion_display: frame.display };
    render::paint(&painter, frame.layout, t, &view);
    let dim =
        Color32::from_rgba_unmultiplied(t.background.r(), t.background.g(), t.background.b(), (DIM * 255.0) as u8);
    if axis == Axis::Both {
        if let Some(round) = frame.dots {
            render::votes::paint_dots(&painter, frame.layout, to_screen, clip, round, t);
        }
        for card in frame.not_votable {
            painter.rect_filled(to_screen * card.expand(2.0), 0.0, dim);
        }
        if let Some(hidden) = frame.hidden {
            let stage = frame.layout.stages.iter().position(|s| s.column.contains(hidden.center())).unwrap_or(0);
            painter.rect_filled(to_screen * hidden, 0.0, t.column_fill[stage % 2]);
        }
    }
    if let Some(y) = frame.cut
        && matches!(axis, Axis::Both | Axis::Rows)
    {
        let top = (to_screen * egui::pos2(0.0, y)).y;
        painter.rect_filled(
            Rect::from_min_max(egui::pos2(clip.left(), top.max(clip.top())), clip.max),
            0.0,
            t.background,
        );
    }
    if let Some(focus) = frame.focus {
        let far = 1.0e7;
        let keep = match axis {
            Axis::Both => focus,
            Axis::Rows | Axis::Sticky => Rect::from_x_y_ranges(-far..=far, focus.y_range()),
            Axis::Columns => Rect::from_x_y_ranges(focus.x_range(), -far..=far),
        };
        dim_outside(&painter, clip, to_screen * keep, dim);
    }
}

/// Covers `clip` except `keep` with `colour`, as four rectangles.
fn dim_outside(painter: &Painter, clip: Rect, keep: Rect, colour: Color32) {
    let keep = keep.intersect(clip);
    if !keep.is_positive() {
        painter.rect_filled(clip, 0.0, colour);
        return;
    }
    let parts = [
        Rect::from_min_max(clip.min, egui::pos2(clip.right(), keep.top())),
        Rect::from_min_max(egui::pos2(clip.left(), keep.bottom()), clip.max),
        Rect::from_min_max(egui::pos2(clip.left(), keep.top()), egui::pos2(keep.left(), keep.bottom())),
        Rect::from_min_max(egui::pos2(keep.right(), keep.top()), egui::pos2(clip.right(), keep.bottom())),
    ];
    for r in parts {
        if r.is_positive() {
            painter.rect_filled(r, 0.0, colour);
        }
    }
}
