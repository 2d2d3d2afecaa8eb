//! A document's `csv.path` naming an .xlsx file: read through core's one
//! file reader (`files::read`: real path, regular file, size), its first
//! sheet by the CSV rules with the feature `excel`; without it, a typed
//! error that says so.
#![cfg(all(feature = "fs", unix))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use andel_core::document::compute_json_with;
use andel_core::files::FileAccess;
use std::path::PathBuf;

fn folder(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("andel-xlsx-path-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// A document splitting 4.275.000 by the weights in `file`.
const DOC: &str = r#"{"version": 1, "key": {"csv": {"path": "vægte.xlsx"}},
  "scenarios": [{"name": "lav", "total": "4275000"}]}"#;

/// The nine municipalities of case 2.8 with their population on 1 January
/// 2022 (569.903 in all), a title line and "Hele landet" above them.
#[cfg(feature = "excel")]
fn workbook(path: &std::path::Path) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.write_string(0, 0, "Befolkningen 1. januar 2022")
        .unwrap();
    ws.write_string(1, 0, "kommune").unwrap();
    ws.write_string(1, 1, "befolkning").unwrap();
    ws.write_string(2, 0, "Hele landet").unwrap();
    ws.write_number(2, 1, 5_873_420).unwrap();
    let nine = [
        ("Thisted", 43089),
        ("Brønderslev", 36194),
        ("Frederikshavn", 58878),
        ("Vesthimmerland", 36326),
        ("Rebild", 30646),
        ("Mariagerfjord", 41662),
        ("Jammerbugt", 38187),
        ("Aalborg", 221_082),
        ("Hjørring", 63839),
    ];
    for (i, (name, people)) in nine.iter().enumerate() {
        ws.write_string(3 + i as u32, 0, *name).unwrap();
        ws.write_number(3 + i as u32, 1, *people).unwrap();
    }
    book.save(path).unwrap();
}

#[cfg(feature = "excel")]
#[test]
fn csv_path_reads_an_xlsx_sheet() {
    let dir = folder("read");
    workbook(&dir.join("vægte.xlsx"));
    let r = compute_json_with(DOC, &FileAccess::Under(dir.clone())).unwrap();
    let a = r.scenarios[0].allocations()[0].1;
    let aalborg = a.parties.iter().find(|p| p.id == "851").unwrap();
    // 221.082 / 569.903 × 4.275.000 = 1.658.397,218474… → 1.658.397,22 (the minutes, 2.8).
    assert_eq!(aalborg.amount.to_string(), "1658397.22");
    assert_eq!(a.parties.len(), 9, "Hele landet and the title left out");
    // The file reader's rules hold for .xlsx too: no file access, no read.
    let e = compute_json_with(DOC, &FileAccess::None).unwrap_err();
    assert_eq!((e.code(), e.field()), ("io", Some("key.csv.path")));
    // A link out of the folder is refused before a byte is read.
    let other = folder("outside");
    workbook(&other.join("secret.xlsx"));
    std::os::unix::fs::symlink(other.join("secret.xlsx"), dir.join("link.xlsx")).unwrap();
    let e = compute_json_with(
        &DOC.replace("vægte.xlsx", "link.xlsx"),
        &FileAccess::Under(dir),
    )
    .unwrap_err();
    assert!(e.to_string().contains("outside"), "{e}");
}

#[cfg(not(feature = "excel"))]
#[test]
fn csv_path_to_an_xlsx_without_the_feature_says_so() {
    let dir = folder("no-excel");
    // The start of a zip file, as every .xlsx begins.
    std::fs::write(dir.join("vægte.xlsx"), b"PK\x03\x04rest of a workbook").unwrap();
    let e = compute_json_with(DOC, &FileAccess::Under(dir)).unwrap_err();
    assert_eq!((e.code(), e.field()), ("io", Some("key.csv.path")));
    assert!(e.to_string().contains("feature `excel`"), "{e}");
}
