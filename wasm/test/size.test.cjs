// The web build's .wasm, after wasm-opt, stays within its download budget.
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

// Gzipped bytes. See the README ("Use it in the browser") for what the
// module holds and why this is the budget.
// 200 KiB since the presentation layer (the view of a result, explanations
// in words, every error's message, Danish and English catalogues; about
// 24 KB gzipped) moved in: the form's own texts move out of app.js.
const BUDGET = Number(process.env.ANDEL_WASM_BUDGET || 200 * 1024);

test("web build within the size budget", () => {
  const wasm = fs.readFileSync(path.join(__dirname, "..", "pkg", "web", "andel_wasm_bg.wasm"));
  const gz = zlib.gzipSync(wasm, { level: 9 }).length;
  console.log(`andel_wasm_bg.wasm: ${wasm.length} bytes raw, ${gz} bytes gzipped (budget ${BUDGET})`);
  assert.ok(gz <= BUDGET, `${gz} bytes gzipped is over the budget of ${BUDGET}`);
});
