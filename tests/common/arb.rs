//! proptest strategies for whole, valid journey maps.

use polku::model::*;
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;

/// Any text a user might type: every Unicode scalar, quotes, backslashes, newlines.
pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-zA-ZåäöÅÄÖ ,.!?\"\\\\\n-]{0,24}",
        1 => any::<String>(),
    ]
}

fn date() -> impl Strategy<Value = Date> {
    (1u16..=9999, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| Date::new(y, m, d).unwrap())
}

fn colour() -> impl Strategy<Value = Colour> {
    any::<(u8, u8, u8)>().prop_map(|(r, g, b)| Colour { r, g, b })
}

fn channel() -> impl Strategy<Value = Channel> {
    prop_oneof![(0..Channel::FIXED.len()).prop_map(|i| Channel::FIXED[i].clone()), text().prop_map(Channel::Other),]
}

fn emotion() -> impl Strategy<Value = Emotion> {
    (Emotion::MIN..=Emotion::MAX).prop_map(|v| Emotion::new(v).unwrap())
}

fn improvement() -> impl Strategy<Value = Improvement> {
    (
        prop_oneof![Just(Priority::High), Just(Priority::Medium), Just(Priority::Low)],
        option::of(1u8..=5),
        option::of(1u8..=5),
        text(),
        option::of(date()),
        prop_oneof![Just(Status::Idea), Just(Status::Planned), Just(Status::InProgress), Just(Status::Done)],
        text(),
        option::of(0u32..500),
        option::of(prop_oneof![Just(ActionKind::Strategic), Just(ActionKind::Tactical)]),
    )
        .prop_map(|(priority, value, effort, owner, due, status, kpi, votes, kind)| Improvement {
            priority,
            value,
            effort,
            owner,
            due,
            status,
            kpi,
            votes,
            kind,
        })
}

fn marker() -> impl Strategy<Value = Marker> {
    prop_oneof![Just(Marker::Idea), Just(Marker::PainPoint), Just(Marker::MomentOfTruth), Just(Marker::QuickWin)]
}

fn evidence() -> impl Strategy<Value = Evidence> {
    let level = (0..EvidenceLevel::ALL.len()).prop_map(|i| EvidenceLevel::ALL[i]);
    let source = ((0..SourceKind::ALL.len()).prop_map(|i| SourceKind::ALL[i]), text())
        .prop_map(|(kind, note)| Source { kind, note });
    (level, vec(source, 0..3)).prop_map(|(level, sources)| Evidence { level, sources })
}

fn value_type() -> impl Strategy<Value = ValueType> {
    (0..ValueType::ALL.len()).prop_map(|i| ValueType::ALL[i])
}

fn lane_kind() -> impl Strategy<Value = LaneKind> {
    (0..LaneKind::ALL.len()).prop_map(|i| LaneKind::ALL[i])
}

fn persona() -> impl Strategy<Value = Persona> {
    (
        text(),
        text(),
        text(),
        text(),
        vec(text(), 0..3),
        vec(text(), 0..3),
        vec(text(), 0..3),
        vec(text(), 0..3),
        option::of(text()),
    )
        .prop_map(|(name, role, quote, background, goals, motivations, challenges, preferences, photo)| Persona {
            id: PersonaId::default(),
            name,
            role,
            quote,
            background,
            goals,
            motivations,
            challenges,
            preferences,
            photo,
        })
}

/// A vote round before its card indices are tied to a map: question, date, scope index, dots
/// per person, voters, (card index, dots) pairs, closed.
type RawRound = (String, Date, usize, u8, Option<u16>, Vec<(usize, u32)>, bool);

fn vote_round() -> impl Strategy<Value = RawRound> {
    (
        text(),
        date(),
        0..VoteScope::ALL.len(),
        1..=VoteRound::MAX_DOTS_PER_PERSON,
        option::of(1..=VoteRound::MAX_VOTERS),
        vec((0usize..30, 1u32..10), 0..6),
        any::<bool>(),
    )
}

/// A valid map: 1–6 stages, 1–6 lanes (at least one that holds cards), 0–30 cards, arrows
/// between distinct cards, 0–2 vote rounds with dots on existing cards, and sometimes a kept
/// version (of the map as generated, before its votes).
pub fn journey_map() -> impl Strategy<Value = JourneyMap> {
    (base_map(), vec(vote_round(), 0..3), any::<bool>(), option::of(text())).prop_map(
        |(mut map, rounds, reveal_lanes, kept)| {
            if let Some(name) = kept {
                let saved = Stamp { date: Date::new(2026, 12, 2).unwrap(), hour: 9, minute: 30 };
                let version = polku::io::keep_version(&map, &name, saved).unwrap();
                map.versions.push(version);
            }
            let n = map.cards.len();
            map.votes = rounds
                .into_iter()
                .enumerate()
                .map(|(i, (question, date, scope, dots_per_person, voters, dots, closed))| VoteRound {
                    id: VoteId::new(format!("v{i}")),
                    question,
                    date,
                    scope: VoteScope::ALL[scope],
                    dots_per_person,
                    voters,
                    dots: if n == 0 {
                        Default::default()
                    } else {
                        dots.into_iter().map(|(c, k)| (CardId::new(format!("c{}", c % n)), k)).collect()
                    },
                    closed,
                })
                .collect();
            map.presentation = PresentationSettings { reveal_lanes };
            map
        },
    )
}

fn base_map() -> impl Strategy<Value = JourneyMap> {
    let swot = vec(vec(text(), 0..3), 4).prop_map(|mut q| {
        let mut take = || q.pop().unwrap_or_default();
        let (threats, opportunities, weaknesses, strengths) = (take(), take(), take(), take());
        Swot { strengths, weaknesses, opportunities, threats }
    });
    let stages = vec((text(), text(), option::of(colour()), 1u32..=32, swot), 1..6);
    let lanes = vec((text(), lane_kind()), 1..6);
    let header = (text(), text(), text(), text(), option::of(date()), any::<bool>(), vec(persona(), 1..5));
    let emotions = (
        prop_oneof![Just(EmotionDisplay::Smileys), Just(EmotionDisplay::Colours), Just(EmotionDisplay::Both)],
        [text(), text(), text(), text(), text()],
    );
    (header, emotions, stages, lanes)
        .prop_flat_map(|(header, emotions, stages, lanes)| {
            let n_stages = stages.len();
            let n_lanes = lanes.len();
            let card = (
                0..n_stages,
                0..n_lanes,
                0u32..5,
                text(),
                text(),
                option::of(channel()),
                option::of(emotion()),
                option::of(marker()),
                option::of(improvement()),
                vec("[a-zäö]{1,8}", 0..3),
                (option::of(evidence()), vec(value_type(), 0..3)),
            );
            let cards = vec(card, 0..30);
            (Just(header), Just(emotions), Just(stages), Just(lanes), cards)
        })
        .prop_flat_map(|(header, emotions, stages, lanes, cards)| {
            let n_cards = cards.len();
            let arrows = if n_cards >= 2 {
                vec(
                    (
                        0..n_cards,
                        1..n_cards,
                        prop_oneof![Just(ArrowKind::Improvement), Just(ArrowKind::Flow)],
                        text(),
                        option::of(improvement()),
                    ),
                    0..8,
                )
                .boxed()
            } else {
                Just(Vec::new()).boxed()
            };
            (Just(header), Just(emotions), Just(stages), Just(lanes), Just(cards), arrows)
        })
        .prop_map(|(header, emotions, stages, mut lanes, cards, arrows)| {
            let (title, goal, segment, description, last_reviewed, finnish, mut personas) = header;
            for (i, p) in personas.iter_mut().enumerate() {
                p.id = PersonaId::new(format!("p{i}"));
            }
            let ids: Vec<PersonaId> = personas.iter().map(|p| p.id.clone()).collect();
            if lanes.iter().all(|(_, k)| !k.holds_cards()) {
                lanes[0].1 = LaneKind::Notes;
            }
            let card_lanes: Vec<usize> = (0..lanes.len()).filter(|&i| lanes[i].1.holds_cards()).collect();
            // A priority for some of the fixed channels, chosen by the title's length.
            let channels = Channel::FIXED
                .iter()
                .enumerate()
                .filter(|(i, _)| (title.len() + i) % 3 == 0)
                .map(|(i, c)| ChannelPlan { channel: c.clone(), priority: ChannelPriority::ALL[i % 3] })
                .collect();
            let mut map = JourneyMap {
                title,
                goal,
                segment,
                description,
                last_reviewed,
                language: if finnish { Language::Finnish } else { Language::English },
                channels,
                personas,
                emotions: EmotionSettings { display: emotions.0, labels: emotions.1 },
                ..JourneyMap::default()
            };
            map.stages = stages
                .into_iter()
                .enumerate()
                .map(|(i, (name, description, colour, quarter_widths, swot))| Stage {
                    id: StageId::new(format!("s{i}")),
                    name,
                    description,
                    colour,
                    width: quarter_widths as f32 / 4.0,
                    swot,
                })
                .collect();
            map.lanes = lanes
                .into_iter()
                .enumerate()
                .map(|(i, (title, kind))| Lane { id: LaneId::new(format!("l{i}")), title, kind })
                .collect();
            map.cards = cards
                .into_iter()
                .enumerate()
                .map(
                    |(
                        i,
                        (s, l, position, title, body, channel, emotion, marker, improvement, tags, (evidence, values)),
                    )| {
                        // Every third card is one persona's own; ratings differ by persona, and
                        // every fourth rated card has a target for its first persona.
                        let own =
                            if i % 3 == 1 && ids.len() > 1 { vec![ids[i % ids.len()].clone()] } else { Vec::new() };
                        let on: Vec<&PersonaId> = ids.iter().filter(|p| own.is_empty() || own.contains(p)).collect();
                        let shifted = |e: Emotion, k: usize| Emotion::new(((e.value() + 2 + k as i8) % 5) - 2);
                        let emotions = emotion
                            .map(|e| {
                                on.iter()
                                    .enumerate()
                                    .filter_map(|(k, p)| shifted(e, k).map(|e| ((*p).clone(), e)))
                                    .collect()
                            })
                            .unwrap_or_default();
                        let targets = emotion
                            .filter(|_| i % 4 == 0)
                            .and_then(|e| shifted(e, 1).map(|t| [((*on[0]).clone(), t)].into_iter().collect()))
                            .unwrap_or_default();
                        Card {
                            id: CardId::new(format!("c{i}")),
                            stage: StageId::new(format!("s{s}")),
                            lane: LaneId::new(format!("l{}", card_lanes[l % card_lanes.len()])),
                            position,
                            title,
                            body,
                            channel,
                            personas: own,
                            emotions,
                            targets,
                            marker,
                            improvement,
                            tags,
                            evidence,
                            values,
                        }
                    },
                )
                .collect();
            let n = map.cards.len();
            map.arrows = arrows
                .into_iter()
                .enumerate()
                .map(|(i, (from, offset, kind, label, improvement))| Arrow {
                    id: ArrowId::new(format!("a{i}")),
                    from: CardId::new(format!("c{from}")),
                    // A non-zero offset modulo n never lands on `from` itself.
                    to: CardId::new(format!("c{}", (from + offset) % n)),
                    kind,
                    label,
                    improvement,
                })
                .collect();
            map
        })
}
