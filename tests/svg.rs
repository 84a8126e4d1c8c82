//! SVG export: the same picture as the PNG (rasterised by an independent renderer, resvg),
//! selectable text or outlines, and the map inside so the SVG opens again as the map.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use assert_cmd::Command;
use polku::render::export::{ExportOptions, layout_headless, render};
use polku::render::svg::{SvgOptions, to_svg};
use polku::theme::Theme;
use resvg::{tiny_skia, usvg};

/// The fonts an SVG embeds in its `@font-face` rules.
fn embedded_fonts(svg: &str) -> Vec<Vec<u8>> {
    use base64::Engine as _;
    svg.split("base64,")
        .skip(1)
        .map(|rest| {
            let end = rest.find(')').unwrap();
            base64::engine::general_purpose::STANDARD.decode(&rest[..end]).unwrap()
        })
        .collect()
}

/// resvg's picture of `svg`, premultiplied RGBA. resvg ignores `@font-face`, so the fonts the
/// SVG embeds (the subsets, not Polku's own files) are given to it: what it draws is what a
/// browser draws from the SVG alone.
fn rasterise(svg: &str) -> tiny_skia::Pixmap {
    let mut options = usvg::Options::default();
    for font in embedded_fonts(svg) {
        options.fontdb_mut().load_font_data(font);
    }
    let tree = usvg::Tree::from_str(svg, &options).expect("a valid SVG");
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height()).unwrap();
    resvg::render(&tree, tiny_skia::Transform::identity(), &mut pixmap.as_mut());
    pixmap
}

/// The share of pixels that differ by more than 64 in a channel (antialiasing and glyph
/// rasterisers differ at edges; a wrong or missing element differs in whole areas).
fn differing(a: &tiny_skia::Pixmap, b: &polku::render::raster::Pixels) -> f64 {
    assert_eq!((a.width() as usize, a.height() as usize), (b.width, b.height), "same size");
    let far = a
        .data()
        .chunks_exact(4)
        .zip(&b.data)
        .filter(|(x, y)| x.iter().zip(y.iter()).any(|(p, q)| p.abs_diff(*q) > 64))
        .count();
    far as f64 / b.data.len() as f64
}

#[test]
fn every_samples_svg_draws_the_same_picture_as_its_png_with_text_and_with_outlines() {
    let theme = Theme::light();
    for path in common::sample_maps() {
        let map = polku::io::load(&path).unwrap();
        let layout = layout_headless(&map, &theme);
        let png = render(
            &layout,
            &theme,
            map.emotions.display,
            &ExportOptions { scale: 1.0, ..Default::default() },
            Default::default(),
        )
        .unwrap()
        .pixels;
        for text_as_paths in [true, false] {
            let options = SvgOptions { text_as_paths, margin: 0.0, background: true, ..Default::default() };
            let svg = to_svg(&layout, &theme, map.emotions.display, &options, Default::default(), None).unwrap();
            let svg_pixels = rasterise(&svg);
            // POLKU_DUMP=DIR writes both pictures, to look at them side by side.
            if let Some(dir) = std::env::var_os("POLKU_DUMP") {
                let stem = common::name(&path).replace(".ron", if text_as_paths { "-outlines" } else { "-text" });
                svg_pixels.save_png(std::path::Path::new(&dir).join(format!("{stem}.svg.png"))).unwrap();
                std::fs::write(
                    std::path::Path::new(&dir).join(format!("{stem}.png")),
                    polku::render::png::encode_with_map(&png, 96.0, None).unwrap(),
                )
                .unwrap();
            }
            let share = differing(&svg_pixels, &png);
            assert!(
                share < 0.02,
                "{} (text as paths: {text_as_paths}): {:.2} % of pixels differ",
                common::name(&path),
                share * 100.0
            );
        }
    }
}

#[test]
fn text_stays_text_with_its_fonts_inside_unless_outlines_are_asked_for() {
    let map = polku::io::load(&common::root().join("sample_maps/crm-myyntijohtaja.ron")).unwrap();
    let theme = Theme::light();
    let layout = layout_headless(&map, &theme);
    let text = to_svg(&layout, &theme, map.emotions.display, &SvgOptions::default(), Default::default(), None).unwrap();
    for card in &map.cards {
        let first_word = card.title.split_whitespace().next().unwrap();
        let escaped = polku::render::svg::escape(first_word);
        assert!(text.contains(&escaped), "{first_word} is text in the SVG");
    }
    assert!(text.contains("@font-face") && text.contains("font-family: 'polku-inter'"), "Inter is embedded");
    // Subsets: the map's glyphs only, far smaller than the 260 KB faces.
    for font in embedded_fonts(&text) {
        assert!(font.len() < 60_000, "a subset of {} bytes", font.len());
    }
    let outlines = to_svg(
        &layout,
        &theme,
        map.emotions.display,
        &SvgOptions { text_as_paths: true, ..Default::default() },
        Default::default(),
        None,
    )
    .unwrap();
    assert!(!outlines.contains("<text") && !outlines.contains("@font-face"));
    assert!(outlines.contains("<use xlink:href=\"#g"), "glyphs are outlines, each drawn once in <defs>");
}

#[test]
fn every_samples_svg_opens_again_as_the_same_map_and_is_never_written_over() {
    let dir = tempfile::tempdir().unwrap();
    for path in common::sample_maps() {
        let out = dir.path().join(common::name(&path).replace(".ron", ".svg"));
        let run =
            Command::cargo_bin("polku").unwrap().args(["export"]).arg(&path).arg("-o").arg(&out).output().unwrap();
        assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stdout));
        assert_eq!(polku::io::load(&out).unwrap(), polku::io::load(&path).unwrap(), "{}", common::name(&path));
        let check = Command::cargo_bin("polku").unwrap().args(["check"]).arg(&out).output().unwrap();
        assert_eq!(check.status.code(), Some(0));
        let map = polku::io::load(&out).unwrap();
        assert!(polku::io::save(&map, &out).is_err(), "a map is never saved as text over a picture");
    }
}

#[test]
fn an_svg_without_a_map_or_with_a_broken_one_says_so_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("plain.svg");
    std::fs::write(&plain, "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n").unwrap();
    let err = polku::io::load(&plain).unwrap_err().to_string();
    assert!(err.contains("carries no Polku map"), "{err}");
    let out = dir.path().join("kartta.svg");
    let map = common::root().join("sample_maps/digimarkkinointi.ron");
    Command::cargo_bin("polku").unwrap().args(["export"]).arg(&map).arg("-o").arg(&out).assert().success();
    let text = std::fs::read_to_string(&out).unwrap();
    let cut = text.find("</polku:map>").unwrap();
    std::fs::write(&out, format!("{}{}", &text[..cut - 40], &text[cut..])).unwrap();
    let err = polku::io::load(&out).unwrap_err().to_string();
    assert!(!err.contains('\n'), "{err}");
    let no_embed = dir.path().join("ilman.svg");
    Command::cargo_bin("polku")
        .unwrap()
        .args(["export"])
        .arg(&map)
        .arg("-o")
        .arg(&no_embed)
        .arg("--no-embed")
        .assert()
        .success();
    assert!(polku::io::load(&no_embed).unwrap_err().to_string().contains("carries no Polku map"));
}

#[test]
fn the_format_follows_the_extension_and_an_unknown_one_is_a_usage_error() {
    let map = common::root().join("sample_maps/digimarkkinointi.ron");
    for name in ["kartta.jpg", "kartta.docx", "kartta"] {
        let run = Command::cargo_bin("polku").unwrap().args(["export"]).arg(&map).args(["-o", name]).output().unwrap();
        assert_eq!(run.status.code(), Some(2), "{name}");
    }
}
