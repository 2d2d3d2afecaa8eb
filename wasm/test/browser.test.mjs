// The web form in a real Chromium (Debian's, driven by playwright-core),
// served on 127.0.0.1 by a server this test starts and stops. It enters the
// cases of the minutes and checks the figures, an error at its field with
// the last result kept, the CSV download, a shared link and a screenshot.
import { chromium } from "playwright-core";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import net from "node:net";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const www = path.join(here, "..", "www");
const target = path.join(here, "..", "..", "target");

const freePort = () => new Promise((resolve) => {
  const srv = net.createServer();
  srv.listen(0, "127.0.0.1", () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
});

async function waitForServer(url) {
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(url)).ok) return; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${url} did not start`);
}

const port = await freePort();
const server = spawn("python3", ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", www], { stdio: "ignore" });
const base = `http://127.0.0.1:${port}/index.html`;
let context;
let failed = false;
const step = (name) => console.log(`# ${name}`);
try {
  await waitForServer(base);
  context = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), "andel-chromium-")), {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    acceptDownloads: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const page = await context.newPage();
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  const pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.goto(base);
  await page.waitForFunction(() => window.andelReady === true);

  const cell = (row, col) => page.locator(`#result-table tr:has(th:text-is("${row}")) td`).nth(col).innerText();
  const footer = (col) => page.locator("#result-table tfoot td").nth(col).innerText();

  step("opens with case 2.8 (low) computed");
  assert.equal(await cell("Aalborg", 2), "1.658.397,22");

  step("case 2.8 entered by hand: 4.275.000 kr., Læsø and Morsø out, 75/25");
  await page.getByRole("button", { name: "Medtag alle" }).click();
  await page.getByRole("checkbox", { name: /^Læsø/ }).uncheck();
  await page.getByRole("checkbox", { name: /^Morsø/ }).uncheck();
  await page.locator("#scenario-total-0").fill("4.275.000");
  await page.locator("#municipal-share").fill("75");
  await page.locator("#region-share").fill("25");
  assert.equal(await cell("Aalborg", 2), "1.658.397,22");
  assert.equal(await cell("Thisted", 2), "323.222,51");
  assert.equal(await cell("Region Nordjylland", 2), "1.425.000,00");
  assert.equal(await footer(2), "5.700.000,00"); // 4.275.000 + 1.425.000
  assert.equal(await cell("Læsø", 1), "ikke med");
  assert.equal(await cell("Læsø", 0), "1.769"); // the real population, marked out
  const assumptions = await page.locator("#assumptions").innerText();
  assert.match(assumptions, /Ikke med: Morsø, Læsø/);
  assert.match(assumptions, /kommunerne 75 %, regionen 25 %/);

  step("two scenarios with one name: the error at the name, the result kept");
  const secondName = await page.locator("#scenario-name-1").inputValue();
  await page.locator("#scenario-name-1").fill(await page.locator("#scenario-name-0").inputValue());
  assert.match(await page.locator("#scenario-name-1-error").innerText(), /samme navn/);
  assert.equal(await page.locator("#scenario-name-1").getAttribute("aria-invalid"), "true");
  assert.equal(await cell("Aalborg", 2), "1.658.397,22");
  await page.locator("#scenario-name-1").fill(secondName);
  assert.equal(await page.locator("#status").innerText(), "");
  assert.equal(await page.locator("#scenario-name-1-error").innerText(), "");

  step("why? explains Rebild in Danish");
  await page.locator('#result-table tr:has(th:text-is("Rebild")) button').click();
  const why = await page.locator("#explanation").innerText();
  assert.match(why, /229\.884,12 kr\./);
  assert.match(why, /eksakte kvote/);

  step("620 places with 7,2 % for the region (case 2.12)");
  await page.getByLabel("Pladser").check();
  await page.locator("#scenario-total-0").fill("620");
  await page.getByRole("button", { name: "Fjern scenarie 2" }).click();
  await page.getByRole("button", { name: "Medtag alle" }).click();
  await page.getByRole("button", { name: "Tilføj fast andel" }).click();
  await page.locator("#fixed-name-0").fill("Region Nordjylland");
  await page.locator("#fixed-share-0").fill("7,2");
  assert.equal(await cell("Region Nordjylland", 2), "45");
  assert.equal(await cell("Aalborg", 2), "215");
  assert.equal(await cell("Læsø", 2), "2");
  assert.equal(await footer(2), "620");

  step("an error sits at its field; the last result stays, marked");
  await page.locator("#fixed-share-0").fill("syv");
  assert.match(await page.locator("#fixed-share-0-error").innerText(), /tal/);
  assert.equal(await page.locator("#fixed-share-0").getAttribute("aria-invalid"), "true");
  assert.equal(await cell("Aalborg", 2), "215");
  assert.match(await page.locator("#status").innerText(), /forrige input/);
  await page.locator("#fixed-share-0").fill("7,2");
  assert.equal(await page.locator("#status").innerText(), "");

  step("download the CSV (Danish Excel)");
  const [dl] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Hent CSV" }).click()]);
  const csv = readFileSync(await dl.path(), "utf8");
  // The tables as on the screen (core's view, Danish heads), assumptions first.
  assert.ok(csv.startsWith("\ufeff# "), csv.slice(0, 80));
  assert.match(csv, /\nid;navn;indbyggere 2022;nøglens vægt;andel %;eksakt, pladser;pladser;afrunding\n/);
  assert.match(csv, /\n851;Aalborg;221082;[^\n]*;215;[^;\n]*\n/);
  assert.match(csv, /\nfast-1;Region Nordjylland;fast andel;[^\n]*;45;[^;\n]*\n/);

  step("the shared link gives the same result");
  const url = page.url();
  const table = await page.locator("#result-table").innerText();
  const again = await context.newPage();
  await again.goto(url);
  await again.waitForFunction(() => window.andelReady === true);
  assert.equal(await again.locator("#result-table").innerText(), table);
  await again.close();

  step("a link cut short or edited by hand: the example, a note, no script error");
  for (const hash of ["#%7B%22what%22%3A%22x%5D%2C%20body%22%2C%22scenarios%22%3A5%2C%22year%22%3A2022%7D", "#%7B%22unit%22%3A%221"]) {
    const broken = await context.newPage();
    const brokenErrors = [];
    broken.on("pageerror", (e) => brokenErrors.push(e.message));
    await broken.goto(base + hash);
    await broken.waitForFunction(() => window.andelReady === true);
    assert.match(await broken.locator("#link-note").innerText(), /kunne ikke læses/);
    assert.equal(await broken.locator('#result-table tr:has(th:text-is("Aalborg")) td').nth(2).innerText(), "1.658.397,22");
    assert.deepEqual(brokenErrors, []);
    await broken.close();
  }
  assert.equal(await page.locator("#link-note").innerText(), "");

  step("offline once opened: a new page without a network opens and computes");
  const workerReady = await page.evaluate(() => Promise.race([
    navigator.serviceWorker.ready.then(() => true),
    new Promise((resolve) => setTimeout(() => resolve(false), 10000)),
  ]));
  assert.ok(workerReady, "the service worker (www/sw.js) did not start");
  await context.setOffline(true);
  const offline = await context.newPage();
  await offline.goto(base);
  await offline.waitForFunction(() => window.andelReady === true);
  assert.equal(await offline.locator('#result-table tr:has(th:text-is("Aalborg")) td').nth(2).innerText(), "1.658.397,22");
  await offline.close();
  await context.setOffline(false);

  step("own weights pasted as CSV");
  await page.getByLabel("Egne vægte (CSV)").check();
  await page.locator("#fixed-rows button").click();
  await page.locator("#csv").fill("kommune;vægt\nAalborg;3\nHjørring;1\n");
  assert.equal(await cell("Aalborg", 2), "465"); // 620 × 3/4
  assert.equal(await cell("Hjørring", 2), "155");
  assert.match(await page.locator("#csv-info").innerText(), /Læst 2 parter/);
  // 1.234 in a comma file is 1234 or 1.234: the form asks, keeping the last result, and reads it as told.
  await page.locator("#csv").fill("kommune,vægt\nAalborg,1.234\nHjørring,2\n");
  assert.equal(await page.locator("#csv-error").innerText(),
    "CSV linje 2, kolonne vægt: «1.234» kan læses både med decimalkomma og med decimalpunktum; vælg decimaltegnet ovenfor");
  assert.equal(await cell("Aalborg", 2), "465");
  await page.getByLabel("Decimaltegn i vægtene").selectOption(",");
  assert.equal(await page.locator("#csv-error").innerText(), "");
  assert.equal(await cell("Aalborg", 2), "619"); // 620 × 1234/1236 = 618,996…
  assert.equal(await cell("Hjørring", 2), "1");
  await page.getByLabel("Decimaltegn i vægtene").selectOption(".");
  assert.equal(await cell("Aalborg", 2), "237"); // 620 × 1,234/3,234 = 236,574…
  assert.equal(await cell("Hjørring", 2), "383"); // 383,425…: the remainder goes to Aalborg
  assert.match(await page.locator("#csv-info").innerText(), /decimaltegn «\.»/);
  // A Statbank export: the totals are left out, and the assumptions say so.
  await page.getByLabel("Decimaltegn i vægtene").selectOption("");
  await page.locator("#csv").fill("OMRÅDE;TID;INDHOLD\nHele landet;2022K1;5873420\nAalborg;2022K1;221082\nHjørring;2022K1;63839\n");
  assert.equal(await cell("Aalborg", 2), "481"); // 620 × 221082/284921 = 481,08…
  assert.match(await page.locator("#assumptions").innerText(), /Sprunget over i CSV: linje 2 \(«Hele landet;2022K1;5873420», hele landet\)\./);
  assert.match(await page.locator("#csv-info").innerText(), /Læst 2 parter .*sprunget over: linje 2/);
  // CSV errors in Danish, at the field.
  await page.locator("#csv").fill("kommune;vægt\nAalborg;-3\n");
  assert.equal(await page.locator("#csv-error").innerText(), "CSV linje 2, kolonne vægt: vægten -3 er negativ");
  await page.locator("#csv").fill("kommune;vægt\nA;1;2\n");
  assert.equal(await page.locator("#csv-error").innerText(), "CSV linje 2, kolonne 3: rækken har 3 felter, men overskriften har 2");
  await page.getByLabel("Decimaltegn i vægtene").selectOption("");

  step("recompute time for all 98 municipalities");
  await page.getByLabel("Indbyggertal", { exact: true }).check();
  await page.getByLabel("Beløb (kr.)").check();
  await page.getByLabel("Kommunerne og regionen deler udgiften").uncheck();
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
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const rows = await page.locator("#result-table tbody tr").count();
  assert.equal(rows, 98);
  console.log(`# recompute for 98 municipalities in Chromium: compute ${median(times.map((t) => t[0])).toFixed(2)} ms, ` +
    `with the table redrawn ${median(times.map((t) => t[1])).toFixed(2)} ms (median of 30; budget 16 ms)`);

  step("no request left the machine; no script error");
  assert.deepEqual(requests.filter((u) => !u.startsWith(`http://127.0.0.1:${port}/`) && !u.startsWith("blob:") && !u.startsWith("data:")), []);
  assert.deepEqual(pageErrors, []);

  step("screenshot");
  await page.locator("#region").selectOption("Nordjylland");
  await page.setViewportSize({ width: 1280, height: 1000 });
  mkdirSync(target, { recursive: true });
  const shot = path.join(target, "webform.png");
  await page.screenshot({ path: shot, fullPage: true });
  const narrow = path.join(target, "webform-phone.png");
  await page.setViewportSize({ width: 390, height: 844 });
  // A phone: the page does not scroll sideways (only a wide result table, in its own box).
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(widths[0] <= widths[1], `the page is ${widths[0]} px wide on a ${widths[1]} px phone screen`);
  await page.screenshot({ path: narrow, fullPage: false });
  console.log(`# screenshots: ${shot} ${narrow}`);
  console.log("ok - browser test");
} catch (e) {
  failed = true;
  console.error(e);
} finally {
  await context?.close();
  server.kill();
}
process.exit(failed ? 1 : 0);
