// The web form: form state -> a key document -> andel-core (wasm) -> the
// result on the page. Every number is read, computed and formatted by the
// core; this file only builds the document from the form, shows the result
// and maps errors to the fields they are about, in Danish.
import init, * as andel from "./pkg/andel_wasm.js";

const $ = (id) => document.getElementById(id);

// ---- State: everything the form holds, kept in the URL -------------------

const REGIONS = ["Nordjylland", "Midtjylland", "Syddanmark", "Hovedstaden", "Sjælland"];

// Case 2.8 of the KKR Nordjylland minutes (18 November 2022), low scenario:
// the municipalities' 4.275.000 kr. split by population 1 January 2022
// between the nine municipalities other than Læsø and Morsø; the region
// pays 25 % of the whole.
const DEFAULT_STATE = {
  what: "money",
  unit: "0.01",
  method: "hamilton",
  minimum: "",
  maximum: "",
  scenarios: [{ name: "lav", total: "4.275.000" }, { name: "høj", total: "5.590.000" }],
  region: "Nordjylland",
  year: 2022,
  source: "population",
  excluded: ["825", "773"],
  csv: "",
  decimal: "",
  fixed: [],
  costSplit: { on: true, municipal: "75", region: "25", amountIs: "kommunerne" },
  document: null,
};

let state = structuredClone(DEFAULT_STATE);
let lastGood = null; // { doc, result, state }

/** The state a shared link holds, and whether any of it had to be left
 * out: each field is taken only in the shape the form writes it (a link
 * may be cut short or edited by hand), the rest keeps its default. */
function readStateFromUrl() {
  const h = location.hash.slice(1);
  if (!h) return { state: structuredClone(DEFAULT_STATE), unread: false };
  let s;
  try {
    s = JSON.parse(decodeURIComponent(h));
  } catch {
    return { state: structuredClone(DEFAULT_STATE), unread: true };
  }
  const out = structuredClone(DEFAULT_STATE);
  if (!s || typeof s !== "object" || Array.isArray(s)) return { state: out, unread: true };
  let unread = false;
  const text = (v) => typeof v === "string";
  const options = (id) => [...$(id).options].map((o) => o.value);
  const take = (key, ok, value = s[key]) => {
    if (!(key in s)) return;
    if (ok(s[key])) out[key] = value;
    else unread = true;
  };
  take("what", (v) => ["money", "places"].includes(v));
  take("unit", (v) => options("unit").includes(v));
  take("method", (v) => options("method").includes(v));
  take("region", (v) => ["", ...REGIONS].includes(v));
  take("year", (v) => andel.years().includes(v));
  take("source", (v) => ["population", "csv"].includes(v));
  take("minimum", text);
  take("maximum", text);
  take("csv", text);
  take("decimal", (v) => options("csv-decimal").includes(v));
  take("excluded", (v) => Array.isArray(v) && v.every(text));
  take("scenarios", (v) => Array.isArray(v) && v.length > 0 && v.every((x) => x && text(x.name) && text(x.total)),
    Array.isArray(s.scenarios) && s.scenarios.map((x) => ({ name: x?.name, total: x?.total })));
  take("fixed", (v) => Array.isArray(v) && v.every((x) => x && text(x.name) && text(x.share)),
    Array.isArray(s.fixed) && s.fixed.map((x) => ({ name: x?.name, share: x?.share })));
  take("costSplit", (v) => v && typeof v.on === "boolean" && text(v.municipal) && text(v.region) &&
    ["kommunerne", "whole"].includes(v.amountIs),
    s.costSplit && { on: s.costSplit.on, municipal: s.costSplit.municipal, region: s.costSplit.region, amountIs: s.costSplit.amountIs });
  take("document", (v) => v === null || (typeof v === "object" && !Array.isArray(v)));
  return { state: out, unread };
}

function writeStateToUrl() {
  history.replaceState(null, "", "#" + encodeURIComponent(JSON.stringify(state)));
}

// ---- Numbers: the core reads and writes them ------------------------------

/** Moves the decimal point of an exact decimal string by `places` (negative: left). */
function shift(decimal, places) {
  const neg = decimal.startsWith("-");
  let [int, frac = ""] = (neg ? decimal.slice(1) : decimal).split(".");
  if (places > 0) {
    frac = frac.padEnd(places, "0");
    int += frac.slice(0, places);
    frac = frac.slice(places);
  } else if (places < 0) {
    int = int.padStart(-places + 1, "0");
    frac = int.slice(int.length + places) + frac;
    int = int.slice(0, int.length + places);
  }
  int = int.replace(/^0+(?=\d)/, "");
  return (neg ? "-" : "") + int + (frac ? "." + frac : "");
}

const fmt = (value, places) => andel.formatNumber(value, places);
const percent = (share, places = 4) => fmt(shift(share, 2), places);
const unitPlaces = (unit) => (unit.includes(".") ? unit.split(".")[1].length : 0);

class FieldError extends Error {
  constructor(target, message) {
    super(message);
    this.target = target;
  }
}

/** A number typed by a person (4.275.000,00 or 4275000), as a decimal string. */
function readNumber(text, target, what) {
  try {
    return andel.parseNumber(text.trim());
  } catch {
    throw new FieldError(target, `${what} skal være et tal, fx ${what === "Beløbet" ? "4.275.000" : "7,2"}`);
  }
}

// ---- Building the key document from the form -----------------------------

function buildDocument(s) {
  if (s.document) return s.document;
  const places = s.what === "places";
  const key = s.source === "csv"
    ? { csv: { text: s.csv, ...(s.decimal ? { columns: { decimal: s.decimal } } : {}) } }
    : { population: { region: s.region || undefined, year: Number(s.year) } };
  if (s.source !== "csv" && s.excluded.length) key.exclude = [...s.excluded];
  if (s.fixed.length) {
    key.fixed = s.fixed.map((f, i) => ({
      id: `fast-${i + 1}`,
      name: f.name || `Fast andel ${i + 1}`,
      share: shift(readNumber(f.share, `fixed-share-${i}`, "Andelen"), -2),
    }));
  }
  const scenarios = s.scenarios.map((sc, i) => {
    const total = readNumber(sc.total, `scenario-total-${i}`, places ? "Antallet" : "Beløbet");
    return { name: sc.name || `scenarie ${i + 1}`, total };
  });
  const doc = { version: 1, title: "", scenarios };
  if (places) {
    const opts = { method: s.method };
    if (s.minimum.trim()) opts.minimum = Number(readNumber(s.minimum, "minimum", "Minimum"));
    if (s.maximum.trim()) opts.maximum = Number(readNumber(s.maximum, "maximum", "Maksimum"));
    doc.rounding = { places: opts };
  } else {
    doc.rounding = { unit: s.unit };
  }
  const split = !places && s.costSplit.on;
  if (split) {
    doc.parts = [
      { id: "kommunerne", name: "Kommunerne", share: shift(readNumber(s.costSplit.municipal, "municipal-share", "Andelen"), -2), key },
      { id: "region", name: `Region ${s.region || "(regionen)"}`, share: shift(readNumber(s.costSplit.region, "region-share", "Andelen"), -2) },
    ];
    if (s.costSplit.amountIs === "kommunerne") scenarios.forEach((sc) => (sc.part = "kommunerne"));
  } else {
    doc.key = key;
  }
  doc.title = `Fordeling efter ${s.source === "csv" ? "egne vægte" : `indbyggertal 1. januar ${s.year}`}` +
    (s.source === "csv" ? "" : ` – ${s.region ? "Region " + s.region : "hele landet"}`);
  const names = s.source === "csv" ? [] : andel.municipalities(s.region || null, Number(s.year))
    .filter((m) => s.excluded.includes(m.code)).map((m) => m.name);
  doc.assumptions = assumptionsOf(s, places, names);
  return doc;
}

// ---- Errors: in Danish, at the field --------------------------------------

function danishMessage(e) {
  const d = e.details || {};
  switch (e.code) {
    case "invalid_number": return `«${d.value ?? ""}» er ikke et tal, vi kan læse`;
    case "negative_weight": return "En vægt må ikke være negativ";
    case "zero_total_weight": return "Mindst én kommune skal være med og have en vægt over 0";
    case "no_parties": return "Der er ingen at fordele mellem";
    case "not_multiple_of_unit": return `Beløbet går ikke op i enheden ${fmt(d.unit, unitPlaces(d.unit))} kr.`;
    case "invalid_share": return "Andelene skal ligge mellem 0 og 100 %, og faste andele højst 100 % tilsammen" +
      (String(e.field || "").startsWith("parts") ? "; udgiftsfordelingens to dele skal give 100 %" : "");
    case "infeasible": return "Mindst/højst pr. kommune kan ikke overholdes med det antal pladser";
    case "tie": return `Står lige (lige store rester) mellem ${(d.parties || []).join(", ")}`;
    case "overflow": return "Tallet er for stort til at regne præcist med";
    case "duplicate_party": return `«${d.id}» står der mere end én gang`;
    case "unknown_municipality": return `Ukendt kommune «${d.query}»` +
      (d.suggestions?.length ? ` – mente du ${d.suggestions.join(", ")}?` : "");
    case "unknown_party": return `Ukendt part «${d.id}»`;
    case "unknown_year": return `Ingen indbyggertal for ${d.year}`;
    case "csv": return `CSV linje ${d.line}${d.column ? `, kolonne ${d.column}` : ""}: ${danishCsvMessage(d.message || "")}`;
    case "document":
      if (/^scenarios\[\d+\]\.name$/.test(String(e.field || ""))) return "To scenarier har samme navn; giv hvert sit navn";
      return `Beregningen kan ikke læses: ${e.message}`;
    default: return e.message;
  }
}

/** The core's CSV messages (English, stable) in Danish; any other is shown
 * as it is, after "kan ikke læses". Numbers in them are shown as written. */
const CSV_MESSAGES = [
  [/^"(.*)" could be read with a decimal comma or a decimal point/, (m) =>
    `«${m[1]}» kan læses både med decimalkomma og med decimalpunktum; vælg decimaltegnet ovenfor`],
  [/^the column mixes a decimal comma \("(.*)", line (\d+)\) and a decimal point \("(.*)", line (\d+)\)/, (m) =>
    `kolonnen blander decimalkomma («${m[1]}», linje ${m[2]}) og decimalpunktum («${m[3]}», linje ${m[4]}); vælg decimaltegnet ovenfor`],
  [/^"(.*)" is not a number with the decimal separator '(.)'/, (m) =>
    `«${m[1]}» er ikke et tal med decimaltegnet «${m[2]}»; vælg et andet decimaltegn ovenfor`],
  [/^"(.*)" is not a number$/, (m) => `«${m[1]}» er ikke et tal`],
  [/^"(.*)" is not a valid number here/, (m) => `«${m[1]}» er ikke et tal, vi kan læse`],
  [/^weight (.*) is negative$/, (m) => `vægten ${m[1]} er negativ`],
  [/^party "(.*)" appears twice/, (m) => `«${m[1]}» står der mere end én gang (brug kun én periode)`],
  [/^the row has (\d+) cells where the (header|first row) has (\d+)/, (m) =>
    `rækken har ${m[1]} felter, men ${m[2] === "header" ? "overskriften" : "første række"} har ${m[3]}`],
  [/^no (\w+) column named "(.*)"; the header is/, (m) => `der er ingen kolonne «${m[2]}»`],
  [/^a quote opened here is never closed/, () => "et anførselstegn åbnes her, men lukkes aldrig"],
  [/^text \((.*)\) after a closing quote/, () => "tekst efter et afsluttende anførselstegn; et anførselstegn inde i et felt skrives to gange (\"\")"],
  [/^the file is empty/, () => "der er ingen tekst"],
  [/^empty party id/, () => "en række har intet navn"],
  [/there are no parties/, () => "der er ingen at fordele mellem"],
];

function danishCsvMessage(message) {
  for (const [pattern, danish] of CSV_MESSAGES) {
    const m = message.match(pattern);
    if (m) return danish(m);
  }
  return `kan ikke læses (${message})`;
}

/** The form field a core error's field path is about. */
function targetOf(e, s) {
  const f = String(e.field || "");
  let m;
  if (e.code === "csv" || f.includes("csv")) return "csv";
  if ((m = f.match(/^scenarios\[(\d+)\]\.name$/))) return `scenario-name-${m[1]}`;
  if ((m = f.match(/^scenarios\[(\d+)\]/))) return `scenario-total-${m[1]}`;
  if ((m = f.match(/fixed\[(\d+)\]/))) return `fixed-share-${m[1]}`;
  if (f.startsWith("rounding.places.minimum") || f.startsWith("minimum")) return "minimum";
  if (f.startsWith("rounding.places.maximum") || f.startsWith("maximum")) return "maximum";
  if (e.code === "infeasible") return s.minimum ? "minimum" : "maximum";
  if (f === "parts" || f.startsWith("parts[") && !f.includes(".key")) return "municipal-share";
  if (e.code === "not_multiple_of_unit") return "scenario-total-0";
  return null;
}

const ERROR_SLOTS = { "csv": "csv-error", "minimum": "minimum-error", "maximum": "maximum-error",
  "municipal-share": "cost-split-error", "region-share": "cost-split-error" };

function clearErrors() {
  document.querySelectorAll("[aria-invalid=true]").forEach((el) => el.removeAttribute("aria-invalid"));
  document.querySelectorAll(".error").forEach((el) => (el.textContent = ""));
}

function showError(target, message) {
  const input = target && $(target);
  const slotId = target && (ERROR_SLOTS[target] || `${target}-error`);
  const slot = slotId && $(slotId);
  if (input) input.setAttribute("aria-invalid", "true");
  (slot || $("general-error")).textContent = message;
}

// ---- Computing and showing ------------------------------------------------

function recompute() {
  clearErrors();
  writeStateToUrl();
  const t0 = performance.now();
  let doc, result;
  try {
    doc = buildDocument(state);
    result = andel.compute(doc);
  } catch (e) {
    const ms = performance.now() - t0;
    if (e instanceof FieldError) showError(e.target, e.message);
    else showError(targetOf(e, state), danishMessage(e));
    markStale(true);
    $("timing").textContent = `Beregnet på ${fmt(ms.toFixed(1), 1)} ms`;
    window.andelLastComputeMs = ms;
    return false;
  }
  const ms = performance.now() - t0;
  lastGood = { doc, result, state: structuredClone(state) };
  render(lastGood);
  markStale(false);
  const t1 = performance.now();
  window.andelLastComputeMs = ms;
  window.andelLastRenderMs = t1 - t0;
  $("timing").textContent = `Beregnet på ${fmt(ms.toFixed(1), 1)} ms (med visning ${fmt((t1 - t0).toFixed(1), 1)} ms)`;
  return true;
}

function markStale(stale) {
  $("result").classList.toggle("stale", stale && !!lastGood);
  $("status").classList.toggle("stale", stale);
  $("status").textContent = stale
    ? (lastGood ? "Rettelsen kan ikke beregnes endnu – resultatet nedenfor hører til det forrige input." : "Ret fejlen for at få et resultat.")
    : "";
}

/** Rows of the table: one per party of the key, each with an allocation per scenario. */
function tableModel(result) {
  const first = result.scenarios[0];
  const allocations = result.scenarios.map((sc) => sc.parts ? sc.parts.details.find((d) => d) || sc.allocation : sc.allocation);
  const extra = first.parts ? first.parts.parts.parties.filter((p, i) => !first.parts.details[i]) : [];
  const rows = allocations[0].parties.map((p, i) => ({ party: p, per: allocations.map((a) => a.parties[i]) }));
  const extraRows = extra.map((p) => ({
    party: p,
    per: result.scenarios.map((sc) => sc.parts.parts.parties.find((q) => q.id === p.id)),
    fixedPart: true,
  }));
  const totals = result.scenarios.map((sc) => sc.parts ? sc.parts.parts.total : sc.allocation.total);
  return { rows, extraRows, allocations, totals };
}

function render({ doc, result, state: s }) {
  const places = !!(doc.rounding && doc.rounding.places);
  const unit = result.scenarios[0].allocation.unit;
  const amountPlaces = places ? 0 : unitPlaces(unit);
  const populations = new Map(andel.municipalities(s.document ? null : s.region || null, Number(s.year)).map((m) => [m.code, m.population]));
  const model = tableModel(result);
  const t = $("result-table");
  const head = result.scenarios.map((sc) => `<th scope="col">${esc(sc.name)}<br><span class="hint">${places ? "pladser" : "kr."}</span></th>`).join("");
  const popHead = s.source === "csv" && !s.document ? "Vægt" : `Indbyggertal<br><span class="hint">1. jan. ${esc(String(s.year))}</span>`;
  let html = `<caption class="sr-only">${esc(result.title || "Fordeling")}</caption><thead><tr><th scope="col">Kommune</th><th scope="col">${popHead}</th><th scope="col">Andel (%)</th>${head}<th scope="col"><span class="sr-only">Forklaring</span></th></tr></thead><tbody>`;
  const line = (row, rowIndex) => {
    const p = row.party;
    const excluded = p.basis.kind === "excluded";
    const pop = populations.get(p.id);
    const weight = row.fixedPart ? "" : pop !== undefined && s.source !== "csv" ? fmt(String(pop), 0) : fmt(p.weight, Math.min(p.weight.includes(".") ? p.weight.split(".")[1].length : 0, 4));
    const shareText = excluded ? "ikke med" : row.fixedPart ? `${percent(p.share, 2)} af det hele` : percent(p.share);
    const cells = row.per.map((q) => `<td class="num">${fmt(q.amount, amountPlaces)}</td>`).join("");
    return `<tr class="${excluded ? "excluded" : ""}"><th scope="row">${esc(p.name || p.id)}</th><td class="num">${weight}</td><td class="num">${shareText}</td>${cells}` +
      `<td><button type="button" class="hvorfor" data-row="${rowIndex}" aria-label="Hvorfor? ${esc(p.name || p.id)}">Hvorfor?</button></td></tr>`;
  };
  const all = [...model.rows, ...model.extraRows];
  html += all.map(line).join("");
  html += `</tbody><tfoot><tr><th scope="row">I alt</th><td></td><td class="num">${model.extraRows.length ? "" : "100,0000"}</td>${model.totals.map((tot) => `<td class="num">${fmt(tot, amountPlaces)}</td>`).join("")}<td></td></tr></tfoot>`;
  t.innerHTML = html;
  t.querySelectorAll("button.hvorfor").forEach((b) => b.addEventListener("click", () => explain(all[Number(b.dataset.row)], result, places, unit, s)));
  $("explanation").hidden = true;
  renderChart(model.rows);
  renderAssumptions(doc, result, s);
}

function renderChart(rows) {
  const max = Math.max(...rows.map((r) => Number(r.party.share)), 1e-9);
  $("chart").innerHTML = rows.filter((r) => r.party.basis.kind !== "excluded").map((r) => {
    // Widths only: a picture, never a figure anyone reads as the result.
    const w = (100 * Number(r.party.share) / max).toFixed(2);
    return `<div class="bar"><span>${esc(r.party.name || r.party.id)}</span><span><span class="fill" style="width:${w}%"></span></span><span class="v">${percent(r.party.share, 2)} %</span></div>`;
  }).join("");
}

function explain(row, result, places, unit, s) {
  const p = row.party;
  const box = $("explanation");
  const name = esc(p.name || p.id);
  const parts = [];
  if (p.basis.kind === "excluded") {
    parts.push(`<p><strong>${name}</strong> er ikke med i fordelingen og får derfor 0; de øvrige deler, som om ${name} ikke var der.</p>`);
  } else {
    const inUnits = places ? "pladser" : "kr.";
    const basis = p.basis.kind === "fixed" ? `har en fast andel på ${percent(p.basis.share, 2)} %` : `har vægten ${fmt(p.weight, p.weight.includes(".") ? Math.min(p.weight.split(".")[1].length, 4) : 0)}`;
    parts.push(`<p><strong>${name}</strong> ${basis}, dvs. en andel på ${percent(p.share, 6)} %.</p>`);
    row.per.forEach((q, i) => {
      const sc = result.scenarios[i];
      const alloc = row.fixedPart ? sc.parts.parts : (sc.parts ? sc.parts.details.find((d) => d) : sc.allocation);
      const quotaText = fmt(q.quota_amount, places ? 4 : unitPlaces(unit) + 4);
      let how;
      switch (q.rounding) {
        case "exact": how = "Kvoten går op, så der skal ikke afrundes."; break;
        case "up": how = `Rundet <strong>op</strong>: ${places ? "en af de resterende pladser" : "en af de resterende enheder"} gik hertil, fordi resten var blandt de største (nr. ${q.remainder_rank} i størrelse).`; break;
        case "down": how = `Rundet <strong>ned</strong>${q.remainder_rank ? ` (resten var nr. ${q.remainder_rank} i størrelse og kom ikke med)` : ""}.`; break;
        case "minimum": how = "Holdt oppe på mindstegrænsen."; break;
        case "maximum": how = "Holdt nede på højstegrænsen."; break;
        default: how = "";
      }
      let tie = "";
      if (q.tie !== undefined && alloc.ties[q.tie]) {
        const tr = alloc.ties[q.tie];
        tie = ` Står lige (lige store rester) med ${tr.parties.filter((x) => x !== p.id).join(", ")}; afgjort efter ${tr.decided_by === "order" ? "rækkefølgen i listen" : tr.decided_by}.`;
      }
      parts.push(`<p>${esc(sc.name)}: den eksakte kvote er ${quotaText} ${inUnits}; ${how} Resultat: <strong>${fmt(q.amount, places ? 0 : unitPlaces(unit))} ${inUnits}</strong>.${tie}</p>`);
    });
    if (!places) parts.push(`<p class="hint">Der afrundes til ${unit === "0.01" ? "øre" : unit === "1" ? "hele kroner" : fmt(unit, 0) + " kr."} efter største brøks metode, så delene giver præcis det hele.</p>`);
  }
  box.innerHTML = `<h3>Hvorfor? ${name}</h3>${parts.join("")}`;
  box.hidden = false;
  box.focus();
}

/** What the calculation assumes, in plain Danish: the document's own
 * assumptions, or those of the form's choices (written into the document too). */
function assumptionsOf(s, places, excludedNames) {
  const items = [];
  if (s.source === "csv") {
    items.push("Vægtene er dine egne (CSV), ikke indbyggertal.");
    const skipped = readPastedCsv(s)?.skipped || [];
    if (skipped.length) items.push(`Sprunget over i CSV: ${skippedText(skipped)}.`);
  }
  else items.push(`Fordelt efter indbyggertal pr. 1. januar ${s.year} (Danmarks Statistik), ${s.region ? "Region " + s.region : "hele landet"}.`);
  if (excludedNames.length) items.push(`Ikke med: ${excludedNames.join(", ")}.`);
  s.fixed.forEach((f) => items.push(`${f.name || "En part"} har en fast andel på ${f.share} %; resten fordeles efter vægt.`));
  if (!places && s.costSplit.on) {
    items.push(`Udgiftsfordeling: kommunerne ${s.costSplit.municipal} %, regionen ${s.costSplit.region} %; ` +
      (s.costSplit.amountIs === "kommunerne" ? "beløbet er kommunernes del, og regionens del er regnet ud fra den (afrundet til enheden)." : "beløbet er den samlede udgift."));
  }
  if (places) {
    const label = $("method").querySelector(`option[value="${s.method}"]`)?.textContent || s.method;
    items.push(`Hele pladser efter ${label}${s.minimum ? `, mindst ${s.minimum}` : ""}${s.maximum ? `, højst ${s.maximum}` : ""} pr. part.`);
  } else {
    items.push(`Afrundet til ${s.unit === "0.01" ? "øre" : s.unit === "1" ? "hele kroner" : "1.000 kr."} efter største brøks metode; delene giver præcis det hele.`);
  }
  items.push("Står to parter helt lige om den sidste enhed, afgøres det efter rækkefølgen i listen, og det vises under «Hvorfor?».");
  return items;
}

function renderAssumptions(doc, result, s) {
  const items = [];
  if (s.document) items.push(`Beregningen er indlæst fra en fil: ${doc.title || "uden titel"}.`);
  if (s.document && doc.note) items.push(doc.note);
  // A loaded document's assumptions as the result gives them (with what
  // reading its CSV left out); the form's own, in Danish, otherwise.
  items.push(...((s.document ? result.assumptions : doc.assumptions) || []));
  $("assumptions").innerHTML = items.map((i) => `<li>${esc(i)}</li>`).join("");
}

function esc(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

// ---- The form ------------------------------------------------------------

function renderScenarios() {
  const places = state.what === "places";
  $("total-head").textContent = places ? "Antal pladser" : "Beløb (kr.)";
  $("scenario-rows").innerHTML = state.scenarios.map((sc, i) => `<tr>
    <td><label class="sr-only" for="scenario-name-${i}">Navn på scenarie ${i + 1}</label><input id="scenario-name-${i}" data-i="${i}" data-k="name" value="${esc(sc.name)}" size="8" aria-describedby="scenario-name-${i}-error">
      <span class="error" id="scenario-name-${i}-error" role="alert"></span></td>
    <td><label class="sr-only" for="scenario-total-${i}">${places ? "Antal pladser" : "Beløb"}, scenarie ${i + 1}</label><input id="scenario-total-${i}" data-i="${i}" data-k="total" value="${esc(sc.total)}" size="14" inputmode="decimal" aria-describedby="scenario-total-${i}-error scenario-total-${i}-understood">
      <span class="understood" id="scenario-total-${i}-understood"></span><span class="error" id="scenario-total-${i}-error" role="alert"></span></td>
    <td>${state.scenarios.length > 1 ? `<button type="button" data-remove="${i}" aria-label="Fjern scenarie ${i + 1}">Fjern</button>` : ""}</td></tr>`).join("");
  updateUnderstood();
}

function updateUnderstood() {
  state.scenarios.forEach((sc, i) => {
    const el = $(`scenario-total-${i}-understood`);
    if (!el) return;
    try {
      const v = andel.parseNumber(sc.total.trim());
      el.textContent = `forstået som ${fmt(v, state.what === "places" ? 0 : Math.max(unitPlaces(v.includes(".") ? "0." + v.split(".")[1] : "1"), state.unit === "0.01" ? 2 : 0))}`;
    } catch {
      el.textContent = "";
    }
  });
}

function renderMunicipalities() {
  const rows = andel.municipalities(state.region || null, Number(state.year));
  $("municipality-list").innerHTML = rows.map((m) => `<li><label><input type="checkbox" data-code="${m.code}" ${state.excluded.includes(m.code) ? "" : "checked"}> ${esc(m.name)} <span class="pop">(${fmt(String(m.population), 0)})</span></label></li>`).join("");
}

function renderFixed() {
  $("fixed-rows").innerHTML = state.fixed.map((f, i) => `<li>
    <label for="fixed-name-${i}">Navn</label><input id="fixed-name-${i}" data-i="${i}" data-k="name" value="${esc(f.name)}" size="16">
    <label for="fixed-share-${i}">Andel (%)</label><input id="fixed-share-${i}" data-i="${i}" data-k="share" value="${esc(f.share)}" size="5" inputmode="decimal" aria-describedby="fixed-share-${i}-error">
    <button type="button" data-remove="${i}" aria-label="Fjern fast andel ${i + 1}">Fjern</button>
    <span class="error" id="fixed-share-${i}-error" role="alert"></span></li>`).join("");
}

function syncVisibility() {
  const places = state.what === "places";
  document.querySelectorAll(".money-only").forEach((el) => (el.hidden = places));
  document.querySelectorAll(".places-only").forEach((el) => (el.hidden = !places));
  $("population-source").hidden = state.source === "csv";
  $("csv-source").hidden = state.source !== "csv";
  $("cost-split-fields").hidden = !state.costSplit.on;
  $("doc-clear").hidden = !state.document;
  $("doc-info").textContent = state.document ? `Beregningen kommer fra filen: ${state.document.title || "uden titel"}. Formularen er sat ud af kraft.` : "";
  for (const el of $("inputs").querySelectorAll("fieldset:not(:last-of-type) input, fieldset:not(:last-of-type) select, fieldset:not(:last-of-type) textarea, fieldset:not(:last-of-type) button")) {
    el.disabled = !!state.document;
  }
}

function fillControls() {
  $("region").innerHTML = [...REGIONS.map((r) => `<option value="${r}">${r}</option>`), `<option value="">Hele landet</option>`].join("");
  $("year").innerHTML = andel.years().map((y) => `<option value="${y}">${y}</option>`).join("");
  $("region").value = state.region;
  $("year").value = String(state.year);
  document.querySelector(`input[name=what][value=${state.what}]`).checked = true;
  document.querySelector(`input[name=source][value=${state.source}]`).checked = true;
  document.querySelector(`input[name=amountIs][value=${state.costSplit.amountIs}]`).checked = true;
  $("unit").value = state.unit;
  $("method").value = state.method;
  $("minimum").value = state.minimum;
  $("maximum").value = state.maximum;
  $("csv").value = state.csv;
  $("csv-decimal").value = state.decimal;
  $("cost-split").checked = state.costSplit.on;
  $("municipal-share").value = state.costSplit.municipal;
  $("region-share").value = state.costSplit.region;
  renderScenarios();
  renderMunicipalities();
  renderFixed();
  syncVisibility();
}

function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function wire() {
  const form = $("inputs");
  form.addEventListener("input", (ev) => {
    const el = ev.target;
    if (el.name === "what") {
      state.what = el.value;
      renderScenarios();
    } else if (el.name === "source") state.source = el.value;
    else if (el.name === "amountIs") state.costSplit.amountIs = el.value;
    else if (el.id === "unit") state.unit = el.value;
    else if (el.id === "method") state.method = el.value;
    else if (el.id === "minimum") state.minimum = el.value;
    else if (el.id === "maximum") state.maximum = el.value;
    else if (el.id === "csv") state.csv = el.value;
    else if (el.id === "csv-decimal") { state.decimal = el.value; showCsvInfo(); }
    else if (el.id === "cost-split") state.costSplit.on = el.checked;
    else if (el.id === "municipal-share") state.costSplit.municipal = el.value;
    else if (el.id === "region-share") state.costSplit.region = el.value;
    else if (el.id === "region") { state.region = el.value; state.excluded = []; renderMunicipalities(); }
    else if (el.id === "year") { state.year = Number(el.value); renderMunicipalities(); }
    else if (el.dataset.code) {
      const code = el.dataset.code;
      state.excluded = el.checked ? state.excluded.filter((c) => c !== code) : [...state.excluded, code];
    } else if (el.id.startsWith("scenario-")) {
      state.scenarios[Number(el.dataset.i)][el.dataset.k] = el.value;
      updateUnderstood();
    } else if (el.id.startsWith("fixed-")) state.fixed[Number(el.dataset.i)][el.dataset.k] = el.value;
    else return;
    syncVisibility();
    recompute();
  });
  $("scenario-rows").addEventListener("click", (ev) => {
    const i = ev.target.dataset.remove;
    if (i === undefined) return;
    state.scenarios.splice(Number(i), 1);
    renderScenarios();
    recompute();
  });
  $("add-scenario").addEventListener("click", () => {
    state.scenarios.push({ name: `scenarie ${state.scenarios.length + 1}`, total: state.scenarios.at(-1)?.total || "0" });
    renderScenarios();
    recompute();
    $(`scenario-total-${state.scenarios.length - 1}`).focus();
  });
  $("fixed-rows").addEventListener("click", (ev) => {
    const i = ev.target.dataset.remove;
    if (i === undefined) return;
    state.fixed.splice(Number(i), 1);
    renderFixed();
    recompute();
  });
  $("add-fixed").addEventListener("click", () => {
    state.fixed.push({ name: state.region ? `Region ${state.region}` : "Fast part", share: "7,2" });
    renderFixed();
    recompute();
    $(`fixed-share-${state.fixed.length - 1}`).focus();
  });
  $("all-in").addEventListener("click", () => { state.excluded = []; renderMunicipalities(); recompute(); });
  $("all-out").addEventListener("click", () => {
    state.excluded = andel.municipalities(state.region || null, Number(state.year)).map((m) => m.code);
    renderMunicipalities();
    recompute();
  });
  $("csv-file").addEventListener("change", async (ev) => {
    const file = ev.target.files[0];
    if (!file) return;
    // The bytes, decoded by the core (Windows-1252 and UTF-16 from Excel too).
    state.csv = andel.textFromBytes(new Uint8Array(await file.arrayBuffer()));
    $("csv").value = state.csv;
    recompute();
    showCsvInfo();
  });
  $("csv").addEventListener("input", showCsvInfo);
  $("doc-file").addEventListener("change", async (ev) => {
    const file = ev.target.files[0];
    if (!file) return;
    $("doc-error").textContent = "";
    try {
      const doc = JSON.parse(await file.text());
      andel.compute(doc); // refuse a document that cannot be computed, before it replaces the form
      state.document = doc;
      syncVisibility();
      recompute();
    } catch (e) {
      $("doc-error").textContent = e instanceof SyntaxError ? `Filen er ikke JSON: ${e.message}` : danishMessage(e) + (e.field ? ` (felt ${e.field})` : "");
    }
  });
  $("doc-clear").addEventListener("click", () => { state.document = null; $("doc-file").value = ""; syncVisibility(); recompute(); });
  $("download-csv").addEventListener("click", () => {
    if (!lastGood) return;
    download("fordeling.csv", andel.computeCsv(lastGood.doc, "danish_excel"), "text/csv;charset=utf-8");
  });
  $("download-json").addEventListener("click", () => {
    if (!lastGood) return;
    download("beregning.json", JSON.stringify(lastGood.doc, null, 2) + "\n", "application/json");
  });
  $("copy-link").addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      $("action-info").textContent = "Linket er kopieret.";
    } catch {
      $("action-info").textContent = `Kopiér linket her: ${location.href}`;
    }
  });
  $("print").addEventListener("click", () => window.print());
}

/** The pasted CSV as the core reads it, or null where it cannot be read
 * (the error shows at the field). */
function readPastedCsv(s) {
  if (!s.csv.trim()) return null;
  try {
    return andel.readCsv(s.csv, s.decimal ? { decimal: s.decimal } : undefined);
  } catch {
    return null;
  }
}

/** The rows reading a CSV left out (totals), in Danish. */
function skippedText(skipped) {
  const why = { "the national total": "hele landet", "a regional total of a Statistics Denmark export": "en region" };
  return skipped.map(([line, text, reason]) => `linje ${line} («${text}», ${why[reason] || reason})`).join(", ");
}

function showCsvInfo() {
  const r = state.source === "csv" ? readPastedCsv(state) : null;
  if (!r) return ($("csv-info").textContent = "");
  const skipped = r.skipped.length ? `; sprunget over: ${skippedText(r.skipped)}` : "";
  $("csv-info").textContent = `Læst ${r.key.length} parter (skilletegn «${r.separator === "\t" ? "tab" : r.separator}», decimaltegn «${r.decimal}»)${skipped}.`;
}

await init();
const fromLink = readStateFromUrl();
state = fromLink.state;
fillControls();
wire();
recompute();
showCsvInfo();
$("link-note").textContent = fromLink.unread
  ? "Linket kunne ikke læses helt; det, der ikke kunne læses, står til eksemplets værdier."
  : "";
// Offline after the first visit (sw.js); where service workers are not
// allowed (a file:// page, plain http off this machine) the page works as
// before, online.
if ("serviceWorker" in navigator) navigator.serviceWorker.register("./sw.js").catch(() => {});
window.andelReady = true;
