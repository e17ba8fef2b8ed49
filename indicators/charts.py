"""Horizontal bar charts as SVG, drawn on the server for the printed bilan.

WeasyPrint prints inline SVG but runs no script, so the charts are plain SVG: the
geometry is computed here, the markup is a template (indicators/bilan_chart.svg).
One viewBox unit is one typographic point when the chart is printed at its
`width` in points, so font sizes read as in the rest of the document. Each chart is
printed beside a table of the same figures (the text a screen reader and a
photocopier keep): the chart's own title and description only summarise it.
"""

import textwrap
from dataclasses import dataclass
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

LABEL_WIDTH = 0.36  # share of the width kept for the labels, left of the bars
LABEL_LINES = 2
FONT_SIZE = 8
CHAR_WIDTH = 0.6 * FONT_SIZE  # a generous average for Marianne: labels never overflow
LINE_HEIGHT = 9
ROW_GAP = 4
VALUE_ROOM = 60  # room right of the longest bar for its figure ("1 234 / 2 000")


@dataclass(frozen=True)
class Bar:
    label: str
    value: Decimal | int
    text: str  # the figure as printed at the bar's end ("12", "40 %")
    target: Decimal | int | None = None


def _wrapped(label: str, chars: int) -> list[str]:
    """The label on at most LABEL_LINES lines of `chars` characters, cut with "…"."""
    lines = textwrap.wrap(label, chars) or [""]
    if len(lines) > LABEL_LINES:
        lines = lines[:LABEL_LINES]
        lines[-1] = lines[-1][: chars - 1].rstrip() + "…"
    return lines


def _label_lines(lines: list[str], *, middle: float) -> list[tuple[str, float]]:
    """Each line with its baseline: the lines centred on the bar, LINE_HEIGHT apart."""
    first = middle - (len(lines) - 1) * LINE_HEIGHT / 2 + FONT_SIZE / 3
    return [(line, round(first + i * LINE_HEIGHT, 1)) for i, line in enumerate(lines)]


def bar_chart_svg(
    bars: list[Bar],
    *,
    chart_id: str,
    title: str,
    description: str,
    width: int = 283,  # 100 mm: one unit per point
    maximum: Decimal | int | None = None,
    track: bool = False,
) -> SafeString:
    """Bars from a common zero, longest = `maximum` (the largest value or target by
    default); a target is a dashed mark across its bar; `track` draws each bar's full
    length in grey behind it (a share of 100 %)."""
    top = maximum or max([b.value for b in bars] + [b.target or 0 for b in bars] + [1])
    left = round(width * LABEL_WIDTH)
    chars = int((left - 6) / CHAR_WIDTH)
    room = width - left - VALUE_ROOM
    row_height = LABEL_LINES * LINE_HEIGHT + ROW_GAP
    rows = []
    for index, bar in enumerate(bars):
        y = index * row_height
        lines = _wrapped(bar.label, chars)
        length = round(room * min(Decimal(bar.value) / Decimal(top), 1), 1)
        target_x = None
        if bar.target:
            target_x = round(left + room * min(Decimal(bar.target) / Decimal(top), 1), 1)
        rows.append(
            {
                "bar": bar,
                "y": y,
                "bar_y": y + 2,
                "bar_height": row_height - ROW_GAP - 2,
                "lines": _label_lines(lines, middle=y + (row_height - ROW_GAP) / 2),
                "length": length,
                "text_x": left + length + 4,
                "text_y": round(y + (row_height - ROW_GAP) / 2 + FONT_SIZE / 3, 1),
                "target_x": target_x,
                "target_y2": y + row_height - ROW_GAP + 2,
            }
        )
    svg = render_to_string(
        "indicators/bilan_chart.svg",
        {
            "title": title,
            "description": description,
            "width": width,
            "height": max(len(bars), 1) * row_height,
            "id": chart_id,
            "left": left,
            "label_x": left - 4,
            "room": room,
            "rows": rows,
            "track": track,
            "font_size": FONT_SIZE,
        },
    )
    # Every text in the template is escaped by the template engine.
    return mark_safe(svg.strip())  # noqa: S308
