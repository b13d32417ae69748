"""Render extracted figures: the metrics page, the downloads and a home-page glance (the chart: metrics_chart).

Everything returns strings or bytes; the build decides where they go.
Links come from the caller's ``href(block_id)`` (a relative URL with the
paragraph's #anchor) so this module knows nothing about page layout.
``convert`` turns zh-Hans text into the edition's script; it is applied to
reader-visible text only, never to ids, URLs or the machine-readable
``kind`` values.

Tables readers may sort carry class ``sortable`` (the lead ships the
script); they are raw HTML because Python-Markdown cannot put a class on a
Markdown table. Raw HTML blocks contain no blank lines, so Markdown keeps
them whole."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from html import escape

from build_tools.annotate.metrics import Figure, Indicator
from build_tools.render import labels
from build_tools.render.metrics_chart import chart_svg, figure
from build_tools.render.metrics_text import (
    Convert,
    Href,
    _identity,
    _words_text,
    _years,
    annotated_text,
    kind_text,
    number_text,
    qualifier_text,
)

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

# The page's own words (zh-Hans; a translated edition's PO file takes them as its msgids).
TITLE, INTRO, HEADLINE = (
    "数据一览",
    "本页汇总报告中的主要数字。每个数字都链接到原文段落；数字由程序从原文中识别，以原文为准。",
    "主要指标",
)
CAPTION = "图：主要指标增速（具体数字见下表）"
DOWNLOADS, CSV_NOTE, JSON_NOTE = "下载数据", "表格文件（UTF-8，可用 Excel 打开）", "JSON 数据"
ALL, OTHER_PLACES, INDICATOR = "全部数字", "开篇与结束语", "指标"
SEE_ALL = "查看全部数字与下载"  # the home page's link to this page
COLUMN, MEANING = "列", "说明"
COLUMNS = ("名称", "数值", "单位", "限定", "状态", "类别", "原文")


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


def headline_table(
    indicators: list[Indicator], href: Href, convert: Convert = _identity, table_id: str = "metrics-headline"
) -> str:
    """The headline indicators as a sortable HTML table (indicator | result | target)."""
    result_head, target_head = _years(indicators)
    rows = [
        f'<table id="{table_id}" class="sortable metrics-headline">',
        f"<thead><tr><th>{escape(convert(INDICATOR))}</th><th>{escape(convert(result_head))}</th>"
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


def figures_tables(
    figures: list[Figure], href: Href, convert: Convert = _identity, names: dict[str, str] | None = None
) -> str:
    """All figures, one sortable table per section, in reading order."""
    names = names or {}
    head = "".join(f"<th>{escape(convert(h))}</th>" for h in COLUMNS)
    return section_tables(
        figures,
        head,
        lambda section_id: convert(names.get(section_id) or section_id or OTHER_PLACES),
        lambda fig: _figure_row(fig, href, convert),
    )


def section_tables(figures: list[Figure], head: str, title: Callable[[str], str], row: Callable[[Figure], str]) -> str:
    """One sortable table per section (in reading order, anchored metrics-<section id>), in any edition's words.

    ``head`` is the header row's cells, ``title(section_id)`` a section's heading, ``row(figure)`` a figure's row.
    """
    groups: dict[str, list[Figure]] = {}
    for fig in figures:
        groups.setdefault(fig.section_id, []).append(fig)
    out = []
    for section_id, members in groups.items():
        anchor = f"metrics-{section_id}" if section_id else "metrics-other"
        out += [
            f"### {title(section_id)} {{#{anchor}}}",
            "",
            f'<table class="sortable metrics-figures"><thead><tr>{head}</tr></thead><tbody>',
        ]
        out += [row(f) for f in members]
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
        f"# {c(TITLE)} {{#metrics}}",
        "",
        c(INTRO),
        "",
        f"## {c(HEADLINE)} {{#metrics-headline-title}}",
        "",
    ]
    parts += figure(chart, escape(c(CAPTION)))
    parts += [
        headline_table(indicators, href, convert),
        "",
        outcomes,
        f"## {c(DOWNLOADS)} {{#metrics-downloads}}",
        "",
        f"- [metrics.csv](metrics/metrics.csv) — {c(CSV_NOTE)}",
        f"- [metrics.json](metrics/metrics.json) — {c(JSON_NOTE)}",
        "",
        f"| {c(COLUMN)} | {c(MEANING)} |",
        "|---|---|",
    ]
    parts += [f"| `{name}` | {c(doc)} |" for name, doc in COLUMN_DOCS]
    parts += ["", f"## {c(ALL)} {{#metrics-all}}", "", figures_tables(figures, href, convert, names)]
    return "\n".join(parts).rstrip() + "\n"


def _public(fig: Figure, convert: Convert) -> dict:
    """The public fields with reader-visible text converted."""
    data = fig.as_dict()
    for key in TEXT_FIELDS:
        data[key] = convert(data[key])
    return data


def metrics_files(
    figures: list[Figure], convert: Convert = _identity, outcomes: Sequence[dict] = ()
) -> dict[str, bytes]:
    """metrics/metrics.csv and metrics/metrics.json, from the figures' public fields converted once for both."""
    rows = [_public(f, convert) for f in figures] + list(outcomes)
    return {"metrics/metrics.csv": _csv(rows), "metrics/metrics.json": _json(rows).encode("utf-8")}


def metrics_csv(figures: list[Figure], convert: Convert = _identity, outcomes: Sequence[dict] = ()) -> bytes:
    """The figures (then the outcome records) as CSV, UTF-8 with a BOM so spreadsheet programs detect it."""
    return _csv([_public(f, convert) for f in figures] + list(outcomes))


def _csv(rows: list[dict]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for data in rows:
        cells = [data.get(col, "") for col in CSV_COLUMNS]
        # Flags as in the JSON (true/false), not Python's True/False; None as an empty cell.
        writer.writerow([str(v).lower() if isinstance(v, bool) else "" if v is None else v for v in cells])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def metrics_json(figures: list[Figure], convert: Convert = _identity, outcomes: Sequence[dict] = ()) -> str:
    """The figures (then the outcome records) as a JSON array, Chinese kept readable."""
    return _json([_public(f, convert) for f in figures] + list(outcomes))


def _json(rows: list[dict]) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=2)


def shown_on_home(indicators: list[Indicator], limit: int = 6) -> list[Indicator]:
    """The indicators the home page's glance shows: the first ``limit`` that have a number."""
    return [i for i in indicators if isinstance(i.result, Figure) or isinstance(i.target, Figure)][:limit]


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
    shown = shown_on_home(indicators, limit)
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
            f"## {c(labels.GLANCE)} {{#metrics-glance}}",
            "",
            '<ul class="metrics-glance">',
            *items,
            "</ul>",
            "",
            *([outcomes, ""] if outcomes else []),
            f"[{c(SEE_ALL)}]({metrics_href})",
            "",
        ]
    )
