// The web form's build steps after the module (called by build.sh):
//   node build-site.mjs cases   www/cases.js: every key document in ../examples, for the case picker;
//                               www/first.js: the opening case's view (present()), computed here with
//                               the same module, which the page draws while the module is on its way
//   node build-site.mjs dist    dist/site/ (the folder for a web server: index.html with its
//                               style and scripts inlined, the module in pkg/, the service
//                               worker; .gz and .br beside each file) and dist/andel-fordeling.html
//                               (one file that works from disk, offline: the module inlined too).
//                               Inlined style and scripts are allowed by the page's
//                               Content-Security-Policy through their hashes, nothing else.
import { readFileSync, writeFileSync, readdirSync, mkdirSync, rmSync, copyFileSync, existsSync } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const www = path.join(here, "www");
const dist = path.join(here, "dist");

/** "2.10-nordjylland…" after "2.9-…": by the case number, then by name. */
function caseOrder(a, b) {
  const n = (id) => (id.match(/^(\d+)\.(\d+)/) || [0, 0, 0]).slice(1).map(Number);
  const [a1, a2] = n(a);
  const [b1, b2] = n(b);
  return a1 - b1 || a2 - b2 || a.localeCompare(b);
}

function cases() {
  const dir = path.join(here, "..", "examples");
  const ids = readdirSync(dir).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5)).sort(caseOrder);
  const list = ids.map((id) => ({ id, doc: JSON.parse(readFileSync(path.join(dir, `${id}.json`), "utf8")) }));
  // Data, not code: JSON text is a JS expression; nothing in it becomes HTML (the page shows it as text).
  writeFileSync(path.join(www, "cases.js"),
    "// Written by build-site.mjs from examples/*.json (the cases of the minutes); do not edit.\n" +
    `export default ${JSON.stringify(list)};\n`);
  console.log(`www/cases.js: ${list.length} cases`);
}

/** www/first.js: the view of the form's opening state (case 2.8, low and high), made by the
 * module itself from the document state.js builds, so the page can show it before the module
 * has arrived (a slow phone); the page computes it again live as soon as the module runs. */
async function first() {
  const glue = await import(pathToFileURL(path.join(www, "pkg", "andel_first.js")).href);
  await glue.default({ module_or_path: readFileSync(path.join(www, "pkg", "andel_first_bg.wasm")) });
  const { DEFAULT_STATE, buildDocument } = await import(pathToFileURL(path.join(www, "state.js")).href);
  const view = glue.present(buildDocument(structuredClone(DEFAULT_STATE)));
  writeFileSync(path.join(www, "first.js"),
    "// Written by build-site.mjs: the opening case's view, computed by the module at build time; do not edit.\n" +
    `export default ${JSON.stringify({ view })};\n`);
  console.log("www/first.js: the opening case's view");
}

const SITE_FILES = ["index.html", "boot.js", "app.js", "render.js", "state.js", "errors.js", "controls.js", "excel.js", "more.js", "cases.js", "first.js", "style.css", "sw.js",
  "pkg/andel_first.js", "pkg/andel_first_bg.wasm"];

// The whole module, on request only (www/more.js imports it when the meeting, CSV reading, Hent CSV,
// a loaded file or places in a table need it): not in the first load.
const WHOLE_FILES = ["pkg/andel_wasm.js", "pkg/andel_wasm_bg.wasm"];

// On request only (www/excel.js imports them when Excel is asked for): not in the first load.
const EXCEL_FILES = ["pkg/excel/andel_wasm_excel.js", "pkg/excel/andel_wasm_excel_bg.wasm"];

const sha256 = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** The wasm-bindgen module as a function's body: its exports become the returned object's fields. */
function glueAsObject(glue) {
  const names = [];
  let body = glue.replace(/^export (async function|function|class|const|let) ([A-Za-z_$][\w$]*)/gm, (m, kind, name) => {
    names.push(name);
    return `${kind} ${name}`;
  });
  body = body.replace(/^export \{([^}]*)\};?\s*$/gm, (m, list) => {
    for (const item of list.split(",")) {
      const [local, as] = item.trim().split(/\s+as\s+/);
      if (local) names.push(as ? `${as}: ${local}` : local);
    }
    return "";
  });
  body = body.replace(/^export default ([A-Za-z_$][\w$]*);?\s*$/gm, (m, name) => {
    names.push(`default: ${name}`);
    return "";
  });
  if (/^\s*(export|import)\s/m.test(body)) throw new Error("the wasm-bindgen module has an import or export this build does not know");
  return `(() => {\n${body}\nreturn { ${names.join(", ")} };\n})()`;
}

/** One of the page's own modules without its imports and exports (all share one scope in the bundle). */
function moduleBody(text, name = "") {
  const body = text
    .replace(/^import [^;]+;\s*$/gm, "")
    .replace(/^export default /gm, `const ${name} = `)
    .replace(/^export (async function|function|const|let|class) /gm, "$1 ");
  if (/^\s*(export|import)\s/m.test(body)) throw new Error("a module has an import or export this build does not know");
  return body;
}

/**
 * index.html with its style and scripts inlined, allowed by their hashes in the page's policy.
 * `wasm: "inline"` carries the module's bytes (the single file, which works from disk and needs
 * nothing else); `wasm: "fetch"` fetches pkg/andel_first_bg.wasm beside it, compiled while it
 * streams and asked for as the page's head is read (the folder: two requests in all at first load).
 * The whole module (more.js): the single file carries it too (its glue and its bytes as base64,
 * started on request); the folder's page imports pkg/andel_wasm.js on request.
 */
function page(version, wasm) {
  const read = (f) => readFileSync(path.join(www, f), "utf8");
  const css = read("style.css");
  const boot = read("boot.js");
  const bundle = [
    `// andel ${version}: the web form (${wasm === "inline" ? "one file" : "the folder's page"}).`,
    `const andel = ${glueAsObject(read("pkg/andel_first.js"))};`,
    "const init = andel.default;",
    wasm === "inline"
      ? `globalThis.andelWasmBytes = Uint8Array.from(atob("${readFileSync(path.join(www, "pkg", "andel_first_bg.wasm")).toString("base64")}"), (c) => c.charCodeAt(0));\n` +
        `globalThis.andelWhole = ${glueAsObject(read("pkg/andel_wasm.js"))};\n` +
        `globalThis.andelWholeBase64 = "${readFileSync(path.join(www, "pkg", "andel_wasm_bg.wasm")).toString("base64")}";`
      : 'globalThis.andelWasmUrl = new URL("pkg/andel_first_bg.wasm", document.baseURI);',
    moduleBody(read("cases.js"), "CASES"),
    moduleBody(read("first.js"), "FIRST"),
    moduleBody(read("more.js")),
    moduleBody(read("render.js")),
    moduleBody(read("state.js")),
    moduleBody(read("errors.js")),
    moduleBody(read("controls.js")),
    moduleBody(read("excel.js")),
    moduleBody(read("app.js")),
  ].join("\n");
  for (const text of [boot, bundle, css]) {
    if (/<\/(script|style)|<!--/i.test(text)) throw new Error("an inlined file holds </script, </style or <!--");
  }
  // The folder's page also runs the site's own whole and Excel modules (pkg/andel_wasm.js, pkg/excel/, imported on request: 'self').
  const csp = `default-src 'none'; script-src ${sha256(boot)} ${sha256(bundle)}${wasm === "inline" ? "" : " 'self'"} 'wasm-unsafe-eval'; style-src ${sha256(css)}; ` +
    (wasm === "inline" ? "img-src data:; " : "img-src 'self' data:; connect-src 'self'; worker-src 'self'; ") +
    "base-uri 'none'; form-action 'none'; object-src 'none'";
  let html = read("index.html");
  const replace = (pattern, by) => {
    if (!pattern.test(html)) throw new Error(`index.html: ${pattern} not found`);
    html = html.replace(pattern, by);
  };
  html = html.replace(/<link rel="(modulepreload|preload)"[^>]*>\n/g, "");
  if (wasm === "inline") replace(/<html lang="da">/, '<html lang="da" data-single-file="">');
  replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, () => `<meta http-equiv="Content-Security-Policy" content="${csp}">` +
    (wasm === "inline" ? "" : '\n<link rel="preload" href="pkg/andel_first_bg.wasm" as="fetch" type="application/wasm" crossorigin>'));
  replace(/<link rel="stylesheet" href="style.css">/, () => `<style>${css}</style>`);
  replace(/<script src="boot.js"><\/script>/, () => `<script>${boot}</script>`);
  replace(/<script type="module" src="app.js"><\/script>/, () => `<script type="module">${bundle}</script>`);
  return html;
}

/** Writes a file of the folder with its .gz and .br; returns [name, raw, gzip, brotli] bytes. */
function siteFile(name, bytes) {
  const out = path.join(dist, "site", name);
  writeFileSync(out, bytes);
  const gz = zlib.gzipSync(bytes, { level: 9 });
  const br = zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
  writeFileSync(`${out}.gz`, gz);
  writeFileSync(`${out}.br`, br);
  return [name, bytes.length, gz.length, br.length];
}

function distBuild() {
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(path.join(dist, "site", "pkg"), { recursive: true });
  const hash = createHash("sha256");
  // The Excel module (built by build.sh's last block) when it is there.
  const excel = EXCEL_FILES.filter((f) => existsSync(path.join(www, f)));
  for (const f of [...SITE_FILES, ...WHOLE_FILES, ...excel]) hash.update(readFileSync(path.join(www, f)));
  const version = hash.digest("hex").slice(0, 12);
  // The offline copy is named after this build, so a new version never mixes with an old one.
  const sw = readFileSync(path.join(www, "sw.js"), "utf8")
    .replace(/const VERSION = "[^"]*";/, `const VERSION = "${version}";`)
    .replace(/const FILES = \[[^\]]*\];/, 'const FILES = ["./", "./index.html", "./pkg/andel_first_bg.wasm"];');
  const sizes = [
    siteFile("index.html", Buffer.from(page(version, "fetch"))),
    siteFile("pkg/andel_first_bg.wasm", readFileSync(path.join(www, "pkg", "andel_first_bg.wasm"))),
    siteFile("sw.js", Buffer.from(sw)),
  ];
  if (excel.length) mkdirSync(path.join(dist, "site", "pkg", "excel"), { recursive: true });
  const onRequest = [...WHOLE_FILES, ...excel].map((f) => siteFile(f, readFileSync(path.join(www, f))));
  const single = page(version, "inline");
  writeFileSync(path.join(dist, "andel-fordeling.html"), single);
  const total = sizes.reduce((a, s) => [a[0] + s[1], a[1] + s[2], a[2] + s[3]], [0, 0, 0]);
  for (const [f, raw, gz, br] of [...sizes, ["first load (folder)", ...total], ...onRequest]) {
    console.log(`dist/site/${f}: ${raw} B, ${gz} B gzip, ${br} B brotli${onRequest.some((o) => o[0] === f) ? " (on request)" : ""}`);
  }
  const singleBytes = Buffer.from(single);
  console.log(`dist/andel-fordeling.html: ${singleBytes.length} B, ${zlib.gzipSync(singleBytes, { level: 9 }).length} B gzip`);
}

const command = process.argv[2];
if (command === "cases") { cases(); await first(); }
else if (command === "dist") distBuild();
else {
  console.error("usage: node build-site.mjs cases|dist");
  process.exit(2);
}
