"""Labelling: a figure's subject and change word from its clause (分别 groups, stacked and shared subjects)."""

from __future__ import annotations

import re
from dataclasses import replace

from .figures import Figure
from .words import (
    BEFORE,
    BOTH,
    CHANGE,
    CLAUSE_BREAK,
    COUNT_UNITS,
    LABEL_MAX,
    LABEL_YEAR,
    LEAD_RE,
    NOUN_STOP,
    SENTENCE_BREAK,
    STACKED,
    SUBJECT_STOP,
    TAIL,
    TARGET_MARKERS,
    _alt,
    _clause_start,
)

_CHANGE_AT_END = re.compile(rf"(?:同比)?({_alt(CHANGE)})(?:{_alt(TAIL)})*$")
_BOTH_AT_END = re.compile(rf"(?:{_alt(BOTH)})(?:{LABEL_YEAR}|{_alt(TAIL + CHANGE + BEFORE)})*$")
_STACKED_NAME = re.compile(rf".+?[{STACKED}]")
_VERB_AT_END = re.compile(rf"(?:{_alt(TAIL + BEFORE + CHANGE)})$")
_MARKER_AT_START = re.compile(rf"^(?:{_alt(TARGET_MARKERS)})")
_LABEL_YEAR = re.compile(LABEL_YEAR)
_TAIL_AT_END = re.compile(rf"(?:{_alt(TAIL + CHANGE + BEFORE)})$")
_NOUN = re.compile(rf"的?([^{CLAUSE_BREAK}、\d]*)")
_NOUN_STOP = re.compile(_alt(NOUN_STOP))
_SUBJECT_STOP = re.compile(_alt(SUBJECT_STOP))


def _label_all(text: str, figures: list[Figure]) -> None:
    """Give each figure a subject and change word; 分别 groups share one subject."""
    used_until = 0
    previous: Figure | None = None
    for fig in figures:
        start = max(_clause_start(text, fig.start), used_until)
        sentence = _clause_start(text, fig.start, SENTENCE_BREAK)
        prefix = text[start : fig.start]
        if previous and previous.group >= 0 and re.fullmatch(r"[、和及与]", prefix):
            fig.group, fig.change, fig.subject = previous.group + 1, previous.change, previous.subject
        else:
            _source_with_change(text, fig, prefix)
            used_until = _label_one(text, fig, prefix, previous if previous and previous.start >= sentence else None)
            if not fig.members and fig.group < 0:
                fig.members = _stacked_members(fig, previous, prefix)
        used_until = max(used_until, fig.start + len(fig.source))
        previous = fig
    _name_groups(figures)
    for fig in figures:
        fig.label = _label(fig)


def _source_with_change(text: str, fig: Figure, prefix: str) -> None:
    """Widen the source leftwards over a change word right before it (增长4%左右)."""
    m = _CHANGE_AT_END.search(prefix)
    if m:
        fig.change = m.group(1)
        fig.start -= len(m.group(0))
        fig.source = text[fig.start : fig.start + len(m.group(0)) + len(fig.source)]


def _name_groups(figures: list[Figure]) -> None:
    """疏干水利用率、再生水回用率分别达到75%、67%: one name per member when the counts agree."""
    groups: list[list[Figure]] = []
    for fig in figures:
        if fig.group == 0:
            groups.append([fig])
        elif fig.group > 0 and groups:
            groups[-1].append(fig)
    for members in groups:
        names = [s for s in re.split(r"[、和及与]", members[0].subject) if s]
        if len(members) > 1 and len(names) == len(members):
            for fig, name in zip(members, _share_head(names), strict=True):
                fig.subject = name


def _share_head(names: list[str]) -> list[str]:
    """公路、铁路密度 -> 公路密度, 铁路密度: a head noun written once serves every member."""
    first, last = names[0], names[-1]
    if len({len(n) for n in names[:-1]}) == 1 and len(last) > len(first):
        head = last[len(first) :]
        return [n + head for n in names[:-1]] + [last]
    return names


def _label_one(text: str, fig: Figure, prefix: str, previous: Figure | None) -> int:
    """Set the figure's subject; returns how far the label consumed the text."""
    grouped = "分别" in prefix
    members = _members(prefix)
    if members and not grouped:
        fig.subject, fig.members = _clean(prefix), members
        return fig.start + len(fig.source)
    if grouped:
        fig.group = 0
        subject = _clean(prefix.split("分别")[0])
    else:
        subject = _clean(re.split(r"[、]", prefix)[-1])
    end = fig.start + len(fig.source)
    noun = "" if grouped else _noun_after(text, end)
    if noun and _noun_is_head(subject, prefix, fig):
        fig.subject = _head_label(subject, noun, fig)
        return end + text[end:].find(noun) + len(noun)
    if not subject and previous:
        subject = previous.subject
    if not subject:
        subject = _earlier_subject(text, fig.start)
    fig.subject = subject.rstrip("的") or noun
    return end


def _members(prefix: str) -> list[str]:
    """The indicators a 均 figure names: 办复率、满意率均 -> [办复率, 满意率] (modifier/head written once)."""
    if not _BOTH_AT_END.search(prefix):
        return []
    subject = _clean(prefix)
    names = [n for n in subject.split("、") if n]
    if len(names) < 2:
        names = [n for n in re.split(r"[和及与]", subject) if n]
    if len(names) < 2:
        return []
    return _share_modifier(_share_head(names))


def _stacked_members(fig: Figure, previous: Figure | None, prefix: str) -> list[str]:
    """响应率达到100%、解决率满意率达到90%: the members, borrowing the enumerated neighbour's modifier."""
    names = _stacked(fig.subject)
    if names and previous and prefix.startswith("、") and previous.subject.endswith(names[0][-1]):
        return _share_modifier([previous.subject, *names])[1:]
    return names


def _stacked(subject: str) -> list[str]:
    """解决率满意率 -> [解决率, 满意率]: ratio nouns written back to back name one figure each."""
    names = _STACKED_NAME.findall(subject)
    if len(names) > 1 and "".join(names) == subject and all(len(n) > 1 for n in names):
        return names
    return []


def _share_modifier(names: list[str]) -> list[str]:
    """提案办复率、满意率 -> 提案办复率, 提案满意率: a modifier written once before the first member."""
    rest = {len(n) for n in names[1:]}
    # Only bare members of the same kind (率/率) borrow it; 万元…用水量和万元…用水量 are already whole.
    bare = all(n[-1] == names[0][-1] and n[0] != names[0][0] for n in names[1:])
    if bare and len(rest) == 1 and len(names[0]) > next(iter(rest)):
        modifier = names[0][: len(names[0]) - next(iter(rest))]
        return [names[0]] + [modifier + n for n in names[1:]]
    return names


def _split_members(figures: list[Figure]) -> list[Figure]:
    """One figure per member of a 均 figure, same number and source; ids after the first get b, c…."""
    out = []
    for fig in figures:
        for k, name in enumerate(fig.members or [""]):
            member = fig if k == 0 else replace(fig, id=f"{fig.id}{chr(ord('a') + k)}")
            if name:
                member.subject = name
                member.label = _label(member)
            out.append(member)
    return out


def _noun_is_head(subject: str, prefix: str, fig: Figure) -> bool:
    """Whether the words after the unit name what is counted (186个重点项目) rather than the words before."""
    if not subject or subject.endswith(("的", "等")):
        return True
    if _VERB_AT_END.search(prefix.rstrip()):
        return False  # 扩大至77个国家和地区: the subject is before the verb
    return _verbish(subject) or fig.unit in COUNT_UNITS


def _verbish(words: str) -> bool:
    """Whether the words end in an action verb (推进, 新建…), so a noun must follow."""
    return words.endswith(tuple(TARGET_MARKERS))


def _head_label(subject: str, noun: str, fig: Figure) -> str:
    """铁路专用线等12个项目 -> 铁路专用线等项目; 投入3.67亿元完善… -> 投入完善…; 186个重点项目 -> 重点项目."""
    if subject.endswith("等"):
        return _MARKER_AT_START.sub("", subject) + noun
    if subject and _verbish(subject) and fig.unit not in COUNT_UNITS and len(subject) <= 2:
        return subject + noun
    return noun


def _clean(words: str) -> str:
    """Strip lead-ins, linking verbs and change words from a label candidate."""
    words = _LABEL_YEAR.sub("", words).strip(" 、,，和及与")
    changed = True
    while changed and words:
        before = words
        words = LEAD_RE.sub("", words)
        words = _TAIL_AT_END.sub("", words)
        words = words.strip(" 、和及与")
        changed = words != before
    return words[-LABEL_MAX:]


def _noun_after(text: str, end: int) -> str:
    """The noun a count qualifies: 186个重点项目全部开复工 -> 重点项目."""
    m = _NOUN.match(text, end)
    noun = m.group(1) if m else ""
    cut = _NOUN_STOP.search(noun[1:])
    if cut:
        noun = noun[: cut.start() + 1]
    return noun.rstrip("、和及与的等")[:LABEL_MAX]


def _earlier_subject(text: str, pos: int) -> str:
    """The subject of the clause before: 一般公共预算收入创历史新高,增长25%左右."""
    sentence = _clause_start(text, pos, SENTENCE_BREAK)
    clause_end = _clause_start(text, pos) - 1
    earlier = text[_clause_start(text, clause_end) : clause_end] if clause_end > sentence else ""
    cut = _SUBJECT_STOP.search(earlier)
    return _clean(earlier[: cut.start()] if cut else earlier)


def _label(fig: Figure) -> str:
    """Subject plus change word: 地区生产总值增长."""
    if fig.change and not fig.subject.endswith(fig.change):
        return fig.subject + fig.change
    return fig.subject
