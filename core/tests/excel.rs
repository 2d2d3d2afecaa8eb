//! Excel in and out (feature `excel`): the workbook says what the view says
//! (the same heads and words, in Danish or English, from the catalogue),
//! with numbers as numbers and totals as SUM formulas whose stored values
//! are the exact totals; an .xlsx reads as its CSV text reads.
#![cfg(feature = "excel")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use andel_core::document::compute_json;
use andel_core::excel::{read_weights_xlsx, sheet_text, write_result, write_result_in};
use andel_core::present::{document_view, Language};
use andel_core::tabular::{read_weights, CsvColumns, NumberStyle};
use calamine::{Data, Reader, Xlsx};

fn example(name: &str) -> String {
    let path = format!("{}/../examples/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).unwrap()
}

fn book(bytes: &[u8]) -> Xlsx<std::io::Cursor<Vec<u8>>> {
    Xlsx::new(std::io::Cursor::new(bytes.to_vec())).unwrap()
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

/// Case 2.8 (low and high scenario) as a workbook: every head is the
/// view's; Aalborg and Rebild get the minutes' figures as numbers; each
/// total is a SUM whose stored value is the exact total.
#[test]
fn the_2_8_workbook_says_what_the_view_says() {
    let r = compute_json(&example("2.8-cost-split.json")).unwrap();
    let view = document_view(&r, Language::Da, NumberStyle::Danish);
    let mut b = book(&write_result(&r).unwrap());
    assert_eq!(b.sheet_names(), ["Fordeling", "Forudsætninger"]);
    let range = b.worksheet_range("Fordeling").unwrap();
    let rows: Vec<Vec<Data>> = range.rows().map(|r| r.to_vec()).collect();
    let texts: Vec<Vec<String>> = rows.iter().map(|r| r.iter().map(text).collect()).collect();
    // Every scenario heading, section heading and column head of the view
    // is in the sheet, as the screen shows it.
    let all: Vec<&String> = texts.iter().flatten().collect();
    for s in &view.scenarios {
        assert!(all.contains(&&s.heading), "{}", s.heading);
        for section in &s.sections {
            for h in section.heading.iter().chain(&section.summary) {
                assert!(all.contains(&h), "{h}");
            }
            let heads: Vec<String> = section
                .table
                .columns
                .iter()
                .map(|c| c.head.clone())
                .collect();
            assert!(
                texts.iter().any(|r| r.starts_with(&heads)),
                "{heads:?} not a row of the sheet"
            );
        }
    }
    // The municipalities' table of the low scenario: the first with "kr., i øre".
    let head_row = texts
        .iter()
        .position(|r| r.iter().any(|c| c == "indbyggere 2022") && r[0] == "id")
        .unwrap();
    let amount = texts[head_row]
        .iter()
        .position(|c| c == "kr., i øre")
        .unwrap();
    let row_of = |id: &str| {
        texts[head_row..]
            .iter()
            .position(|r| r[0] == id)
            .map(|i| i + head_row)
            .unwrap()
    };
    // 221.082 / 569.903 × 4.275.000 = 1.658.397,218474… → 1.658.397,22 (the minutes);
    // Rebild 30.647 / 569.903 × 4.275.000 = 229.884,11… → 229.884,12 (the minutes).
    assert_eq!(rows[row_of("851")][amount], Data::Float(1658397.22));
    assert_eq!(rows[row_of("840")][amount], Data::Float(229884.12));
    assert_eq!(texts[row_of("851")][1], "Aalborg");
    // The total row: "i alt", a SUM over the rows above, stored value 4.275.000.
    let total = row_of("i alt");
    assert_eq!(rows[total][amount], Data::Float(4275000.0));
    let formulas = b.worksheet_formula("Fordeling").unwrap();
    let (r0, c0) = formulas.start().unwrap();
    let f = formulas
        .get(((total as u32 - r0) as usize, (amount as u32 - c0) as usize))
        .unwrap();
    let col = (b'A' + amount as u8) as char;
    assert_eq!(
        f,
        &format!(
            "SUM({col}{}:{col}{})",
            row_of("851").min(head_row + 1) + 1,
            total
        )
    );
    // No text became a formula: every formula is a SUM.
    assert!(formulas
        .rows()
        .flatten()
        .all(|f| f.is_empty() || f.starts_with("SUM(")));
    // The assumptions, and what made the file, on their own sheet.
    let notes: Vec<String> = b
        .worksheet_range("Forudsætninger")
        .unwrap()
        .rows()
        .map(|r| text(&r[0]))
        .collect();
    assert!(notes.contains(&"Forudsætninger:".to_string()));
    for a in &r.assumptions {
        assert!(notes.contains(a), "{a}");
    }
    assert!(notes.iter().any(|n| n.starts_with("andel ")), "{notes:?}");
}

/// In English the sheets, heads and words are the English view's, and no
/// Danish frame word is left; the numbers are the same.
#[test]
fn the_workbook_in_english() {
    let r = compute_json(&example("2.8-cost-split.json")).unwrap();
    let view = document_view(&r, Language::En, NumberStyle::Danish);
    let mut b = book(&write_result_in(&r, Language::En).unwrap());
    assert_eq!(b.sheet_names(), ["Allocation", "Assumptions"]);
    let range = b.worksheet_range("Allocation").unwrap();
    let texts: Vec<String> = range.rows().flatten().map(text).collect();
    for c in &view.scenarios[0].sections[0].table.columns {
        assert!(texts.contains(&c.head), "{}", c.head);
    }
    for danish in ["i alt", "Scenarie", "kr., i øre", "navn", "afrunding"] {
        assert!(!texts.iter().any(|t| t == danish), "{danish}");
    }
    assert!(range
        .rows()
        .flatten()
        .any(|d| d == &Data::Float(1658397.22)));
}

/// A sheet as CSV text reads as the sheet itself reads: the weights of a
/// workbook andel wrote, with decimals (7,2) and whole numbers.
#[test]
fn a_sheet_as_text_reads_as_the_sheet() {
    let r = compute_json(
        r#"{"version": 1, "key": {"weights": [{"id": "R", "name": "R; \"N\"", "weight": "7.2"},
        {"id": "851", "weight": "221082"}, {"id": "A", "weight": "1.234"}]},
        "scenarios": [{"name": "lav", "total": "1000"}]}"#,
    )
    .unwrap();
    let bytes = write_result(&r).unwrap();
    let t = sheet_text(&bytes, None).unwrap();
    assert_eq!(t.sheet, "Fordeling");
    let from_text = read_weights(&t.text, &CsvColumns::default()).unwrap();
    let from_sheet = read_weights_xlsx(&bytes, None, &CsvColumns::default()).unwrap();
    assert_eq!(from_text.key, from_sheet.key);
    // 7.2, 221082, 1.234: the weights as given, not 7.200 thousands.
    assert_eq!(
        from_text
            .key
            .weights()
            .iter()
            .map(|w| w.to_string())
            .collect::<Vec<_>>(),
        ["7.2", "221082", "1.234"]
    );
    let e = sheet_text(&bytes, Some("Ark9")).unwrap_err();
    assert_eq!((e.code(), e.field()), ("invalid_option", Some("sheet")));
    let e = sheet_text(b"not a zip", None).unwrap_err();
    assert_eq!(e.code(), "io");
}

/// What reading a CSV left out is on the workbook's assumptions sheet in
/// the workbook's language, as text: "Hele landet" on line 2 of the
/// Statbank text is the national total.
#[test]
fn the_workbook_says_what_a_csv_left_out_in_its_language() {
    let doc = r#"{"version": 1, "assumptions": ["Befolkning 2022."],
        "key": {"csv": {"text": "OMRÅDE;TID;INDHOLD\nHele landet;2022K1;5873420\nAalborg;2022K1;221082\nLæsø;2022K1;1769\n"}},
        "scenarios": [{"name": "s", "total": "100"}]}"#;
    let r = compute_json(doc).unwrap();
    for (language, sheet, said) in [
        (
            Language::Da,
            "Forudsætninger",
            "CSV-vægtene: udeladt linje 2 «Hele landet;2022K1;5873420» (landstallet).",
        ),
        (
            Language::En,
            "Assumptions",
            "The CSV weights: left out line 2 \"Hele landet;2022K1;5873420\" (the national total).",
        ),
    ] {
        let mut b = book(&write_result_in(&r, language).unwrap());
        let notes: Vec<String> = b
            .worksheet_range(sheet)
            .unwrap()
            .rows()
            .map(|r| text(&r[0]))
            .collect();
        assert!(notes.contains(&"Befolkning 2022.".to_string()), "{notes:?}");
        assert!(notes.contains(&said.to_string()), "{notes:?}");
    }
}

/// A workbook that cannot be read, or has no sheet of the name asked, is
/// an error said in Danish all through (the reader's English reason only
/// in the English message).
#[test]
fn excel_file_errors_in_danish() {
    let r = compute_json(&example("2.8-cost-split.json")).unwrap();
    let bytes = write_result(&r).unwrap();
    let e = read_weights_xlsx(&bytes, Some("Ark9"), &CsvColumns::default()).unwrap_err();
    assert_eq!(e.code(), "invalid_option");
    // andel's workbook has the two sheets Fordeling and Forudsætninger.
    assert_eq!(
        e.message(Language::Da),
        "sheet: intet ark hedder «Ark9»; arkene er «Fordeling» og «Forudsætninger»"
    );
    assert_eq!(
        e.message(Language::En),
        "sheet: no sheet named \"Ark9\"; the sheets are [\"Fordeling\", \"Forudsætninger\"]"
    );
    // A zip file's first bytes and nothing of a workbook.
    let e = read_weights_xlsx(b"PK\x03\x04no workbook", None, &CsvColumns::default()).unwrap_err();
    assert_eq!(e.code(), "io");
    assert_eq!(
        e.message(Language::Da),
        "Excel-filen kan ikke læses; gem den som en .xlsx-projektmappe"
    );
    assert!(
        e.message(Language::En).contains("the Excel file: "),
        "{}",
        e.message(Language::En)
    );
}
