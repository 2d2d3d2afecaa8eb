// The whole module on request. The page loads only the first-load module
// (pkg/andel_first.js: present, municipalities, years, numbers) at first
// load; what only the whole module can do (pkg/andel_wasm.js: the meeting
// as a whole, reading CSV, Hent CSV, a loaded file, a document with places
// in a table) loads it the first time it is needed, once, with one dynamic
// import. The single file carries both modules (it works from disk); there
// the whole one is started on request from the bytes it carries.

// The single file bundles the page's modules into one scope: names here are more-prefixed.
let moreLoading = null;
let moreWhole = null;

/** Thrown where the whole module is needed and not here yet: app.js loads it and computes again. */
export class NeedsMore extends Error {}

/** The whole module, loaded and started once (a failed load is tried again on the next call). */
export function more() {
  if (!moreLoading) {
    const bundled = globalThis.andelWhole;
    moreLoading = (bundled
      ? bundled.default({ module_or_path: Uint8Array.from(atob(globalThis.andelWholeBase64), (c) => c.charCodeAt(0)) }).then(() => bundled)
      : import("./pkg/andel_wasm.js").then(async (m) => {
        await m.default(); // its .wasm beside it
        return m;
      }))
      .then((m) => (moreWhole = m))
      .catch((e) => {
        moreLoading = null;
        throw e;
      });
  }
  return moreLoading;
}

/** The whole module when it is here; else NeedsMore is thrown. */
export function whole() {
  if (!moreWhole) throw new NeedsMore("the whole module is not loaded yet");
  return moreWhole;
}

/** present() of the first-load module; a document it leaves to the whole module (needsMore) goes there. */
export function presentAny(first, doc) {
  try {
    return first.present(doc);
  } catch (e) {
    if (e?.needsMore === true) return whole().present(doc);
    throw e;
  }
}
