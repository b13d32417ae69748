"""Real-browser tests of the English edition: the parallel reading's controls, the switch between all
three editions keeping the #anchor, and an English search (Debian's Chromium through Playwright)."""

from __future__ import annotations

import pytest
from test_browser import DESKTOP, PHONE, Session, _in_viewport, _place, _search, _switch, base_url  # noqa: F401

pytestmark = pytest.mark.browser

PAGE = "en/part-3/section-1/"
BLOCK = "p3-1-1-2"


@pytest.fixture
def phone(browser, base_url):  # noqa: F811
    s = Session(browser, base_url, **PHONE)
    yield s
    s.context.close()


@pytest.fixture
def desktop(browser, base_url):  # noqa: F811
    s = Session(browser, base_url, **DESKTOP)
    yield s
    s.context.close()


def _original(page, block: str = BLOCK):
    return page.locator(f".parallel:has(#{block}) details.original")


def _original_text(page, block: str = BLOCK):
    return _original(page, block).locator('p[lang="zh-Hans"]')


def test_phone_tap_shows_the_original_under_its_paragraph(phone):
    page = phone.goto(PAGE)
    original = _original_text(page)
    assert not original.is_visible()
    _original(page).locator("summary").tap()
    assert original.is_visible()
    assert "市场信心" not in original.inner_text()  # the run-in heading's Chinese is under the heading
    para, zh = page.locator(f"#{BLOCK}").bounding_box(), original.bounding_box()
    assert zh["y"] >= para["y"] + para["height"] - 1, (para, zh)
    _original(page).locator("summary").tap()
    assert not original.is_visible()


def test_phone_one_control_shows_and_hides_every_original(phone):
    page = phone.goto(PAGE)
    button = page.locator("button.originals-all")
    assert button.is_visible() and button.get_attribute("aria-pressed") == "false"
    count = page.locator("details.original").count()
    assert count > 5
    button.tap()
    assert page.locator("details.original[open]").count() == count
    assert button.get_attribute("aria-pressed") == "true" and button.inner_text() == "Hide all Chinese originals"
    button.tap()
    assert page.locator("details.original[open]").count() == 0
    assert button.inner_text() == "Show all Chinese originals"


@pytest.mark.parametrize("key", ["Enter", " "], ids=["Enter", "Space"])
def test_keyboard_opens_an_original(phone, key):
    page = phone.goto(PAGE)
    summary = _original(page).locator("summary")
    summary.focus()
    page.keyboard.press(key)
    assert _original_text(page).is_visible()
    page.locator("button.originals-all").focus()
    page.keyboard.press(key)
    assert page.locator("button.originals-all").get_attribute("aria-pressed") == "true"


def test_desktop_click_shows_the_original(browser, base_url):  # noqa: F811
    """A desktop narrower than the side-by-side breakpoint: a click opens an original."""
    s = Session(browser, base_url, viewport={"width": 1000, "height": 800})
    try:
        page = s.goto(PAGE)
        assert not _original_text(page).is_visible()
        _original(page).locator("summary").click()
        assert _original_text(page).is_visible()
    finally:
        s.context.close()


def test_wide_screen_shows_every_original_beside_its_paragraph(desktop):
    page = desktop.goto(PAGE)  # 1280 px wide: at or above 76.25em
    original = _original_text(page)
    assert original.is_visible()
    para, zh = page.locator(f"#{BLOCK}").bounding_box(), original.bounding_box()
    assert zh["x"] >= para["x"] + para["width"] - 1 and abs(zh["y"] - para["y"]) < 20, (para, zh)
    assert not _original(page).locator("summary").is_visible()


def test_without_javascript_the_originals_open_at_a_tap(browser, base_url):  # noqa: F811
    s = Session(browser, base_url, java_script_enabled=False, **PHONE)
    try:
        page = s.goto(PAGE)
        _original(page).locator("summary").tap()
        assert _original_text(page).is_visible()
    finally:
        s.context.close()


def test_switch_between_three_editions_keeps_page_and_anchor(desktop):
    page = desktop.goto("part-3/section-1/#t3-1-1-3")
    _switch(page, "en")
    assert desktop.path() == "/en/part-3/section-1/#t3-1-1-3"
    assert page.get_attribute("html", "lang") == "en"
    inside, box = _in_viewport(page, page.locator("#t3-1-1-3"))
    assert inside, box
    _switch(page, "zh-Hant")
    assert desktop.path() == "/zh-Hant/part-3/section-1/#t3-1-1-3"
    _switch(page, "en")
    assert desktop.path() == "/en/part-3/section-1/#t3-1-1-3"
    _switch(page, "zh-Hans")
    assert desktop.path() == "/part-3/section-1/#t3-1-1-3"


def test_english_search_finds_english_in_any_case_and_not_the_originals(desktop):
    # Each query on a fresh page: the results of the one before cannot be taken for its own.
    found = [_place(h) for h in _search(desktop.goto("en/"), "market confidence")]
    assert "/en/part-3/section-1/#t3-1-1-2" in found, found
    assert [_place(h) for h in _search(desktop.goto("en/"), "MARKET CONFIDENCE")] == found
    # The hidden Chinese originals are not searched in the English edition.
    assert _search(desktop.goto("en/"), "市场信心再提振", expect_results=False) == []


def test_english_pages_have_no_console_errors_and_no_horizontal_scroll(phone):
    for path in ("en/", PAGE, "en/part-1/after/", "en/closing/", "en/about/", "en/glossary/"):
        page = phone.goto(path, wait_until="networkidle")
        assert page.evaluate("document.documentElement.scrollWidth") <= 361, path
    assert phone.errors == [], phone.errors


def test_wide_screen_needs_no_control(desktop):
    page = desktop.goto(PAGE)
    assert not page.locator("button.originals-all").is_visible()
    assert page.locator("details.original[open]").count() == page.locator("details.original").count()
