"""`make bench`: how long the generator and the build take, and what a phone downloads.

Figures are medians of several runs; nothing here asserts a time (speed is
measured, never tested). The first view is measured on the site the last timed
build made, served by `devserver` under the path of the site_url, as
`make lighthouse` serves it; its page is the first section of the report's
last part (`devserver.section_page`) unless one is named:

    python -m tools.bench [PAGE]

`--search` (`make search-bench`) measures search alone, per edition: the share
of sampled phrases whose first result holds them, and the bytes opening search
fetches (see :func:`search_bench`); `--search --site DIR` measures a site built
before (another commit's, to compare)."""

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

import yaml

from build_tools.annotate.load import load_report
from build_tools.cli import seeds_from_config
from build_tools.editions.build import build_edition
from build_tools.mkdocs_plugin.config import load_site_config, report_options
from build_tools.mkdocs_plugin.editions import entries
from build_tools.mkdocs_plugin.preview import ERROR_ID
from build_tools.model import report_text
from build_tools.parse.numerals import DIGITS
from build_tools.seeds import memo
from tools.browsing import PHONE, open_search, print_sizes, short, transfer_sizes
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
from tools.libtime import library_times
from tools.search_bench import search_bench
from tools.stock import write_stock_project

RUNS = 5


def median_time(fn, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def conversion(seeds) -> float:
    """The zh-Hant conversion (OpenCC s2tw and the correction table) of the whole report text, once.

    Was a test's time limit (ten conversions under 2 s); a time is measured here, never asserted.
    """
    from build_tools.editions.hant import Converter, load_corrections

    text = seeds.report.read_text(encoding="utf-8")
    convert = Converter(corrections=load_corrections(seeds.corrections) if seeds.corrections else {}).convert
    convert(text)  # OpenCC's dictionaries, loaded once per process
    return median_time(lambda: convert(text))


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


def generator(seeds, translated: bool = True, libraries: dict[str, float] | None = None) -> float:
    """Parse to Markdown, every edition (each with the others, as the plugin builds it).

    Each run starts from nothing: what the editions share (`build_tools.seeds.memo`) is
    forgotten first. jieba's own dictionary stays loaded, as it is once per process.
    Without ``translated``, only the editions made from the Chinese text (a synthetic text has no translation).
    Given ``libraries``, further runs fill it with the time spent in each library (:mod:`tools.libtime`).
    """
    every = [e for e in entries(report_options(load_site_config(CONFIG))) if translated or not e.translation]

    def run() -> None:
        memo.clear()
        for e in every:
            build_edition(seeds, e, [o for o in every if o != e])

    run()  # jieba's dictionary and OpenCC's, loaded once per process
    median = median_time(run)
    if libraries is not None:
        libraries.update(library_times(run, RUNS))
    return median


def whole_build(work: Path, runs: int = 5, seeds=None) -> tuple[float, float, Path]:
    """Median times of `runs` fresh builds of the site and of the stock baseline (tools/stock.py), alternated
    so that both meet the same load; and the last build's site, kept for the first view."""
    stock_config = write_stock_project(seeds or seeds_from_config(), work / "stock")
    times: dict[str, list[float]] = {"site": [], "stock": []}
    out = None
    for run in range(runs):
        for what, config in (("site", CONFIG), ("stock", stock_config)):
            site = work / f"{what}-{run + 1}"
            start = time.perf_counter()
            build_site(site, config)
            times[what].append(time.perf_counter() - start)
            if what == "site":
                if out is not None:
                    shutil.rmtree(out)
                out = site
            else:
                shutil.rmtree(site)
    assert out is not None, runs
    return statistics.median(times["site"]), statistics.median(times["stock"]), out.resolve()


def print_builds(build: float, stock: float) -> None:
    """The whole build, the stock baseline, and their ratio (goal: at most 1.5)."""
    print(f"  whole build (every edition, mkdocs --strict): {build:8.2f} s")
    print(f"  stock baseline (tools/stock.py: bare text, both scripts, stock Material): {stock:8.2f} s")
    print(f"  ratio whole build / stock baseline: {build / stock:8.2f}x")


PREVIEW_EDITS = 5
ERROR_PAGE = f'id="{ERROR_ID}"'  # the preview's page for a broken seed file


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
                # The page itself: an error page naming the edited line would show the marker too.
                _wait_for(page, lambda text, m=marker: m in text and ERROR_PAGE not in text, 120)
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


FIRST_VIEW_LOADS = 3


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
    parser.add_argument("--quick", action="store_true", help="the generator and build times only (no browser)")
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
    libraries: dict[str, float] = {}
    t = generator(seeds, libraries=libraries)
    print(f"  generator, report, every edition (3):        {t * 1000:8.1f} ms")
    spent = ", ".join(f"{name} {seconds * 1000:.0f} ms" for name, seconds in libraries.items())
    print(f"    of which in libraries: {spent}; together {sum(libraries.values()) * 1000:.0f} ms")
    t_zh = generator(seeds, translated=False)
    print(f"  generator, report, the Chinese editions (2): {t_zh * 1000:8.1f} ms")
    print(f"  zh-Hant conversion of the report text:       {conversion(seeds) * 1000:8.1f} ms")
    with tempfile.TemporaryDirectory() as tmp:
        report, glossary, count = synthetic(seeds, Path(tmp))
        # Without the not-a-term list and the correction table: they name phrases of the real glossary.
        seeds10 = dataclasses.replace(
            seeds, report=report, glossary=glossary, search_words=None, not_terms=None, corrections=None
        )
        t10 = generator(seeds10, translated=False)
        size = report.stat().st_size // 1024
        print(
            f"  generator, 10x report ({size} KiB) + {count}-term glossary, the Chinese editions:"
            f" {t10 * 1000:8.1f} ms  ({t10 / t_zh:.1f}x)"
        )
    if args.quick:
        with tempfile.TemporaryDirectory() as work:
            build, stock, _ = whole_build(Path(work), seeds=seeds)
        print_builds(build, stock)
        return 0
    hans, hant = preview()
    print(
        f"  preview (make serve): a glossary edit saved -> on the served page, zh-Hans: {hans:5.2f} s,"
        f" zh-Hant: {hant:5.2f} s"
    )
    with tempfile.TemporaryDirectory() as work:
        build, stock, site = whole_build(Path(work), seeds=seeds)
        print_builds(build, stock)
        first_view(site, page_path, label)
        if args.page is None:  # the same page in the English edition, its Chinese originals included
            first_view(site, "en/" + page_path, "en/" + label)
        search_bench(site, seeds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
