// Excel in the web form, on request: "Hent Excel" (the result as a
// workbook, the same as the command line's `compute --format xlsx`) and an
// .xlsx file as weights. The Excel module (pkg/excel/, andel-wasm-excel, a
// second WebAssembly file) is fetched the first time one of them is used,
// never at first load, so the form's first load stays within its budget;
// the service worker keeps it for offline use after that. The single file
// (andel-fordeling.html) does not carry it: there Excel says it needs the
// hosted site (the folder on a web server), and CSV works as before.
//
// app.js hooks this in with wireExcel(); nothing from data becomes HTML
// here either (text is set as text).

// The single file bundles the page's modules into one scope: names here are excel-prefixed.
const excelEl = (id) => document.getElementById(id);
const excelSingleFile = () => document.documentElement.hasAttribute("data-single-file");

let excelLoading = null;

/** The Excel module, loaded and started once. */
function excelModule() {
  if (!excelLoading) {
    excelLoading = import("./pkg/excel/andel_wasm_excel.js")
      .then(async (m) => {
        await m.default();
        return m;
      })
      .catch((e) => {
        excelLoading = null; // a later click tries again
        throw e;
      });
  }
  return excelLoading;
}

const EXCEL_CANNOT_LOAD = "Excel-delen af beregneren kunne ikke hentes. Tjek forbindelsen og prøv igen; »Hent CSV« virker uden den.";
const EXCEL_SINGLE_FILE = "Excel kan kun bruges fra siden på en webserver, ikke fra den samlede fil (andel-fordeling.html). Brug »Hent CSV«, eller gem arket som CSV og vælg den fil.";

/** An error of the module in Danish (core's catalogue says it), else why it could not load. */
const excelDanish = (e) => e?.messages?.da || EXCEL_CANNOT_LOAD;

/**
 * Wires the button and the upload. `form` gives what app.js knows:
 * current() the document of the result on the screen (null while it is
 * stale), fileStem() the file name without extension, download(name,
 * bytes, type), and useCsv(text) to put CSV text in the weights field.
 */
export function wireExcel(form) {
  const info = excelEl("action-info");
  excelEl("download-excel").addEventListener("click", async () => {
    const doc = form.current();
    if (!doc) return;
    if (excelSingleFile()) {
      info.textContent = EXCEL_SINGLE_FILE;
      return;
    }
    info.textContent = "Henter Excel-delen …";
    try {
      const m = await excelModule();
      const bytes = m.workbook(doc, "da");
      form.download(`${form.fileStem()}.xlsx`, bytes,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      info.textContent = "Excel-filen er hentet.";
    } catch (e) {
      info.textContent = excelDanish(e);
    }
  });

  // An .xlsx chosen as weights: its sheet becomes the CSV text (which the
  // user sees and may edit); a workbook of several sheets gets a choice.
  const file = excelEl("csv-file");
  const sheets = document.createElement("select");
  sheets.id = "xlsx-sheet";
  sheets.hidden = true;
  const label = document.createElement("label");
  label.htmlFor = "xlsx-sheet";
  label.textContent = "Ark i Excel-filen";
  label.hidden = true;
  file.after(label, sheets);
  let current = null; // { name, bytes }

  async function read(sheet) {
    const error = excelEl("csv-error");
    error.textContent = "";
    if (excelSingleFile()) {
      error.textContent = EXCEL_SINGLE_FILE;
      return;
    }
    try {
      const m = await excelModule();
      const t = m.sheetText(current.bytes, sheet ?? null);
      sheets.replaceChildren(...t.sheets.map((name) => {
        const o = document.createElement("option");
        o.value = name;
        o.textContent = name;
        return o;
      }));
      sheets.value = t.sheet;
      sheets.hidden = label.hidden = t.sheets.length < 2;
      form.useCsv(t.text);
      const note = `Læst fra arket »${t.sheet}« i ${current.name}.`;
      excelEl("csv-info").textContent = `${excelEl("csv-info").textContent} ${note}`.trim();
    } catch (e) {
      error.textContent = `Excel-filen kan ikke læses: ${excelDanish(e)}`;
    }
  }

  file.addEventListener("change", async () => {
    const f = file.files[0];
    if (!f || !isXlsx(f)) {
      sheets.hidden = label.hidden = true;
      return;
    }
    current = { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) };
    await read(null);
  });
  sheets.addEventListener("change", (ev) => {
    ev.stopPropagation(); // the form's own input handler knows no such field
    if (current) read(sheets.value);
  });
  sheets.addEventListener("input", (ev) => ev.stopPropagation());
}

/** An Excel workbook (.xlsx) rather than CSV text. */
export function isXlsx(f) {
  return /\.xlsx$/i.test(f.name) || f.type === "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
