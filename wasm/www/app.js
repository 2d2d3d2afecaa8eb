// The web form: form state -> a key document -> andel-core (wasm) -> the
// result on the page. Every number is read, computed and formatted by the
// core; this file builds the document from the form (or takes a case of the
// minutes, or a loaded file), maps errors to the fields they are about, in
// Danish, and hands the result to view.js, which shows it.
//
// At first load only the first-load module runs (pkg/andel_first.js); the
// whole module (pkg/andel_wasm.js) is loaded on request by more.js: the
// meeting, reading CSV, Hent CSV, a loaded file, places in a table.
//
// Nothing from data becomes HTML: elements are made with h() and text is
// set as text (view.js). The page's Content-Security-Policy allows only the
// site's own scripts and WebAssembly.
import init, * as andel from "./pkg/andel_first.js";
import { more, whole, presentAny, NeedsMore } from "./more.js";
import CASES from "./cases.js";
import FIRST from "./first.js";
import { $, h, fill, renderView, renderMeeting } from "./render.js";
import { danishMessage, targetsOf, clearErrors, showError, q } from "./errors.js";
import { renderScenarios, updateUnderstood, renderMunicipalities, renderFixed, syncVisibility, fillControls, fillYears } from "./controls.js";
import { DEFAULT_STATE, MEETING, isDefaultState, stateFromLink, linkOf, FieldError, readPastedCsv, buildDocument, agesOf, agesText, danishDate } from "./state.js";
import { wireExcel, isXlsx } from "./excel.js";


let state = structuredClone(DEFAULT_STATE);
let loaded = null; // a key document loaded from a file (never in the link)
let lastGood = null; // { doc, view, state }
let drawnFirst = null; // the view drawn before the module ran (first.js), as JSON text
let popFile = null; // the user's own population file { name, bytes, years } (never in the link: only its name is)

const caseById = (id) => CASES.find((c) => c.id === id);

/** The link: a case by its name, or the form's inputs. */
function writeStateToUrl() {
  history.replaceState(null, "", "#" + linkOf(state));
}

/** The document the result is of: a loaded file, a case of the minutes, or the form. */
function documentOf(s) {
  if (loaded) return loaded;
  if (s.case) return structuredClone(caseById(s.case).doc);
  return buildDocument(s, filePopulationOf(s));
}

// ---- The user's own population file (Statbank) ---------------------------------

/** Whether the form's key is the population of the user's own file. */
const usesFile = (s) => !s.case && !loaded && s.source !== "csv" && !!s.populationFile;

/** The user's own population file as the core reads it for the form's year, ages and region
 * (readPopulation of the whole module), or null without one; its errors in Danish at the upload. */
function filePopulationOf(s) {
  if (!usesFile(s) || !popFile || popFile.name !== s.populationFile) return null;
  const ages = agesOf(s);
  const options = { year: Number(s.year), ages, region: s.region || undefined };
  const key = JSON.stringify(options);
  if (popFile.read?.key === key) return popFile.read.value; // read once per choice, not per keystroke
  try {
    const read = whole().readPopulation(popFile.bytes, options);
    // The file's text for the document (population.text), decoded as the core read the bytes.
    const label = read.encoding === "utf-8-bom" ? "utf-8" : read.encoding;
    const value = { ...read, text: new TextDecoder(label).decode(popFile.bytes), asked: ages };
    popFile.read = { key, value };
    return value;
  } catch (e) {
    if (e instanceof NeedsMore) throw e;
    throw new FieldError("population-file", populationMessage(e, ages, s));
  }
}

/** What is wrong with a population file, in Danish, from the core's typed error. */
function populationMessage(e, ages, s) {
  const d = e.details || {};
  const file = q(s.populationFile);
  switch (e.code) {
    case "missing_municipality":
      return `Filen ${file} har intet indbyggertal for ${d.name} (${d.municipality}), som er med i ${s.region ? "Region " + s.region : "hele landet"}. ` +
        "Vælg en anden region, eller hent en fil med alle kommunerne.";
    case "period_not_in_file":
      return d.asked
        ? `Filen ${file} har ingen tal for ${d.asked}; den har ${(d.available || []).join(", ")}. Vælg et af de år.`
        : `Filen ${file} har flere perioder (${(d.available || []).join(", ")}); vælg året.`;
    case "ages_not_in_file":
      return `Filens aldersgrupper (${(d.groups || []).join(", ")}) kan ikke give ${agesText(ages)} præcist. ` +
        "Vælg aldre, der passer med grupperne, eller hent filen med flere aldersgrupper.";
    case "csv":
      return `Filen ${file} er ikke en befolkningstabel fra Statistikbanken, vi kan læse (linje ${d.line}): ` +
        "den skal være FOLK1A, FOLK1AM eller BY2 som CSV, med en kolonne INDHOLD (API'ets udtræk) eller perioder som 2026K1 i overskriften (hjemmesidens udtræk).";
    default:
      return `Filen ${file} kan ikke læses som befolkningstal: ${e.messages?.da || e.message}.`;
  }
}

/** The years a population file has (its periods' years), read by the core; none when it cannot tell. */
function yearsOfFile(m, bytes) {
  const yearOf = (period) => Number(String(period).slice(0, 4));
  try {
    return [yearOf(m.readPopulation(bytes, {}).period)];
  } catch (e) {
    return e.code === "period_not_in_file" ? [...new Set((e.details?.available || []).map(yearOf))].filter(Number.isInteger) : [];
  }
}

/** The municipality list and the year list for the key: the file's figures where it can give them. */
function refreshMunicipalities() {
  let fromFile = null;
  try {
    fromFile = usesFile(state) && popFile ? filePopulationOf(state)?.municipalities || null : null;
  } catch {
    fromFile = null; // the error shows at the upload when the form computes
  }
  fillYears(state, usesFile(state) && popFile ? popFile.years : []);
  renderMunicipalities(state, fromFile);
}

/** Under the upload: which file, period and ages the result used (or nothing without a file). */
function showPopulationInfo(filePopulation) {
  const info = $("population-file-info");
  if (!filePopulation) return (info.textContent = "");
  const encoding = { "windows-1252": "Windows-1252 (fra Excel)", "utf-16le": "UTF-16", "utf-16be": "UTF-16" }[filePopulation.encoding];
  info.textContent = `Bruger ${q(state.populationFile)}${encoding ? ` (læst som ${encoding})` : ""}: periode ${filePopulation.period} ` +
    `(indbyggertal pr. ${danishDate(filePopulation.date)}), ${agesText(filePopulation.ages)}, ${filePopulation.municipalities.length} kommuner. ` +
    "Et delt link har kun filens navn med, ikke tallene: den, der åbner linket, skal vælge filen igen.";
}

// ---- Computing and showing ------------------------------------------------

/** The view of what the form holds: the meeting as a whole, or a document's (present()). */
function compute(s) {
  if (s.case === MEETING && !loaded) return { doc: null, view: whole().meeting(CASES.map((c) => c.doc)), meeting: true };
  const doc = documentOf(s);
  return { doc, view: presentAny(andel, doc), meeting: false };
}

const MORE_LOADING = "Henter resten af beregneren …";
const MORE_CANNOT_LOAD = "Resten af beregneren kunne ikke hentes. Tjek forbindelsen og prøv igen.";
let moreWaiting = null;

/** Loads the whole module, then computes again (once, however often asked); says so when it cannot. */
function withMore() {
  if (!moreWaiting) {
    window.andelLoadingMore = true;
    moreWaiting = more().then(
      () => { moreWaiting = null; window.andelLoadingMore = false; recompute(); showCsvInfo(); },
      (e) => { moreWaiting = null; window.andelLoadingMore = false; markStale(true, MORE_CANNOT_LOAD); console.error(e); },
    );
  }
  return moreWaiting;
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
  $("population-file-info").textContent = "";
  try {
    got = compute(state);
  } catch (e) {
    if (e instanceof NeedsMore) {
      markStale(true, MORE_LOADING);
      withMore();
      return false;
    }
    if (e instanceof FieldError) showError([e.target, ...e.also], e.message);
    else showError(targetsOf(e, state, !state.case && !loaded), danishMessage(e, state, !state.case && !loaded));
    markStale(true);
    window.andelLastComputeMs = performance.now() - t0;
    return false;
  }
  const ms = performance.now() - t0;
  lastGood = { ...got, state: structuredClone(state) };
  showPopulationInfo(usesFile(state) ? filePopulationOf(state) : null);
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
  $("download-excel").disabled = noFile;
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
  // The first live result is the one drawn from first.js: it stays as it is (an open "Hvorfor?" too).
  const same = drawnFirst !== null && JSON.stringify(view) === drawnFirst;
  drawnFirst = null;
  if (!same) renderView($("result-body"), view);
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
      syncVisibility(state, loaded);
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
      renderScenarios(state);
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
    else if (el.id === "region") { state.region = el.value; state.excluded = []; refreshMunicipalities(); }
    else if (el.id === "year") { state.year = Number(el.value); refreshMunicipalities(); }
    else if (el.id === "ages-from") { state.ages.from = el.value; refreshMunicipalities(); }
    else if (el.id === "ages-to") { state.ages.to = el.value; refreshMunicipalities(); }
    else if (el.id === "population-file") return; // its change event reads it
    else if (el.dataset.code) {
      const code = el.dataset.code;
      state.excluded = el.checked ? state.excluded.filter((c) => c !== code) : [...state.excluded, code];
    } else if (el.id.startsWith("scenario-")) {
      state.scenarios[Number(el.dataset.i)][el.dataset.k] = el.value;
      updateUnderstood(state);
    } else if (el.id.startsWith("fixed-")) state.fixed[Number(el.dataset.i)][el.dataset.k] = el.value;
    else return;
    syncVisibility(state, loaded);
    recompute();
  });
  $("scenario-rows").addEventListener("click", (ev) => {
    const i = ev.target.dataset.remove;
    if (i === undefined) return;
    state.scenarios.splice(Number(i), 1);
    renderScenarios(state);
    recompute();
    $(`scenario-total-${Math.max(0, Number(i) - 1)}`)?.focus();
  });
  $("add-scenario").addEventListener("click", () => {
    state.scenarios.push({ name: `scenarie ${state.scenarios.length + 1}`, total: state.scenarios.at(-1)?.total || "0" });
    renderScenarios(state);
    recompute();
    $(`scenario-total-${state.scenarios.length - 1}`).focus();
  });
  $("fixed-rows").addEventListener("click", (ev) => {
    const i = ev.target.dataset.remove;
    if (i === undefined) return;
    state.fixed.splice(Number(i), 1);
    renderFixed(state);
    recompute();
    $("add-fixed").focus();
  });
  $("add-fixed").addEventListener("click", () => {
    state.fixed.push({ name: state.region ? `Region ${state.region}` : "Fast part", share: "7,2" });
    renderFixed(state);
    recompute();
    $(`fixed-share-${state.fixed.length - 1}`).focus();
  });
  $("all-in").addEventListener("click", () => { state.excluded = []; refreshMunicipalities(); recompute(); });
  $("all-out").addEventListener("click", () => {
    state.excluded = andel.municipalities(state.region || null, null).map((m) => m.code);
    refreshMunicipalities();
    recompute();
  });
  $("population-file").addEventListener("change", async (ev) => {
    const file = ev.target.files[0];
    if (!file) return;
    $("population-file-error").textContent = "";
    const bytes = new Uint8Array(await file.arrayBuffer());
    let m;
    try {
      m = await more();
    } catch {
      $("population-file-error").textContent = MORE_CANNOT_LOAD;
      return;
    }
    // The file's latest year to start with (the year list offers its others).
    const years = yearsOfFile(m, bytes);
    popFile = { name: file.name, bytes, years };
    state.populationFile = file.name;
    if (years.length) state.year = Math.max(...years);
    syncVisibility(state, loaded);
    refreshMunicipalities();
    recompute();
  });
  $("population-file-clear").addEventListener("click", () => {
    popFile = null;
    state.populationFile = "";
    state.ages = { from: "", to: "" };
    $("population-file").value = "";
    $("ages-from").value = "";
    $("ages-to").value = "";
    if (!andel.years().includes(Number(state.year))) state.year = andel.years().at(-1);
    syncVisibility(state, loaded);
    refreshMunicipalities();
    recompute();
    $("population-file").focus();
  });
  $("csv-file").addEventListener("change", async (ev) => {
    const file = ev.target.files[0];
    if (!file || isXlsx(file)) return; // an .xlsx: excel.js reads it
    // The bytes, decoded by the core (Windows-1252 and UTF-16 from Excel too).
    const bytes = new Uint8Array(await file.arrayBuffer());
    let m;
    try {
      m = await more();
    } catch {
      $("csv-error").textContent = MORE_CANNOT_LOAD;
      return;
    }
    state.csv = m.textFromBytes(bytes);
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
      let m;
      try {
        m = await more();
      } catch {
        $("doc-error").textContent = MORE_CANNOT_LOAD;
        return;
      }
      m.compute(doc); // refuse a document that cannot be computed, before it replaces the form
      loaded = doc;
      syncVisibility(state, loaded);
      recompute();
    } catch (e) {
      $("doc-error").textContent = e instanceof SyntaxError ? "Filen er ikke en beregning (JSON), der kan læses." : `Filen kan ikke beregnes: ${danishMessage(e, state, false)}.`;
    }
  });
}

/** The buttons under the result and around the form: back to the form, downloads, link, print. */
function wireActions() {
  $("case-back").addEventListener("click", () => {
    state.case = "";
    loaded = null;
    $("doc-file").value = "";
    syncVisibility(state, loaded);
    recompute();
    $("case").focus();
  });
  $("download-csv").addEventListener("click", async () => {
    if (!lastGood || $("result").classList.contains("stale")) return;
    const doc = lastGood.doc;
    let m;
    try {
      m = await more();
    } catch {
      $("action-info").textContent = MORE_CANNOT_LOAD;
      return;
    }
    download(`${fileStem()}.csv`, m.computeCsv(doc, "danish_excel"), "text/csv;charset=utf-8");
  });
  wireExcel({
    current: () => (lastGood && !lastGood.meeting && !$("result").classList.contains("stale") ? lastGood.doc : null),
    fileStem,
    download,
    useCsv: (text) => { state.csv = text; $("csv").value = text; recompute(); showCsvInfo(); },
  });
  $("download-json").addEventListener("click", () => {
    if (!lastGood || $("result").classList.contains("stale")) return;
    download(`${fileStem()}.json`, JSON.stringify(lastGood.doc, null, 2) + "\n", "application/json");
  });
  $("copy-link").addEventListener("click", async () => {
    // A link carries inputs only: the user's own population file stays here (only its name goes).
    const fileNote = !loaded && usesFile(state)
      ? ` Det har kun befolkningsfilens navn (${q(state.populationFile)}) med, ikke tallene: den, der åbner linket, skal vælge filen igen.` : "";
    try {
      await navigator.clipboard.writeText(location.href);
      $("action-info").textContent = loaded ? "Linket er kopieret (uden den indlæste fil)." : `Linket er kopieret.${fileNote}`;
    } catch {
      $("action-info").textContent = `Kopiér linket her: ${location.href}${fileNote}`;
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
  let r;
  try {
    r = state.source === "csv" ? readPastedCsv(state) : null;
  } catch (e) {
    if (!(e instanceof NeedsMore)) throw e;
    withMore(); // shows it once the whole module is here
    return ($("csv-info").textContent = "");
  }
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
  drawnFirst = JSON.stringify(FIRST.view);
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
      : "Beregneren kunne ikke starte: filen med selve beregningen (andel_first_bg.wasm) kunne ikke hentes eller læses. " +
        "Tjek forbindelsen og genindlæs siden. Virker det stadig ikke, så brug den samlede fil andel-fordeling.html.");
    console.error(e);
    return;
  }
  const fromLink = stateFromLink(location.hash.slice(1), CASES);
  state = fromLink.state;
  fillControls(state, loaded);
  wire();
  wireActions();
  recompute();
  // A link that needs the whole module (the meeting, own weights, places in a table): the page is
  // ready once it is here and the result computed.
  if (moreWaiting) await moreWaiting;
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
