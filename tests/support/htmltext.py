"""Read a built page as a reader's text: the source-bearing elements, markup stripped."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Elements whose text comes from the report (ids of the public scheme, README "Links and ids").
SOURCE_ID = re.compile(
    r"^(title|subtitle|meta|speaker|salutation|part-\d+|s\d+-\d+|[pt]\d+-\d+-\d+(-\d+)?|(open|close)-\d+(-\d+)?)$"
)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class SourceText(HTMLParser):
    """Collects (id, text) of source elements in document order; marks where a part's contents list stands."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.items: list[tuple[str, str]] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, skipping)
        self.current: list | None = None
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in VOID:
            return
        skipping = bool(self.stack and self.stack[-1][1]) or "headerlink" in (attrs.get("class") or "").split()
        if "part-contents" in (attrs.get("class") or "").split():
            self.items.append(("<contents>", ""))
        if self.current is None and SOURCE_ID.match(attrs.get("id", "")) and tag not in ("a", "nav"):
            self.current = [attrs["id"], "", len(self.stack)]
        self.stack.append((tag, skipping))

    def handle_endtag(self, tag):
        if tag in VOID or not self.stack:
            return
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == tag:
                break
        if self.current is not None and len(self.stack) == self.current[2]:
            self.items.append((self.current[0], self.current[1]))
            self.current = None

    def handle_data(self, data):
        if self.current is not None and not (self.stack and self.stack[-1][1]):
            self.current[1] += data


def source_items(html: str) -> list[tuple[str, str]]:
    parser = SourceText()
    parser.feed(html)
    return parser.items
