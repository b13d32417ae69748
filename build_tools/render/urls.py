"""Where each page and id lives: the URL half of the public contract.

Pages are Markdown sources; with MkDocs' directory URLs, ``part-1/section-2.md``
is served at ``part-1/section-2/``.
"""

from __future__ import annotations

import posixpath
from functools import cache

from build_tools.model import Report

HOME = "index.md"
CLOSING = "closing.md"
GLOSSARY = "glossary.md"
METRICS = "metrics.md"


def part_src(n: int) -> str:
    return f"part-{n}/index.md"


def section_src(n: int, m: int) -> str:
    return f"part-{n}/section-{m}.md"


def part_after_src(n: int) -> str:
    """The page of part n's own paragraphs that follow its subsections (read after the last one)."""
    return f"part-{n}/after.md"


def url_of(src: str) -> str:
    """The directory URL MkDocs gives a Markdown source."""
    if src == "index.md":
        return ""
    stem = src[:-3]
    return stem[: -len("index")] if stem.endswith("index") else stem + "/"


@cache
def relative(from_src: str, to_src: str, anchor: str = "") -> str:
    """A link from one page to another (and an anchor in it), relative as MkDocs writes them."""
    here, there = url_of(from_src), url_of(to_src)
    rel = posixpath.relpath(there or ".", here or ".") if here != there else ""
    rel = "" if rel == "." else rel + "/" if rel else ""
    if not rel and not anchor:
        rel = "./"
    return f"{rel}#{anchor}" if anchor else rel


def source_link(from_src: str, to_src: str) -> str:
    """A Markdown link between two sources, which MkDocs checks and turns into a URL."""
    return posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")


def page_of_ids(report: Report) -> dict[str, str]:
    """Every structural id of the report mapped to the Markdown source of its page."""
    where: dict[str, str] = {}
    _place(where, report.opening, HOME)
    _place(where, report.closing, CLOSING)
    for n, part in enumerate(report.parts, 1):
        where[part.id] = part_src(n)
        _place(where, part.before, part_src(n))
        for m, section in enumerate(part.sections, 1):
            where[section.id] = section_src(n, m)
            _place(where, section.paragraphs, section_src(n, m))
        _place(where, part.after, part_after_src(n))
    return where


def ids_of(paragraphs) -> list[str]:
    """Every public id inside these paragraphs (paragraphs, blocks, run-in headings), in order."""
    where: dict[str, str] = {}
    _place(where, paragraphs, "")
    return list(where)


def _place(where: dict[str, str], paragraphs, src: str) -> None:
    for para in paragraphs:
        where[para.id] = src
        for block in para.blocks:
            where[block.id] = src
            if block.heading_id:
                where[block.heading_id] = src
