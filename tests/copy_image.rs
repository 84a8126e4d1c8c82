//! Edit → Copy as image puts a picture of the map (or of the selected stages) at twice its
//! size on the clipboard.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use egui::{Key, Modifiers, OutputCommand};
use egui_kittest::Harness;
use polku::app::{PolkuApp, Sel};
use polku::model::StageId;

fn app() -> Harness<'static, PolkuApp> {
    let path = common::root().join("sample_maps/crm-myyntijohtaja.ron");
    let mut h = Harness::builder().with_size([1600.0, 1000.0]).build_eframe(move |cc| PolkuApp::create(cc, Some(path)));
    h.run_steps(3);
    h
}

/// Presses Ctrl+Shift+C and returns the image the frame put on the clipboard.
fn copy(h: &mut Harness<'_, PolkuApp>) -> egui::ColorImage {
    h.state_mut().editor.canvas_focus = true;
    // One frame with the key press in it: its output is the one that carries the picture.
    h.input_mut().events.push(egui::Event::Key {
        key: Key::C,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: Modifiers::COMMAND | Modifiers::SHIFT,
    });
    h.step();
    let image = h.output().platform_output.commands.iter().find_map(|c| match c {
        OutputCommand::CopyImage(image) => Some(image.clone()),
        _ => None,
    });
    h.run_steps(2);
    let image = image.expect("a picture on the clipboard");
    // POLKU_DUMP=DIR writes the pictures, to look at them.
    if let Some(dir) = std::env::var_os("POLKU_DUMP") {
        let bytes: Vec<u8> = image.pixels.iter().flat_map(|p| p.to_array()).collect();
        let name = format!("copied-{}x{}.png", image.size[0], image.size[1]);
        image::save_buffer(
            std::path::Path::new(&dir).join(name),
            &bytes,
            image.size[0] as u32,
            image.size[1] as u32,
            image::ColorType::Rgba8,
        )
        .unwrap();
    }
    image
}

#[test]
fn ctrl_shift_c_copies_the_whole_map_at_twice_its_size() {
    let mut h = app();
    let image = copy(&mut h);
    let theme = polku::theme::Theme::light();
    let size = polku::render::export::layout_headless(&h.state().doc.map, &theme).size;
    let expected = [((size.x + 32.0) * 2.0).round() as usize, ((size.y + 32.0) * 2.0).round() as usize];
    for (got, want) in image.size.iter().zip(expected) {
        assert!(got.abs_diff(want) <= 4, "{:?} vs {expected:?}", image.size);
    }
    // A real picture: the background at the corner, dark text somewhere.
    assert_eq!(image.pixels[0], theme.background);
    assert!(image.pixels.iter().any(|p| p.r() < 60 && p.g() < 60 && p.b() < 60));
}

#[test]
fn with_stages_selected_only_they_are_copied_beside_the_lane_titles() {
    let mut h = app();
    let whole = copy(&mut h);
    let ids: Vec<StageId> = h.state().doc.map.stages[1..3].iter().map(|s| s.id.clone()).collect();
    h.state_mut().editor.selection.set(Sel::Stage(ids[0].clone()));
    h.state_mut().editor.selection.items.push(Sel::Stage(ids[1].clone()));
    h.run_steps(1);
    let part = copy(&mut h);
    assert!(part.size[0] < whole.size[0] * 3 / 4, "two of five stages: {:?} of {:?}", part.size, whole.size);
    assert!(part.size[1] < whole.size[1], "no header: {:?} of {:?}", part.size, whole.size);
    assert!(part.size[0] > 400, "{:?}", part.size);
}
