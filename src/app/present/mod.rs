//! The presentation mode: the session state of presenting (which step, the camera gliding
//! between steps, spotlight, black or white screen, the pointer) and its views: the audience
//! view (full screen in this window, or in a window of its own) and the presenter's view
//! beside the editor.
//!
//! The steps and the painting come from `crate::present`, shared with the slides export.

mod audience;
mod keys;
mod pointer;
mod presenter;

use crate::layout::Layout;
use crate::model::{CardId, LaneId};
use crate::present::{Shot, Step, StepKind, StepOptions, shot::ease};
use crate::theme::ThemeKind;
use egui::{Rect, Vec2};

/// How long the camera takes to glide from one step to the next.
pub const GLIDE_SECONDS: f64 = 0.25;

/// Where the room sees the presentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    /// Full screen in this window.
    ThisWindow,
    /// In a window of its own, full screen on monitor `monitor` when given (the projector),
    /// while this window shows the presenter's view.
    OtherWindow { monitor: Option<usize> },
}

/// What is in the spotlight besides the step's own focus.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Spotlight {
    Lane(LaneId),
    Card(CardId),
}

/// A blanked screen (a clicker's B or W).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Blank {
    Black,
    White,
}

/// What decides the steps: when any of it changes they are worked out again.
#[derive(Clone, Copy, Debug, PartialEq)]
struct StepsKey {
    generation: u64,
    theme: ThemeKind,
    screen: Vec2,
    reveal: bool,
}

/// A presentation under way (session state; nothing here is saved).
pub struct Presentation {
    /// The theme the room sees (projector unless switched).
    pub theme: ThemeKind,
    pub audience: Audience,
    /// The step showing (or being glided to).
    pub index: usize,
    steps: Vec<Step>,
    key: Option<StepsKey>,
    /// The camera as it shows now, and the glide under way: (from, start time).
    shown: Option<Shot>,
    glide: Option<(Shot, f64)>,
    pub spotlight: Option<Spotlight>,
    /// The card keys 1–5 rate: the one clicked or just added (the editor's selection is
    /// kept as it was).
    pub selected: Option<CardId>,
    /// A card just added: show the part of its stage that holds it.
    pub(crate) follow: Option<CardId>,
    pub blank: Option<Blank>,
    /// Digits typed for "number, then Enter".
    pub number: String,
    pub(crate) pointer: pointer::Trail,
    /// The window was full screen before the presentation (so ending it keeps it that way).
    was_fullscreen: bool,
    /// Set when the presentation ends; the mode switches back at the end of the frame.
    pub ended: bool,
    /// Start at this stage when the steps are first known (Shift+F5).
    start_stage: Option<usize>,
    /// The audience window's own full-screen state (F11 / double-click).
    pub(crate) window_fullscreen: bool,
    /// A double-click away from the cells asked the audience window to toggle full screen.
    pub(crate) toggle_fullscreen: bool,
}

impl Presentation {
    /// A presentation starting at the title, or at stage `start_stage`.
    pub fn new(audience: Audience, start_stage: Option<usize>, was_fullscreen: bool) -> Presentation {
        Presentation {
            theme: ThemeKind::Projector,
            audience,
            index: 0,
            steps: Vec::new(),
            key: None,
            shown: None,
            glide: None,
            spotlight: None,
            selected: None,
            follow: None,
            blank: None,
            number: String::new(),
            pointer: pointer::Trail::default(),
            was_fullscreen,
            ended: false,
            start_stage,
            window_fullscreen: matches!(audience, Audience::OtherWindow { monitor: Some(_) }),
            toggle_fullscreen: false,
        }
    }

    /// The steps, as last worked out.
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    /// The step showing.
    pub fn step(&self) -> Option<&Step> {
        self.steps.get(self.index)
    }

    /// The step after the one showing.
    pub fn next_step(&self) -> Option<&Step> {
        self.steps.get(self.index + 1)
    }

    /// Whether the window was full screen before presenting.
    pub fn was_fullscreen(&self) -> bool {
        self.was_fullscreen
    }

    /// Works the steps out again when the map, the theme, the screen or the options changed,
    /// keeping the same step in view.
    pub fn update_steps(&mut self, layout: &Layout, generation: u64, screen: Rect, reveal: bool) {
        let key = StepsKey { generation, theme: self.theme, screen: screen.size(), reveal };
        if self.key == Some(key) {
            return;
        }
        let resized = self.key.is_some_and(|k| k.screen != key.screen || k.theme != key.theme);
        let was = self.step().map(|s| s.kind.clone());
        self.steps = crate::present::steps(layout, screen.size(), StepOptions { reveal_lanes: reveal });
        self.key = Some(key);
        if let Some(stage) = self.start_stage.take() {
            self.index = self.steps.iter().position(|s| s.stage() == Some(stage)).unwrap_or(0);
        } else if let Some(kind) = was {
            self.index = relocate(&self.steps, &kind).unwrap_or(self.index);
        }
        self.index = self.index.min(self.steps.len().saturating_sub(1));
        if resized {
            // A new screen size or theme: jump, do not glide from a camera of another screen.
            self.shown = None;
            self.glide = None;
        }
    }

    /// Goes to step `index` (clamped), gliding from where the camera is.
    pub fn go(&mut self, index: usize, now: f64) {
        let index = index.min(self.steps.len().saturating_sub(1));
        if index == self.index {
            return;
        }
        self.index = index;
        self.spotlight = None;
        if let Some(shown) = self.shown {
            self.glide = Some((shown, now));
        }
    }

    /// The next step; at the last one, nothing.
    pub fn next(&mut self, now: f64) {
        self.go(self.index + 1, now);
    }

    /// The previous step.
    pub fn previous(&mut self, now: f64) {
        self.go(self.index.saturating_sub(1), now);
    }

    /// The camera at `now`, the zoom text is laid out at, and whether a glide is under way.
    /// Text keeps the destination's size during a glide, so nothing is laid out again until
    /// it ends.
    pub fn camera(&mut self, now: f64, screen: Vec2) -> Option<(Shot, f32, bool)> {
        let target = self.step()?.shot;
        let shot = match self.glide {
            Some((from, start)) if now - start < GLIDE_SECONDS => {
                let t = ((now - start) / GLIDE_SECONDS) as f32;
                from.towards(&target, ease(t), screen)
            }
            _ => {
                self.glide = None;
                target
            }
        };
        self.shown = Some(shot);
        Some((shot, target.zoom, self.glide.is_some()))
    }

    /// Whether the step is a stage step (where cards can be added).
    pub fn stage(&self) -> Option<usize> {
        self.step().and_then(Step::stage)
    }
}

/// The index of the step most like `kind` among `steps`: the same step, else the same part
/// of the same stage, else the same stage.
fn relocate(steps: &[Step], kind: &StepKind) -> Option<usize> {
    if let Some(i) = steps.iter().position(|s| &s.kind == kind) {
        return Some(i);
    }
    match kind {
        StepKind::Stage { index, part, .. } => steps
            .iter()
            .position(|s| matches!(s.kind, StepKind::Stage { index: i, part: p, .. } if i == *index && p == *part))
            .or_else(|| steps.iter().rposition(|s| s.stage() == Some(*index))),
        StepKind::Title { .. } | StepKind::Persona { .. } => Some(0),
        StepKind::Overview => steps.len().checked_sub(1),
    }
}

impl crate::app::PolkuApp {
    /// Starts or ends presenting (at the end of a frame, so no view is half drawn).
    pub(crate) fn switch_mode(&mut self, ctx: &egui::Context, request: crate::app::ModeRequest, frame: &eframe::Frame) {
        use crate::app::{Mode, ModeRequest};
        // A title being typed in place is kept, not lost, when the view changes.
        if let Some(edit) = self.editor.inline.take() {
            self.commit_inline(edit);
        }
        match (request, &self.mode) {
            (ModeRequest::Edit, Mode::Presenting(p)) => {
                if p.audience == Audience::ThisWindow && !p.was_fullscreen() {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
                }
                self.mode = Mode::Editing;
            }
            (ModeRequest::Present { from_here }, Mode::Editing) => {
                let start = if from_here { self.stage_of_selection() } else { None };
                let audience = match other_monitor(frame) {
                    Some(monitor) => Audience::OtherWindow { monitor: Some(monitor) },
                    None => Audience::ThisWindow,
                };
                self.start_presenting(ctx, audience, start);
            }
            (ModeRequest::PresentInWindow, Mode::Editing) => {
                let start = self.stage_of_selection();
                self.start_presenting(ctx, Audience::OtherWindow { monitor: None }, start);
            }
            // F5 while presenting ends it, as a clicker's start/stop button does.
            (ModeRequest::Present { .. } | ModeRequest::PresentInWindow, Mode::Presenting(_)) => {
                self.switch_mode(ctx, ModeRequest::Edit, frame);
            }
            (ModeRequest::Edit, Mode::Editing) => {}
            // Nothing to present or leave before a map is open; a comparison or a kept version is left first (Esc).
            (_, Mode::FailedOpen(_) | Mode::Comparing(_) | Mode::Viewing(_)) => {}
        }
    }

    fn start_presenting(&mut self, ctx: &egui::Context, audience: Audience, start: Option<usize>) {
        let was_fullscreen = ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
        if audience == Audience::ThisWindow && !was_fullscreen {
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
        }
        self.mode = crate::app::Mode::Presenting(Box::new(Presentation::new(audience, start, was_fullscreen)));
    }

    /// The stage of the editor's selection or keyboard cursor, for "present from here".
    fn stage_of_selection(&self) -> Option<usize> {
        use crate::app::Sel;
        let map = &self.doc.map;
        let stage = match self.editor.selection.items.last() {
            Some(Sel::Stage(id)) => Some(id.clone()),
            Some(Sel::Card(id)) => map.card(id).map(|c| c.stage.clone()),
            _ => self.editor.cursor_cell.as_ref().map(|(s, _)| s.clone()),
        }?;
        map.stages.iter().position(|s| s.id == stage)
    }
}

/// The index of a monitor other than the window's own, when there are two or more.
fn other_monitor(frame: &eframe::Frame) -> Option<usize> {
    let window = frame.winit_window()?;
    let current = window.current_monitor();
    let monitors: Vec<_> = window.available_monitors().collect();
    if monitors.len() < 2 {
        return None;
    }
    monitors.iter().position(|m| Some(m) != current.as_ref())
}
