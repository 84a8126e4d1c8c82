//! Compare mode (File → Compare with…): the map with what changed since another version of
//! it marked by the one renderer — added, changed, moved, removed, earlier curves — a list of
//! the changes beside it, N / P to step through them (each brought into view) and Esc to
//! leave. A mode of its own: nothing in it edits the map.

use super::{PolkuApp, UiLanguage};
use crate::diff::{Change, Element, What};
use crate::layout::Layout;
use crate::model::{CardId, JourneyMap};
use crate::render::compare::Marks;
use egui::{Key, Rect, RichText, Ui};
use std::path::Path;

/// A comparison under way.
pub struct Comparison {
    /// The other version.
    pub old: JourneyMap,
    /// Its file name, as the legend and the list name it.
    pub against: String,
    pub changes: Vec<Change>,
    /// The change stepped to with N / P or chosen in the list.
    pub current: Option<usize>,
    /// Marks for (map generation, theme), made once rather than every frame.
    marks: Option<(u64, crate::theme::ThemeKind, Marks)>,
}

impl Comparison {
    /// Makes the marks for `layout` again when the map or the theme changed.
    fn refresh(&mut self, layout: &Layout, map: &JourneyMap, generation: u64, kind: crate::theme::ThemeKind) {
        if self.marks.as_ref().is_none_or(|(g, k, _)| *g != generation || *k != kind) {
            let marks = Marks::of(layout, &self.old, map, &self.changes, &self.against);
            self.marks = Some((generation, kind, marks));
        }
    }

    /// The marks made by the last [`Self::refresh`].
    fn marks(&self) -> &Marks {
        match &self.marks {
            Some((_, _, m)) => m,
            None => unreachable_marks(),
        }
    }
}

/// Marks are made before they are read; this keeps the code free of a panic path.
fn unreachable_marks() -> &'static Marks {
    static EMPTY: std::sync::OnceLock<Marks> = std::sync::OnceLock::new();
    EMPTY.get_or_init(Marks::default)
}

/// Where a change is on the map (map units), to bring it into view.
fn place_of(change: &Change, layout: &Layout, marks: &Marks) -> Option<Rect> {
    let id = CardId::new(change.id.clone());
    match change.element {
        Element::Card => layout
            .card(&id)
            .map(|c| c.rect)
            .or_else(|| marks.ghosts.iter().find(|(g, _, _)| g == &id).map(|(_, r, _)| *r)),
        Element::Stage => layout.stages.iter().find(|s| s.id.as_str() == change.id).map(|s| s.header),
        Element::Lane => layout.lanes.iter().find(|l| l.id.as_str() == change.id).map(|l| l.title_cell),
        Element::Arrow => layout
            .arrows
            .iter()
            .find(|a| a.id.as_str() == change.id && !a.path.is_empty())
            .map(|a| Rect::from_points(&a.path)),
        Element::Map | Element::Persona => Some(layout.header.rect),
    }
}

impl PolkuApp {
    /// Compares the map with the version at `path`; a file that cannot be read says why.
    pub fn start_comparing(&mut self, path: &Path) {
        match crate::io::load(path) {
            Ok(old) => {
                let against =
                    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
                self.start_comparing_with(old, against);
            }
            Err(e) => self.toasts.error(e.to_string_in(self.prefs.language.as_language())),
        }
    }

    /// Compares the map with `old`, named `against` in the bar, the list and the legend.
    pub fn start_comparing_with(&mut self, old: JourneyMap, against: String) {
        let changes = crate::diff::diff(&old, &self.doc.map);
        self.editor.selection.clear();
        self.editor.inline = None;
        // The whole map, every persona's journey, first: the changes are seen at a glance,
        // then stepped through.
        self.editor.camera.fit_pending = true;
        self.editor.persona = None;
        self.mode = super::Mode::Comparing(Box::new(Comparison { old, against, changes, current: None, marks: None }));
    }

    /// One frame of compare mode; `true` when it is left.
    pub(crate) fn compare_ui(&mut self, ui: &mut Ui, c: &mut Comparison) -> bool {
        let ctx = ui.ctx().clone();
        let fi = self.prefs.language == UiLanguage::Finnish;
        let mut leave = false;
        let mut step: Option<isize> = None;
        let mut copy = false;
        let mut export = false;
        let n = c.changes.len();
        egui::Panel::top("compare-bar").show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                let title = match (fi, n) {
                    (true, 0) => format!("Verrataan: {} — ei muutoksia", c.against),
                    (true, n) => format!("Verrataan: {} — {n} muutosta", c.against),
                    (false, 0) => format!("Comparing with {} — no changes", c.against),
                    (false, 1) => format!("Comparing with {} — 1 change", c.against),
                    (false, n) => format!("Comparing with {} — {n} changes", c.against),
                };
                ui.label(RichText::new(title).strong());
                ui.separator();
                if ui
                    .add_enabled(n > 0, egui::Button::new(if fi { "◀ Edellinen (P)" } else { "◀ Previous (P)" }))
                    .clicked()
                {
                    step = Some(-1);
                }
                if ui.add_enabled(n > 0, egui::Button::new(if fi { "Seuraava (N) ▶" } else { "Next (N) ▶" })).clicked()
                {
                    step = Some(1);
                }
                ui.separator();
                if ui.button(if fi { "Kopioi muutokset (Markdown)" } else { "Copy the changes (Markdown)" }).clicked() {
                    copy = true;
                }
                if ui.button(if fi { "Vie kuvana tai PDF:nä…" } else { "Export as image or PDF…" }).clicked() {
                    export = true;
                }
                if ui.button(if fi { "Valmis (Esc)" } else { "Done (Esc)" }).clicked() {
                    leave = true;
                }
            });
        });
        egui::Panel::right("compare-list").default_size(360.0).min_size(240.0).show(ui, |ui| {
            ui.heading(if fi { "Muutokset" } else { "Changes" });
            egui::ScrollArea::vertical().auto_shrink([false, true]).show(ui, |ui| {
                for (i, change) in c.changes.iter().enumerate() {
                    let text = crate::diff::report::line(change);
                    let colour = match change.what {
                        What::Added => self.theme().quick_win,
                        What::Removed => self.theme().pain,
                        _ => ui.visuals().text_color(),
                    };
                    let r = ui.selectable_label(c.current == Some(i), RichText::new(text).color(colour));
                    if r.clicked() {
                        c.current = Some(i);
                        step = Some(0);
                    }
                }
                if n == 0 {
                    ui.label(if fi { "Kartat ovat samat." } else { "The maps are the same." });
                }
            });
        });
        let keys = ctx.input(|i| {
            (
                i.key_pressed(Key::N) || i.key_pressed(Key::PageDown),
                i.key_pressed(Key::P) || i.key_pressed(Key::PageUp),
                i.key_pressed(Key::Escape),
            )
        });
        if !ctx.egui_wants_keyboard_input() {
            if keys.0 {
                step = Some(1);
            }
            if keys.1 {
                step = Some(-1);
            }
            leave |= keys.2 && self.modal.is_none();
        }
        if let Some(d) = step.filter(|_| n > 0) {
            c.current = Some(match (c.current, d) {
                (Some(i), 0) => i,
                (None, d) if d < 0 => n - 1,
                (None, _) => 0,
                (Some(i), d) => (i as isize + d).rem_euclid(n as isize) as usize,
            });
        }
        let theme = self.theme();
        let display = self.doc.map.emotions.display;
        let label = if fi { "Vertailu" } else { "Comparison" };
        let generation = self.doc.generation;
        egui::CentralPanel::default().frame(egui::Frame::NONE).show(ui, |ui| {
            let (layout, map) = self.doc.layout_and_map(&ctx, &theme);
            let (response, rect, to_screen) =
                super::canvas::show(ui, &mut self.editor.camera, layout, &theme, display, label);
            c.refresh(layout, map, generation, theme.kind);
            let marks = c.marks();
            let painter = ui.painter_at(rect);
            crate::render::compare::paint_marks(&painter, marks, to_screen, rect, &theme);
            let current = c.current.and_then(|i| c.changes.get(i));
            if let Some(place) = current.and_then(|ch| place_of(ch, layout, marks)) {
                if step.is_some() {
                    self.editor.camera.reveal(place, rect);
                }
                let focus = egui::Color32::from_rgb(0x1E, 0x6F, 0xE8);
                painter.rect_stroke(
                    to_screen * place.expand(8.0),
                    10.0,
                    egui::Stroke::new(3.0, focus),
                    egui::StrokeKind::Outside,
                );
            }
            // Before and after, on hover over a changed card.
            if let Some(pointer) = response.hover_pos() {
                let at = to_screen.inverse() * pointer;
                let hovered = layout.card_at(at).map(|card| card.id.to_string());
                let lines: Vec<String> = c
                    .changes
                    .iter()
                    .filter(|ch| ch.element == Element::Card && hovered.as_deref() == Some(ch.id.as_str()))
                    .map(crate::diff::report::line)
                    .collect();
                if !lines.is_empty() {
                    response.on_hover_text(lines.join("\n"));
                }
            }
        });
        if copy {
            let md = crate::diff::to_markdown(&c.changes, &c.against, &self.doc.display_name());
            ctx.copy_text(md);
            self.toasts.info(if fi { "Muutokset kopioitu Markdownina" } else { "Changes copied as Markdown" });
        }
        if export {
            self.open_modal(super::Modal::Export);
        }
        leave
    }
}
