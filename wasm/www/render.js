// The result on the page: the core's view of it (`present()` for a
// document, `meeting()` for the meeting as a whole), drawn as it is. Every
// heading, column head, cell, total row, note, assumption and explanation is
// the core's text in Danish; this file adds only the page's own controls
// ("Hvorfor?", "Luk forklaringen") and the picture of the shares.
//
// Nothing from data becomes HTML: every element is made with h(), every
// text is a text node, and h() refuses attributes that could run or load
// anything (event handlers, style, href, src).

const UNSAFE_ATTRIBUTE = /^(on|style$|href$|src$|srcdoc$|action$|formaction$|xlink:href$)/i;

/** An element: h("td", { class: "num" }, "1.234", child, [more]). Strings become text. */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (UNSAFE_ATTRIBUTE.test(key)) throw new Error(`h(): attribute ${key} is not allowed`);
    if (key === "class") el.className = value;
    else if (key === "data") Object.assign(el.dataset, value);
    else if (key === "text") el.textContent = value;
    else if (key === "value" || key === "checked" || key === "hidden" || key === "disabled" || key === "selected") el[key] = value;
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

/** The page's element with this id. */
export const $ = (id) => document.getElementById(id);

/** Replaces an element's children (text or elements, never HTML). */
export const fill = (el, ...children) => el.replaceChildren(...children.flat(Infinity).filter((c) => c !== undefined && c !== null && c !== false));

/** A heading of the view as a heading on the page (without the colon that ends it in a text report). */
const headingText = (text) => String(text).replace(/:\s*$/, "");

/** Which cell heads a row: the name, else the id (the total row's "i alt", a year). */
function headerIndex(columns, row) {
  const name = columns.findIndex((c) => c.key === "name");
  const id = columns.findIndex((c) => c.key === "id");
  if (name >= 0 && row.cells[name]?.text) return name;
  return id >= 0 ? id : 0;
}

/** The texts of a row's cells as shown: a row without a name ("i alt", a year) is headed in the
 * name column by its id, so it stays in view where the codes give way (a laptop, a phone). */
function shownCells(columns, row) {
  const texts = row.cells.map((c) => c.text);
  const name = columns.findIndex((c) => c.key === "name");
  const id = columns.findIndex((c) => c.key === "id");
  if (name >= 0 && id >= 0 && !texts[name] && texts[id]) {
    texts[name] = texts[id];
    texts[id] = "";
  }
  return { texts, header: name >= 0 && texts[name] ? name : headerIndex(columns, row) };
}

const colClass = (c) => `col-${c.key.replace(/[^A-Za-z0-9_-]/g, "_")}${c.numeric ? " num" : ""}`;

/** One row of a view's table: its header cell, the others, and "Hvorfor?" where it has an explanation. */
function tableRow(columns, row, ctx, explained) {
  const { texts, header } = shownCells(columns, row);
  const label = texts[header] || row.id;
  const cells = texts.map((text, i) => (i === header
    ? h("th", { scope: "row", class: colClass(columns[i]) }, text)
    : h("td", { class: colClass(columns[i]), data: { col: columns[i]?.key || "" } }, text)));
  let why = null;
  if (explained) {
    why = h("td", { class: "why" });
    if (row.explanation) {
      const button = h("button", { type: "button", class: "hvorfor", "aria-expanded": "false",
        "aria-label": `Hvorfor? ${label}${ctx.suffix || ""}` }, h("span", { class: "why-long" }, "Hvorfor?"), h("span", { class: "why-short" }, "?"));
      button.addEventListener("click", () => ctx.explain(button, label, row.explanation));
      why.append(button);
    }
  }
  return h("tr", { data: { id: row.id } }, cells, why);
}

/** A section of the view: its heading, summary, table and notes. */
function sectionBlock(section, ctx, level) {
  const { columns, rows, total } = section.table;
  const explained = rows.some((r) => r.explanation);
  const caption = headingText(section.heading || section.summary || ctx.caption || "");
  const table = h("table", { class: "result", data: { scenario: String(ctx.scenario ?? "") } },
    h("caption", { class: "sr-only" }, caption),
    h("thead", {}, h("tr", {}, columns.map((c) => h("th", { scope: "col", class: colClass(c) }, c.head)),
      explained ? h("th", { scope: "col", class: "why" }, h("span", { class: "sr-only" }, "Forklaring")) : null)),
    h("tbody", {}, rows.map((r) => tableRow(columns, r, ctx, explained))),
    total ? h("tfoot", {}, tableRow(columns, total, ctx, explained)) : null);
  if (!ctx.first) ctx.first = table;
  return [
    section.heading ? h(level, {}, headingText(section.heading)) : null,
    section.summary ? h("p", { class: "summary" }, section.summary) : null,
    h("div", { class: "table-wrap" }, table),
    (section.notes || []).map((n) => h("p", { class: "note" }, n)),
  ];
}

/** The box "Hvorfor?" opens, below the table of the row it explains. */
function explanationBox() {
  const box = h("div", { id: "explanation", class: "explanation", hidden: true, tabindex: "-1", "aria-live": "polite" });
  let opener = null;
  const close = () => {
    box.hidden = true;
    opener?.setAttribute("aria-expanded", "false");
    opener?.focus();
  };
  box.addEventListener("keydown", (ev) => { if (ev.key === "Escape") close(); });
  const explain = (button, label, text) => {
    opener?.setAttribute("aria-expanded", "false");
    opener = button;
    button.setAttribute("aria-expanded", "true");
    const closeButton = h("button", { type: "button", class: "close" }, "Luk forklaringen");
    closeButton.addEventListener("click", close);
    fill(box, h("h3", {}, `Hvorfor? ${label}`), h("p", {}, text), closeButton);
    button.closest(".table-wrap").after(box);
    box.hidden = false;
    box.focus();
  };
  return { box, explain };
}

/** The shares of the view's main key (its largest table with shares) as bars: a picture, aria-hidden. */
function chart(view) {
  let best = null;
  for (const section of view.scenarios[0]?.sections || []) {
    const share = section.table.columns.findIndex((c) => c.key === "share");
    const rows = section.table.rows.filter((r) => r.explanation && r.cells[share]?.value && Number(r.cells[share].value) > 0);
    if (share >= 0 && rows.length > 1 && (!best || rows.length > best.rows.length)) best = { section, share, rows };
  }
  if (!best) return [];
  const { section, share, rows } = best;
  const max = Math.max(...rows.map((r) => Number(r.cells[share].value)));
  const head = section.table.columns[share].head;
  return [h("h3", {}, head.charAt(0).toUpperCase() + head.slice(1)),
    h("div", { id: "chart", class: "chart", "aria-hidden": "true" }, rows.map((r) => {
      const bar = h("span", { class: "fill" });
      // A width only (set through the style object, which the policy allows): a picture, never a figure anyone reads.
      bar.style.width = `${(100 * Number(r.cells[share].value) / max).toFixed(2)}%`;
      const { texts, header } = shownCells(section.table.columns, r);
      return h("div", { class: "bar" }, h("span", {}, texts[header]), h("span", {}, bar),
        h("span", { class: "v" }, r.cells[share].text));
    }))];
}

/** A table box that scrolls sideways (a wide grid on a phone) can be reached and scrolled with the keyboard. */
function markScrolling(body) {
  for (const wrap of body.querySelectorAll(".table-wrap")) {
    const scrolls = wrap.scrollWidth > wrap.clientWidth;
    if (scrolls) {
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", wrap.querySelector("caption")?.textContent || "");
    } else {
      wrap.removeAttribute("tabindex");
      wrap.removeAttribute("role");
      wrap.removeAttribute("aria-label");
    }
  }
}
let watched = null;
function watchScrolling(body) {
  markScrolling(body);
  if (watched !== body) {
    watched = body;
    window.addEventListener("resize", () => markScrolling(body));
  }
}

/** A document's view (present()) into `body`: per scenario its heading and every table, the chart, the assumptions. */
export function renderView(body, view) {
  const { box, explain } = explanationBox();
  const many = view.scenarios.length > 1;
  const ctx = { explain, first: null };
  const out = view.scenarios.map((sc, i) => {
    const c = Object.assign(ctx, { scenario: i, caption: sc.heading, suffix: many ? ` (${sc.name})` : "" });
    return [h("h3", { class: "scenario" }, sc.heading), sc.sections.map((s) => sectionBlock(s, c, "h4"))];
  });
  fill(body, out, box, chart(view),
    view.assumptions.length ? [h("h3", {}, headingText(view.assumptions_heading)),
      h("ul", { id: "assumptions" }, view.assumptions.map((a) => h("li", {}, a)))] : null);
  ctx.first?.setAttribute("id", "result-table");
  watchScrolling(body);
}

/** The meeting as a whole (meeting()) into `body`: its tables and the notes on what adds up. */
export function renderMeeting(body, view) {
  const ctx = { explain: () => {}, first: null, scenario: 0, caption: view.title };
  fill(body, h("div", { class: "meeting" }, view.sections.map((s) => sectionBlock(s, ctx, "h3"))));
  ctx.first?.setAttribute("id", "result-table");
  watchScrolling(body);
}
