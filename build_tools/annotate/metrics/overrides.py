"""Reading seeds/metrics.yml: headline entries, splits, labels, exclusions and added figures, with their lines."""

from __future__ import annotations

from pathlib import Path

from ...seeds.shapes import load_seed
from ...seeds.yamlio import display_path, line_of
from .figures import Overrides, Passage

OVERRIDE_SECTIONS = {"headline", "splits", "labels", "exclude", "add"}


def load_overrides(path: Path | str) -> Overrides:
    """Read seeds/metrics.yml, checked against its schema; every problem is a SeedError with its line.

    A missing file means no overrides (the genre tables apply).
    """
    shown = display_path(path)
    data = load_seed(path, "metrics", "metric overrides (YAML)", optional=True)
    ov = Overrides(path=shown)
    if data is None:
        return ov
    if data.get("headline") is not None:
        ov.indicators = [_read_indicator(item) for item in data["headline"]]
        ov.lines.update({("headline", item["name"]): line_of(item) for item in data["headline"]})
    if data.get("splits") is not None:
        ov.splits = [{"label": item["label"], "into": list(item["into"])} for item in data["splits"]]
        ov.lines.update({("splits", item["label"]): line_of(item) for item in data["splits"]})
    ov.labels = [(_passage(item), item["label"]) for item in data.get("labels") or []]
    ov.exclude = [_passage(item) for item in data.get("exclude") or []]
    ov.add = [(_passage(item), item) for item in data.get("add") or []]
    return ov


def _read_indicator(item: dict) -> dict:
    """A headline entry: name, aliases (the same measure), result/target (that side's own measure), unit."""
    entry = {"name": item["name"], "aliases": list(item.get("aliases") or []), "unit": item.get("unit", "")}
    return entry | {side: list(item[side]) for side in ("result", "target") if item.get(side)}


def _passage(item: dict) -> Passage:
    """Where an override applies: its source text, optional block and its line."""
    return Passage(text=item["source"], block=item.get("block", ""), line=line_of(item))
