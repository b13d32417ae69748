"""One way through: seed files in, the generated pages and files of one edition out."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from build_tools.annotate.glossary import annotate, jieba_words
from build_tools.annotate.load import (
    entry_warnings,
    found_outcomes,
    load_entries,
    load_metrics,
    load_report,
    load_search_words,
    pair_outcomes,
)
from build_tools.model import Report
from build_tools.parse.punct import to_display
from build_tools.render import labels, outcomes_page, urls
from build_tools.render.glossary_page import glossary_markdown
from build_tools.render.metrics_page import TEXT_FIELDS, home_markdown, metrics_files, page_markdown
from build_tools.render.pages import Page, Writer
from build_tools.seeds.memo import shared
from build_tools.seeds.paths import Seeds

from .edition import SOURCE, WHOLE, Edition, EditionEntry
from .search_support import _converted_search, add_vocabulary, fold_map
from .transform import converted_once, converted_text, text_transform, unchanged
from .translated import Sources, edition_words, translated_pages, translated_texts


def build_edition(
    seeds: Seeds,
    entry: EditionEntry = SOURCE,
    others: Sequence[EditionEntry] = (),
    source_url: Callable[[Path, int], str] | None = None,
    strict: bool = False,
    segment: bool = True,
) -> Edition:
    """All generated pages and files of one edition (``entry``; the source text by default).

    ``others`` are the site's other editions: search folds the characters their
    conversions change, so either script finds the text in any edition.
    ``source_url(path, line)`` is where a line of a seed file can be read and edited (the repository on GitHub).
    ``strict``: a translated edition's missing or fuzzy unit or label stops the build.
    ``segment``: False leaves out the one step that needs jieba's dictionary (a converted
    edition's words, :func:`.search_support.add_vocabulary`), for a process that has not loaded it.
    """
    report = load_report(seeds)
    entries = load_entries(seeds, report)
    found = found_outcomes(seeds)
    convert = text_transform(seeds, entry, converted_text(report, entries, found))
    notes, _ = annotate(report, entries)
    figures, indicators = load_metrics(seeds, report)
    results = pair_outcomes(seeds, report, indicators, found)
    glossary = str(seeds.glossary) if seeds.glossary else None
    source, home = source_pages(report, entries, figures, indicators, results, source_url, glossary)
    files = {}
    if figures:
        files = source_metrics_files(figures, results) if convert is unchanged else _metrics(figures, results, convert)
    if entry.translation:
        texts = translated_texts(seeds, Path(entry.translation), report, entries, strict)
        own_words = edition_words(Path(entry.labels), strict, convert)
        sources = Sources(seeds, report, entries, notes)
        pages = translated_pages(sources, texts, own_words, list(source), home, entry, strict)
        return Edition(pages=pages, files=files, convert=convert, words=own_words)
    pages = [Page(page.src, convert(page.title), convert(page.markdown)) for page in source]
    # Editors' words are kept whole whatever jieba's own dictionary says.
    words = dict.fromkeys(jieba_words(entries) + load_search_words(seeds.search_words, report), WHOLE)
    edition = Edition(
        pages=pages,
        files=files,
        convert=convert,
        jieba_words=words,
        words=edition_words(None, strict, convert),
        warnings=entry_warnings(seeds, report, entries),
    )
    if entry.conversion:
        _converted_search(edition, report, seeds.corrections, entry.conversion)
        if segment:
            add_vocabulary(edition)
    edition.fold = fold_map(seeds, report, [e.conversion for e in (entry, *others) if e.conversion])
    return edition


@shared  # the same for every edition that keeps the report's script (zh-Hans, a translation)
def source_metrics_files(figures: list, results: list) -> dict[str, bytes]:
    """The metrics data files (CSV and JSON) in the report's own script."""
    return _metrics(figures, results, unchanged)


def _metrics(figures: list, results: list, convert: Callable[[str], str]) -> dict[str, bytes]:
    """The metrics data files, their readers' text in an edition's script."""
    records = outcomes_page.outcome_records(results, lambda text: convert(to_display(text)))
    fields = [data[key] for data in (f.as_dict() for f in figures) for key in TEXT_FIELDS]
    return metrics_files(figures, converted_once(convert, fields), records)


@shared  # keyed by what the pages are made from (each the same object for every edition), not every seed file
def source_pages(
    report: Report,
    entries: list,
    figures: list,
    indicators: list,
    results: list,
    source_url: Callable[[Path, int], str] | None,
    glossary: str | None,
) -> tuple[tuple[Page, ...], str]:
    """The pages in the report's own script (the report's, the glossary's, the metrics') and the home
    page's glance: the same for every edition, so computed once; each edition converts or translates them.
    ``glossary`` is the glossary file's path, which its entries' edit links name."""
    notes, where = annotate(report, entries)
    # Labels are source text: typeset them like the report (ASCII punctuation to fullwidth).
    located = urls.page_of_ids(report)
    metrics_link = urls.source_link(urls.HOME, urls.METRICS)
    home = (
        home_markdown(
            indicators,
            _href(located, urls.HOME),
            to_display,
            metrics_href=metrics_link,
            outcomes=outcomes_page.home_line(results, to_display, metrics_link),
        )
        if figures
        else ""
    )
    pages = Writer(report, notes).pages(home_extra=home)
    if entries:
        edit = _edit_link(source_url, Path(glossary) if glossary else None)
        pages.append(Page(urls.GLOSSARY, labels.GLOSSARY, glossary_markdown(report, entries, where, located, edit)))
    if figures:
        href = _href(located, urls.METRICS)
        metrics = page_markdown(
            indicators,
            figures,
            href,
            to_display,
            names=section_names(report),
            outcomes=outcomes_page.section_markdown(results, href, to_display),
        )
        pages.append(Page(urls.METRICS, labels.METRICS, metrics))
    return tuple(pages), home


def _edit_link(source_url: Callable[[Path, int], str] | None, glossary: Path | None):
    """A function giving where a glossary entry's line can be edited, or None without a repository."""
    if source_url is None or glossary is None:
        return None
    return lambda entry: source_url(glossary, entry.line)


def section_names(report: Report) -> dict[str, str]:
    """Display names of parts and subsections by id, for tables grouped by place."""
    names = {}
    for part in report.parts:
        names[part.id] = to_display(part.heading)
        for section in part.sections:
            names[section.id] = to_display(part.numeral + section.heading)
    return names


def _href(pages: dict[str, str], from_src: str):
    """A function giving the link from one page to any block of the report (pages: id -> source)."""
    return lambda block_id: urls.relative(from_src, pages[block_id], block_id)
