"""The data of the edition's exact search: the displayed blocks of every page, as plain data.

A block is an element of a page's content that has an id (a heading, a paragraph,
the home page's metadata list). A heading's block also holds the text shown after
it up to the next element with an id (a glossary entry's definition follows its
heading); text without an id after a paragraph (a part's list of its sections)
is a block of its own, linked to the heading it stands under. The text
is taken from the rendered HTML, so search matches what the reader sees: typeset,
converted, with glossary marks as plain text, without permalinks (¶) or the
hidden tooltips. The browser side is docs/assets/search-worker.js.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Elements that start a block when they carry an id (inline elements with ids do not).
BLOCK_TAGS = {
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "dl",
    "ul",
    "ol",
    "li",
    "table",
    "div",
    "section",
    "blockquote",
    "figure",
}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Elements whose end separates sentences that the HTML does not (a definition from its basis).
BREAKS = BLOCK_TAGS | {"dt", "dd", "tr", "br"}
VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col", "area", "base", "embed", "track"}

# Page kinds, in the order results list them (a glossary entry the query names comes first).
REPORT, GLOSSARY, OTHER = "report", "glossary", "other"


@dataclass
class Block:
    id: str  # "" for text before the page's first id
    heading: str  # the heading it stands under (its own text, for a heading)
    text: str  # the text shown after the heading (for a heading) or the block's own text
    is_heading: bool = False


@dataclass
class _Open:
    tag: str
    skip: bool


class _Blocks(HTMLParser):
    """Cuts a page's content HTML into blocks; see the module docstring."""

    def __init__(self, title: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[_Open] = []
        self.skipping = 0
        self.heading = title
        self.blocks: list[Block] = []
        self.current = Block("", title, "")
        self.heading_id = ""
        self.ends_at: int | None = None  # stack depth at which the current paragraph-like block ends
        self.in_heading: str | None = None
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        # A script or style's text is code, never shown (the part page's forwarding script is one).
        skip = "data-search-exclude" in a or "hidden" in a or "headerlink" in classes or tag in ("script", "style")
        if tag not in VOID:
            self.stack.append(_Open(tag, skip))
            self.skipping += skip
        if self.skipping:
            return
        if a.get("id") and tag in BLOCK_TAGS:
            self._flush()
            self.current = Block(a["id"], self.heading, "", tag in HEADINGS)
            self.in_heading = tag if tag in HEADINGS else None
            self.heading_id = a["id"] if tag in HEADINGS else self.heading_id
            self.ends_at = None if tag in HEADINGS else len(self.stack) - 1
        elif tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in VOID or not self.stack:
            return
        while self.stack:
            opened = self.stack.pop()
            self.skipping -= opened.skip
            if opened.tag == tag:
                break
        if self.skipping:
            return
        if self.in_heading == tag:
            self.heading = self.current.heading = _clean("".join(self.parts))
            self.parts, self.in_heading = [], None
        elif self.ends_at is not None and len(self.stack) <= self.ends_at:
            self._flush()
            self.current, self.ends_at = Block(self.heading_id, self.heading, ""), None
        elif tag in BREAKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)

    def _flush(self) -> None:
        self.current.text = _clean("".join(self.parts))
        self.parts = []
        if self.current.is_heading or self.current.text:
            self.blocks.append(self.current)

    def close(self):
        super().close()
        self._flush()


def _clean(text: str) -> str:
    """Whitespace as displayed: runs collapsed, one line per block-level element."""
    lines = (re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def page_blocks(html: str, title: str) -> list[Block]:
    """The blocks of one page's content HTML, in reading order."""
    parser = _Blocks(title)
    parser.feed(html)
    parser.close()
    return parser.blocks


@dataclass
class SearchData:
    """What the browser's exact search reads: pages, their blocks, and the script maps."""

    fold: dict[str, str] = field(default_factory=dict)  # both sides of a match: Traditional -> Simplified
    query_map: dict[str, str] = field(default_factory=dict)  # a fallback query -> this edition's index script
    pages: list[tuple[str, str, str]] = field(default_factory=list)  # (url, title, kind)
    blocks: list[tuple[int, Block]] = field(default_factory=list)  # (page number, block)

    def add_page(self, url: str, title: str, kind: str, html: str) -> None:
        """Add a page (in reading order: results on the same footing keep it)."""
        self.pages.append((url, title, kind))
        self.blocks += [(len(self.pages) - 1, b) for b in page_blocks(html, title)]

    def to_json(self) -> str:
        """Compact JSON, blocks as [page number, id, heading, text, is_heading], as added."""
        data = {
            "fold": dict(sorted(self.fold.items())),
            # Omitted when it is the fold itself (the zh-Hans edition): the worker uses the fold.
            **({"query": dict(sorted(self.query_map.items()))} if self.query_map != self.fold else {}),
            "pages": [list(p) for p in self.pages],
            "blocks": [[n, b.id, b.heading, b.text, int(b.is_heading)] for n, b in self.blocks],
        }
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
