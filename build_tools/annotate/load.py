"""The annotated report from the seeds: each seed file read once and checked against the report.

Every edition of a site reads the same seeds: each result is computed once for all of them (`seeds.memo`),
keyed by the files it reads, so that a saved glossary does not parse the report again under `mkdocs serve`."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from build_tools.annotate import metrics, outcomes
from build_tools.annotate.glossary import check_quotes, glossary_warnings, load_glossary, not_term_lines
from build_tools.annotate.overrides import load_overrides
from build_tools.annotate.structure import annotate_structure
from build_tools.model import Report, report_text
from build_tools.parse.report import parse_file
from build_tools.seeds.errors import SeedError, raise_all
from build_tools.seeds.memo import shared
from build_tools.seeds.paths import Seeds
from build_tools.seeds.shapes import load_seed
from build_tools.seeds.yamlio import display_path, line_of


def load_report(seeds: Seeds) -> Report:
    """Parse the report and give it structure (ids, run-in headings), honouring the overrides."""
    return _load_report(seeds.report, seeds.overrides)


@shared
def _load_report(path: Path, overrides: Path | None) -> Report:
    report = parse_file(path)
    return annotate_structure(report, load_overrides(overrides, report))


def load_entries(seeds: Seeds, report: Report) -> list:
    """The glossary, checked against the report and the not-a-term list (every quoted phrase placed once)."""
    return _load_entries(seeds.glossary, seeds.not_terms, report)


@shared
def _load_entries(glossary: Path | None, not_terms: Path | None, report: Report) -> list:
    if not glossary:
        return []
    entries = load_glossary(glossary, report)
    phrases = not_term_lines(not_terms)
    shown = display_path(not_terms) if not_terms else None
    raise_all(check_quotes(report, entries, phrases, display_path(glossary), shown))
    return entries


@shared
def entry_warnings(seeds: Seeds, report: Report, entries: list) -> list[SeedError]:
    """What the glossary's entries need an editor to look at without stopping the build (none without a glossary):
    the same for the build and for `make check`."""
    if not (entries and seeds.glossary):
        return []
    return glossary_warnings(entries, report, display_path(seeds.glossary))


def load_search_words(path: Path | None, report: Report) -> list[str]:
    """seeds/search-words.yml: words the search index keeps whole; each must occur in the report."""
    if path is None:
        return []
    shown = display_path(path)
    data = load_seed(path, "search-words", "a YAML list of words", optional=True) or []
    text = report_text(report)
    errors = [
        SeedError(shown, line_of(w), f"'{w}' must be a word that occurs in the report")
        for w in data
        if w.strip() not in text
    ]
    raise_all(errors)
    return [w.strip() for w in data]


def load_metrics(seeds: Seeds, report: Report):
    """The report's figures and headline indicators, checked against the text.

    Without seeds/metrics.yml the genre's own indicator table applies.
    """
    return _load_metrics(seeds.metrics, seeds.report, report)


@shared
def _load_metrics(path: Path | None, report_path: Path, report: Report):
    overrides = metrics.load_overrides(path) if path else None
    figures, listed = metrics.extract_listed(report, overrides)
    metrics.check(report, figures, display_path(path or report_path))
    indicators = metrics.headline(report, figures, overrides)
    if overrides:
        raise_all(metrics.unmatched(overrides, indicators, listed))
    return figures, indicators


def found_outcomes(seeds: Seeds) -> Sequence[outcomes.Outcome]:
    """The editors' outcomes (seeds/outcomes.yml), or none: an empty tuple, one value for every edition (the
    stages keyed by what they are made from then share their results, as they do for the file's list)."""
    return outcomes.load_outcomes(seeds.outcomes) if seeds.outcomes else ()


def pair_outcomes(seeds: Seeds, report: Report, indicators, found: Sequence) -> list[outcomes.Pairing]:
    """The editors' outcomes, each paired with its headline target and judged."""
    return _pair_outcomes(seeds.outcomes, report, indicators, found)


@shared
def _pair_outcomes(path: Path | None, report: Report, indicators, found: Sequence) -> list[outcomes.Pairing]:
    if not found or path is None:
        return []
    plan_year = metrics.role_years(metrics.places_of(report)).get("target")
    return outcomes.pair(outcomes.targets_of(indicators, plan_year), found, display_path(path))
