//! Frame-time and export benchmarks (run with `cargo bench`; figures go to BENCHMARKS.md).
//!
//! Not a test: nothing here asserts a time. Each figure is the median of repeated runs.

use egui::emath::TSTransform;
use egui::{Pos2, RawInput, Rect, Vec2, ViewportId, pos2, vec2};
use polku::edit::StepName;
use polku::layout::{self, Layout};
use polku::model::*;
use polku::render::export::{self, Background, ExportOptions};
use polku::render::{View, paint, png};
use polku::theme::Theme;
use std::time::{Duration, Instant};

/// A realistic map with `cards` cards over 10 stages and 8 lanes.
fn generated(cards: usize) -> JourneyMap {
    polku::samples::generated(cards)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn input(size: Vec2) -> RawInput {
    let mut input = RawInput { screen_rect: Some(Rect::from_min_size(Pos2::ZERO, size)), ..RawInput::default() };
    input.viewports.entry(ViewportId::ROOT).or_default().native_pixels_per_point = Some(1.0);
    input
}

/// One frame of the canvas: paint (with culling) + tessellate, at `zoom` with text laid out
/// at `text_zoom`.
fn frame(
    ctx: &egui::Context,
    layout: &Layout,
    theme: &Theme,
    screen: Vec2,
    zoom: f32,
    text_zoom: f32,
    offset: Vec2,
) -> Duration {
    let start = Instant::now();
    let mut out = ctx.run_ui(input(screen), |ui| {
        let clip = Rect::from_min_size(Pos2::ZERO, screen);
        let view = View {
            to_screen: TSTransform::new(offset, zoom),
            text_scale: text_zoom,
            clip,
            background: true,
            emotion_display: EmotionDisplay::Both,
        };
        paint(&ui.painter().with_clip_rect(clip), layout, theme, &view);
    });
    let _ = ctx.tessellate(std::mem::take(&mut out.shapes), out.pixels_per_point);
    out.textures_delta.clear();
    start.elapsed()
}

/// One presentation frame: `present::frame::paint` + tessellate.
fn present_frame(
    ctx: &egui::Context,
    layout: &Layout,
    theme: &Theme,
    screen: Vec2,
    shot: polku::present::Shot,
    text_zoom: f32,
) -> Duration {
    let start = Instant::now();
    let mut out = ctx.run_ui(input(screen), |ui| {
        let rect = Rect::from_min_size(Pos2::ZERO, screen);
        let frame = polku::present::Frame {
            layout,
            theme,
            display: EmotionDisplay::Both,
            shot,
            text_zoom,
            focus: None,
            hidden: None,
            cut: None,
            dots: None,
            not_votable: &[],
            backdrop: theme.background,
        };
        polku::present::frame::paint(&ui.painter().with_clip_rect(rect), rect, &frame);
    });
    let _ = ctx.tessellate(std::mem::take(&mut out.shapes), out.pixels_per_point);
    out.textures_delta.clear();
    start.elapsed()
}

/// The generated map with five personas: every third card one persona's own, each touchpoint
/// rated by every persona on its journey, every fifth with a target.
fn with_five_personas(cards: usize) -> JourneyMap {
    let mut map = generated(cards);
    map.personas = (1..=5).map(|i| Persona::new(format!("p{i}"), format!("Persona {i} Surname"))).collect();
    let ids: Vec<PersonaId> = map.personas.iter().map(|p| p.id.clone()).collect();
    for (i, card) in map.cards.iter_mut().enumerate() {
        if i % 3 == 1 {
            card.personas = vec![ids[i % 5].clone()];
        }
        if !card.emotions.is_empty() {
            let on: Vec<PersonaId> = ids.iter().filter(|p| card.is_on_journey_of(p)).cloned().collect();
            card.emotions = on
                .iter()
                .enumerate()
                .filter_map(|(k, p)| Emotion::new(((i + k) % 5) as i8 - 2).map(|e| (p.clone(), e)))
                .collect();
            if i % 5 == 0 {
                card.targets = on.iter().take(1).filter_map(|p| Emotion::new(1).map(|e| (p.clone(), e))).collect();
            }
        }
    }
    map
}

/// Laying out maps of five personas: every persona's journey, and one persona's.
fn personas(theme: &Theme) {
    println!("\n## Five personas (layout, median of 5)\n");
    println!("| cards | one persona (as before) | five personas, all in view | one of five in view |");
    println!("|---|---|---|---|");
    for n in [1000, 5000] {
        let ctx = export::offscreen_context();
        let _ = ctx.run_ui(input(vec2(1920.0, 1080.0)), |_| {});
        let time = |map: &JourneyMap, theme: &Theme| {
            median(
                (0..5)
                    .map(|_| {
                        let t = Instant::now();
                        let _ = ctx.fonts_mut(|f| layout::layout(map, theme, f));
                        t.elapsed()
                    })
                    .collect(),
            )
        };
        let (one, five) = (generated(n), with_five_personas(n));
        let focus = Theme { journey_of: Some(PersonaId::new("p2")), ..theme.clone() };
        println!("| {n} | {} | {} | {} |", ms(time(&one, theme)), ms(time(&five, theme)), ms(time(&five, &focus)));
    }
}

/// Presenting the 5,000-card map on a 1920×1080 projector: F5's first frame and the frames of
/// the camera's glide from one stage to the next.
fn presenting(screen: Vec2) {
    println!("\n## Presenting (5,000 cards, projector theme, 1920×1080, median of 15)\n");
    println!("| step | time |");
    println!("|---|---|");
    let map = generated(5000);
    let theme = Theme::projector();
    let ctx = export::offscreen_context();
    let _ = ctx.run_ui(input(screen), |_| {});
    let (mut layouts, mut steps_t, mut firsts) = (Vec::new(), Vec::new(), Vec::new());
    let mut layout = None;
    for _ in 0..15 {
        let t = Instant::now();
        let laid = ctx.fonts_mut(|f| layout::layout(&map, &theme, f));
        layouts.push(t.elapsed());
        // A few empty frames: egui forgets galleys not used in the last frame, as the
        // editor's canvas, showing other text at another size, would have.
        for _ in 0..2 {
            let mut out = ctx.run_ui(input(screen), |_| {});
            out.textures_delta.clear();
        }
        let t = Instant::now();
        let steps = polku::present::steps(&laid, screen, polku::present::StepOptions { reveal_lanes: false });
        let steps_time = t.elapsed();
        steps_t.push(steps_time);
        let first = &steps[0];
        firsts.push(steps_time + present_frame(&ctx, &laid, &theme, screen, first.shot, first.shot.zoom));
        layout = Some(laid);
    }
    let Some(layout) = layout else { return };
    let (l, st, f) = (median(layouts), median(steps_t), median(firsts));
    println!("| layout in the projector theme (when not cached) | {} |", ms(l));
    println!("| working out the steps | {} |", ms(st));
    println!("| first frame after F5, layout cached (steps + paint + tessellate) | {} |", ms(f));
    println!("| first frame after F5, layout not cached | {} |", ms(f + l));
    let steps = polku::present::steps(&layout, screen, polku::present::StepOptions { reveal_lanes: false });
    let Some(from) = steps.iter().find(|s| s.stage() == Some(3)) else { return };
    let Some(to) = steps.iter().find(|s| s.stage() == Some(4)) else { return };
    let glide: Vec<Duration> = (0..15)
        .map(|i| {
            let t = polku::present::shot::ease(i as f32 / 14.0);
            let shot = from.shot.towards(&to.shot, t, screen);
            present_frame(&ctx, &layout, &theme, screen, shot, to.shot.zoom)
        })
        .collect();
    println!("| a frame while gliding from stage 4 to stage 5 (paint + tessellate) | {} |", ms(median(glide)));
    // The worst glide: from the whole map (every card on screen) to a stage.
    let Some(whole) = steps.last() else { return };
    let glide: Vec<Duration> = (0..15)
        .map(|i| {
            let t = polku::present::shot::ease(i as f32 / 14.0);
            let shot = whole.shot.towards(&from.shot, t, screen);
            present_frame(&ctx, &layout, &theme, screen, shot, from.shot.zoom)
        })
        .collect();
    println!("| a frame while gliding from the whole map to stage 4 | {} |", ms(median(glide)));
    let total = steps.len();
    let parts = steps.iter().filter(|s| s.stage() == Some(3)).count();
    println!("\n{total} steps; stage 4 in {parts} parts.");
}

/// Whether to run `section`: `cargo bench -- pdf png` runs only those; no names, every one.
fn wanted(section: &str) -> bool {
    let names: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-')).collect();
    names.is_empty() || names.iter().any(|n| n == section)
}

fn main() {
    let theme = Theme::light();
    let screen = vec2(1920.0, 1080.0);
    if wanted("frame") {
        frames(&theme, screen);
    }
    if wanted("present") {
        presenting(screen);
    }
    if wanted("personas") {
        personas(&theme);
    }
    if wanted("png") {
        png_export(&theme);
    }
    if wanted("svg") {
        svg_export(&theme);
    }
    if wanted("pdf") {
        pdf_export(&theme);
    }
    if wanted("versions") {
        saving_with_versions();
    }
    if wanted("edit") {
        editing_one_card(&theme);
    }
}

/// The layout after an edit to what one card says (a title typed, keeping its rows): laid out
/// again in full (galleys of every other text still cached, as in the window), and patched.
fn editing_one_card(theme: &Theme) {
    println!("## Layout after editing one card's title (median of 15)\n");
    println!("| cards | full layout, galleys warm | patched (`layout::relayout_cards`) |");
    println!("|---:|---:|---:|");
    for n in [1_000, 5_000, 10_000] {
        let mut map = generated(n);
        let ctx = export::offscreen_context();
        let _ = ctx.run_ui(input(vec2(1920.0, 1080.0)), |_| {});
        let mut laid = ctx.fonts_mut(|f| layout::layout(&map, theme, f));
        let id = map.cards[n / 2].id.clone();
        let mut full = Vec::new();
        let mut patched = Vec::new();
        for k in 0..15 {
            map.cards[n / 2].title = format!("Card number {}: customer checks the offer {k}", n / 2);
            let t = Instant::now();
            std::hint::black_box(ctx.fonts_mut(|f| layout::layout(&map, theme, f)));
            full.push(t.elapsed());
            let t = Instant::now();
            let ok = ctx.fonts_mut(|f| layout::relayout_cards(&mut laid, &map, std::slice::from_ref(&id), theme, f));
            patched.push(t.elapsed());
            assert!(ok, "the title keeps its rows");
        }
        println!("| {n} | {} | {} |", ms(median(full)), ms(median(patched)));
    }
    println!();
}

/// Saving a map that keeps versions: the versions are written back as text, so a save should
/// cost about what it costs without them. Beside it, what serialising every version again on
/// each save would cost (the design not taken).
fn saving_with_versions() {
    println!("## Saving with kept versions (canonical text of the map, median of 15)\n");
    println!(
        "| cards | versions | file size | save text (kept as text) | serialising every version again | load (every version checked) |"
    );
    println!("|---:|---:|---:|---:|---:|---:|");
    let saved = Stamp { date: Date { year: 2026, month: 12, day: 2 }, hour: 10, minute: 0 };
    for cards in [200, 1_000] {
        for versions in [0, 20] {
            let mut map = generated(cards);
            for i in 0..versions {
                map.cards[i].title = format!("Card edited before version {i}");
                if let Ok(kept) = polku::io::keep_version(&map, &format!("Version {i}"), saved) {
                    map.versions.push(kept);
                }
            }
            let time = |f: &dyn Fn() -> usize| {
                median(
                    (0..15)
                        .map(|_| {
                            let t = Instant::now();
                            std::hint::black_box(f());
                            t.elapsed()
                        })
                        .collect(),
                )
            };
            let size = polku::io::to_text(&map).map_or(0, |t| t.len());
            let kept = time(&|| polku::io::to_text(&map).map_or(0, |t| t.len()));
            // Held as parsed maps, as that design would.
            let plain = JourneyMap { versions: Vec::new(), ..map.clone() };
            let parsed: Vec<JourneyMap> = map
                .versions
                .iter()
                .filter_map(|v| polku::io::open_version(v, std::path::Path::new("bench.ron")).ok())
                .collect();
            let again = time(&|| {
                let text = |m: &JourneyMap| polku::io::to_text(m).map_or(0, |t| t.len());
                text(&plain) + parsed.iter().map(text).sum::<usize>()
            });
            let text = polku::io::to_text(&map).unwrap_or_default();
            let load =
                time(&|| polku::io::load_str(&text, std::path::Path::new("bench.ron")).map_or(0, |m| m.cards.len()));
            println!(
                "| {cards} | {versions} | {:.1} MB | {} | {} | {} |",
                size as f64 / 1e6,
                ms(kept),
                if versions == 0 { "—".to_owned() } else { ms(again) },
                ms(load)
            );
        }
    }
    println!();
}

/// Frames of the canvas at rest, zooming and while dragging a card.
fn frames(theme: &Theme, screen: Vec2) {
    let theme = theme.clone();
    println!("## Frame time (1920×1080 canvas, paint + tessellate, median of 30 frames)\n");
    println!(
        "| cards | layout (once per edit) | at rest, fit to window | at rest, 100 % | zooming from fit to 2× fit |"
    );
    println!("|---|---|---|---|---|");
    for n in [200, 1000, 5000] {
        let map = generated(n);
        let ctx = export::offscreen_context();
        let _ = ctx.run_ui(input(screen), |_| {});
        let t = Instant::now();
        let layout = ctx.fonts_mut(|f| layout::layout(&map, &theme, f));
        let layout_time = t.elapsed();
        let fit = (screen.x / layout.size.x).min(screen.y / layout.size.y);
        // Warm the galley cache as a resting canvas has it.
        for _ in 0..3 {
            frame(&ctx, &layout, &theme, screen, fit, fit, Vec2::ZERO);
        }
        let rest_fit = median((0..30).map(|_| frame(&ctx, &layout, &theme, screen, fit, fit, Vec2::ZERO)).collect());
        let offset = vec2(-600.0, -900.0);
        for _ in 0..3 {
            frame(&ctx, &layout, &theme, screen, 1.0, 1.0, offset);
        }
        let rest_100 = median((0..30).map(|_| frame(&ctx, &layout, &theme, screen, 1.0, 1.0, offset)).collect());
        // A zoom gesture from fit towards 100 %: every frame a new zoom; text keeps the
        // settled layout and is scaled as a mesh.
        let zooming = median(
            (0..30)
                .map(|i| {
                    // Around fit to window, where the most is visible: the worst case.
                    let z = fit * (1.0 + i as f32 / 30.0);
                    frame(&ctx, &layout, &theme, screen, z, fit, Vec2::ZERO)
                })
                .collect(),
        );
        println!("| {n} | {} | {} | {} | {} |", ms(layout_time), ms(rest_fit), ms(rest_100), ms(zooming));
    }

    println!("\n## Dragging a card (canvas at 100 %, median of 30 frames)\n");
    println!("Each frame undoes the preview and moves the card to the cell under the pointer; the layout");
    println!("is made again taking every unchanged card from the frame before (`layout::relayout`), as");
    println!("the window does; beside it, a layout made from scratch with the galleys warm.\n");
    println!(
        "| cards | edit (abort + move) | layout, cards taken from the frame before | paint + tessellate | whole frame | layout from scratch (galleys warm) |"
    );
    println!("|---:|---:|---:|---:|---:|---:|");
    for n in [1000, 5000] {
        let mut map = generated(n);
        let ctx = export::offscreen_context();
        let _ = ctx.run_ui(input(screen), |_| {});
        let mut history = polku::edit::History::default();
        let id = map.cards[40].id.clone();
        let lanes: Vec<LaneId> = map.lanes.iter().filter(|l| l.kind.holds_cards()).map(|l| l.id.clone()).collect();
        let mut laid = ctx.fonts_mut(|f| layout::layout(&map, &theme, f));
        let (mut edit_t, mut layout_t, mut frame_t, mut full_t) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for i in 0..30 {
            // Each frame of a drag: undo the preview, apply the move to the cell under the pointer.
            let t = Instant::now();
            history.abort(&mut map);
            history.begin(StepName::MoveCard);
            let stage = StageId::new(format!("s{}", i % 3));
            if let Some(cmd) = polku::edit::ops::move_card(&map, &id, &stage, &lanes[i % 2], i % 4) {
                let _ = history.apply(&mut map, cmd);
            }
            edit_t.push(t.elapsed());
            let t = Instant::now();
            laid = ctx.fonts_mut(|f| layout::relayout(laid, &map, &[], &theme, f));
            layout_t.push(t.elapsed());
            frame_t.push(frame(&ctx, &laid, &theme, screen, 1.0, 1.0, Vec2::ZERO));
            let t = Instant::now();
            std::hint::black_box(ctx.fonts_mut(|f| layout::layout(&map, &theme, f)));
            full_t.push(t.elapsed());
        }
        let (e, l, f, full) = (median(edit_t), median(layout_t), median(frame_t), median(full_t));
        println!("| {n} | {} | {} | {} | {} | {} |", ms(e), ms(l), ms(f), ms(e + l + f), ms(full));
    }
}

/// PNG export of a sample at several sizes, split into its steps.
fn png_export(theme: &Theme) {
    println!("\n## Export of the sample `ecommerce-running-shoes.ron` (median of 5)\n");
    println!("| scale | image | prepare (paint + tessellate) | raster | PNG encode | whole |");
    println!("|---|---|---|---|---|---|");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_maps/ecommerce-running-shoes.ron");
    let Ok(map) = polku::io::load(&path) else {
        println!("(sample missing)");
        return;
    };
    let layout = export::layout_headless(&map, theme);
    let mut scales = vec![2.0, 4.0];
    // The budget's reference size: scale so the image is about 4000×2500.
    scales.push(4000.0 / layout.size.x);
    for scale in scales {
        let options = ExportOptions { scale, background: Background::White, ..ExportOptions::default() };
        let mut prep = Vec::new();
        let mut raster = Vec::new();
        let mut encode = Vec::new();
        let mut size = (0, 0);
        for _ in 0..5 {
            let Ok(r) = export::render(&layout, theme, map.emotions.display, &options, Default::default()) else {
                return;
            };
            let t = Instant::now();
            let _ = png::encode(&r.pixels, r.dpi);
            encode.push(t.elapsed());
            prep.push(r.prepare);
            raster.push(r.raster);
            size = (r.pixels.width, r.pixels.height);
        }
        let (p, r, e) = (median(prep), median(raster), median(encode));
        println!("| {scale:.2}× | {}×{} | {} | {} | {} | {} |", size.0, size.1, ms(p), ms(r), ms(e), ms(p + r + e));
    }
    // The encoder's settings: time and size for the ~4000-pixel-wide image.
    let options = ExportOptions { scale: 4000.0 / layout.size.x, ..ExportOptions::default() };
    let Ok(r) = export::render(&layout, theme, map.emotions.display, &options, Default::default()) else { return };
    let rgba = r.pixels.to_straight_rgba();
    println!("\n### PNG encoder settings ({}×{})\n", r.pixels.width, r.pixels.height);
    println!("| compression | filter | encode | size |");
    println!("|---|---|---|---|");
    for (name, compression) in [
        ("fastest", ::png::Compression::Fastest),
        ("fast", ::png::Compression::Fast),
        ("balanced", ::png::Compression::Balanced),
    ] {
        for (filter_name, filter) in
            [("adaptive", ::png::Filter::Adaptive), ("up", ::png::Filter::Up), ("paeth", ::png::Filter::Paeth)]
        {
            let mut times = Vec::new();
            let mut bytes = 0;
            for _ in 0..3 {
                let t = Instant::now();
                let mut out = Vec::new();
                let mut encoder = ::png::Encoder::new(&mut out, r.pixels.width as u32, r.pixels.height as u32);
                encoder.set_color(::png::ColorType::Rgba);
                encoder.set_compression(compression);
                encoder.set_filter(filter);
                if let Ok(mut w) = encoder.write_header() {
                    let _ = w.write_image_data(&rgba);
                }
                times.push(t.elapsed());
                bytes = out.len();
            }
            println!("| {name} | {filter_name} | {} | {:.2} MB |", ms(median(times)), bytes as f64 / 1e6);
        }
    }
    let _ = pos2;
}

/// PDF export of every sample and of the 5,000-card map: one page fitting the map, and A4
/// pages with an overview and a page per stage (the layout made once beforehand).
fn pdf_export(theme: &Theme) {
    use polku::render::pdf::{Paper, to_pdf};
    println!("\n## PDF export (median of 5; the layout is made once beforehand)\n");
    println!("| map | pages | time | size |");
    println!("|---|---|---|---|");
    for (name, map) in &bench_maps() {
        let layout = export::layout_headless(map, theme);
        let text = polku::io::to_text(map).ok();
        for (kind, paper, per_stage) in
            [("1, fit to the map", Paper::Fit, false), ("A4, overview + per stage", Paper::A4, true)]
        {
            let options = ExportOptions { paper, per_stage, ..ExportOptions::default() };
            let pdf = options.pdf(None);
            let mut times = Vec::new();
            let mut bytes = 0;
            for _ in 0..5 {
                let t = Instant::now();
                let Ok((out, _)) = to_pdf(
                    map,
                    &layout,
                    theme,
                    map.emotions.display,
                    &options,
                    &pdf,
                    Default::default(),
                    text.as_deref(),
                ) else {
                    return;
                };
                times.push(t.elapsed());
                bytes = out.len();
            }
            println!("| {name} | {kind} | {} | {:.1} MB |", ms(median(times)), bytes as f64 / 1e6);
        }
    }
}

/// The samples and a generated 5,000-card map.
fn bench_maps() -> Vec<(String, polku::model::JourneyMap)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_maps");
    let mut maps: Vec<(String, polku::model::JourneyMap)> =
        ["crm-myyntijohtaja.ron", "digimarkkinointi.ron", "ecommerce-running-shoes.ron"]
            .iter()
            .filter_map(|name| polku::io::load(&dir.join(name)).ok().map(|m| ((*name).to_owned(), m)))
            .collect();
    maps.push(("generated, 5,000 cards".to_owned(), generated(5000)));
    maps
}

/// SVG export of every sample and of the 5,000-card map: time (lay out excluded) and size.
fn svg_export(theme: &Theme) {
    use polku::render::svg::{SvgOptions, to_svg};
    println!("\n## SVG export (median of 5; the layout is made once beforehand)\n");
    println!("| map | text | time | size |");
    println!("|---|---|---|---|");
    for (name, map) in &bench_maps() {
        let layout = export::layout_headless(map, theme);
        let text = polku::io::to_text(map).ok();
        for text_as_paths in [false, true] {
            let options = SvgOptions { text_as_paths, margin: 0.0, background: true, ..Default::default() };
            let mut times = Vec::new();
            let mut bytes = 0;
            for _ in 0..5 {
                let t = Instant::now();
                let Ok(svg) =
                    to_svg(&layout, theme, map.emotions.display, &options, Default::default(), text.as_deref())
                else {
                    return;
                };
                times.push(t.elapsed());
                bytes = svg.len();
            }
            let kind = if text_as_paths { "outlines" } else { "text + fonts" };
            println!("| {name} | {kind} | {} | {:.1} MB |", ms(median(times)), bytes as f64 / 1e6);
        }
    }
}
