"""A glossary tooltip fits a phone however long its definition; the link to the whole entry stays visible."""

from __future__ import annotations

import pytest

from build_tools.model import Annotations, Report, Tip
from build_tools.render.pages import Writer
from conftest import ROOT

pytestmark = pytest.mark.browser


def test_long_definition_tooltip_is_capped(browser):
    notes = Annotations(tips={"g-1": Tip("五个大起底", "Five Major Clean-ups", "很长的解释，" * 800, "g-1")})
    tip = Writer(Report(title="标题"), notes).tip("g-1", "part-1/section-1.md")
    css = (ROOT / "docs" / "assets" / "edition.css").read_text(encoding="utf-8")
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.set_content(f"<!doctype html><meta charset=utf-8><style>{css}</style><div class=md-typeset>{tip}</div>")
        box = page.locator(".term-tip").bounding_box()
        link = page.locator(".term-tip a").bounding_box()
        assert box["height"] < 300, box
        assert link["y"] + link["height"] <= box["y"] + box["height"] and link["height"] > 0
    finally:
        context.close()
