// The web form's files, read as text: no HTML built from data anywhere, a
// strict Content-Security-Policy in the page, and in the single file a
// policy whose hashes are those of the inlined style and scripts (so the
// browser runs them and nothing else). The browser test runs the form.
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const crypto = require("node:crypto");
const zlib = require("node:zlib");

const www = path.join(__dirname, "..", "www");
const dist = path.join(__dirname, "..", "dist");
const policyOf = (html) => html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.[1];

test("no HTML from strings in the form's scripts", () => {
  for (const f of ["app.js", "render.js", "state.js", "errors.js", "controls.js", "boot.js", "sw.js"]) {
    const text = fs.readFileSync(path.join(www, f), "utf8");
    assert.doesNotMatch(text, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function|setAttribute\(\s*["']on/, f);
  }
});

test("the page's policy: its own scripts and WebAssembly only, no inline script or style", () => {
  const policy = policyOf(fs.readFileSync(path.join(www, "index.html"), "utf8"));
  assert.ok(policy, "no Content-Security-Policy in index.html");
  assert.match(policy, /default-src 'none'/);
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval';/);
  assert.match(policy, /style-src 'self';/);
  assert.match(policy, /base-uri 'none'/);
  assert.match(policy, /object-src 'none'/);
  assert.doesNotMatch(policy, /unsafe-inline|'unsafe-eval'|\*|https?:/);
});

const hash = (text) => `'sha256-${crypto.createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** A page with its style and scripts inlined: the policy allows exactly those, by hash. */
function inlinedOnly(html, name, also = []) {
  const policy = policyOf(html);
  assert.doesNotMatch(policy, /unsafe-inline|'unsafe-eval'|https?:|\*/, name);
  const scripts = [...html.matchAll(/<script(?: type="module")?>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
  assert.equal(scripts.length, 2, name);
  assert.equal(styles.length, 1, name);
  const scriptSrc = policy.match(/script-src ([^;]*)/)[1].split(" ");
  assert.deepEqual(scriptSrc.sort(), [...scripts.map(hash), "'wasm-unsafe-eval'", ...also].sort(), name);
  assert.equal(policy.match(/style-src ([^;]*)/)[1], hash(styles[0]), name);
  assert.doesNotMatch(html, /<script src=|<link rel="stylesheet"|<link rel="modulepreload"/, name);
  return policy;
}

test("the single file's policy allows exactly its inlined style and scripts, and nothing from anywhere", () => {
  const policy = inlinedOnly(fs.readFileSync(path.join(dist, "andel-fordeling.html"), "utf8"), "andel-fordeling.html");
  assert.doesNotMatch(policy, /'self'/);
});

test("the folder's page: its inlined style and scripts, the module and the worker from its own site", () => {
  // 'self': the site's own whole module (pkg/andel_wasm.js) and Excel module (pkg/excel/), imported only on request.
  const policy = inlinedOnly(fs.readFileSync(path.join(dist, "site", "index.html"), "utf8"), "site/index.html", ["'self'"]);
  assert.match(policy, /connect-src 'self'; worker-src 'self';/);
});

test("the folder for a web server: every file with its .gz and .br", () => {
  // The first load (the page, the first-load module) and the whole module on request.
  for (const f of ["index.html", "sw.js", "pkg/andel_first_bg.wasm", "pkg/andel_wasm.js", "pkg/andel_wasm_bg.wasm"]) {
    const file = path.join(dist, "site", f);
    const raw = fs.readFileSync(file);
    assert.deepEqual(zlib.gunzipSync(fs.readFileSync(`${file}.gz`)), raw, `${f}.gz`);
    assert.deepEqual(zlib.brotliDecompressSync(fs.readFileSync(`${file}.br`)), raw, `${f}.br`);
  }
  // The offline copy is named after the build and holds the folder's files.
  const sw = fs.readFileSync(path.join(dist, "site", "sw.js"), "utf8");
  assert.match(sw, /const VERSION = "[0-9a-f]{12}";/);
  // The first load only: the whole module is kept the first time it is fetched.
  assert.match(sw, /const FILES = \["\.\/", "\.\/index\.html", "\.\/pkg\/andel_first_bg\.wasm"\];/);
});
