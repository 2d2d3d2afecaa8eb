//! The house rules of the source tree, checked on every test run:
//!
//! - no `.rs` file in `core/src`, `py/src` or `wasm/src` is over 800 lines
//!   (a file a newcomer can hold in mind), save the ones named in
//!   [`OVER_LIMIT`] with the engineer splitting them;
//! - the top-level modules of core point one way (DESIGN.md, "Layers"): the
//!   `crate::…` paths between them form no cycle, save the edges named in
//!   [`UPWARD`] with the reason they still point up.
//!
//! - no function in those folders is over 120 lines, save the ones named
//!   in [`LONG_FUNCTIONS`].
//!
//! The lists are meant to shrink: when a file is split or an edge is turned
//! around, its line here goes (a stale line fails the test too).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The most lines a source file may have.
const MAX_LINES: usize = 800;

/// Files still over [`MAX_LINES`], relative to the workspace root, and who is
/// splitting them (issue 23). Remove a line when its file is split.
const OVER_LIMIT: &[(&str, &str)] = &[];

/// The most lines a function may have (its signature to its closing brace).
const MAX_FUNCTION_LINES: usize = 120;

/// Functions still over [`MAX_FUNCTION_LINES`]: (file, function, engineer).
const LONG_FUNCTIONS: &[(&str, &str, &str)] = &[];

/// Edges `from -> to` between core's top-level modules that still point up
/// the layers (or both ways), with the reason. Remove a line when its edge goes.
const UPWARD: &[(&str, &str, &str)] = &[];

/// The top-level modules of core as `crate::` paths name them, with the paths
/// `lib.rs` keeps for modules that moved into folders and the functions it
/// re-exports at the root (`crate::split` is `money::split`).
const NAMES: &[(&str, &str)] = &[
    ("analysis", "analysis"),
    ("apportion", "apportion"),
    ("apportion_named", "apportion"),
    ("apportion_units", "apportion"),
    ("biproportional", "biproportional"),
    ("cost_split", "key"),
    ("cost_split_from_part", "key"),
    ("csv", "csv"),
    ("data", "data"),
    ("document", "document"),
    ("encoding", "csv"),
    ("error", "error"),
    ("exact", "util"),
    ("field", "field"),
    ("excel", "excel"),
    ("files", "csv"),
    ("format", "number"),
    ("json", "json"),
    ("key", "key"),
    ("money", "money"),
    ("number", "number"),
    ("present", "present"),
    ("schema", "schema"),
    ("reference", "reference"),
    ("sort", "util"),
    ("sorted_map", "util"),
    ("split", "money"),
    ("split_named", "money"),
    ("statbank", "csv"),
    ("summary", "summary"),
    ("table", "table"),
    ("tabular", "csv"),
    ("util", "util"),
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn relative(path: &Path) -> String {
    let root = root().canonicalize().unwrap_or_else(|_| root());
    let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    path.strip_prefix(&root)
        .unwrap_or(&path)
        .to_string_lossy()
        .replace('\\', "/")
}

#[test]
fn no_source_file_is_over_800_lines() {
    let mut files = Vec::new();
    for dir in ["core/src", "py/src", "wasm/src"] {
        rust_files(&root().join(dir), &mut files);
    }
    assert!(
        files.len() > 20,
        "the walk found only {} files",
        files.len()
    );
    let allowed: BTreeMap<&str, &str> = OVER_LIMIT.iter().copied().collect();
    let mut over = Vec::new();
    let mut stale = Vec::new();
    let mut seen = BTreeSet::new();
    for file in &files {
        let name = relative(file);
        let lines = fs::read_to_string(file)
            .map(|t| t.lines().count())
            .unwrap_or(0);
        seen.insert(name.clone());
        match (lines > MAX_LINES, allowed.get(name.as_str())) {
            (true, None) => over.push(format!("{name}: {lines} lines")),
            (false, Some(who)) => stale.push(format!(
                "{name} ({lines} lines, split by {who}): remove it from OVER_LIMIT"
            )),
            _ => {}
        }
    }
    for (name, who) in OVER_LIMIT {
        if !seen.contains(*name) {
            stale.push(format!(
                "{name} (split by {who}) is gone: remove it from OVER_LIMIT"
            ));
        }
    }
    assert!(
        over.is_empty(),
        "files over {MAX_LINES} lines (split them by concern):\n{}",
        over.join("\n")
    );
    assert!(
        stale.is_empty(),
        "stale allow-list lines:\n{}",
        stale.join("\n")
    );
}

/// The code of a file without its comments (doc links name modules too).
fn code_of(text: &str) -> String {
    text.lines()
        .map(|line| {
            let trimmed = line.trim_start();
            if trimmed.starts_with("//") {
                return "";
            }
            match line.find(" //") {
                Some(at) => &line[..at],
                None => line,
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level module a file of core/src belongs to (`key/fixed.rs` is `key`).
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).ok()?;
    let first = rel
        .components()
        .next()?
        .as_os_str()
        .to_string_lossy()
        .to_string();
    let name = first.strip_suffix(".rs").unwrap_or(&first).to_string();
    (name != "lib").then_some(name)
}

/// Every `crate::name` in `code`, mapped to the top-level module it names.
fn targets(
    code: &str,
    names: &BTreeMap<&str, &str>,
    file: &str,
    unknown: &mut Vec<String>,
) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        if at > 0 {
            let before = code.as_bytes()[at - 1];
            if before.is_ascii_alphanumeric() || before == b'_' {
                continue; // `andel_core::…` or a longer name
            }
        }
        let rest = &code[at + "crate::".len()..];
        let ident: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if ident.is_empty() || ident.starts_with(|c: char| c.is_ascii_uppercase()) {
            continue; // `crate::{…}` or a type re-exported at the root (`crate::Error`)
        }
        match names.get(ident.as_str()) {
            Some(m) => {
                found.insert((*m).to_string());
            }
            None => unknown.push(format!("{file}: crate::{ident}")),
        }
    }
    found
}

fn edges() -> BTreeMap<String, BTreeSet<String>> {
    let src = root().join("core/src");
    let names: BTreeMap<&str, &str> = NAMES.iter().copied().collect();
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut unknown = Vec::new();
    for file in files {
        let Some(from) = module_of(&src, &file) else {
            continue;
        };
        let from = names
            .get(from.as_str())
            .map_or(from.clone(), |m| (*m).to_string());
        let text = fs::read_to_string(&file).unwrap_or_default();
        let to = targets(&code_of(&text), &names, &relative(&file), &mut unknown);
        let entry = graph.entry(from.clone()).or_default();
        entry.extend(to.into_iter().filter(|t| *t != from));
    }
    assert!(
        unknown.is_empty(),
        "paths that name no module this test knows (add them to NAMES):\n{}",
        unknown.join("\n")
    );
    graph
}

/// A cycle in `graph`, if there is one, as the modules along it.
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    // 0: not seen, 1: on the path, 2: done.
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(node.to_string(), 1);
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            match state.get(next.as_str()).copied().unwrap_or(0) {
                1 => {
                    let start = path.iter().position(|p| p == next).unwrap_or(0);
                    let mut found = path[start..].to_vec();
                    found.push(next.clone());
                    return Some(found);
                }
                0 => {
                    if let Some(found) = visit(next, graph, state, path) {
                        return Some(found);
                    }
                }
                _ => {}
            }
        }
        path.pop();
        state.insert(node.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for node in graph.keys() {
        if state.get(node.as_str()).copied().unwrap_or(0) == 0 {
            let mut path = Vec::new();
            if let Some(found) = visit(node, graph, &mut state, &mut path) {
                return Some(found);
            }
        }
    }
    None
}

#[test]
fn core_modules_form_no_import_cycle() {
    let mut graph = edges();
    assert!(
        graph.contains_key("key") && graph.contains_key("util"),
        "{graph:?}"
    );
    let mut stale = Vec::new();
    for (from, to, who) in UPWARD {
        let present = graph.get_mut(*from).is_some_and(|t| t.remove(*to));
        if !present {
            stale.push(format!(
                "{from} -> {to} ({who}) is gone: remove it from UPWARD"
            ));
        }
    }
    let listing: Vec<String> = graph
        .iter()
        .map(|(from, to)| {
            format!(
                "{from} -> {}",
                to.iter().cloned().collect::<Vec<_>>().join(", ")
            )
        })
        .collect();
    if let Some(found) = cycle(&graph) {
        panic!(
            "core's modules import each other in a cycle: {}\n(DESIGN.md, \"Layers\": move the shared part down)\nedges:\n{}",
            found.join(" -> "),
            listing.join("\n")
        );
    }
    assert!(
        stale.is_empty(),
        "stale UPWARD lines:\n{}",
        stale.join("\n")
    );
}

/// The layer order DESIGN.md states, lowest first: a module may use only
/// modules in its own layer's predecessors (the tree is checked above for
/// cycles; this checks the documented order is the real one).
const LAYERS: &[&[&str]] = &[
    &["field"],
    &["error"],
    &["util"],
    &["number"],
    &["apportion", "biproportional", "money", "table"],
    &["key", "analysis"],
    &["data"],
    &["csv"],
    &["json", "reference"],
    &["document", "schema"],
    &["summary"],
    &["present"],
    &["excel"],
];

#[test]
fn core_modules_use_only_the_layers_below() {
    let mut graph = edges();
    for (from, to, _) in UPWARD {
        if let Some(t) = graph.get_mut(*from) {
            t.remove(*to);
        }
    }
    let layer_of = |m: &str| LAYERS.iter().position(|l| l.contains(&m));
    let mut wrong = Vec::new();
    for (from, tos) in &graph {
        let Some(f) = layer_of(from) else {
            wrong.push(format!(
                "{from} is in no layer: add it to LAYERS and DESIGN.md"
            ));
            continue;
        };
        for to in tos {
            match layer_of(to) {
                Some(t) if t < f || LAYERS[f].contains(&to.as_str()) => {}
                _ => wrong.push(format!("{from} uses {to}, which is not below it")),
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The functions of `text` longer than [`MAX_FUNCTION_LINES`], with their
/// length: from a line that starts a `fn` to the first line after it that
/// closes a block at the same indentation (rustfmt's layout).
fn long_functions(text: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        let rest = [
            "pub(crate) fn ",
            "pub(super) fn ",
            "pub fn ",
            "const fn ",
            "fn ",
        ]
        .iter()
        .find_map(|p| trimmed.strip_prefix(p));
        let Some(rest) = rest else { continue };
        if trimmed.ends_with(';') {
            continue; // a declaration without a body
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let close = format!("{indent}}}");
        let end = lines[i + 1..]
            .iter()
            .position(|l| l.starts_with(&close) && !l[indent.len()..].starts_with("} else"))
            .map_or(lines.len() - i, |n| n + 2);
        if end > MAX_FUNCTION_LINES {
            out.push((name, end));
        }
    }
    out
}

#[test]
fn no_function_is_over_120_lines() {
    let mut files = Vec::new();
    for dir in ["core/src", "py/src", "wasm/src"] {
        rust_files(&root().join(dir), &mut files);
    }
    let mut over = Vec::new();
    let mut seen = BTreeSet::new();
    for file in &files {
        let name = relative(file);
        let text = fs::read_to_string(file).unwrap_or_default();
        for (function, lines) in long_functions(&text) {
            let allowed = LONG_FUNCTIONS
                .iter()
                .any(|(f, n, _)| *f == name && *n == function);
            if allowed {
                seen.insert((name.clone(), function));
            } else {
                over.push(format!("{name}: fn {function} is {lines} lines"));
            }
        }
    }
    let stale: Vec<String> = LONG_FUNCTIONS
        .iter()
        .filter(|(f, n, _)| !seen.contains(&(f.to_string(), n.to_string())))
        .map(|(f, n, who)| {
            format!("{f}: fn {n} ({who}) is short now or gone: remove it from LONG_FUNCTIONS")
        })
        .collect();
    assert!(
        over.is_empty(),
        "functions over {MAX_FUNCTION_LINES} lines (split them into named steps):\n{}",
        over.join("\n")
    );
    assert!(
        stale.is_empty(),
        "stale LONG_FUNCTIONS lines:\n{}",
        stale.join("\n")
    );
}

#[test]
fn the_function_length_check_sees_a_long_function() {
    let body = "    let x = 1;\n".repeat(MAX_FUNCTION_LINES);
    let text = format!("fn short() {{\n}}\n\npub fn long() {{\n{body}}}\n");
    assert_eq!(
        long_functions(&text),
        [("long".to_string(), MAX_FUNCTION_LINES + 2)]
    );
}

#[test]
fn the_import_checks_see_a_cycle_and_a_commented_path() {
    let graph: BTreeMap<String, BTreeSet<String>> =
        [("key", "csv"), ("csv", "data"), ("data", "key")]
            .into_iter()
            .map(|(a, b)| (a.to_string(), BTreeSet::from([b.to_string()])))
            .collect();
    assert_eq!(cycle(&graph).map(|c| c.len()), Some(4), "{graph:?}");
    let names: BTreeMap<&str, &str> = NAMES.iter().copied().collect();
    let mut unknown = Vec::new();
    let code = code_of(
        "use crate::tabular::x; // crate::document\n/// [`crate::summary`]\nlet a = crate::Error;",
    );
    let found = targets(&code, &names, "x.rs", &mut unknown);
    assert_eq!(found, BTreeSet::from(["csv".to_string()]));
    assert!(unknown.is_empty(), "{unknown:?}");
}
