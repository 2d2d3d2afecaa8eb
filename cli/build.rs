//! Embeds the minutes' key documents (examples/*.json) in the binary, so an
//! installed `andel report` works outside the repository.

use std::fmt::Write;
use std::path::Path;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut out = String::from("/// The minutes' key documents: (file name, text).\n");
    out += "const EMBEDDED_DOCUMENTS: &[(&str, &str)] = &[\n";
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.file_name().map(|n| n.to_string_lossy().to_string());
        let _ = writeln!(
            out,
            "    ({:?}, include_str!({:?})),",
            name.unwrap_or_default(),
            f.display().to_string()
        );
    }
    out += "];\n";
    let target = Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join("documents.rs");
    if let Err(e) = std::fs::write(&target, out) {
        println!("cargo:warning=cannot write {}: {e}", target.display());
    }
}
