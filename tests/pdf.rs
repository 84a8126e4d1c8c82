//! PDF export: the same picture as the PNG (rendered by poppler's `pdftoppm`), selectable and
//! searchable text in embedded subset fonts (`pdftotext`, `pdffonts`), pages sized for a
//! report with a page per stage and bookmarks, and the map inside so the PDF opens again.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use std::process::Output;

/// Runs a poppler tool; CI installs poppler-utils, so a missing tool fails the test.
fn poppler(tool: &str, args: &[&str], pdf: &Path) -> Output {
    // pdftotext writes beside the PDF unless told to write to standard output.
    let to_stdout: &[&str] = if tool == "pdftotext" { &["-"] } else { &[] };
    let out = std::process::Command::new(tool)
        .args(args)
        .arg(pdf)
        .args(to_stdout)
        .output()
        .unwrap_or_else(|e| panic!("{tool} is needed (apt-get install poppler-utils): {e}"));
    assert!(out.status.success(), "{tool}: {}", String::from_utf8_lossy(&out.stderr));
    out
}

fn text_of(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `polku export MAP -o OUT ARGS…`, which must succeed.
fn export(map: &Path, out: &Path, args: &[&str]) -> String {
    let run =
        Command::cargo_bin("polku").unwrap().arg("export").arg(map).arg("-o").arg(out).args(args).output().unwrap();
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stdout));
    String::from_utf8_lossy(&run.stdout).into_owned()
}

fn sample(name: &str) -> PathBuf {
    common::root().join("sample_maps").join(name)
}

/// `pdftotext`'s words, joined by single spaces (it breaks lines where the card does).
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_card_title_is_searchable_text_in_embedded_subset_fonts() {
    let dir = tempfile::tempdir().unwrap();
    for path in common::sample_maps() {
        let out = dir.path().join(common::name(&path).replace(".ron", ".pdf"));
        export(&path, &out, &[]);
        let map = polku::io::load(&path).unwrap();
        let text = words(&text_of(&poppler("pdftotext", &["-layout", "-enc", "UTF-8"], &out)).replace('\u{ad}', ""));
        let raw = words(&text_of(&poppler("pdftotext", &["-raw", "-enc", "UTF-8"], &out)));
        for card in &map.cards {
            // A title is wrapped over lines in the card, and lines of cards side by side
            // interleave in a layout dump; the raw dump keeps each card's lines together.
            let title = words(&card.title);
            assert!(raw.contains(&title) || text.contains(&title), "{}: “{title}” is text", common::name(&path));
        }
        let fonts = text_of(&poppler("pdffonts", &[], &out));
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty(), "{fonts}");
        for row in rows {
            let cols: Vec<&str> = row.split_whitespace().collect();
            // name type… encoding emb sub uni object ID: the subset tag is six capitals and '+'.
            let n = cols.len();
            assert_eq!(&cols[n - 5..n - 2], ["yes", "yes", "yes"], "embedded, subset, with Unicode: {row}");
            assert_eq!(cols[0].find('+'), Some(6), "a subset's name: {row}");
        }
    }
}

#[test]
fn every_samples_pdf_draws_the_same_picture_as_its_png() {
    let dir = tempfile::tempdir().unwrap();
    for path in common::sample_maps() {
        let pdf = dir.path().join(common::name(&path).replace(".ron", ".pdf"));
        let png = dir.path().join(common::name(&path).replace(".ron", ".png"));
        export(&path, &pdf, &[]);
        export(&path, &png, &["--scale", "1", "--no-embed"]);
        let ours = decode(&png);
        let page = dir.path().join("page");
        let (w, h) = (ours.0.to_string(), ours.1.to_string());
        let run = std::process::Command::new("pdftoppm")
            .args(["-png", "-singlefile", "-scale-to-x", &w, "-scale-to-y", &h])
            .arg(&pdf)
            .arg(&page)
            .output()
            .unwrap();
        assert!(run.status.success(), "pdftoppm (poppler-utils): {}", String::from_utf8_lossy(&run.stderr));
        let theirs = decode(&page.with_extension("png"));
        assert_eq!((ours.0, ours.1), (theirs.0, theirs.1), "same size");
        // Poppler hints glyphs and Polku does not, so glyph edges differ by a pixel; a slight
        // blur evens that out, while a missing or misplaced element still differs in areas.
        let (a, b) = (blur(&ours), blur(&theirs));
        let far = a.iter().zip(&b).filter(|(p, q)| p.iter().zip(q.iter()).any(|(x, y)| x.abs_diff(*y) > 64)).count();
        let share = far as f64 / (ours.0 * ours.1) as f64;
        assert!(share < 0.005, "{}: {:.2} % of pixels differ", common::name(&path), share * 100.0);
    }
}

/// The picture's RGB, each pixel the mean of its 3×3 neighbourhood.
fn blur((w, h, rgba): &(usize, usize, Vec<u8>)) -> Vec<[u8; 3]> {
    let at = |x: usize, y: usize, c: usize| u32::from(rgba[(y * w + x) * 4 + c]);
    let mut out = Vec::with_capacity(w * h);
    for y in 0..*h {
        for x in 0..*w {
            let mut px = [0u8; 3];
            for (c, v) in px.iter_mut().enumerate() {
                let (mut sum, mut n) = (0, 0);
                for yy in y.saturating_sub(1)..=(y + 1).min(h - 1) {
                    for xx in x.saturating_sub(1)..=(x + 1).min(w - 1) {
                        sum += at(xx, yy, c);
                        n += 1;
                    }
                }
                *v = (sum / n) as u8;
            }
            out.push(px);
        }
    }
    out
}

/// A PNG file's width, height and RGBA pixels.
fn decode(path: &Path) -> (usize, usize, Vec<u8>) {
    let image = image::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())).to_rgba8();
    (image.width() as usize, image.height() as usize, image.into_raw())
}

#[test]
fn a_report_pdf_has_an_overview_and_a_page_per_stage_on_a4_with_bookmarks_and_properties() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("raportti.pdf");
    let path = sample("crm-myyntijohtaja.ron");
    let said = export(&path, &out, &["--per-stage", "--page", "a4", "--author", "Liisa Laine"]);
    let map = polku::io::load(&path).unwrap();
    let pages = map.stages.len() + 1;
    assert!(said.contains(&format!("{pages} pages")), "{said}");
    let info = text_of(&poppler("pdfinfo", &["-f", "1", "-l", "99"], &out));
    assert!(info.contains(&format!("Pages:           {pages}")), "{info}");
    assert!(info.contains("Title:           Myyntijohtajan polku CRM-palveluun"), "{info}");
    assert!(info.contains("Author:          Liisa Laine"), "{info}");
    // Every page A4; this map is taller than wide, and so is a stage: portrait.
    assert_eq!(info.matches("size:  595.276 x 841.89 pts (A4)").count(), pages, "{info}");
    let stage_text = words(&text_of(&poppler("pdftotext", &["-raw", "-f", "3", "-l", "3"], &out)));
    assert!(stage_text.contains(&map.stages[1].name), "page 3 is the second stage: {stage_text}");
    assert!(!stage_text.contains(&map.stages[2].name), "and only that stage: {stage_text}");
    let bookmarks = outline_titles(&std::fs::read(&out).unwrap());
    let mut expected = vec!["Yleiskuva".to_owned()];
    expected.extend(map.stages.iter().enumerate().map(|(i, s)| format!("{}. {}", i + 1, s.name)));
    assert_eq!(bookmarks, expected);
}

/// The titles of the PDF's outline, depth first.
fn outline_titles(bytes: &[u8]) -> Vec<String> {
    use hayro_syntax::object::{Dict, String as PdfString};
    let pdf = hayro_syntax::Pdf::new(bytes.to_vec()).unwrap();
    let xref = pdf.xref();
    let root = xref.get::<Dict<'_>>(xref.root_id()).unwrap();
    fn walk(node: Option<Dict<'_>>, out: &mut Vec<String>) {
        let mut node = node;
        while let Some(item) = node {
            if let Some(title) = item.get::<PdfString<'_>>("Title") {
                let bytes = title.as_bytes();
                // Text strings are PDFDocEncoding or UTF-16BE with a byte order mark.
                let text = if let Some(utf16) = bytes.strip_prefix(&[0xfe, 0xff]) {
                    let units: Vec<u16> = utf16.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
                    String::from_utf16_lossy(&units)
                } else {
                    bytes.iter().map(|b| char::from(*b)).collect()
                };
                out.push(text);
            }
            walk(item.get::<Dict<'_>>("First"), out);
            node = item.get::<Dict<'_>>("Next");
        }
    }
    let mut titles = Vec::new();
    walk(root.get::<Dict<'_>>("Outlines").and_then(|o| o.get::<Dict<'_>>("First")), &mut titles);
    titles
}

#[test]
fn a_single_page_pdf_bookmarks_each_stage_where_its_column_is() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.pdf");
    let path = sample("ecommerce-running-shoes.ron");
    export(&path, &out, &[]);
    let map = polku::io::load(&path).unwrap();
    let mut expected = vec![map.title.clone()];
    expected.extend(map.stages.iter().enumerate().map(|(i, s)| format!("{}. {}", i + 1, s.name)));
    assert_eq!(outline_titles(&std::fs::read(&out).unwrap()), expected);
}

#[test]
fn every_samples_pdf_opens_again_as_the_same_map_and_is_never_written_over() {
    let dir = tempfile::tempdir().unwrap();
    for path in common::sample_maps() {
        let out = dir.path().join(common::name(&path).replace(".ron", ".pdf"));
        export(&path, &out, &["--per-stage", "--page", "letter", "--hide-empty-lanes"]);
        assert_eq!(polku::io::load(&out).unwrap(), polku::io::load(&path).unwrap(), "{}", common::name(&path));
        Command::cargo_bin("polku").unwrap().arg("check").arg(&out).assert().success();
        let map = polku::io::load(&out).unwrap();
        assert!(polku::io::save(&map, &out).is_err(), "a map is never saved as text over a PDF");
    }
}

#[test]
fn a_pdf_without_a_map_or_with_a_damaged_one_says_so_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample("digimarkkinointi.ron");
    let plain = dir.path().join("ilman.pdf");
    export(&path, &plain, &["--no-embed"]);
    let err = polku::io::load(&plain).unwrap_err().to_string();
    assert!(err.contains("carries no Polku map") && !err.contains('\n'), "{err}");
    assert!(!std::fs::read(&plain).unwrap().windows(13).any(|w| w == b"map.polku.ron"), "nothing embedded");

    let out = dir.path().join("kartta.pdf");
    export(&path, &out, &[]);
    let mut bytes = std::fs::read(&out).unwrap();
    // Break the compressed stream of the embedded map.
    let at = bytes.windows(13).position(|w| w == b"/EmbeddedFile").unwrap();
    let data = at + bytes[at..].windows(6).position(|w| w == b"stream").unwrap() + 8;
    for b in &mut bytes[data + 10..data + 200] {
        *b = !*b;
    }
    std::fs::write(&out, &bytes).unwrap();
    let err = polku::io::load(&out).unwrap_err().to_string();
    assert!(err.contains("is damaged") && !err.contains('\n'), "{err}");
    let check = Command::cargo_bin("polku").unwrap().arg("check").arg(&out).output().unwrap();
    assert_eq!(check.status.code(), Some(1));

    let truncated = dir.path().join("katkennut.pdf");
    std::fs::write(&truncated, &bytes[..2000]).unwrap();
    let err = polku::io::load(&truncated).unwrap_err().to_string();
    assert!(err.contains("is damaged") || err.contains("carries no Polku map"), "{err}");
}
