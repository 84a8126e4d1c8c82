//! A date field that takes typing. While the field has the keyboard it keeps what is typed,
//! even half a date, and changes the value only when the text is a real date (or, once left
//! empty, to none); an unfinished date is outlined in red with a hint below, and put back when
//! the field loses the keyboard. Dates show as the user interface's language writes them, and
//! either ISO (2027-03-31) or Finnish (31.3.2027) typing is understood.

use crate::model::{Date, Language};
use egui::{Color32, Response, RichText, Stroke, TextEdit, Ui};

const INVALID: Color32 = Color32::from_rgb(0xC0, 0x39, 0x2B);

/// Shows the field; `date` changes only to a valid date or to `None`.
pub fn date_field(
    ui: &mut Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    label: &str,
    width: f32,
    date: &mut Option<Date>,
    language: Language,
) -> Response {
    let fi = language == Language::Finnish;
    let id = ui.make_persistent_id(("date-field", id_salt));
    let shown = date.map(|d| d.in_language(language)).unwrap_or_default();
    let mut text: String = ui.data(|d| d.get_temp(id)).unwrap_or_else(|| shown.clone());
    let hint = if fi { "PP.KK.VVVV" } else { "YYYY-MM-DD" };
    let response = ui.add(TextEdit::singleline(&mut text).id(id).hint_text(hint).desired_width(width));
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, label));
    let trimmed = text.trim();
    let parsed = if trimmed.is_empty() { Some(None) } else { Date::parse_typed(trimmed).map(Some) };
    // A whole date counts at once; an emptied field only once it is left, so that clearing
    // it to type another date does not lose the old one on the way.
    match parsed {
        Some(Some(new)) if response.changed() => *date = Some(new),
        Some(None) if response.lost_focus() => *date = None,
        _ => {}
    }
    if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(id, text.clone()));
    } else {
        ui.data_mut(|d| d.remove::<String>(id));
    }
    if parsed.is_none() && response.has_focus() {
        ui.painter().rect_stroke(response.rect.expand(1.0), 3.0, Stroke::new(1.5, INVALID), egui::StrokeKind::Outside);
        let example = if fi {
            "Ei vielä päivämäärä: esim. 31.3.2027 tai 2027-03-31"
        } else {
            "Not a date yet: e.g. 2027-03-31 or 31.3.2027"
        };
        ui.label(RichText::new(example).small().color(INVALID));
    }
    response
}
