"""One way through: seed files in, the Markdown pages of one edition out.

seeds/ -> parse -> structure (ids, run-in headings) -> annotate (glossary,
metrics) -> Markdown pages (zh-Hans) -> converted to the edition's script.
The MkDocs plugin calls :func:`build_edition` and nothing else of this
pipeline; the command line calls the same stages.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .model import Report
from .pages import Page, Writer
from .parse import parse_file
from .structure import annotate_structure
from . import labels, urls
from .glossary import (annotate, check_quotes, glossary_warnings, jieba_words, load_glossary,
                       not_term_lines, report_text)
from .glossary_page import glossary_markdown
from . import metrics, outcomes, outcomes_page
from .metrics_page import home_markdown, metrics_csv, metrics_json, page_markdown
from .overrides import load_overrides
from .punct import to_display
from .errors import SeedError, raise_all
from .yamlio import display_path, line_of, load_seed


@dataclass
class Seeds:
    """Where the editor-owned inputs are."""

    report: Path
    overrides: Path
    glossary: Path | None = None
    not_terms: Path | None = None
    metrics: Path | None = None
    corrections: Path | None = None
    search_words: Path | None = None
    outcomes: Path | None = None
    translation: Path | None = None
    qualifiers: Path | None = None


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
    # Problems worth an editor's attention that do not stop the build (a definition too long for a tooltip).
    warnings: list[SeedError] = field(default_factory=list)


# jieba frequency for words that must stay one token (far above any in its dictionary).
WHOLE = 100000

SEED_OPTIONS = ("report", "overrides", "glossary", "not_terms", "metrics", "corrections", "search_words", "outcomes",
                "translation", "qualifiers")


def seeds_from_options(root: Path, options) -> Seeds:
    """The seed paths named by the report plugin's options, relative to the config's folder.

    The plugin and the command line both read them here, so they always read the same files.
    """
    return Seeds(**{key: root / options[key] if options.get(key) else None for key in SEED_OPTIONS})


def load_report(seeds: Seeds) -> Report:
    """Parse the report and give it structure (ids, run-in headings), honouring the overrides."""
    report = parse_file(seeds.report)
    return annotate_structure(report, load_overrides(seeds.overrides, report))


def converter(seeds: Seeds, conversion: str | None, text: str | None = None) -> Callable[[str], str]:
    """The text conversion of an edition: identity for zh-Hans, OpenCC plus corrections otherwise.

    ``text`` is what the corrections apply to; each corrected phrase must occur in it.
    """
    if not conversion:
        return lambda s: s
    from .hant import Converter, load_corrections

    corrections = load_corrections(seeds.corrections, text) if seeds.corrections else {}
    return Converter(conversion, corrections).convert


def load_entries(seeds: Seeds, report: Report) -> list:
    """The glossary, checked against the report and the not-a-term list (every quoted phrase placed once)."""
    if not seeds.glossary:
        return []
    entries = load_glossary(seeds.glossary, report)
    not_terms = not_term_lines(seeds.not_terms)
    raise_all(check_quotes(report, entries, not_terms, display_path(seeds.glossary),
                           display_path(seeds.not_terms) if seeds.not_terms else None))
    return entries


def converted_text(report: Report, entries: list, found: list | None = None) -> str:
    """Every zh-Hans text an edition converts that comes from the seeds: the report, the glossary, the outcomes."""
    return "\n".join([displayed_text(report), *(f"{e.term}\n{e.definition}" for e in entries),
                      *outcomes.texts(found or [])])


def build_edition(seeds: Seeds, conversion: str | None = None, twin_conversions: tuple[str, ...] = (),
                  source_url: Callable[[Path, int], str] | None = None) -> Edition:
    """All generated pages and files of one edition.

    ``twin_conversions`` are the conversions of the other editions: search folds
    the characters they change, so either script finds the text in any edition.
    ``source_url(path, line)`` is where a line of a seed file can be read and edited (the repository on GitHub).
    """
    report = load_report(seeds)
    entries = load_entries(seeds, report)
    found = outcomes.load_outcomes(seeds.outcomes) if seeds.outcomes else []
    convert = converter(seeds, conversion, converted_text(report, entries, found))
    notes, where = annotate(report, entries)
    figures, indicators = load_metrics(seeds, report)
    results = pair_outcomes(seeds, report, indicators, found)
    # Labels are source text: typeset them like the report (ASCII punctuation to fullwidth).
    located = urls.page_of_ids(report)
    metrics_link = urls.source_link(urls.HOME, urls.METRICS)
    home = home_markdown(indicators, _href(located, urls.HOME), to_display, metrics_href=metrics_link,
                         outcomes=outcomes_page.home_line(results, to_display, metrics_link)) if figures else ""
    pages = Writer(report, notes).pages(home_extra=home)
    if entries:
        pages.append(Page(urls.GLOSSARY, labels.GLOSSARY, glossary_markdown(
            report, entries, where, located, (lambda e: source_url(seeds.glossary, e.line)) if source_url else None)))
    files = {}
    if figures:
        href = _href(located, urls.METRICS)
        pages.append(Page(urls.METRICS, labels.METRICS, page_markdown(
            indicators, figures, href, to_display, names=section_names(report),
            outcomes=outcomes_page.section_markdown(results, href, to_display))))
        records = outcomes_page.outcome_records(results, lambda text: convert(to_display(text)))
        files = {"metrics/metrics.csv": metrics_csv(figures, convert, records),
                 "metrics/metrics.json": metrics_json(figures, convert, records).encode("utf-8")}
    for page in pages:
        page.title = convert(page.title)
        page.markdown = convert(page.markdown)
    # Editors' words are kept whole whatever jieba's own dictionary says.
    words = dict.fromkeys(jieba_words(entries) + load_search_words(seeds.search_words, report), WHOLE)
    edition = Edition(pages=pages, files=files, convert=convert, jieba_words=words,
                      warnings=glossary_warnings(entries, report, display_path(seeds.glossary)) if entries else [])
    if conversion:
        _converted_search(edition, report)
    edition.fold = fold_map(seeds, report, [c for c in (conversion, *twin_conversions) if c])
    return edition


def fold_map(seeds: Seeds, report: Report, conversions: list[str]) -> dict[str, str]:
    """Characters a conversion of this text puts in each other's place, mapped to one of them.

    Applied to the query and to the displayed text alike, it makes 營商環境, 营商环境
    and any mix of the two the same string in either edition. It is the project's
    own conversion read both ways (着 and 著 are one class if 着力 becomes 著力), so it
    merges only characters that conversion itself confuses; each class maps to its
    member most frequent in the source.
    """
    text = displayed_text(report)
    parent: dict[str, str] = {}

    def root(c: str) -> str:
        while parent.get(c, c) != c:
            c = parent[c]
        return c

    for conversion in conversions:
        for s, t in zip(text, converter(seeds, conversion)(text)):
            if s != t:
                parent.setdefault(s, s)
                parent.setdefault(t, t)
                parent[root(t)] = root(s)
    counts = Counter(text)
    classes: dict[str, list[str]] = {}
    for c in sorted(parent):
        classes.setdefault(root(c), []).append(c)
    fold = {}
    for members in classes.values():
        best = max(members, key=lambda c: (counts[c], -ord(c)))
        fold.update({c: best for c in members if c != best})
    return fold


def _converted_search(edition: Edition, report: Report) -> None:
    """Search in a converted edition: words cut as in zh-Hans, and Simplified input mapped."""
    convert = edition.convert
    text = displayed_text(report)
    edition.query_map = character_map(text, convert(text))
    vocabulary = segmented_vocabulary(report_text(report), convert, edition.jieba_words)
    own = edition.jieba_words
    edition.jieba_words = {**vocabulary, **dict(zip(convert_all(convert, list(own)), own.values()))}


def displayed_text(report: Report) -> str:
    """Every text of the report that its pages display: front matter and blocks."""
    front = [report.title, report.subtitle, report.speaker, *(v for kv in report.meta for v in kv)]
    return "\n".join(front + [report_text(report)])


def load_search_words(path: Path | None, report: Report) -> list[str]:
    """seeds/search-words.yml: words the search index keeps whole; each must occur in the report."""
    if path is None:
        return []
    shown = display_path(path)
    data = load_seed(path, "search-words", "a YAML list of words", optional=True) or []
    text = report_text(report)
    errors = [SeedError(shown, line_of(w), f"'{w}' must be a word that occurs in the report") for w in data if w.strip() not in text]
    raise_all(errors)
    return [w.strip() for w in data]


def character_map(source: str, converted: str) -> dict[str, str]:
    """For each character the conversion ever changes, its most frequent form in this edition.

    Counting unchanged places too matters: 制 stays 制 more often than it becomes 製.
    Lets a reader type Simplified into the zh-Hant search and still find the text.
    """
    changed = {s for s, t in zip(source, converted) if s != t}
    counts: dict[str, Counter] = {s: Counter() for s in changed}
    for s, t in zip(source, converted):
        if s in counts:
            counts[s][t] += 1
    best = {s: c.most_common(1)[0][0] for s, c in sorted(counts.items())}
    return {s: t for s, t in best.items() if s != t}


def segmented_vocabulary(text: str, convert, words: dict[str, int]) -> dict[str, int]:
    """The zh-Hans text's words as jieba cuts them (with the editors' words), converted, with their frequencies.

    jieba's dictionary is Simplified; given these words at the weights it gave the
    originals, it cuts the converted text where it cuts the original, so 烏海湖 and
    幹部 index like 乌海湖 and 干部. A tokenizer of its own keeps the shared one clean.
    """
    tokenizer = _fresh_tokenizer()
    for word, freq in words.items():
        tokenizer.add_word(word, freq)
    cut = sorted({w for w in tokenizer.lcut(text) if len(w) > 1 and not w.isascii()})
    return {t: tokenizer.FREQ.get(w) or 1 for w, t in zip(cut, convert_all(convert, cut)) if t != w}


@lru_cache(maxsize=1)
def _jieba_dictionary():
    """jieba's own dictionary, loaded once per process (the slow part of a tokenizer)."""
    import jieba

    base = jieba.Tokenizer()
    base.initialize()
    return base.FREQ, base.total


def _fresh_tokenizer():
    """A jieba tokenizer with only jieba's own dictionary: words added to it go nowhere else."""
    import jieba

    tokenizer = jieba.Tokenizer()
    freq, total = _jieba_dictionary()
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = dict(freq), total, True
    return tokenizer


def convert_all(convert, words: list[str]) -> list[str]:
    """Convert many words in one call (the conversion keeps lengths, so lines map back one to one)."""
    return convert("\n".join(words)).split("\n") if words else []


def load_metrics(seeds: Seeds, report: Report):
    """The report's figures and headline indicators, checked against the text.

    Without seeds/metrics.yml the genre's own indicator table applies.
    """
    overrides = metrics.load_overrides(seeds.metrics) if seeds.metrics else None
    figures = metrics.extract(report, overrides)
    metrics.check(report, figures, display_path(seeds.metrics or seeds.report))
    indicators = metrics.headline(report, figures, overrides)
    if overrides:
        raise_all(metrics.unmatched(report, overrides, indicators))
    return figures, indicators


def pair_outcomes(seeds: Seeds, report: Report, indicators, found: list) -> list[outcomes.Pairing]:
    """The editors' outcomes, each paired with its headline target and judged."""
    if not found:
        return []
    plan_year = metrics.role_years(metrics.places_of(report)).get("target")
    return outcomes.pair(outcomes.targets_of(indicators, plan_year), found, display_path(seeds.outcomes))


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


def check_seeds(seeds: Seeds, strict: bool = False, notes: list[str] | None = None) -> tuple[int, list[SeedError]]:
    """Validate every seed file the way the build reads it; how many were read, and the warnings.

    ``notes`` receives what is reported without failing (the translation's status);
    ``strict`` makes a missing, fuzzy or obsolete translation an error.
    """
    report = load_report(seeds)
    count = 2
    entries = load_entries(seeds, report)
    warnings = glossary_warnings(entries, report, display_path(seeds.glossary)) if entries else []
    count += 2 if seeds.glossary else 0
    found = outcomes.load_outcomes(seeds.outcomes) if seeds.outcomes else []
    if seeds.corrections:
        from .hant import load_corrections

        load_corrections(seeds.corrections, converted_text(report, entries, found))
        count += 1
    if seeds.metrics:
        _figures, indicators = load_metrics(seeds, report)
        count += 1
        if found:
            pair_outcomes(seeds, report, indicators, found)
            count += 1
    if seeds.search_words:
        load_search_words(seeds.search_words, report)
        count += 1
    if seeds.translation:
        from .translation import check_translation, load_qualifiers

        qualifiers = load_qualifiers(seeds.qualifiers) if seeds.qualifiers else []
        status = check_translation(seeds.translation, report, entries, qualifiers, strict)
        if notes is not None:
            notes += [str(e) for e in status.fuzzy + status.obsolete + status.missing]
            notes.append(status.summary(display_path(seeds.translation)))
        count += 2 if seeds.qualifiers else 1
    return count, warnings
