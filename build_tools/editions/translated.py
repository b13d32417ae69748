"""A translated edition: its report pages from the translation, its own words from its labels file.

The report's units come from the entry's PO file (``translation``), checked as
`make check` checks it; in strict mode a missing, fuzzy or obsolete unit stops
the build with its file and line. The pages are :class:`ParallelWriter`'s, with
each Chinese original under its block.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from build_tools.annotate.glossary_en import en_spans, tips_en
from build_tools.annotate.load import load_entries, load_report
from build_tools.model import Annotations, Report
from build_tools.render import labels, urls
from build_tools.render.pages import Page
from build_tools.render.parallel import ParallelWriter
from build_tools.seeds.memo import shared
from build_tools.seeds.paths import Seeds

from .edition import EditionEntry
from .english_pages import english_pages, english_texts
from .qualifiers import load_qualifiers
from .translation import check_translation, read_po, units
from .ui_labels import load_labels

# The pages a translated edition takes from elsewhere than the report's translation.
EXTRA_PAGES = (urls.GLOSSARY, urls.METRICS)
FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.S)


@shared  # checked before any edition is written, used again by the translated edition's build
def translated_texts(seeds: Seeds, path: Path, report: Report, entries: list, strict: bool) -> dict[str, str]:
    """Unit id -> translation, every translated unit checked (strict: every unit translated, none fuzzy)."""
    qualifiers = load_qualifiers(seeds.qualifiers) if seeds.qualifiers else []
    check_translation(path, report, entries, qualifiers, strict)
    # Only entries whose Chinese is still the unit's (fuzzy ones fall back to the Chinese outside strict mode).
    current = {u.id: u.zh for u in units(report)}
    return {
        e.msgctxt: e.msgstr
        for e in read_po(path)
        if not e.obsolete and e.msgstr.strip() and "fuzzy" not in e.flags and current.get(e.msgctxt) == e.msgid
    }


def check_translated(seeds: Seeds, entry: EditionEntry, strict: bool) -> None:
    """Check a translated edition's PO files before any edition is written (its pages are rendered in its build)."""
    report = load_report(seeds)
    translated_texts(seeds, Path(entry.translation), report, load_entries(seeds, report), strict)
    load_labels(Path(entry.labels), strict)
    if entry.glossary_translation and entry.metrics_translation:
        english_texts(seeds, Path(entry.glossary_translation), Path(entry.metrics_translation), seeds.pinyin, strict)


@dataclass
class Sources:
    """What the zh-Hans pages are made from that a translated edition's pages need too."""

    seeds: Seeds
    report: Report
    entries: list = field(default_factory=list)  # glossary entries (annotate.glossary.Entry)
    notes: Annotations = field(default_factory=Annotations)  # the glossary's marks on the Chinese text


def translated_pages(
    sources: Sources,
    texts: Mapping[str, str],
    words: Mapping[str, str],
    zh_pages: list[Page],
    home_extra: str,
    entry: EditionEntry | None = None,
    strict: bool = False,
) -> list[Page]:
    """Every page of a translated edition: the report's in parallel, then the glossary and metrics pages.

    With the entry's glossary and metrics PO files, those two pages are translated too and the
    terms' renderings in the report's translation carry tooltips; without them they stay in Chinese.
    """
    extra = [p for p in zh_pages if p.src in EXTRA_PAGES]
    if entry is None or not (entry.glossary_translation and entry.metrics_translation):
        # Kept out of the English search: the Chinese text of another page (the metrics page's figures).
        glance = _glance(home_extra, words) if home_extra else ""
        pages = ParallelWriter(sources.report, texts, words).pages(home_extra=glance)
        return pages + translated_extra_pages(extra, words, sources)
    seeds = sources.seeds
    english = english_pages(
        seeds, Path(entry.glossary_translation), Path(entry.metrics_translation), seeds.pinyin, strict
    )
    notes = _marked(sources, texts, english.statuses[0].texts)
    glance = f"## {words['GLANCE']} {{#metrics-glance}}\n\n{english.glance}" if english.glance else ""
    pages = ParallelWriter(sources.report, texts, words, notes).pages(home_extra=glance)
    return pages + [
        Page(urls.GLOSSARY, words["GLOSSARY"], english.glossary),
        Page(urls.METRICS, words["METRICS"], english.metrics),
    ]


def _marked(sources: Sources, texts: Mapping[str, str], glossary_texts) -> Annotations:
    """The renderings of the terms each Chinese block marks, found in its translation, and their tooltips."""
    marks, by_id = {}, {e.id: e for e in sources.entries}
    for _, _, _, block in sources.report.blocks():
        for uid, part in ((block.id, "body"), (block.heading_id, "heading")):
            spans = sources.notes.marks.get(f"{block.id}/{part}")
            if uid and spans and texts.get(uid):
                marks[uid] = en_spans(texts[uid], spans, by_id)
    return Annotations(marks=marks, tips=tips_en(sources.entries, glossary_texts))


def _glance(markdown: str, words: Mapping[str, str]) -> str:
    """The home page's glance until it is translated: its heading in the edition's words (it is in the
    table of contents), its body marked Chinese and kept out of search (the metrics page's figures)."""
    heading = re.search(r"^## .*(\{#metrics-glance\})$", markdown, flags=re.M)
    if heading is None:
        return _in_chinese(markdown, None, ' data-search-exclude=""')
    body = markdown[: heading.start()] + markdown[heading.end() :]
    return f"## {words['GLANCE']} {heading.group(1)}\n\n" + _in_chinese(body, None, ' data-search-exclude=""')


def translated_extra_pages(zh_pages: list[Page], words: Mapping[str, str], sources: Sources) -> list[Page]:
    """The glossary and metrics pages of a translated edition (``zh_pages``: the zh-Hans ones, by src).

    The one hook for the English glossary and metrics pages: until their renderers are wired
    in here (from ``sources``, what the zh-Hans pages are made from, and the edition's ``words``),
    each page is its zh-Hans text marked lang="zh-Hans" under one line saying so, with the
    edition's title, so its URL and ids exist and every link to it resolves.
    """
    titles = {urls.GLOSSARY: words["GLOSSARY"], urls.METRICS: words["METRICS"]}
    out = []
    for page in zh_pages:
        title = titles.get(page.src, page.title)
        out.append(Page(page.src, title, _retitled(page.markdown, title, words)))
    return out


def _retitled(markdown: str, title: str, words: Mapping[str, str]) -> str:
    """A zh-Hans page under the edition's title, its body marked as Chinese after a one-line note."""
    m = FRONT_MATTER.match(markdown)
    front = m.group(1) if m else ""
    front = re.sub(r"^title: .*$", "title: " + _yaml_string(title), front, count=1, flags=re.M)
    body = markdown[m.end() :] if m else markdown
    return f"---\n{front}---\n" + _in_chinese(body, words["NOT_YET_TRANSLATED"])


def _in_chinese(body: str, note: str | None, attrs: str = "") -> str:
    """Chinese text marked as such, under one line (``note``) saying it is not translated yet."""
    line = f'<p class="translation-note">{html.escape(note)}</p>\n\n' if note else ""
    return f'{line}<div lang="zh-Hans"{attrs} markdown>\n\n{body}\n\n</div>\n'


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def edition_words(path: Path | None, strict: bool, convert) -> dict[str, str]:
    """The edition's label of every name: from its labels file (a translation), else converted."""
    if path is not None:
        return load_labels(path, strict)
    return {k: convert(v) for k, v in labels.table().items()}
