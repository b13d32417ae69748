/* The reading edition's behaviour, on top of Material. Written by hand because
 * Material's tooltips show only a title attribute (nothing on a phone, no link
 * to the full entry) and no well-kept library does the rest without a CDN. */
(function () {
  "use strict";

  /* -- Glossary tooltips: hover and keyboard focus on desktop, tap on touch. -- */
  var opened = null;

  function tipFor(term) {
    return document.getElementById("tip-" + term.getAttribute("data-term"));
  }

  function place(tip, term) {
    var r = term.getBoundingClientRect();
    tip.hidden = false;
    var width = tip.offsetWidth;
    var left = Math.min(Math.max(8, r.left + window.scrollX), window.scrollX + document.documentElement.clientWidth - width - 8);
    tip.style.left = Math.max(8, left) + "px";
    tip.style.top = (r.bottom + window.scrollY + 6) + "px";
  }

  function show(term) {
    var tip = tipFor(term);
    if (!tip) return;
    if (opened && opened.tip !== tip) hide();
    place(tip, term);
    term.setAttribute("aria-expanded", "true");
    opened = { tip: tip, term: term };
  }

  function hide() {
    if (!opened) return;
    opened.tip.hidden = true;
    opened.term.setAttribute("aria-expanded", "false");
    opened = null;
  }

  function setupTerms() {
    var box = document.querySelector(".term-tips");
    if (!box) return;
    document.body.appendChild(box);
    Array.prototype.forEach.call(box.children, function (tip) { tip.hidden = true; });
    box.hidden = false;
    var touch = false;
    document.addEventListener("touchstart", function () { touch = true; }, { passive: true, capture: true });
    Array.prototype.forEach.call(document.querySelectorAll("a.term"), function (term) {
      term.setAttribute("aria-expanded", "false");
      term.addEventListener("mouseenter", function () { if (!touch) show(term); });
      term.addEventListener("mouseleave", function () { if (!touch && opened && opened.term === term) hide(); });
      // On touch, focus comes with the first tap, before its click: let the click decide.
      term.addEventListener("focus", function () { if (!touch) show(term); });
      term.addEventListener("blur", function (e) {
        if (opened && opened.term === term && !(e.relatedTarget && opened.tip.contains(e.relatedTarget))) hide();
      });
      term.addEventListener("click", function (e) {
        // On touch the first tap explains; the tooltip's link leads to the full entry.
        if (touch && !(opened && opened.term === term)) { e.preventDefault(); show(term); }
      });
    });
    document.addEventListener("click", function (e) {
      if (opened && !opened.tip.contains(e.target) && !opened.term.contains(e.target)) hide();
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && opened) { var term = opened.term; hide(); term.focus({ preventScroll: true }); }
    });
  }

  /* -- The language selector keeps the reader's place: same page, same #anchor. -- */
  function setupTwin() {
    Array.prototype.forEach.call(document.querySelectorAll("a[data-twin]"), function (link) {
      link.addEventListener("click", function () {
        if (location.hash) link.href = link.href.split("#")[0] + location.hash;
      });
    });
  }

  /* -- Sortable tables (metrics): click a column header to sort by it. -- */
  function cellValue(row, i) {
    var cell = row.cells[i];
    var raw = cell ? (cell.getAttribute("data-sort") || cell.textContent.trim()) : "";
    var n = parseFloat(raw.replace(/,/g, ""));
    return isNaN(n) ? raw : n;
  }

  function setupSort() {
    Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
      var body = table.tBodies[0];
      Array.prototype.forEach.call(table.tHead ? table.tHead.rows[0].cells : [], function (th, i) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "sort";
        while (th.firstChild) button.appendChild(th.firstChild);
        th.appendChild(button);
        th.setAttribute("aria-sort", "none");
        button.addEventListener("click", function () {
          var asc = th.getAttribute("aria-sort") !== "ascending";
          Array.prototype.forEach.call(th.parentNode.cells, function (c) { c.setAttribute("aria-sort", "none"); });
          th.setAttribute("aria-sort", asc ? "ascending" : "descending");
          var rows = Array.prototype.slice.call(body.rows);
          rows.sort(function (a, b) {
            var x = cellValue(a, i), y = cellValue(b, i);
            var d = (typeof x === "number" && typeof y === "number") ? x - y : String(x).localeCompare(String(y), "zh");
            return asc ? d : -d;
          });
          rows.forEach(function (r) { body.appendChild(r); });
        });
      });
    });
  }

  function init() { setupTerms(); setupTwin(); setupSort(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
