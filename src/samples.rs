//! Sample maps bundled into the binary, so a newcomer's first start shows a real map.

use crate::model::JourneyMap;
use std::path::Path;

/// The bundled samples as (file name, text); the first is the one shown at start.
pub const SAMPLES: [(&str, &str); 3] = [
    ("ecommerce-running-shoes.ron", include_str!("../sample_maps/ecommerce-running-shoes.ron")),
    ("crm-myyntijohtaja.ron", include_str!("../sample_maps/crm-myyntijohtaja.ron")),
    ("digimarkkinointi.ron", include_str!("../sample_maps/digimarkkinointi.ron")),
];

/// The map shown when Polku starts without a file.
///
/// Falls back to an empty map only if the bundled text were broken, which the tests rule out.
pub fn default_sample() -> JourneyMap {
    SAMPLES
        .first()
        .and_then(|(name, text)| crate::io::load_str(text, Path::new(name)).ok())
        .unwrap_or_else(|| JourneyMap::new("Untitled journey"))
}

/// The first bundled sample written in `language`: a Finnish user's first start shows a
/// Finnish map.
pub fn default_sample_in(language: crate::model::Language) -> JourneyMap {
    SAMPLES
        .iter()
        .filter_map(|(name, text)| crate::io::load_str(text, Path::new(name)).ok())
        .find(|map| map.language == language)
        .unwrap_or_else(default_sample)
}

/// A realistic map with `cards` cards over 10 stages and 8 lanes, for benchmarks and the
/// large-map checks (`examples/generate_map.rs`, `scripts/bench-window.sh`).
pub fn generated(cards: usize) -> JourneyMap {
    use crate::model::*;
    let mut map = crate::presets::Preset::Funnel.new_map(Language::English);
    map.title = format!("Generated journey with {cards} cards");
    map.stages = (0..10).map(|i| Stage::new(format!("s{i}"), format!("Stage {i}: a step of the journey"))).collect();
    let card_lanes: Vec<LaneId> = map.lanes.iter().filter(|l| l.kind.holds_cards()).map(|l| l.id.clone()).collect();
    for i in 0..cards {
        let lane = &card_lanes[i % card_lanes.len()];
        let kind = map.lane(lane).map(|l| l.kind);
        let mut card = Card::new(
            format!("c{i}"),
            format!("s{}", (i / card_lanes.len()) % 10),
            lane.clone(),
            format!("Card number {i}: customer checks the offer"),
        );
        card.body = "Compares prices on two sites and reads a review before deciding what to do next.".to_owned();
        if kind == Some(LaneKind::Touchpoints) {
            card.channel = Some(Channel::FIXED[i % Channel::FIXED.len()].clone());
            card = card.rated(&PersonaId::new("p1"), Emotion::new((i % 5) as i8 - 2));
        }
        map.cards.push(card);
    }
    for i in 0..(cards / 50) {
        map.arrows.push(Arrow {
            id: ArrowId::new(format!("a{i}")),
            from: CardId::new(format!("c{}", i * 50)),
            to: CardId::new(format!("c{}", i * 50 + 13)),
            kind: if i % 2 == 0 { ArrowKind::Improvement } else { ArrowKind::Flow },
            label: "Fix this".to_owned(),
            improvement: None,
        });
    }
    map
}
