//! The channel × action matrix tab of the action plan panel (seed 004): channels as rows,
//! stages as columns, each cell the touchpoints (•) and actions (→) there. A row's priority
//! (now / later / not used) is set in place as a command; clicking an entry shows it on the
//! canvas.

use crate::analysis::matrix::{self, Row};
use crate::app::PolkuApp;
use crate::app::panels::plan_panel::PlanChanges;
use crate::model::{ChannelPriority, Language};
use egui::{RichText, Ui};

/// Which rows the matrix shows, by their channel's priority.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PriorityFilter {
    #[default]
    All,
    Is(ChannelPriority),
    /// Channels nobody has given a priority yet.
    Unset,
}

impl PriorityFilter {
    fn keeps(self, row: &Row) -> bool {
        match self {
            PriorityFilter::All => true,
            PriorityFilter::Is(p) => row.priority == Some(p),
            PriorityFilter::Unset => row.priority.is_none(),
        }
    }
}

/// The width of a stage's column.
const COLUMN: f32 = 190.0;

impl PolkuApp {
    pub(crate) fn channel_matrix(&mut self, ui: &mut Ui, lang: Language, ch: &mut PlanChanges) {
        let fi = lang == Language::Finnish;
        let rows = matrix::rows(&self.doc.map);
        let filter = &mut self.editor.plan_view.channel_filter;
        let mut export = false;
        ui.horizontal_wrapped(|ui| {
            let name = |f: PriorityFilter| match f {
                PriorityFilter::All => (if fi { "Kaikki kanavat" } else { "All channels" }).to_owned(),
                PriorityFilter::Is(p) => p.name(fi).to_owned(),
                PriorityFilter::Unset => (if fi { "Ei priorisoitu" } else { "No priority yet" }).to_owned(),
            };
            egui::ComboBox::from_id_salt("channel-priority-filter").selected_text(name(*filter)).show_ui(ui, |ui| {
                let choices = [PriorityFilter::All]
                    .into_iter()
                    .chain(ChannelPriority::ALL.map(PriorityFilter::Is))
                    .chain([PriorityFilter::Unset]);
                for f in choices {
                    ui.selectable_value(filter, f, name(f));
                }
            });
            ui.label(
                RichText::new(if fi {
                    "→ toimenpide (S = jatkuva strateginen, T = lyhyen aikavälin taktinen) · • kosketuspiste"
                } else {
                    "→ action (S = continuous strategic, T = short-term tactical) · • touchpoint"
                })
                .small()
                .weak(),
            );
            if ui.button(if fi { "Vie (Excel, CSV, Markdown)…" } else { "Export (Excel, CSV, Markdown)…" }).clicked()
            {
                export = true;
            }
        });
        let filter = *filter;
        let shown: Vec<&Row> = rows.iter().filter(|r| filter.keeps(r)).collect();
        let mut set = None;
        egui::ScrollArea::both().id_salt("channel-matrix").auto_shrink(false).show(ui, |ui| {
            egui::Grid::new("channel-matrix-grid").striped(true).min_col_width(COLUMN).max_col_width(COLUMN).show(
                ui,
                |ui| {
                    ui.label(RichText::new(if fi { "Kanava" } else { "Channel" }).strong());
                    for s in &self.doc.map.stages {
                        ui.label(RichText::new(&s.name).strong());
                    }
                    ui.end_row();
                    for (i, row) in shown.iter().enumerate() {
                        ui.vertical(|ui| {
                            ui.label(RichText::new(matrix::channel_name(row.channel.as_ref(), lang)).strong());
                            if let Some(channel) = &row.channel {
                                let mut priority = row.priority;
                                let text = priority.map_or("—", |p| p.name(fi));
                                egui::ComboBox::from_id_salt(("channel-priority", i)).selected_text(text).show_ui(
                                    ui,
                                    |ui| {
                                        ui.selectable_value(&mut priority, None, "—");
                                        for p in ChannelPriority::ALL {
                                            ui.selectable_value(&mut priority, Some(p), p.name(fi));
                                        }
                                    },
                                );
                                if priority != row.priority {
                                    set = Some((channel.clone(), priority));
                                }
                            }
                        });
                        for entries in &row.cells {
                            ui.vertical(|ui| {
                                for e in entries {
                                    let text = matrix::entry_text(e, lang);
                                    let text =
                                        if e.action { RichText::new(text).strong() } else { RichText::new(text) };
                                    if ui.add(egui::Button::new(text).frame(false).wrap()).clicked() {
                                        ch.show = Some(e.item.clone());
                                    }
                                }
                            });
                        }
                        ui.end_row();
                    }
                },
            );
            if shown.is_empty() {
                ui.label(if fi {
                    "Ei kanavia: anna kosketuspisteille kanava tarkastimessa."
                } else {
                    "No channels yet: give touchpoints a channel in the inspector."
                });
            }
        });
        if let Some((channel, priority)) = set {
            let command = crate::edit::ops::set_channel_priority(&self.doc.map, &channel, priority);
            if let Err(e) = self.doc.apply(command) {
                self.toasts.error(e.to_string_in(lang));
            }
        }
        if export {
            let stem = self.report_stem();
            let ctx = ui.ctx().clone();
            self.pick_file(
                &ctx,
                crate::app::dialogs::file_picker::FilePurpose::ExportMatrix,
                &format!("{stem}-channels.xlsx"),
            );
        }
    }

    /// Writes the channel × action matrix to `path`: Excel, Markdown or CSV by its extension.
    pub(crate) fn write_matrix(&mut self, path: &std::path::Path) {
        self.write_report(path, matrix::file_bytes(&self.doc.map, path));
    }
}
