//! The golden test: every fixture report against its reviewed expected document
//! (`fixtures/expected/*.json`), tolerating exactly the differences listed in
//! `fixtures/known-gaps.json`. Precision and recall per fact kind are printed
//! (`cargo test --test golden -- --nocapture`).

#[test]
fn every_fixture_matches_its_expected_document_or_a_listed_gap() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
    let report = vietfacts::check::check_dir(dir).unwrap_or_else(|error| panic!("{error}"));
    println!("{}", report.scores_table());
    assert!(!report.files.is_empty(), "no fixture was checked");
    assert!(
        report.unchecked.is_empty(),
        "reports without an expected file (write fixtures/tools/specs/<stem>.py from the note and \
         run fixtures/tools/notes2expected.py <stem>): {:?}",
        report.unchecked
    );
    assert!(
        report.passed(),
        "\n{}\nA difference above that is right: fix the extractor. One that is a known \
         limitation: list it with `cargo run -- check fixtures --update-gaps` and write its \
         \"why\". A gap that now passes: remove it from fixtures/known-gaps.json.",
        report.render(false)
    );
}
