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
import FIRST from "./first.js";
import { h, fill, renderView, renderMeeting } from "./render.js";
import { DEFAULT_STATE, REGIONS, MEETING, isDefaultState, stateFromLink, linkOf, FieldError, bare, shift,
  readPastedCsv, buildDocument } from "./state.js";

const $ = (id) => document.getElementById(id);

let state = structuredClone(DEFAULT_STATE);
let loaded = null; // a key document loaded from a file (never in the link)
let lastGood = null; // { doc, view, state }

const caseById = (id) => CASES.find((c) => c.id === id);

/** The link: a case by its name, or the form's inputs. */
function writeStateToUrl() {
  history.replaceState(null, "", "#" + linkOf(state));
}

/** A decimal string the Danish way, with `places` decimals (the core writes it). */
const num = (d, places) => andel.formatNumber(String(d), places ?? (String(d).split(".")[1] || "").length);

/** The document the result is of: a loaded file, a case of the minutes, or the form. */
function documentOf(s) {
  if (loaded) return loaded;
  if (s.case) return structuredClone(caseById(s.case).doc);
  return buildDocument(s);
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
    case "not_multiple_of_unit": return `Beløbet går ikke op i enheden ${num(d.unit)} kr.`;
    case "invalid_share":
      if (/(^|\.)parts/.test(f) && !s.case && !loaded) {
        // The core's sum of the two shares (a fraction: 0.95 is 95 %).
        const total = /^-?\d+(\.\d+)?$/.test(String(d.value ?? "")) ? num(shift(String(d.value), 2)) : "";
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

/** The view of what the form holds: the meeting as a whole, or a document's (present()). */
function compute(s) {
  if (s.case === MEETING && !loaded) return { doc: null, view: andel.meeting(CASES.map((c) => c.doc)), meeting: true };
  const doc = documentOf(s);
  return { doc, view: andel.present(doc), meeting: false };
}

function recompute() {
  clearErrors();
  writeStateToUrl();
  const t0 = performance.now();
  if (!state.case && !loaded && state.source === "csv" && !state.csv.trim()) {
    // Nothing pasted yet: not an error, a next step.
    markStale(true, "Indsæt vægte (kommune og vægt, fx fra Excel) eller vælg en fil for at få et resultat.");
    return false;
  }
  let got;
  try {
    got = compute(state);
  } catch (e) {
    if (e instanceof FieldError) showError([e.target, ...e.also], e.message);
    else showError(targetsOf(e, state), danishMessage(e));
    markStale(true);
    window.andelLastComputeMs = performance.now() - t0;
    return false;
  }
  const ms = performance.now() - t0;
  lastGood = { ...got, state: structuredClone(state) };
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
  const noFile = stale || !!lastGood?.meeting;
  $("download-csv").disabled = noFile;
  $("download-json").disabled = noFile;
}

/** One line for the top of the result (and screen readers): each scenario's first summary, as the core says it. */
function summaryOf({ view, meeting }) {
  if (meeting) return view ? view.title : "";
  const many = view.scenarios.length > 1;
  return view.scenarios.map((sc) => {
    const summary = sc.sections.find((x) => x.summary)?.summary || "";
    return many ? `${sc.name}: ${summary}` : summary;
  }).join("; ");
}

function render({ doc, view, meeting, state: s }) {
  if (meeting) {
    fill($("case-name"), h("span", { class: "case-label" }, "Alle sager fra referatet (KKR Nordjylland 18. november 2022)"), h("br"),
      h("strong", {}, view ? view.title : ""));
    $("case-note").textContent = view ? view.note : "";
    if (view) renderMeeting($("result-body"), view);
    else fill($("result-body"));
    return;
  }
  renderCaseName(view, s);
  renderView($("result-body"), view);
}

/** The open case, named above the result (its title and note as the core's view has them). */
function renderCaseName(view, s) {
  let label, title = view.title || "", note = view.note || "";
  if (s.case) {
    label = "Sag fra referatet (KKR Nordjylland 18. november 2022)";
  } else if (loaded) {
    label = "Indlæst fra en fil";
    title = title || "uden titel";
  } else if (isDefaultState(s)) {
    label = "Eksempel: sag 2.8 fra referatet (KKR Nordjylland 18. november 2022)";
    title = "Nyt tilbud til børn og unge med selvskadende adfærd – kommunernes del, lavt og højt skøn, Læsø og Morsø ikke med; regionen betaler 25 %";
    note = "Ret tallene i formularen for at lave din egen fordeling.";
  } else {
    label = "Egen fordeling";
  }
  fill($("case-name"), h("span", { class: "case-label" }, label), h("br"), h("strong", {}, title));
  $("case-note").textContent = note;
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
      const v = andel.parseNumber(bare(sc.total));
      const places = state.what === "places";
      const own = (v.split(".")[1] || "").length;
      el.textContent = places && v.includes(".") ? "" :
        `forstået som ${num(v, places ? 0 : Math.max(own, state.unit === "0.01" ? 2 : 0))}${places ? " pladser" : " kr."}`;
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
    CASES.map((c) => h("option", { value: c.id }, c.doc.title || c.id)),
    h("option", { value: MEETING }, "Mødet som helhed: alle sagerne pr. kommune"));
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

function showCsvInfo() {
  const r = state.source === "csv" ? readPastedCsv(state) : null;
  if (!r) return ($("csv-info").textContent = "");
  // The rows left out (totals), as the core says it in Danish.
  const skipped = r.leftOut?.da ? ` ${r.leftOut.da}` : "";
  // How the core read it, where it says (notes: from branch inputs on).
  const because = { semicolons: "semikolon mellem felterne", tabs: "tabulator mellem felterne", header: "dansk overskrift" };
  const notes = (r.notes || []).map((n) => n.kind === "danish_thousands"
    ? ` ${q(n.text)} læst med punktum som tusindtalsskilletegn (linje ${n.line}; ${because[n.because] || n.because}).`
    : n.kind === "encoding" ? ` Filen er læst som ${n.encoding === "windows-1252" ? "Windows-1252 (fra Excel)" : n.encoding.toUpperCase()}.` : "").join("");
  $("csv-info").textContent = `Læst ${r.key.length} parter (skilletegn ${q(r.separator === "\t" ? "tab" : r.separator)}, decimaltegn ${q(r.decimal)}).${skipped}${notes}`;
}

/** Says in Danish why the calculator cannot run (boot.js says it before this file can). */
function cannotRun(text) {
  const box = $("boot-message");
  box.textContent = text;
  box.classList.add("failed");
  document.documentElement.classList.add("cannot-run");
}

/** The opening case at once, from the view the build made with this same module (first.js),
 * while the module is still on its way (a slow phone); the live result replaces it. Only for the
 * opening state: a link's state waits for the module. */
function drawFirst() {
  if (location.hash.length > 1 || !FIRST?.view) return;
  renderCaseName(FIRST.view, DEFAULT_STATE);
  renderView($("result-body"), FIRST.view);
  $("status").textContent = `Beregnet: ${summaryOf({ view: FIRST.view })}`;
  document.documentElement.classList.add("drawn");
  window.andelFirstResultMs = performance.now(); // from the start of navigation (the browser test reads it)
}

async function main() {
  if (typeof WebAssembly !== "object") return; // boot.js says why
  drawFirst();
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
  const fromLink = stateFromLink(location.hash.slice(1), CASES);
  state = fromLink.state;
  fillControls();
  wire();
  recompute();
  window.andelLiveResultMs = performance.now(); // computed in the page (the browser test reads both)
  window.andelFirstResultMs ??= window.andelLiveResultMs;
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
