//! The persona bar above the canvas: *All · Maija · Pekka · +*. Choosing a persona shows
//! that persona's journey (the cards everyone shares and its own), and makes keys 1–5, the
//! smiley picker and the inspector rate for it. A persona's menu (right click) edits,
//! duplicates, moves or deletes it; each is one undo step.

use crate::app::{PolkuApp, UiLanguage};
use crate::edit::{Command, persona_ops};
use crate::layout::cast::Mark;
use crate::model::PersonaId;
use egui::{RichText, Ui};

/// The glyph of a persona's marker shape, for the bar and the menus.
pub fn mark_glyph(place: usize) -> &'static str {
    match Mark::of(place) {
        Mark::Circle => "●",
        Mark::Square => "■",
        Mark::Triangle => "▲",
        Mark::Diamond => "◆",
        Mark::TriangleDown => "▼",
        Mark::Hexagon => "⬣",
    }
}

/// What the bar was asked to do this frame.
enum BarAction {
    Show(Option<PersonaId>),
    Edit(PersonaId),
    Add,
    Duplicate(PersonaId),
    Move(PersonaId, usize),
    Delete(PersonaId),
}

impl PolkuApp {
    /// Draws the persona bar and carries out what was chosen in it.
    pub(crate) fn persona_bar(&mut self, ui: &mut Ui) {
        let fi = self.prefs.language == UiLanguage::Finnish;
        let theme = self.theme();
        let in_view = self.persona_in_view().cloned();
        let map = &self.doc.map;
        let count = map.personas.len();
        let mut action = None;
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(if fi { "Persoonat" } else { "Personas" }).strong());
            if count > 1 {
                let all = if fi { format!("Kaikki ({count})") } else { format!("All ({count})") };
                let r = ui.selectable_label(in_view.is_none(), all).on_hover_text(if fi {
                    "Näytä jokaisen persoonan polku; kortit merkitään persoonien tunnuksin"
                } else {
                    "Show every persona's journey; cards are marked with persona chips"
                });
                if r.clicked() {
                    action = Some(BarAction::Show(None));
                }
                ui.separator();
            }
            for (i, p) in map.personas.iter().enumerate() {
                let colour = theme.persona_colour(i);
                let name = p.display_name(i, fi);
                let mut job = egui::text::LayoutJob::default();
                let font = egui::TextStyle::Button.resolve(ui.style());
                job.append(mark_glyph(i), 0.0, egui::TextFormat::simple(font.clone(), colour));
                job.append(&format!(" {name}"), 0.0, egui::TextFormat::simple(font, ui.visuals().text_color()));
                let selected = in_view.as_ref() == Some(&p.id);
                let r = ui.selectable_label(selected, job);
                r.widget_info(|| {
                    egui::WidgetInfo::selected(
                        egui::Role::Button,
                        true,
                        selected,
                        format!("{} {name}", if fi { "Persoona" } else { "Persona" }),
                    )
                });
                let r = r.on_hover_text(if fi {
                    "Näytä tämän persoonan polku · oikea napsautus: muokkaa, monista, siirrä, poista"
                } else {
                    "Show this persona's journey · right click: edit, duplicate, move, delete"
                });
                if r.clicked() {
                    // With one persona there is nothing to switch: the click opens its fields.
                    action = Some(if count > 1 {
                        BarAction::Show(Some(p.id.clone()))
                    } else {
                        BarAction::Edit(p.id.clone())
                    });
                }
                r.context_menu(|ui| {
                    if ui.button(if fi { "Muokkaa…" } else { "Edit…" }).clicked() {
                        action = Some(BarAction::Edit(p.id.clone()));
                    }
                    if ui.button(if fi { "Monista" } else { "Duplicate" }).clicked() {
                        action = Some(BarAction::Duplicate(p.id.clone()));
                    }
                    if ui
                        .add_enabled(i > 0, egui::Button::new(if fi { "Siirrä vasemmalle" } else { "Move left" }))
                        .clicked()
                    {
                        action = Some(BarAction::Move(p.id.clone(), i.saturating_sub(1)));
                    }
                    if ui
                        .add_enabled(
                            i + 1 < count,
                            egui::Button::new(if fi { "Siirrä oikealle" } else { "Move right" }),
                        )
                        .clicked()
                    {
                        action = Some(BarAction::Move(p.id.clone(), i + 1));
                    }
                    ui.separator();
                    let own = persona_ops::own_cards(map, &p.id).len();
                    let delete = match (fi, own) {
                        (true, 0) => "Poista persoona".to_owned(),
                        (true, n) => format!("Poista persoona ja sen {n} omaa korttia"),
                        (false, 0) => "Delete persona".to_owned(),
                        (false, 1) => "Delete persona and its 1 own card".to_owned(),
                        (false, n) => format!("Delete persona and its {n} own cards"),
                    };
                    let r = ui.add_enabled(count > 1, egui::Button::new(delete));
                    let r = r.on_disabled_hover_text(if fi {
                        "Kartalla on aina vähintään yksi persoona"
                    } else {
                        "A map always keeps one persona"
                    });
                    if r.clicked() {
                        action = Some(BarAction::Delete(p.id.clone()));
                    }
                });
            }
            let add = if fi { "+ Lisää persoona" } else { "+ Add persona" };
            if ui.button(add).clicked() {
                action = Some(BarAction::Add);
            }
        });
        if let Some(action) = action {
            self.persona_bar_action(action, fi);
        }
    }

    fn persona_bar_action(&mut self, action: BarAction, fi: bool) {
        let map = &self.doc.map;
        let command = match action {
            BarAction::Show(p) => {
                self.editor.persona = p;
                return;
            }
            BarAction::Edit(id) => {
                self.edit_persona(id);
                return;
            }
            BarAction::Add => {
                let (command, id) = persona_ops::add_persona(map, fi);
                self.apply_persona_command(command);
                self.edit_persona(id);
                return;
            }
            BarAction::Duplicate(id) => match persona_ops::duplicate_persona(map, &id, fi) {
                Some((command, copy)) => {
                    self.apply_persona_command(command);
                    self.edit_persona(copy);
                    return;
                }
                None => return,
            },
            BarAction::Move(id, to) => Command::MovePersona { id, to },
            BarAction::Delete(id) => {
                let name = map.persona_index(&id).map(|i| map.personas[i].display_name(i, fi)).unwrap_or_default();
                let own = persona_ops::own_cards(map, &id).len();
                let Some(command) = persona_ops::delete_persona(map, &id) else { return };
                self.apply_persona_command(command);
                if self.editor.persona.as_ref() == Some(&id) {
                    self.editor.persona = None;
                }
                self.editor.selection.retain_existing(&self.doc.map);
                let undo = if fi { "Ctrl+Z palauttaa" } else { "Ctrl+Z brings it back" };
                self.toasts.info(match (fi, own) {
                    (true, 0) => format!("{name} poistettu · {undo}"),
                    (true, n) => format!("{name} ja {n} omaa korttia poistettu · {undo}"),
                    (false, 0) => format!("{name} deleted · {undo}"),
                    (false, n) => format!("{name} and {n} own cards deleted · {undo}"),
                });
                return;
            }
        };
        self.apply_persona_command(command);
    }

    fn apply_persona_command(&mut self, command: Command) {
        if let Err(e) = self.doc.apply(command) {
            self.toasts.error(e.to_string_in(self.prefs.language.as_language()));
        }
    }

    /// Shows persona `id`'s journey and its fields in the inspector (nothing selected).
    fn edit_persona(&mut self, id: PersonaId) {
        if self.doc.map.personas.len() > 1 {
            self.editor.persona = Some(id);
        }
        self.editor.selection.items.clear();
    }
}
