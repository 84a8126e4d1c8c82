//! The keyboard-shortcut overlay (F1): every action and its keys, from the actions table the
//! menus use too.

use super::Outcome;
use crate::app::{ACTIONS, PolkuApp, UiLanguage};

impl PolkuApp {
    /// The help overlay: every action and its shortcuts, from the same table as the menus.
    pub(super) fn help_ui(&mut self, ctx: &egui::Context) -> Outcome {
        let lang = usize::from(self.prefs.language == UiLanguage::Finnish);
        let mut open = true;
        egui::Window::new(if lang == 1 { "Pikanäppäimet" } else { "Keyboard shortcuts" })
            .open(&mut open)
            .collapsible(false)
            .show(ctx, |ui| {
                egui::Grid::new("help").striped(true).num_columns(2).show(ui, |ui| {
                    for def in ACTIONS {
                        ui.label(def.help[lang]);
                        let keys: Vec<String> = def.shortcuts.iter().map(|s| ctx.format_shortcut(s)).collect();
                        ui.label(if keys.is_empty() { "—".to_owned() } else { keys.join(", ") });
                        ui.end_row();
                    }
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
            });
        if open { Outcome::Open } else { Outcome::Closed }
    }
}
