/* Parallel reading in a translated edition: each block's Chinese original is a <details> under it
 * (works without JavaScript). This adds what needs a script: one button for every original of
 * the page, and on a wide screen (where CSS sets them side by side) every original open. */
(function () {
  "use strict";
  var WIDE = window.matchMedia("(min-width: 76.25em)");

  function originals() {
    return document.querySelectorAll("details.original");
  }

  function setAll(open) {
    Array.prototype.forEach.call(originals(), function (d) { d.open = open; });
  }

  function setup() {
    var button = document.querySelector("button.originals-all");
    if (WIDE.matches) setAll(true);
    if (!button) return;
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-pressed") !== "true";
      setAll(open);
      button.setAttribute("aria-pressed", String(open));
      button.textContent = button.getAttribute(open ? "data-hide" : "data-show");
    });
  }

  WIDE.addEventListener("change", function (e) { if (e.matches) setAll(true); });
  /* Material's instant loading replaces the page without a new load; document$ says when. */
  if (window.document$) window.document$.subscribe(setup);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
