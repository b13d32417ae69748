"""How a figure is written on the English metrics page: 184.8亿元 is 18.48 billion yuan, 预计 is estimated.

The words come from seeds/en-metrics.po (see :mod:`build_tools.seeds.english`),
found by context and Chinese. Units, qualifiers and change words are templates
with ``{n}`` where the number goes, so a translator decides the order
("about {n}", "{n} or more", "{n} yuan"). The scale 万/亿 in front of a unit is
applied to the number (14万元 is 140,000 yuan), never translated as a word.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from build_tools.annotate.metrics import Figure, Indicator
from build_tools.seeds.english import Msg, Texts

PAGE = "metrics-page"
SCALES = (("万亿", 10**12), ("亿", 10**8), ("万", 10**4))
YEAR, TARGET_YEAR, RESULT_NONE, TARGET_NONE = "{year}年", "{year}年目标", "上年", "本年目标"
BASE = "比{year}年"
OTHER = "其他"


@dataclass
class En:
    """The loaded English texts and the number writer (editions.numbers.english: 18.48 billion, 140,000).

    The writer is passed in, not imported: it belongs to a later stage (editions).
    """

    texts: Texts
    number: Callable[[Decimal], str]

    def get(self, context: str, zh: str) -> str:
        """The English of a text (see Texts.get)."""
        return self.texts.get(context, zh)

    def figure_number(self, value: Decimal) -> str:
        """A count is grouped even with four digits (8,897 households): a figure's value is never a year."""
        text = self.number(value)
        return f"{int(text):,}" if text.isdigit() else text


def split_unit(unit: str) -> tuple[int, str]:
    """亿元 -> (10**8, 元), 万平方米 -> (10**4, 平方米), % -> (1, %)."""
    for word, scale in SCALES:
        if unit.startswith(word) and len(unit) > len(word):
            return scale, unit[len(word) :]
    return 1, unit


def scaled(value: float, unit: str) -> Decimal:
    """The value with its unit's scale applied: (184.8, 亿元) -> 18480000000."""
    return Decimal(repr(float(value))) * split_unit(unit)[0]


def fill(template: str, n: str) -> str:
    """Put a number into a translator's template ("about {n}"); a template without {n} is put before it."""
    return template.replace("{n}", n) if "{n}" in template else f"{template} {n}".strip()


def bare(template: str) -> str:
    """A template's words without the number: "{n} yuan" -> "yuan", "about {n}" -> "about"."""
    return " ".join(template.replace("{n}", " ").split())


def number_en(value: float, unit: str, en: En, value_max: float | None = None) -> str:
    """The number in English convention, scaled: 18.48 billion, 140,000, 50–100 (an en dash for a range)."""
    text = en.figure_number(scaled(value, unit))
    if value_max is not None:
        text += "–" + en.figure_number(scaled(value_max, unit))
    return text


def quantity_en(fig_value: float, unit: str, qualifier: str, en: En, value_max: float | None = None) -> str:
    """Number, unit and qualifier: about 4%, over 23 billion yuan, 500,000–1 million yuan."""
    text = fill(en.get("unit", split_unit(unit)[1]), number_en(fig_value, unit, en, value_max))
    qualifier = "" if value_max is not None and qualifier.startswith("至") else qualifier
    return fill(en.get("qualifier", qualifier), text) if qualifier else text


def figure_en(fig: Figure, en: En, with_change: bool = True) -> str:
    """The figure as English says it: up about 4%, 18.48 billion yuan."""
    text = quantity_en(fig.value, fig.unit, fig.qualifier, en, fig.value_max)
    return fill(en.get("change", fig.change), text) if with_change and fig.change else text


def status_context(fig: Figure) -> str:
    """The PO context of a figure's status words: a target's are what is to be done (complete, build),
    a result's what was done (completed, built); the Chinese verb says neither."""
    return "status-target" if fig.kind == "target" else "status"


def status_en(fig: Figure, en: En, label: str = "") -> str:
    """The figure's status words in English, in the mood of its kind ('' without any)."""
    status = status_key(fig, label)
    return en.get(status_context(fig), status) if status else ""


def status_key(fig: Figure, label: str = "") -> str:
    """The status words shown for a figure, as the msgid of their English (力争、达到)."""
    return "、".join(_statuses(fig, label))


def _statuses(fig: Figure, label: str) -> list[str]:
    """The status verbs not already said by the qualifier (达到75%) or the Chinese label, as status_words()."""
    return [v for v in fig.status.split("、") if v and v != fig.qualifier and v not in label]


def annotated_en(fig: Figure, en: En, label: str = "") -> str:
    """The figure with what the report says about it: estimated: up about 4%; down 12% against 2020.

    ``label`` is the figure's own Chinese name, shown first in English when given.
    """
    marks = [en.get("estimate", fig.estimate)] if fig.estimate else []
    status = status_en(fig, en, label)
    marks += [status] if status else []
    text = figure_en(fig, en)
    if fig.base_year:
        text += " " + en.get(PAGE, BASE).replace("{year}", str(fig.base_year))
    marks = ([en.get("label", label)] if label else []) + marks
    return f"{', '.join(marks)}: {text}" if marks else text


def words_en(words: str, estimate: str, en: En) -> str:
    """A side given in words, with the estimate marker governing it."""
    text = en.get("words", words)
    return f"{en.get('estimate', estimate)}: {text}" if estimate and estimate not in words else text


def year_heads(indicators: list[Indicator], en: En) -> tuple[str, str]:
    """The headline columns' titles from the figures' own years: 2022, 2023 target."""

    def year(kind):
        found = [getattr(i, kind).year for i in indicators if isinstance(getattr(i, kind), Figure)]
        return min((y for y in found if y), default=None)

    r, t = year("result"), year("target")
    result = en.get(PAGE, YEAR).replace("{year}", str(r)) if r else en.get(PAGE, RESULT_NONE)
    target = en.get(PAGE, TARGET_YEAR).replace("{year}", str(t)) if t else en.get(PAGE, TARGET_NONE)
    return result, target


def kind_en(fig: Figure, en: En) -> str:
    """2022, 2023 target, 2030 target or Other: a target keeps its own year."""
    if fig.kind == "other":
        return en.get(PAGE, OTHER)
    if fig.kind == "target":
        return en.get(PAGE, TARGET_YEAR).replace("{year}", str(fig.year)) if fig.year else en.get(PAGE, TARGET_NONE)
    return en.get(PAGE, YEAR).replace("{year}", str(fig.year)) if fig.year else en.get(PAGE, RESULT_NONE)


def qualifiers_en(fig: Figure, en: En) -> str:
    """Everything that qualifies the number, in words: estimated, against 2020, about."""
    words = [en.get("estimate", fig.estimate)] if fig.estimate else []
    if fig.base_year:
        words.append(en.get(PAGE, BASE).replace("{year}", str(fig.base_year)))
    if fig.qualifier and not (fig.value_max is not None and fig.qualifier.startswith("至")):
        words.append(bare(en.get("qualifier", fig.qualifier)))
    return ", ".join(words)


def figure_msgs(fig: Figure, label: str = "") -> list[Msg]:
    """The texts one figure needs in English."""
    msgs = [Msg("label", fig.label), Msg("unit", split_unit(fig.unit)[1])]
    if fig.qualifier and not (fig.value_max is not None and fig.qualifier.startswith("至")):
        msgs.append(Msg("qualifier", fig.qualifier))
    if fig.change:
        msgs.append(Msg("change", fig.change))
    if fig.estimate:
        msgs.append(Msg("estimate", fig.estimate))
    for key in {status_key(fig, label), status_key(fig)} - {""}:
        msgs.append(Msg(status_context(fig), key))
    if label:
        msgs.append(Msg("label", label))
    return msgs
