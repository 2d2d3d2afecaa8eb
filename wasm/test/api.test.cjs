// The JS API of the node build on fixed values (worked out by hand or from
// the minutes), every bad input (a typed Error with code and field), and
// "no panic reaches JS": every function fed hostile values.
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { inspect } = require("node:util");
const andel = require("../pkg/node/andel_wasm.js");

const root = path.join(__dirname, "..", "..");
const example = (name) => JSON.parse(fs.readFileSync(path.join(root, "examples", name), "utf8"));

function throwsAndel(fn, code, field) {
  let caught;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  assert.ok(caught, `expected an error ${code}`);
  assert.ok(caught instanceof Error, `not an Error: ${caught}`);
  assert.equal(caught.name, "AndelError", String(caught));
  assert.equal(caught.code, code, `${caught.message}`);
  if (field !== undefined) assert.equal(caught.field, field, caught.message);
  assert.equal(caught.details.code, code);
  return caught;
}

test("apportion: methods on textbook values", () => {
  assert.deepEqual(andel.apportion([5, 3, 2], 7), [4, 2, 1]); // quotas 3.5, 2.1, 1.4
  const w = ["100000", "80000", "30000", "20000"];
  assert.deepEqual(andel.apportion(w, 8, "dhondt"), [4, 3, 1, 0]);
  assert.deepEqual(andel.apportion(w, 8, "sainte_lague"), [3, 3, 1, 1]);
  assert.deepEqual(andel.apportion(w, 8, "webster"), [3, 3, 1, 1]);
  assert.deepEqual(andel.apportion([10, 1], 3, "huntington_hill"), [2, 1]);
  assert.deepEqual(andel.apportion([30, 10], 2, "modified_sainte_lague", { firstDivisor: "0.5" }), [1, 1]);
  // The option is named as JS writes it in every error about it.
  throwsAndel(() => andel.apportion([1, 2], 3, "modified_sainte_lague", { firstDivisor: 5 }), "invalid_option", "firstDivisor");
  throwsAndel(() => andel.apportion([1, 2], 3, "hamilton", { firstDivisor: "1.2" }), "invalid_option", "firstDivisor");
  throwsAndel(() => andel.biproportional([[1, 2], [3, 4]], [3, 2], { method: "dhondt", firstDivisor: "1.2" }), "invalid_option", "firstDivisor");
  assert.deepEqual(andel.apportion([1000, 10, 10], 10, null, { minimum: 1 }), [8, 1, 1]);
  assert.deepEqual(andel.apportion([1000, 10, 10], 10, undefined, { maximum: [5, 10, 10] }), [5, 3, 2]);
  assert.deepEqual(andel.apportion([6, 6, 2], 11), [5, 5, 1]); // Alabama paradox
});

test("apportion: ties by order, by a priority of indexes or ids, or an error", () => {
  assert.deepEqual(andel.apportion([1, 1, 1], 2), [1, 1, 0]);
  assert.deepEqual(andel.apportion([1, 1, 1], 2, "hamilton", { ties: [2, 1, 0] }), [0, 1, 1]);
  assert.deepEqual(andel.apportion([1, 1, 1], 2, "hamilton", { ties: ["2", "0", "1"] }), [1, 0, 1]);
  assert.deepEqual(
    andel.apportion([1, 1, 1], 2, "hamilton", { ids: ["a", "b", "c"], ties: ["c", "b", "a"] }),
    [0, 1, 1],
  );
  const e = throwsAndel(() => andel.apportion([1, 1, 1], 2, "hamilton", { ties: "error" }), "tie");
  assert.deepEqual(e.details.parties, ["#0", "#1", "#2"].map((p, i) => e.details.parties[i]));
  assert.equal(e.details.parties.length, 3);
  // An id names one party: a repeated one is refused where it repeats.
  throwsAndel(() => andel.apportion([1, 2, 3], 6, "hamilton", { ids: ["a", "b", "a"] }), "duplicate_party", "ids[2]");
  throwsAndel(() => andel.split("6", [1, 2, 3], { ids: ["a", "b", "a"] }), "duplicate_party", "ids[2]");
});

test("split: money to the øre, by remainder, exact strings", () => {
  assert.deepEqual(andel.split("0.10", ["50", "27", "23"]), ["0.05", "0.03", "0.02"]);
  assert.deepEqual(andel.split("-0.10", [50, 27, 23]), ["-0.05", "-0.03", "-0.02"]);
  assert.deepEqual(andel.split("4275000", [2, 1], { unit: "1000" }), ["2850000", "1425000"]);
  // 0.072 is read as the decimal it shows, not as the float 0.07199999…
  assert.deepEqual(andel.split("1000.00", [0.072, 0.928]), ["72.00", "928.00"]);
  assert.deepEqual(andel.split(1000, ["0.1", 0.2, "0.7"], { unit: 1 }), ["100", "200", "700"]);
});

test("splitTable: rows and columns both add up", () => {
  const t = andel.splitTable("100", [1, 1, 1], [1, 1]);
  const cents = (x) => BigInt(x.replace(".", ""));
  assert.deepEqual(t.map((r) => r.reduce((s, x) => s + cents(x), 0n)), [3334n, 3333n, 3333n]);
  assert.deepEqual([0, 1].map((j) => t.reduce((s, r) => s + cents(r[j]), 0n)), [5000n, 5000n]);
  throwsAndel(() => andel.splitTable("100", [1, -1], [1]), "negative_weight", "row_weights[1]");
});

test("biproportional: both margins, ties on the array, typed errors", () => {
  const t = andel.biproportional([[123, 45, 815], [912, 714, 414], [312, 255, 215]], [7, 5, 8]);
  assert.deepEqual(Array.from(t, (r) => Array.from(r)), [[1, 0, 4], [4, 4, 3], [2, 1, 1]]);
  assert.deepEqual(t.ties, []);
  const tied = andel.biproportional([[1, 1], [1, 1]], [1, 1]);
  assert.deepEqual(tied.ties[0].winners, [[0, 0], [1, 1]]);
  throwsAndel(() => andel.biproportional([[1, 1], [1, 1]], [1, 1], { ties: "error" }), "tie");
  throwsAndel(() => andel.biproportional([[1, NaN]], [1, 1]), "invalid_number", "weights[0][1]");
  throwsAndel(() => andel.biproportional([[1, 2]], [1, 1.5]), "invalid_number", "columnTotals[1]");
  throwsAndel(() => andel.biproportional([[1, 2]], [1, 1], { rowTotals: [3] }), "infeasible", "rowTotals");
  throwsAndel(() => andel.biproportional([[1, 2]], [1, 1], { method: "hamilton" }), "invalid_option", "method");
  throwsAndel(() => andel.biproportional([[1, 2]], [1, 1], { seats: 3 }), "invalid_option");
  throwsAndel(() => andel.biproportional(5, [1]), "invalid_option", "weights");
});

test("compute: case 2.8 from an object and from JSON text give the same result", () => {
  const doc = example("2.8-self-harm-offer.json");
  const a = andel.compute(doc);
  const b = andel.compute(JSON.stringify(doc));
  assert.deepEqual(a, b);
  const low = a.scenarios[0].allocation;
  const get = (id) => low.parties.find((p) => p.id === id);
  assert.equal(get("851").amount, "1658397.22"); // Aalborg
  assert.equal(get("787").amount, "323222.51"); // Thisted
  assert.equal(get("825").basis.kind, "excluded"); // Læsø
  const sum = low.parties.reduce((s, p) => s + BigInt(p.amount.replace(".", "")), 0n);
  assert.equal(sum, 427500000n);
});

test("compute: results equal the JSON Rust writes (tests/results)", () => {
  const dir = path.join(root, "tests", "results");
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".json"));
  assert.ok(files.length >= 5);
  for (const f of files) {
    const expected = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"));
    assert.deepEqual(andel.compute(example(f)), expected, f);
  }
});

test("computeCsv: Danish Excel is the tables as present shows them; plain keeps machine names", () => {
  const csv = andel.computeCsv(example("2.12-paid-internships.json"));
  assert.ok(csv.startsWith("\ufeff#;2.12 Lønnede praktikpladser"), csv.slice(0, 80));
  // The region's fixed 7,2 % of 620 places is 44,64: rounded up to 45 (worked by hand).
  assert.ok(csv.includes("\nregion;Region Nordjylland;fast andel;42605,28;7,2000;44,6400;45;op nr. 5\n"), csv);
  assert.ok(csv.includes("id;navn;indbyggere 2022;nøglens vægt;andel %;eksakt, pladser;pladser;afrunding\n"));
  const english = andel.computeCsv(example("2.12-paid-internships.json"), "danish_excel", "en");
  assert.ok(english.includes("id;name;population 2022;key weight;share %;exact, places;places;rounding\n"));
  const plain = andel.computeCsv(example("2.4-dk2020.json"), "plain");
  // `#` lines (the assumptions, what made it), then the machine columns.
  assert.ok(plain.startsWith("#,"), plain.slice(0, 80));
  assert.ok(plain.includes("\nscenario,part,id,name,weight,share,quota,amount,units,rounding,remainder_rank,tied\n"));
  assert.ok(plain.includes(",851,Aalborg,"));
  throwsAndel(() => andel.computeCsv(example("2.4-dk2020.json"), "plain", "en"), "invalid_option", "language");
});

test("computeCsv writes what the command line writes, byte for byte, for every example in both dialects", () => {
  const golden = path.join(root, "cli", "tests", "golden", "csv");
  const names = fs.readdirSync(path.join(root, "examples")).filter((f) => f.endsWith(".json"));
  assert.ok(names.length >= 15, names.join());
  for (const name of names) {
    const stem = name.replace(/\.json$/, "");
    const plain = fs.readFileSync(path.join(golden, `${stem}.plain.csv`), "utf8");
    assert.equal(andel.computeCsv(example(name), "plain"), plain, name);
    const danish = fs.readFileSync(path.join(golden, `${stem}.danish.csv`), "utf8");
    assert.equal(andel.computeCsv(example(name)), danish, name);
  }
});

test("present: the view of a document in Danish and English, every part of every example", () => {
  const v = andel.present(example("2.8-cost-split.json"));
  assert.equal(v.language, "da");
  assert.equal(v.assumptions_heading, "Forudsætninger:");
  const [parts, municipalities] = v.scenarios[0].sections;
  assert.equal(parts.heading, "Mellem delene:");
  assert.equal(municipalities.heading, "Inden for Kommunerne:");
  assert.deepEqual(municipalities.table.columns.map((c) => c.key),
    ["id", "name", "weight", "share", "quota", "amount", "rounding"]);
  assert.equal(municipalities.table.columns[5].head, "kr., i øre");
  const aalborg = municipalities.table.rows.find((r) => r.id === "851");
  // 221.082 / 569.903 × 4.275.000,00 = 1.658.397,218474… kr., rounded up.
  assert.equal(aalborg.cells[5].text, "1.658.397,22");
  assert.equal(aalborg.cells[5].value, "1658397.22");
  assert.ok(aalborg.explanation.startsWith("Aalborg: 221.082 af 569.903 indbyggere (38,7929 %) af 4.275.000,00 kr."), aalborg.explanation);
  const en = andel.present(example("2.8-cost-split.json"), { language: "en", numbers: "plain" });
  assert.equal(en.scenarios[0].sections[1].table.columns[5].head, "DKK, to the øre");
  // 2.9: the groups and then the Nordjylland municipalities' places.
  const sosu = andel.present(example("2.9-sosu-assistant.json"));
  const headings = sosu.scenarios[0].sections.map((s) => s.heading);
  assert.deepEqual(headings, ["Mellem grupperne (afrundet trin for trin):", "Inden for KKR Nordjylland (610 pladser):"]);
  throwsAndel(() => andel.present(example("2.8-cost-split.json"), { language: "de" }), "invalid_option", "options.language");
  throwsAndel(() => andel.present(example("2.8-cost-split.json"), { lang: "en" }), "invalid_option", "options.lang");
});

test("present: what reading CSV weights left out is said in the view's language, kept as data in the result", () => {
  const doc = { version: 1, assumptions: ["Befolkning 2022."], key: { csv: { text: "OMRÅDE;TID;INDHOLD\nHele landet;2022K1;5873420\nAalborg;2022K1;221082\nLæsø;2022K1;1769\n" } },
    scenarios: [{ name: "s", total: "100" }] };
  const r = andel.compute(doc);
  assert.deepEqual(r.assumptions, ["Befolkning 2022."]);
  assert.deepEqual(r.read_notes, [{ at: "key.csv", note: { kind: "left_out", line: 2, text: "Hele landet;2022K1;5873420", why: "national_total" } }]);
  assert.deepEqual(andel.present(doc).assumptions,
    ["Befolkning 2022.", "CSV-vægtene: udeladt linje 2 «Hele landet;2022K1;5873420» (landstallet)."]);
  assert.deepEqual(andel.present(doc, { language: "en" }).assumptions,
    ["Befolkning 2022.", 'The CSV weights: left out line 2 "Hele landet;2022K1;5873420" (the national total).']);
  // 100 × 221082/222851 = 99,206… → 99,21: the national total is no party.
  assert.equal(r.scenarios[0].allocation.parties[0].amount, "99.21");
});

test("errors carry their message in Danish and English from the catalogue", () => {
  let caught;
  try {
    andel.readCsv("navn,vægt\nA,1.250\nB,2\n");
  } catch (e) {
    caught = e;
  }
  assert.equal(caught.code, "csv");
  assert.deepEqual(caught.details.problem, { kind: "ambiguous_decimal", text: "1.250" });
  assert.ok(caught.messages.da.startsWith("CSV linje 2, kolonne «vægt»: «1.250» kan læses både med decimalkomma"), caught.messages.da);
  assert.equal(caught.messages.en, caught.message);
  const read = andel.readCsv("kommune;befolkning\nHele landet;5.873.420\nAalborg;221.082\n");
  assert.deepEqual(read.leftOut, {
    da: "udeladt linje 2 «Hele landet;5.873.420» (landstallet)",
    en: 'left out line 2 "Hele landet;5.873.420" (the national total)',
  });
  assert.equal(andel.readCsv("A;1\n").leftOut, undefined);
});

test("municipalities and years: the embedded data", () => {
  const years = andel.years();
  assert.deepEqual(years, [2020, 2021, 2022, 2023, 2024, 2025]);
  const nord = andel.municipalities("Nordjylland", 2022);
  assert.equal(nord.length, 11);
  const aalborg = nord.find((m) => m.name === "Aalborg");
  assert.deepEqual(aalborg, { code: "851", name: "Aalborg", region: "Nordjylland", population: 221082 });
  assert.equal(nord.reduce((s, m) => s + m.population, 0), 591740);
  assert.equal(andel.municipalities().length, 98);
  assert.equal(andel.municipalities("region nordjylland").length, 11);
});

test("numbers as people write them", () => {
  assert.equal(andel.parseNumber("4.275.000,00"), "4275000.00");
  assert.equal(andel.parseNumber("4.275"), "4275");
  assert.equal(andel.parseNumber("4.275", false), "4.275");
  assert.equal(andel.parseNumber("7,2"), "7.2");
  assert.equal(andel.formatNumber("1658397.22", 2), "1.658.397,22");
  assert.equal(andel.formatNumber("0.387929", 4, "plain"), "0.3879");
  const csv = andel.readCsv("kommune;indbyggere\nAalborg;221.082\nLæsø;1.769\n");
  assert.deepEqual(csv.key.map((p) => [p.id, p.weight]), [["851", "221082"], ["825", "1769"]]);
  assert.equal(csv.separator, ";");
});

test("bad input: a typed Error naming the argument or field", () => {
  throwsAndel(() => andel.apportion([1, NaN], 3), "invalid_number", "weights[1]");
  throwsAndel(() => andel.apportion([1, Infinity], 3), "invalid_number", "weights[1]");
  throwsAndel(() => andel.apportion([1, -2], 3), "negative_weight", "weights[1]");
  throwsAndel(() => andel.apportion([0, 0], 3), "zero_total_weight", "weights");
  throwsAndel(() => andel.apportion([], 3), "no_parties", "weights");
  throwsAndel(() => andel.apportion([1, {}], 3), "invalid_number", "weights[1]");
  throwsAndel(() => andel.apportion("12", 3), "invalid_option", "weights");
  throwsAndel(() => andel.apportion([1, 2], NaN), "invalid_number", "seats");
  throwsAndel(() => andel.apportion([1, 2], 2.5), "invalid_number", "seats");
  throwsAndel(() => andel.apportion([1, 2], -1), "invalid_number", "seats");
  throwsAndel(() => andel.apportion([1, 2], 2 ** 60), "overflow", "seats");
  throwsAndel(() => andel.apportion([1, 2], 1e12, "dhondt"), "overflow", "seats");
  throwsAndel(() => andel.apportion([1, 2], 3, "borda"), "invalid_option", "method");
  throwsAndel(() => andel.apportion([1, 2], 3, 5), "invalid_option", "method");
  throwsAndel(() => andel.apportion([1, 2], 3, "hamilton", { minimun: 1 }), "invalid_option", "options.minimun");
  throwsAndel(() => andel.apportion([1, 2], 3, "hamilton", { minimum: [1, 0.5] }), "invalid_number", "minimum[1]");
  throwsAndel(() => andel.apportion([1, 2], 3, "hamilton", { ties: "coin" }), "invalid_option", "ties");
  throwsAndel(() => andel.apportion([1, 1], 1, "hamilton", { minimum: 1 }), "infeasible");
  throwsAndel(() => andel.apportion(["0.50000000000000000000000000001", 1], 1), "invalid_number", "weights[0]");
  throwsAndel(() => andel.apportion([5e-324, 1], 1), "overflow", "weights[0]");
  throwsAndel(() => andel.split("0.005", [1, 1]), "not_multiple_of_unit");
  throwsAndel(() => andel.split("1,5", [1, 1]), "invalid_number", "amount");
  throwsAndel(() => andel.split("1", [1, 1], { unit: 0 }), "invalid_unit");
  throwsAndel(() => andel.split("1", [1, 1], { unit: "0.01", colour: "red" }), "invalid_option", "options.colour");
  // readCsv's column options: an error is at the option, and a named column without a header is refused.
  throwsAndel(() => andel.readCsv("A;1\nB;2\n", { decimal: "x" }), "invalid_option", "columns.decimal");
  throwsAndel(() => andel.readCsv("A;1\nB;2\n", { header: false, weight: "vægt" }), "invalid_option", "columns.weight");
  const m = throwsAndel(() => andel.municipalities("Nordjyland"), "invalid_option");
  assert.ok(m.message.includes("Nordjylland"), m.message);
  throwsAndel(() => andel.municipalities(null, 1999), "unknown_year", "year");
  throwsAndel(() => andel.municipalities(null, 2022.5), "invalid_number", "year");
  throwsAndel(() => andel.parseNumber("fire"), "invalid_number", "text");
  throwsAndel(() => andel.formatNumber("1", 40), "invalid_option", "places");
  throwsAndel(() => andel.formatNumber("1", 2, "roman"), "invalid_option", "style");
  throwsAndel(() => andel.readCsv("a;b\nx;\n"), "csv");
});

test("bad documents: errors at the field path", () => {
  const doc = example("2.12-paid-internships.json");
  doc.key.fixed[0].share = NaN;
  throwsAndel(() => andel.compute(doc), "invalid_number", "key.fixed[0].share");
  const unknown = example("2.8-self-harm-offer.json");
  unknown.key.exclude = ["Læsø", "Aalborgg"];
  const e = throwsAndel(() => andel.compute(unknown), "unknown_municipality", "key.exclude[1]");
  assert.ok(e.message.includes("Aalborgg") && e.details.suggestions.some((s) => s.startsWith("Aalborg")));
  const town = example("2.8-self-harm-offer.json");
  town.key.population.municipalities = ["Aalborgg"];
  const u = throwsAndel(() => andel.compute(town), "unknown_municipality", "key.population.municipalities[0]");
  assert.ok(u.details.suggestions.some((s) => s.startsWith("Aalborg")), JSON.stringify(u.details));
  throwsAndel(() => andel.compute({ version: 1, scenarios: [], colour: "red" }), "document", "colour");
  throwsAndel(() => andel.compute("{ not json"), "document");
  throwsAndel(() => andel.compute(42), "document");
  throwsAndel(() => andel.compute([1, 2]), "document");
  let deep = { version: 1 };
  for (let i = 0; i < 200; i++) deep = { a: deep };
  throwsAndel(() => andel.compute(deep), "document");
  throwsAndel(() => andel.compute({ version: 1, scenarios: [{ name: "x", total: () => 1 }] }), "document", "scenarios[0].total");
});

test("no panic reaches JS: every function on hostile values", () => {
  const hostile = [undefined, null, NaN, -Infinity, -0, 2 ** 53 + 2, -1, 1e308, 5e-324, "", " ", "NaN", "1e999",
    "٣", "\u0000", "9".repeat(400), [], [[]], {}, { length: 5 }, () => 1, Symbol("s"), 10n ** 40n, true,
    new Date(0), new Map(), [NaN], ["-0"], [1, "x"], { __proto__: null, a: 1 }];
  const fns = [
    (x) => andel.apportion(x, 3),
    (x) => andel.apportion([1, 2], x),
    (x) => andel.apportion([1, 2], 3, x),
    (x) => andel.apportion([1, 2], 3, "dhondt", x),
    (x) => andel.apportion([1, 2], 3, "dhondt", { minimum: x, maximum: x, ties: x }),
    (x) => andel.apportion([1, 2], 3, "modified_sainte_lague", { firstDivisor: x }),
    (x) => andel.split(x, [1, 2]),
    (x) => andel.split("1", x),
    (x) => andel.split("1", [1, 2], x),
    (x) => andel.split("1", [1, 2], { unit: x, ties: x }),
    (x) => andel.compute(x),
    (x) => andel.compute({ version: 1, key: { weights: [{ id: "a", weight: x }] }, scenarios: [{ name: "s", total: x }] }),
    (x) => andel.computeCsv(x, x),
    (x) => andel.municipalities(x, x),
    (x) => andel.parseNumber(x, x),
    (x) => andel.formatNumber(x, x, x),
    (x) => andel.readCsv(x, x),
  ];
  for (const f of fns) {
    for (const x of hostile) {
      try {
        f(x);
      } catch (e) {
        assert.ok(e instanceof Error, `not an Error for ${inspect(x)}: ${e}`);
        assert.ok(!(e instanceof WebAssembly.RuntimeError), `a trap (panic) for ${inspect(x)}: ${e.message}`);
        assert.equal(e.name, "AndelError", `${f} ${inspect(x)}: ${e.stack}`);
        assert.equal(typeof e.code, "string");
      }
    }
  }
  // The module still works after all that.
  assert.deepEqual(andel.apportion([5, 3, 2], 7), [4, 2, 1]);
});

test("an argument beyond those a function takes is refused, never dropped", () => {
  const doc = { version: 1, key: { weights: [{ id: "A", weight: 1 }] }, scenarios: [{ name: "s", total: "1" }] };
  const calls = [
    [4, () => andel.apportion([1, 2], 3, "hamilton", {}, { ties: "error" })],
    [3, () => andel.split("100", [1, 2], { unit: "1" }, "0.01")],
    [4, () => andel.splitTable("1", [1], [1], {}, {})],
    [3, () => andel.biproportional([[1]], [1], {}, {})],
    [1, () => andel.compute(doc, "csv")],
    [3, () => andel.computeCsv(doc, "danish_excel", "da", "plain")],
    [2, () => andel.present(doc, {}, "en")],
    [2, () => andel.municipalities("Nordjylland", 2022, 2025)],
    [0, () => andel.years(2022)],
    [2, () => andel.parseNumber("1.234", true, false)],
    [3, () => andel.formatNumber("1", 2, "danish", "plain")],
    [2, () => andel.readCsv("A;1\n", {}, { decimal: "," })],
  ];
  for (const [takes, call] of calls) {
    throwsAndel(call, "invalid_option", `arguments[${takes}]`);
  }
  // A trailing undefined is no argument: the calls as they are documented work.
  assert.deepEqual(andel.split("100", [1, 2], { unit: "1" }, undefined), ["33", "67"]);
  assert.deepEqual(andel.years(), [2020, 2021, 2022, 2023, 2024, 2025]);
  assert.equal(andel.compute(doc).scenarios[0].allocation.parties[0].amount, "1.00");
});

test("an argument after an undefined one is refused too", () => {
  throwsAndel(() => andel.apportion([1, 2], 3, "hamilton", {}, undefined, { ties: "error" }), "invalid_option", "arguments[5]");
  throwsAndel(() => andel.years(undefined, undefined, 2022), "invalid_option", "arguments[2]");
  throwsAndel(() => andel.compute({ version: 1 }, undefined, "csv"), "invalid_option", "arguments[2]");
});

test("options that are not a plain object are refused, not read as empty", () => {
  // A Map, a class with a getter, an object whose fields are on its
  // prototype: JS code reads a minimum of 1 from each; andel would have
  // seen none and given [2, 0] ([5, 1] by Hamilton for 2: quotas 1.67, 0.33).
  class Opts { get minimum() { return 1; } }
  const inherited = Object.create({ minimum: 1 });
  for (const options of [new Map([["minimum", 1]]), new Opts(), inherited]) {
    throwsAndel(() => andel.apportion([5, 1], 2, "hamilton", options), "invalid_option", "options");
  }
  throwsAndel(() => andel.readCsv("A;1\n", new Map()), "invalid_option", "columns");
  // A plain object with its own getter is read as JS reads it: minimum 1
  // gives each party one place.
  const own = { get minimum() { return 1; } };
  assert.deepEqual(andel.apportion([5, 1], 2, "hamilton", own), [1, 1]);
  assert.deepEqual(andel.apportion([5, 1], 2, "hamilton", Object.assign(Object.create(null), { minimum: 1 })), [1, 1]);
  // A document that is not a plain object, or none, names `document`.
  throwsAndel(() => andel.compute(undefined), "document", "document");
  throwsAndel(() => andel.compute(new Map()), "document", "document");
});

test("JS exceptions thrown while a value is read never break the module", () => {
  const bad = () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  };
  const getter = () => { const a = [1, 2]; Object.defineProperty(a, 1, { get() { throw new Error("boom"); } }); return a; };
  const trap = () => new Proxy([1, 2], { get() { throw new Error("trap"); } });
  const keysTrap = () => new Proxy({}, { ownKeys() { throw new Error("keys"); } });
  const valueGetter = () => ({ get minimum() { throw new Error("getter"); } });
  const doc = () => ({ version: 1, get key() { throw new Error("doc"); } });
  const attacks = [
    () => andel.apportion(getter(), 3),
    () => andel.apportion(trap(), 3),
    () => andel.apportion(bad(), 3),
    () => andel.apportion([1, 2], 3, "hamilton", bad()),
    () => andel.apportion([1, 2], 3, "hamilton", keysTrap()),
    () => andel.apportion([1, 2], 3, "hamilton", valueGetter()),
    () => andel.apportion([1, 2], 3, "hamilton", { minimum: trap() }),
    () => andel.split("1", [1], { ids: trap() }),
    () => andel.compute(bad()),
    () => andel.compute(doc()),
    () => andel.compute({ version: 1, key: { weights: trap() } }),
    () => andel.readCsv("A;1\n", keysTrap()),
    () => andel.biproportional([getter()], [1]),
  ];
  const fields = new Set();
  for (let i = 0; i < 10000; i++) {
    const attack = attacks[i % attacks.length];
    let caught;
    try { attack(); } catch (e) { caught = e; }
    assert.ok(caught instanceof Error, `attack ${i % attacks.length}`);
    assert.equal(caught.name, "AndelError", `attack ${i % attacks.length}: ${caught}`);
    if (i < attacks.length) fields.add(`${caught.code} ${caught.field}`);
  }
  // Each names where it was reading.
  assert.ok(fields.has("invalid_option weights"), [...fields].join("; "));
  assert.ok(fields.has("invalid_option minimum"), [...fields].join("; "));
  assert.ok(fields.has("invalid_option options"), [...fields].join("; "));
  assert.ok(fields.has("invalid_option key.weights"), [...fields].join("; "));
  assert.ok(fields.has("invalid_option document"), [...fields].join("; "));
  // Quotas 3.5, 2.1, 1.4: Hamilton gives 3, 2, 1 and the last place to the
  // largest remainder (0.5): [4, 2, 1].
  assert.deepEqual(andel.apportion([5, 3, 2], 7), [4, 2, 1]);
});
