// Keeps the form working offline once it has been opened: each of the
// site's own files is fetched from the network when there is one (so a new
// version shows at once; after 3 s without an answer the kept copy is used)
// and a copy kept; without a network the kept copy is served. Nothing
// outside the site is requested or kept. The copies are kept under this
// build's version (written by build-site.mjs), and older copies are removed,
// so a new page never runs with an old module.
const VERSION = "dev";
const CACHE = `andel-${VERSION}`;
const FILES = ["./", "./index.html", "./boot.js", "./app.js", "./render.js", "./state.js", "./errors.js", "./controls.js", "./cases.js", "./first.js", "./style.css",
  "./more.js", "./excel.js", "./pkg/andel_first.js", "./pkg/andel_first_bg.wasm"];
// The whole module (pkg/andel_wasm.js, loaded on request by more.js) and the Excel module are
// kept the first time they are fetched, like every file of the site.

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => event.waitUntil(
  caches.keys()
    .then((names) => Promise.all(names.filter((n) => n.startsWith("andel") && n !== CACHE).map((n) => caches.delete(n))))
    .then(() => self.clients.claim()),
));

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  const kept = () => caches.match(request, { ignoreSearch: true });
  const network = fetch(request).then((response) => {
    if (response.ok) {
      const copy = response.clone();
      event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
    }
    return response;
  });
  const slow = new Promise((resolve) => setTimeout(resolve, 3000)).then(kept);
  event.respondWith(
    Promise.race([network.catch(() => kept()), slow.then((r) => r || network)])
      .then((r) => r || network)
      .catch(() => kept().then((r) => r || Response.error())),
  );
});
