"""The exact search's data (search/blocks.json) and its hook into Material.

The browser side (ranking, deep links, both scripts, the empty result) is tested in
test_browser.py; here: what the worker is given, checked against the built pages.
"""

from __future__ import annotations

import json
import re
from importlib.metadata import version
from pathlib import Path

import pytest

from build_tools.annotate.load import load_report
from build_tools.cli import seeds_from_config
from build_tools.editions.search import page_blocks
from build_tools.editions.search_support import fold_map
from support.htmltext import source_items

HANT = "zh-Hant/"
EDITIONS = ["", HANT]
CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)


def blocks(site: Path, edition: str) -> dict:
    return json.loads((site / edition / "search" / "blocks.json").read_text(encoding="utf-8"))


# -- The hook into Material ---------------------------------------------------------------------


def test_material_is_the_version_the_search_worker_speaks_to():
    """search-worker.js answers Material's worker messages, and plugin.use_search_worker rewrites
    Material's page config, as mkdocs-material 9.8.2 defines them. On another version, check
    both against its source (src/.../integrations/search/worker/message, templates/search,
    base.html's config block), then change the version here."""
    assert version("mkdocs-material") == "9.8.2"


@pytest.mark.parametrize("edition", EDITIONS, ids=["zh-Hans", "zh-Hant"])
def test_pages_name_the_search_worker_and_its_fallback(site, edition):
    for page in ("index.html", "part-3/section-1/index.html", "404.html"):
        html = (site / edition / page).read_text(encoding="utf-8")
        search = json.loads(CONFIG.search(html).group(1))["search"]
        path, _, query = search.partition("?fallback=")
        assert path.endswith("assets/search-worker.js"), (page, search)
        worker = site / edition / "assets" / "search-worker.js"
        assert worker.is_file()
        assert re.fullmatch(r"javascripts/workers/search\.[0-9a-f]+\.min\.js", query), search
        assert (worker.parent / query).is_file(), f"{page}: the fallback worker {query} is not in the site"


@pytest.mark.parametrize("edition", EDITIONS, ids=["zh-Hans", "zh-Hant"])
def test_material_fetches_only_the_index_config(site, edition):
    """Material fetches search_index.json with every page: it holds no documents any more."""
    stub = json.loads((site / edition / "search" / "search_index.json").read_text(encoding="utf-8"))
    lunr = json.loads((site / edition / "search" / "lunr_index.json").read_text(encoding="utf-8"))
    assert stub == {"config": lunr["config"], "docs": []}
    assert len(lunr["docs"]) > 50


# -- The blocks ---------------------------------------------------------------------------------


@pytest.mark.parametrize("edition", EDITIONS, ids=["zh-Hans", "zh-Hant"])
def test_every_displayed_report_block_is_searched_with_its_text(site, edition):
    """Each element of report text a built page shows is a block of its page in blocks.json, with the same
    text under the same id: the search data is read from the final, converted pages, none left out."""
    data = blocks(site, edition)
    by_page: dict[str, dict[str, str]] = {}
    for n, block_id, heading, text, own in data["blocks"]:
        # The first block of an id is the element's own (text shown after a paragraph follows it).
        by_page.setdefault(data["pages"][n][0], {}).setdefault(block_id, heading + text if own else text)
    checked = 0
    for url, _, kind in data["pages"]:
        if kind != "report":
            continue
        for item_id, text in source_items((site / edition / url / "index.html").read_text(encoding="utf-8")):
            shown = re.sub(r"\s+", "", text)
            assert re.sub(r"\s+", "", by_page[url].get(item_id, "")) == shown, (url, item_id)
            checked += 1
    assert checked > 100


def test_blocks_follow_the_reading_order(site):
    urls = [url for url, _, _ in blocks(site, "")["pages"]]
    assert urls[:4] == ["", "part-1/", "part-1/section-1/", "part-1/section-2/"]
    assert urls.index("closing/") < urls.index("glossary/")


def test_glossary_entries_are_blocks_with_their_definition(site):
    data = blocks(site, "")
    glossary = [i for i, (_, _, kind) in enumerate(data["pages"]) if kind == "glossary"]
    assert len(glossary) == 1
    entry = next(b for b in data["blocks"] if b[0] == glossary[0] and b[2] == "河长制")
    assert re.fullmatch(r"g-[0-9a-f]{8}", entry[1]) and entry[4] == 1
    html = (site / "glossary" / "index.html").read_text(encoding="utf-8")
    definition = re.search(rf'<h3 id="{entry[1]}">.*?<p class="term-def">(.*?)</p>', html, re.S).group(1)
    assert definition and definition in entry[3]


def test_page_blocks_leave_out_what_is_not_shown():
    html = (
        '<h1 id="a">Title<a class="headerlink" href="#a">¶</a></h1><p>intro</p>'
        '<p id="b">One <a class="term" href="#">term</a>.</p>'
        '<div class="tips" hidden data-search-exclude><p id="c">tip</p></div>'
        '<h2 id="d">Sub</h2><ul><li>x</li><li>y</li></ul>'
    )
    got = [(b.id, b.heading, b.text, b.is_heading) for b in page_blocks(html, "Page")]
    assert got == [("a", "Title", "intro", True), ("b", "Title", "One term.", False), ("d", "Sub", "x\ny", True)]


# -- Either script --------------------------------------------------------------------------------


def test_fold_joins_the_characters_the_conversion_confuses():
    seeds = seeds_from_config()
    fold = fold_map(seeds, load_report(seeds), ["s2tw"])

    def folded(s: str) -> str:
        return "".join(fold.get(c, c) for c in s)

    assert folded("營商環境") == folded("营商环境") == "营商环境"
    assert folded("幹部") == folded("干部")
    # 着 becomes 著 (着力 -> 著力) and 著 stays 著 (显著 -> 顯著): one class, whichever way typed.
    assert folded("著力") == folded("着力") and folded("显著") == folded("顯著")
    assert folded("制度") == "制度"


def test_both_editions_fold_alike(site):
    assert blocks(site, "")["fold"] == blocks(site, HANT)["fold"]
    assert blocks(site, "")["fold"]["營"] == "营"
