//! The audience view: what the room sees. The map through the step's camera (painted by
//! `present::frame`, like the slides), the spotlight, the vote's dots, the timer, the pointer,
//! black and white screens, and in-place typing of the room's ideas at projector size.

use super::{Blank, Presentation, Spotlight};
use crate::app::canvas::selection::Sel;
use crate::app::timer::format_secs;
use crate::app::{PolkuApp, UiLanguage};
use crate::edit::{Command, ops};
use crate::layout::Layout;
use crate::model::{CardId, LaneId};
use crate::present::frame::{self, Frame};
use crate::present::shot::{Panes, Shot};
use crate::render::View;
use crate::theme::Theme;
use egui::{Align2, Color32, CornerRadius, FontId, Pos2, Rect, Sense, Stroke, StrokeKind, Ui, pos2, vec2};

/// What the pointer is over on the audience screen.
#[derive(Clone, Debug, PartialEq)]
enum Hit {
    Card(CardId),
    Lane(LaneId),
    /// An empty cell: stage and lane indices.
    Cell(usize, usize),
}

impl PolkuApp {
    /// Draws the audience view filling `ui` and handles its keys and clicks.
    pub(crate) fn audience_ui(&mut self, ui: &mut Ui, p: &mut Presentation) {
        let ctx = ui.ctx().clone();
        let now = ui.input(|i| i.time);
        let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
        let fi = self.prefs.language == UiLanguage::Finnish;
        response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Canvas, true, if fi { "Esitys" } else { "Presentation" })
        });
        let theme = self.presenting_theme(p.theme);
        let reveal = self.doc.map.presentation.reveal_lanes;
        let generation = self.doc.generation;
        p.update_steps(self.doc.whole_layout(&ctx, &theme), generation, rect, reveal);
        self.follow_new_card(&ctx, p, &theme, rect);

        let modal_open = self.modal.as_ref().is_some_and(crate::app::Modal::blocks_shortcuts);
        if !modal_open {
            self.present_keys(&ctx, p, now);
        }
        let Some((shot, text_zoom, gliding)) = p.camera(now, rect.size()) else { return };
        if gliding {
            ctx.request_repaint();
        }

        let pointer = ui.input(|i| i.pointer.hover_pos()).filter(|pos| rect.contains(*pos));
        p.pointer.update(pointer, now);
        if !modal_open {
            self.audience_clicks(&ctx, p, &response, &theme, shot, rect);
        }

        self.paint_audience(ui, p, &theme, shot, text_zoom, rect);
        let main = Panes::of(self.doc.whole_layout(&ctx, &theme)).rects(&shot, rect).main;
        self.inline_edit_ui(&ctx, shot.transform(rect.min), main, &theme);
        self.present_overlays(ui, p, rect, now);
    }

    /// The map, its dots and spotlight, and the selection outline.
    fn paint_audience(&mut self, ui: &mut Ui, p: &Presentation, theme: &Theme, shot: Shot, text_zoom: f32, rect: Rect) {
        let ctx = ui.ctx().clone();
        let dots = self.shown_vote().cloned();
        let open_vote = self.open_vote().cloned();
        let (layout, map) = self.doc.layout_and_map(&ctx, theme);
        let step = p.step();
        let focus = match &p.spotlight {
            Some(Spotlight::Card(id)) => layout.card(id).map(|c| c.rect.expand(6.0)),
            Some(Spotlight::Lane(id)) => lane_focus(layout, id, step.and_then(crate::present::Step::stage)),
            None => step.and_then(|s| s.focus),
        };
        let not_votable: Vec<Rect> = match &open_vote {
            Some(round) => {
                let out: std::collections::HashSet<&CardId> =
                    map.cards.iter().filter(|c| !round.scope.admits_card(map, c)).map(|c| &c.id).collect();
                layout.cards.iter().filter(|c| out.contains(&c.id)).map(|c| c.rect).collect()
            }
            None => Vec::new(),
        };
        let painter = ui.painter_at(rect);
        let f = Frame {
            layout,
            theme,
            display: map.emotions.display,
            shot,
            text_zoom,
            focus,
            hidden: step.and_then(|s| s.hidden),
            cut: step.and_then(|s| s.cut),
            dots: dots.as_ref(),
            not_votable: &not_votable,
            backdrop: step.map_or(theme.background, |s| s.backdrop(theme)),
        };
        frame::paint(&painter, rect, &f);
        let main = Panes::of(layout).rects(&shot, rect).main;
        let to_screen = shot.transform(rect.min);
        if let Some(id) = &p.selected
            && let Some(card) = layout.card(id)
        {
            let accent = Color32::from_rgb(0x1E, 0x6F, 0xE8);
            painter.with_clip_rect(main).rect_stroke(
                (to_screen * card.rect).expand(4.0),
                8.0,
                Stroke::new(4.0, accent),
                StrokeKind::Outside,
            );
        }
        let view = View {
            to_screen,
            text_scale: text_zoom,
            clip: main,
            background: true,
            emotion_display: map.emotions.display,
        };
        crate::app::canvas::expose_to_accessibility(ui, layout, &view);
        let panes = Panes::of(layout);
        if let Some(titles) = panes.rects(&shot, rect).titles {
            let pane = View { to_screen: panes.titles_transform(&shot, rect), clip: titles, ..view };
            crate::app::canvas::expose_lane_titles(ui, layout, &pane, "lane-pane");
        }
    }

    /// What is under `pos` on the audience screen.
    fn audience_hit(&mut self, ctx: &egui::Context, theme: &Theme, shot: Shot, rect: Rect, pos: Pos2) -> Option<Hit> {
        let layout = self.doc.whole_layout(ctx, theme);
        let panes = Panes::of(layout);
        let rects = panes.rects(&shot, rect);
        let (to_map, in_main) = if rects.titles.is_some_and(|r| r.contains(pos)) {
            (panes.titles_transform(&shot, rect).inverse(), false)
        } else if rects.main.contains(pos) {
            (shot.transform(rect.min).inverse(), true)
        } else {
            return None;
        };
        let m = to_map * pos;
        if in_main && let Some(card) = layout.card_at(m) {
            return Some(Hit::Card(card.id.clone()));
        }
        if let Some(i) = layout.lane_title_at(m) {
            return Some(Hit::Lane(layout.lanes[i].id.clone()));
        }
        let gap = panes.gap_x;
        let (s, l) = layout.cell_at(m, gap, gap)?;
        let cards_here = layout.cards.iter().any(|c| {
            layout.stages[s].column.x_range().contains(c.rect.center().x)
                && layout.lanes[l].row.contains(c.rect.center())
        });
        if cards_here || !layout.lanes[l].kind.holds_cards() {
            Some(Hit::Lane(layout.lanes[l].id.clone()))
        } else {
            Some(Hit::Cell(s, l))
        }
    }

    /// Clicks: spotlight a card or a lane (again: clear), dots in an open vote, double-click
    /// to add a card or edit one in place; any click ends a black or white screen.
    fn audience_clicks(
        &mut self,
        ctx: &egui::Context,
        p: &mut Presentation,
        response: &egui::Response,
        theme: &Theme,
        shot: Shot,
        rect: Rect,
    ) {
        let clicked = response.clicked() || response.secondary_clicked();
        if p.blank.is_some() {
            if clicked {
                p.blank = None;
            }
            return;
        }
        let Some(pos) = response.interact_pointer_pos() else { return };
        let shift = ctx.input(|i| i.modifiers.shift);
        if response.double_clicked() {
            match self.audience_hit(ctx, theme, shot, rect, pos) {
                Some(Hit::Card(id)) if self.open_vote().is_none() => {
                    p.selected = Some(id.clone());
                    self.start_inline_edit_selected(Sel::Card(id));
                }
                Some(Hit::Cell(s, l)) => self.add_card_presenting(ctx, p, theme, Some((s, l))),
                Some(Hit::Card(_)) => {}
                Some(Hit::Lane(_)) | None => {
                    p.toggle_fullscreen = matches!(p.audience, super::Audience::OtherWindow { .. })
                }
            }
            return;
        }
        if !clicked {
            return;
        }
        let hit = self.audience_hit(ctx, theme, shot, rect, pos);
        if let Some(Hit::Card(id)) = &hit
            && self.open_vote().is_some()
        {
            let delta = if shift || response.secondary_clicked() { -1 } else { 1 };
            if self.vote_on(id, delta) {
                return;
            }
        }
        if response.secondary_clicked() {
            return;
        }
        match hit {
            Some(Hit::Card(id)) => {
                if p.spotlight == Some(Spotlight::Card(id.clone())) {
                    p.spotlight = None;
                    p.selected = None;
                } else {
                    p.spotlight = Some(Spotlight::Card(id.clone()));
                    p.selected = Some(id);
                }
            }
            Some(Hit::Lane(id)) => {
                p.selected = None;
                p.spotlight =
                    if p.spotlight == Some(Spotlight::Lane(id.clone())) { None } else { Some(Spotlight::Lane(id)) };
            }
            Some(Hit::Cell(_, l)) => {
                let id = self.doc.whole_layout(ctx, theme).lanes[l].id.clone();
                p.selected = None;
                p.spotlight =
                    if p.spotlight == Some(Spotlight::Lane(id.clone())) { None } else { Some(Spotlight::Lane(id)) };
            }
            None => {
                p.spotlight = None;
                p.selected = None;
            }
        }
    }

    /// Adds a card in the current stage (in `cell` when given; else in the spotlit lane, the
    /// selected card's lane, or the step's first lane that holds cards) and types it in place.
    pub(super) fn add_card_presenting(
        &mut self,
        ctx: &egui::Context,
        p: &mut Presentation,
        theme: &Theme,
        cell: Option<(usize, usize)>,
    ) {
        let fi = self.prefs.language == UiLanguage::Finnish;
        let (layout, map) = self.doc.layout_and_map(ctx, theme);
        let (stage, lane) = match cell {
            Some((s, l)) => (layout.stages[s].id.clone(), layout.lanes[l].id.clone()),
            None => {
                let Some(s) = p.stage().and_then(|i| layout.stages.get(i)) else {
                    self.toasts.info(if fi {
                        "Siirry vaiheeseen lisätäksesi kortin."
                    } else {
                        "Go to a stage to add a card."
                    });
                    return;
                };
                let holds = |id: &LaneId| map.lane(id).is_some_and(|l| l.kind.holds_cards());
                let spotlit = match &p.spotlight {
                    Some(Spotlight::Lane(id)) if holds(id) => Some(id.clone()),
                    _ => None,
                };
                let of_selected = p.selected.as_ref().and_then(|c| map.card(c)).map(|c| c.lane.clone());
                let in_step = p.step().and_then(|step| {
                    layout.lanes[step.lanes.clone()].iter().map(|l| l.id.clone()).find(|id| holds(id))
                });
                let any = map.lanes.iter().find(|l| l.kind.holds_cards()).map(|l| l.id.clone());
                let Some(lane) = spotlit.or(of_selected).or(in_step).or(any) else { return };
                (s.id.clone(), lane)
            }
        };
        let title = if fi { "Uusi kortti" } else { "New card" };
        let card = ops::new_card(&self.doc.map, &stage, &lane, title);
        let id = card.id.clone();
        let index = self.doc.map.cards_in(&stage, &lane).len();
        match self.doc.apply(ops::insert_card(&self.doc.map, card, index)) {
            Ok(()) => {
                p.selected = Some(id.clone());
                p.follow = Some(id.clone());
                self.start_inline_edit_selected(Sel::Card(id));
            }
            Err(e) => self.toasts.error(e.to_string_in(self.prefs.language.as_language())),
        }
    }

    /// After a card was added, goes to the part of its stage that shows it whole.
    fn follow_new_card(&mut self, ctx: &egui::Context, p: &mut Presentation, theme: &Theme, rect: Rect) {
        let Some(id) = p.follow.take() else { return };
        let layout = self.doc.whole_layout(ctx, theme);
        let Some(card) = layout.card(&id).map(|c| c.rect) else { return };
        let panes = Panes::of(layout);
        let shows = |step: &crate::present::Step| {
            let main = panes.rects(&step.shot, rect).main;
            main.contains_rect(step.shot.transform(rect.min) * card) && step.cut.is_none_or(|y| card.bottom() <= y)
        };
        if p.step().is_some_and(shows) {
            return;
        }
        let stage = p.stage();
        let now = ctx.input(|i| i.time);
        if let Some(i) = p.steps().iter().position(|s| s.stage() == stage && shows(s)) {
            p.go(i, now);
        }
    }

    /// Sets the emotion of the selected card (keys 1–5 while presenting).
    pub(super) fn rate_selected(&mut self, p: &Presentation, value: i8) {
        let Some(id) = p.selected.clone() else { return };
        self.rate_cards(&[id], crate::model::Emotion::new(value));
    }

    /// The timer, the number being typed, the toolbar, the pointer and a blanked screen.
    fn present_overlays(&mut self, ui: &mut Ui, p: &mut Presentation, rect: Rect, now: f64) {
        let ctx = ui.ctx().clone();
        let painter = ui
            .painter_at(rect)
            .with_layer_id(egui::LayerId::new(egui::Order::Foreground, egui::Id::unique("present-overlay")));
        let scale = (rect.height() / 1080.0).max(0.6);
        self.timer_overlay(&painter, rect, scale);
        if !p.number.is_empty() {
            let fi = self.prefs.language == UiLanguage::Finnish;
            let text = format!("{} {}", if fi { "Siirry vaiheeseen" } else { "Go to step" }, p.number);
            badge(
                &painter,
                pos2(rect.center().x, rect.bottom() - 60.0 * scale),
                Align2::CENTER_BOTTOM,
                &text,
                34.0 * scale,
                Color32::from_rgb(0x11, 0x18, 0x27),
                Color32::WHITE,
            );
        }
        if p.blank.is_none() && p.pointer.visible(now) {
            self.present_toolbar(&ctx, p, rect, scale);
        }
        // The system's cursor never shows over the room's view: the dot stands in for it.
        ctx.set_cursor_icon(egui::CursorIcon::None);
        if p.pointer.visible(now) && p.blank.is_none() {
            p.pointer.paint(&painter, now);
        }
        if let Some(after) = p.pointer.repaint_after(now) {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(after));
        }
        if let Some(blank) = p.blank {
            let colour = match blank {
                Blank::Black => Color32::BLACK,
                Blank::White => Color32::WHITE,
            };
            let top = ctx.layer_painter(egui::LayerId::new(egui::Order::Tooltip, egui::Id::unique("present-blank")));
            top.rect_filled(rect, 0.0, colour);
        }
        if self.workshop.votes_open {
            self.votes_window(&ctx, true);
        }
        self.timer_window(&ctx, true);
    }

    /// The countdown in the top-right corner: large, in a warning colour in its last seconds,
    /// and at zero a blinking frame around the screen that does not stop anything.
    fn timer_overlay(&self, painter: &egui::Painter, rect: Rect, scale: f32) {
        let now = self.workshop.clock.now();
        let timer = &self.workshop.timer;
        if !timer.is_active() {
            return;
        }
        let r = timer.read(now);
        if r.done && !r.done_recently {
            return;
        }
        let fi = self.prefs.language == UiLanguage::Finnish;
        let red = Color32::from_rgb(0xB0, 0x00, 0x20);
        let (fill, text) = if r.done {
            (red, if fi { "Aika loppui".to_owned() } else { "Time is up".to_owned() })
        } else if r.warning {
            (red, format_secs(r.left_secs))
        } else {
            (
                Color32::from_rgb(0x11, 0x18, 0x27),
                format!("{}{}", if r.running { "" } else { "⏸ " }, format_secs(r.left_secs)),
            )
        };
        badge(
            painter,
            pos2(rect.right() - 24.0 * scale, rect.top() + 20.0 * scale),
            Align2::RIGHT_TOP,
            &text,
            56.0 * scale,
            fill,
            Color32::WHITE,
        );
        if r.signalling && r.blink_on {
            painter.rect_stroke(rect.shrink(6.0 * scale), 0.0, Stroke::new(14.0 * scale, red), StrokeKind::Inside);
        }
    }

    /// Buttons for a mouse: previous, next, where we are, the options, the tools, end.
    fn present_toolbar(&mut self, ctx: &egui::Context, p: &mut Presentation, rect: Rect, scale: f32) {
        let fi = self.prefs.language == UiLanguage::Finnish;
        let now = ctx.input(|i| i.time);
        let size = 18.0 * scale.max(0.8);
        let total = p.steps().len();
        egui::Area::new(egui::Id::unique("present-toolbar"))
            .fixed_pos(pos2(rect.left() + 16.0, rect.bottom() - 16.0 - size * 2.6))
            .order(egui::Order::Foreground)
            .show(ctx, |ui| {
                egui::Frame::new()
                    .fill(Color32::from_rgba_unmultiplied(17, 24, 39, 225))
                    .corner_radius(CornerRadius::same(10))
                    .inner_margin(egui::Margin::symmetric(10, 6))
                    .show(ui, |ui| {
                        // Dark controls on any theme: they float over the map.
                        ui.style_mut().visuals = egui::Visuals::dark();
                        ui.horizontal(|ui| {
                            let text = |s: String| egui::RichText::new(s).size(size);
                            if ui
                                .button(text("◀".into()))
                                .on_hover_text(if fi { "Edellinen" } else { "Previous" })
                                .clicked()
                            {
                                p.previous(now);
                            }
                            ui.label(text(format!("{} / {total}", p.index + 1)));
                            if ui.button(text("▶".into())).on_hover_text(if fi { "Seuraava" } else { "Next" }).clicked()
                            {
                                p.next(now);
                            }
                            ui.separator();
                            let mut reveal = self.doc.map.presentation.reveal_lanes;
                            if ui
                                .checkbox(
                                    &mut reveal,
                                    text(if fi { "Kaistat yksitellen".into() } else { "Lanes one by one".into() }),
                                )
                                .changed()
                            {
                                self.set_reveal_lanes(reveal);
                            }
                            let theme_name = match p.theme {
                                crate::theme::ThemeKind::Projector => {
                                    if fi {
                                        "Projektori"
                                    } else {
                                        "Projector"
                                    }
                                }
                                crate::theme::ThemeKind::Light => {
                                    if fi {
                                        "Vaalea"
                                    } else {
                                        "Light"
                                    }
                                }
                                crate::theme::ThemeKind::Dark => {
                                    if fi {
                                        "Tumma"
                                    } else {
                                        "Dark"
                                    }
                                }
                            };
                            if ui
                                .button(text(theme_name.into()))
                                .on_hover_text(if fi { "Teema (P)" } else { "Theme (P)" })
                                .clicked()
                            {
                                p.theme = next_theme(p.theme);
                            }
                            if ui.button(text(if fi { "Ajastin".into() } else { "Timer".into() })).clicked() {
                                self.workshop.timer_open = !self.workshop.timer_open;
                            }
                            if ui.button(text(if fi { "Äänestys".into() } else { "Vote".into() })).clicked() {
                                self.vote_key();
                            }
                            ui.separator();
                            if ui
                                .button(text(if fi { "Lopeta".into() } else { "End".into() }))
                                .on_hover_text("Esc")
                                .clicked()
                            {
                                p.ended = true;
                            }
                        });
                    });
            });
    }

    /// V while presenting: the first time, start a vote; then show or hide the tally.
    pub(super) fn vote_key(&mut self) {
        if self.doc.map.votes.is_empty() {
            self.ask_start_vote();
        } else {
            self.workshop.votes_open = !self.workshop.votes_open;
        }
    }

    /// Turns "reveal lanes one by one" on or off (saved with the map, undoable).
    pub(super) fn set_reveal_lanes(&mut self, on: bool) {
        let settings = crate::model::PresentationSettings { reveal_lanes: on };
        if let Err(e) = self.doc.apply(Command::SetPresentation(settings)) {
            self.toasts.error(e.to_string_in(self.prefs.language.as_language()));
        }
    }
}

/// The theme after `kind` in the presentation's cycle.
pub(super) fn next_theme(kind: crate::theme::ThemeKind) -> crate::theme::ThemeKind {
    use crate::theme::ThemeKind::*;
    match kind {
        Projector => Light,
        Light => Dark,
        Dark => Projector,
    }
}

/// The focus of a spotlit lane: its row within the stage showing, or across the map.
fn lane_focus(layout: &Layout, id: &LaneId, stage: Option<usize>) -> Option<Rect> {
    let lane = layout.lanes.iter().find(|l| &l.id == id)?;
    let row = lane.row.expand2(vec2(0.0, 4.0));
    Some(match stage.and_then(|s| layout.stages.get(s)) {
        Some(s) => Rect::from_x_y_ranges(s.column.x_range(), row.y_range()),
        None => row,
    })
}

/// Text on a rounded badge anchored at `at`.
fn badge(painter: &egui::Painter, at: Pos2, anchor: Align2, text: &str, size: f32, fill: Color32, ink: Color32) {
    let galley = painter.layout_no_wrap(text.to_owned(), FontId::new(size, crate::fonts::bold()), ink);
    let pad = vec2(size * 0.45, size * 0.2);
    let box_rect = anchor.anchor_size(at, galley.size() + 2.0 * pad);
    painter.rect_filled(box_rect, size * 0.3, fill);
    painter.galley(box_rect.min + pad, galley, ink);
}
