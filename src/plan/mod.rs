//! The action plan: every improvement item of a map (on cards and on arrows) as rows, and
//! their exports as CSV, Markdown and Excel for reports.

mod edit;
mod query;
mod xlsx;

pub use edit::{retitle, update};
pub use query::{Filter, Quadrant, Sort, SortKey};
pub use xlsx::to_xlsx;

use crate::model::{ArrowId, CardId, Improvement, JourneyMap, Language, Priority, StageId, Status};

/// The map element an improvement item lives on.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ItemRef {
    Card(CardId),
    Arrow(ArrowId),
}

/// One improvement item with where it sits on the map.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanRow {
    /// The card's or arrow's id.
    pub id: String,
    pub item: ItemRef,
    pub title: String,
    /// The stage's name ("" when an arrow's target is missing).
    pub stage: String,
    pub stage_id: Option<StageId>,
    /// The stage's place on the timeline, for sorting.
    pub stage_index: usize,
    pub improvement: Improvement,
}

/// How many improvement items `map` has (what `rows(map).len()` would say, without building them).
pub fn count(map: &JourneyMap) -> usize {
    map.cards.iter().filter(|c| c.improvement.is_some()).count()
        + map.arrows.iter().filter(|a| a.improvement.is_some()).count()
}

/// The improvement items of `map`, in timeline order (stage, then file order).
pub fn rows(map: &JourneyMap) -> Vec<PlanRow> {
    let stage = |id: Option<&StageId>| {
        let index = id.and_then(|id| map.stages.iter().position(|s| &s.id == id));
        let name = index.map(|i| map.stages[i].name.clone()).unwrap_or_default();
        (name, index.map(|i| map.stages[i].id.clone()), index.unwrap_or(usize::MAX))
    };
    let mut rows: Vec<PlanRow> = map
        .cards
        .iter()
        .filter_map(|c| {
            let (name, stage_id, stage_index) = stage(Some(&c.stage));
            c.improvement.as_ref().map(|imp| PlanRow {
                id: c.id.0.to_string(),
                item: ItemRef::Card(c.id.clone()),
                title: c.title.clone(),
                stage: name,
                stage_id,
                stage_index,
                improvement: imp.clone(),
            })
        })
        .collect();
    for a in &map.arrows {
        if let Some(imp) = &a.improvement {
            let target = map.card(&a.to);
            let title =
                if a.label.is_empty() { target.map(|c| c.title.clone()).unwrap_or_default() } else { a.label.clone() };
            let (name, stage_id, stage_index) = stage(target.map(|c| &c.stage));
            rows.push(PlanRow {
                id: a.id.0.to_string(),
                item: ItemRef::Arrow(a.id.clone()),
                title,
                stage: name,
                stage_id,
                stage_index,
                improvement: imp.clone(),
            });
        }
    }
    rows.sort_by_key(|r| r.stage_index);
    rows
}

fn headers(language: Language) -> [&'static str; 11] {
    match language {
        Language::English => {
            ["Id", "Improvement", "Stage", "Priority", "Value", "Effort", "Votes", "Owner", "Due", "Status", "KPI"]
        }
        Language::Finnish => [
            "Tunnus",
            "Parannus",
            "Vaihe",
            "Prioriteetti",
            "Arvo",
            "Työmäärä",
            "Äänet",
            "Vastuuhenkilö",
            "Määräpäivä",
            "Tila",
            "Mittari",
        ],
    }
}

/// A priority's name in a language.
pub fn priority(p: Priority, language: Language) -> &'static str {
    match (p, language) {
        (Priority::High, Language::English) => "High",
        (Priority::Medium, Language::English) => "Medium",
        (Priority::Low, Language::English) => "Low",
        (Priority::High, Language::Finnish) => "Korkea",
        (Priority::Medium, Language::Finnish) => "Keski",
        (Priority::Low, Language::Finnish) => "Matala",
    }
}

/// A status's name in a language.
pub fn status(s: Status, language: Language) -> &'static str {
    match (s, language) {
        (Status::Idea, _) => "Idea",
        (Status::Planned, Language::English) => "Planned",
        (Status::InProgress, Language::English) => "In progress",
        (Status::Done, Language::English) => "Done",
        (Status::Planned, Language::Finnish) => "Suunniteltu",
        (Status::InProgress, Language::Finnish) => "Työn alla",
        (Status::Done, Language::Finnish) => "Valmis",
    }
}

fn cells(row: &PlanRow, language: Language) -> [String; 11] {
    let imp = &row.improvement;
    let num = |v: Option<u8>| v.map(|v| v.to_string()).unwrap_or_default();
    [
        row.id.clone(),
        row.title.clone(),
        row.stage.clone(),
        priority(imp.priority, language).to_owned(),
        num(imp.value),
        num(imp.effort),
        imp.votes.map(|v| v.to_string()).unwrap_or_default(),
        imp.owner.clone(),
        imp.due.map(|d| d.to_string()).unwrap_or_default(),
        status(imp.status, language).to_owned(),
        imp.kpi.clone(),
    ]
}

/// A CSV field, quoted when it must be.
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) || s.starts_with([' ', '=', '+', '-', '@']) {
        // Quoting also stops a spreadsheet from reading a leading = as a formula.
        let safe = if s.starts_with(['=', '+', '-', '@']) { format!("'{s}") } else { s.to_owned() };
        format!("\"{}\"", safe.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// The plan as CSV (RFC 4180: comma separated, quotes doubled, CRLF line ends), in the map's
/// language. Spreadsheets open it directly; a UTF-8 byte-order mark makes Excel read ä and ö.
pub fn to_csv(map: &JourneyMap) -> String {
    let quote = csv_field;
    let mut out = String::from("\u{feff}");
    out.push_str(&headers(map.language).join(","));
    out.push_str("\r\n");
    for row in rows(map) {
        let line: Vec<String> = cells(&row, map.language).iter().map(|c| quote(c)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The kinds of file the plan is written as, by the name's extension.
pub const EXTENSIONS: [&str; 4] = ["xlsx", "csv", "md", "markdown"];

/// The plan of `map` as the bytes of a file named `path`: Excel for `.xlsx`, Markdown for
/// `.md`, else CSV. `Err` only when the workbook cannot be built (a message to show).
pub fn file_bytes(map: &JourneyMap, path: &std::path::Path) -> Result<Vec<u8>, String> {
    match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("xlsx") => to_xlsx(map).map_err(|e| e.to_string()),
        Some("md" | "markdown") => Ok(to_markdown(map).into_bytes()),
        _ => Ok(to_csv(map).into_bytes()),
    }
}

/// The plan as a Markdown table under a heading, in the map's language.
pub fn to_markdown(map: &JourneyMap) -> String {
    let escape = |s: &str| s.replace('|', "\\|").replace(['\n', '\r'], " ");
    let heading = match map.language {
        Language::English => "Action plan",
        Language::Finnish => "Toimenpidesuunnitelma",
    };
    let mut out = format!("## {heading}: {}\n\n", escape(&map.title));
    let h = headers(map.language);
    // The id is for the CSV; a report reader wants the other columns.
    out.push_str(&format!("| {} |\n", h[1..].join(" | ")));
    out.push_str(&format!("|{}\n", "---|".repeat(h.len() - 1)));
    for row in rows(map) {
        let c = cells(&row, map.language);
        let line: Vec<String> = c[1..].iter().map(|s| escape(s)).collect();
        out.push_str(&format!("| {} |\n", line.join(" | ")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    #[test]
    fn csv_quotes_commas_quotes_and_formula_starts() {
        let mut m = crate::presets::Preset::Funnel.new_map(Language::English);
        let mut c = Card::new("c1", "purchase", "opportunities", "Fix \"checkout\", now");
        c.improvement = Some(Improvement { owner: "=HYPERLINK(x)".into(), ..Improvement::default() });
        m.cards.push(c);
        let csv = to_csv(&m);
        let line = csv.lines().nth(1).unwrap();
        assert_eq!(count(&m), rows(&m).len());
        assert!(line.starts_with("c1,\"Fix \"\"checkout\"\", now\",Purchase,Medium,,,,\"'=HYPERLINK(x)\""), "{line}");
    }
}
