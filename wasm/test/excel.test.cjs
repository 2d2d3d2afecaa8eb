// The Excel module (andel-wasm-excel, loaded on request by the form): the
// result workbook for case 2.8 holds the minutes' figures as numbers, each
// total a SUM with the exact total stored; an .xlsx reads back as weights;
// errors are typed, with Danish messages from core's catalogue.
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const excel = require("../pkg/excel/node/andel_wasm_excel.js");
const doc28 = fs.readFileSync(path.join(__dirname, "..", "..", "examples", "2.8-cost-split.json"), "utf8");

/** The files of a zip archive (an .xlsx) by name, as text: read from its central directory. */
function unzip(bytes) {
  const b = Buffer.from(bytes);
  const end = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = b.readUInt16LE(end + 10);
  let at = b.readUInt32LE(end + 16);
  const files = {};
  for (let i = 0; i < count; i++) {
    const method = b.readUInt16LE(at + 10);
    const size = b.readUInt32LE(at + 20);
    const nameLength = b.readUInt16LE(at + 28);
    const extra = b.readUInt16LE(at + 30);
    const comment = b.readUInt16LE(at + 32);
    const local = b.readUInt32LE(at + 42);
    const name = b.toString("utf8", at + 46, at + 46 + nameLength);
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    const data = b.subarray(start, start + size);
    files[name] = (method === 8 ? zlib.inflateRawSync(data) : data).toString("utf8");
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

test("the 2.8 workbook: the minutes' figures as numbers, totals as SUMs of the exact totals", () => {
  const bytes = excel.workbook(doc28);
  assert.ok(bytes instanceof Uint8Array);
  const files = unzip(bytes);
  const book = files["xl/workbook.xml"];
  assert.match(book, /<sheet name="Fordeling"/);
  assert.match(book, /<sheet name="Forudsætninger"/);
  const sheet = files["xl/worksheets/sheet1.xml"];
  // Numbers, not text: 221.082 / 569.903 × 4.275.000 = 1.658.397,218… → 1.658.397,22 (Aalborg,
  // the minutes); 30.646 / 569.903 × 4.275.000 = 229.884,1206… → 229.884,12 (Rebild, the minutes).
  assert.match(sheet, /<v>1658397.22<\/v>/);
  assert.match(sheet, /<v>229884.12<\/v>/);
  // The totals: kommunerne 4.275.000 of the low scenario and the whole 5.700.000
  // (4.275.000 / 0,75), each a SUM formula with the exact total as its value.
  assert.match(sheet, /<f>SUM\([A-Z]+\d+:[A-Z]+\d+\)<\/f><v>4275000(\.0+)?<\/v>/);
  assert.match(sheet, /<f>SUM\([A-Z]+\d+:[A-Z]+\d+\)<\/f><v>5700000(\.0+)?<\/v>/);
  // Every formula is a SUM: no text became a formula.
  for (const f of sheet.match(/<f>[^<]*<\/f>/g)) assert.match(f, /^<f>SUM\(/);
  // The heads are the view's (the screen's and the CSV's), in Danish.
  const strings = files["xl/sharedStrings.xml"];
  for (const head of ["kr., i øre", "andel %", "afrunding", "Scenarie »lav«", "i alt"]) {
    assert.ok(strings.includes(head), head);
  }
});

test("the same workbook in English; the language is checked", () => {
  const files = unzip(excel.workbook(JSON.parse(doc28), "en"));
  assert.match(files["xl/workbook.xml"], /<sheet name="Allocation"/);
  assert.ok(!files["xl/sharedStrings.xml"].includes("kr., i øre"));
  assert.match(files["xl/worksheets/sheet1.xml"], /<v>1658397.22<\/v>/);
  assert.throws(() => excel.workbook(doc28, "fr"), (e) => e.code === "invalid_option" && e.field === "language");
});

test("an .xlsx as weights: the workbook read back, by sheet, with typed errors", () => {
  const bytes = excel.workbook(doc28);
  // The first sheet as text: the first table is the parts (kommunerne, region).
  const t = excel.sheetText(bytes);
  assert.equal(t.sheet, "Fordeling");
  assert.deepEqual(t.sheets, ["Fordeling", "Forudsætninger"]);
  assert.match(t.text, /\n851;Aalborg;221082;[^\n]*;1658397,22;/);
  // Weights from a sheet: 7,2 and 92,8 (numbers in the file) and the total row left out.
  const weights = excel.workbook({ version: 1, key: { weights: [{ id: "A", weight: "7.2" }, { id: "B", weight: "92.8" }] },
    scenarios: [{ name: "lav", total: "1000" }] });
  const w = excel.readXlsx(weights);
  assert.deepEqual(w.key.map((p) => [p.id, p.weight]), [["A", "7.2"], ["B", "92.8"]]);
  // Left out and said: the scenario heading and the summary above the table, "i alt" below.
  assert.deepEqual(w.skipped.map(([line]) => line), [1, 2, 6]);
  assert.throws(() => excel.sheetText(bytes, "Ark9"),
    (e) => e.code === "invalid_option" && e.field === "sheet" && /Ark9/.test(e.messages.da));
  assert.throws(() => excel.readXlsx(new Uint8Array([1, 2, 3])), (e) => e.code === "io" && typeof e.messages.da === "string");
  assert.throws(() => excel.readXlsx("text"), (e) => e.field === "bytes");
  assert.throws(() => excel.workbook("{"), (e) => e.code === "document");
});
