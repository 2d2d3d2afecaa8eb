// scripts/dist.sh --check: open the web form in Chromium (Debian's, through playwright-core
// from wasm/node_modules) and wait until it shows case 2.8 computed: Aalborg 1.658.397,22.
// Fails on a script error in the page or a request that leaves the machine.
// Usage: node scripts/dist/open_form.mjs URL      (file:///…/dist/andel-fordeling.html)
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, "..", "..", "wasm", "package.json"));
const { chromium } = require("playwright-core");

const url = process.argv[2];
const profile = mkdtempSync(path.join(tmpdir(), "andel-form-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let failed = false;
try {
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`script error: ${e.message}`));
  page.on("request", (r) => {
    const u = new URL(r.url());
    const local = ["file:", "data:", "blob:"].includes(u.protocol) || u.hostname === "127.0.0.1";
    if (!local) problems.push(`request off the machine: ${r.url()}`);
  });
  await page.goto(url);
  await page.getByText("1.658.397,22").first().waitFor({ timeout: 60000 });
  if (problems.length) throw new Error(problems.join("; "));
  console.log(`${url}: case 2.8 computed in Chromium (Aalborg 1.658.397,22)`);
} catch (e) {
  console.error(`${url}: ${e.message}`);
  failed = true;
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
