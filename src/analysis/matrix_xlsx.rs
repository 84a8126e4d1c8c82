//! The channel × action matrix as an Excel workbook: the grid (a row per channel, a column per
//! stage, a cell's entries on lines of their own) and the list (a row per entry, filterable),
//! for Finnish-locale Excel, which reads a comma-separated CSV as a single column.

use super::matrix::{channel_name, entry_text, rows, synergy_text, whose};
use crate::model::{JourneyMap, Language};
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, XlsxError};

/// The list's column widths (characters).
const WIDTHS: [f64; 9] = [22.0, 14.0, 24.0, 14.0, 48.0, 24.0, 10.0, 24.0, 24.0];

/// The matrix of `map` as the bytes of an `.xlsx` file, in the map's language.
pub fn to_xlsx(map: &JourneyMap) -> Result<Vec<u8>, XlsxError> {
    let fi = map.language == Language::Finnish;
    let header =
        Format::new().set_bold().set_background_color(Color::RGB(0xE8_EE_F4)).set_border_bottom(FormatBorder::Thin);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    // A synergy's cell is tinted, as in the window.
    let synergy_fill = wrap.clone().set_background_color(Color::RGB(0xFF_F4_D6));
    let matrix = rows(map);
    let mut workbook = Workbook::new();

    let grid = workbook.add_worksheet();
    grid.set_name(if fi { "Kanavat × vaiheet" } else { "Channels × stages" })?;
    grid.write_string_with_format(0, 0, if fi { "Kanava" } else { "Channel" }, &header)?;
    grid.write_string_with_format(0, 1, if fi { "Prioriteetti" } else { "Priority" }, &header)?;
    grid.set_column_width(0, 22.0)?;
    grid.set_column_width(1, 14.0)?;
    for (i, stage) in map.stages.iter().enumerate() {
        let col = i as u16 + 2;
        grid.write_string_with_format(0, col, &stage.name, &header)?;
        grid.set_column_width(col, 36.0)?;
    }
    for (r, row) in matrix.iter().enumerate() {
        let r = r as u32 + 1;
        grid.write_string_with_format(r, 0, channel_name(row.channel.as_ref(), map.language), &wrap)?;
        grid.write_string_with_format(r, 1, row.priority.map_or("", |p| p.name(fi)), &wrap)?;
        for (i, (entries, synergy)) in row.cells.iter().zip(&row.synergies).enumerate() {
            let mut text: Vec<String> =
                entries.iter().map(|e| format!("{}{}", entry_text(e, map.language), whose(map, e))).collect();
            if !synergy.is_empty() {
                text.insert(0, format!("★ {}", synergy_text(map, synergy)));
            }
            let format = if synergy.is_empty() { &wrap } else { &synergy_fill };
            grid.write_string_with_format(r, i as u16 + 2, text.join("\n"), format)?;
        }
    }
    grid.set_freeze_panes(1, 1)?;

    let list = workbook.add_worksheet();
    list.set_name(if fi { "Luettelo" } else { "List" })?;
    for (c, (title, width)) in super::matrix::list_headers(map.language).iter().zip(WIDTHS).enumerate() {
        list.write_string_with_format(0, c as u16, *title, &header)?;
        list.set_column_width(c as u16, width)?;
    }
    let entries = super::matrix::list(map);
    for (r, fields) in entries.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, field) in fields.iter().enumerate() {
            // Effort is a number, so the list sorts by it.
            match field.parse::<f64>() {
                Ok(n) if c == 6 => list.write_number_with_format(r, c as u16, n, &wrap)?,
                _ => list.write_string_with_format(r, c as u16, field, &wrap)?,
            };
        }
    }
    list.set_freeze_panes(1, 0)?;
    list.autofilter(0, 0, entries.len() as u32, 6)?;
    workbook.save_to_buffer()
}
