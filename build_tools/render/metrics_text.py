"""How a figure is written on the metrics page and in its data files: number, qualifier, status, kind."""

from __future__ import annotations

import re
from collections.abc import Callable

from build_tools.annotate.metrics import BEFORE, Figure, Indicator

Convert = Callable[[str], str]


Href = Callable[[str], str]


# What the full table says a figure is; results are "the review year's figures", not completions
# (预计 estimates and 开工 starts are results too), so their word is only their year.
KIND_WORDS = {"result": "", "target": "目标", "other": "其他"}


# Change words that make a growth figure negative on the chart.
DECREASE = ("下降", "降低", "减少", "压减")


GROWTH = ("增长", "涨幅", "增速", "增幅", "下降", "降低", "减少", "提高")


def _identity(text: str) -> str:
    """The zh-Hans edition: text unchanged."""
    return text


def number_text(value: float) -> str:
    """12.0 -> '12', 3.67 -> '3.67'."""
    return str(int(value)) if float(value).is_integer() else repr(value)


def figure_text(fig: Figure, with_change: bool = True) -> str:
    """The figure as a reader would say it: 增长4%左右, 近500亿元, 50—100万元."""
    number = number_text(fig.value)
    if fig.value_max is not None:
        number += "—" + number_text(fig.value_max)
    qualifier = re.sub(r"^至[\d.,]+", "", fig.qualifier) if fig.value_max is not None else fig.qualifier
    text = qualifier + number + fig.unit if qualifier in BEFORE else number + fig.unit + qualifier
    return (fig.change + text) if with_change and fig.change else text


def status_words(fig: Figure, label: str = "") -> str:
    """The status verbs as the report reads them (力争、完成 -> 力争完成), minus those the shown label or
    the figure's own qualifier (达到75%) already says."""
    return "".join(v for v in fig.status.split("、") if v and v != fig.qualifier and v not in label)


def annotated_text(fig: Figure, label: str = "") -> str:
    """The figure with what the report says about it: 预计增长4%左右, 投用16座, 确保比2020年下降12%.

    ``label`` (the figure's own name) is put first when the cell cannot rely on its row's name.
    """
    base = f"比{fig.base_year}年" if fig.base_year else ""
    text = fig.estimate + status_words(fig, label) + base + figure_text(fig)
    return f"{label}：{text}" if label else text


def _words_text(words: str, estimate: str) -> str:
    """A side given in words; an estimate marker from earlier in its sentence is shown before it."""
    return f"{estimate}：{words}" if estimate and estimate not in words else words


def _years(indicators: list[Indicator]) -> tuple[str, str]:
    """Column headings from the figures' own years (上年/本年目标 when unknown).

    The result column says only its year: its cells may be estimates (预计) or starts (开工), which
    each cell marks, so a title such as 完成 would claim more than its weakest cell.
    """

    def year(kind):
        found = [getattr(i, kind).year for i in indicators if isinstance(getattr(i, kind), Figure)]
        return min((y for y in found if y), default=None)

    r, t = year("result"), year("target")
    return (f"{r}年" if r else "上年", f"{t}年目标" if t else "本年目标")


def _estimated(figures: list[Figure]) -> str:
    """'' when no figure is an estimate, the marker when all are (预计), else 含预计 (some are)."""
    words = [f.estimate for f in figures]
    if not any(words):
        return ""
    return words[0] if all(w == words[0] for w in words) else "含" + "/".join(dict.fromkeys(w for w in words if w))


def qualifier_text(fig: Figure) -> str:
    """Everything that qualifies the number: 预计, 比2020年, 左右 (separate fields, shown together)."""
    return "、".join(w for w in (fig.estimate, f"比{fig.base_year}年" if fig.base_year else "", fig.qualifier) if w)


def kind_text(fig: Figure) -> str:
    """2022年, 2023年目标, 2030年目标 or 其他: a target keeps its own year (上年/目标 when it has none)."""
    word = KIND_WORDS.get(fig.kind, fig.kind)
    if fig.kind == "other":
        return word
    return f"{fig.year}年{word}" if fig.year else word or "上年"
