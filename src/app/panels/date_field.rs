//! A date typed as YYYY-MM-DD. While the field has the keyboard it keeps what is typed, even
//! half a date, and changes the value only when the text is a real date (or empty, for none);
//! an unfinished date is outlined in red and put back when the field loses the keyboard.

use crate::model::Date;
use egui::{Color32, Response, Stroke, TextEdit, Ui};

/// Shows the field; `date` changes only to a valid date or to `None`.
pub fn date_field(
    ui: &mut Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    label: &str,
    width: f32,
    date: &mut Option<Date>,
) -> Response {
    let id = ui.make_persistent_id(("date-field", id_salt));
    let shown = date.map(|d| d.to_string()).unwrap_or_default();
    let mut text: String = ui.data(|d| d.get_temp(id)).unwrap_or_else(|| shown.clone());
    let response = ui.add(TextEdit::singleline(&mut text).id(id).hint_text("YYYY-MM-DD").desired_width(width));
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, label));
    let trimmed = text.trim();
    let parsed = if trimmed.is_empty() { Some(None) } else { Date::parse(trimmed).map(Some) };
    if response.changed()
        && let Some(new) = parsed
    {
        *date = new;
    }
    if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(id, text.clone()));
    } else {
        ui.data_mut(|d| d.remove::<String>(id));
    }
    if parsed.is_none() && response.has_focus() {
        ui.painter().rect_stroke(
            response.rect.expand(1.0),
            3.0,
            Stroke::new(1.5, Color32::from_rgb(0xC0, 0x39, 0x2B)),
            egui::StrokeKind::Outside,
        );
        return response.on_hover_text("YYYY-MM-DD, e.g. 2027-03-31");
    }
    response
}
