// The language-neutral cases in tests/cases.json (also run by Rust and
// pytest), through the node build: same numbers, same error codes.
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const andel = require("../pkg/node/andel_wasm.js");

const root = path.join(__dirname, "..", "..");
const { cases } = JSON.parse(fs.readFileSync(path.join(root, "tests", "cases.json"), "utf8"));

test("shared cases", () => {
  assert.ok(cases.length >= 15);
  for (const c of cases) {
    if (c.call === "split") {
      assert.deepEqual(andel.split(c.amount, c.weights, { unit: c.unit }), c.expected, c.name);
    } else if (c.call === "apportion") {
      const options = {};
      if (c.minimum !== undefined) options.minimum = c.minimum;
      if (c.first_divisor !== undefined) options.firstDivisor = c.first_divisor;
      if (c.ties !== undefined) options.ties = c.ties;
      if (c.ids !== undefined) options.ids = c.ids;
      if (c.error) {
        assert.throws(
          () => andel.apportion(c.weights, c.units, c.method, options),
          (e) => e instanceof Error && e.code === c.error && (c.field === undefined || e.field === c.field),
          c.name,
        );
      } else {
        assert.deepEqual(andel.apportion(c.weights, c.units, c.method, options), c.expected, c.name);
      }
    } else if (c.call === "compute") {
      const doc = c.document_text ?? fs.readFileSync(path.join(root, c.document), "utf8");
      const s = andel.compute(doc).scenarios[c.scenario];
      for (const [id, amount] of Object.entries(c.expected_amounts)) {
        assert.equal(s.allocation.parties.find((p) => p.id === id).amount, amount, `${c.name}: ${id}`);
      }
    } else if (c.call === "biproportional") {
      const options = { method: c.method };
      if (c.row_totals !== undefined) options.rowTotals = c.row_totals;
      if (c.ties !== undefined) options.ties = c.ties;
      if (c.error) {
        const field = c.field && c.field.replace("row_totals", "rowTotals").replace("column_totals", "columnTotals");
        assert.throws(
          () => andel.biproportional(c.table, c.column_totals, options),
          (e) => e instanceof Error && e.code === c.error && (field === undefined || e.field === field),
          c.name,
        );
      } else {
        const t = andel.biproportional(c.table, c.column_totals, options);
        assert.deepEqual(Array.from(t, (r) => Array.from(r)), c.expected, c.name);
        assert.deepEqual(t.map((r) => r.reduce((a, b) => a + b, 0)), c.expected_row_totals, c.name);
      }
    } else {
      assert.fail(`unknown call ${c.call}`);
    }
  }
});

const bad = JSON.parse(fs.readFileSync(path.join(root, "tests", "bad_inputs.json"), "utf8")).cases;

test("bad-input catalogue: the same code and field as Rust and Python", () => {
  assert.ok(bad.length >= 20);
  for (const c of bad) {
    const run = () => {
      if (c.call === "apportion") {
        const options = {};
        if (c.minimum !== undefined) options.minimum = c.minimum;
        if (c.ties !== undefined) options.ties = c.ties;
        if (c.ids !== undefined) options.ids = c.ids;
        return andel.apportion(c.weights, c.units, c.method, options);
      }
      if (c.call === "split") return andel.split(c.amount, c.weights, { unit: c.unit });
      if (c.call === "compute") return andel.compute(c.document);
      if (c.call === "read_csv") return andel.readCsv(c.text);
      throw new Error(`unknown call ${c.call}`);
    };
    assert.throws(run, (e) => {
      assert.ok(e instanceof Error, c.name);
      assert.equal(e.code, c.error, `${c.name}: ${e.message}`);
      if (c.field !== undefined) assert.equal(e.field, c.field, `${c.name}: ${e.message}`);
      return true;
    }, c.name);
  }
});
