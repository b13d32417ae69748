"""The figures' plain data: a figure, a headline indicator, a block's place, the editors' overrides."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Figure:
    """One stated quantity; ``source`` occurs verbatim in the block's heading + body."""

    id: str
    block_id: str
    section_id: str
    label: str
    value: float
    unit: str
    qualifier: str = ""
    kind: str = "other"
    source: str = ""
    year: int | None = None
    value_max: float | None = None
    # The estimate marker governing the figure (预计…), the report's status verbs joined by 、 (力争、完成),
    # and the year the figure is measured against (比2020年). Separate from ``qualifier`` (左右, 以上…).
    estimate: str = ""
    status: str = ""
    base_year: int | None = None
    # Internal: where the source starts in the block, the label's noun and change word, 分别 position.
    start: int = field(default=-1, repr=False)
    subject: str = field(default="", repr=False)
    change: str = field(default="", repr=False)
    group: int = field(default=-1, repr=False)
    # The members a 均 figure states one number for (办复率、满意率均100%), before it is split into them.
    members: list[str] = field(default_factory=list, repr=False)
    # seeds/metrics.yml line of the override that added the figure, so a stale one can be pointed at.
    line: int | None = field(default=None, repr=False)

    def as_dict(self) -> dict:
        """The public fields, as written to metrics.json."""
        out = {
            "id": self.id,
            "section_id": self.section_id,
            "block_id": self.block_id,
            "label": self.label,
            "value": _number(self.value),
            "unit": self.unit,
            "qualifier": self.qualifier,
            "kind": self.kind,
            "source": self.source,
            "year": self.year,
            "base_year": self.base_year,
            "estimate": bool(self.estimate),
            "estimate_word": self.estimate,
            "status": self.status,
        }
        if self.value_max is not None:
            out["value_max"] = _number(self.value_max)
        return out


@dataclass
class Indicator:
    """A headline indicator: its review-year result and plan-year target (Figure, words or None)."""

    name: str
    result: Figure | str | None = None
    target: Figure | str | None = None
    result_block: str = ""
    target_block: str = ""
    # Each side's own label when the two do not measure the same thing (see ``measures_alike``), else "".
    result_label: str = ""
    target_label: str = ""
    # The estimate marker governing a side given in words (a Figure carries its own).
    result_estimate: str = ""
    target_estimate: str = ""


@dataclass
class Passage:
    """An override's address: text inside a block (any block when ``block`` is empty)."""

    text: str
    block: str = ""
    line: int | None = None


@dataclass
class Overrides:
    """Editor decisions from seeds/metrics.yml; ``None`` lists fall back to the genre tables."""

    path: str = "seeds/metrics.yml"
    indicators: list[dict] | None = None
    splits: list[dict] | None = None
    labels: list[tuple[Passage, str]] = field(default_factory=list)
    exclude: list[Passage] = field(default_factory=list)
    add: list[tuple[Passage, dict]] = field(default_factory=list)
    # Lines of the headline names and split labels, to point at one that matches nothing.
    lines: dict[tuple[str, str], int | None] = field(default_factory=dict)


@dataclass(frozen=True)
class Place:
    """Where a block sits: the text figures are found in, its section and its part's role and year."""

    text: str
    section_id: str
    role: str
    year: int | None


def _number(value: float):
    """4.0 -> 4 so JSON shows whole numbers as integers."""
    return int(value) if float(value).is_integer() else value


def block_text(block) -> str:
    """The text a figure's source is found in: run-in heading followed by body."""
    return block.heading + block.body
