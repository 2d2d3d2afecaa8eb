// Runs before the calculator (a plain script, so it runs where a module
// cannot): says in Danish why the page cannot work, when it cannot. The
// calculator (app.js) says the rest: the WebAssembly file failed to load.
(function () {
  "use strict";
  var root = document.documentElement;
  function say(text) {
    var show = function () {
      var box = document.getElementById("boot-message");
      if (!box) return;
      box.textContent = text;
      box.className = "boot failed";
      root.className += " cannot-run";
    };
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
    else show();
  }
  if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
    say("Beregneren kan ikke køre i denne browser, fordi browseren ikke kan WebAssembly (eller det er slået fra). " +
      "Brug en nyere udgave af Edge, Chrome, Firefox eller Safari.");
    return;
  }
  // index.html opened from disk: browsers do not load a page's modules from there (the single
  // file has none to load). A script of the page that cannot be loaded: a missing file, a
  // blocked request.
  var onDisk = location.protocol === "file:" && !root.hasAttribute("data-single-file");
  window.addEventListener("error", function (ev) {
    var t = ev.target;
    if (!t || t.tagName !== "SCRIPT" || window.andelReady) return;
    say(onDisk
      ? "Siden er åbnet direkte fra disken, og sådan kan den ikke starte. Brug i stedet filen andel-fordeling.html " +
        "(den virker ved dobbeltklik, også uden net), eller læg hele mappen på en webserver."
      : "Beregneren kunne ikke starte: en af sidens filer kunne ikke hentes. Tjek forbindelsen og genindlæs siden. " +
        "Virker det stadig ikke, så brug den samlede fil andel-fordeling.html.");
  }, true);
})();
