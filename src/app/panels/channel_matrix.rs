//! The channel × action matrix tab of the action plan panel (seed 004): channels as rows,
//! stages as columns, each cell the touchpoints (•) and actions (→) there. A row's priority
//! (now / later / not used) is set in place as a command; clicking an entry shows it on the
//! canvas. With several personas, entries carry their personas' marks, a cell where two or
//! more personas meet the channel is highlighted as a synergy, and one persona's journey can
//! be shown alone.

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
        let map = &self.doc.map;
        let persona = self.editor.plan_view.matrix_persona.clone().filter(|p| map.persona(p).is_some());
        let rows = matrix::rows_for(map, persona.as_ref());
        let filter = &mut self.editor.plan_view.channel_filter;
        let chosen_persona = &mut self.editor.plan_view.matrix_persona;
        let theme = crate::theme::Theme::of(self.prefs.theme);
        let mut export = false;
        ui.horizontal_wrapped(|ui| {
            if map.personas.len() > 1 {
                let all = if fi { "Kaikki persoonat" } else { "All personas" };
                let name = |p: &crate::model::PersonaId| {
                    map.persona_index(p).map_or_else(String::new, |i| map.personas[i].display_name(i, fi))
                };
                let shown = persona.as_ref().map_or_else(|| all.to_owned(), name);
                let combo = egui::ComboBox::from_id_salt("matrix-persona").selected_text(shown).show_ui(ui, |ui| {
                    ui.selectable_value(chosen_persona, None, all);
                    for (i, p) in map.personas.iter().enumerate() {
                        ui.selectable_value(chosen_persona, Some(p.id.clone()), p.display_name(i, fi));
                    }
                });
                let label = if fi { "Persoona" } else { "Persona" };
                combo.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, label));
            }
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
                    for s in &map.stages {
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
                        for (entries, synergy) in row.cells.iter().zip(&row.synergies) {
                            let frame = if synergy.is_empty() {
                                egui::Frame::new()
                            } else {
                                // The same warm tint as the exported workbook's synergy cells.
                                egui::Frame::new()
                                    .fill(ui.visuals().warn_fg_color.gamma_multiply(0.18))
                                    .corner_radius(4.0)
                                    .inner_margin(4.0)
                            };
                            frame.show(ui, |ui| {
                                ui.vertical(|ui| {
                                    if !synergy.is_empty() {
                                        let text = format!("★ {}", matrix::synergy_text(map, synergy));
                                        ui.label(RichText::new(text).strong().color(ui.visuals().warn_fg_color));
                                    }
                                    for e in entries {
                                        let mut job = egui::text::LayoutJob::default();
                                        let font = egui::TextStyle::Button.resolve(ui.style());
                                        let ink = ui.visuals().text_color();
                                        let mut format = egui::TextFormat::simple(font.clone(), ink);
                                        if e.action {
                                            format.font_id = egui::FontId::new(font.size, crate::fonts::bold());
                                        }
                                        job.append(&matrix::entry_text(e, lang), 0.0, format);
                                        // Whose it is, as the persona bar marks them, unless everyone's.
                                        if map.personas.len() > 1 && e.personas.len() < map.personas.len() {
                                            for p in &e.personas {
                                                let i = map.persona_index(p).unwrap_or(0);
                                                let glyph = super::persona_bar::mark_glyph(i);
                                                let colour = theme.persona_colour(i);
                                                job.append(glyph, 4.0, egui::TextFormat::simple(font.clone(), colour));
                                            }
                                        }
                                        job.wrap.max_width = COLUMN;
                                        let hover = format!("{}{}", matrix::entry_text(e, lang), matrix::whose(map, e));
                                        let r = ui.add(egui::Button::new(job).frame(false).wrap()).on_hover_text(hover);
                                        if r.clicked() {
                                            ch.show = Some(e.item.clone());
                                        }
                                    }
                                });
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
