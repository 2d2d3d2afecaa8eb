// Keeps the form working offline once it has been opened: each of the
// site's own files is fetched from the network when there is one (so a new
// version shows at once) and a copy kept; without a network the kept copy
// is served. Nothing outside the site is requested or kept.
const CACHE = "andel";
const FILES = ["./", "./index.html", "./app.js", "./style.css", "./pkg/andel_wasm.js", "./pkg/andel_wasm_bg.wasm"];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
        }
        return response;
      })
      .catch(() => caches.match(request, { ignoreSearch: true }).then((kept) => kept || Response.error())),
  );
});
