//! Review reminders (issue "Revisit a map", item 5): the status bar tells when the map was
//! last reviewed; past the map's interval it becomes a "Review due" notice that opens the
//! articles' checklist and Mark reviewed today, one undoable step.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use egui_kittest::kittest::Queryable;
use polku::model::Date;

#[test]
fn a_map_past_its_review_interval_offers_the_checklist_and_mark_reviewed_today_is_undoable() {
    let mut h = common::ui::open_sample("crm-myyntijohtaja.ron");
    assert_eq!(h.state().doc.map.last_reviewed, Date::new(2026, 11, 3));
    // Six months and a day later.
    h.state_mut().review.today = Date::new(2027, 5, 4);
    h.run_steps(3);
    assert!(h.query_by_label("Time to review the map").is_none(), "the notice never covers the map by itself");
    h.get_by_label_contains("⚠ Review due (reviewed 2026-11-03)").click();
    h.run_steps(2);
    h.get_by_label("Time to review the map");
    h.get_by_label("Are the personas still the same people?").click();
    h.run_steps(1);
    h.get_by_label("Mark reviewed today").click();
    h.run_steps(3);
    assert_eq!(h.state().doc.map.last_reviewed, Date::new(2027, 5, 4));
    assert!(h.query_by_label("Time to review the map").is_none(), "reviewed: the notice is gone");
    h.get_by_label("Reviewed 2027-05-04");
    common::ui::undo(&mut h);
    assert_eq!(h.state().doc.map.last_reviewed, Date::new(2026, 11, 3), "one step, undone");
}

#[test]
fn the_checklist_closes_without_changing_anything_and_opens_again_from_the_status_bar() {
    let mut h = common::ui::open_sample("crm-myyntijohtaja.ron");
    h.state_mut().review.today = Date::new(2027, 6, 1);
    h.run_steps(3);
    h.get_by_label_contains("⚠ Review due").click();
    h.run_steps(2);
    h.get_by_label_contains("⚠ Review due").click();
    h.run_steps(2);
    assert!(h.query_by_label("Time to review the map").is_none());
    assert_eq!(h.state().doc.map.last_reviewed, Date::new(2026, 11, 3), "nothing changed");
    h.get_by_label_contains("⚠ Review due").click();
    h.run_steps(2);
    h.get_by_label("Time to review the map");
}

#[test]
fn within_its_interval_a_map_is_not_due_and_the_interval_is_the_maps_own() {
    let mut h = common::ui::open_sample("crm-myyntijohtaja.ron");
    // The day before it is due (six months after 3.11.2026).
    h.state_mut().review.today = Date::new(2027, 5, 2);
    h.run_steps(3);
    assert!(h.query_by_label("Time to review the map").is_none(), "not due yet");
    h.get_by_label("Reviewed 2026-11-03");
    let mut map = h.state().doc.map.clone();
    map.review_interval_months = Some(12);
    assert_eq!(map.review_due_on(), Date::new(2027, 11, 3));
    let text = polku::io::to_text(&map).unwrap();
    assert!(text.contains("review_interval_months: Some(12)"));
    assert!(
        !polku::io::to_text(&h.state().doc.map).unwrap().contains("review_interval_months"),
        "the default is left out"
    );
    map.review_interval_months = Some(0);
    let problems = map.validate();
    assert!(
        problems.iter().any(|p| p.message.contains("review_interval_months 0 must be from 1 to 36")),
        "{problems:?}"
    );
}
