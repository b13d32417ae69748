"""Applying the editors' overrides to the extracted figures: labels, exclusions, additions."""

from __future__ import annotations

import re

from ...seeds.errors import SeedError, raise_all
from .clauses import _base_year, _estimate, _kind, _status
from .figures import Figure, Overrides, Passage, Place
from .label import _label


def _apply_splits(figures: list[Figure], splits: list[dict]) -> list[Figure]:
    """Rename the members of a 分别 group whose shared subject names several indicators."""
    table = {s["label"]: s["into"] for s in splits}
    for fig in figures:
        into = table.get(fig.subject)
        if fig.group >= 0 and into and fig.group < len(into):
            fig.subject = into[fig.group]
            fig.label = _label(fig)
    return figures


def _apply_overrides(places: dict[str, Place], figures: list[Figure], ov: Overrides) -> list[Figure]:
    """Labels, exclusions and additions from seeds/metrics.yml; stale entries are errors."""
    errors: list[SeedError] = []
    for passage, label in ov.labels:
        hits = _matching(figures, places, passage, ov.path, errors)
        for fig in hits[:1]:
            fig.label, fig.subject, fig.change = label, label, ""
    for passage in ov.exclude:
        hits = _matching(figures, places, passage, ov.path, errors)
        figures = [f for f in figures if f not in hits]
    figures = figures + [
        _added(places, passage, spec, k, ov.path, errors) for k, (passage, spec) in enumerate(ov.add, 1)
    ]
    raise_all(errors)
    order = {bid: i for i, bid in enumerate(places)}
    return sorted(figures, key=lambda f: (order.get(f.block_id, len(order)), f.start))


def _unknown_block(passage: Passage, path: str) -> SeedError:
    """The error for an override naming a block the report does not have."""
    return SeedError(path, passage.line, f"unknown block '{passage.block}'; use an id such as p1-2-1")


def _matching(figures, places: dict[str, Place], passage: Passage, path: str, errors: list) -> list[Figure]:
    """Figures whose source lies inside an occurrence of the passage."""
    if passage.block and passage.block not in places:
        errors.append(_unknown_block(passage, path))
        return []
    hits = []
    occurs: dict[str, list[tuple[int, int]]] = {}  # the passage's spans in each block, found once per block
    pattern = re.compile(re.escape(passage.text))
    for fig in figures:
        if passage.block and fig.block_id != passage.block:
            continue
        if fig.block_id not in occurs:
            text = places[fig.block_id].text if fig.block_id in places else ""
            occurs[fig.block_id] = [m.span() for m in pattern.finditer(text)]
        if any(start <= fig.start and fig.start + len(fig.source) <= end for start, end in occurs[fig.block_id]):
            hits.append(fig)
    if not hits:
        errors.append(
            SeedError(
                path,
                passage.line,
                f"no figure found inside '{passage.text}'"
                + (f" in {passage.block}" if passage.block else "")
                + "; check the text or remove the entry",
            )
        )
    return hits


def _added(places: dict[str, Place], passage: Passage, spec: dict, k: int, path: str, errors: list) -> Figure:
    """A figure the patterns missed, placed where its source occurs."""
    fig = Figure(
        id=f"m-{passage.block}-x{k}",
        block_id=passage.block,
        section_id="",
        label=spec["label"],
        value=float(spec["value"]),
        unit=str(spec.get("unit", "")),
        qualifier=str(spec.get("qualifier", "")),
        source=passage.text,
        subject=spec["label"],
        line=passage.line,
    )
    place = places.get(passage.block)
    if place is None:
        errors.append(_unknown_block(passage, path))
    else:
        fig.section_id = place.section_id
        fig.start = place.text.find(passage.text)
        # A source missing from its block is left for ``check`` to report, with the entry's line.
        fig.kind, fig.year = _kind(place.text, fig, place.role, place.year) if fig.start >= 0 else ("other", None)
        if fig.start >= 0:
            fig.estimate, fig.base_year = _estimate(place.text, fig.start), _base_year(place.text, fig)
            fig.status = _status(place.text, fig, [fig], None)
    fig.kind = spec.get("kind", fig.kind)
    fig.year = spec.get("year", fig.year)
    return fig
