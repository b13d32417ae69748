"""The English glossary and metrics pages from the seeds: their templates, their check, their Markdown.

Plain functions for the build and the command line (to be wired in build.py and
cli.py): the paths of seeds/en-glossary.po, seeds/en-metrics.po and
seeds/pinyin.yml are passed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from build_tools.annotate import outcomes
from build_tools.annotate.glossary import annotate
from build_tools.annotate.load import load_entries, load_metrics, load_report, pair_outcomes
from build_tools.annotate.pinyin import load_overrides, reading
from build_tools.model import Report
from build_tools.render import glossary_page_en, metrics_page_en, urls
from build_tools.render.metrics_text_en import En
from build_tools.seeds.english import Msg
from build_tools.seeds.paths import Seeds
from build_tools.seeds.yamlio import display_path

from .english_po import PoStatus, load_texts, write_template
from .numbers import english


@dataclass
class EnglishPages:
    """The two pages' Markdown and the state of their PO files."""

    glossary: str
    metrics: str
    statuses: list[PoStatus]


def needed_texts(seeds: Seeds) -> tuple[list[Msg], list[Msg]]:
    """The texts the English glossary page and metrics page need, from the current seeds."""
    report = load_report(seeds)
    entries = load_entries(seeds, report)
    figures, indicators = load_metrics(seeds, report)
    found = outcomes.load_outcomes(seeds.outcomes) if seeds.outcomes else []
    rows = pair_outcomes(seeds, report, indicators, found)
    return glossary_page_en.needed(entries), metrics_page_en.needed(indicators, figures, rows)


def write_templates(seeds: Seeds, out_dir: Path | str) -> dict[str, int]:
    """en-glossary.pot and en-metrics.pot in out_dir (never an editor's .po); entries written per file."""
    out_dir = Path(out_dir)
    glossary, metrics = needed_texts(seeds)
    return {
        str(out_dir / name): write_template(msgs, out_dir / name)
        for name, msgs in (("en-glossary.pot", glossary), ("en-metrics.pot", metrics))
    }


def english_pages(
    seeds: Seeds, glossary_po: Path, metrics_po: Path, pinyin: Path | None, strict: bool = False
) -> EnglishPages:
    """Both pages in English; every missing or stale text is raised with its file and line."""
    report = load_report(seeds)
    entries = load_entries(seeds, report)
    figures, indicators = load_metrics(seeds, report)
    found = outcomes.load_outcomes(seeds.outcomes) if seeds.outcomes else []
    rows = pair_outcomes(seeds, report, indicators, found)
    _, where = annotate(report, entries)
    shared = Shared(report, entries, where, indicators, figures, rows)
    return english_pages_from(shared, glossary_po, metrics_po, pinyin, strict, seeds.glossary)


@dataclass
class Shared:
    """What the zh-Hans glossary and metrics pages are made from (the build has it already)."""

    report: Report
    entries: list
    where: dict
    indicators: list
    figures: list
    rows: list


def glossary_texts(shared: Shared, glossary_po: Path, strict: bool) -> PoStatus:
    """The English glossary texts (definitions, categories, bases), checked against the current glossary."""
    return load_texts(glossary_po, glossary_page_en.needed(shared.entries), strict)


def english_pages_from(
    shared: Shared,
    glossary_po: Path,
    metrics_po: Path,
    pinyin: Path | None,
    strict: bool = False,
    glossary: Path | None = None,
) -> EnglishPages:
    """Both pages in English from data already computed; missing or stale texts raise with file and line."""
    g_status = glossary_texts(shared, glossary_po, strict)
    m_status = load_texts(metrics_po, metrics_page_en.needed(shared.indicators, shared.figures, shared.rows), strict)
    overrides = load_overrides(pinyin, [e.term for e in shared.entries])
    located = urls.page_of_ids(shared.report)
    page = glossary_page_en.glossary_markdown_en(
        shared.report,
        shared.entries,
        shared.where,
        located,
        g_status.texts,
        lambda term: reading(term, overrides),
        glossary=display_path(glossary) if glossary else "seeds/glossary.yml",
    )
    metrics = metrics_page_en.page_markdown_en(
        shared.indicators,
        shared.figures,
        shared.rows,
        lambda block: urls.relative(urls.METRICS, located[block], block),
        En(m_status.texts, english),
    )
    return EnglishPages(page, metrics, [g_status, m_status])
