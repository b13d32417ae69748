"""Extraction: every figure of the report in reading order, each block read in its part's role."""

from __future__ import annotations

import re

from ...model import Report
from .clauses import _base_year, _estimate, _kind, _status
from .corrections import _apply_overrides, _apply_splits
from .figures import Figure, Overrides, Place, block_text
from .label import _label_all, _split_members
from .words import FIGURE_RE, GENRE_SPLITS, PART_ROLES, YEAR_RE


def extract(report: Report, overrides: Overrides | None = None) -> list[Figure]:
    """Every figure of the report in reading order, with editor overrides applied."""
    return extract_listed(report, overrides)[0]


def extract_listed(report: Report, overrides: Overrides | None = None) -> tuple[list[Figure], set[str]]:
    """:func:`extract`, and the subjects of the report's 分别 lists as the report writes them, before the
    editors' splits rename their members (a split's label must name one: ``validate.unmatched``)."""
    ov = overrides or Overrides()
    places = places_of(report)
    figures: list[Figure] = []
    for block_id, place in places.items():
        figures += _block_figures(block_id, place)
    listed = {f.subject for f in figures if f.group >= 0}
    figures = _apply_splits(figures, ov.splits if ov.splits is not None else GENRE_SPLITS)
    return _apply_overrides(places, figures, ov), listed


def places_of(report: Report) -> dict[str, Place]:
    """Every block's place, in reading order; built once per call so no step re-reads the outline."""
    roles = _part_roles(report)
    places = {}
    for part, section, _para, block in report.blocks():
        role, year = roles.get(part.id, ("", None)) if part else ("", None)
        section_id = section.id if section else (part.id if part else "")
        places[block.id] = Place(block_text(block), section_id, role, year)
    return places


def _part_roles(report: Report) -> dict[str, tuple[str, int | None]]:
    """Each part's role (result/target/tasks) and year, read from its title."""
    found: dict[str, tuple[str, int | None]] = {}
    for part in report.parts:
        role = next((r for word, r in PART_ROLES if word in part.title), "")
        year = YEAR_RE.search(part.title)
        found[part.id] = (role, int(year.group(1)) if year else None)
    years = {role: y for role, y in found.values() if y}
    # A part without a year in its title refers to the review year or, for plans, the year after it.
    plan_year = years.get("target") or years.get("tasks") or (years["result"] + 1 if "result" in years else None)

    def year_of(role: str, year: int | None) -> int | None:
        if year is not None:
            return year
        return years.get("result") if role == "result" else plan_year if role else None

    return {pid: (role, year_of(role, year)) for pid, (role, year) in found.items()}


def _block_figures(block_id: str, place: Place) -> list[Figure]:
    """The figures the patterns find in one block, labelled and given a kind."""
    text = place.text
    figures = [_figure(block_id, place.section_id, n, m) for n, m in enumerate(FIGURE_RE.finditer(text), 1)]
    _label_all(text, figures)
    figures = _split_members(figures)
    previous: Figure | None = None
    for fig in figures:
        fig.kind, fig.year = _kind(text, fig, place.role, place.year)
        fig.estimate = _estimate(text, fig.start)
        fig.base_year = _base_year(text, fig)
        fig.status = _status(text, fig, figures, previous)
        previous = fig
    return figures


def _figure(block_id: str, section_id: str, n: int, m: re.Match) -> Figure:
    """The unlabelled figure for one match of ``FIGURE_RE``."""
    fig = Figure(
        id=f"m-{block_id}-{n}",
        block_id=block_id,
        section_id=section_id,
        label="",
        value=float(m["num"].replace(",", "")),
        unit=(m["mag"] or "") + m["unit"],
        qualifier=m["after"] or ("余" if m["yu"] else "") or m["before"] or "",
        source=m.group(0),
        start=m.start(),
    )
    if m["num2"]:
        # A range keeps its lower bound as the value; the qualifier carries the upper one for CSV readers.
        fig.value_max = float(m["num2"].replace(",", ""))
        fig.qualifier = f"至{m['num2']}" + (m["after"] or "")
    return fig
