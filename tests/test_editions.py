"""The two editions side by side: zh-Hans at the site root, its zh-Hant twin under zh-Hant/.

Only the text may differ between a page and its twin; links, ids and
numbers are the same, the language selector and hreflang alternates
point at the twin, and each edition has its own search index.
"""

from __future__ import annotations

import functools
import gzip
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from urllib.parse import urljoin

import opencc
import pytest
from test_hant import IN_CONTEXT, SHARED_CHARS

from build_tools.editions.hant import load_corrections
from build_tools.mkdocs_plugin.config import load_site_config
from conftest import ROOT
from support.htmlpage import Page, parse_page
from support.htmltext import source_items

HANT = "zh-Hant/"
# The English edition's folder (its own tests: test_english.py).
EN = "en/"
SITE_URL = load_site_config(ROOT / "mkdocs.yml").site_url
CORRECTIONS = load_corrections(ROOT / "seeds" / "zh-hant-corrections.yml")
NUMBER = re.compile(r"\d[\d.,%]*")
CC = opencc.OpenCC("s2tw")


# --- reading the built site -----------------------------------------------------------------


def hans_files(site: Path) -> set[str]:
    return {
        p.relative_to(site).as_posix()
        for p in site.rglob("*")
        if p.is_file() and not p.relative_to(site).as_posix().startswith((HANT, EN))
    }


def hant_files(site: Path) -> set[str]:
    return {p.relative_to(site / HANT).as_posix() for p in (site / HANT).rglob("*") if p.is_file()}


def html_pages(site: Path) -> list[str]:
    """Paths of the zh-Hans HTML pages, relative to the site root (the zh-Hant twin has the same path)."""
    return sorted(p for p in hans_files(site) if p.endswith(".html"))


def page_url(rel: str, edition: str = "") -> str:
    """The public URL of a built page (directory URLs for index.html)."""
    return SITE_URL + edition + rel.removesuffix("index.html")


def edition_of(url: str) -> str:
    return HANT if url.startswith(SITE_URL + HANT) else ""


def _parse(path: Path) -> Page:
    return parse_page(path)


def pair(site: Path, rel: str) -> tuple[Page, Page]:
    return _parse(site / rel), _parse(site / HANT / rel)


@functools.cache
def _items(path: Path) -> list[tuple[str, str]]:
    return source_items(path.read_text(encoding="utf-8"))


def report_text(site: Path, edition: str) -> str:
    """The report's own text as displayed in one edition, page after page."""
    return "\n".join(t for rel in html_pages(site) for _, t in _items(site / edition / rel))


# --- Simplified-only characters ---------------------------------------------------------------


def _hant_word(word: str, shared: str) -> str:
    """A word of SHARED_CHARS as the zh-Hant edition writes it: the shared character kept, the rest converted."""
    return "".join(ch if ch == shared else CC.convert(ch) for ch in word)


# Characters both Simplified and Traditional, allowed only inside these zh-Hant words:
# tests/test_hant.py's allow-list for the report, plus two words of the editors' glossary
# definitions (seeds/glossary.yml) where 干 and 准 are also the Traditional form.
ALLOWED_IN = {ch: tuple(_hant_word(w, ch) for w in words) for ch, words in SHARED_CHARS.items()}
ALLOWED_IN["干"] = ("若干",)  # some, several (若干配套专项政策): 干 in Traditional too, not 幹/乾
ALLOWED_IN["准"] = ("批准",)  # approve: 批准 in Taiwan's standard too, not 批準
SELECTOR_LABEL = "简体中文"  # the language selector's name of the zh-Hans edition, deliberately Simplified


def simplified_left(text: str) -> list[str]:
    """Characters OpenCC s2tw would still change, outside the allowed words, with some context."""
    found = []
    for i, ch in enumerate(text):
        if CC.convert(ch) == ch:
            continue
        words = ALLOWED_IN.get(ch, ())
        if any(text[i - k : i - k + len(w)] == w for w in words for k in range(len(w)) if w[k] == ch and i >= k):
            continue
        found.append(f"{ch} in …{text[max(0, i - 6) : i + 7]}…")
    return found


# --- 1. twins ------------------------------------------------------------------------------------


def test_every_file_has_a_twin(site):
    hans, hant = hans_files(site), hant_files(site)
    assert "404.html" in hans and "404.html" in hant
    assert {
        "metrics/metrics.csv",
        "metrics/metrics.json",
        "search/search_index.json",
        "search/blocks.json",
        "search/lunr_index.json",
        "sitemap.xml",
    } <= hans
    assert sorted(hans - hant) == [], "zh-Hans files without a zh-Hant twin"
    assert sorted(hant - hans) == [], "zh-Hant files without a zh-Hans twin"


def test_html_pages_are_twinned(site):
    pages = html_pages(site)
    assert len(pages) > 20
    assert sorted(p for p in hant_files(site) if p.endswith(".html")) == pages


@pytest.mark.parametrize("name", ["metrics/metrics.csv", "metrics/metrics.json"])
def test_data_files_differ_only_in_text(site, name):
    hans = (site / name).read_text(encoding="utf-8")
    hant = (site / HANT / name).read_text(encoding="utf-8")
    assert NUMBER.findall(hans) == NUMBER.findall(hant)
    assert len(hans.splitlines()) == len(hant.splitlines())
    assert hans != hant, "the zh-Hant data file is not converted"
    assert not simplified_left(hant)
    if name.endswith(".json"):
        assert shape(json.loads(hans)) == shape(json.loads(hant))


def shape(value):
    """A JSON value with every string replaced by the type str: what must not differ between editions."""
    if isinstance(value, dict):
        return {k: shape(x) for k, x in value.items()}
    if isinstance(value, list):
        return [shape(x) for x in value]
    return value if isinstance(value, (int, float, bool)) or value is None else str


# --- 2. only text is converted ------------------------------------------------------------------


def edition_href(href: str, url: str) -> str:
    """An href as a path inside its own edition (absolute URL if it leaves the edition)."""
    target = urljoin(url, href)
    root = SITE_URL + edition_of(url)
    if target.startswith(root) and not (root == SITE_URL and target.startswith(SITE_URL + HANT)):
        return "~/" + target[len(root) :]
    return target


def is_selector(a: dict) -> bool:
    return "md-select__link" in (a.get("class") or "").split()


def is_edition_specific(a: dict) -> bool:
    """The language selector, and "报告错误" (its new issue names this edition's page, in its script)."""
    return is_selector(a) or "data-report-error" in a


def test_same_ids(site):
    for rel in html_pages(site):
        hans, hant = pair(site, rel)
        assert hans.ids, rel
        assert hant.ids == hans.ids, rel


def test_same_classes(site):
    for rel in html_pages(site):
        hans, hant = pair(site, rel)
        assert hant.classes == hans.classes, rel


def test_same_links(site):
    for rel in html_pages(site):
        hans, hant = pair(site, rel)
        a = [edition_href(x["href"], page_url(rel)) for x in hans.links if not is_edition_specific(x)]
        b = [edition_href(x["href"], page_url(rel, HANT)) for x in hant.links if not is_edition_specific(x)]
        assert a, rel
        assert b == a, rel
        a = [(x.get("rel"), edition_href(x["href"], page_url(rel))) for x in hans.head_links]
        b = [(x.get("rel"), edition_href(x["href"], page_url(rel, HANT))) for x in hant.head_links]
        assert ("canonical", "~/" + rel.removesuffix("index.html")) in a or rel == "404.html", rel
        assert b == a, rel
        # One link per edition: zh-Hans, zh-Hant, en.
        assert sum(map(is_selector, hant.links)) == sum(map(is_selector, hans.links)) == 3, rel


def test_same_numbers(site):
    for rel in html_pages(site):
        hans, hant = pair(site, rel)
        numbers = NUMBER.findall(hans.text)
        assert numbers, rel
        assert NUMBER.findall(hant.text) == numbers, rel


def test_text_is_converted(site):
    """Guards the comparisons above against comparing the zh-Hans pages with themselves."""
    for rel in html_pages(site):
        hans, hant = pair(site, rel)
        assert hant.text != hans.text, rel


# --- 3. language and Material's labels ------------------------------------------------------------


def test_html_lang(site):
    for rel in html_pages(site):
        hans, hant = pair(site, rel)
        assert (hans.html_lang, hant.html_lang) == ("zh-Hans", "zh-Hant"), rel


def test_material_labels_per_edition(site):
    for rel in html_pages(site):
        hans_html = (site / rel).read_text(encoding="utf-8")
        hant_html = (site / HANT / rel).read_text(encoding="utf-8")
        assert 'placeholder="搜索"' in hans_html and 'placeholder="搜尋"' not in hans_html, rel
        assert 'placeholder="搜尋"' in hant_html and 'placeholder="搜索"' not in hant_html, rel
        assert 'aria-label="目录"' in hans_html and 'aria-label="目錄"' in hant_html, rel
        config = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)
        hans_t = json.loads(config.search(hans_html).group(1))["translations"]
        hant_t = json.loads(config.search(hant_html).group(1))["translations"]
        assert hans_t["search.result.none"] != hant_t["search.result.none"], rel


def test_search_messages_are_traditional(site):
    """The zh-Hant search messages (Material's translations, in the page's __config JSON)."""
    config = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)
    html = (site / HANT / "index.html").read_text(encoding="utf-8")
    translations = json.loads(config.search(html).group(1))["translations"]
    assert {k: simplified_left(v) for k, v in translations.items() if simplified_left(v)} == {}


# --- 4. language selector and hreflang alternates -------------------------------------------------


def test_selector_links_to_the_twin(site):
    for rel in html_pages(site):
        if rel == "404.html":
            continue
        hans, hant = pair(site, rel)
        assert urljoin(page_url(rel), hans.selector("zh-Hant")["href"]) == page_url(rel, HANT), rel
        assert urljoin(page_url(rel, HANT), hant.selector("zh-Hans")["href"]) == page_url(rel), rel
        assert urljoin(page_url(rel), hans.selector("zh-Hans")["href"]) == page_url(rel), rel
        assert urljoin(page_url(rel, HANT), hant.selector("zh-Hant")["href"]) == page_url(rel, HANT), rel


@pytest.mark.parametrize("edition, other", [("", HANT), (HANT, "")])
def test_404_selector_links_to_the_other_edition(site, edition, other):
    """A 404 page is served at any missing URL, so its links cannot be relative (MkDocs makes its
    own 404 links absolute for this reason); the selector leads to the other edition's 404 or home."""
    page = _parse(site / edition / "404.html")
    href = page.selector("zh-Hant" if other else "zh-Hans")["href"]
    assert href.startswith(("/", "https://")), f"relative link {href!r} on a 404 page breaks at deeper URLs"
    assert urljoin(page_url("404.html", edition), href) in (page_url("404.html", other), page_url("", other))


def test_hreflang_alternates(site):
    assert SITE_URL.startswith("https://") and SITE_URL.endswith("/")
    for rel in html_pages(site):
        if rel == "404.html":
            continue
        want = {("zh-Hans", page_url(rel)), ("zh-Hant", page_url(rel, HANT)), ("en", page_url(rel, EN))}
        for page in pair(site, rel):
            got = [(a["hreflang"], a["href"]) for a in page.alternates]
            assert len(got) == 3 and set(got) == want, rel


# --- 5. sitemap ----------------------------------------------------------------------------------


def sitemap_locs(path: Path) -> list[str]:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    return [loc.text.strip() for loc in ET.parse(path).getroot().findall("s:url/s:loc", ns)]


def test_root_sitemap_lists_every_edition(site):
    pages = [p for p in html_pages(site) if p != "404.html"]
    locs = sitemap_locs(site / "sitemap.xml")
    assert len(locs) == len(set(locs))
    assert set(locs) == {page_url(p, edition) for p in pages for edition in ("", HANT, EN)}
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()) == (site / "sitemap.xml").read_bytes()


def test_zh_hant_sitemap(site):
    pages = [p for p in html_pages(site) if p != "404.html"]
    assert set(sitemap_locs(site / HANT / "sitemap.xml")) == {page_url(p, HANT) for p in pages}
    assert gzip.decompress((site / HANT / "sitemap.xml.gz").read_bytes()) == (site / HANT / "sitemap.xml").read_bytes()


# --- 6. pinned conversions in the built pages ------------------------------------------------------

# The pins of the raw conversion (tests/test_hant.py), checked again as the site displays them.
PINNED = {**IN_CONTEXT, **CORRECTIONS}


def glossary_text(site: Path, edition: str, page: str = "glossary") -> str:
    """The glossary page's visible text (definitions are converted with the same table)."""
    html = (site / edition / page / "index.html").read_text(encoding="utf-8")
    return re.sub(r"<[^>]+>", "", html[html.index("<article") : html.index("</article>")])


def metrics_text(site: Path, edition: str) -> str:
    """The metrics page's visible text (outcomes' labels and notes are editors' text, converted alike)."""
    return glossary_text(site, edition, "metrics")


@pytest.mark.parametrize("hans, hant_form", sorted(PINNED.items()))
def test_pinned_conversion_displayed(site, hans, hant_form):
    for text in (report_text, glossary_text, metrics_text):
        want = text(site, "").count(hans)
        if want:
            assert text(site, HANT).count(hant_form) >= want
            return
    pytest.fail(f"{hans} is displayed neither in the report, the glossary nor the metrics page; the pin is stale")


# Forms OpenCC produces out of context, wrong wherever they appear in this site.
WRONG_FORMS = {
    "髮展": "发展 is 發展 (develop); 髮 is hair",
    "觀唸": "观念 is 觀念 (idea); 唸 is to read aloud",
    # Taiwan's standard forms (Ministry of Education) write 布 (發布、公布、分布、布局): s2tw gives the variant 佈.
    "發佈": "发布 is 發布 in Taiwan's standard form, as 公布 and 分布",
    "佈": "布 stays 布 in Taiwan's standard forms (發布、公布、分布、布局); 佈 is a variant",
}


@pytest.mark.parametrize("wrong", sorted(WRONG_FORMS))
def test_wrong_form_nowhere(site, wrong):
    found = []
    for path in sorted(site.rglob("*")):
        if path.suffix in (".html", ".json", ".csv", ".xml", ".js") and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            found += [
                f"{path.relative_to(site)}: …{text[max(0, m.start() - 12) : m.end() + 4]}…"
                for m in re.finditer(wrong, text)
            ]
    assert not found, WRONG_FORMS[wrong]


# --- 7. no Simplified-only character left ----------------------------------------------------------


def test_no_simplified_character_in_visible_text(site):
    leftovers = {}
    for rel in html_pages(site):
        page = _parse(site / HANT / rel)
        labels = [t for t, in_selector in page.texts if in_selector and t.strip()]
        assert labels == [SELECTOR_LABEL], rel
        text = "".join(t for t, in_selector in page.texts if not in_selector)
        if found := simplified_left(text):
            leftovers[rel] = found
    assert not leftovers


def test_simplified_label_only_in_the_selector(site):
    """The allowance above is narrow: the zh-Hans pages do say 简体中文 in the selector."""
    assert simplified_left("简体中文") and simplified_left("发展")
    for rel in html_pages(site):
        hans = _parse(site / rel)
        assert [t for t, sel in hans.texts if sel and t.strip()] == [SELECTOR_LABEL], rel


def test_no_simplified_character_in_tooltips_and_labels(site):
    """title, placeholder, alt and aria-label texts are read too (hover, screen readers)."""
    leftovers = set()
    for rel in html_pages(site):
        for name, value in _parse(site / HANT / rel).attr_texts:
            if found := simplified_left(value):
                leftovers.add(f'{name}="{value}": {found}')
    assert not sorted(leftovers)


# --- 8. search indexes (Material's, which the search falls back to) ------------------------------

LUNR_INDEX = "search/lunr_index.json"


@functools.cache
def _index(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def index_text(doc: dict) -> str:
    return re.sub(r"<[^>]+>", "", doc["title"] + "\n" + doc["text"])


def test_search_index_locations(site):
    hans = _index(site / LUNR_INDEX)["docs"]
    hant = _index(site / HANT / LUNR_INDEX)["docs"]
    assert hans and hant
    assert not [d["location"] for d in hans if d["location"].startswith(HANT)]
    assert not [d["location"] for d in hant if HANT.rstrip("/") in d["location"] or "://" in d["location"]]
    for doc in hant:
        page = doc["location"].split("#")[0]
        assert (site / HANT / page / "index.html").is_file(), doc["location"]
    assert [d["location"] for d in hant] == [d["location"] for d in hans]


def test_zh_hant_search_index_is_traditional(site):
    docs = _index(site / HANT / LUNR_INDEX)["docs"]
    text = "\n".join(index_text(d) for d in docs)
    for absent in ("发", "乌", "干部", "发展", "乌海"):
        assert absent not in text
    for present in ("發", "烏", "幹部", "發展", "烏海"):
        assert present in text
    leftovers = {}
    for doc in docs:
        if found := simplified_left(index_text(doc).replace("\u200b", "")):
            leftovers[doc["location"]] = found
    assert not leftovers


def whole_tokens(text: str, word: str) -> tuple[int, int]:
    """(occurrences delimited by \\u200b or a line's edges, occurrences once the \\u200b are removed) of word."""
    whole = re.findall(rf"(?:^|(?<=\u200b)){re.escape(word)}(?=\u200b|$)", text, re.M)
    return len(whole), text.replace("\u200b", "").count(word)


@pytest.mark.parametrize("edition, word", [("", "五个大起底"), (HANT, "五個大起底"), (HANT, "烏海湖")])
def test_search_index_keeps_words_whole(site, edition, word):
    docs = _index(site / edition / LUNR_INDEX)["docs"]
    text = "\n".join(part for d in docs for part in re.split(r"<[^>]+>|\n", d["title"] + "\n" + d["text"]))
    whole, everywhere = whole_tokens(text, word)
    assert everywhere, f"{word} is not in the index"
    assert whole == everywhere, (
        f"{word} is split or glued to a neighbour in {everywhere - whole} of {everywhere} places"
    )


# --- 9. query map (the fallback search's Simplified -> Traditional, in search/blocks.json) ----------


def query_map(site: Path) -> dict[str, str]:
    return _index(site / HANT / "search" / "blocks.json")["query"]


def test_query_map_only_in_zh_hant(site):
    mapping = query_map(site)
    assert mapping["乌"] == "烏" and mapping["干"] == "幹" and mapping["发"] == "發"
    # zh-Hans queries its (Simplified) fallback index through the fold alone.
    assert "query" not in _index(site / "search" / "blocks.json")


def test_query_map_gives_the_most_frequent_form(site):
    """A Simplified character typed into the zh-Hant search becomes its most frequent form in the
    displayed report; a character that mostly stays as it is must not be mapped away
    (制度 typed as 製度 would find nothing)."""
    forms: dict[str, Counter] = {}
    for rel in html_pages(site):
        hans, hant = _items(site / rel), _items(site / HANT / rel)
        assert [i for i, _ in hans] == [i for i, _ in hant], rel
        for (_, a), (_, b) in zip(hans, hant, strict=True):
            assert len(a) == len(b), rel
            for s, t in zip(a, b, strict=True):
                forms.setdefault(s, Counter())[t] += 1
    assert forms["干"].most_common(1)[0][0] == "幹"
    mapping = query_map(site)
    wrong = {
        s: (mapping.get(s, s), dict(c)) for s, c in sorted(forms.items()) if mapping.get(s, s) != c.most_common(1)[0][0]
    }
    assert not wrong, f"character: (mapped to, forms displayed): {wrong}"
