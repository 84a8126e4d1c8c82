//! Narrowing and ordering the action plan, and the value × effort quadrants.

use super::PlanRow;
use crate::model::{Improvement, Language, Priority, StageId, Status};
use std::cmp::Ordering;

/// Which rows to show; `None` lets everything through.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    pub stage: Option<StageId>,
    /// An owner's name; `Some("")` keeps the items nobody owns yet.
    pub owner: Option<String>,
    pub status: Option<Status>,
    pub priority: Option<Priority>,
}

impl Filter {
    pub fn matches(&self, row: &PlanRow) -> bool {
        let imp = &row.improvement;
        self.stage.as_ref().is_none_or(|s| row.stage_id.as_ref() == Some(s))
            && self.owner.as_ref().is_none_or(|o| imp.owner.trim() == o.trim())
            && self.status.is_none_or(|s| imp.status == s)
            && self.priority.is_none_or(|p| imp.priority == p)
    }

    pub fn is_empty(&self) -> bool {
        self == &Filter::default()
    }

    /// The rows that pass, in their order.
    pub fn apply(&self, rows: Vec<PlanRow>) -> Vec<PlanRow> {
        rows.into_iter().filter(|r| self.matches(r)).collect()
    }
}

/// A column the plan can be sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortKey {
    #[default]
    Stage,
    Title,
    Priority,
    Value,
    Effort,
    Votes,
    Owner,
    Due,
    Status,
    Kpi,
}

/// A sort order: a column and a direction.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

impl Sort {
    /// Sorts `rows` in place. Empty cells (no value, no owner, no date) go last in both
    /// directions, because an unfilled cell is never what someone sorting looks for; ties keep
    /// the timeline order.
    pub fn apply(&self, rows: &mut [PlanRow]) {
        rows.sort_by(|a, b| {
            let (ea, eb) = (self.is_empty(a), self.is_empty(b));
            let by_key = match (ea, eb) {
                (true, false) => return Ordering::Greater,
                (false, true) => return Ordering::Less,
                _ => self.compare(a, b),
            };
            let by_key = if self.descending { by_key.reverse() } else { by_key };
            by_key.then(a.stage_index.cmp(&b.stage_index))
        });
    }

    fn is_empty(&self, r: &PlanRow) -> bool {
        let imp = &r.improvement;
        match self.key {
            SortKey::Value => imp.value.is_none(),
            SortKey::Effort => imp.effort.is_none(),
            SortKey::Votes => imp.votes.is_none(),
            SortKey::Owner => imp.owner.trim().is_empty(),
            SortKey::Due => imp.due.is_none(),
            SortKey::Kpi => imp.kpi.trim().is_empty(),
            _ => false,
        }
    }

    fn compare(&self, a: &PlanRow, b: &PlanRow) -> Ordering {
        let (x, y) = (&a.improvement, &b.improvement);
        let text = |s: &str, t: &str| s.to_lowercase().cmp(&t.to_lowercase());
        match self.key {
            SortKey::Stage => a.stage_index.cmp(&b.stage_index),
            SortKey::Title => text(&a.title, &b.title),
            SortKey::Priority => x.priority.cmp(&y.priority),
            SortKey::Value => x.value.cmp(&y.value),
            SortKey::Effort => x.effort.cmp(&y.effort),
            SortKey::Votes => x.votes.cmp(&y.votes),
            SortKey::Owner => text(&x.owner, &y.owner),
            SortKey::Due => x.due.cmp(&y.due),
            SortKey::Status => x.status.cmp(&y.status),
            SortKey::Kpi => text(&x.kpi, &y.kpi),
        }
    }
}

/// Where an item falls in the value × effort matrix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Quadrant {
    /// High value, low effort: do these first.
    QuickWin,
    /// High value, high effort: plan them.
    BigBet,
    /// Low value, low effort: when there is time.
    FillIn,
    /// Low value, high effort: avoid.
    MoneyPit,
}

impl Quadrant {
    pub const ALL: [Quadrant; 4] = [Quadrant::QuickWin, Quadrant::BigBet, Quadrant::FillIn, Quadrant::MoneyPit];

    /// Value and effort of 3 or more count as high, so the middle of the 1–5 scale is never
    /// split between two quadrants and each quadrant is a whole block of cells.
    pub const HIGH: u8 = 3;

    /// The quadrant of an item rated for both value and effort.
    pub fn of(imp: &Improvement) -> Option<Quadrant> {
        let (value, effort) = (imp.value?, imp.effort?);
        Some(match (value >= Self::HIGH, effort >= Self::HIGH) {
            (true, false) => Quadrant::QuickWin,
            (true, true) => Quadrant::BigBet,
            (false, false) => Quadrant::FillIn,
            (false, true) => Quadrant::MoneyPit,
        })
    }

    pub fn name(self, language: Language) -> &'static str {
        match (self, language) {
            (Quadrant::QuickWin, Language::English) => "Quick wins",
            (Quadrant::BigBet, Language::English) => "Big bets",
            (Quadrant::FillIn, Language::English) => "Fill-ins",
            (Quadrant::MoneyPit, Language::English) => "Money pits",
            (Quadrant::QuickWin, Language::Finnish) => "Nopeat voitot",
            (Quadrant::BigBet, Language::Finnish) => "Isot panostukset",
            (Quadrant::FillIn, Language::Finnish) => "Täytetyöt",
            (Quadrant::MoneyPit, Language::Finnish) => "Rahasyöpöt",
        }
    }

    /// What to do with the quadrant's items, in a few words.
    pub fn advice(self, language: Language) -> &'static str {
        match (self, language) {
            (Quadrant::QuickWin, Language::English) => "high value, low effort: do first",
            (Quadrant::BigBet, Language::English) => "high value, high effort: plan",
            (Quadrant::FillIn, Language::English) => "low value, low effort: when there is time",
            (Quadrant::MoneyPit, Language::English) => "low value, high effort: avoid",
            (Quadrant::QuickWin, Language::Finnish) => "iso arvo, pieni työ: tee ensin",
            (Quadrant::BigBet, Language::Finnish) => "iso arvo, iso työ: suunnittele",
            (Quadrant::FillIn, Language::Finnish) => "pieni arvo, pieni työ: kun ehtii",
            (Quadrant::MoneyPit, Language::Finnish) => "pieni arvo, iso työ: vältä",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Improvement};
    use crate::plan::ItemRef;

    fn row(title: &str, stage_index: usize, imp: Improvement) -> PlanRow {
        PlanRow {
            id: title.to_owned(),
            item: ItemRef::Card(crate::model::CardId::new(title)),
            title: title.to_owned(),
            stage: format!("Stage {stage_index}"),
            stage_id: Some(StageId::new(format!("s{stage_index}"))),
            stage_index,
            improvement: imp,
        }
    }

    fn titles(rows: &[PlanRow]) -> Vec<&str> {
        rows.iter().map(|r| r.title.as_str()).collect()
    }

    fn sample() -> Vec<PlanRow> {
        vec![
            row("a", 0, Improvement { value: Some(2), owner: "Liisa".into(), ..Default::default() }),
            row(
                "b",
                1,
                Improvement { value: None, priority: Priority::High, status: Status::Done, ..Default::default() },
            ),
            row(
                "c",
                2,
                Improvement {
                    value: Some(5),
                    owner: "liisa ".into(),
                    due: Date::parse("2027-01-31"),
                    priority: Priority::Low,
                    ..Default::default()
                },
            ),
        ]
    }

    #[test]
    fn sorting_puts_empty_cells_last_in_both_directions() {
        let mut rows = sample();
        Sort { key: SortKey::Value, descending: false }.apply(&mut rows);
        assert_eq!(titles(&rows), ["a", "c", "b"]);
        Sort { key: SortKey::Value, descending: true }.apply(&mut rows);
        assert_eq!(titles(&rows), ["c", "a", "b"]);
        Sort { key: SortKey::Due, descending: true }.apply(&mut rows);
        assert_eq!(titles(&rows), ["c", "a", "b"], "undated rows keep timeline order after the dated");
    }

    #[test]
    fn priority_sorts_high_first_and_stage_sorts_by_timeline() {
        let mut rows = sample();
        Sort { key: SortKey::Priority, descending: false }.apply(&mut rows);
        assert_eq!(titles(&rows), ["b", "a", "c"]);
        Sort { key: SortKey::Stage, descending: true }.apply(&mut rows);
        assert_eq!(titles(&rows), ["c", "b", "a"]);
    }

    #[test]
    fn filters_combine_and_owner_ignores_surrounding_spaces() {
        let f = Filter { owner: Some("Liisa".into()), ..Default::default() };
        assert_eq!(titles(&f.apply(sample())), ["a"], "owner names match exactly, apart from spaces");
        let f = Filter { owner: Some(String::new()), ..Default::default() };
        assert_eq!(titles(&f.apply(sample())), ["b"]);
        let f = Filter { stage: Some(StageId::new("s2")), priority: Some(Priority::Low), ..Default::default() };
        assert_eq!(titles(&f.apply(sample())), ["c"]);
        let f = Filter { status: Some(Status::Done), priority: Some(Priority::Low), ..Default::default() };
        assert!(f.apply(sample()).is_empty());
        assert!(Filter::default().is_empty() && !f.is_empty());
    }

    #[test]
    fn three_counts_as_high_value_and_high_effort() {
        let q = |value, effort| Quadrant::of(&Improvement { value, effort, ..Default::default() });
        assert_eq!(q(Some(3), Some(2)), Some(Quadrant::QuickWin));
        assert_eq!(q(Some(5), Some(3)), Some(Quadrant::BigBet));
        assert_eq!(q(Some(2), Some(1)), Some(Quadrant::FillIn));
        assert_eq!(q(Some(1), Some(5)), Some(Quadrant::MoneyPit));
        assert_eq!(q(None, Some(5)), None);
        assert_eq!(q(Some(4), None), None);
    }
}
