"""Real-browser tests: Debian's Chromium driven by Playwright against the built site.

The whole site (both editions) is served from 127.0.0.1 by `build_tools.devserver`
(the server `make bench` and `make lighthouse` use: gzip, 404.html), at "/";
one browser is shared by the session, and each test opens a fresh context with a
phone (360x740, touch) or desktop (1280x800) viewport.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest

from tools import devserver
from tools.search_bench import TARGET_TEXT

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 360, "height": 740}, "has_touch": True, "is_mobile": True, "device_scale_factor": 2}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
TIMEOUT_MS = 10_000

# Pages checked for console errors, outside requests and horizontal scroll, in every edition.
PAGES = ["", "part-1/section-1/", "glossary/", "metrics/"]
EDITIONS = ["", "zh-Hant/", "en/"]
EDITION_IDS = ["zh-Hans", "zh-Hant", "en"]

# Every request URL any test's browser made: the last test checks none left 127.0.0.1.
REQUESTS: list[str] = []


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob") or (parts.scheme in ("http", "https") and parts.hostname == "127.0.0.1")


@pytest.fixture(scope="session")
def base_url(site):
    server, url = devserver.serve(site)
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()


class Session:
    """A browser context plus what its pages reported: console errors, page errors, requests."""

    def __init__(self, browser, base_url: str, **options):
        self.base = base_url
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.context = browser.new_context(**options)
        self.context.set_default_timeout(TIMEOUT_MS)
        self.context.on("request", self._request)
        self.context.on("page", self._watch)
        self.page = self.context.new_page()

    def _request(self, request) -> None:
        self.requests.append(request.url)
        REQUESTS.append(request.url)

    def _watch(self, page) -> None:
        page.on(
            "console",
            lambda m: (
                m.type == "error" and self.errors.append(f"{page.url}: console: {m.text} ({m.location.get('url')})")
            ),
        )
        page.on("pageerror", lambda e: self.errors.append(f"{page.url}: pageerror: {e}"))
        page.on("request", self._request_from_page)

    def _request_from_page(self, request) -> None:
        # Requests of dedicated workers (the search index) are reported on the page only.
        if request.url not in self.requests:
            self._request(request)

    def goto(self, path: str, wait_until: str = "load"):
        response = self.page.goto(self.base + path, wait_until=wait_until)
        assert response is not None and response.ok, f"GET {path}: {response and response.status}"
        return self.page

    def path(self) -> str:
        """The current URL relative to the server root, with its #hash."""
        url = self.page.url
        assert url.startswith(self.base), url
        return "/" + url[len(self.base) :]


@pytest.fixture
def phone(browser, base_url):
    s = Session(browser, base_url, **PHONE)
    yield s
    s.context.close()


@pytest.fixture
def desktop(browser, base_url):
    s = Session(browser, base_url, **DESKTOP)
    yield s
    s.context.close()


def _tip_of(page, term):
    return page.locator("#tip-" + term.get_attribute("data-term"))


def _in_viewport(page, locator) -> tuple[bool, dict]:
    box = locator.bounding_box()
    size = page.viewport_size
    assert box is not None
    inside = (
        box["y"] >= 0 and box["y"] < size["height"] and box["x"] >= 0 and box["x"] + box["width"] <= size["width"] + 1
    )
    return inside, box


# -- 1. Glossary tooltips on a touch phone ---------------------------------------------------


def test_phone_tap_term_shows_tooltip_without_navigating(phone):
    page = phone.goto("part-1/section-1/")
    term = page.locator("article a.term").first
    term.scroll_into_view_if_needed()
    tip = _tip_of(page, term)
    before = page.url
    assert tip.is_hidden(), "tooltip shown before any tap"

    term.tap()
    page.wait_for_timeout(300)  # a navigation, if the tap caused one, would have started
    assert page.url == before, f"the first tap on a term followed its link to {page.url}"
    tip.wait_for(state="visible")
    definition = tip.locator(".term-def").text_content().strip()
    assert len(definition) > 10 and definition in tip.inner_text()
    assert tip.locator(".term-en").is_visible()
    assert tip.locator("a[href*='glossary/#g-']").is_visible()
    assert term.get_attribute("aria-expanded") == "true"
    box = tip.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360, f"tooltip overflows the 360-px viewport: {box}"
    tbox = term.bounding_box()
    assert box["y"] >= tbox["y"] + tbox["height"] - 1, "tooltip covers the term it explains"

    # Tapping elsewhere (the page's heading) closes it.
    page.locator("article h1").tap()
    tip.wait_for(state="hidden")
    assert term.get_attribute("aria-expanded") == "false"
    assert page.url == before

    # A second tap on an open term follows the link to the glossary entry.
    term.tap()
    tip.wait_for(state="visible")
    with page.expect_navigation():
        term.tap()
    assert re.search(r"/glossary/#g-[0-9a-f]+$", page.url), page.url


# -- 2. Glossary tooltips on the desktop: hover, keyboard, Escape ------------------------------


def test_desktop_hover_and_keyboard_show_tooltip(desktop):
    page = desktop.goto("part-1/section-1/")
    terms = page.locator("article a.term")
    term = terms.first
    tip = _tip_of(page, term)
    assert tip.is_hidden()

    term.hover()
    tip.wait_for(state="visible")
    assert tip.locator(".term-def").inner_text().strip()
    tbox, box = term.bounding_box(), tip.bounding_box()
    assert box["y"] >= tbox["y"] + tbox["height"] - 1, "tooltip is not placed below the term"
    page.mouse.move(tbox["x"] + tbox["width"] / 2, tbox["y"] - 150)
    tip.wait_for(state="hidden")

    # Keyboard: focus the focusable element just before the term, then Tab onto it.
    page.evaluate(
        """term => {
        const all = [...document.querySelectorAll('a[href], button, input')]
          .filter(e => e.tabIndex >= 0 && e.offsetParent);
        all[all.indexOf(term) - 1].focus();
    }""",
        term.element_handle(),
    )
    assert tip.is_hidden()
    page.keyboard.press("Tab")
    assert page.evaluate("t => document.activeElement === t", term.element_handle()), "Tab did not reach the term"
    tip.wait_for(state="visible")
    page.keyboard.press("Escape")
    tip.wait_for(state="hidden")
    assert page.evaluate("t => document.activeElement === t", term.element_handle()), "Escape lost the focus"

    # Tab away from an open tooltip's term: it closes, and the next term's opens.
    second = terms.nth(1)
    second.focus()
    second_tip = _tip_of(page, second)
    second_tip.wait_for(state="visible")
    assert tip.is_hidden()
    second.blur()
    second_tip.wait_for(state="hidden")


# -- 3. The language selector keeps the page and the anchor -----------------------------------


def _switch(page, lang: str) -> None:
    page.locator(".md-header .md-select").hover()
    link = page.locator(f'.md-header a.md-select__link[hreflang="{lang}"]')
    link.wait_for(state="visible")
    with page.expect_navigation():
        link.click()


def test_language_switch_keeps_page_and_anchor(desktop):
    page = desktop.goto("part-3/section-1/#t3-1-1-3")
    assert page.get_attribute("html", "lang") == "zh-Hans"

    _switch(page, "zh-Hant")
    assert desktop.path() == "/zh-Hant/part-3/section-1/#t3-1-1-3"
    assert page.get_attribute("html", "lang") == "zh-Hant"
    inside, box = _in_viewport(page, page.locator("#t3-1-1-3"))
    assert inside, f"the anchor #t3-1-1-3 is not scrolled into view after the switch: {box}"

    page.goto(desktop.base + "zh-Hant/part-3/section-1/#t3-1-1-4")
    _switch(page, "zh-Hans")
    assert desktop.path() == "/part-3/section-1/#t3-1-1-4"
    assert page.get_attribute("html", "lang") == "zh-Hans"

    # Without an anchor, the switch lands on the twin page itself.
    page.goto(desktop.base + "metrics/")
    _switch(page, "zh-Hant")
    assert desktop.path() == "/zh-Hant/metrics/"


# -- 4. Search, in both editions --------------------------------------------------------------


ANSWERED_ONCE = """() => {
  const said = document.querySelector('.md-search-result__meta').textContent.trim();
  const t = JSON.parse(document.getElementById('__config').textContent).translations;
  const words = [t['search.result.placeholder'], t['search.result.none'], t['search.result.one']];
  return /\\d/.test(said) || words.includes(said);
}"""


def _search(page, query: str, expect_results: bool = True) -> list[str]:
    """Type `query` into Material's search dialog; the result links' URLs (relative to the server root)."""
    # Material asks the worker for the empty query once the worker is ready, and shows any answer
    # against the box's value at the time it lands: typed before it lands, the query would read
    # "no results" until its own answer comes. Until a first answer lands, the meta line says
    # "initializing"; after it, the placeholder, "no results", "one result" or a count.
    page.wait_for_function(ANSWERED_ONCE)
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    box.wait_for(state="visible")
    box.fill(query)
    box.press("End")
    meta = page.locator(".md-search-result__meta")
    # Wait until the worker has answered for this query: a count, or "no results" (没有/沒有/No matching).
    page.wait_for_function(
        "() => /\\d|没有|沒有|No matching/.test(document.querySelector('.md-search-result__meta').textContent)"
    )
    hrefs = page.eval_on_selector_all(".md-search-result__list a", "els => els.map(e => e.href)")
    if expect_results:
        assert hrefs, f"no results for {query}: {meta.text_content()}"
    return ["/" + h.split("/", 3)[3] for h in hrefs]


def _place(path: str) -> str:
    """A result link without Material's ?h= highlight parameter: /page/#id."""
    parts = urlsplit(path)
    return parts.path + (f"#{parts.fragment}" if parts.fragment else "")


def _block_text(desktop, path: str) -> str:
    """The text of the place a link leads to, as `make search-bench` judges it (bench.TARGET_TEXT):
    the element with the #id (a heading: up to the next heading of its level or above), or the article."""
    page = desktop.context.new_page()
    page.goto(desktop.base + path.lstrip("/"))
    text = page.evaluate(TARGET_TEXT, urlsplit(path).fragment)
    page.close()
    return text


# 营商环境 is said in several sections; 营造…环境 (part-3/section-8) once ranked above them.
@pytest.mark.parametrize(
    "edition, query, text",
    [
        ("", "营商环境", "营商环境"),
        ("", "營商環境", "营商环境"),  # Traditional input in the Simplified edition
        ("zh-Hant/", "營商環境", "營商環境"),
        ("zh-Hant/", "营商环境", "營商環境"),  # Simplified input in the Traditional edition
    ],
    ids=["hans", "hans-traditional-input", "hant", "hant-simplified-input"],
)
def test_search_lists_exact_matches_first_with_deep_links(desktop, edition, query, text):
    page = desktop.goto(edition)
    found = _search(page, query)
    deep = [_place(h) for h in found if "#" in h]
    assert deep and all(h.startswith("/" + edition) for h in found), found
    # Every place listed says the phrase verbatim, in the edition's script, and the match is marked.
    for place in dict.fromkeys(deep):
        assert text in _block_text(desktop, place), place
    assert not [h for h in deep if "/part-3/section-8/" in h], "营造…环境 is listed for 营商环境"
    marks = set(page.eval_on_selector_all(".md-search-result mark", "els => els.map(e => e.textContent)"))
    assert marks == {text}, marks


def test_search_result_leads_to_the_block(phone):
    page = phone.goto("")
    _search(page, "锂电池")
    first = page.locator(".md-search-result__list a[href*='#']").first
    href = first.get_attribute("href")
    block = urlsplit(href).fragment
    assert re.fullmatch(r"[pt]\d+-\d+-\d+(-\d+)?", block), href
    first.tap()
    page.wait_for_function(f"() => location.hash === '#{block}'")
    assert _place(phone.path()) == _place("/" + href.split("/", 3)[3])
    element = page.locator(f"[id='{block}']")
    assert "锂电池" in element.inner_text()
    inside, box = _in_viewport(page, element)
    assert inside, f"#{block} is not scrolled into view: {box}"


def test_search_enter_opens_the_first_place(desktop):
    page = desktop.goto("part-1/")
    found = _search(page, "营商环境")
    first = next(_place(h) for h in found if "#" in h)
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => location.hash === '#{first.split('#')[1]}'")
    assert _place(desktop.path()) == first


def test_search_offers_the_glossary_entry_for_a_term(desktop):
    page = desktop.goto("part-3/section-3/")
    found = [_place(h) for h in _search(page, "河长制")]
    entry = found[1]
    assert re.fullmatch(r"/glossary/#g-[0-9a-f]{8}", entry), found
    assert _block_text(desktop, entry).startswith("河长制")
    # The report's own place follows it.
    assert any(re.fullmatch(r"/part-3/section-3/#p3-3-\d+(-\d+)?", h) for h in found), found


@pytest.mark.parametrize("query", ["83.8%", "4000亿元", "８３.８％"])
def test_search_finds_the_sentence_that_states_a_figure(desktop, query):
    page = desktop.goto("")
    first = next(_place(h) for h in _search(page, query) if "#" in h)
    assert first.startswith("/part-"), first
    assert query.replace("８３.８％", "83.8%") in _block_text(desktop, first)


@pytest.mark.parametrize("edition", EDITIONS, ids=EDITION_IDS)
def test_search_says_when_nothing_matches(desktop, edition):
    page = desktop.goto(edition)
    assert _search(page, "qzxjvq", expect_results=False) == []
    config = json.loads(page.locator("#__config").text_content())
    assert (
        page.locator(".md-search-result__meta").text_content().strip() == config["translations"]["search.result.none"]
    )


def test_search_data_comes_when_searching_and_the_fallback_only_when_needed(desktop):
    page = desktop.goto("part-1/", wait_until="networkidle")
    fetched = lambda name: [u for u in desktop.requests if u.endswith(name)]  # noqa: E731
    assert not fetched("blocks.json") and not fetched("lunr_index.json")
    _search(page, "乌海湖")
    assert len(fetched("blocks.json")) == 1 and not fetched("lunr_index.json")
    # No verbatim match (the words swapped): Material's own search on its index answers.
    found = _search(page, "环境营商")
    assert fetched("lunr_index.json") and found


# -- 5. Paragraph permalinks ------------------------------------------------------------------


def test_permalink_scrolls_paragraph_into_view(phone):
    page = phone.goto("part-3/section-7/#p3-7-1-4")
    para = page.locator("#p3-7-1-4")
    page.wait_for_function("() => window.scrollY > 0")
    inside, box = _in_viewport(page, para)
    assert inside, f"#p3-7-1-4 is not in the 360x740 viewport: {box}"
    header = page.locator("header.md-header").bounding_box()
    assert box["y"] >= header["y"] + header["height"] - 1, (
        f"#p3-7-1-4 is hidden under the fixed header: paragraph {box}, header {header}"
    )

    link = page.locator('#p3-7-1-5 a.headerlink[href="#p3-7-1-5"]')
    link.scroll_into_view_if_needed()
    link.tap()
    page.wait_for_function("() => location.hash === '#p3-7-1-5'")
    assert phone.path() == "/part-3/section-7/#p3-7-1-5"
    inside, box = _in_viewport(page, page.locator("#p3-7-1-5"))
    assert inside, box


@pytest.mark.parametrize("edition", EDITIONS, ids=EDITION_IDS)
def test_link_to_a_moved_paragraph_reaches_it(phone, edition):
    """A link shared when part 一's closing paragraphs were on its page still lands on the paragraph."""
    page = phone.goto(f"{edition}part-1/#p1-0-4")
    page.wait_for_url(f"**/{edition}part-1/after/#p1-0-4")
    page.wait_for_function("() => window.scrollY > 0")
    inside, box = _in_viewport(page, page.locator("#p1-0-4"))
    assert inside, box
    # The part page's own paragraphs and anchors stay where they are.
    page = phone.goto(f"{edition}part-1/#p1-0-1")
    assert phone.path() == f"/{edition}part-1/#p1-0-1"


# -- 5b. Chinese quotation marks -------------------------------------------------------------

# Every kind of zh page, and on it every kind of text a reader meets (a tooltip's definition included).
QUOTE_PAGES = ["", "part-1/", "part-1/section-1/", "part-1/after/", "closing/", "glossary/", "metrics/", "about/"]
QUOTE_TEXTS = [
    "article p",
    "article h1",
    ".topic h2",
    ".term-def",
    ".term-tip .term-def",
    "table.sortable td",
    ".md-nav__link",
    ".md-header__topic",
    ".md-footer__title",
    ".md-search__input",
]
QUOTES = "U+2018-2019, U+201C-201D"
_FACES = """() => [...document.styleSheets].flatMap(s => [...s.cssRules])
  .filter(r => r instanceof CSSFontFaceRule)
  .map(r => [r.style.getPropertyValue("font-family"), r.style.getPropertyValue("unicode-range"),
             r.style.getPropertyValue("src")])"""
_FAMILIES = """sels => Object.fromEntries(sels.flatMap(sel => [...document.querySelectorAll(sel)]
  .filter(el => !el.closest('[lang="en"]')).slice(0, 3)
  .map((el, i) => [sel + " #" + i, getComputedStyle(el).fontFamily])))"""


@pytest.mark.parametrize(
    "edition, face", [("", "Edition Quotes SC"), ("zh-Hant/", "Edition Quotes TC")], ids=["zh-Hans", "zh-Hant"]
)
def test_chinese_quotation_marks_come_from_a_cjk_face(desktop, edition, face):
    """“ ” ‘ ’ are taken from a CJK font on the reader's device (full-width), not from Helvetica or Arial.

    The face lends only those four code points, from local() fonts: nothing is downloaded. The glyph's
    width depends on which fonts the machine has, so what is checked is that every zh text asks for it.
    """
    page = desktop.goto(edition)
    faces = {family.strip('"'): (ranges, src) for family, ranges, src in page.evaluate(_FACES)}
    ranges, src = faces[face]
    assert ranges.replace(" ", "").upper() == QUOTES.replace(" ", "")
    assert "local(" in src and "url(" not in src
    checked = 0
    for path in QUOTE_PAGES:
        desktop.goto(edition + path)
        families = desktop.page.evaluate(_FAMILIES, QUOTE_TEXTS)
        wrong = {sel: f for sel, f in families.items() if not f.startswith(f'"{face}"')}
        assert wrong == {}, f"/{edition}{path}: {wrong}"
        checked += len(families)
        # A term's English translation keeps Latin quotation marks.
        english = desktop.page.evaluate(
            "() => [...document.querySelectorAll('[lang=en]')].map(e => getComputedStyle(e).fontFamily)"
        )
        assert all("Edition Quotes" not in f for f in english), english
    assert checked > 60


# -- 6. No console errors ---------------------------------------------------------------------


@pytest.mark.parametrize("edition", EDITIONS, ids=EDITION_IDS)
def test_no_console_errors(desktop, edition):
    for path in PAGES:
        desktop.goto(edition + path, wait_until="networkidle")
    assert desktop.errors == [], "\n".join(desktop.errors)


# -- 8. The phone layout at 360 px ------------------------------------------------------------


@pytest.mark.parametrize("edition", EDITIONS, ids=EDITION_IDS)
def test_phone_has_no_horizontal_scroll(phone, edition):
    wide = {}
    for path in PAGES:
        page = phone.goto(edition + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 360 + 1:
            wide["/" + edition + path] = width
    assert wide == {}, f"pages wider than the 360-px phone: {wide}"


# -- 9. Sortable metrics tables ---------------------------------------------------------------


def _column(table, i: int) -> list[str]:
    return table.evaluate(
        "(t, i) => [...t.tBodies[0].rows]"
        ".map(r => r.cells[i].getAttribute('data-sort') ?? r.cells[i].textContent.trim())",
        i,
    )


def test_metrics_table_sorts_numerically(desktop):
    page = desktop.goto("metrics/")
    value_header = page.locator("thead th", has_text=re.compile(r"^\s*数值\s*$"))
    table = page.locator("table.sortable").filter(has=value_header).first
    headers = table.locator("thead th")
    names = [h.strip() for h in headers.all_inner_texts()]
    col = names.index("数值")
    header = headers.nth(col)
    original = [float(v) for v in _column(table, col)]
    first_name = table.locator("tbody tr").first.locator("td").first.inner_text()
    assert len(original) >= 3 and sorted(original) != original, "the first table is already sorted by value"
    assert header.get_attribute("aria-sort") == "none"

    header.locator("button.sort").click()
    assert header.get_attribute("aria-sort") == "ascending"
    values = [float(v) for v in _column(table, col)]
    assert values == sorted(original), f"ascending sort is not numeric: {values}"
    assert values[0] == min(original) and values[0] != original[0]
    assert table.locator("tbody tr").first.locator("td").nth(col).inner_text().strip() == f"{min(original):g}"

    header.locator("button.sort").click()
    assert header.get_attribute("aria-sort") == "descending"
    values = [float(v) for v in _column(table, col)]
    assert values == sorted(original, reverse=True), f"descending sort is not numeric: {values}"

    # Another column: the name column sorts as text, and the value column is reset.
    headers.nth(0).locator("button.sort").click()
    assert headers.nth(0).get_attribute("aria-sort") == "ascending"
    assert header.get_attribute("aria-sort") == "none"
    rows = [r.strip() for r in table.locator("tbody tr td:first-child").all_inner_texts()]
    assert page.evaluate("rs => rs.every((r, i) => i === 0 || rs[i - 1].localeCompare(r, 'zh') <= 0)", rows), rows
    assert len(rows) == len(original) and first_name in rows


# -- 7. No request leaves 127.0.0.1 -----------------------------------------------------------


def test_no_request_leaves_localhost(desktop):
    # Visit the pages (with a search, which loads the index in a worker) even when run alone;
    # the other tests' requests (phone and desktop) were recorded in REQUESTS.
    for edition in EDITIONS:
        for path in PAGES:
            desktop.goto(edition + path)
    _search(desktop.goto(""), "乌海湖")
    _search(desktop.goto("en/"), "Wuhai Lake")
    seen = desktop.requests + REQUESTS
    assert any(u.endswith("search_index.json") for u in seen), "the search index was never requested"
    outside = sorted({u for u in seen if not _is_local(u)})
    assert outside == [], "requests left 127.0.0.1:\n" + "\n".join(outside)
