"""The English metrics page: the Chinese page's sections, tables and anchors, in English.

Every reader-visible word comes from seeds/en-metrics.po through :class:`En`
(contexts in :mod:`build_tools.render.metrics_text_en` and below); numbers are
written in English convention. Each figure links to its paragraph with the same
ids as the Chinese editions, and its Chinese wording is shown beside it
(lang="zh-Hans") so a reader can check it. The downloads are the Chinese
edition's data files: their text fields are the report's own words, which a
translation would replace by ours; the page says so.
"""

from __future__ import annotations

from html import escape

from build_tools.annotate.metrics import Figure, Indicator
from build_tools.annotate.outcomes import Pairing
from build_tools.render.metrics_chart import (
    CHART_STYLE,
    LEFT,
    ROW,
    WIDTH,
    _legend,
    _signed,
    axis,
    bar,
    figure,
    growth_rows,
)
from build_tools.render.metrics_page import (
    ALL,
    CAPTION,
    COLUMN,
    COLUMN_DOCS,
    COLUMNS,
    CSV_NOTE,
    DOWNLOADS,
    HEADLINE,
    INDICATOR,
    INTRO,
    JSON_NOTE,
    MEANING,
    OTHER_PLACES,
    SEE_ALL,
    TITLE,
    section_tables,
    shown_on_home,
)
from build_tools.render.metrics_text import Href, _estimated
from build_tools.render.metrics_text_en import (
    BASE,
    OTHER,
    PAGE,
    RESULT_NONE,
    TARGET_NONE,
    TARGET_YEAR,
    YEAR,
    En,
    annotated_en,
    figure_en,
    figure_msgs,
    kind_en,
    number_en,
    qualifiers_en,
    scaled,
    split_unit,
    status_en,
    words_en,
    year_heads,
)
from build_tools.render.outcomes_en import home_line_en, outcomes_msgs, section_markdown_en
from build_tools.seeds.english import Msg, mark_chinese

BAR = 12
CHART_TITLE = "主要指标增速"
DATA_NOTE = "数据文件与中文版相同，文字字段是报告原文的中文。"
PAGE_WORDS = [TITLE, INTRO, HEADLINE, CAPTION, CHART_TITLE, DOWNLOADS, CSV_NOTE, JSON_NOTE, DATA_NOTE, ALL, SEE_ALL]
PAGE_WORDS += [
    COLUMN,
    MEANING,
    OTHER_PLACES,
    INDICATOR,
    *COLUMNS,
    YEAR,
    TARGET_YEAR,
    RESULT_NONE,
    TARGET_NONE,
    BASE,
    OTHER,
]


def needed(indicators: list[Indicator], figures: list[Figure], rows: list[Pairing]) -> list[Msg]:
    """Every text the English metrics page needs, in page order: the POT's entries."""
    msgs = [Msg(PAGE, w) for w in PAGE_WORDS] + [Msg("column-doc", doc, name) for name, doc in COLUMN_DOCS]
    for ind in indicators:
        msgs.append(Msg("indicator", ind.name))
        for side in ("result", "target"):
            value = getattr(ind, side)
            if isinstance(value, Figure):
                msgs += figure_msgs(value, getattr(ind, f"{side}_label"))
            elif value:
                msgs += [Msg("words", value)] + (
                    [Msg("estimate", e)] if (e := getattr(ind, f"{side}_estimate")) else []
                )
    for fig in figures:
        msgs += figure_msgs(fig)
    return msgs + outcomes_msgs(rows, figures)


def _cell(ind: Indicator, side: str, href: Href, en: En) -> str:
    """A headline cell: the figure or words in English linked to its paragraph, or a dash."""
    value = getattr(ind, side)
    if value is None:
        return "—"
    if isinstance(value, Figure):
        text = annotated_en(value, en, getattr(ind, f"{side}_label"))
    else:
        text = words_en(str(value), getattr(ind, f"{side}_estimate"), en)
    return f'<a href="{escape(href(getattr(ind, f"{side}_block")))}">{escape(text)}</a>'


def headline_table_en(indicators: list[Indicator], href: Href, en: En, table_id: str = "metrics-headline") -> str:
    """The headline indicators as a sortable HTML table (indicator | result | target), same id as zh-Hans."""
    result_head, target_head = year_heads(indicators, en)
    rows = [
        f'<table id="{table_id}" class="sortable metrics-headline">',
        f"<thead><tr><th>{escape(en.get(PAGE, INDICATOR))}</th><th>{escape(result_head)}</th>"
        f"<th>{escape(target_head)}</th></tr></thead>",
        "<tbody>",
    ]
    for ind in indicators:
        rows.append(
            f'<tr><th scope="row">{escape(en.get("indicator", ind.name))}</th>'
            f"<td>{_cell(ind, 'result', href, en)}</td><td>{_cell(ind, 'target', href, en)}</td></tr>"
        )
    return "\n".join(rows + ["</tbody>", "</table>"])


def figures_tables_en(figures: list[Figure], href: Href, en: En, names: dict[str, str] | None = None) -> str:
    """All figures, one sortable table per section (same anchors metrics-<section id> as zh-Hans).

    ``names`` are the sections' English titles by id (the translated headings of the report).
    """
    names = names or {}
    head = "".join(f"<th>{escape(en.get(PAGE, h))}</th>" for h in COLUMNS)
    return section_tables(
        figures,
        head,
        lambda section_id: escape(names.get(section_id) or section_id or en.get(PAGE, OTHER_PLACES)),
        lambda fig: _figure_row(fig, href, en),
    )


def _figure_row(fig: Figure, href: Href, en: En) -> str:
    """One row: label, number (scaled), unit, qualifiers, status, kind, and the Chinese wording linked."""
    cells = [
        escape(en.get("label", fig.label)),
        escape(number_en(fig.value, fig.unit, en, fig.value_max)),
        escape(" ".join(en.get("unit", split_unit(fig.unit)[1]).replace("{n}", " ").split())),
        escape(qualifiers_en(fig, en)),
        escape(status_en(fig, en)),
        escape(kind_en(fig, en)),
        f'<a href="{escape(href(fig.block_id))}"><span lang="zh-Hans">{escape(fig.source)}</span></a>',
    ]
    # The value cell carries a plain number so the sort script orders 18.48 billion and 4.2 numerically.
    attrs = ["", f' data-sort="{format(scaled(fig.value, fig.unit).normalize(), "f")}"', "", "", "", "", ""]
    return "<tr>" + "".join(f"<td{a}>{c}</td>" for a, c in zip(attrs, cells, strict=True)) + "</tr>"


def chart_svg_en(indicators: list[Indicator], en: En, described_by: str = "metrics-headline") -> str:
    """The growth chart of the Chinese page with English title, description, legend and values."""
    rows = growth_rows(indicators)
    if not rows:
        return ""
    result_head, target_head = year_heads(indicators, en)
    estimated = _estimated([r for _, r, _ in rows if r])
    # The legend says "estimated" only when every result is; otherwise each bar says it.
    marked = bool(estimated) and estimated.startswith("含")
    legend = result_head + (f" ({en.get('estimate', estimated)})" if estimated and not marked else "")
    zero, scale = axis([_signed(f) for _, r, t in rows for f in (r, t) if f])
    height = 34 + ROW * len(rows)
    desc = "; ".join(
        f"{en.get('indicator', name)}: {result_head} {annotated_en(r, en) if r else '—'},"
        f" {target_head} {annotated_en(t, en) if t else '—'}"
        for name, r, t in rows
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="metrics-chart" viewBox="0 0 {WIDTH} {height}" '
        'role="img" aria-labelledby="metrics-chart-title metrics-chart-desc" '
        f'aria-describedby="{escape(described_by)}">',
        f'<title id="metrics-chart-title">{escape(f"{en.get(PAGE, CHART_TITLE)}: {legend}, {target_head}")}</title>',
        f'<desc id="metrics-chart-desc">{escape(desc)}</desc>',
        f"<style>{CHART_STYLE}</style>",
        *_legend(legend, target_head),
    ]
    for n, (name, result, target) in enumerate(rows):
        top = 34 + n * ROW
        parts.append(f'<text class="mc-label" x="{LEFT}" y="{top + 10}">{escape(en.get("indicator", name))}</text>')
        for k, (fig, cls) in enumerate(((result, "mc-result"), (target, "mc-target"))):
            parts += _bar(fig, cls, top + 14 + k * (BAR + 2), zero, scale, en, marked)
    parts += [f'<line class="mc-axis" x1="{zero:.1f}" y1="30" x2="{zero:.1f}" y2="{height - 4}"/>', "</svg>"]
    return "\n".join(parts)


def _bar(fig: Figure | None, cls: str, y: float, zero: float, scale: float, en: En, marked: bool) -> list[str]:
    """One bar and its value in English (with "estimated" when ``marked``), or a dash."""
    if fig is None:
        return [f'<text class="mc-value" x="{zero + 4:.1f}" y="{y + BAR - 2}">—</text>']
    label = (f"{en.get('estimate', fig.estimate)} " if marked and fig.estimate else "") + figure_en(fig, en, False)
    return bar(_signed(fig), cls, escape(label), y, zero, scale, "mc-value")


def page_markdown_en(
    indicators: list[Indicator],
    figures: list[Figure],
    rows: list[Pairing],
    href: Href,
    en: En,
    names: dict[str, str] | None = None,
) -> str:
    """The whole English metrics page: headline table and chart, targets against outcomes, downloads, all figures."""
    w = lambda zh: mark_chinese(en.get(PAGE, zh))  # noqa: E731
    chart = chart_svg_en(indicators, en)
    parts = [f"# {w(TITLE)} {{#metrics}}", "", w(INTRO), "", f"## {w(HEADLINE)} {{#metrics-headline-title}}", ""]
    parts += figure(chart, w(CAPTION))
    parts += [headline_table_en(indicators, href, en), "", section_markdown_en(rows, figures, href, en)]
    parts += [
        f"## {w(DOWNLOADS)} {{#metrics-downloads}}",
        "",
        f"- [metrics.csv](metrics/metrics.csv) — {w(CSV_NOTE)}",
        f"- [metrics.json](metrics/metrics.json) — {w(JSON_NOTE)}",
        "",
        w(DATA_NOTE),
        "",
        f"| {w(COLUMN)} | {w(MEANING)} |",
        "|---|---|",
        *(f"| `{name}` | {mark_chinese(en.get('column-doc', doc))} |" for name, doc in COLUMN_DOCS),
        "",
        f"## {w(ALL)} {{#metrics-all}}",
        "",
        figures_tables_en(figures, href, en, names),
    ]
    return "\n".join(parts).rstrip() + "\n"


def glance_en(indicators: list[Indicator], rows: list[Pairing], href: Href, en: En, metrics_href: str) -> str:
    """The body of the home page's glance in English: the Chinese glance's figures, line and links.

    Its heading is a label of the edition's (the page writer puts it, with the Chinese page's anchor).
    """
    shown = shown_on_home(indicators)
    if not shown:
        return ""
    result_head, target_head = year_heads(indicators, en)
    items = [
        f'<li><span class="metrics-glance-name">{escape(en.get("indicator", ind.name))}</span> '
        f'<span class="metrics-glance-result">{escape(result_head)} {_cell(ind, "result", href, en)}</span> '
        f'<span class="metrics-glance-target">{escape(target_head)} {_cell(ind, "target", href, en)}</span></li>'
        for ind in shown
    ]
    outcomes = home_line_en(rows, en, metrics_href)
    see_all = mark_chinese(en.get(PAGE, SEE_ALL))
    parts = ['<ul class="metrics-glance">', *items, "</ul>", ""]
    return "\n".join(parts + ([outcomes, ""] if outcomes else []) + [f"[{see_all}]({metrics_href})", ""])
