//! The keyboard-shortcut overlay (F1): every action and its keys, from the actions table the
//! menus use too.

use super::Outcome;
use crate::app::actions::{self, Group, PRESENT_ACTIONS, PRESENT_EXTRA};
use crate::app::{ACTIONS, PolkuApp, UiLanguage};

impl PolkuApp {
    /// The help overlay: every action and its shortcuts, from the same table as the menus.
    pub(super) fn help_ui(&mut self, ctx: &egui::Context) -> Outcome {
        let lang = usize::from(self.prefs.language == UiLanguage::Finnish);
        let mut open = true;
        let presenting = self.mode.is_presenting();
        let height = (ctx.content_rect().height() - 120.0).clamp(200.0, 820.0);
        egui::Window::new(if lang == 1 { "Pikanäppäimet" } else { "Keyboard shortcuts" })
            .open(&mut open)
            .collapsible(false)
            .default_height(height)
            .max_height(height)
            .show(ctx, |ui| {
                egui::ScrollArea::vertical().max_height(height).auto_shrink([false, false]).show(ui, |ui| {
                    // While presenting, the presentation's keys come first.
                    if presenting {
                        present_keys(ui, ctx, lang);
                        ui.add_space(10.0);
                        editor_keys(ui, ctx, lang);
                    } else {
                        editor_keys(ui, ctx, lang);
                        ui.add_space(10.0);
                        present_keys(ui, ctx, lang);
                    }
                });
            });
        if open { Outcome::Open } else { Outcome::Closed }
    }
}

/// The editor's actions and mouse gestures.
fn editor_keys(ui: &mut egui::Ui, ctx: &egui::Context, lang: usize) {
    for group in Group::ALL {
        ui.heading(group.name()[lang]);
        egui::Grid::new(("help", group.name()[0])).striped(true).num_columns(2).min_col_width(280.0).show(ui, |ui| {
            for def in ACTIONS.iter().filter(|d| Group::of(d.action) == group) {
                ui.label(def.help[lang]);
                let keys: Vec<String> = actions::keys_of(def).map(|s| ctx.format_shortcut(s)).collect();
                // Actions without a key are in the menus; the help says where.
                ui.label(if keys.is_empty() {
                    if lang == 1 { "valikko" } else { "menu" }.to_owned()
                } else {
                    keys.join(", ")
                });
                ui.end_row();
            }
        });
        ui.add_space(6.0);
    }
    ui.heading(if lang == 1 { "Hiirellä" } else { "With the mouse" });
    egui::Grid::new("help-mouse").striped(true).num_columns(2).min_col_width(280.0).show(ui, |ui| {
        let extra: [[&str; 2]; 8] = [
            ["Drag a card: move it to another cell", "Vedä korttia: siirrä toiseen soluun"],
            ["Drag a stage or lane header: reorder", "Vedä vaiheen tai kaistan otsikkoa: järjestä"],
            ["Drag a stage's right edge: resize", "Vedä vaiheen oikeaa reunaa: muuta leveyttä"],
            ["Shift+drag the background: select an area", "Vaihto+vedä taustaa: valitse alue"],
            ["Double-click an empty cell: add a card", "Kaksoisnapsauta tyhjää solua: lisää kortti"],
            [
                "Drag a card's green or grey handle to another card: improvement or flow arrow",
                "Vedä kortin vihreä tai harmaa kahva toiseen korttiin: parannus- tai kulkunuoli",
            ],
            [
                "Drag an end of a selected arrow onto another card: re-target it",
                "Vedä valitun nuolen päätä toiseen korttiin: vaihda kohde",
            ],
            [
                "Drag an item in the value × effort matrix: re-rate it",
                "Vedä kohdetta arvo × työmäärä -nelikentässä: arvioi uudelleen",
            ],
        ];
        for e in extra {
            ui.label(e[lang]);
            ui.label(if lang == 1 { "hiiri" } else { "mouse" });
            ui.end_row();
        }
    });
}

/// The presentation's keys and clicks.
fn present_keys(ui: &mut egui::Ui, ctx: &egui::Context, lang: usize) {
    ui.heading(if lang == 1 { "Esitys (F5)" } else { "Presenting (F5)" });
    egui::Grid::new("help-present").striped(true).num_columns(2).show(ui, |ui| {
        for def in PRESENT_ACTIONS {
            ui.label(def.help[lang]);
            let keys: Vec<String> = def.shortcuts.iter().map(|s| ctx.format_shortcut(s)).collect();
            ui.label(keys.join(", "));
            ui.end_row();
        }
        for e in PRESENT_EXTRA {
            ui.label(e[2 + lang]);
            ui.label(e[lang]);
            ui.end_row();
        }
    });
}
