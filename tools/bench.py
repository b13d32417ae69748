"""`make bench`: how long the generator and the build take, and what a phone downloads.

Figures are medians of several runs; nothing here asserts a time (speed is
measured, never tested). The first view is measured on the site the last timed
build made, served by `devserver` under the path of the site_url, as
`make lighthouse` serves it; its page is the first section of the report's
last part (`devserver.section_page`) unless one is named:

    python -m build_tools.bench [PAGE]

`--search` (`make search-bench`) measures search alone, per edition: the share
of sampled phrases whose first result holds them, and the bytes opening search
fetches (see :func:`search_bench`); `--search --site DIR` measures a site built
before (another commit's, to compare).
"""

from __future__ import annotations

import argparse
import dataclasses
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from build_tools.annotate.load import load_report
from build_tools.cli import seeds_from_config
from build_tools.editions.build import build_edition
from build_tools.mkdocs_plugin.config import load_site_config, report_options
from build_tools.mkdocs_plugin.editions import entries
from build_tools.model import report_text
from build_tools.parse.numerals import DIGITS
from tools.devserver import (
    CHROMIUM,
    CHROMIUM_ARGS,
    CONFIG,
    SECTION,
    build_site,
    section_page,
    serve,
    site_prefix,
)

RUNS = 5


def median_time(fn, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def numeral(n: int) -> str:
    """1..99 as a heading numeral (一 … 九十九)."""
    tens, ones = divmod(n, 10)
    return ("" if tens < 2 else DIGITS[tens]) + ("十" if tens else "") + (DIGITS[ones] if ones else "")


def synthetic(seeds, tmp: Path, factor: int = 10, terms: int = 2000):
    """A report `factor` times longer (its parts repeated, renumbered) and a glossary of `terms` entries."""
    text = seeds.report.read_text(encoding="utf-8")
    lines = text.splitlines()
    first = next(i for i, line_ in enumerate(lines) if re.match(r"^\s*一、", line_))
    front, body = lines[:first], lines[first:]
    out, n = list(front), 0
    for _ in range(factor):
        for line in body:
            m = re.match(r"^(\s*)[一二三四五六七八九十]+、(.*)$", line)
            if m and len(line) < 50:
                n += 1
                line = f"{m.group(1)}{numeral(n)}、{m.group(2)}"
            out.append(line)
    report = tmp / "report.txt"
    report.write_text("\n".join(out), encoding="utf-8")
    body_text = report_text(load_report(seeds))
    words = sorted(
        {
            body_text[i : i + 4]
            for i in range(0, len(body_text) - 4, 3)
            if re.fullmatch(r"[\u4e00-\u9fff]{4}", body_text[i : i + 4])
        }
    )[:terms]
    glossary = [
        {"term": w, "en": "term", "category": "经济", "definition": f"合成词条{k}。", "basis": "合成数据"}
        for k, w in enumerate(words)
    ]
    path = tmp / "glossary.yml"
    path.write_text(yaml.safe_dump(glossary, allow_unicode=True), encoding="utf-8")
    return report, path, len(words)


def generator(seeds) -> float:
    """Parse to Markdown, every edition (each with the others, as the plugin builds it)."""
    every = entries(report_options(load_site_config(CONFIG)))
    return median_time(lambda: [build_edition(seeds, e, [o for o in every if o != e]) for e in every])


def whole_build(work: Path, runs: int = 3) -> tuple[float, Path]:
    """Median time of `runs` fresh builds into `work`; and the last build's site, kept for the first view."""
    times, out = [], None
    for run in range(runs):
        if out is not None:
            shutil.rmtree(out)
        out = work / f"site-{run + 1}"
        start = time.perf_counter()
        build_site(out)
        times.append(time.perf_counter() - start)
    assert out is not None, runs
    return statistics.median(times), out.resolve()


PREVIEW_EDITS = 5


def preview(edits: int = PREVIEW_EDITS) -> tuple[float, float]:
    """Save → served page under `mkdocs serve`: a glossary definition edited, until the preview shows it.

    A copy of the project is served (seeds are edited, never the real ones); the medians of
    ``edits`` edits are timed, viewing the zh-Hans and the zh-Hant glossary page in turn.
    """
    import os
    import socket
    import subprocess

    from build_tools.mkdocs_plugin.config import config_files
    from tools.devserver import ROOT, edition_paths

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for path in config_files(ROOT / "mkdocs.yml"):
            shutil.copy(path, work / path.relative_to(ROOT))
        for name in ("docs", "overrides", "seeds"):
            shutil.copytree(ROOT / name, work / name)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=work,
            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}{site_prefix()}"
        pages = [base + "glossary/", base + edition_paths()[0] + "glossary/"]
        glossary = work / "seeds" / "glossary.yml"
        original = glossary.read_text(encoding="utf-8")
        anchor = "  definition: "
        try:
            for page in pages:
                _wait_for(page, lambda text: "</html>" in text, 120)
            times: dict[str, list[float]] = {page: [] for page in pages}
            for k in range(2 * edits):
                page = pages[k % 2]
                _wait_for(page, lambda text: "</html>" in text, 120)  # the reader views this edition
                marker = f"edit-{k + 1:04d}"  # the same in both scripts
                glossary.write_text(original.replace(anchor, anchor + marker, 1), encoding="utf-8")
                start = time.perf_counter()
                _wait_for(page, lambda text, m=marker: m in text, 120)
                times[page].append(time.perf_counter() - start)
        finally:
            server.terminate()
            server.wait(timeout=30)
    return statistics.median(times[pages[0]]), statistics.median(times[pages[1]])


def _wait_for(url: str, predicate, timeout: float) -> str:
    """The page once predicate(page) holds; polled as a reader's reload would fetch it."""
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - our own local server
                text = response.read().decode("utf-8")
            if predicate(text):
                return text
        except OSError:
            pass
        time.sleep(0.02)
    raise TimeoutError(f"{url} did not show the edit within {timeout} s")


PHONE: dict[str, Any] = {
    "viewport": {"width": 360, "height": 740},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}
FIRST_VIEW_LOADS = 3


def transfer_sizes(context, action) -> dict[str, int]:
    """Bytes on the wire per URL for what `action()` fetches in `context`: encoded body + response headers.

    Sizes come from Playwright's `request.sizes()` (responseBodySize is the
    encoded, i.e. gzipped, body; responseHeadersSize the raw headers); requests
    from the page and its workers are both counted. Chromium reports no body
    size for a worker's own script (0), so for those the response's
    Content-Length (also the encoded size) is used; their URLs end in " *".
    """
    finished = []

    def record(request):
        finished.append(request)

    context.on("requestfinished", record)
    action()
    context.remove_listener("requestfinished", record)
    sizes: dict[str, int] = {}
    for request in finished:
        s = request.sizes()
        body, url = s["responseBodySize"], request.url
        if body <= 0:
            body = int(request.response().headers.get("content-length") or 0)
            url += " *" if body else ""
        sizes[url] = sizes.get(url, 0) + body + s["responseHeadersSize"]
    return sizes


# A word of the genre (every government work report speaks of 建设), not of this report.
QUERY = "建设"


def open_search(page) -> None:
    """Open the search dialog as a reader would (the header's search button) and type a query."""
    page.click('label.md-header__button[for="__search"]')
    page.fill("input.md-search__input", QUERY)
    page.press("input.md-search__input", "End")  # Material reads the query on keyup
    page.wait_for_function("() => /\\d|没有|沒有/.test(document.querySelector('.md-search-result__meta').textContent)")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)


def measure_loads(base_url: str, page_path: str, loads: int = FIRST_VIEW_LOADS):
    """`loads` fresh-context visits to `page_path` on a phone: [(first view sizes, opening-search sizes)]."""
    from playwright.sync_api import sync_playwright

    results = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        for _ in range(loads):
            context = browser.new_context(**PHONE)
            page = context.new_page()
            first = transfer_sizes(context, lambda page=page: page.goto(base_url + page_path, wait_until="networkidle"))
            search = transfer_sizes(context, lambda page=page: open_search(page))
            results.append((first, search))
            context.close()
        browser.close()
    return results


def served_gzip_size(base_url: str, path: str) -> int:
    """Bytes of `path` as the server sends it to a client that accepts gzip (the body only)."""
    import urllib.request

    request = urllib.request.Request(base_url + path, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request) as response:
        return len(response.read())


def short(url: str, base_url: str) -> str:
    return url[len(base_url) :] if url.startswith(base_url) else url


def print_sizes(sizes: dict[str, int], base_url: str) -> None:
    for url, n in sorted(sizes.items(), key=lambda kv: -kv[1]):
        print(f"      {n / 1000:7.1f} KB  {short(url, base_url)}")


def first_view(site: Path, page_path: str, what: str = "") -> None:
    """Measure and print what a phone downloads for a first view of `page_path`, and what search adds.

    The site is served under the path of the site_url, as `make lighthouse` serves it.
    """
    prefix = site_prefix()
    server, base_url = serve(site, prefix=prefix)
    try:
        results = measure_loads(base_url, page_path)
        index_gz = served_gzip_size(base_url, "search/search_index.json")
    finally:
        server.shutdown()
        server.server_close()
    totals = [sum(first.values()) for first, _ in results]
    first, search = results[totals.index(sorted(totals)[len(totals) // 2])]
    print(
        f"  first view of {prefix}{page_path}{f' ({what})' if what else ''}, 360x740 phone, Chromium, gzip,"
        f" median of {len(results)} fresh loads:"
        f" {statistics.median(totals) / 1000:8.1f} KB in {len(first)} responses"
    )
    print(
        f"    (bytes on the wire = encoded body + response headers, Playwright request.sizes();"
        f" * = body from Content-Length; loads: {', '.join(f'{t / 1000:.1f}' for t in totals)} KB)"
    )
    print_sizes(first, base_url)
    for label, key in (("search index", "search_index"), ("search worker script", "/workers/")):
        hits = sorted({short(u, base_url) for f, _ in results for u in f if key in u})
        print(f"  {label} fetched in the first view: {'YES: ' + ', '.join(hits) if hits else 'no'}")
    print(f"  search index, gzipped as served: {index_gz / 1000:8.1f} KB (search/search_index.json)")
    print(
        f"  opening search and typing a query then fetches: {sum(search.values()) / 1000:8.1f} KB"
        f" in {len(search)} responses"
    )
    print_sizes(search, base_url)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "page",
        nargs="?",
        help="path under the site_url's path for the first view (default: the first section of the last part)",
    )
    parser.add_argument("--search", action="store_true", help="measure search only (make search-bench)")
    parser.add_argument("--site", help="with --search: measure this built site (e.g. an older commit's) instead")
    args = parser.parse_args(argv)
    label, page_path = ("", args.page.lstrip("/")) if args.page is not None else (SECTION, section_page())
    seeds = seeds_from_config()
    if args.search and args.site:
        search_bench(Path(args.site), seeds)
        return 0
    if args.search:
        with tempfile.TemporaryDirectory() as work:
            site = Path(work) / "site"
            build_site(site)
            search_bench(site, seeds)
        return 0
    print("benchmark (medians)")
    t = generator(seeds)
    print(f"  generator, report, both editions:           {t * 1000:8.1f} ms")
    with tempfile.TemporaryDirectory() as tmp:
        report, glossary, count = synthetic(seeds, Path(tmp))
        # Without the not-a-term list and the correction table: they name phrases of the real glossary.
        seeds10 = dataclasses.replace(
            seeds, report=report, glossary=glossary, search_words=None, not_terms=None, corrections=None
        )
        t10 = generator(seeds10)
        size = report.stat().st_size // 1024
        print(f"  generator, 10x report ({size} KiB) + {count}-term glossary: {t10 * 1000:8.1f} ms  ({t10 / t:.1f}x)")
    hans, hant = preview()
    print(
        f"  preview (make serve): a glossary edit saved -> on the served page, zh-Hans: {hans:5.2f} s,"
        f" zh-Hant: {hant:5.2f} s"
    )
    with tempfile.TemporaryDirectory() as work:
        build, site = whole_build(Path(work))
        print(f"  whole build (both editions, mkdocs --strict): {build:8.2f} s")
        first_view(site, page_path, label)
        search_bench(site, seeds)
    return 0


# -- Search: does the first result hold what the reader typed? ----------------------------------

SAMPLE_SEED = 2023
SAMPLE_SIZE = 50
HAN = re.compile(r"[\u4e00-\u9fff]+")


def sample_phrases(text: str, seed: int = SAMPLE_SEED, size: int = SAMPLE_SIZE) -> dict[str, list[str]]:
    """Phrases a reader might remember, drawn from the displayed text by a fixed seed.

    "words": jieba's words and two-word phrases of 2-6 Han characters that occur
    1-3 times in the text; "substrings": spans of 4-8 characters of one line of
    the text, punctuation and digits included (each must be found exactly).
    """
    import random

    from build_tools.editions.search_support import _fresh_tokenizer

    words = [w for w in _fresh_tokenizer().lcut(text) if w.strip()]
    candidates = set()
    for i, w in enumerate(words):
        for phrase in (w, w + words[i + 1] if i + 1 < len(words) else ""):
            if 2 <= len(phrase) <= 6 and HAN.fullmatch(phrase) and 1 <= text.count(phrase) <= 3:
                candidates.add(phrase)
    rng = random.Random(seed)
    picked = rng.sample(sorted(candidates), min(size, len(candidates)))
    lines = [line for line in text.splitlines() if len(line) >= 8]
    spans = []
    for _ in range(size):
        line = rng.choice(lines)
        n = rng.randint(4, 8)
        start = rng.randrange(len(line) - n + 1)
        spans.append(line[start : start + n])
    return {"words": picked, "substrings": spans}


def first_results(page, query: str) -> tuple[str | None, str | None]:
    """Type `query` into the open search dialog: the href of the first result link, and of the first
    link to a place in a page (#id); None when there is none."""
    box = page.locator("input.md-search__input")
    answered = "() => /\\d|没有|沒有/.test(document.querySelector('.md-search-result__meta').textContent)"
    box.fill("")
    box.press("End")
    page.wait_for_function(f"() => !({answered})()", polling=20)
    box.fill(query)
    box.press("End")
    page.wait_for_function(answered, polling=20)
    return page.evaluate("""() => {
      const first = document.querySelector('.md-search-result__list a');
      const deep = document.querySelector('.md-search-result__list a[href*="#"]');
      return [first && first.href, deep && deep.href];
    }""")


# The text a link leads to: the block with that id (a heading: up to the next heading of its level
# or above), or the whole article when the link has no #anchor.
TARGET_TEXT = """id => {
  const article = document.querySelector('article');
  if (!id) return article.innerText;
  const el = document.getElementById(id);
  if (!el) return '';
  if (!/^H[1-6]$/.test(el.tagName)) return el.innerText;
  const level = +el.tagName[1];
  let text = el.innerText, n = el;
  const next = node => node.nextElementSibling || (node.parentElement !== article && node.parentElement
      ? next(node.parentElement) : null);
  while ((n = next(n))) {
    const h = n.matches('h1,h2,h3,h4,h5,h6') ? n : n.querySelector('h1,h2,h3,h4,h5,h6');
    if (h && +h.tagName[1] <= level) break;
    text += n.innerText;
  }
  return text;
}"""


def holds(viewer, href: str | None, phrase: str, cache: dict) -> bool:
    """Whether the place `href` leads to (its block, or its page without #anchor) says `phrase`."""
    from urllib.parse import urlsplit

    if not href:
        return False
    url = urlsplit(href)
    key = (url.path, url.fragment)
    if key not in cache:
        if urlsplit(viewer.url).path != url.path:
            viewer.goto(f"{url.scheme}://{url.netloc}{url.path}")
        cache[key] = viewer.evaluate(TARGET_TEXT, url.fragment)
    return phrase in cache[key]


def search_edition(browser, base_url: str, edition: str, queries: list[tuple[str, str]]):
    """Run (query typed, phrase of the text) pairs in one edition: how many first results, and how
    many first links to a place in a page, hold the phrase; and the queries whose first result does not."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page, viewer = context.new_page(), context.new_page()
    page.goto(base_url + edition, wait_until="networkidle")
    page.keyboard.press("/")
    first_hits, deep_hits, misses = 0, 0, []
    cache: dict = {}
    for typed, phrase in queries:
        first, deep = first_results(page, typed)
        first_hits += holds(viewer, first, phrase, cache)
        deep_hits += holds(viewer, deep, phrase, cache)
        if not holds(viewer, first, phrase, cache):
            misses.append(f"{typed} -> {first and first[len(base_url) :]}")
    context.close()
    return first_hits, deep_hits, misses


def search_bench(site: Path, seeds) -> None:
    """Print, per edition, the share of sampled phrases whose first search result holds them
    (typed in the edition's script and in the other one), and the bytes opening search fetches."""
    from playwright.sync_api import sync_playwright

    from build_tools.editions.transform import converter
    from build_tools.model import displayed_text
    from build_tools.parse.punct import to_display

    text = to_display(displayed_text(load_report(seeds)))
    samples = sample_phrases(text)
    hant = converter(seeds, "s2tw")
    server, base_url = serve(site)
    print(
        f"  search, first result holds the phrase (seed {SAMPLE_SEED}; "
        f"{', '.join(f'{len(v)} {k}' for k, v in samples.items())}):"
    )
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            for edition, own, other in (("", lambda s: s, hant), ("zh-Hant/", hant, lambda s: s)):
                name = edition.rstrip("/") or "zh-Hans"
                for kind, phrases in samples.items():
                    for script, conv in (("own script", own), ("other script", other)):
                        queries = [(conv(q), own(q)) for q in phrases]
                        if script == "other script" and all(a == b for a, b in queries):
                            continue
                        hits, deep, misses = search_edition(browser, base_url, edition, queries)
                        n = len(queries)
                        print(
                            f"    {name:8} {kind:10} typed in {script:12}: first result {hits:3}/{n}"
                            f" ({100 * hits / n:.0f}%), first link into a page {deep:3}/{n} ({100 * deep / n:.0f}%)"
                        )
                        for miss in misses[:5]:
                            print(f"        miss: {miss}")
                context = browser.new_context(**PHONE)
                page = context.new_page()
                page.goto(base_url + edition, wait_until="networkidle")
                sizes = transfer_sizes(context, lambda page=page: open_search(page))
                context.close()
                print(f"    {name:8} opening search and typing {QUERY} fetches {sum(sizes.values()) / 1000:.1f} KB:")
                print_sizes(sizes, base_url)
            browser.close()
    finally:
        server.shutdown()
        server.server_close()


if __name__ == "__main__":
    sys.exit(main())
