// The web form's first-load module (pkg/first, the crate without `more`):
// the same view as the whole module for what it has, and for a document with
// places in a table (left out for its download budget) an error that says
// to load the whole module (`needsMore`), which then computes it.
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const whole = require("../pkg/node/andel_wasm.js");

const examples = path.join(__dirname, "..", "..", "examples");
const doc = (name) => JSON.parse(fs.readFileSync(path.join(examples, name), "utf8"));

async function first() {
  const m = await import("../pkg/first/andel_first.js");
  m.initSync({ module: fs.readFileSync(path.join(__dirname, "..", "pkg", "first", "andel_first_bg.wasm")) });
  return m;
}

test("the first-load module presents what the whole module presents", async () => {
  const andel = await first();
  assert.equal(andel.version(), whole.version());
  assert.deepEqual(andel.years(), whole.years());
  assert.deepEqual(andel.municipalities("Nordjylland", 2022), whole.municipalities("Nordjylland", 2022));
  assert.equal(andel.parseNumber("4.275.000,00"), "4275000.00");
  assert.equal(andel.formatNumber("1658397.218", 2), "1.658.397,22");
  for (const name of ["2.8-cost-split.json", "2.4-dk2020.json", "2.9-sosu-helper.json", "2.13-vaekst-via-viden.json"]) {
    assert.deepEqual(andel.present(doc(name)), whole.present(doc(name)), name);
    assert.deepEqual(andel.present(doc(name), { language: "en", numbers: "plain" }), whole.present(doc(name), { language: "en", numbers: "plain" }), name);
  }
  // Case 2.8 in the form's view: Aalborg pays 1.658.397,22 kr. of 4.275.000
  // (4.275.000 × 221.082 / 569.903 = 1.658.397,218…, README).
  assert.match(JSON.stringify(andel.present(doc("2.8-cost-split.json"))), /1\.658\.397,22/);
});

test("places in a table: the first-load module says to load the whole one", async () => {
  const andel = await first();
  // 2.9-sosu-kkr-programme has a `table` (biproportional), 2.8-self-harm-offer
  // a year profile rounded both ways: both need core's `tables`.
  for (const [name, field] of [["2.9-sosu-kkr-programme.json", "table"], ["2.8-self-harm-offer.json", "years.years"]]) {
    let err;
    try {
      andel.present(doc(name));
    } catch (e) {
      err = e;
    }
    assert.ok(err, `${name} was computed`);
    assert.equal(err.needsMore, true, name);
    assert.equal(err.code, "invalid_option");
    assert.equal(err.field, field);
    assert.ok(whole.present(doc(name)).scenarios.length > 0, `the whole module computes ${name}`);
  }
  // Weights from CSV (core's `csv_keys`, also left out of the first load: the
  // form reads pasted and uploaded CSV with the whole module): 2 : 1 of 3,00 kr.
  // gives A 2,00 and B 1,00 there.
  const csv = { version: 1, key: { csv: { text: "id;vægt\nA;2\nB;1" } }, scenarios: [{ name: "x", total: 3 }] };
  let err;
  try {
    andel.present(csv);
  } catch (e) {
    err = e;
  }
  assert.ok(err, "a CSV document was computed by the first-load module");
  assert.equal(err.needsMore, true);
  assert.equal(err.field, "key.csv");
  const rows = whole.present(csv, { numbers: "plain" }).scenarios[0].sections[0].table.rows;
  assert.deepEqual(rows.map((r) => [r.id, r.cells.find((c, i) => i === 5)?.value]), [["A", "2.00"], ["B", "1.00"]]);
  // A population file's text (the form's upload, `population.text`): the
  // Statbank reader is the whole module's too. Two of Nordjylland's eleven
  // kept, 65+ only: Aalborg 3 and Læsø 1 of 4 share 4,00 kr. as 3,00 and 1,00.
  const names = ["Aalborg", "Brønderslev", "Frederikshavn", "Hjørring", "Jammerbugt", "Læsø", "Mariagerfjord", "Morsø", "Rebild", "Thisted", "Vesthimmerlands"];
  const text = "OMRÅDE;ALDER;TID;INDHOLD\n" + names.map((n) => `${n};0-64 år;2026K1;9\n${n};65 år og derover;2026K1;${n === "Aalborg" ? 3 : 1}\n`).join("");
  const pop = { version: 1, key: { population: { region: "Nordjylland", year: 2026, text, ages: { from: 65 }, municipalities: ["Aalborg", "Læsø"] } },
    scenarios: [{ name: "x", total: 4 }] };
  err = undefined;
  try {
    andel.present(pop);
  } catch (e) {
    err = e;
  }
  assert.ok(err, "a population file's text was read by the first-load module");
  assert.equal(err.needsMore, true);
  assert.equal(err.field, "key.population.text");
  const view = whole.present(pop, { numbers: "plain" });
  const table = view.scenarios[0].sections[0].table;
  assert.equal(table.columns.find((c) => c.key === "weight").head, "indbyggere 2026, 65 år og derover");
  assert.deepEqual(table.rows.map((r) => [r.id, r.cells[table.columns.findIndex((c) => c.key === "amount")]?.value]), [["851", "3.00"], ["825", "1.00"]]);
  // Any other error has no needsMore.
  try {
    andel.present({ version: 1 });
    assert.fail("an empty document was computed");
  } catch (e) {
    assert.equal(e.needsMore, undefined);
  }
});
