"""What MkDocs is handed for one edition: its pages, files, text transform and search data."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from build_tools.render.pages import Page
from build_tools.seeds.errors import SeedError


@dataclass(frozen=True)
class EditionEntry:
    """One edition as mkdocs.yml's report plugin lists it: plain data, no MkDocs types.

    Its text comes from ``conversion`` (an OpenCC configuration) or ``translation``
    (a PO file); neither means the source text itself (zh-Hans).
    """

    lang: str = "zh-Hans"
    name: str = ""
    # Folder below the site root ("" for the default edition).
    path: str = ""
    # Config file that builds it (None: mkdocs.yml with this entry's lang).
    config: str | None = None
    conversion: str = ""
    translation: str = ""
    # A translation's UI labels file (a PO file: one entry per label of render/labels.py).
    labels: str = ""
    # A translation's glossary and metrics pages (PO files); without them those pages stay in Chinese.
    glossary_translation: str = ""
    metrics_translation: str = ""


# The source edition: the report's own text.
SOURCE = EditionEntry()


@dataclass
class Edition:
    """What MkDocs is handed for one edition."""

    pages: list[Page]
    convert: Callable[[str], str]  # the edition's text conversion, for handwritten pages and config
    files: dict[str, bytes] = field(default_factory=dict)
    # Words for jieba's user dictionary, with their frequencies.
    jieba_words: dict[str, int] = field(default_factory=dict)
    # Simplified -> this edition's characters, for a query to the fallback index (converted editions).
    query_map: dict[str, str] = field(default_factory=dict)
    # Traditional -> Simplified, applied to query and text alike by the exact search (see fold_map).
    fold: dict[str, str] = field(default_factory=dict)
    # The edition's own words by label name (render/labels.py): converted, or from its labels file.
    words: dict[str, str] = field(default_factory=dict)
    # Problems worth an editor's attention that do not stop the build (a definition too long for a tooltip).
    warnings: list[SeedError] = field(default_factory=list)
    # A converted edition's source text, until jieba's words for it are added (search_support.add_vocabulary).
    unsegmented: str = ""


# jieba frequency for words that must stay one token (far above any in its dictionary).
WHOLE = 100000


def handwritten(sources: list[str], lang: str, langs: set[str]) -> dict[str, str]:
    """Which handwritten file each page of an edition comes from (page -> source, both docs-relative).

    ``about.en.md`` is the en edition's ``about.md``: a page suffixed with an edition's lang is
    dropped from every other edition and, in its own, takes the place of the page without it.
    """
    pages: dict[str, str] = {}
    for src in sources:
        stem, dot, suffix = src.removesuffix(".md").rpartition(".")
        if not (src.endswith(".md") and dot and suffix in langs):
            pages.setdefault(src, src)
        elif suffix == lang:
            pages[stem + ".md"] = src
    return pages
