//! A SWOT analysis of one stage of the journey (seed 001): what the organisation does well and
//! badly there, and what chances and threats come from outside.

use serde::{Deserialize, Serialize};

/// Strengths, weaknesses, opportunities and threats, one short item per entry.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Swot {
    pub strengths: Vec<String>,
    pub weaknesses: Vec<String>,
    pub opportunities: Vec<String>,
    pub threats: Vec<String>,
}

/// One of the four quadrants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quadrant {
    Strengths,
    Weaknesses,
    Opportunities,
    Threats,
}

impl Quadrant {
    /// In the order of the 2×2 grid: internal (strengths, weaknesses) above external.
    pub const ALL: [Quadrant; 4] =
        [Quadrant::Strengths, Quadrant::Weaknesses, Quadrant::Opportunities, Quadrant::Threats];

    /// The quadrant's name in English or Finnish.
    pub fn name(self, finnish: bool) -> &'static str {
        match (self, finnish) {
            (Quadrant::Strengths, false) => "Strengths",
            (Quadrant::Weaknesses, false) => "Weaknesses",
            (Quadrant::Opportunities, false) => "Opportunities",
            (Quadrant::Threats, false) => "Threats",
            (Quadrant::Strengths, true) => "Vahvuudet",
            (Quadrant::Weaknesses, true) => "Heikkoudet",
            (Quadrant::Opportunities, true) => "Mahdollisuudet",
            (Quadrant::Threats, true) => "Uhat",
        }
    }
}

impl Swot {
    /// Whether nothing has been written in any quadrant.
    pub fn is_empty(&self) -> bool {
        Quadrant::ALL.iter().all(|q| self.items(*q).is_empty())
    }

    pub fn items(&self, quadrant: Quadrant) -> &Vec<String> {
        match quadrant {
            Quadrant::Strengths => &self.strengths,
            Quadrant::Weaknesses => &self.weaknesses,
            Quadrant::Opportunities => &self.opportunities,
            Quadrant::Threats => &self.threats,
        }
    }

    pub fn items_mut(&mut self, quadrant: Quadrant) -> &mut Vec<String> {
        match quadrant {
            Quadrant::Strengths => &mut self.strengths,
            Quadrant::Weaknesses => &mut self.weaknesses,
            Quadrant::Opportunities => &mut self.opportunities,
            Quadrant::Threats => &mut self.threats,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_swot_is_empty_until_a_quadrant_has_an_item() {
        let mut swot = Swot::default();
        assert!(swot.is_empty());
        swot.items_mut(Quadrant::Threats).push("Kilpailija halventaa".into());
        assert!(!swot.is_empty());
        assert_eq!(swot.threats, ["Kilpailija halventaa"]);
    }
}
