"""The English glossary and metrics pages from the seeds: their templates, their check, their Markdown.

Plain functions for the build and the command line: the paths of
seeds/en-glossary.po, seeds/en-metrics.po and seeds/pinyin.yml are passed in.
Their texts are checked before any edition is written (:func:`english_texts`);
the pages are rendered by the translated edition's build (:func:`english_pages`),
each once for the same seed files.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from build_tools.annotate.glossary import annotate
from build_tools.annotate.load import found_outcomes, load_entries, load_metrics, load_report, pair_outcomes
from build_tools.annotate.pinyin import load_overrides, reading
from build_tools.model import Report
from build_tools.render import glossary_page_en, metrics_page_en, urls
from build_tools.render.metrics_text_en import En
from build_tools.seeds.english import Msg
from build_tools.seeds.memo import shared
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
    glance: str = ""  # the home page's glance, without its heading


@dataclass
class PageData:
    """What the two pages are made from: the report, the glossary, the figures, the outcomes' rows."""

    report: Report
    entries: list
    figures: list
    indicators: list
    rows: list


def page_data(seeds: Seeds) -> PageData:
    """The pages' data from the current seeds (each part computed once for every edition, seeds.memo)."""
    report = load_report(seeds)
    figures, indicators = load_metrics(seeds, report)
    rows = pair_outcomes(seeds, report, indicators, found_outcomes(seeds))
    return PageData(report, load_entries(seeds, report), figures, indicators, rows)


def needed_texts(seeds: Seeds) -> tuple[list[Msg], list[Msg]]:
    """The texts the English glossary page and metrics page need, from the current seeds."""
    d = page_data(seeds)
    return glossary_page_en.needed(d.entries), metrics_page_en.needed(d.indicators, d.figures, d.rows)


def write_templates(seeds: Seeds, out_dir: Path | str) -> dict[str, int]:
    """en-glossary.pot and en-metrics.pot in out_dir (never an editor's .po); entries written per file."""
    out_dir = Path(out_dir)
    glossary, metrics = needed_texts(seeds)
    return {
        str(out_dir / name): write_template(msgs, out_dir / name)
        for name, msgs in (("en-glossary.pot", glossary), ("en-metrics.pot", metrics))
    }


@shared  # checked before any edition is written, used again by the translated edition's build
def english_texts(
    seeds: Seeds, glossary_po: Path, metrics_po: Path, pinyin: Path | None, strict: bool = False
) -> tuple[PoStatus, PoStatus]:
    """The two pages' PO files, their states, and the pinyin overrides, checked: every missing or stale text
    is raised with its file and line (in strict mode, as the build checks them before writing anything)."""
    glossary_msgs, metrics_msgs = needed_texts(seeds)
    g_status = load_texts(glossary_po, glossary_msgs, strict)
    m_status = load_texts(metrics_po, metrics_msgs, strict)
    pinyin_overrides(seeds, pinyin)  # checked here; the page reads them through term_readings
    return g_status, m_status


def term_readings(seeds: Seeds, pinyin: Path | None) -> dict[str, str]:
    """Every glossary term in pinyin, with the editors' readings (seeds/pinyin.yml) where they give one."""
    overrides = pinyin_overrides(seeds, pinyin)
    return {e.term: reading(e.term, overrides) for e in load_entries(seeds, load_report(seeds))}


def pinyin_overrides(seeds: Seeds, pinyin: Path | None) -> list:
    """seeds/pinyin.yml, checked against the glossary's terms."""
    return _pinyin_overrides(pinyin, load_entries(seeds, load_report(seeds)))


@shared  # read once for the checks and the page
def _pinyin_overrides(pinyin: Path | None, entries: list) -> list:
    return load_overrides(pinyin, [e.term for e in entries])


@shared  # one rendering for the checks and the build
def english_pages(
    seeds: Seeds, glossary_po: Path, metrics_po: Path, pinyin: Path | None, strict: bool = False
) -> EnglishPages:
    """Both pages in English, and the home page's glance, from the checked texts."""
    g_status, m_status = english_texts(seeds, glossary_po, metrics_po, pinyin, strict)
    d = page_data(seeds)
    report, entries, figures, indicators, rows = d.report, d.entries, d.figures, d.indicators, d.rows
    _, where = annotate(report, entries)
    readings = term_readings(seeds, pinyin)  # asked for twice per entry
    located = urls.page_of_ids(report)
    page = glossary_page_en.glossary_markdown_en(
        report,
        entries,
        where,
        located,
        g_status.texts,
        readings.__getitem__,
        glossary=display_path(seeds.glossary) if seeds.glossary else "seeds/glossary.yml",
    )
    en = En(m_status.texts, english)
    metrics = metrics_page_en.page_markdown_en(
        indicators, figures, rows, lambda block: urls.relative(urls.METRICS, located[block], block), en
    )
    glance = metrics_page_en.glance_en(
        indicators,
        rows,
        lambda block: urls.relative(urls.HOME, located[block], block),
        en,
        urls.source_link(urls.HOME, urls.METRICS),
    )
    return EnglishPages(page, metrics, [g_status, m_status], glance)
