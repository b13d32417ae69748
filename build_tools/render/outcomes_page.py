"""Render targets against their outcomes: the metrics page's section, its chart, data rows, a home line.

Everything returns strings or plain data; ``href(block_id)`` links a target
to its paragraph and ``convert`` turns zh-Hans text into the edition's
script (reader-visible text only, never ids or machine-readable codes).
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from build_tools.annotate.metrics import BEFORE
from build_tools.annotate.outcomes import ABOUT_RULE, MET, NONE, NOT_MET, Pairing, Source, Value
from build_tools.render.metrics_chart import BAR, LEFT, ROW, WIDTH, axis, bar, figure
from build_tools.render.metrics_text import number_text

Convert = Callable[[str], str]
Href = Callable[[str], str]

# The section's own words (zh-Hans; a translated edition's PO file takes them as its msgids).
TITLE = "目标与实际"
RULE = (
    "报告定下的目标，与后来官方文件公布的实际结果并列。目标链接到报告原文，实际结果注明出处。"
    "判定只依据目标自身的限定词：“以上”“不低于”指达到或超过目标数，“以内”指不超过目标数。"
)
NO_VERDICT = "目标为文字表述、没有限定词，或统计口径不同的，只并列数字，不作判定。"
CAPTION = "图：目标与公布的结果（具体数字和出处见下表）"
HEADS = ("指标", "报告的目标", "公布的结果", "判定")
TARGET, OUTCOME = "目标", "公布的结果"
CHART_TITLE = "目标与公布的结果（%）"
# The home page's line; {names} are filled in by the program (and kept by a translation).
HOME_LINE = "{periods}年目标的实际结果：已录入{n}项，达到{met}项，未达到{not_met}项，不作判定{none}项。"
SEE_OUTCOMES = "查看目标与结果"


def value_text(value: Value) -> str:
    """A published value as a reader says it: 地区生产总值增长0.1%."""
    number = number_text(value.value) + value.unit
    shown = value.qualifier + number if value.qualifier in BEFORE else number + value.qualifier
    return value.label + shown


def source_text(source: Source) -> str:
    """乌海市统计局《…》, 2024-04-19: where in it."""
    where = f"：{source.where}" if source.where else ""
    return f"{source.title}（{source.publisher}，{source.date}）{where}"


def verdict_html(row: Pairing, convert: Convert) -> str:
    """The verdict in words with a sign beside it (never colour alone), and why when there is none."""
    v = row.verdict
    reason = f'<span class="outcome-reason">{escape(convert(v.reason))}</span>' if v.reason else ""
    return (
        f'<span class="outcome-verdict outcome-{v.code}"><span aria-hidden="true">{v.sign}</span> '
        f"{escape(convert(v.words))}</span>{reason}"
    )


def outcomes_table(rows: list[Pairing], href: Href, convert: Convert) -> str:
    """Indicator | target (linked to its paragraph) | outcome with its sources | verdict."""
    c = convert

    def cells(row: Pairing) -> tuple[str, str, str, str]:
        t, o = row.target, row.outcome
        target = f'<a href="{escape(href(t.block_id))}">{escape(c(f"{t.year}年：{t.text}"))}</a>'
        values = "；".join(value_text(v) for v in o.values)
        cites = "".join(f"<li><cite>{escape(c(source_text(s)))}</cite></li>" for s in o.sources)
        note = f'<p class="outcome-note">{escape(c(o.note))}</p>' if o.note else ""
        outcome = f'{escape(c(f"{o.period}年：{values}"))}<ul class="outcome-sources">{cites}</ul>{note}'
        return escape(c(t.indicator)), target, outcome, verdict_html(row, c)

    return table_of(rows, [escape(c(h)) for h in HEADS], cells)


def table_of(rows: list[Pairing], heads: list[str], cells: Callable[[Pairing], tuple[str, str, str, str]]) -> str:
    """The outcomes table (id metrics-outcomes in every edition): ``heads``, then a row of ``cells(row)`` per row.

    The cells are HTML: indicator (the row's header), target, outcome, verdict.
    """
    out = [
        '<table id="metrics-outcomes" class="sortable metrics-outcomes">',
        "<thead><tr>" + "".join(f"<th>{h}</th>" for h in heads) + "</tr></thead>",
        "<tbody>",
    ]
    for row in rows:
        indicator, target, outcome, verdict = cells(row)
        out.append(f'<tr><th scope="row">{indicator}</th><td>{target}</td><td>{outcome}</td><td>{verdict}</td></tr>')
    out += ["</tbody>", "</table>"]
    return "\n".join(out)


CHART_STYLE = (
    ".outcomes-chart{max-width:100%;height:auto;color:inherit}"
    ".outcomes-chart text{fill:currentColor;font-size:12px;font-family:inherit}"
    ".outcomes-chart .oc-target{fill:var(--md-default-fg-color--light,#8a8a8a)}"
    ".outcomes-chart .oc-outcome{fill:var(--md-primary-fg-color,#3f51b5)}"
    ".outcomes-chart .oc-axis{stroke:currentColor;stroke-opacity:.4}"
)
# The outcome's label carries its verdict too, so its bars leave more room on the right than the headline chart's.
RIGHT = 118


def chartable(rows: list[Pairing]) -> list[Pairing]:
    """Rows with a numeric target and one outcome value in percent: the chart's bars."""
    return [
        r
        for r in rows
        if r.target.value is not None and len(r.outcome.values) == 1 and r.target.unit.replace("％", "%") == "%"
    ]


def outcomes_chart(rows: list[Pairing], convert: Convert) -> str:
    """Inline SVG: each indicator's target and outcome bars, the verdict written beside the outcome."""
    rows = chartable(rows)
    if not rows:
        return ""
    c = convert
    # chartable() keeps the rows whose target has a value.
    zero, scale = axis([v for r in rows for v in (r.target.value, r.outcome.values[0].value) if v is not None], RIGHT)
    height = 34 + ROW * len(rows)
    desc = "；".join(
        f"{r.target.indicator}：目标{r.target.text}，实际{value_text(r.outcome.values[0])}，{r.verdict.words}"
        for r in rows
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="outcomes-chart" viewBox="0 0 {WIDTH} {height}" '
        'role="img" aria-labelledby="outcomes-chart-title outcomes-chart-desc" aria-describedby="metrics-outcomes">',
        f'<title id="outcomes-chart-title">{escape(c(CHART_TITLE))}</title>',
        f'<desc id="outcomes-chart-desc">{escape(c(desc))}</desc>',
        f"<style>{CHART_STYLE}</style>",
        f'<rect class="oc-target" x="{LEFT}" y="8" width="12" height="12"/>',
        f'<text x="{LEFT + 16}" y="18">{escape(c(TARGET))}</text>',
        f'<rect class="oc-outcome" x="{LEFT + 90}" y="8" width="12" height="12"/>',
        f'<text x="{LEFT + 106}" y="18">{escape(c(OUTCOME))}</text>',
    ]
    for n, row in enumerate(rows):
        top = 34 + n * ROW
        outcome, target = row.outcome.values[0], row.target.value
        assert target is not None, "chartable() keeps the rows whose target has a value"
        verdict = f"{row.verdict.sign} {row.verdict.words}"
        parts.append(f'<text x="{LEFT}" y="{top + 10}">{escape(c(row.target.indicator))}</text>')
        parts += bar(target, "oc-target", escape(c(row.target.text)), top + 14, zero, scale)
        parts += bar(
            outcome.value,
            "oc-outcome",
            escape(c(f"{number_text(outcome.value)}{outcome.unit} {verdict}")),
            top + 16 + BAR,
            zero,
            scale,
        )
    parts += [f'<line class="oc-axis" x1="{zero:.1f}" y1="30" x2="{zero:.1f}" y2="{height - 4}"/>', "</svg>"]
    return "\n".join(parts)


def section_markdown(rows: list[Pairing], href: Href, convert: Convert) -> str:
    """The metrics page's "targets and outcomes" section ('' when no outcome is entered)."""
    if not rows:
        return ""
    c = convert
    chart = outcomes_chart(rows, c)
    parts = [
        f"## {c(TITLE)} {{#metrics-outcomes-title}}",
        "",
        c(RULE) + c(ABOUT_RULE) + c(NO_VERDICT),
        "",
    ]
    parts += figure(chart, escape(c(CAPTION)))
    parts += [outcomes_table(rows, href, c), ""]
    return "\n".join(parts)


def home_line(rows: list[Pairing], convert: Convert, metrics_href: str) -> str:
    """One line for the home page glance: how many targets have a published outcome, and how they stand."""
    if not rows:
        return ""
    c = convert
    text = fill_line(HOME_LINE, home_counts(rows), "、")
    # Markdown, not raw HTML, so MkDocs checks and rewrites the link to the metrics page.
    return f"{c(text)} [{c(SEE_OUTCOMES)}]({metrics_href}#metrics-outcomes-title)\n{{: .outcomes-glance }}"


def home_counts(rows: list[Pairing]) -> dict[str, list[int] | int]:
    """What the home page's line says: the periods of the outcomes entered, how many, and how they stand."""
    counts = {code: sum(r.verdict.code == code for r in rows) for code in (MET, NOT_MET, NONE)}
    periods = sorted({r.outcome.period for r in rows})
    return {
        "periods": periods,
        "n": len(rows),
        "met": counts[MET],
        "not_met": counts[NOT_MET],
        "none": counts[NONE],
    }


def fill_line(template: str, values: dict, joiner: str) -> str:
    """A template's {names} replaced by their values (a list joined by ``joiner``)."""
    for name, value in values.items():
        text = joiner.join(map(str, value)) if isinstance(value, list) else str(value)
        template = template.replace("{" + name + "}", text)
    return template


def outcome_records(rows: list[Pairing], convert: Convert) -> list[dict]:
    """One record per published value, for metrics.csv and metrics.json (kind "outcome")."""
    records = []
    for n, row in enumerate(rows, 1):
        t, o = row.target, row.outcome
        sources = "；".join(source_text(s) for s in o.sources)
        for k, v in enumerate(o.values, 1):
            records.append(
                {
                    "id": f"o-{o.period}-{n}" + (f"-{k}" if len(o.values) > 1 else ""),
                    "block_id": t.block_id,
                    "label": convert(v.label),
                    "value": int(v.value) if float(v.value).is_integer() else v.value,
                    "unit": convert(v.unit),
                    "qualifier": convert(v.qualifier),
                    "kind": "outcome",
                    "year": o.period,
                    "indicator": convert(t.indicator),
                    "target_id": t.figure_id,
                    "verdict": row.verdict.code,
                    "source": convert(sources),
                    "note": convert(o.note),
                }
            )
    return records
