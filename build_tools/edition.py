"""One way through: seed files in, the Markdown pages of one edition out.

seeds/ -> parse -> structure (ids, run-in headings) -> annotate (glossary,
metrics) -> Markdown pages (zh-Hans) -> converted to the edition's script.
The MkDocs plugin calls :func:`build_edition` and nothing else of this
pipeline; the command line calls the same stages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .model import Report
from .pages import Annotations, Page, Writer
from .parse import parse_file
from .structure import annotate_structure
from . import labels, urls
from .glossary import annotate, jieba_words, load_glossary, load_not_terms
from .glossary_page import glossary_markdown
from .overrides import load_overrides


@dataclass
class Seeds:
    """Where the editor-owned inputs are."""

    report: Path
    overrides: Path
    glossary: Path | None = None
    not_terms: Path | None = None
    metrics: Path | None = None
    corrections: Path | None = None


@dataclass
class Edition:
    pages: list[Page]
    files: dict[str, bytes] = field(default_factory=dict)
    jieba_words: list[str] = field(default_factory=list)
    convert: Callable[[str], str] = staticmethod(lambda s: s)


def load_report(seeds: Seeds) -> Report:
    """Parse the report and give it structure (ids, run-in headings), honouring the overrides."""
    report = parse_file(seeds.report)
    return annotate_structure(report, load_overrides(seeds.overrides, report))


def converter(seeds: Seeds, conversion: str | None) -> Callable[[str], str]:
    """The text conversion of an edition: identity for zh-Hans, OpenCC plus corrections otherwise."""
    if not conversion:
        return lambda s: s
    from .hant import Converter, load_corrections

    corrections = load_corrections(seeds.corrections) if seeds.corrections else {}
    return Converter(conversion, corrections).convert


def build_edition(seeds: Seeds, conversion: str | None = None) -> Edition:
    """All generated pages and files of one edition."""
    report = load_report(seeds)
    convert = converter(seeds, conversion)
    entries = load_glossary(seeds.glossary, report) if seeds.glossary else []
    notes, where = annotate(report, entries)
    pages = Writer(report, notes).pages()
    if entries:
        pages.append(Page(urls.GLOSSARY, labels.GLOSSARY, glossary_markdown(report, entries, where)))
    for page in pages:
        page.title = convert(page.title)
        page.markdown = convert(page.markdown)
    words = jieba_words(entries)
    words += [w for w in map(convert, words) if w not in words]
    return Edition(pages=pages, convert=convert, jieba_words=words)


def check_seeds(seeds: Seeds) -> int:
    """Validate every seed file the way the build reads it; returns how many were read."""
    report = load_report(seeds)
    count = 2
    if seeds.glossary:
        load_glossary(seeds.glossary, report)
        load_not_terms(seeds.not_terms)
        count += 2
    if seeds.corrections:
        converter(seeds, "s2tw")
        count += 1
    return count
