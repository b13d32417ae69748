"""Headline selection: each indicator's result of the review year and target of the plan year."""

from __future__ import annotations

from ...model import Report
from .clauses import _estimate
from .extract import places_of
from .figures import Figure, Indicator, Overrides, Place
from .label import _clean
from .words import CLAUSE_SPLIT_RE, COMMITMENT, FIGURE_RE, GENRE_INDICATORS, LEAD_RE


def headline(report: Report, figures: list[Figure], overrides: Overrides | None = None) -> list[Indicator]:
    """Headline indicators (from seeds/metrics.yml, else ``GENRE_INDICATORS``) with result and target.

    A figure belongs to an indicator when its subject is the indicator's
    name or an alias (or starts with one), or one of the names the entry
    gives for that side only (``result``/``target``); the first result of
    the review year and the first target of the plan year in reading order
    win (a 2025 goal is not a 2023 target). When no figure matches, a clause
    of the review (or targets) part that opens with the name gives the words.
    """
    specs = overrides.indicators if overrides and overrides.indicators is not None else GENRE_INDICATORS
    places = places_of(report)
    years = role_years(places)
    # Every indicator scans every figure, so each subject is cleaned once here rather than per scan.
    subjects = [(f, _clean(f.subject)) for f in figures]
    out = []
    for spec in specs:
        ind = _indicator(spec, subjects, places, years)
        if ind.result is not None or ind.target is not None:
            out.append(ind)
    return out


def role_years(places: dict[str, Place]) -> dict[str, int | None]:
    """The year each part role refers to (result: the review year; target: the plan year)."""
    years = {place.role: place.year for place in places.values() if place.role}
    years.setdefault("target", years.get("tasks"))
    return years


def _indicator(spec: dict, subjects: list[tuple[Figure, str]], places: dict[str, Place], years: dict) -> Indicator:
    """One indicator's result and target: a figure, else a clause in words, else None."""
    same = [spec["name"], *spec.get("aliases", [])]
    ind = Indicator(spec["name"])
    for kind in ("result", "target"):
        names = same + spec.get(kind, [])
        fits = [(f, s) for f, s in subjects if f.year == years.get(kind)]
        fig = _first(fits, names, kind, spec.get("unit", ""))
        words = None if fig else _words(places, names, kind)
        setattr(ind, kind, fig or (words[1] if words else None))
        setattr(ind, f"{kind}_block", fig.block_id if fig else (words[0] if words else ""))
        if words:
            setattr(ind, f"{kind}_estimate", words[2])
    r, t = ind.result, ind.target
    # Same labels that differ only in status need no labels: each cell shows its status anyway.
    if isinstance(r, Figure) and isinstance(t, Figure) and r.label != t.label and not measures_alike(ind, same):
        ind.result_label, ind.target_label = r.label, t.label
    return ind


def stage(fig: Figure) -> list[str]:
    """The status verbs that say what a figure counts (开工, 投用…), without the commitments (力争…)."""
    return [v for v in fig.status.split("、") if v and v not in COMMITMENT]


def measures_alike(ind: Indicator, same: list[str]) -> bool:
    """Whether the row's result and target count the same thing and can share the row's name.

    Both subjects must be the name or an alias the editors declared the same (规上 = 规模以上), with the
    same change word, status stage (投用 vs 新建) and base year; otherwise each cell shows its own label.
    """
    r, t = ind.result, ind.target
    if not (isinstance(r, Figure) and isinstance(t, Figure)):
        return True

    def named(fig):
        return _clean(fig.subject) in same or _clean(fig.subject).startswith(tuple(same))

    return named(r) and named(t) and r.change == t.change and stage(r) == stage(t) and r.base_year == t.base_year


def _first(subjects: list[tuple[Figure, str]], names: list[str], kind: str, unit: str) -> Figure | None:
    """The first figure of that kind and unit whose cleaned subject names it; exact subjects beat prefixes."""
    fits = [(f, s) for f, s in subjects if f.kind == kind and (not unit or f.unit == unit)]
    exact = [f for f, s in fits if s in names]
    loose = [f for f, s in fits if s.startswith(tuple(names))]
    return next(iter(exact or loose), None)


def _words(places: dict[str, Place], names: list[str], kind: str) -> tuple[str, str, str] | None:
    """A clause stating the indicator in words (城镇新增就业超额完成年度目标), its block and estimate marker."""
    for block_id, place in places.items():
        if place.role != kind:
            continue
        for clause in CLAUSE_SPLIT_RE.split(place.text):
            stripped = LEAD_RE.sub("", clause.strip())
            if any(stripped.startswith(n) for n in names) and not FIGURE_RE.search(clause):
                at = place.text.find(clause.strip())
                return block_id, clause.strip(), _estimate(place.text, at + len(clause.strip()))
    return None
