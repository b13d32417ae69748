"""Real-browser tests: Debian's Chromium driven by Playwright against the built site.

The whole site (both editions) is served from 127.0.0.1 by `build_tools.devserver`
(the server `make bench` and `make lighthouse` use: gzip, 404.html), at "/";
one browser is shared by the session, and each test opens a fresh context with a
phone (360x740, touch) or desktop (1280x800) viewport.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from build_tools import devserver

pytestmark = pytest.mark.browser

PHONE = dict(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True, device_scale_factor=2)
DESKTOP = dict(viewport={"width": 1280, "height": 800})
TIMEOUT_MS = 10_000

# Pages checked for console errors, outside requests and horizontal scroll, in both editions.
PAGES = ["", "part-1/section-1/", "glossary/", "metrics/"]
EDITIONS = ["", "zh-Hant/"]

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
        page.on("console", lambda m: m.type == "error" and self.errors.append(
            f"{page.url}: console: {m.text} ({m.location.get('url')})"))
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
        return "/" + url[len(self.base):]


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
    inside = box["y"] >= 0 and box["y"] < size["height"] and box["x"] >= 0 and box["x"] + box["width"] <= size["width"] + 1
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
    page.evaluate("""term => {
        const all = [...document.querySelectorAll('a[href], button, input')].filter(e => e.tabIndex >= 0 && e.offsetParent);
        all[all.indexOf(term) - 1].focus();
    }""", term.element_handle())
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

def _search(page, query: str) -> list[str]:
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    box.wait_for(state="visible")
    box.fill(query)
    box.press("End")
    meta = page.locator(".md-search-result__meta")
    # Wait until the worker has answered for this query: a count, or "no results" (没有/沒有).
    page.wait_for_function("() => /\\d|没有|沒有/.test(document.querySelector('.md-search-result__meta').textContent)")
    hrefs = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")
    assert hrefs, f"no results for {query}: {meta.text_content()}"
    # Material lists one item per page, with the page's matching sections inside it.
    return list(dict.fromkeys(urlsplit(h).path for h in hrefs))


@pytest.mark.parametrize("edition, query, first", [
    ("", "五个大起底", ["/part-1/section-3/", "/part-3/section-3/"]),
    ("", "乌海湖", ["/part-1/section-2/", "/part-3/section-2/"]),
    ("zh-Hant/", "五個大起底", ["/zh-Hant/part-1/section-3/", "/zh-Hant/part-3/section-3/"]),
    ("zh-Hant/", "烏海湖", ["/zh-Hant/part-1/section-2/", "/zh-Hant/part-3/section-2/"]),
    ("zh-Hant/", "乌海湖", ["/zh-Hant/part-1/section-2/", "/zh-Hant/part-3/section-2/"]),
], ids=["hans-wuge-daqidi", "hans-wuhaihu", "hant-wuge-daqidi", "hant-wuhaihu", "hant-simplified-wuhaihu"])
def test_search_ranks_sections(desktop, edition, query, first):
    page = desktop.goto(edition)
    found = _search(page, query)
    assert found[:2] == first, f"search {query!r} in /{edition}: {found}"


def test_search_traditional_word_finds_pages(desktop):
    page = desktop.goto("zh-Hant/")
    found = _search(page, "幹部")
    assert all(p.startswith("/zh-Hant/") for p in found), found
    assert any(re.fullmatch(r"/zh-Hant/part-\d/(section-\d+/)?", p) for p in found), found
    # The highlighted words in the results are the Traditional ones of the text.
    marks = page.eval_on_selector_all(".md-search-result mark", "els => els.map(e => e.textContent)")
    assert "幹部" in marks, marks


# -- 5. Paragraph permalinks ------------------------------------------------------------------

def test_permalink_scrolls_paragraph_into_view(phone):
    page = phone.goto("part-3/section-7/#p3-7-1-4")
    para = page.locator("#p3-7-1-4")
    page.wait_for_function("() => window.scrollY > 0")
    inside, box = _in_viewport(page, para)
    assert inside, f"#p3-7-1-4 is not in the 360x740 viewport: {box}"
    header = page.locator("header.md-header").bounding_box()
    assert box["y"] >= header["y"] + header["height"] - 1, \
        f"#p3-7-1-4 is hidden under the fixed header: paragraph {box}, header {header}"

    link = page.locator('#p3-7-1-5 a.headerlink[href="#p3-7-1-5"]')
    link.scroll_into_view_if_needed()
    link.tap()
    page.wait_for_function("() => location.hash === '#p3-7-1-5'")
    assert phone.path() == "/part-3/section-7/#p3-7-1-5"
    inside, box = _in_viewport(page, page.locator("#p3-7-1-5"))
    assert inside, box


# -- 6. No console errors ---------------------------------------------------------------------

@pytest.mark.parametrize("edition", EDITIONS, ids=["zh-Hans", "zh-Hant"])
def test_no_console_errors(desktop, edition):
    for path in PAGES:
        desktop.goto(edition + path, wait_until="networkidle")
    assert desktop.errors == [], "\n".join(desktop.errors)


# -- 8. The phone layout at 360 px ------------------------------------------------------------

@pytest.mark.parametrize("edition", EDITIONS, ids=["zh-Hans", "zh-Hant"])
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
    return table.evaluate("(t, i) => [...t.tBodies[0].rows].map(r => r.cells[i].getAttribute('data-sort') ?? r.cells[i].textContent.trim())", i)


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
    _search(desktop.page, "乌海湖")
    seen = desktop.requests + REQUESTS
    assert any(u.endswith("search_index.json") for u in seen), "the search index was never requested"
    outside = sorted({u for u in seen if not _is_local(u)})
    assert outside == [], "requests left 127.0.0.1:\n" + "\n".join(outside)
