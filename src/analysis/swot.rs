//! The SWOT analyses of a map's stages as a Markdown report: a 2×2 table per stage, in the
//! map's language, every stage listed so that the gaps show.

use crate::model::{JourneyMap, Language, Quadrant};
use std::fmt::Write as _;

/// How many stages have a SWOT analysis.
pub fn count(map: &JourneyMap) -> usize {
    map.stages.iter().filter(|s| !s.swot.is_empty()).count()
}

/// The report, in the map's language.
pub fn to_markdown(map: &JourneyMap) -> String {
    let fi = map.language == Language::Finnish;
    let cell = |items: &[String]| {
        let items: Vec<String> =
            items.iter().map(|i| i.trim()).filter(|i| !i.is_empty()).map(|i| format!("• {}", escape(i))).collect();
        if items.is_empty() { "—".to_owned() } else { items.join("<br>") }
    };
    let mut out = format!("# {}: {}\n", if fi { "SWOT-analyysi" } else { "SWOT analysis" }, escape(&map.title));
    for (i, stage) in map.stages.iter().enumerate() {
        let _ = write!(out, "\n## {}. {}\n\n", i + 1, escape(&stage.name));
        if stage.swot.is_empty() {
            out.push_str(if fi { "_Ei vielä SWOT-analyysiä._\n" } else { "_No SWOT analysis yet._\n" });
            continue;
        }
        let [s, w, o, t] = Quadrant::ALL.map(|q| cell(stage.swot.items(q)));
        let [sn, wn, on, tn] = Quadrant::ALL.map(|q| q.name(fi));
        let _ = write!(out, "| {sn} | {wn} |\n|---|---|\n| {s} | {w} |\n| **{on}** | **{tn}** |\n| {o} | {t} |\n");
    }
    out
}

/// Text safe inside a Markdown table cell.
fn escape(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ").replace('<', "&lt;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Stage;

    #[test]
    fn each_stage_is_a_two_by_two_table_and_a_stage_without_one_says_so() {
        let mut map = JourneyMap::new("Hammasklinikka | uusi potilas");
        map.language = Language::Finnish;
        let mut booking = Stage::new("s1", "Ajanvaraus");
        booking.swot.strengths = vec!["Verkkoajanvaraus".into(), "Tekstiviestimuistutus".into()];
        booking.swot.threats = vec!["Kilpailija <ilta-ajat>".into()];
        map.stages = vec![booking, Stage::new("s2", "Käynti")];
        let md = to_markdown(&map);
        assert!(md.starts_with("# SWOT-analyysi: Hammasklinikka \\| uusi potilas\n"), "{md}");
        assert!(md.contains(
            "## 1. Ajanvaraus\n\n| Vahvuudet | Heikkoudet |\n|---|---|\n| • Verkkoajanvaraus<br>• Tekstiviestimuistutus | — |\n| **Mahdollisuudet** | **Uhat** |\n| — | • Kilpailija &lt;ilta-ajat> |\n"
        ), "{md}");
        assert!(md.ends_with("## 2. Käynti\n\n_Ei vielä SWOT-analyysiä._\n"), "{md}");
        assert_eq!(count(&map), 1);
    }
}
