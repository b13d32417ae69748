/* The edition's search, as Material for MkDocs' search worker.
 *
 * Material lets a site name its own search worker (the page config's "search",
 * set by the report plugin) as long as it speaks Material's messages: SETUP,
 * READY, QUERY and RESULT, the result in the shape Material's result list renders.
 * Written for mkdocs-material 9.8.2 (tests/test_search.py pins it).
 *
 * 1. Exact first: every block of the displayed text that contains the query
 *    verbatim (search/blocks.json, fetched at the first query) is listed, each
 *    with its sentence, the query marked, and a link to the block's #id. Query and
 *    text are both folded with the project's own conversion read backwards
 *    (blocks.json "fold"), so either script finds the text in either edition,
 *    and fullwidth digits, letters and signs count as their ASCII forms.
 * 2. A query that names a glossary term lists the glossary entry first.
 * 3. Only when nothing matches verbatim, the query goes to Material's own worker
 *    on Material's jieba-segmented index (search/lunr_index.json, fetched then).
 */
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3; // Material's SearchMessageType
var HERE = new URL(self.location.href);
var BLOCKS = new URL("../search/blocks.json", HERE);
var LUNR_INDEX = new URL("../search/lunr_index.json", HERE);
var FALLBACK = HERE.searchParams.get("fallback");
var SNIPPET = 90; // characters of a long sentence shown around the match
var SHOWN = 3; // places shown per page; Material folds the others into "N more on this page"

var options = {};
var data = null; // promise of the prepared blocks
var fallback = null; // promise of Material's worker, set up
var queue = Promise.resolve(); // answers leave in the order queries came

self.addEventListener("message", function (ev) {
  var message = ev.data;
  if (message.type === SETUP) {
    options = (message.data && message.data.options) || {};
    self.postMessage({ type: READY });
  } else if (message.type === QUERY) {
    queue = queue.then(function () { return answer(String(message.data || "")); })
      .catch(function (err) { console.warn(err); return { items: [] }; })
      .then(function (result) { self.postMessage({ type: RESULT, data: result }); });
  }
});

function answer(query) {
  if (!query.trim()) return Promise.resolve({ items: [] });
  return load().then(function (d) {
    var items = exact(d, query.trim());
    return items.length ? { items: items } : fuzzy(d, query);
  });
}

/* -- The blocks --------------------------------------------------------------------------- */

function load() {
  if (!data) {
    data = fetch(BLOCKS).then(function (r) {
      if (!r.ok) throw new Error(BLOCKS + ": " + r.status);
      return r.json();
    }).then(prepare);
    data.catch(function () { data = null; });
  }
  return data;
}

function prepare(d) {
  var fold = makeFold(d.fold);
  d.foldText = fold;
  d.blocks = d.blocks.map(function (b, n) {
    return { n: n, page: b[0], id: b[1], heading: b[2], text: b[3], own: b[4] === 1,
             fheading: fold(b[2]), ftext: fold(b[3]) };
  });
  return d;
}

// One character for one, so positions in the folded text are positions in the text.
function makeFold(map) {
  return function (s) {
    var out = "";
    for (var i = 0; i < s.length; i++) {
      var c = s[i], code = s.charCodeAt(i);
      if (map[c]) c = map[c];
      else if (code >= 0xff01 && code <= 0xff5e) c = String.fromCharCode(code - 0xfee0);
      else if (code === 0x3000) c = " ";
      out += c.toLowerCase().length === 1 ? c.toLowerCase() : c;
    }
    return out;
  };
}

/* -- Exact matches, as Material's result groups (one per page) ------------------------------ */

function positions(haystack, needle) {
  var out = [], i = haystack.indexOf(needle);
  while (i !== -1) { out.push(i); i = haystack.indexOf(needle, i + needle.length); }
  return out;
}

function exact(d, query) {
  var q = d.foldText(query), pages = {}, order = [];
  d.blocks.forEach(function (b) {
    var inHeading = b.own && b.fheading.indexOf(q) !== -1;
    var hits = positions(b.ftext, q);
    if (!inHeading && !hits.length) return;
    var page = d.pages[b.page], kind = page[2];
    var term = kind === "glossary" && b.own && b.fheading === q;
    var score = (term ? 4 : 0) + (inHeading ? 2 : 0) + Math.min(hits.length, 3) / 10 + 1;
    if (!pages[b.page]) { pages[b.page] = { page: b.page, kind: kind, term: false, best: 0, first: b.n, hits: [] }; order.push(pages[b.page]); }
    var group = pages[b.page];
    group.term = group.term || term;
    group.best = Math.max(group.best, score);
    group.hits.push(section(d, page, b, q, hits, inHeading, score));
  });
  order.sort(function (a, b) {
    return (b.term - a.term) || ((a.kind === "report" ? 0 : 1) - (b.kind === "report" ? 0 : 1)) ||
      (b.best - a.best) || (a.first - b.first);
  });
  return order.map(function (group) {
    var page = d.pages[group.page], hits = group.hits;
    hits.sort(function (a, b) { return (b.score - a.score) || (a.n - b.n); });
    // Material shows the places that score at least as high as the page (the group's first item),
    // folds the rest, and on Enter opens the link with the highest score (to two decimals): scores
    // falling by 0.02 keep this order, and the page's, 0.01 below the last place shown, goes last.
    hits.forEach(function (hit, i) { hit.score -= i * 0.02; });
    var threshold = hits[Math.min(SHOWN, hits.length) - 1].score - 0.01;
    var parent = { location: page[0], title: escapeHtml(page[1]), text: "", score: threshold, terms: hits[0].terms };
    return [parent].concat(hits);
  });
}

function section(d, page, b, q, hits, inHeading, score) {
  var shown = hits.length ? b.text.substr(hits[0], q.length) : b.heading.substr(b.fheading.indexOf(q), q.length);
  var terms = {};
  terms[shown] = true;
  return {
    location: b.id ? page[0] + "#" + b.id : page[0],
    title: inHeading ? mark(b.heading, b.fheading, q) : escapeHtml(b.heading),
    text: hits.length ? "<p>" + snippet(b.text, b.ftext, q, hits[0]) + "</p>" : "",
    score: score, terms: terms, n: b.n
  };
}

// The sentence that holds the match (cut around it when long), with the query marked.
function snippet(text, ftext, q, at) {
  var end = /[。！？；\n]/, start = at, stop = at + q.length;
  while (start > 0 && !end.test(text[start - 1])) start--;
  while (stop < text.length && !end.test(text[stop - 1] || "")) stop++;
  var before = "", after = "";
  if (stop - start > SNIPPET) {
    var from = Math.max(start, at - Math.floor((SNIPPET - q.length) / 3));
    var to = Math.min(stop, Math.max(at + q.length, from + SNIPPET));
    if (from > start) before = "…";
    if (to < stop) after = "…";
    start = from; stop = to;
  }
  return before + mark(text.slice(start, stop), ftext.slice(start, stop), q) + after;
}

function mark(text, ftext, q) {
  var out = "", pos = 0;
  positions(ftext, q).forEach(function (i) {
    out += escapeHtml(text.slice(pos, i)) + "<mark>" + escapeHtml(text.substr(i, q.length)) + "</mark>";
    pos = i + q.length;
  });
  return out + escapeHtml(text.slice(pos));
}

function escapeHtml(s) {
  return s.replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
}

/* -- No exact match: Material's own search on Material's index -------------------------------- */

function fuzzy(d, query) {
  if (!FALLBACK) return { items: [] };
  var q = "", map = d.query || d.fold;
  for (var i = 0; i < query.length; i++) q += map[query[i]] || query[i];
  return material().then(function (worker) { return ask(worker, { type: QUERY, data: q }, RESULT); })
    .then(function (message) { return message.data; });
}

function material() {
  if (!fallback) {
    fallback = fetch(LUNR_INDEX).then(function (r) {
      if (!r.ok) throw new Error(LUNR_INDEX + ": " + r.status);
      return r.json();
    }).then(function (index) {
      var worker = new Worker(new URL(FALLBACK, HERE));
      var setup = { config: index.config, docs: index.docs, options: options };
      return ask(worker, { type: SETUP, data: setup }, READY).then(function () { return worker; });
    });
    fallback.catch(function () { fallback = null; });
  }
  return fallback;
}

function ask(worker, message, type) {
  return new Promise(function (resolve, reject) {
    worker.onmessage = function (ev) { if (ev.data && ev.data.type === type) resolve(ev.data); };
    worker.onerror = function (ev) { reject(new Error("search fallback: " + (ev.message || "worker failed"))); };
    worker.postMessage(message);
  });
}
