"""The headline chart: an inline SVG of each growth indicator's result and target."""

from __future__ import annotations

from html import escape
from typing import TypeGuard

from build_tools.annotate.metrics import Figure, Indicator
from build_tools.render.metrics_text import (
    DECREASE,
    GROWTH,
    Convert,
    _estimated,
    _identity,
    _years,
    annotated_text,
    figure_text,
)


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


def figure(chart: str, caption: str) -> list[str]:
    """A chart in its figure with a caption (HTML), as Markdown lines; none when nothing is charted."""
    if not chart:
        return []
    return ['<figure class="metrics-chart-figure">', chart, f"<figcaption>{caption}</figcaption>", "</figure>", ""]


def axis(values: list[float], right: int = RIGHT) -> tuple[float, float]:
    """Where zero sits and how many units a pixel is, so that every value and zero fit the bars' width."""
    low, high = min(0.0, *values), max(0.0, *values)
    scale = (WIDTH - LEFT - right) / ((high - low) or 1)
    return LEFT + (-low) * scale, scale


def bar(value: float, cls: str, label: str, y: float, zero: float, scale: float, label_cls: str = "") -> list[str]:
    """One horizontal bar from zero (leftwards when negative) and its label (HTML) after it."""
    x, width = (zero, value * scale) if value >= 0 else (zero + value * scale, -value * scale)
    label_x = zero + max(value, 0) * scale + 4
    text_cls = f' class="{label_cls}"' if label_cls else ""
    return [
        f'<rect class="{cls}" x="{x:.1f}" y="{y}" width="{max(width, 1):.1f}" height="{BAR}"/>',
        f'<text{text_cls} x="{label_x:.1f}" y="{y + BAR - 2}">{label}</text>',
    ]


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
    zero, scale = axis([_signed(f) for _, r, t in rows for f in (r, t) if f])
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
    label = escape(convert((fig.estimate if marked else "") + figure_text(fig, False)))
    return bar(_signed(fig), cls, label, y, zero, scale, "mc-value")
