"""Validation and output: every figure's source in its block, every override matching, figures as JSON."""

from __future__ import annotations

import json

from ...model import Report
from ...seeds.errors import SeedError, raise_all
from .extract import places_of
from .figures import Figure, Indicator, Overrides


def check(report: Report, figures: list[Figure], path: str = "seeds/metrics.yml") -> None:
    """Fail the build when a figure's source is not in its block's text (a stale override or a bug).

    Errors point at the override's line when an added figure is at fault.
    """
    places = places_of(report)
    errors = []
    for fig in figures:
        if fig.block_id not in places:
            errors.append(SeedError(path, fig.line, f"figure {fig.id}: unknown block '{fig.block_id}'"))
        elif not fig.source or fig.source not in places[fig.block_id].text:
            errors.append(
                SeedError(
                    path, fig.line, f"figure {fig.id}: source '{fig.source}' does not occur in block {fig.block_id}"
                )
            )
    seen: set[str] = set()
    for fig in figures:
        if fig.id in seen:
            errors.append(
                SeedError(
                    path, fig.line, f"two figures share the id {fig.id}; give added figures distinct blocks or order"
                )
            )
        seen.add(fig.id)
    raise_all(errors)


def to_json(figures: list[Figure]) -> str:
    """All figures as a JSON array (UTF-8 text, Chinese kept readable)."""
    return json.dumps([f.as_dict() for f in figures], ensure_ascii=False, indent=2)


def unmatched(ov: Overrides, indicators: list[Indicator], listed: set[str]) -> list[SeedError]:
    """Headline names and split labels of seeds/metrics.yml that match nothing in the report.

    ``listed``: the subjects of the report's 分别 lists (:func:`.extract.extract_listed`)."""
    shown = {i.name for i in indicators}
    errors = [
        SeedError(
            ov.path,
            ov.lines.get(("headline", spec["name"])),
            f"headline '{spec['name']}' matches no figure or clause of the report; "
            "check the name and aliases against the text, or remove the entry",
        )
        for spec in ov.indicators or []
        if spec["name"] not in shown
    ]
    if ov.splits:
        errors += [
            SeedError(
                ov.path,
                ov.lines.get(("splits", spec["label"])),
                f"split label '{spec['label']}' names no 分别 list of the report; "
                "copy the words before 分别 from the text, or remove the entry",
            )
            for spec in ov.splits
            if spec["label"] not in listed
        ]
    return errors
