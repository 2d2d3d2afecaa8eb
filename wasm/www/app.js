// The web form: form state -> a key document -> andel-core (wasm) -> the
// result on the page. Every number is read, computed and formatted by the
// core; this file builds the document from the form (or takes a case of the
// minutes, or a loaded file), maps errors to the fields they are about, in
// Danish, and hands the result to view.js, which shows it.
//
// Nothing from data becomes HTML: elements are made with h() and text is
// set as text (view.js). The page's Content-Security-Policy allows only the
// site's own scripts and WebAssembly.
import init, * as andel from "./pkg/andel_wasm.js";
import CASES from "./cases.js";
import { h, fill, num, shift, sum, scaleOf, renderResult } from "./view.js";
import { wireExcel, isXlsx } from "./excel.js";

const $ = (id) => document.getElementById(id);

// ---- State: the form's inputs, kept in the URL -----------------------------

const REGIONS = ["Nordjylland", "Midtjylland", "Syddanmark", "Hovedstaden", "Sjælland"];

// Case 2.8 of the KKR Nordjylland minutes (18 November 2022), low and high
// scenario: the municipalities' 4.275.000 / 5.590.000 kr. split by
// population 1 January 2022 between the nine municipalities other than
// Læsø and Morsø; the region pays 25 % of the whole.
const DEFAULT_STATE = {
  case: "",
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
};

let state = structuredClone(DEFAULT_STATE);
let loaded = null; // a key document loaded from a file (never in the link)
let lastGood = null; // { doc, result, state }

const caseById = (id) => CASES.find((c) => c.id === id);

/** The state a shared link holds, and whether any of it had to be left
 * out. A link carries inputs only (never results, populations or a whole
 * document); each field is taken only in the shape the form writes it (a
 * link may be cut short or edited by hand), the rest keeps its default. */
function readStateFromUrl() {
  const h0 = location.hash.slice(1);
  if (!h0) return { state: structuredClone(DEFAULT_STATE), unread: false };
  let s;
  try {
    s = JSON.parse(decodeURIComponent(h0));
  } catch {
    return { state: structuredClone(DEFAULT_STATE), unread: true };
  }
  const out = structuredClone(DEFAULT_STATE);
  if (!s || typeof s !== "object" || Array.isArray(s)) return { state: out, unread: true };
  // Links from the first version wrote "document": null; a document itself is never taken from a link.
  let unread = Object.keys(s).some((k) => !(k in DEFAULT_STATE) && !(k === "document" && s[k] === null));
  const text = (v) => typeof v === "string" && v.length <= 100000;
  const short = (v) => typeof v === "string" && v.length <= 200;
  const options = (id) => [...$(id).options].map((o) => o.value);
  const take = (key, ok, value = s[key]) => {
    if (!(key in s)) return;
    if (ok(s[key])) out[key] = value;
    else unread = true;
  };
  take("case", (v) => v === "" || (typeof v === "string" && !!caseById(v)));
  take("what", (v) => ["money", "places"].includes(v));
  take("unit", (v) => options("unit").includes(v));
  take("method", (v) => options("method").includes(v));
  take("region", (v) => ["", ...REGIONS].includes(v));
  take("year", (v) => andel.years().includes(v));
  take("source", (v) => ["population", "csv"].includes(v));
  take("minimum", short);
  take("maximum", short);
  take("csv", text);
  take("decimal", (v) => options("csv-decimal").includes(v));
  const codes = new Set(andel.municipalities(null, null).map((m) => m.code));
  take("excluded", (v) => Array.isArray(v) && v.length <= 200 && v.every((c) => typeof c === "string" && codes.has(c)));
  take("scenarios", (v) => Array.isArray(v) && v.length > 0 && v.length <= 20 && v.every((x) => x && short(x.name) && short(x.total)),
    Array.isArray(s.scenarios) && s.scenarios.map((x) => ({ name: x?.name, total: x?.total })));
  take("fixed", (v) => Array.isArray(v) && v.length <= 20 && v.every((x) => x && short(x.name) && short(x.share)),
    Array.isArray(s.fixed) && s.fixed.map((x) => ({ name: x?.name, share: x?.share })));
  take("costSplit", (v) => v && typeof v.on === "boolean" && short(v.municipal) && short(v.region) &&
    ["kommunerne", "whole"].includes(v.amountIs),
    s.costSplit && { on: s.costSplit.on, municipal: s.costSplit.municipal, region: s.costSplit.region, amountIs: s.costSplit.amountIs });
  return { state: out, unread };
}

/** The link: a case by its name, or the form's inputs. */
function writeStateToUrl() {
  const link = state.case ? { case: state.case } : { ...state, case: undefined };
  history.replaceState(null, "", "#" + encodeURIComponent(JSON.stringify(link)));
}

// ---- Numbers: the core reads and writes them ------------------------------

const unitPlaces = (unit) => scaleOf(unit);

class FieldError extends Error {
  constructor(target, message, also = []) {
    super(message);
    this.target = target;
    this.also = also;
  }
}

/** A number typed by a person (4.275.000,00 or 4275000), as a decimal string. */
function readNumber(text, target, message) {
  try {
    return andel.parseNumber(text.trim().replace(/\s*(kr\.?|%)$/i, "").replace(/^\u2212/, "-"));
  } catch {
    throw new FieldError(target, message);
  }
}

/** A whole number of places (minimum, maximum). */
function readWhole(text, target, what) {
  const v = readNumber(text, target, `${what} skal være et helt antal pladser, fx 2`);
  if (!/^\d+$/.test(v)) throw new FieldError(target, `${what} skal være et helt antal pladser, fx 2 (ikke ${text.trim()})`);
  return Number(v);
}

// ---- Building the key document from the form -----------------------------

function buildDocument(s) {
  if (loaded) return loaded;
  if (s.case) return structuredClone(caseById(s.case).doc);
  const places = s.what === "places";
  const key = s.source === "csv"
    ? { csv: { text: s.csv, ...(s.decimal ? { columns: { decimal: s.decimal } } : {}) } }
    : { population: { region: s.region || undefined, year: Number(s.year) } };
  if (s.source !== "csv" && s.excluded.length) key.exclude = [...s.excluded];
  if (s.fixed.length) {
    key.fixed = s.fixed.map((f, i) => ({
      id: `fast-${i + 1}`,
      name: f.name || `Fast andel ${i + 1}`,
      share: shift(readNumber(f.share, `fixed-share-${i}`, "Andelen skal være et tal i procent, fx 7,2"), -2),
    }));
  }
  const scenarios = s.scenarios.map((sc, i) => {
    const total = readNumber(sc.total, `scenario-total-${i}`,
      places ? "Antallet af pladser skal være et helt tal, fx 620" : "Beløbet skal være et tal i kroner, fx 4.275.000 eller 4.275.000,00");
    return { name: sc.name || `scenarie ${i + 1}`, total };
  });
  const doc = { version: 1, title: "", scenarios };
  if (places) {
    const opts = { method: s.method };
    if (s.minimum.trim()) opts.minimum = readWhole(s.minimum, "minimum", "Mindst pr. kommune");
    if (s.maximum.trim()) opts.maximum = readWhole(s.maximum, "maximum", "Højst pr. kommune");
    doc.rounding = { places: opts };
  } else {
    doc.rounding = { unit: s.unit };
  }
  const split = !places && s.costSplit.on;
  if (split) {
    const share = (id, text) => shift(readNumber(text, id, "Andelen skal være et tal i procent, fx 75"), -2);
    doc.parts = [
      { id: "kommunerne", name: "Kommunerne", share: share("municipal-share", s.costSplit.municipal), key },
      { id: "region", name: s.region ? `Region ${s.region}` : "Regionerne", share: share("region-share", s.costSplit.region) },
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

const q = (text) => `»${text}«`;

function danishMessage(e, s = state) {
  const d = e.details || {};
  const f = String(e.field || "");
  switch (e.code) {
    case "invalid_number": return `${q(d.value ?? "")} er ikke et tal, vi kan læse`;
    case "negative_weight": return "En vægt må ikke være negativ";
    case "zero_total_weight": return "Mindst én kommune skal være med og have en vægt over 0";
    case "no_parties": return "Der er ingen at fordele mellem";
    case "not_multiple_of_unit": return `Beløbet går ikke op i enheden ${num(d.unit, unitPlaces(d.unit))} kr.`;
    case "invalid_share":
      if (/(^|\.)parts/.test(f) && !s.case && !loaded) {
        let total = "";
        try {
          total = num(sum([andel.parseNumber(s.costSplit.municipal.trim()), andel.parseNumber(s.costSplit.region.trim())]));
        } catch { /* the number's own error shows */ }
        return total ? `Kommunerne ${s.costSplit.municipal.trim()} % + regionen ${s.costSplit.region.trim()} % = ${total} %, ikke 100 %` :
          "Kommunernes og regionens andel skal tilsammen give 100 %";
      }
      return "Andelene skal ligge mellem 0 og 100 %, og faste andele må højst give 100 % tilsammen";
    case "infeasible": return "Mindst/højst pr. kommune kan ikke overholdes med det antal pladser";
    case "tie": return `Står lige (lige store brøkdele) mellem ${(d.parties || []).join(", ")}`;
    case "overflow": return "Tallet er for stort til at regne præcist med";
    case "duplicate_party": return `${q(d.id)} står der mere end én gang`;
    case "unknown_municipality": return `Ukendt kommune ${q(d.query)}` +
      (d.suggestions?.length ? ` – mente du ${d.suggestions.join(", ")}?` : "");
    case "unknown_party": return `Ukendt part ${q(d.id)}`;
    case "unknown_year": return `Ingen indbyggertal for ${d.year}`;
    case "csv": return `CSV linje ${d.line}${d.column ? `, kolonne ${d.column}` : ""}: ${danishCsvMessage(d.message || "")}`;
    case "document":
      if (/^scenarios\[\d+\]\.name$/.test(f)) return "To scenarier har samme navn; giv hvert sit navn";
      if (/^scenarios\[\d+\]\.total$/.test(f) && /whole/.test(e.message)) return "Antallet af pladser skal være et helt tal (0 eller flere), fx 620";
      return e.messages?.da || "Beregningen kan ikke læses";
    // The core's own Danish message where it has one (branch present), else a plain one.
    default: return e.messages?.da || "Beregningen kan ikke laves med de tal";
  }
}

/** The core's CSV messages (English, stable) in Danish; any other is shown
 * as it is, after "kan ikke læses". Numbers in them are shown as written. */
const CSV_MESSAGES = [
  [/^"(.*)" could be read with a decimal comma or a decimal point/, (m) =>
    `»${m[1]}« kan læses både med decimalkomma og med decimalpunktum; vælg decimaltegnet ovenfor`],
  [/^the column mixes a decimal comma \("(.*)", line (\d+)\) and a decimal point \("(.*)", line (\d+)\)/, (m) =>
    `kolonnen blander decimalkomma (»${m[1]}«, linje ${m[2]}) og decimalpunktum (»${m[3]}«, linje ${m[4]}); vælg decimaltegnet ovenfor`],
  [/^"(.*)" is not a number with the decimal separator '(.)'/, (m) =>
    `»${m[1]}« er ikke et tal med decimaltegnet »${m[2]}«; vælg et andet decimaltegn ovenfor`],
  [/^"(.*)" is not a number$/, (m) => `»${m[1]}« er ikke et tal`],
  [/^"(.*)" is not a valid number here/, (m) => `»${m[1]}« er ikke et tal, vi kan læse`],
  [/^weight (.*) is negative$/, (m) => `vægten ${m[1]} er negativ`],
  [/^party "(.*)" appears twice/, (m) => `»${m[1]}« står der mere end én gang (brug kun én periode)`],
  [/^the row has (\d+) cells where the (header|first row) has (\d+)/, (m) =>
    `rækken har ${m[1]} felter, men ${m[2] === "header" ? "overskriften" : "første række"} har ${m[3]}`],
  [/^no (\w+) column named "(.*)"; the header is/, (m) => `der er ingen kolonne »${m[2]}«`],
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


/** The form fields a core error is about (the first is marked, the message goes there). */
function targetsOf(e, s) {
  const f = String(e.field || "");
  let m;
  if (s.case || loaded) return [];
  if (e.code === "csv" || f.includes("csv")) return ["csv"];
  if (e.code === "invalid_share" && /(^|\.)parts/.test(f)) return ["municipal-share", "region-share"];
  if ((m = f.match(/^scenarios\[(\d+)\]\.name$/))) return [`scenario-name-${m[1]}`];
  if ((m = f.match(/fixed\[(\d+)\]/))) return [`fixed-share-${m[1]}`];
  if ((m = f.match(/^scenarios\[(\d+)\]/))) return [`scenario-total-${m[1]}`];
  if (f.startsWith("rounding.places.minimum") || f.startsWith("minimum")) return ["minimum"];
  if (f.startsWith("rounding.places.maximum") || f.startsWith("maximum")) return ["maximum"];
  if (e.code === "infeasible") return [s.minimum ? "minimum" : "maximum"];
  if (f === "parts" || (f.startsWith("parts[") && !f.includes(".key"))) return ["municipal-share", "region-share"];
  if (e.code === "not_multiple_of_unit") return ["scenario-total-0"];
  return [];
}

const ERROR_SLOTS = { "csv": "csv-error", "minimum": "minimum-error", "maximum": "maximum-error",
  "municipal-share": "cost-split-error", "region-share": "cost-split-error" };

function clearErrors() {
  document.querySelectorAll("[aria-invalid=true]").forEach((el) => el.removeAttribute("aria-invalid"));
  document.querySelectorAll(".error").forEach((el) => (el.textContent = ""));
}

function showError(targets, message) {
  const [target] = targets;
  const slotId = target && (ERROR_SLOTS[target] || `${target}-error`);
  const slot = slotId && $(slotId);
  for (const t of targets) $(t)?.setAttribute("aria-invalid", "true");
  (slot || $("general-error")).textContent = message;
}

// ---- Computing and showing ------------------------------------------------

function recompute() {
  clearErrors();
  writeStateToUrl();
  const t0 = performance.now();
  if (!state.case && !loaded && state.source === "csv" && !state.csv.trim()) {
    // Nothing pasted yet: not an error, a next step.
    markStale(true, "Indsæt vægte (kommune og vægt, fx fra Excel) eller vælg en fil for at få et resultat.");
    return false;
  }
  let doc, result;
  try {
    doc = buildDocument(state);
    result = andel.compute(doc);
  } catch (e) {
    if (e instanceof FieldError) showError([e.target, ...e.also], e.message);
    else showError(targetsOf(e, state), danishMessage(e));
    markStale(true);
    window.andelLastComputeMs = performance.now() - t0;
    return false;
  }
  const ms = performance.now() - t0;
  lastGood = { doc, result, state: structuredClone(state) };
  render(lastGood);
  markStale(false);
  window.andelLastComputeMs = ms;
  window.andelLastRenderMs = performance.now() - t0;
  return true;
}

function markStale(stale, message) {
  $("result").classList.toggle("stale", stale && !!lastGood);
  $("status").classList.toggle("stale", stale);
  $("status").textContent = stale
    ? message ? (lastGood ? `${message} Tallene nedenfor hører til det, der stod i formularen før.` : message) : (lastGood ? "Gammelt resultat: tallene nedenfor hører til det, der stod i formularen før rettelsen. Ret fejlen for at få et nyt." : "Ret fejlen for at få et resultat.")
    : lastGood ? `Beregnet: ${summaryOf(lastGood)}` : "";
  $("download-csv").disabled = stale;
  $("download-json").disabled = stale;
  $("download-excel").disabled = stale;
}

/** One line for the top of the result (and screen readers): the totals. */
function summaryOf({ doc, result }) {
  const word = doc.rounding?.places ? "pladser" : "kr.";
  return result.scenarios.map((sc) => {
    const total = sc.parts ? sc.parts.parts.total : sc.allocation.total;
    return `${result.scenarios.length > 1 ? sc.name + ": " : ""}${num(total)} ${word}`;
  }).join(", ") + " fordelt.";
}

/** What the weights are: populations (with the year) or weights. */
function populationYearOf(doc) {
  const key = doc.key || doc.parts?.find((p) => p.key)?.key;
  return key && key.population && !key.blend ? Number(key.population.year) : null;
}

function render({ doc, result, state: s }) {
  const fromForm = !s.case && !loaded;
  const year = fromForm ? (s.source === "population" ? Number(s.year) : null) : populationYearOf(doc);
  const populations = year ? new Map(andel.municipalities(null, year).map((m) => [m.code, String(m.population)])) : new Map();
  const population = (p) => (p.basis.kind === "excluded" || p.basis.kind === "weight") && populations.get(p.id);
  const ctx = year ? {
    partyHead: "Kommune",
    weightHead: ["Indbyggertal", `1. jan. ${year}`],
    weightOf: (p) => (population(p) ? num(population(p)) : num(p.weight)),
    weightTotal: (parties) => (parties.every(population) ? num(sum(parties.map(population))) : null),
  } : {
    partyHead: "Part",
    weightHead: ["Vægt"],
    weightOf: (p) => num(p.basis.kind === "excluded" && p.basis.weight ? p.basis.weight : p.weight),
  };
  ctx.assumptions = [];
  if (loaded) ctx.assumptions.push(`Beregningen er indlæst fra en fil: ${doc.title || "uden titel"}.`);
  ctx.assumptions.push(...((fromForm ? doc.assumptions : result.assumptions) || []));
  renderCaseName(doc, s);
  renderResult($("result-body"), doc, result, ctx);
}

/** The open case, named above the result. */
function renderCaseName(doc, s) {
  let label, title, note = "";
  if (s.case) {
    label = "Sag fra referatet (KKR Nordjylland 18. november 2022)";
    title = doc.title;
    note = doc.note || "";
  } else if (loaded) {
    label = "Indlæst fra en fil";
    title = doc.title || "uden titel";
    note = doc.note || "";
  } else if (isDefaultForm(s)) {
    label = "Eksempel: sag 2.8 fra referatet (KKR Nordjylland 18. november 2022)";
    title = "Nyt tilbud til børn og unge med selvskadende adfærd – kommunernes del, lavt og højt skøn, Læsø og Morsø ikke med; regionen betaler 25 %";
    note = "Ret tallene i formularen for at lave din egen fordeling.";
  } else {
    label = "Egen fordeling";
    title = doc.title;
  }
  fill($("case-name"), h("span", { class: "case-label" }, label), h("br"), h("strong", {}, title));
  $("case-note").textContent = note;
}

function isDefaultForm(s) {
  return JSON.stringify({ ...s }) === JSON.stringify(DEFAULT_STATE);
}

/** What the calculation assumes, in plain Danish: the form's choices (written into the document too). */
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
    const label = [...$("method").options].find((o) => o.value === s.method)?.textContent || s.method;
    items.push(`Hele pladser efter ${label}${s.minimum ? `, mindst ${s.minimum}` : ""}${s.maximum ? `, højst ${s.maximum}` : ""} pr. part.`);
  } else {
    items.push(`Afrundet til ${s.unit === "0.01" ? "øre" : s.unit === "1" ? "hele kroner" : "1.000 kr."} efter største brøks metode; delene giver præcis det hele.`);
  }
  items.push("Står to parter helt lige om den sidste enhed, afgøres det efter rækkefølgen i listen, og det vises under »Hvorfor?«.");
  return items;
}

// ---- The form ------------------------------------------------------------

function renderScenarios() {
  const places = state.what === "places";
  $("total-head").textContent = places ? "Antal pladser" : "Beløb (kr.)";
  fill($("scenario-rows"), state.scenarios.map((sc, i) => h("tr", {},
    h("td", {},
      h("label", { class: "sr-only", for: `scenario-name-${i}` }, `Navn på scenarie ${i + 1}`),
      h("input", { id: `scenario-name-${i}`, data: { i: String(i), k: "name" }, value: sc.name, size: "8", "aria-describedby": `scenario-name-${i}-error` }),
      h("span", { class: "error", id: `scenario-name-${i}-error` })),
    h("td", {},
      h("label", { class: "sr-only", for: `scenario-total-${i}` }, `${places ? "Antal pladser" : "Beløb"}, scenarie ${i + 1}`),
      h("input", { id: `scenario-total-${i}`, data: { i: String(i), k: "total" }, value: sc.total, size: "14", inputmode: "decimal",
        "aria-describedby": `scenario-total-${i}-error scenario-total-${i}-understood` }),
      h("span", { class: "understood", id: `scenario-total-${i}-understood` }),
      h("span", { class: "error", id: `scenario-total-${i}-error` })),
    h("td", {}, state.scenarios.length > 1
      ? h("button", { type: "button", data: { remove: String(i) }, "aria-label": `Fjern scenarie ${i + 1}` }, "Fjern") : null))));
  updateUnderstood();
}

function updateUnderstood() {
  state.scenarios.forEach((sc, i) => {
    const el = $(`scenario-total-${i}-understood`);
    if (!el) return;
    try {
      const v = andel.parseNumber(sc.total.trim().replace(/\s*kr\.?$/i, "").replace(/^\u2212/, "-"));
      const places = state.what === "places";
      el.textContent = places && v.includes(".") ? "" :
        `forstået som ${num(v, places ? 0 : Math.max(scaleOf(v), state.unit === "0.01" ? 2 : 0))}${places ? " pladser" : " kr."}`;
    } catch {
      el.textContent = "";
    }
  });
}

function renderMunicipalities() {
  const rows = andel.municipalities(state.region || null, Number(state.year));
  fill($("municipality-list"), rows.map((m) => h("li", {}, h("label", {},
    h("input", { type: "checkbox", data: { code: m.code }, checked: !state.excluded.includes(m.code) }),
    ` ${m.name} `, h("span", { class: "pop" }, `(${num(String(m.population), 0)})`)))));
}

function renderFixed() {
  fill($("fixed-rows"), state.fixed.map((f, i) => h("li", {},
    h("label", { for: `fixed-name-${i}` }, "Navn"),
    h("input", { id: `fixed-name-${i}`, data: { i: String(i), k: "name" }, value: f.name, size: "16" }),
    h("label", { for: `fixed-share-${i}` }, "Andel (%)"),
    h("input", { id: `fixed-share-${i}`, data: { i: String(i), k: "share" }, value: f.share, size: "5", inputmode: "decimal", "aria-describedby": `fixed-share-${i}-error` }),
    h("button", { type: "button", data: { remove: String(i) }, "aria-label": `Fjern fast andel ${i + 1}` }, "Fjern"),
    h("span", { class: "error", id: `fixed-share-${i}-error` }))));
}

function syncVisibility() {
  const places = state.what === "places";
  document.querySelectorAll(".money-only").forEach((el) => (el.hidden = places));
  document.querySelectorAll(".places-only").forEach((el) => (el.hidden = !places));
  $("population-source").hidden = state.source === "csv";
  $("csv-source").hidden = state.source !== "csv";
  $("cost-split-fields").hidden = !state.costSplit.on;
  const other = !!(state.case || loaded);
  $("form-fields").hidden = other;
  $("case-open").hidden = !other;
  $("case-open-text").textContent = loaded
    ? "Beregningen kommer fra en indlæst fil; formularen bruges ikke. En indlæst fil kommer ikke med i et link."
    : "Sagen er åbnet, som den står i referatet; formularen bruges ikke.";
  $("case").value = loaded ? "" : state.case;
}

function fillControls() {
  fill($("region"), REGIONS.map((r) => h("option", { value: r }, r)), h("option", { value: "" }, "Hele landet"));
  fill($("year"), andel.years().map((y) => h("option", { value: String(y) }, String(y))));
  fill($("case"), h("option", { value: "" }, "Egen fordeling (formularen)"),
    CASES.map((c) => h("option", { value: c.id }, c.doc.title || c.id)));
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
  const a = h("a", { download: name });
  a.href = url; // a blob: address made here, never from data
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name from the case or the form (letters, digits and dashes only). */
function fileStem() {
  const id = state.case || (loaded ? "beregning" : "fordeling");
  return `andel-${id.replace(/[^0-9A-Za-z.-]+/g, "-")}`;
}

function wire() {
  const form = $("inputs");
  form.addEventListener("input", (ev) => {
    const el = ev.target;
    if (el.id === "case") {
      state.case = el.value;
      loaded = null;
      $("doc-file").value = "";
      syncVisibility();
      recompute();
      return;
    }
    if (el.name === "what") {
      const before = state.what;
      state.what = el.value;
      if (before !== el.value) {
        // Amounts are not numbers of places (nor the other way round): start from the minutes' example.
        state.scenarios = el.value === "places" ? [{ name: "pladser", total: "620" }] : structuredClone(DEFAULT_STATE.scenarios);
      }
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
    $(`scenario-total-${Math.max(0, Number(i) - 1)}`)?.focus();
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
    $("add-fixed").focus();
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
    if (!file || isXlsx(file)) return; // an .xlsx: excel.js reads it
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
      loaded = doc;
      syncVisibility();
      recompute();
    } catch (e) {
      $("doc-error").textContent = e instanceof SyntaxError ? "Filen er ikke en beregning (JSON), der kan læses." : `Filen kan ikke beregnes: ${danishMessage(e)}.`;
    }
  });
  $("case-back").addEventListener("click", () => {
    state.case = "";
    loaded = null;
    $("doc-file").value = "";
    syncVisibility();
    recompute();
    $("case").focus();
  });
  $("download-csv").addEventListener("click", () => {
    if (!lastGood || $("result").classList.contains("stale")) return;
    download(`${fileStem()}.csv`, andel.computeCsv(lastGood.doc, "danish_excel"), "text/csv;charset=utf-8");
  });
  wireExcel({
    current: () => (lastGood && !$("result").classList.contains("stale") ? lastGood.doc : null),
    fileStem,
    download,
    useCsv: (text) => { state.csv = text; $("csv").value = text; recompute(); showCsvInfo(); },
  });
  $("download-json").addEventListener("click", () => {
    if (!lastGood || $("result").classList.contains("stale")) return;
    download(`${fileStem()}.json`, JSON.stringify(lastGood.doc, null, 2) + "\n", "application/json");
  });
  $("copy-link").addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      $("action-info").textContent = loaded ? "Linket er kopieret (uden den indlæste fil)." : "Linket er kopieret.";
    } catch {
      $("action-info").textContent = `Kopiér linket her: ${location.href}`;
    }
  });
  $("print").addEventListener("click", () => window.print());
  window.addEventListener("beforeprint", () => {
    const where = /^https?:$/.test(location.protocol) ? ` fra ${location.origin}${location.pathname}` : "";
    $("print-info").textContent = `Udskrevet ${new Date().toLocaleDateString("da-DK")}${where}. Beregnet med andel; indbyggertal fra Danmarks Statistik.`;
  });
  $("show-inputs").addEventListener("click", () => {
    document.documentElement.classList.remove("inputs-collapsed");
    $("show-inputs").setAttribute("aria-expanded", "true");
    $("case").focus();
  });
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
  const why = { "the national total": "hele landet", "a regional total of a Statistics Denmark export": "en region",
    "a regional total": "en region", "Christiansø is not a municipality": "Christiansø er ikke en kommune",
    "a total: its weight is the sum of the other rows": "en sum af de andre rækker", "a title above the table": "en titel over tabellen",
    "a note below the table": "en note under tabellen" };
  return skipped.map(([line, text, reason]) => `linje ${line} (»${text}«, ${why[reason] || reason})`).join(", ");
}



function showCsvInfo() {
  const r = state.source === "csv" ? readPastedCsv(state) : null;
  if (!r) return ($("csv-info").textContent = "");
  const skipped = r.skipped.length ? `; sprunget over: ${skippedText(r.skipped)}` : "";
  // How the core read it, where it says (notes: from branch inputs on).
  const because = { semicolons: "semikolon mellem felterne", tabs: "tabulator mellem felterne", header: "dansk overskrift" };
  const notes = (r.notes || []).map((n) => n.kind === "danish_thousands"
    ? ` ${q(n.text)} læst med punktum som tusindtalsskilletegn (linje ${n.line}; ${because[n.because] || n.because}).`
    : n.kind === "encoding" ? ` Filen er læst som ${n.encoding === "windows-1252" ? "Windows-1252 (fra Excel)" : n.encoding.toUpperCase()}.` : "").join("");
  $("csv-info").textContent = `Læst ${r.key.length} parter (skilletegn ${q(r.separator === "\t" ? "tab" : r.separator)}, decimaltegn ${q(r.decimal)})${skipped}.${notes}`;
}

/** Says in Danish why the calculator cannot run (boot.js says it before this file can). */
function cannotRun(text) {
  const box = $("boot-message");
  box.textContent = text;
  box.classList.add("failed");
  document.documentElement.classList.add("cannot-run");
}

async function main() {
  if (typeof WebAssembly !== "object") return; // boot.js says why
  try {
    // The single file carries the module's bytes; the folder's page names it; www/ finds it beside
    // the glue. Fetched, it is compiled while it streams.
    const source = globalThis.andelWasmBytes || globalThis.andelWasmUrl;
    await init(source ? { module_or_path: source } : undefined);
  } catch (e) {
    cannotRun(location.protocol === "file:"
      ? "Siden er åbnet direkte fra disken, og sådan kan den ikke starte. Brug i stedet filen andel-fordeling.html " +
        "(den virker ved dobbeltklik, også uden net), eller læg hele mappen på en webserver."
      : "Beregneren kunne ikke starte: filen med selve beregningen (andel_wasm_bg.wasm) kunne ikke hentes eller læses. " +
        "Tjek forbindelsen og genindlæs siden. Virker det stadig ikke, så brug den samlede fil andel-fordeling.html.");
    console.error(e);
    return;
  }
  const fromLink = readStateFromUrl();
  state = fromLink.state;
  fillControls();
  wire();
  recompute();
  window.andelFirstResultMs = performance.now(); // from the start of navigation (the browser test reads it)
  showCsvInfo();
  $("link-note").textContent = fromLink.unread
    ? "Linket kunne ikke læses helt; det, der ikke kunne læses, står som i eksemplet (sag 2.8)."
    : "";
  document.documentElement.classList.add("ready");
  document.documentElement.classList.remove("cannot-run");
  $("boot-message").textContent = "";
  // On a phone, the result comes first: the inputs fold away until asked for.
  if (window.matchMedia("(max-width: 800px)").matches) {
    document.documentElement.classList.add("inputs-collapsed");
    $("show-inputs").setAttribute("aria-expanded", "false");
  }
  // Offline after the first visit (sw.js), where the page is served over http(s).
  if ("serviceWorker" in navigator && /^https?:$/.test(location.protocol) && !globalThis.andelWasmBytes) {
    navigator.serviceWorker.register("./sw.js").catch(() => {});
  }
  window.andelReady = true;
}

main();
