//! The SWOT view (View → SWOT analysis): every stage's strengths, weaknesses, opportunities and
//! threats as a 2×2 grid, side by side in journey order. Choosing a stage selects it, and its
//! inspector edits the analysis (each change a command, as everywhere).

use crate::app::PolkuApp;
use crate::app::canvas::selection::Sel;
use crate::app::i18n::UiLanguage;
use crate::model::Quadrant;
use egui::{Color32, RichText};

/// The width of one stage's grid.
const STAGE_WIDTH: f32 = 300.0;

impl PolkuApp {
    /// The SWOT window, when open.
    pub(crate) fn swot_window(&mut self, ctx: &egui::Context) {
        if !self.swot_open {
            return;
        }
        let fi = self.prefs.language == UiLanguage::Finnish;
        let theme = self.theme();
        let mut open = true;
        let mut select = None;
        let mut export = false;
        egui::Window::new(if fi { "SWOT-analyysi" } else { "SWOT analysis" })
            .id(egui::Id::unique("swot-window"))
            .open(&mut open)
            .resizable(true)
            .default_size([STAGE_WIDTH * 3.2, 460.0])
            .show(ctx, |ui| {
                ui.horizontal(|ui| {
                    let done = crate::analysis::swot::count(&self.doc.map);
                    let total = self.doc.map.stages.len();
                    ui.label(if fi {
                        format!(
                            "{done}/{total} vaiheella on SWOT-analyysi. Valitse vaihe muokataksesi sitä tarkastimessa."
                        )
                    } else {
                        format!(
                            "{done} of {total} stages have a SWOT analysis. Choose a stage to edit it in the inspector."
                        )
                    });
                    if ui.button(if fi { "Vie (Markdown)…" } else { "Export (Markdown)…" }).clicked() {
                        export = true;
                    }
                });
                ui.separator();
                egui::ScrollArea::both().auto_shrink([false, false]).show(ui, |ui| {
                    ui.horizontal_top(|ui| {
                        for (i, stage) in self.doc.map.stages.iter().enumerate() {
                            let selected = self.editor.selection.items.contains(&Sel::Stage(stage.id.clone()));
                            ui.vertical(|ui| {
                                ui.set_width(STAGE_WIDTH);
                                let title = RichText::new(format!("{}. {}", i + 1, stage.name)).strong();
                                if ui.selectable_label(selected, title).clicked() {
                                    select = Some(stage.id.clone());
                                }
                                egui::Grid::new(("swot", i))
                                    .num_columns(2)
                                    .min_col_width(STAGE_WIDTH / 2.0 - 8.0)
                                    .max_col_width(STAGE_WIDTH / 2.0 - 8.0)
                                    .spacing([8.0, 6.0])
                                    .show(ui, |ui| {
                                        for row in Quadrant::ALL.chunks(2) {
                                            for &q in row {
                                                quadrant(ui, q, theme.swot_colour(q), stage.swot.items(q), fi);
                                            }
                                            ui.end_row();
                                        }
                                    });
                            });
                            ui.separator();
                        }
                    });
                });
            });
        if let Some(id) = select {
            self.editor.selection.items = vec![Sel::Stage(id)];
        }
        if export {
            self.export_swot(ctx);
        }
        self.swot_open &= open;
    }

    /// Asks where to save the SWOT analyses as Markdown.
    pub(crate) fn export_swot(&mut self, ctx: &egui::Context) {
        let stem = self.report_stem();
        self.pick_file(ctx, crate::app::dialogs::file_picker::FilePurpose::ExportSwot, &format!("{stem}-swot.md"));
    }

    /// Writes the SWOT analyses to `path` as Markdown.
    pub(crate) fn write_swot(&mut self, path: &std::path::Path) {
        self.write_report(path, Ok(crate::analysis::swot::to_markdown(&self.doc.map).into_bytes()));
    }
}

/// One quadrant: its name in its colour over its items.
fn quadrant(ui: &mut egui::Ui, q: Quadrant, colour: Color32, items: &[String], fi: bool) {
    egui::Frame::group(ui.style()).stroke(egui::Stroke::new(1.0, colour.gamma_multiply(0.6))).show(ui, |ui| {
        ui.set_width(STAGE_WIDTH / 2.0 - 22.0);
        ui.set_min_height(90.0);
        ui.vertical(|ui| {
            ui.label(RichText::new(q.name(fi)).strong().color(colour));
            let items: Vec<&str> = items.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).collect();
            if items.is_empty() {
                ui.label(RichText::new("—").weak());
            }
            for item in items {
                ui.add(egui::Label::new(format!("•\u{a0}{item}")).wrap());
            }
        });
    });
}
