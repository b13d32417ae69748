"""What a figure's clause says of it: its kind and year, estimate marker, base year and status verbs."""

from __future__ import annotations

import re

from .figures import Figure
from .words import (
    BASE_RE,
    CLAUSE_SPLIT_RE,
    COMMITMENT,
    ESTIMATE,
    ESTIMATE_END,
    HORIZON_RE,
    SENTENCE_BREAK,
    STATUS,
    STATUS_NOUN,
    TARGET_MARKER_RE,
    YEAR_RE,
    _alt,
    _clause_start,
)

_ESTIMATE_RE = re.compile(_alt(ESTIMATE))
_QUOTED_RE = re.compile(r"“[^”]*”?|‘[^’]*’?")
_STATUS_RE = re.compile(rf"(?:{_alt(STATUS)})(?![{STATUS_NOUN}])")


def _kind(text: str, fig: Figure, role: str, year: int | None) -> tuple[str, int | None]:
    """Result, target or other (see the module docstring), and the year it refers to."""
    clause = _clause_start(text, fig.start)
    earlier = CLAUSE_SPLIT_RE.split(text[_clause_start(text, clause - 1, SENTENCE_BREAK) : clause])
    named = [m[1] for m in map(HORIZON_RE.fullmatch, (c.strip() for c in earlier)) if m]
    named += YEAR_RE.findall(text[clause : fig.start])
    if role == "result":
        # A goal the review names for a later year (力争2025年…) is not a result of the year reviewed.
        later = [int(y) for y in named if year is not None and int(y) > year]
        if later and TARGET_MARKER_RE.search(_clause_text(text, fig)):
            return "target", later[-1]
        return "result", year
    if role == "target" or (role == "tasks" and TARGET_MARKER_RE.search(_clause_text(text, fig))):
        return "target", int(named[-1]) if named else year
    return "other", int(named[-1]) if named else (year if role else None)


def _estimate(text: str, pos: int) -> str:
    """The estimate marker governing ``pos``: the last one before it in the same sentence (; does not end it)."""
    sentence = _clause_start(text, pos, ESTIMATE_END)
    found = _ESTIMATE_RE.findall(_unquoted(text[sentence:pos]))
    return found[-1] if found else ""


def _base_year(text: str, fig: Figure) -> int | None:
    """The year the figure is measured against, named in its clause: 均比2020年下降12% -> 2020."""
    found = BASE_RE.findall(text[_clause_start(text, fig.start) : fig.start + len(fig.source)])
    return int(found[-1]) if found else None


def _unquoted(text: str) -> str:
    """Text without quoted names, whose words (“项目建设提质提速行动”) are not the report's verbs."""
    return _QUOTED_RE.sub("", text)


def _verbs(text: str) -> list[str]:
    """The status verbs in text, in order."""
    return _STATUS_RE.findall(_unquoted(text))


def _status(text: str, fig: Figure, figures: list[Figure], previous: Figure | None) -> str:
    """The report's status verbs for the figure, joined by 、.

    The verbs before it in its clause (投用充(换)电站16座), else those after the clause's last figure
    (186个重点项目全部开复工; 59个老旧小区、2110套棚户区住房完成改造), else the previous figure's when an
    enumeration mark joins them (完成60个老旧小区、2482套…). A commitment earlier in the clause
    (力争引进…230亿元以上、…1000亿元以上) governs every figure after it.
    """
    clause = _clause_start(text, fig.start)
    end = fig.start + len(fig.source)
    next_break = CLAUSE_SPLIT_RE.search(text, end)
    clause_end = next_break.start() if next_break else len(text)
    same = [f for f in figures if clause <= f.start < clause_end]
    before = [f for f in same if f.start + len(f.source) <= fig.start]
    start = max([clause] + [f.start + len(f.source) for f in before])
    verbs = _verbs(text[start:end])
    if not verbs:
        verbs = _verbs(text[max(f.start + len(f.source) for f in same) : clause_end])
    if not verbs and previous in before and re.search(r"[、和及与]", text[start : fig.start]):
        verbs = [v for v in previous.status.split("、") if v and v not in COMMITMENT]
    commitments = [w for w in _verbs(text[clause:end]) if w in COMMITMENT and w not in verbs]
    return "、".join(dict.fromkeys(commitments + verbs))


def _clause_text(text: str, fig: Figure) -> str:
    """From the clause start to the figure, and the clause before when the figure opens a 分别 list."""
    end = fig.start + len(fig.source)
    return text[_clause_start(text, _clause_start(text, fig.start) - 1 if fig.group > 0 else fig.start) : end]
