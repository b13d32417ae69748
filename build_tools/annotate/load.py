"""The annotated report from the seeds: each seed file read once and checked against the report.

Every edition of a site reads the same seeds: each result is computed once for all of them (`seeds.memo`)."""

from __future__ import annotations

from pathlib import Path

from build_tools.annotate import metrics, outcomes
from build_tools.annotate.glossary import check_quotes, load_glossary, not_term_lines
from build_tools.annotate.overrides import load_overrides
from build_tools.annotate.structure import annotate_structure
from build_tools.model import Report, report_text
from build_tools.parse.report import parse_file
from build_tools.seeds.errors import SeedError, raise_all
from build_tools.seeds.memo import shared
from build_tools.seeds.paths import Seeds
from build_tools.seeds.yamlio import display_path, line_of, load_seed


@shared
def load_report(seeds: Seeds) -> Report:
    """Parse the report and give it structure (ids, run-in headings), honouring the overrides."""
    report = parse_file(seeds.report)
    return annotate_structure(report, load_overrides(seeds.overrides, report))


@shared
def load_entries(seeds: Seeds, report: Report) -> list:
    """The glossary, checked against the report and the not-a-term list (every quoted phrase placed once)."""
    if not seeds.glossary:
        return []
    entries = load_glossary(seeds.glossary, report)
    not_terms = not_term_lines(seeds.not_terms)
    raise_all(
        check_quotes(
            report,
            entries,
            not_terms,
            display_path(seeds.glossary),
            display_path(seeds.not_terms) if seeds.not_terms else None,
        )
    )
    return entries


@shared
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


@shared
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


@shared
def pair_outcomes(seeds: Seeds, report: Report, indicators, found: list) -> list[outcomes.Pairing]:
    """The editors' outcomes, each paired with its headline target and judged."""
    if not found or seeds.outcomes is None:
        return []
    plan_year = metrics.role_years(metrics.places_of(report)).get("target")
    return outcomes.pair(outcomes.targets_of(indicators, plan_year), found, display_path(seeds.outcomes))
