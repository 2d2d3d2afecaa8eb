// The web form's first-load module (pkg/first, the crate without its `more`
// feature) stays within its download budget; the whole module (pkg/web, what
// the form loads on request and the npm package holds) within a tripwire.
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

// Gzipped bytes (gzip -9, as build.sh prints them). See the README ("Use it
// in the browser") for what each module holds.
// The brief's budget for the first load: 176 KiB (180.224 bytes). The
// first-load module (present, municipalities, years, version, parseNumber,
// formatNumber; built without core's `tables`: a document with places in a
// table says `needsMore`) measures 174.065 bytes by gzip -9 (175.685 by
// node's zlib here); 178.476 by node's zlib after the merge of issue 23's
// folders, still within it. The whole module (loaded on request; with core's
// integer entries for whole weights since issue 30 and the meeting view) has a
// tripwire a little above today's size, 233.765 bytes by node's zlib; with
// readPopulation (the Statbank population reader for the form's upload,
// issue 28) 247.725 bytes, 13.989 more than the same build without it; after
// the second round's merge (read notes as data in both languages, party
// references by core's one rule, the compact allocation, the default year and
// report titles) 256.968 bytes. The first-load module leaves CSV weights in
// documents to the whole module too (core's `csv_keys`): 173.711 by gzip -9.
// Issue 24's last round (every error kind's Danish, the compact key, the
// divisor methods' counting pass) brought the whole module to 270.270 bytes by
// node's zlib, 66 under 264 KiB: the tripwire is raised to 268 KiB on purpose
// (a toolchain's byte more must not fail CI; the first load keeps its budget).
const FIRST = Number(process.env.ANDEL_WASM_BUDGET || 180224);
const WHOLE = 268 * 1024;

function gzipped(...parts) {
  const wasm = fs.readFileSync(path.join(__dirname, "..", ...parts));
  return [wasm.length, zlib.gzipSync(wasm, { level: 9 }).length];
}

test("first-load module within its budget", () => {
  const [raw, gz] = gzipped("pkg", "first", "andel_first_bg.wasm");
  console.log(`andel_first_bg.wasm: ${raw} bytes raw, ${gz} bytes gzipped (budget ${FIRST}, brief 180224)`);
  assert.ok(gz <= FIRST, `${gz} bytes gzipped is over the budget of ${FIRST}`);
});

test("whole module within its tripwire", () => {
  const [raw, gz] = gzipped("pkg", "web", "andel_wasm_bg.wasm");
  console.log(`andel_wasm_bg.wasm: ${raw} bytes raw, ${gz} bytes gzipped (tripwire ${WHOLE})`);
  assert.ok(gz <= WHOLE, `${gz} bytes gzipped is over the tripwire of ${WHOLE}`);
});

test("first-load module has the form's first functions, and only those", async () => {
  const bytes = fs.readFileSync(path.join(__dirname, "..", "pkg", "first", "andel_first_bg.wasm"));
  const names = WebAssembly.Module.exports(new WebAssembly.Module(bytes))
    .map((e) => e.name)
    .filter((n) => !n.startsWith("__") && !n.startsWith("memory"));
  for (const f of ["present", "municipalities", "years", "version", "parseNumber", "formatNumber"]) {
    assert.ok(names.includes(f), `${f} missing from the first-load module`);
  }
  for (const f of ["apportion", "split", "compute", "computeCsv", "readCsv", "biproportional"]) {
    assert.ok(!names.includes(f), `${f} is in the first-load module`);
  }
});
