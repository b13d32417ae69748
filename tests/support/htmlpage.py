"""The markup of a built page, read once: ids, classes, links and references, scripts, visible text.

The one hand-written reader of page markup the tests share (test_editions compares twins with it,
test_publish follows every reference with it); the report's own text is read by support.htmltext.
"""

from __future__ import annotations

import functools
from html.parser import HTMLParser
from pathlib import Path


class Page(HTMLParser):
    """Everything the tests read from the markup of one built page (its text is read by support.htmltext)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.refs: list[tuple[str, str, str, str]] = []  # every reference: (tag, attribute, value, rel)
        self.classes: list[str] = []
        self.links: list[dict] = []  # attributes of every <a href>
        self.alternates: list[dict] = []  # <link rel="alternate" hreflang>
        self.head_links: list[dict] = []  # every other <link href>
        self.scripts: list[str] = []
        self.html_lang: str | None = None
        self.texts: list[tuple[str, bool]] = []  # (text node, is the zh-Hans selector label)
        self.attr_texts: list[tuple[str, str]] = []  # (attribute, value) a reader sees: tooltips, labels
        self._skip = 0
        self._selector_hans = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.html_lang = a.get("lang")
        if a.get("id"):
            self.ids.append(a["id"])
        for name in ("href", "src", "srcset", "action", "poster", "data"):
            if a.get(name):
                self.refs.append((tag, name, a[name], a.get("rel") or ""))
        if "class" in a:
            self.classes.append(a["class"] or "")
        for name in ("title", "placeholder", "alt", "aria-label"):
            if a.get(name):
                self.attr_texts.append((name, a[name]))
        if tag == "a" and "href" in a:
            self.links.append(a)
            if "md-select__link" in (a.get("class") or "").split() and a.get("hreflang") == "zh-Hans":
                self._selector_hans += 1
        if tag == "link" and a.get("rel") == "alternate" and "hreflang" in a:
            self.alternates.append(a)
        elif tag == "link" and "href" in a:
            self.head_links.append(a)  # canonical, prev, next, stylesheets, icon
        if tag == "script":
            if a.get("src"):
                self.scripts.append(a["src"])
            self._skip += 1
        if tag == "style":
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        if tag == "a" and self._selector_hans:
            self._selector_hans -= 1

    def handle_data(self, data):
        if not self._skip:
            self.texts.append((data, bool(self._selector_hans)))

    @property
    def text(self) -> str:
        return "".join(t for t, _ in self.texts)

    def selector(self, lang: str) -> dict:
        found = [
            a for a in self.links if "md-select__link" in (a.get("class") or "").split() and a.get("hreflang") == lang
        ]
        assert len(found) == 1, f"expected one language-selector link to {lang}, found {len(found)}"
        return found[0]


@functools.cache
def parse_page(path: Path) -> Page:
    """A built page's markup, read once per test session."""
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page
