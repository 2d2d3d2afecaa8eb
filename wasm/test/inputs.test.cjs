// Files as Danish desks make them (issue 28), given to readCsv as bytes:
// the core decodes them (Windows-1252, UTF-16 with BOM, UTF-8). The files
// in tests/inputs/ were written by Python's codecs. Case 2.8: 4.275.000
// kr. among Nordjylland without Læsø and Morsø by 2022 population gives
// Aalborg 4.275.000 × 221.082 / 569.903 = 1.658.397,22 (Hamilton; worked
// out with exact fractions in core/tests/real_inputs.rs).
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const andel = require("../pkg/node/andel_wasm.js");

const inputs = path.join(__dirname, "..", "..", "tests", "inputs");
const bytes = (name) => new Uint8Array(fs.readFileSync(path.join(inputs, name)));

function aalborg(read) {
  const parties = read.key.filter((p) => p.id !== "825" && p.id !== "773");
  const amounts = andel.split("4275000", parties.map((p) => p.weight));
  return amounts[parties.findIndex((p) => p.id === "851")];
}

test("a Windows-1252 Statbank export and Excel's UTF-16 text give 2.8", () => {
  const latin = andel.readCsv(bytes("folk1a-2022-nordjylland-cp1252.csv"));
  assert.equal(latin.encoding, "windows-1252");
  assert.deepEqual(latin.notes, [{ kind: "encoding", encoding: "windows-1252" }]);
  assert.equal(latin.key.find((p) => p.id === "825").name, "Læsø");
  assert.deepEqual(latin.skipped.map(([line, , why]) => [line, why]), [[2, "national_total"], [3, "regional_total"]]);
  // Said from core's catalogue in both languages.
  assert.deepEqual(latin.leftOut, {
    da: "udeladt linje 2 «000 Hele landet;2022K1;5873420» (landstallet), linje 3 «081 Region Nordjylland;2022K1;591740» (en regions samlede tal)",
    en: "left out line 2 \"000 Hele landet;2022K1;5873420\" (the national total), line 3 \"081 Region Nordjylland;2022K1;591740\" (a regional total)",
  });
  // Every note said, sentence by sentence: the encoding first, then the rows left out.
  assert.deepEqual(latin.said.en, [
    "read as Windows-1252 (the bytes are not UTF-8)",
    "left out line 2 \"000 Hele landet;2022K1;5873420\" (the national total), line 3 \"081 Region Nordjylland;2022K1;591740\" (a regional total)",
  ]);
  assert.equal(latin.said.da[0], "læst som Windows-1252 (filen er ikke UTF-8)");
  assert.deepEqual(andel.readCsv("A;1\n").said, { da: [], en: [] });
  assert.equal(aalborg(latin), "1658397.22");
  const unicode = andel.readCsv(bytes("nordjylland-2022-excel-unicode.txt"));
  assert.equal(unicode.encoding, "utf-16le");
  assert.equal(unicode.notes[1].kind, "danish_thousands");
  assert.equal(aalborg(unicode), "1658397.22");
  const web = andel.readCsv(bytes("folk1a-2022-web-export.csv"));
  assert.equal(web.skipped[0][2], "title");
  assert.equal(aalborg(web), "1658397.22");
});

test("textFromBytes gives the text the form's upload shows", () => {
  const text = andel.textFromBytes(bytes("folk1a-2022-nordjylland-cp1252.csv"));
  assert.ok(text.startsWith("OMRÅDE;TID;INDHOLD\r\n000 Hele landet;"));
  assert.ok(text.includes("825 Læsø;2022K1;1769"));
  assert.throws(() => andel.textFromBytes("text"), (e) => e.code === "invalid_option" && e.field === "bytes");
  assert.throws(() => andel.textFromBytes(new Uint8Array([0xff, 0xfe, 0x41])), (e) => e.code === "encoding");
  // keep_totals keeps a region meant as a party (2.12's region).
  const paste = "part;vægt\nRegion Nordjylland;7,2\nAalborg;92,8\n";
  assert.equal(andel.readCsv(paste).key.length, 1);
  assert.equal(andel.readCsv(paste, { keep_totals: true }).key.length, 2);
});
