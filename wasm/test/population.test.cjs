// readPopulation (the on-request module): the user's own Statbank file as the
// web form's upload reads it. Figures chosen here and summed by hand.
const test = require("node:test");
const assert = require("node:assert/strict");
const andel = require("../pkg/node/andel_wasm.js");

// FOLK1A as the API writes it, with the national total (left out), two age
// groups and both sexes apart (added up): Aalborg 0-64 = 90.000 + 91.000 =
// 181.000, 65+ = 20.000 + 21.001 = 41.001; Læsø 0-64 = 600 + 500 = 1.100,
// 65+ = 350 + 330 = 680.
const file = [
  "OMRÅDE;ALDER;KØN;TID;INDHOLD",
  "Hele landet;0-64 år;Mænd;2026K1;2400000",
  "851 Aalborg;0-64 år;Mænd;2026K1;90000",
  "851 Aalborg;0-64 år;Kvinder;2026K1;91000",
  "851 Aalborg;65 år og derover;Mænd;2026K1;20000",
  "851 Aalborg;65 år og derover;Kvinder;2026K1;21001",
  "825 Læsø;0-64 år;Mænd;2026K1;600",
  "825 Læsø;0-64 år;Kvinder;2026K1;500",
  "825 Læsø;65 år og derover;Mænd;2026K1;350",
  "825 Læsø;65 år og derover;Kvinder;2026K1;330",
].join("\r\n");
const bytes = (text, encoding = "utf8") => new Uint8Array(Buffer.from(text, encoding));

test("all ages and 65+, Windows-1252, codes and names matched", () => {
  const all = andel.readPopulation(bytes(file, "latin1"));
  assert.equal(all.period, "2026K1");
  assert.equal(all.date, "2026-01-01");
  assert.equal(all.encoding, "windows-1252");
  // 181.000 + 41.001 = 222.001; 1.100 + 680 = 1.780.
  assert.deepEqual(all.municipalities, [
    { code: "825", name: "Læsø", population: 1780 },
    { code: "851", name: "Aalborg", population: 222001 },
  ]);
  const old = andel.readPopulation(bytes(file), { year: 2026, ages: { from: 65 } });
  assert.deepEqual(old.ages, { from: 65 });
  assert.deepEqual(old.municipalities.map((m) => m.population), [680, 41001]);
  const young = andel.readPopulation(bytes(file), { ages: { to: 64 } });
  assert.deepEqual(young.municipalities.map((m) => m.population), [1100, 181000]);
});

test("errors: a period, ages and a municipality the file cannot give; not a population table", () => {
  const code = (f) => { try { f(); } catch (e) { return [e.code, e.field, e.details]; } return null; };
  const [c1, , d1] = code(() => andel.readPopulation(bytes(file), { year: 2022 }));
  assert.equal(c1, "period_not_in_file");
  assert.deepEqual(d1.available, ["2026K1"]);
  const [c2, , d2] = code(() => andel.readPopulation(bytes(file), { ages: { from: 70 } }));
  assert.equal(c2, "ages_not_in_file");
  assert.deepEqual(d2.groups, ["0-64", "65-"]);
  // Nordjylland has 11 municipalities; the file has two: the first missing by code is Morsø (773).
  const [c3, , d3] = code(() => andel.readPopulation(bytes(file), { region: "Nordjylland" }));
  assert.equal(c3, "missing_municipality");
  assert.equal(d3.name, "Morsø");
  assert.equal(code(() => andel.readPopulation(bytes("kommune;vægt\nAalborg;3\n")))[0], "csv");
  assert.equal(code(() => andel.readPopulation("text, not bytes"))[0], "invalid_option");
  assert.equal(code(() => andel.readPopulation(bytes(file), { yr: 2026 }))[0], "invalid_option");
  assert.equal(code(() => andel.readPopulation(bytes(file), { region: "Atlantis" }))[1], "options.region");
});
