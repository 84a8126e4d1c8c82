//! Colours and sizes of a drawn map. One theme is input to both layout and paint, so the
//! screen and the PNG agree.

use crate::model::{Emotion, LaneKind, Priority};
use egui::Color32;

/// Which of the built-in themes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum ThemeKind {
    #[default]
    Light,
    Dark,
    /// For a projector in a lit room: heavier lines, larger text, saturated fills, and every
    /// text at 7:1 contrast or more against what it sits on.
    Projector,
}

impl ThemeKind {
    /// Every theme, in menu order.
    pub const ALL: [ThemeKind; 3] = [ThemeKind::Light, ThemeKind::Dark, ThemeKind::Projector];

    /// The contrast every text of this theme keeps against its background (WCAG ratio).
    pub fn required_contrast(self) -> f32 {
        match self {
            ThemeKind::Light | ThemeKind::Dark => 4.5,
            ThemeKind::Projector => 7.0,
        }
    }
}

/// Everything the layout and the painter need to know about looks.
#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    pub kind: ThemeKind,
    pub background: Color32,
    pub header_fill: Color32,
    pub text: Color32,
    pub muted: Color32,
    pub card_fill: Color32,
    pub card_border: Color32,
    pub card_shadow: Color32,
    pub lane_title_fill: Color32,
    pub column_fill: [Color32; 2],
    pub grid_line: Color32,
    pub persona_fill: Color32,
    pub persona_accent: Color32,
    /// Stage band colours used when a stage has none of its own.
    pub stage_palette: [Color32; 8],
    /// Face/colour code per emotion step, −2 … +2.
    pub emotion: [Color32; 5],
    pub emotion_ink: Color32,
    pub curve: Color32,
    pub dip: Color32,
    pub flow_arrow: Color32,
    pub improvement_arrow: Color32,
    pub label_fill: Color32,
    pub pain: Color32,
    pub idea: Color32,
    pub truth: Color32,
    pub quick_win: Color32,
    /// Dot-vote dots, with white numbers on them.
    pub vote: Color32,
    /// Plan badges' fills, by priority: high, medium, low. White text sits on them.
    pub priority: [Color32; 3],
    /// Cards and arrows that are action-plan items carry a badge (a view option).
    pub plan_badges: bool,
    /// Cards' accent bars show their evidence level instead of their lane (a view option).
    pub evidence_colours: bool,
    /// The personas' colours, by their place in the map (then repeating); colour-blind safe.
    pub persona_colours: [Color32; 6],
    /// Show only this persona's journey (the persona bar's choice); `None`: every persona's.
    pub journey_of: Option<crate::model::PersonaId>,
    /// How much of a stage's colour tints its header cell (0 = none, 1 = full).
    pub stage_tint: f32,

    // Sizes in map units (points at 100 %).
    /// Multiplies every line's width: borders, grid, curve and arrows.
    pub line_width: f32,
    pub margin: f32,
    pub title_size: f32,
    pub heading_size: f32,
    pub body_size: f32,
    pub small_size: f32,
    pub lane_title_width: f32,
    pub stage_width: f32,
    pub column_gap: f32,
    pub row_gap: f32,
    pub cell_pad: f32,
    pub card_pad: f32,
    pub card_gap: f32,
    pub curve_height: f32,
    pub persona_width: f32,
}

impl Theme {
    /// The theme of a kind.
    pub fn of(kind: ThemeKind) -> Theme {
        match kind {
            ThemeKind::Light => Theme::light(),
            ThemeKind::Dark => Theme::dark(),
            ThemeKind::Projector => Theme::projector(),
        }
    }

    /// Projector: white paper, near-black ink, saturated accents and heavy lines, because a
    /// projector in a lit room washes out pale fills and thin lines; text is larger so that
    /// the presentation reaches 24 px with fewer lanes per screen.
    pub fn projector() -> Theme {
        let ink = Color32::from_rgb(0x0B, 0x0F, 0x14);
        Theme {
            kind: ThemeKind::Projector,
            background: Color32::WHITE,
            header_fill: Color32::from_rgb(0xF1, 0xF3, 0xF6),
            text: ink,
            muted: Color32::from_rgb(0x2E, 0x34, 0x40),
            card_fill: Color32::WHITE,
            card_border: Color32::from_rgb(0x4A, 0x55, 0x68),
            // Shadows become grey mush on a projector.
            card_shadow: Color32::TRANSPARENT,
            lane_title_fill: Color32::from_rgb(0xE2, 0xE7, 0xEE),
            column_fill: [Color32::WHITE, Color32::from_rgb(0xF4, 0xF6, 0xF9)],
            grid_line: Color32::from_rgb(0x7B, 0x86, 0x96),
            persona_fill: Color32::WHITE,
            persona_accent: Color32::from_rgb(0x0B, 0x4F, 0x8A),
            stage_palette: TABLEAU,
            emotion: EMOTION_RDBU,
            emotion_ink: ink,
            curve: Color32::from_rgb(0x11, 0x18, 0x27),
            dip: Color32::from_rgb(0x9B, 0x00, 0x18),
            flow_arrow: Color32::from_rgb(0x4A, 0x55, 0x68),
            improvement_arrow: Color32::from_rgb(0x00, 0x6B, 0x3C),
            label_fill: Color32::WHITE,
            pain: Color32::from_rgb(0xC0, 0x00, 0x1A),
            idea: Color32::from_rgb(0xB3, 0x6B, 0x00),
            truth: Color32::from_rgb(0x5B, 0x2A, 0x86),
            quick_win: Color32::from_rgb(0x00, 0x6B, 0x3C),
            priority: [
                Color32::from_rgb(0x96, 0x1D, 0x12),
                Color32::from_rgb(0x80, 0x47, 0x00),
                Color32::from_rgb(0x47, 0x54, 0x67),
            ],
            stage_tint: 0.28,
            line_width: 2.0,
            title_size: 36.0,
            heading_size: 22.0,
            body_size: 16.0,
            small_size: 15.0,
            lane_title_width: 200.0,
            // Wide columns wrap card text into fewer rows, so a stage needs fewer screens.
            stage_width: 400.0,
            cell_pad: 12.0,
            card_pad: 12.0,
            card_gap: 12.0,
            curve_height: 220.0,
            persona_width: 720.0,
            ..SIZES
        }
    }

    /// Every pair of a text colour and the fill it is drawn on, named for messages: the
    /// pairs the contrast test checks.
    pub fn text_pairs(&self) -> Vec<(&'static str, Color32, Color32)> {
        let mut pairs = vec![
            ("title on the header", self.text, self.header_fill),
            ("facts on the header", self.muted, self.header_fill),
            ("card title", self.text, self.card_fill),
            ("card body and channel", self.muted, self.card_fill),
            ("lane title", self.text, self.lane_title_fill),
            ("emotion scale label", self.muted, self.lane_title_fill),
            ("persona heading", self.persona_accent, self.persona_fill),
            ("persona text", self.text, self.persona_fill),
            ("persona details", self.muted, self.persona_fill),
            ("arrow label", self.text, self.label_fill),
            ("vote count", Color32::WHITE, self.vote),
        ];
        for fill in self.priority {
            pairs.push(("plan badge", Color32::WHITE, fill));
        }
        for fill in self.column_fill {
            pairs.push(("text lane", self.text, fill));
            pairs.push(("dip label", self.dip, fill));
        }
        for colour in self.stage_palette {
            pairs.push(("stage name on its tint", self.text, self.stage_header_fill(colour)));
            pairs.push(("stage description on its tint", self.muted, self.stage_header_fill(colour)));
        }
        pairs
    }

    /// The fill of a plan badge for an item of this priority.
    pub fn priority_colour(&self, p: Priority) -> Color32 {
        match p {
            Priority::High => self.priority[0],
            Priority::Medium => self.priority[1],
            Priority::Low => self.priority[2],
        }
    }

    /// The fill of a stage's header cell: its colour, lightly over the paper.
    pub fn stage_header_fill(&self, colour: Color32) -> Color32 {
        let mix = |a: u8, b: u8| (f32::from(b) + (f32::from(a) - f32::from(b)) * self.stage_tint).round() as u8;
        Color32::from_rgb(
            mix(colour.r(), self.background.r()),
            mix(colour.g(), self.background.g()),
            mix(colour.b(), self.background.b()),
        )
    }

    /// Light: white paper, soft greys, the look of a consultant's deliverable.
    pub fn light() -> Theme {
        Theme {
            kind: ThemeKind::Light,
            background: Color32::WHITE,
            header_fill: Color32::from_rgb(0xF4, 0xF6, 0xF9),
            text: Color32::from_rgb(0x1F, 0x26, 0x33),
            muted: Color32::from_rgb(0x5E, 0x69, 0x7A),
            card_fill: Color32::WHITE,
            card_border: Color32::from_rgb(0xD5, 0xDB, 0xE3),
            card_shadow: Color32::from_rgba_premultiplied(0, 0, 0, 14),
            lane_title_fill: Color32::from_rgb(0xEE, 0xF1, 0xF5),
            column_fill: [Color32::from_rgb(0xFA, 0xFB, 0xFC), Color32::from_rgb(0xF5, 0xF7, 0xFA)],
            grid_line: Color32::from_rgb(0xE1, 0xE6, 0xEC),
            persona_fill: Color32::WHITE,
            persona_accent: Color32::from_rgb(0x2F, 0x5D, 0x8A),
            stage_palette: TABLEAU,
            emotion: EMOTION_RDBU,
            emotion_ink: Color32::from_rgb(0x1F, 0x26, 0x33),
            curve: Color32::from_rgb(0x3B, 0x4A, 0x5E),
            dip: Color32::from_rgb(0xB2, 0x18, 0x2B),
            flow_arrow: Color32::from_rgb(0x8A, 0x94, 0xA3),
            improvement_arrow: Color32::from_rgb(0x1A, 0x85, 0x5F),
            label_fill: Color32::WHITE,
            pain: Color32::from_rgb(0xC0, 0x39, 0x2B),
            idea: Color32::from_rgb(0xE6, 0xA1, 0x00),
            truth: Color32::from_rgb(0x6A, 0x3D, 0x9A),
            quick_win: Color32::from_rgb(0x1A, 0x85, 0x5F),
            ..SIZES
        }
    }

    /// Dark: for dim rooms and projectors with poor black levels kept in mind.
    pub fn dark() -> Theme {
        Theme {
            kind: ThemeKind::Dark,
            background: Color32::from_rgb(0x16, 0x1A, 0x21),
            header_fill: Color32::from_rgb(0x1E, 0x24, 0x2D),
            text: Color32::from_rgb(0xE8, 0xEC, 0xF1),
            muted: Color32::from_rgb(0xA0, 0xAA, 0xB8),
            card_fill: Color32::from_rgb(0x25, 0x2C, 0x37),
            card_border: Color32::from_rgb(0x3A, 0x44, 0x52),
            card_shadow: Color32::from_rgba_premultiplied(0, 0, 0, 40),
            lane_title_fill: Color32::from_rgb(0x20, 0x26, 0x30),
            column_fill: [Color32::from_rgb(0x1A, 0x1F, 0x27), Color32::from_rgb(0x1D, 0x23, 0x2C)],
            grid_line: Color32::from_rgb(0x30, 0x38, 0x44),
            persona_fill: Color32::from_rgb(0x25, 0x2C, 0x37),
            persona_accent: Color32::from_rgb(0x7F, 0xB2, 0xE5),
            stage_palette: TABLEAU,
            emotion: EMOTION_RDBU,
            emotion_ink: Color32::from_rgb(0x16, 0x1A, 0x21),
            curve: Color32::from_rgb(0xC8, 0xD0, 0xDB),
            dip: Color32::from_rgb(0xF0, 0x6B, 0x6B),
            flow_arrow: Color32::from_rgb(0x8A, 0x94, 0xA3),
            improvement_arrow: Color32::from_rgb(0x4C, 0xC3, 0x8A),
            label_fill: Color32::from_rgb(0x25, 0x2C, 0x37),
            pain: Color32::from_rgb(0xE7, 0x4C, 0x3C),
            idea: Color32::from_rgb(0xF1, 0xC4, 0x0F),
            truth: Color32::from_rgb(0xB3, 0x8C, 0xE0),
            quick_win: Color32::from_rgb(0x4C, 0xC3, 0x8A),
            // The same hues, the dark blue and vermillion lifted to show on a dark ground.
            persona_colours: [
                Color32::from_rgb(0x56, 0xB4, 0xE9),
                Color32::from_rgb(0xF0, 0x7A, 0x2A),
                Color32::from_rgb(0x2F, 0xC2, 0x9A),
                Color32::from_rgb(0xCC, 0x79, 0xA7),
                Color32::from_rgb(0xE6, 0x9F, 0x00),
                Color32::from_rgb(0xF0, 0xE4, 0x42),
            ],
            ..SIZES
        }
    }

    /// The colour of the persona at `place` in its map.
    pub fn persona_colour(&self, place: usize) -> Color32 {
        self.persona_colours[place % self.persona_colours.len()]
    }

    /// Black or white, whichever reads better on the persona's colour (its chips' initials).
    pub fn persona_ink(&self, place: usize) -> Color32 {
        let fill = self.persona_colour(place);
        let dark = Color32::from_rgb(0x0B, 0x0F, 0x14);
        if contrast(dark, fill) >= contrast(Color32::WHITE, fill) { dark } else { Color32::WHITE }
    }

    /// The colour code of an emotion.
    pub fn emotion_colour(&self, e: Emotion) -> Color32 {
        self.emotion[e.index()]
    }

    /// The accent colour of a lane's cards.
    pub fn lane_accent(&self, kind: LaneKind) -> Color32 {
        match kind {
            LaneKind::Notes => Color32::from_rgb(0x8A, 0x94, 0xA3),
            LaneKind::Touchpoints => Color32::from_rgb(0x2F, 0x5D, 0x8A),
            LaneKind::EmotionCurve => self.curve,
            LaneKind::PainPoints => self.pain,
            LaneKind::Opportunities => self.quick_win,
            LaneKind::Text => self.muted,
            LaneKind::Swot => self.persona_accent,
        }
    }

    /// The accent of a card coloured by its evidence: red assumptions, amber partly backed,
    /// green researched, the grid's grey when nobody has said.
    pub fn evidence_colour(&self, level: Option<crate::model::EvidenceLevel>) -> Color32 {
        match level {
            Some(crate::model::EvidenceLevel::Assumption) => self.pain,
            Some(crate::model::EvidenceLevel::PartlyBacked) => self.priority[1],
            Some(crate::model::EvidenceLevel::Researched) => self.quick_win,
            None => self.card_border,
        }
    }

    /// A SWOT quadrant's colour: green strengths, amber weaknesses, blue opportunities, red
    /// threats, each from the theme's own tuned inks.
    pub fn swot_colour(&self, quadrant: crate::model::Quadrant) -> Color32 {
        match quadrant {
            crate::model::Quadrant::Strengths => self.quick_win,
            crate::model::Quadrant::Weaknesses => self.priority[1],
            crate::model::Quadrant::Opportunities => self.persona_accent,
            crate::model::Quadrant::Threats => self.pain,
        }
    }
}

/// Violet, like the sticky dots of a workshop wall, and apart from every emotion, stage and
/// marker colour; white numbers on it keep 7:1.
/// Red, amber, slate: high to low urgency, each dark enough under white text.
const PRIORITY: [Color32; 3] =
    [Color32::from_rgb(0xB4, 0x23, 0x18), Color32::from_rgb(0x9A, 0x55, 0x00), Color32::from_rgb(0x47, 0x54, 0x67)];
const VOTE: Color32 = Color32::from_rgb(0x6D, 0x28, 0xD9);

/// The stages' default colours, from the model (a stage's colour is part of the map).
const TABLEAU: [Color32; 8] = {
    let c = crate::model::STAGE_COLOURS;
    let mut out = [Color32::BLACK; 8];
    let mut i = 0;
    while i < 8 {
        out[i] = Color32::from_rgb(c[i].r, c[i].g, c[i].b);
        i += 1;
    }
    out
};

/// Okabe and Ito's colour-blind-safe set (yellow left out: it vanishes on white), darkest
/// first so that two or three personas differ most in lightness too.
const OKABE_ITO: [Color32; 6] = [
    Color32::from_rgb(0x00, 0x72, 0xB2),
    Color32::from_rgb(0xD5, 0x5E, 0x00),
    Color32::from_rgb(0x00, 0x9E, 0x73),
    Color32::from_rgb(0xCC, 0x79, 0xA7),
    Color32::from_rgb(0xE6, 0x9F, 0x00),
    Color32::from_rgb(0x56, 0xB4, 0xE9),
];

/// ColorBrewer RdBu (5 classes, neutral darkened to grey): a diverging scale that stays
/// distinguishable under protanopia, deuteranopia and tritanopia. The faces carry the value
/// too, so colour is never the only cue.
const EMOTION_RDBU: [Color32; 5] = [
    Color32::from_rgb(0xB2, 0x18, 0x2B),
    Color32::from_rgb(0xEF, 0x8A, 0x62),
    Color32::from_rgb(0xC8, 0xC8, 0xC8),
    Color32::from_rgb(0x67, 0xA9, 0xCF),
    Color32::from_rgb(0x21, 0x66, 0xAC),
];

const SIZES: Theme = Theme {
    kind: ThemeKind::Light,
    background: Color32::WHITE,
    header_fill: Color32::WHITE,
    text: Color32::BLACK,
    muted: Color32::GRAY,
    card_fill: Color32::WHITE,
    card_border: Color32::GRAY,
    card_shadow: Color32::TRANSPARENT,
    lane_title_fill: Color32::WHITE,
    column_fill: [Color32::WHITE; 2],
    grid_line: Color32::GRAY,
    persona_fill: Color32::WHITE,
    persona_accent: Color32::GRAY,
    stage_palette: TABLEAU,
    emotion: EMOTION_RDBU,
    emotion_ink: Color32::BLACK,
    curve: Color32::BLACK,
    dip: Color32::RED,
    flow_arrow: Color32::GRAY,
    improvement_arrow: Color32::GREEN,
    label_fill: Color32::WHITE,
    pain: Color32::RED,
    idea: Color32::YELLOW,
    truth: Color32::BLUE,
    quick_win: Color32::GREEN,
    vote: VOTE,
    priority: PRIORITY,
    plan_badges: true,
    evidence_colours: false,
    persona_colours: OKABE_ITO,
    journey_of: None,
    stage_tint: 0.16,
    line_width: 1.0,
    margin: 40.0,
    title_size: 30.0,
    heading_size: 17.0,
    body_size: 13.0,
    small_size: 11.5,
    lane_title_width: 170.0,
    stage_width: 270.0,
    column_gap: 28.0,
    row_gap: 16.0,
    cell_pad: 10.0,
    card_pad: 10.0,
    card_gap: 10.0,
    curve_height: 190.0,
    persona_width: 620.0,
};

/// The WCAG 2 contrast ratio of two opaque colours (1 … 21).
pub fn contrast(a: Color32, b: Color32) -> f32 {
    fn luminance(c: Color32) -> f32 {
        let lin = |v: u8| {
            let v = f32::from(v) / 255.0;
            if v <= 0.04045 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
    }
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_is_twenty_one_for_black_on_white_and_one_for_a_colour_on_itself() {
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        assert!((contrast(Color32::GOLD, Color32::GOLD) - 1.0).abs() < 1e-6);
    }

    #[test]
    fn every_text_of_every_theme_keeps_its_contrast_against_its_background() {
        let mut failures = Vec::new();
        for kind in ThemeKind::ALL {
            let theme = Theme::of(kind);
            assert_eq!(theme.kind, kind);
            for (what, text, fill) in theme.text_pairs() {
                let ratio = contrast(text, fill);
                if ratio < kind.required_contrast() {
                    failures.push(format!("{kind:?}: {what}: {ratio:.2}:1 < {}:1", kind.required_contrast()));
                }
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }

    #[test]
    fn the_projector_theme_is_larger_and_heavier_than_the_light_one() {
        let (light, projector) = (Theme::light(), Theme::projector());
        assert!(projector.body_size > light.body_size && projector.small_size > light.small_size);
        assert!(projector.line_width > light.line_width);
    }
}
