//! The action plan as an Excel workbook: what a Finnish-locale Excel opens correctly (it reads
//! a comma-separated CSV as one column, since it expects semicolons there).
//!
//! Numbers are numbers and due dates are dates, so the sheet sorts and filters as a
//! spreadsheet should; text is written as text, never as a formula.

use super::{PlanRow, headers, priority, rows, status};
use crate::model::{JourneyMap, Language};
use rust_xlsxwriter::{Color, ExcelDateTime, Format, FormatBorder, Workbook, XlsxError};

/// Column widths (characters) for Id, Improvement, Stage, Priority, Value, Effort, Votes,
/// Owner, Due, Status, KPI.
const WIDTHS: [f64; 11] = [8.0, 48.0, 24.0, 12.0, 8.0, 10.0, 8.0, 24.0, 12.0, 14.0, 36.0];

/// The plan of `map` as the bytes of an `.xlsx` file, in the map's language.
pub fn to_xlsx(map: &JourneyMap) -> Result<Vec<u8>, XlsxError> {
    let language = map.language;
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(match language {
        Language::English => "Action plan",
        Language::Finnish => "Toimenpidesuunnitelma",
    })?;
    let header =
        Format::new().set_bold().set_background_color(Color::RGB(0xE8_EE_F4)).set_border_bottom(FormatBorder::Thin);
    let wrap = Format::new().set_text_wrap().set_align(rust_xlsxwriter::FormatAlign::Top);
    let top = Format::new().set_align(rust_xlsxwriter::FormatAlign::Top);
    let date = top.clone().set_num_format(match language {
        Language::English => "yyyy-mm-dd",
        Language::Finnish => "d.m.yyyy",
    });
    for (col, (title, width)) in headers(language).iter().zip(WIDTHS).enumerate() {
        let col = col as u16;
        sheet.write_string_with_format(0, col, *title, &header)?;
        sheet.set_column_width(col, width)?;
    }
    let plan = rows(map);
    for (i, row) in plan.iter().enumerate() {
        write_row(sheet, i as u32 + 1, row, language, [&wrap, &top, &date])?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, plan.len() as u32, WIDTHS.len() as u16 - 1)?;
    workbook.save_to_buffer()
}

/// One item on row `r`: `formats` are for wrapped text, other cells, and dates.
fn write_row(
    sheet: &mut rust_xlsxwriter::Worksheet,
    r: u32,
    row: &PlanRow,
    language: Language,
    [wrap, top, date]: [&Format; 3],
) -> Result<(), XlsxError> {
    let imp = &row.improvement;
    sheet.write_string_with_format(r, 0, &row.id, top)?;
    sheet.write_string_with_format(r, 1, &row.title, wrap)?;
    sheet.write_string_with_format(r, 2, &row.stage, wrap)?;
    sheet.write_string_with_format(r, 3, priority(imp.priority, language), top)?;
    for (col, value) in [(4, imp.value), (5, imp.effort)] {
        if let Some(v) = value {
            sheet.write_number_with_format(r, col, f64::from(v), top)?;
        }
    }
    if let Some(votes) = imp.votes {
        sheet.write_number_with_format(r, 6, f64::from(votes), top)?;
    }
    sheet.write_string_with_format(r, 7, &imp.owner, wrap)?;
    if let Some(due) = imp.due {
        sheet.write_datetime_with_format(r, 8, ExcelDateTime::from_ymd(due.year, due.month, due.day)?, date)?;
    }
    sheet.write_string_with_format(r, 9, status(imp.status, language), top)?;
    sheet.write_string_with_format(r, 10, &imp.kpi, wrap)?;
    Ok(())
}
