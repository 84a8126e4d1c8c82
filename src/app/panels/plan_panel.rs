//! The action plan panel under the canvas: every improvement item of the map as a table, or
//! as a value × effort matrix. Filters narrow both views; the table sorts by any column.
//! Clicking an item selects it and brings it into view on the canvas; editing a cell edits the
//! card or arrow through a command, so it can be undone like any other edit.

use crate::app::PolkuApp;
use crate::app::canvas::selection::Sel;
use crate::app::i18n::UiLanguage;
use crate::model::{Improvement, Language, Priority, Status};
use crate::plan::{self, Filter, ItemRef, PlanRow, Sort, SortKey};
use egui::{RichText, TextEdit, Ui};
use egui_extras::{Column, TableBuilder};

/// Which view of the plan is showing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PlanTab {
    #[default]
    Table,
    Matrix,
    /// Channels × stages (seed 004).
    Channels,
}

/// The panel's session state: never saved, never undone.
#[derive(Clone, Debug, Default)]
pub struct PlanView {
    pub tab: PlanTab,
    pub filter: Filter,
    pub sort: Sort,
    pub channel_filter: super::channel_matrix::PriorityFilter,
    /// The channel matrix shows this persona's journey only; `None`: every persona's.
    pub matrix_persona: Option<crate::model::PersonaId>,
}

/// What the user did to one row this frame.
pub(crate) enum RowEdit {
    Title(String),
    Improvement(Improvement),
}

/// The edits and clicks of one frame, applied after the table is drawn.
#[derive(Default)]
pub(crate) struct PlanChanges {
    pub edits: Vec<(ItemRef, RowEdit, &'static str)>,
    /// Text typed (merged into one step per field) rather than a choice made.
    pub typed: bool,
    pub gained_focus: bool,
    pub show: Option<ItemRef>,
}

/// The table's columns: sort key and name in English and Finnish.
const COLUMNS: [(SortKey, &str, &str); 10] = [
    (SortKey::Title, "Improvement", "Parannus"),
    (SortKey::Stage, "Stage", "Vaihe"),
    (SortKey::Priority, "Priority", "Prioriteetti"),
    (SortKey::Value, "Value", "Arvo"),
    (SortKey::Effort, "Effort", "Työmäärä"),
    (SortKey::Votes, "Votes", "Äänet"),
    (SortKey::Owner, "Owner", "Vastuuhenkilö"),
    (SortKey::Due, "Due", "Määräpäivä"),
    (SortKey::Status, "Status", "Tila"),
    (SortKey::Kpi, "KPI", "Mittari"),
];

impl PolkuApp {
    fn plan_language(&self) -> Language {
        if self.prefs.language == UiLanguage::Finnish { Language::Finnish } else { Language::English }
    }

    /// Draws the panel's contents.
    pub(crate) fn plan_panel(&mut self, ui: &mut Ui) {
        let lang = self.plan_language();
        let fi = lang == Language::Finnish;
        let all = plan::rows(&self.doc.map);
        if self.editor.plan_view.filter.stage.as_ref().is_some_and(|s| self.doc.map.stage(s).is_none()) {
            self.editor.plan_view.filter.stage = None;
        }
        let mut rows = self.editor.plan_view.filter.apply(all.clone());
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(if fi { "Toimenpidesuunnitelma" } else { "Action plan" }).heading());
            ui.separator();
            let tab = &mut self.editor.plan_view.tab;
            ui.selectable_value(tab, PlanTab::Table, if fi { "Taulukko" } else { "Table" });
            ui.selectable_value(tab, PlanTab::Matrix, if fi { "Arvo × työmäärä" } else { "Value × effort" });
            ui.selectable_value(tab, PlanTab::Channels, if fi { "Kanavat × vaiheet" } else { "Channels × stages" });
            ui.separator();
            self.plan_filters(ui, &all, fi);
            ui.separator();
            ui.label(if fi {
                format!("{} / {} kohdetta", rows.len(), all.len())
            } else {
                format!("{} of {} items", rows.len(), all.len())
            });
            ui.separator();
            if ui.button(if fi { "Vie (Excel, CSV, Markdown)…" } else { "Export (Excel, CSV, Markdown)…" }).clicked()
            {
                let ctx = ui.ctx().clone();
                self.run_action(&ctx, crate::app::Action::ExportPlan, self.editor.last_canvas);
            }
        });
        ui.separator();
        if self.editor.plan_view.tab == PlanTab::Channels {
            let mut changes = PlanChanges::default();
            self.channel_matrix(ui, lang, &mut changes);
            self.apply_plan_changes(ui.ctx(), changes);
            return;
        }
        if all.is_empty() {
            ui.add_space(12.0);
            ui.label(if fi {
                "Ei parannuskohteita vielä. Valitse kortti tai nuoli ja paina I, tai rastita \
                 tarkastimessa ”Parannuskohde”."
            } else {
                "No improvement items yet. Select a card or an arrow and press I, or tick \
                 “Improvement item” in the inspector."
            });
            return;
        }
        let mut changes = PlanChanges::default();
        match self.editor.plan_view.tab {
            PlanTab::Table => {
                self.editor.plan_view.sort.apply(&mut rows);
                self.plan_table(ui, &rows, lang, &mut changes);
            }
            PlanTab::Matrix => self.plan_matrix(ui, &rows, lang, &mut changes),
            PlanTab::Channels => {}
        }
        self.apply_plan_changes(ui.ctx(), changes);
    }

    fn plan_filters(&mut self, ui: &mut Ui, all: &[PlanRow], fi: bool) {
        let lang = self.plan_language();
        let f = &mut self.editor.plan_view.filter;
        let stages: Vec<_> = self.doc.map.stages.iter().map(|s| (s.id.clone(), s.name.clone())).collect();
        let all_stages = if fi { "Kaikki vaiheet" } else { "All stages" };
        filter_combo(ui, if fi { "Vaihesuodatin" } else { "Stage filter" }, all_stages, &mut f.stage, &stages);
        let mut owners: Vec<String> = all.iter().map(|r| r.improvement.owner.trim().to_owned()).collect();
        // An owner being filtered on stays nameable after its last item is renamed away.
        owners.extend(f.owner.clone());
        owners.sort_by_key(|o| o.to_lowercase());
        owners.dedup();
        let no_owner = if fi { "(ei vastuuhenkilöä)" } else { "(no owner)" };
        let owners: Vec<_> =
            owners.into_iter().map(|o| (o.clone(), if o.is_empty() { no_owner.to_owned() } else { o })).collect();
        let all_owners = if fi { "Kaikki vastuuhenkilöt" } else { "All owners" };
        filter_combo(ui, if fi { "Vastuuhenkilösuodatin" } else { "Owner filter" }, all_owners, &mut f.owner, &owners);
        let statuses: Vec<_> = Status::ALL.iter().map(|s| (*s, plan::status(*s, lang).to_owned())).collect();
        filter_combo(
            ui,
            if fi { "Tilasuodatin" } else { "Status filter" },
            if fi { "Kaikki tilat" } else { "All statuses" },
            &mut f.status,
            &statuses,
        );
        let priorities: Vec<_> = Priority::ALL.iter().map(|p| (*p, plan::priority(*p, lang).to_owned())).collect();
        let all_priorities = if fi { "Kaikki prioriteetit" } else { "All priorities" };
        filter_combo(
            ui,
            if fi { "Prioriteettisuodatin" } else { "Priority filter" },
            all_priorities,
            &mut f.priority,
            &priorities,
        );
        if ui.add_enabled(!f.is_empty(), egui::Button::new(if fi { "Tyhjennä" } else { "Clear" })).clicked() {
            *f = Filter::default();
        }
    }

    fn plan_table(&mut self, ui: &mut Ui, rows: &[PlanRow], lang: Language, ch: &mut PlanChanges) {
        let fi = lang == Language::Finnish;
        let sort = &mut self.editor.plan_view.sort;
        let selection = &self.editor.selection;
        let row_height = ui.spacing().interact_size.y + 4.0;
        // A narrow window scrolls the table sideways rather than squeezing every column.
        egui::ScrollArea::horizontal().id_salt("plan-table-scroll").auto_shrink(false).show(ui, |ui| {
            TableBuilder::new(ui)
                .id_salt("plan-table")
                .striped(true)
                .resizable(true)
                .sense(egui::Sense::click())
                .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
                .column(Column::initial(280.0).at_least(120.0).clip(true))
                .column(Column::initial(130.0).at_least(70.0).clip(true))
                .column(Column::initial(96.0).at_least(70.0))
                .column(Column::initial(60.0).at_least(50.0))
                .column(Column::initial(64.0).at_least(50.0))
                .column(Column::initial(60.0).at_least(50.0))
                .column(Column::initial(170.0).at_least(70.0).clip(true))
                .column(Column::initial(100.0).at_least(90.0))
                .column(Column::initial(112.0).at_least(80.0))
                .column(Column::remainder().at_least(160.0).clip(true))
                .min_scrolled_height(0.0)
                .header(row_height, |mut header| {
                    for (key, en, f) in COLUMNS {
                        header.col(|ui| {
                            let arrow = match (sort.key == key, sort.descending) {
                                (false, _) => "",
                                (true, false) => " ▲",
                                (true, true) => " ▼",
                            };
                            let name = if fi { f } else { en };
                            let r = ui
                                .add(egui::Button::selectable(
                                    sort.key == key,
                                    RichText::new(format!("{name}{arrow}")).strong(),
                                ))
                                .on_hover_text(if fi {
                                    "Järjestä tämän sarakkeen mukaan"
                                } else {
                                    "Sort by this column"
                                });
                            r.widget_info(|| {
                                egui::WidgetInfo::labeled(
                                    egui::Role::Button,
                                    true,
                                    if fi { format!("Järjestä: {f}") } else { format!("Sort by {en}") },
                                )
                            });
                            if r.clicked() {
                                *sort = Sort { key, descending: sort.key == key && !sort.descending };
                            }
                        });
                    }
                })
                .body(|body| {
                    body.rows(row_height, rows.len(), |mut row| {
                        let r = &rows[row.index()];
                        row.set_selected(selection.contains(&sel_of(&r.item)));
                        plan_row(&mut row, r, lang, ch);
                        if row.response().clicked() {
                            ch.show = Some(r.item.clone());
                        }
                    });
                });
        });
    }

    fn apply_plan_changes(&mut self, ctx: &egui::Context, ch: PlanChanges) {
        if ch.gained_focus {
            self.editor.typing_epoch += 1;
        }
        for (item, edit, column) in ch.edits {
            let command = match edit {
                RowEdit::Title(t) => plan::retitle(&self.doc.map, &item, &t),
                RowEdit::Improvement(new) => plan::update(&self.doc.map, &item, |imp| *imp = new),
            };
            let Some(command) = command else { continue };
            let result = if ch.typed {
                let key = format!("plan/{item:?}/{column}/{}", self.editor.typing_epoch);
                self.doc.apply_merging(command, key)
            } else {
                self.doc.apply(command)
            };
            if let Err(e) = result {
                self.toasts.error(e.to_string_in(self.prefs.language.as_language()));
            }
        }
        if let Some(item) = ch.show {
            self.show_item(ctx, &item);
        }
    }

    /// Selects an item and brings it into view on the canvas.
    pub(crate) fn show_item(&mut self, ctx: &egui::Context, item: &ItemRef) {
        self.editor.selection.set(sel_of(item));
        // An item off the journey of the persona in view: show every persona's, so it is there.
        let card = match item {
            ItemRef::Card(id) => Some(id.clone()),
            ItemRef::Arrow(id) => self.doc.map.arrow(id).map(|a| a.to.clone()),
        };
        if let (Some(p), Some(card)) = (self.persona_in_view().cloned(), card.and_then(|id| self.doc.map.card(&id)))
            && !card.is_on_journey_of(&p)
        {
            self.editor.persona = None;
        }
        let theme = self.theme();
        let layout = self.doc.layout(ctx, &theme);
        let rect = match item {
            ItemRef::Card(id) => layout.card(id).map(|c| c.rect),
            ItemRef::Arrow(id) => layout
                .arrows
                .iter()
                .find(|a| &a.id == id && !a.path.is_empty())
                .map(|a| egui::Rect::from_points(&a.path)),
        };
        if let Some(rect) = rect {
            self.editor.camera.reveal(rect, self.editor.last_canvas);
        }
    }
}

/// The selection that stands for an item.
pub(crate) fn sel_of(item: &ItemRef) -> Sel {
    match item {
        ItemRef::Card(id) => Sel::Card(id.clone()),
        ItemRef::Arrow(id) => Sel::Arrow(id.clone()),
    }
}

/// One row's cells. Every cell's accessible name is "Column: item title", so screen readers
/// and the UI tests can tell the rows apart.
fn plan_row(row: &mut egui_extras::TableRow<'_, '_>, r: &PlanRow, lang: Language, ch: &mut PlanChanges) {
    let col = |en: &'static str, fi: &'static str| if lang == Language::Finnish { fi } else { en };
    let mut imp = r.improvement.clone();
    let mut title = r.title.clone();
    if text_cell(row, r, col("Improvement", "Parannus"), &mut title, ch) {
        ch.edits.push((r.item.clone(), RowEdit::Title(title), "title"));
        ch.typed = true;
    }
    row.col(|ui| {
        // Not selectable text: a click on the stage selects the row.
        ui.add(egui::Label::new(&r.stage).selectable(false).truncate());
    });
    let priorities: Vec<(Priority, String)> =
        Priority::ALL.iter().map(|p| (*p, plan::priority(*p, lang).into())).collect();
    let mut chosen = choice_cell(row, r, col("Priority", "Prioriteetti"), &mut imp.priority, &priorities, ch);
    let scale: Vec<(Option<u8>, String)> =
        std::iter::once((None, "—".to_owned())).chain((1..=5u8).map(|v| (Some(v), v.to_string()))).collect();
    chosen |= choice_cell(row, r, col("Value", "Arvo"), &mut imp.value, &scale, ch);
    chosen |= choice_cell(row, r, col("Effort", "Työmäärä"), &mut imp.effort, &scale, ch);
    row.col(|ui| {
        // The dots a workshop's vote gave: a record, not a field to edit.
        let text = r.improvement.votes.map_or_else(String::new, |v| format!("● {v}"));
        ui.add(egui::Label::new(text).selectable(false));
    });
    let mut typed = text_cell(row, r, col("Owner", "Vastuuhenkilö"), &mut imp.owner, ch);
    row.col(|ui| {
        let label = format!("{}: {}", col("Due", "Määräpäivä"), r.title);
        let resp = crate::app::panels::date_field::date_field(
            ui,
            ("plan-due", &r.item),
            &label,
            f32::INFINITY,
            &mut imp.due,
            lang,
        );
        focused(&resp, r, ch);
        typed |= resp.changed();
    });
    let statuses: Vec<(Status, String)> = Status::ALL.iter().map(|s| (*s, plan::status(*s, lang).into())).collect();
    chosen |= choice_cell(row, r, col("Status", "Tila"), &mut imp.status, &statuses, ch);
    typed |= text_cell(row, r, "KPI", &mut imp.kpi, ch);
    if imp != r.improvement {
        // Tag the step by the kind of change so typing in one cell merges only with itself.
        let column = if chosen { "choice" } else { "text" };
        ch.edits.push((r.item.clone(), RowEdit::Improvement(imp), column));
        ch.typed |= typed && !chosen;
    }
}

/// A text cell; true when its text changed.
fn text_cell(
    row: &mut egui_extras::TableRow<'_, '_>,
    r: &PlanRow,
    col: &'static str,
    text: &mut String,
    ch: &mut PlanChanges,
) -> bool {
    let mut changed = false;
    row.col(|ui| {
        let resp = ui.add(TextEdit::singleline(text).desired_width(f32::INFINITY).hint_text("—"));
        resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, format!("{col}: {}", r.title)));
        focused(&resp, r, ch);
        changed = resp.changed();
    });
    changed
}

/// Starting to type in a row selects its item and shows it on the canvas.
fn focused(resp: &egui::Response, r: &PlanRow, ch: &mut PlanChanges) {
    if resp.gained_focus() {
        ch.gained_focus = true;
        ch.show = Some(r.item.clone());
    }
}

/// A drop-down cell; true when a new option was chosen. Opening it selects the row's item.
fn choice_cell<T: PartialEq + Copy>(
    row: &mut egui_extras::TableRow<'_, '_>,
    r: &PlanRow,
    col: &'static str,
    value: &mut T,
    options: &[(T, String)],
    ch: &mut PlanChanges,
) -> bool {
    let mut changed = false;
    row.col(|ui| {
        let current = options.iter().find(|(v, _)| v == value).map_or("", |(_, name)| name.as_str());
        let out = egui::ComboBox::from_id_salt(("plan", col, &r.item))
            .selected_text(current)
            .width(ui.available_width())
            .show_ui(ui, |ui| {
                for (v, name) in options {
                    changed |= ui.selectable_value(value, *v, name).changed();
                }
            });
        out.response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, format!("{col}: {}", r.title)));
        if out.response.clicked() {
            ch.show = Some(r.item.clone());
        }
    });
    changed
}

/// A filter drop-down: "all" (`None`) or one of `options` (value, shown name). Its accessible
/// name is `name`, whatever it shows.
fn filter_combo<T: PartialEq + Clone>(
    ui: &mut Ui,
    name: &str,
    all: &str,
    value: &mut Option<T>,
    options: &[(T, String)],
) {
    let shown = value.as_ref().and_then(|v| options.iter().find(|(o, _)| o == v)).map_or(all, |(_, n)| n.as_str());
    egui::ComboBox::from_id_salt(("plan-filter", name))
        .selected_text(shown)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, all);
            for (v, n) in options {
                ui.selectable_value(value, Some(v.clone()), n);
            }
        })
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, name));
}
