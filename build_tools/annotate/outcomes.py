"""Outcomes: what later official publications report for the report's targets, and honest verdicts.

Editors keep the outcomes in ``seeds/outcomes.yml``, each naming the
headline indicator it answers, the period, the value(s) and the sources.
The verdict follows from the target's own qualifier and nothing else
(``RULES``); a target in words, a target without a bound, an outcome that
is itself approximate, or an outcome measured differently gets no verdict,
only the figures side by side.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from build_tools.seeds.errors import SeedError, raise_all
from build_tools.seeds.memo import shared
from build_tools.seeds.shapes import load_seed
from build_tools.seeds.yamlio import line_of

# Qualifier of the target -> how an outcome meets it. "about" is decided by ``within_about``.
RULES = {
    "以上": "at_least",
    "及以上": "at_least",
    "不低于": "at_least",
    "不少于": "at_least",
    "超过": "above",
    "突破": "above",
    "以内": "at_most",
    "以下": "at_most",
    "及以下": "at_most",
    "不超过": "at_most",
    "左右": "about",
    "约": "about",
}
MET, NOT_MET, NONE = "met", "not_met", "none"
# Reader-facing words (zh-Hans; converted per edition like every other text).
VERDICT_WORDS = {MET: "达到", NOT_MET: "未达到", NONE: "不作判定"}
# A symbol beside the words, so no verdict is told by colour alone.
VERDICT_SIGNS = {MET: "✓", NOT_MET: "✗", NONE: "—"}
REASONS = {
    "words": "目标为文字表述，只列出数字，不作判定",
    "no_bound": "目标未写明“以上”“以内”“左右”等界限，不作判定",
    "approximate": "公布的实际值本身是约数或估计，不作判定",
    "not_comparable": "目标与公布值的统计口径不同，不作判定",
}
ABOUT_RULE = (
    "“左右”的判定：实际值与目标之差不超过目标末位数字的半个单位即为达到，"
    "例如 8%左右 指 7.5% 至 8.5%（含两端），82.8%左右 指 82.75% 至 82.85%。"
)


@dataclass
class Source:
    """Where an outcome is published."""

    title: str
    publisher: str
    date: str
    where: str = ""


@dataclass
class Value:
    """One published figure of an outcome, with the name the source gives it."""

    label: str
    value: float
    unit: str
    qualifier: str = ""


@dataclass
class Outcome:
    """The published result of one indicator for one period."""

    indicator: str
    period: int
    values: list[Value]
    sources: list[Source]
    comparable: bool = True
    note: str = ""
    line: int | None = field(default=None, repr=False)


@dataclass
class Verdict:
    """How an outcome stands against its target: ``code`` is met, not_met or none."""

    code: str
    reason: str = ""

    @property
    def words(self) -> str:
        return VERDICT_WORDS[self.code]

    @property
    def sign(self) -> str:
        return VERDICT_SIGNS[self.code]


def decimals(value: float) -> int:
    """Digits after the point as a figure is written: 8 -> 0, 82.8 -> 1."""
    text = repr(float(value)).rstrip("0").rstrip(".")
    return len(text.split(".")[1]) if "." in text else 0


def within_about(target: float, outcome: float) -> bool:
    """``ABOUT_RULE``: within half a unit of the target's last written digit, both ends included."""
    half = 0.5 * 10 ** -decimals(target)
    # Round away the binary noise of decimal fractions (8.5 - 8 is exact; 82.85 - 82.8 is not).
    return round(abs(outcome - target), 9) <= half


def judge(target_value: float | None, qualifier: str, outcome: Outcome) -> Verdict:
    """The verdict on one outcome against a target value and its qualifier (``None``: a target in words)."""
    if target_value is None:
        return Verdict(NONE, REASONS["words"])
    if not outcome.comparable:
        return Verdict(NONE, REASONS["not_comparable"])
    rule = RULES.get(qualifier)
    if rule is None:
        return Verdict(NONE, REASONS["no_bound"])
    value = outcome.values[0]
    if value.qualifier:
        return Verdict(NONE, REASONS["approximate"])
    met = {
        "at_least": value.value >= target_value,
        "above": value.value > target_value,
        "at_most": value.value <= target_value,
        "about": within_about(target_value, value.value),
    }[rule]
    return Verdict(MET if met else NOT_MET)


@dataclass
class Target:
    """What the report sets for an indicator: a number with unit and qualifier, or words."""

    indicator: str
    year: int | None
    block_id: str
    value: float | None = None
    unit: str = ""
    qualifier: str = ""
    # What the report says, as shown to readers (增长6%以上, or the words), and the figure's id if any.
    text: str = ""
    figure_id: str = ""


@dataclass
class Pairing:
    """A target, its outcome and the verdict: one row of the outcomes table."""

    target: Target
    outcome: Outcome
    verdict: Verdict


def pair(targets: list[Target], outcomes: Sequence[Outcome], path: str) -> list[Pairing]:
    """Match each outcome to its indicator's target for the same period; mismatches are errors with lines."""
    by_name = {t.indicator: t for t in targets}
    errors: list[SeedError] = []
    rows: list[Pairing] = []
    seen: set[tuple] = set()
    for out in outcomes:
        problem = _mismatch(by_name, out, seen)
        if problem:
            errors.append(SeedError(path, out.line, problem))
            continue
        seen.add((out.indicator, out.period))
        target = by_name[out.indicator]
        rows.append(Pairing(target, out, judge(target.value, target.qualifier, out)))
    raise_all(errors)
    order = {t.indicator: n for n, t in enumerate(targets)}
    return sorted(rows, key=lambda r: (r.outcome.period, order[r.target.indicator]))


def _mismatch(by_name: dict[str, Target], out: Outcome, seen: set) -> str:
    """Why an outcome cannot stand against a target ('' when it can)."""
    target = by_name.get(out.indicator)
    if target is None:
        known = "、".join(by_name) or "(none)"
        return (
            f"'{out.indicator}' has no target in the report; an outcome must answer a target "
            f"(indicators with a target: {known})"
        )
    if target.year != out.period:
        year = f"for {target.year}" if target.year else "for no year the report names"
        return f"the report's target for '{out.indicator}' is {year}, not {out.period}; check 'period'"
    if (out.indicator, out.period) in seen:
        return f"a second outcome for '{out.indicator}' in {out.period}; keep one entry and list every source in it"
    if target.value is not None:
        if len(out.values) != 1:
            return f"the target of '{out.indicator}' is one number; give exactly one value"
        if _unit(out.values[0].unit) != _unit(target.unit):
            return (
                f"unit '{out.values[0].unit}' differs from the target's '{target.unit}'; "
                "give the value the source states in the target's unit"
            )
    return ""


def _unit(unit: str) -> str:
    """Units compared as equal when only the width of % differs."""
    return unit.replace("％", "%")


def outcome_from(item: dict, line: int | None) -> Outcome:
    """One seeds/outcomes.yml entry, its shape already checked by the schema, as an Outcome."""
    values = [
        Value(label=v["label"], value=float(v["value"]), unit=v["unit"], qualifier=v.get("qualifier", ""))
        for v in item["values"]
    ]
    sources = [
        Source(title=s["title"], publisher=s["publisher"], date=str(s["date"]), where=s.get("where", ""))
        for s in item["sources"]
    ]
    return Outcome(
        indicator=item["indicator"],
        period=int(item["period"]),
        values=values,
        sources=sources,
        comparable=item.get("comparable", True),
        note=item.get("note", ""),
        line=line,
    )


def texts(found: Sequence[Outcome]) -> list[str]:
    """The editors' words in outcomes that readers see (labels, notes, sources), for the zh-Hant corrections."""
    return [
        text
        for o in found
        for text in (o.note, *(v.label for v in o.values), *(f"{s.title}{s.publisher}{s.where}" for s in o.sources))
        if text
    ]


def targets_of(indicators, plan_year: int | None) -> list[Target]:
    """The headline indicators' targets (a figure, or words for the plan year), in the table's order."""
    from build_tools.annotate.metrics import Figure

    out = []
    for ind in indicators:
        t = ind.target
        if isinstance(t, Figure):
            out.append(Target(ind.name, t.year, ind.target_block, t.value, t.unit, t.qualifier, t.source, t.id))
        elif t:
            out.append(Target(ind.name, plan_year, ind.target_block, text=str(t)))
    return out


def load_outcomes(path: Path | str) -> list[Outcome]:
    """Read seeds/outcomes.yml through the one seed loader: its schema, every error with its line."""
    return _load_outcomes(Path(path))


@shared
def _load_outcomes(path: Path) -> list[Outcome]:
    """load_outcomes, once per content of the file (every edition reads it)."""
    data = load_seed(path, "outcomes", "a YAML list of '- indicator: …' entries", optional=True) or []
    return [outcome_from(item, line_of(item)) for item in data]
