// Excel in the web form, in a real Chromium (as browser.test.mjs): the
// folder dist/site/ served on 127.0.0.1. The Excel module is not fetched
// at first load; "Hent Excel" fetches it and downloads the 2.8 workbook
// (Aalborg 1.658.397,22 as a number); an .xlsx chosen as weights becomes
// the weights field's text and gives the same figure; the single file says
// Excel needs the hosted site.
//
// Run after `bash wasm/build.sh`: node test/excel.browser.test.mjs
import { chromium } from "playwright-core";
import { mkdtempSync, readFileSync, existsSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import http from "node:http";
import zlib from "node:zlib";
import assert from "node:assert/strict";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequire } from "node:module";

const here = path.dirname(fileURLToPath(import.meta.url));
const wasmDir = path.join(here, "..");
const site = path.join(wasmDir, "dist", "site");
const single = path.join(wasmDir, "dist", "andel-fordeling.html");
const excel = createRequire(import.meta.url)("../pkg/excel/node/andel_wasm_excel.js");

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".wasm": "application/wasm" };

function serve(root) {
  const server = http.createServer((req, res) => {
    let p = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    if (p.endsWith("/")) p += "index.html";
    const file = path.join(root, path.normalize(p));
    if (!file.startsWith(root + path.sep) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404);
      res.end();
      return;
    }
    const body = readFileSync(file);
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream", "content-length": body.length });
    res.end(body);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** A file of a zip archive (an .xlsx) as text, found through the central directory. */
function unzipped(bytes, wanted) {
  const b = Buffer.from(bytes);
  const end = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = b.readUInt32LE(end + 16);
  for (let i = 0; i < b.readUInt16LE(end + 10); i++) {
    const n = b.readUInt16LE(at + 28);
    const name = b.toString("utf8", at + 46, at + 46 + n);
    if (name === wanted) {
      const local = b.readUInt32LE(at + 42);
      const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
      const data = b.subarray(start, start + b.readUInt32LE(at + 20));
      return (b.readUInt16LE(at + 10) === 8 ? zlib.inflateRawSync(data) : data).toString("utf8");
    }
    at += 46 + n + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
  }
  throw new Error(`${wanted} not in the archive`);
}

const launch = () => chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), "andel-chromium-")), {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  acceptDownloads: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const ready = (page) => page.waitForFunction(() => window.andelReady === true, null, { timeout: 30000 });

const server = await serve(site);
const origin = `http://127.0.0.1:${server.address().port}`;
let context;
let failed = false;
try {
  context = await launch();
  const page = await context.newPage();
  const requests = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await page.goto(`${origin}/index.html`);
  await ready(page);

  console.log("# first load: no Excel module");
  assert.ok(!requests.some((p) => p.includes("/pkg/excel/")), requests.join(", "));

  console.log("# Hent Excel: the module on request, the 2.8 workbook downloaded");
  const [dl] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Hent Excel" }).click()]);
  assert.match(dl.suggestedFilename(), /\.xlsx$/);
  const bytes = readFileSync(await dl.path());
  assert.equal(bytes.subarray(0, 2).toString(), "PK");
  assert.ok(requests.some((p) => p.endsWith("/pkg/excel/andel_wasm_excel_bg.wasm")), "fetched when asked for");
  const sheet = unzipped(bytes, "xl/worksheets/sheet1.xml");
  // The opening case 2.8, low scenario: 221.082 / 569.903 × 4.275.000 = 1.658.397,218… → 1.658.397,22 (the minutes).
  assert.match(sheet, /<v>1658397.22<\/v>/);
  assert.match(sheet, /<f>SUM\([A-Z]+\d+:[A-Z]+\d+\)<\/f><v>4275000(\.0+)?<\/v>/);
  assert.match(await page.locator("#action-info").innerText(), /Excel-filen er hentet/);

  console.log("# an .xlsx as weights: the nine municipalities of 2.8");
  // The populations of 1 January 2022 (Statbank FOLK1A) of the nine: 569.903 in all.
  const nine = { 787: 43089, 810: 36194, 813: 58878, 820: 36326, 840: 30646, 846: 41662, 849: 38187, 851: 221082, 860: 63839 };
  const book = excel.workbook({ version: 1, key: { weights: Object.entries(nine).map(([id, w]) => ({ id, weight: w })) },
    scenarios: [{ name: "lav", total: "1" }] });
  const file = path.join(mkdtempSync(path.join(tmpdir(), "andel-xlsx-")), "vægte.xlsx");
  writeFileSync(file, book);
  await page.getByLabel("Egne vægte (CSV)").check();
  // The whole module (loaded for own weights) here first: its recompute would rewrite the sheet's note.
  await page.waitForFunction(() => !window.andelLoadingMore);
  await page.locator("#csv-file").setInputFiles(file);
  await page.waitForFunction(() => document.getElementById("csv").value.includes("851;"));
  assert.match(await page.locator("#csv-info").innerText(), /arket »Fordeling« i vægte\.xlsx/);
  assert.equal(await page.locator("#csv-error").innerText(), "");
  // Two sheets: the choice is offered.
  assert.ok(await page.locator("#xlsx-sheet").isVisible());
  assert.match(await page.locator("#result").innerText(), /1\.658\.397,22/);

  console.log("# a file that is not a workbook: said in Danish at the field");
  const bad = path.join(path.dirname(file), "ikke.xlsx");
  writeFileSync(bad, "ikke en zip-fil");
  await page.locator("#csv-file").setInputFiles(bad);
  await page.waitForFunction(() => document.getElementById("csv-error").textContent !== "");
  assert.match(await page.locator("#csv-error").innerText(), /^Excel-filen kan ikke læses/);

  console.log("# the user's own population file: Hent Excel says which file, period and ages");
  // FOLK1A for 2026K1, all ages, the 11 Nordjylland municipalities at 1.000 each except Aalborg at
  // 2.000 (12.000 in all); 2.8's nine (Læsø and Morsø out) have 10.000: Aalborg 2.000/10.000 ×
  // 4.275.000 = 855.000,00 exactly.
  const codes = ["773", "787", "810", "813", "820", "825", "840", "846", "849", "851", "860"];
  const folk = path.join(path.dirname(file), "folk1a-2026.csv");
  writeFileSync(folk, ["OMRÅDE;TID;INDHOLD", ...codes.map((c) => `${c};2026K1;${c === "851" ? 2000 : 1000}`)].join("\n") + "\n");
  await page.getByLabel("Indbyggertal", { exact: true }).check();
  await page.locator("#population-file").setInputFiles(folk);
  await page.waitForFunction(() => /2026K1/.test(document.getElementById("population-file-info").textContent));
  assert.match(await page.locator("#result").innerText(), /855\.000,00/);
  const [popBook] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Hent Excel" }).click()]);
  const popBytes = readFileSync(await popBook.path());
  const texts = ["xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]
    .map((n) => { try { return unzipped(popBytes, n); } catch { return ""; } }).join("\n");
  assert.match(texts, /periode 2026K1, alle aldre\) fra din egen fil »folk1a-2026\.csv«/);
  assert.match(unzipped(popBytes, "xl/worksheets/sheet1.xml"), /<v>855000(\.0+)?<\/v>/);
  assert.deepEqual(errors, []);

  console.log("# the single file: Excel needs the hosted site");
  const one = await context.newPage();
  await one.goto(pathToFileURL(single).href);
  await ready(one);
  await one.getByRole("button", { name: "Hent Excel" }).click();
  assert.match(await one.locator("#action-info").innerText(), /kun bruges fra siden på en webserver/);
} catch (e) {
  failed = true;
  console.error(e);
} finally {
  await context?.close();
  server.close();
}
console.log(failed ? "not ok - Excel in the web form" : "ok - Excel in the web form");
process.exit(failed ? 1 : 0);
