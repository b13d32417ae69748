"""Render extracted figures: the metrics page, its chart, the downloads and a home-page glance.

Everything returns strings or bytes; the build decides where they go.
Links come from the caller's ``href(block_id)`` (a relative URL with the
paragraph's #anchor) so this module knows nothing about page layout.
``convert`` turns zh-Hans text into the edition's script; it is applied to
reader-visible text only, never to ids, URLs or the machine-readable
``kind`` values.

Tables readers may sort carry class ``sortable`` (the lead ships the
script); they are raw HTML because Python-Markdown cannot put a class on a
Markdown table. Raw HTML blocks contain no blank lines, so Markdown keeps
them whole.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Sequence
from html import escape
from typing import TypeGuard

from build_tools.annotate.metrics import BEFORE, Figure, Indicator

Convert = Callable[[str], str]
Href = Callable[[str], str]

# What the full table says a figure is; results are "the review year's figures", not completions
# (预计 estimates and 开工 starts are results too), so their word is only their year.
KIND_WORDS = {"result": "", "target": "目标", "other": "其他"}
# Change words that make a growth figure negative on the chart.
DECREASE = ("下降", "降低", "减少", "压减")
GROWTH = ("增长", "涨幅", "增速", "增幅", "下降", "降低", "减少", "提高")
# New columns go at the end: spreadsheets that read the older columns by position keep working.
CSV_COLUMNS = [
    "id",
    "section_id",
    "block_id",
    "label",
    "value",
    "unit",
    "qualifier",
    "kind",
    "source",
    "year",
    "base_year",
    "estimate",
    "estimate_word",
    "status",
    "indicator",
    "target_id",
    "verdict",
    "note",
]
# Reader-visible text in a figure's public fields, converted in each edition; the rest are ids, numbers, flags.
TEXT_FIELDS = ("label", "unit", "qualifier", "source", "estimate_word", "status")
COLUMN_DOCS = [
    ("id", "数字的编号(所在段落编号加序号),长期有效"),
    ("section_id", "所在小节编号,如 s1-2;不在小节中时为部分编号,如 part-1"),
    ("block_id", "所在段落编号,可用于链接到原文"),
    ("label", "数字的名称(取自原文)"),
    ("value", "数值;区间取下限,上限写在 qualifier 中"),
    ("unit", "单位,如 %、亿元、万吨"),
    ("qualifier", "限定词,如 左右、以上、近、超"),
    (
        "kind",
        "result=工作回顾中上一年的数字(可能是预计数,见 estimate),target=目标或计划,other=其他,"
        "outcome=后来官方文件公布的目标实际结果(不是报告原文,出处见 source)",
    ),
    ("source", "原文中的写法,逐字摘录;outcome 行为公布该结果的文件(名称、发布机关、日期、位置)"),
    ("year", "数字所属的年份;目标为目标年份,如 2023、2025、2030"),
    ("base_year", "比较的基期年份,如“比2020年下降12%”为 2020;没有则为空"),
    ("estimate", "true=原文标明是估计数(如“预计”),false=未标明"),
    ("estimate_word", "原文的估计用语,如 预计、初步统计;没有则为空"),
    ("status", "原文的状态用语,如 完成、开工、开复工、投用、新建、力争;多个时以“、”分隔,没有则为空"),
    ("indicator", "outcome 行:所对应的主要指标名称;其他行为空"),
    ("target_id", "outcome 行:所对应目标数字的 id;目标是文字表述时为空"),
    ("verdict", "outcome 行:met=达到,not_met=未达到,none=不作判定(目标为文字、无界限词或口径不同)"),
    ("note", "outcome 行:编辑对口径等的说明;没有则为空"),
]


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


def _cell(ind: Indicator, kind: str, href: Href, convert: Convert) -> str:
    """A table cell: the figure or words linked to its paragraph, or a dash."""
    value = getattr(ind, kind)
    if value is None:
        return "—"
    if isinstance(value, Figure):
        text = annotated_text(value, getattr(ind, f"{kind}_label"))
    else:
        text = _words_text(str(value), getattr(ind, f"{kind}_estimate"))
    return f'<a href="{escape(href(getattr(ind, f"{kind}_block")))}">{escape(convert(text))}</a>'


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


def headline_table(
    indicators: list[Indicator], href: Href, convert: Convert = _identity, table_id: str = "metrics-headline"
) -> str:
    """The headline indicators as a sortable HTML table (indicator | result | target)."""
    result_head, target_head = _years(indicators)
    rows = [
        f'<table id="{table_id}" class="sortable metrics-headline">',
        f"<thead><tr><th>{escape(convert('指标'))}</th><th>{escape(convert(result_head))}</th>"
        f"<th>{escape(convert(target_head))}</th></tr></thead>",
        "<tbody>",
    ]
    for ind in indicators:
        rows.append(
            f'<tr><th scope="row">{escape(convert(ind.name))}</th>'
            f"<td>{_cell(ind, 'result', href, convert)}</td>"
            f"<td>{_cell(ind, 'target', href, convert)}</td></tr>"
        )
    rows += ["</tbody>", "</table>"]
    return "\n".join(rows)


def growth_rows(indicators: list[Indicator]) -> list[tuple[str, Figure | None, Figure | None]]:
    """Indicators whose result or target is a percentage change: the chart's rows."""

    def growth(value) -> TypeGuard[Figure]:
        return isinstance(value, Figure) and value.unit in ("%", "％") and value.change in GROWTH

    return [
        (i.name, i.result if growth(i.result) else None, i.target if growth(i.target) else None)
        for i in indicators
        if growth(i.result) or growth(i.target)
    ]


def _signed(fig: Figure) -> float:
    """Decreases (下降12%) draw to the left of zero."""
    return -fig.value if fig.change in DECREASE else fig.value


CHART_STYLE = (
    ".metrics-chart{max-width:100%;height:auto;color:inherit}"
    ".metrics-chart text{fill:currentColor;font-size:12px;font-family:inherit}"
    ".metrics-chart .mc-result{fill:var(--md-default-fg-color--light,#8a8a8a)}"
    ".metrics-chart .mc-target{fill:var(--md-primary-fg-color,#3f51b5)}"
    ".metrics-chart .mc-axis{stroke:currentColor;stroke-opacity:.4}"
    ".metrics-chart .mc-value{font-size:11px}"
)
WIDTH, LEFT, RIGHT, ROW, BAR = 360, 8, 84, 50, 12


def chart_svg(indicators: list[Indicator], convert: Convert = _identity, described_by: str = "metrics-headline") -> str:
    """Inline SVG bars of results vs targets for the growth indicators ('' when there are none).

    The numbers are also in <desc> and in the table named by ``described_by``.
    """
    rows = growth_rows(indicators)
    if not rows:
        return ""
    result_head, target_head = _years(indicators)
    estimated = _estimated([r for _, r, _ in rows if r])
    legend = result_head + (f"（{estimated}）" if estimated else "")
    values = [_signed(f) for _, r, t in rows for f in (r, t) if f]
    low, high = min(0.0, *values), max(0.0, *values)
    scale = (WIDTH - LEFT - RIGHT) / ((high - low) or 1)
    zero = LEFT + (-low) * scale
    height = 34 + ROW * len(rows)
    desc = ";".join(
        f"{name}:{result_head}{annotated_text(r) if r else '—'},{target_head}{annotated_text(t) if t else '—'}"
        for name, r, t in rows
    )
    # When only some results are estimates the legend cannot say which: their bars say it.
    marked = bool(estimated) and estimated.startswith("含")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="metrics-chart" viewBox="0 0 {WIDTH} {height}" '
        'role="img" aria-labelledby="metrics-chart-title metrics-chart-desc" '
        f'aria-describedby="{escape(described_by)}">',
        f'<title id="metrics-chart-title">{escape(convert("主要指标增速:" + legend + "与" + target_head))}</title>',
        f'<desc id="metrics-chart-desc">{escape(convert(desc))}</desc>',
        f"<style>{CHART_STYLE}</style>",
    ]
    parts += _legend(convert(legend), convert(target_head))
    for n, (name, result, target) in enumerate(rows):
        top = 34 + n * ROW
        parts.append(f'<text class="mc-label" x="{LEFT}" y="{top + 10}">{escape(convert(name))}</text>')
        for k, (fig, cls) in enumerate(((result, "mc-result"), (target, "mc-target"))):
            parts += _bar(fig, cls, top + 14 + k * (BAR + 2), zero, scale, convert, marked)
    parts.append(f'<line class="mc-axis" x1="{zero:.1f}" y1="30" x2="{zero:.1f}" y2="{height - 4}"/>')
    parts.append("</svg>")
    return "\n".join(parts)


def _legend(result_head: str, target_head: str) -> list[str]:
    """Colour keys for the two series."""
    return [
        f'<rect class="mc-result" x="{LEFT}" y="8" width="12" height="12"/>',
        f'<text x="{LEFT + 16}" y="18">{escape(result_head)}</text>',
        f'<rect class="mc-target" x="{LEFT + 150}" y="8" width="12" height="12"/>',
        f'<text x="{LEFT + 166}" y="18">{escape(target_head)}</text>',
    ]


def _bar(
    fig: Figure | None, cls: str, y: float, zero: float, scale: float, convert: Convert, marked: bool = False
) -> list[str]:
    """One bar and its value (with its estimate marker when ``marked``), or a dash when there is no number."""
    if fig is None:
        return [f'<text class="mc-value" x="{zero + 4:.1f}" y="{y + BAR - 2}">—</text>']
    value = _signed(fig)
    x, width = (zero, value * scale) if value >= 0 else (zero + value * scale, -value * scale)
    label_x = zero + max(value, 0) * scale + 4
    return [
        f'<rect class="{cls}" x="{x:.1f}" y="{y}" width="{max(width, 1):.1f}" height="{BAR}"/>',
        f'<text class="mc-value" x="{label_x:.1f}" y="{y + BAR - 2}">'
        f"{escape(convert((fig.estimate if marked else '') + figure_text(fig, False)))}</text>",
    ]


def figures_tables(
    figures: list[Figure], href: Href, convert: Convert = _identity, names: dict[str, str] | None = None
) -> str:
    """All figures, one sortable table per section, in reading order."""
    names = names or {}
    groups: dict[str, list[Figure]] = {}
    for fig in figures:
        groups.setdefault(fig.section_id, []).append(fig)
    head = "".join(f"<th>{escape(convert(h))}</th>" for h in ("名称", "数值", "单位", "限定", "状态", "类别", "原文"))
    out = []
    for section_id, members in groups.items():
        title = names.get(section_id) or section_id or "开篇与结束语"
        anchor = f"metrics-{section_id}" if section_id else "metrics-other"
        out += [
            f"### {convert(title)} {{#{anchor}}}",
            "",
            f'<table class="sortable metrics-figures"><thead><tr>{head}</tr></thead><tbody>',
        ]
        out += [_figure_row(f, href, convert) for f in members]
        out += ["</tbody></table>", ""]
    return "\n".join(out)


def _figure_row(fig: Figure, href: Href, convert: Convert) -> str:
    """One row of the full figures table."""
    number = number_text(fig.value) + ("—" + number_text(fig.value_max) if fig.value_max is not None else "")
    cells = [
        escape(convert(fig.label)),
        number,
        escape(convert(fig.unit)),
        escape(convert(qualifier_text(fig))),
        escape(convert(fig.status)),
        escape(convert(kind_text(fig))),
        f'<a href="{escape(href(fig.block_id))}" title="{escape(convert(fig.source))}">{escape(convert("原文"))}</a>',
    ]
    # The value cell carries a plain number so the sort script orders 50—100 and 4.2 numerically.
    attrs = ["", f' data-sort="{number_text(fig.value)}"', "", "", "", "", ""]
    return "<tr>" + "".join(f"<td{a}>{c}</td>" for a, c in zip(attrs, cells, strict=True)) + "</tr>"


def qualifier_text(fig: Figure) -> str:
    """Everything that qualifies the number: 预计, 比2020年, 左右 (separate fields, shown together)."""
    return "、".join(w for w in (fig.estimate, f"比{fig.base_year}年" if fig.base_year else "", fig.qualifier) if w)


def kind_text(fig: Figure) -> str:
    """2022年, 2023年目标, 2030年目标 or 其他: a target keeps its own year (上年/目标 when it has none)."""
    word = KIND_WORDS.get(fig.kind, fig.kind)
    if fig.kind == "other":
        return word
    return f"{fig.year}年{word}" if fig.year else word or "上年"


def page_markdown(
    indicators: list[Indicator],
    figures: list[Figure],
    href: Href,
    convert: Convert = _identity,
    names: dict[str, str] | None = None,
    outcomes: str = "",
) -> str:
    """The whole metrics page: headline table, chart, targets against outcomes, downloads, every figure."""
    c = convert
    chart = chart_svg(indicators, convert)
    parts = [
        f"# {c('数据一览')} {{#metrics}}",
        "",
        c("本页汇总报告中的主要数字。每个数字都链接到原文段落；数字由程序从原文中识别，以原文为准。"),
        "",
        f"## {c('主要指标')} {{#metrics-headline-title}}",
        "",
    ]
    if chart:
        parts += [
            '<figure class="metrics-chart-figure">',
            chart,
            f"<figcaption>{escape(c('图：主要指标增速（具体数字见下表）'))}</figcaption>",
            "</figure>",
            "",
        ]
    parts += [
        headline_table(indicators, href, convert),
        "",
        outcomes,
        f"## {c('下载数据')} {{#metrics-downloads}}",
        "",
        f"- [metrics.csv](metrics/metrics.csv) — {c('表格文件（UTF-8，可用 Excel 打开）')}",
        f"- [metrics.json](metrics/metrics.json) — {c('JSON 数据')}",
        "",
        f"| {c('列')} | {c('说明')} |",
        "|---|---|",
    ]
    parts += [f"| `{name}` | {c(doc)} |" for name, doc in COLUMN_DOCS]
    parts += ["", f"## {c('全部数字')} {{#metrics-all}}", "", figures_tables(figures, href, convert, names)]
    return "\n".join(parts).rstrip() + "\n"


def _public(fig: Figure, convert: Convert) -> dict:
    """The public fields with reader-visible text converted."""
    data = fig.as_dict()
    for key in TEXT_FIELDS:
        data[key] = convert(data[key])
    return data


def metrics_csv(figures: list[Figure], convert: Convert = _identity, outcomes: Sequence[dict] = ()) -> bytes:
    """The figures (then the outcome records) as CSV, UTF-8 with a BOM so spreadsheet programs detect it."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for data in [_public(f, convert) for f in figures] + list(outcomes):
        cells = [data.get(col, "") for col in CSV_COLUMNS]
        # Flags as in the JSON (true/false), not Python's True/False; None as an empty cell.
        writer.writerow([str(v).lower() if isinstance(v, bool) else "" if v is None else v for v in cells])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def metrics_json(figures: list[Figure], convert: Convert = _identity, outcomes: Sequence[dict] = ()) -> str:
    """The figures (then the outcome records) as a JSON array, Chinese kept readable."""
    return json.dumps([_public(f, convert) for f in figures] + list(outcomes), ensure_ascii=False, indent=2)


def home_markdown(
    indicators: list[Indicator],
    href: Href,
    convert: Convert = _identity,
    metrics_href: str = "metrics/",
    limit: int = 6,
    outcomes: str = "",
) -> str:
    """A "headline figures at a glance" block for the home page.

    ``href(block_id)`` links a figure to its paragraph (relative to the home
    page); ``metrics_href`` is the metrics page's URL relative to the home
    page. Shows the first ``limit`` indicators that have a number.
    """
    c = convert
    shown = [i for i in indicators if isinstance(i.result, Figure) or isinstance(i.target, Figure)][:limit]
    if not shown:
        return ""
    result_head, target_head = _years(indicators)
    items = []
    for ind in shown:
        items.append(
            f'<li><span class="metrics-glance-name">{escape(c(ind.name))}</span> '
            f'<span class="metrics-glance-result">{escape(c(result_head))} {_cell(ind, "result", href, c)}</span> '
            f'<span class="metrics-glance-target">{escape(c(target_head))} {_cell(ind, "target", href, c)}</span></li>'
        )
    return "\n".join(
        [
            f"## {c('主要数字一览')} {{#metrics-glance}}",
            "",
            '<ul class="metrics-glance">',
            *items,
            "</ul>",
            "",
            *([outcomes, ""] if outcomes else []),
            f"[{c('查看全部数字与下载')}]({metrics_href})",
            "",
        ]
    )
