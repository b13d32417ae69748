"""The English "targets and outcomes" section of the metrics page: the same table, chart and verdicts.

A verdict is written in words with its sign beside it (✓ met, ✗ not met, — no
verdict), never told by colour alone; the rule for "about" (左右) is stated in
English. Texts come from seeds/en-metrics.po: ``verdict`` and ``reason`` (the
words of annotate/outcomes.py), ``outcome-label``, ``outcome-note``,
``source-title``, ``source-publisher``, ``source-where``, and the page's prose.
"""

from __future__ import annotations

from html import escape

from build_tools.annotate.metrics import Figure
from build_tools.annotate.outcomes import ABOUT_RULE, REASONS, VERDICT_WORDS, Pairing, Source, Value
from build_tools.render.metrics_chart import axis, bar, figure
from build_tools.render.metrics_text import Href
from build_tools.render.metrics_text_en import PAGE, YEAR, En, annotated_en, figure_en, quantity_en, split_unit
from build_tools.render.outcomes_page import (
    CAPTION,
    CHART_STYLE,
    CHART_TITLE,
    HEADS,
    HOME_LINE,
    LEFT,
    NO_VERDICT,
    OUTCOME,
    ROW,
    RULE,
    SEE_OUTCOMES,
    TARGET,
    TITLE,
    WIDTH,
    chartable,
    fill_line,
    home_counts,
    table_of,
)
from build_tools.render.outcomes_page import RIGHT as CHART_RIGHT
from build_tools.seeds.english import Msg, mark_chinese

WORDS = [TITLE, RULE, ABOUT_RULE, NO_VERDICT, CAPTION, *HEADS, TARGET, OUTCOME, CHART_TITLE, HOME_LINE, SEE_OUTCOMES]


def outcomes_msgs(rows: list[Pairing], figures: list[Figure]) -> list[Msg]:
    """The texts the section needs: prose, verdicts, and each outcome's labels, notes and sources."""
    if not rows:
        return []
    msgs = [Msg(PAGE, w) for w in WORDS]
    msgs += [Msg("verdict", w) for w in VERDICT_WORDS.values()] + [Msg("reason", r) for r in REASONS.values()]
    for row in rows:
        if not row.target.figure_id:
            msgs.append(Msg("words", row.target.text))
        for v in row.outcome.values:
            msgs += [Msg("outcome-label", v.label), Msg("unit", split_unit(v.unit)[1])]
            msgs += [Msg("qualifier", v.qualifier)] if v.qualifier else []
        if row.outcome.note:
            msgs.append(Msg("outcome-note", row.outcome.note))
        for s in row.outcome.sources:
            msgs += [Msg("source-title", s.title), Msg("source-publisher", s.publisher)]
            msgs += [Msg("source-where", s.where)] if s.where else []
    return msgs


def value_en(value: Value, en: En) -> str:
    """A published value in English: Gross regional product growth: 0.1%."""
    return f"{en.get('outcome-label', value.label)}: {quantity_en(value.value, value.unit, value.qualifier, en)}"


def source_en(source: Source, en: En) -> str:
    """Title (publisher, date): where in it — HTML, Chinese left in a title marked zh-Hans."""
    where = f": {mark_chinese(en.get('source-where', source.where))}" if source.where else ""
    title = mark_chinese(en.get("source-title", source.title))
    return f"{title} ({mark_chinese(en.get('source-publisher', source.publisher))}, {escape(source.date)}){where}"


def verdict_en(row: Pairing, en: En) -> str:
    """The verdict in words with its sign (never colour alone), and why when there is none."""
    v = row.verdict
    reason = f'<span class="outcome-reason">{escape(en.get("reason", v.reason))}</span>' if v.reason else ""
    words = escape(en.get("verdict", VERDICT_WORDS[v.code]))
    sign = f'<span aria-hidden="true">{v.sign}</span>'
    return f'<span class="outcome-verdict outcome-{v.code}">{sign} {words}</span>{reason}'


def target_en(row: Pairing, figures: dict[str, Figure], en: En) -> str:
    """The target as the report states it, from its figure (qualifier, status, year kept), or its words."""
    t = row.target
    fig = figures.get(t.figure_id)
    text = annotated_en(fig, en) if fig else en.get("words", t.text)
    return f"{year_of(t.year, en)}: {text}"


def year_of(year: int | None, en: En) -> str:
    return en.get(PAGE, YEAR).replace("{year}", str(year)) if year else ""


def outcomes_table_en(rows: list[Pairing], figures: list[Figure], href: Href, en: En) -> str:
    """Indicator | target (linked to its paragraph) | outcome with its sources | verdict; same id as zh-Hans."""
    by_id = {f.id: f for f in figures}

    def cells(row: Pairing) -> tuple[str, str, str, str]:
        t, o = row.target, row.outcome
        target = f'<a href="{escape(href(t.block_id))}">{escape(target_en(row, by_id, en))}</a>'
        values = "; ".join(value_en(v, en) for v in o.values)
        cites = "".join(f"<li><cite>{source_en(s, en)}</cite></li>" for s in o.sources)
        note = f'<p class="outcome-note">{mark_chinese(en.get("outcome-note", o.note))}</p>' if o.note else ""
        outcome = f'{escape(f"{year_of(o.period, en)}: {values}")}<ul class="outcome-sources">{cites}</ul>{note}'
        return escape(en.get("indicator", t.indicator)), target, outcome, verdict_en(row, en)

    return table_of(rows, [escape(en.get(PAGE, h)) for h in HEADS], cells)


def outcomes_chart_en(rows: list[Pairing], figures: list[Figure], en: En) -> str:
    """The Chinese page's chart of targets and outcomes, in English: the verdict (words and sign) beside each bar."""
    rows = chartable(rows)
    if not rows:
        return ""
    by_id = {f.id: f for f in figures}
    values = [v for r in rows for v in (r.target.value, r.outcome.values[0].value) if v is not None]
    zero, scale = axis(values, CHART_RIGHT)
    height = 34 + ROW * len(rows)
    target_word, outcome_word = en.get(PAGE, TARGET), en.get(PAGE, OUTCOME)
    verdicts = {id(r): f"{r.verdict.sign} {en.get('verdict', VERDICT_WORDS[r.verdict.code])}" for r in rows}
    desc = "; ".join(
        f"{en.get('indicator', r.target.indicator)}: {target_word} {target_en(r, by_id, en)},"
        f" {outcome_word} {value_en(r.outcome.values[0], en)}, {verdicts[id(r)]}"
        for r in rows
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="outcomes-chart" viewBox="0 0 {WIDTH} {height}" '
        'role="img" aria-labelledby="outcomes-chart-title outcomes-chart-desc" aria-describedby="metrics-outcomes">',
        f'<title id="outcomes-chart-title">{escape(en.get(PAGE, CHART_TITLE))}</title>',
        f'<desc id="outcomes-chart-desc">{escape(desc)}</desc>',
        f"<style>{CHART_STYLE}</style>",
        f'<rect class="oc-target" x="{LEFT}" y="8" width="12" height="12"/>',
        f'<text x="{LEFT + 16}" y="18">{escape(target_word)}</text>',
        f'<rect class="oc-outcome" x="{LEFT + 90}" y="8" width="12" height="12"/>',
        f'<text x="{LEFT + 106}" y="18">{escape(outcome_word)}</text>',
    ]
    for n, row in enumerate(rows):
        top, outcome, target = 34 + n * ROW, row.outcome.values[0], row.target.value
        assert target is not None, "chartable() keeps the rows whose target has a value"
        fig = by_id.get(row.target.figure_id)
        target_text = figure_en(fig, en, False) if fig else en.get("words", row.target.text)
        outcome_text = quantity_en(outcome.value, outcome.unit, outcome.qualifier, en)
        parts.append(f'<text x="{LEFT}" y="{top + 10}">{escape(en.get("indicator", row.target.indicator))}</text>')
        parts += bar(target, "oc-target", escape(target_text), top + 14, zero, scale)
        parts += bar(
            outcome.value, "oc-outcome", escape(f"{outcome_text} {verdicts[id(row)]}"), top + 16 + 12, zero, scale
        )
    parts += [f'<line class="oc-axis" x1="{zero:.1f}" y1="30" x2="{zero:.1f}" y2="{height - 4}"/>', "</svg>"]
    return "\n".join(parts)


def section_markdown_en(rows: list[Pairing], figures: list[Figure], href: Href, en: En) -> str:
    """The section in English ('' when no outcome is entered); the anchor is the Chinese page's."""
    if not rows:
        return ""
    w = lambda zh: mark_chinese(en.get(PAGE, zh))  # noqa: E731
    return "\n".join(
        [
            f"## {w(TITLE)} {{#metrics-outcomes-title}}",
            "",
            f"{w(RULE)} {w(ABOUT_RULE)} {w(NO_VERDICT)}",
            "",
            *figure(outcomes_chart_en(rows, figures, en), w(CAPTION)),
            outcomes_table_en(rows, figures, href, en),
            "",
        ]
    )


def home_line_en(rows: list[Pairing], en: En, metrics_href: str) -> str:
    """The home page's line in English: the outcomes entered and how they stand, linked to the section."""
    if not rows:
        return ""
    w = lambda zh: mark_chinese(en.get(PAGE, zh))  # noqa: E731
    text = fill_line(w(HOME_LINE), home_counts(rows), ", ")
    return f"{text} [{w(SEE_OUTCOMES)}]({metrics_href}#metrics-outcomes-title)\n{{: .outcomes-glance }}"
