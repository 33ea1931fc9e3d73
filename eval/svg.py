"""An inline SVG chart of F1 scores with their confidence intervals, one bar per system.

Each row is a label (an entity label, a quote kind ...); inside a row every system
has a thin horizontal bar from 0 to its F1 and, when known, a whisker from the low to
the high end of the interval. Values are F1 in [0, 1], shown in percent like every figure of
the report: the x axis runs from 0 to 100 with grid lines every 25, and the value beside
each bar reads ``80.0 [70.0, 90.0]``.
No scripts, fonts or external references: it renders offline in any browser. Every
label and tooltip is escaped.

Example:
    >>> svg = interval_chart([Bar("PERSON", "spacy", 0.8, 0.7, 0.9)], ["spacy"])
    >>> svg.startswith("<svg") and "PERSON" in svg
    True
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

#: Colours of the systems, in the order given.
PALETTE: tuple[str, ...] = ("#3b6fb6", "#d9822b", "#3a9d5d", "#b33f62", "#7d5ba6", "#5f6b7a")

_LABEL_W = 130
_PLOT_W = 440
_RIGHT_W = 110
_BAR_H = 10
_GAP = 8
_TOP = 22


@dataclass(frozen=True)
class Bar:
    """One system's F1 for one row label, with its interval when known."""

    row: str
    system: str
    value: float | None
    low: float | None = None
    high: float | None = None


def interval_chart(bars: Sequence[Bar], systems: Sequence[str]) -> str:
    """An SVG chart of ``bars`` grouped by row, systems coloured in ``systems`` order."""
    rows: list[str] = []
    for bar in bars:
        if bar.row not in rows:
            rows.append(bar.row)
    colour = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(systems)}
    per_row = max(1, len(systems))
    row_h = per_row * (_BAR_H + 2) + _GAP
    height = _TOP + len(rows) * row_h + 20
    width = _LABEL_W + _PLOT_W + _RIGHT_W
    parts = [
        f'<svg width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" class="chart">'
    ]
    for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
        x = _x(tick)
        parts.append(
            f'<line x1="{x:.1f}" y1="{_TOP - 4}" x2="{x:.1f}" y2="{height - 16}" class="grid"/>'
            f'<text x="{x:.1f}" y="{_TOP - 8}" class="tick">{100 * tick:.0f}</text>'
        )
    by_key = {(b.row, b.system): b for b in bars}
    for r, row in enumerate(rows):
        y0 = _TOP + r * row_h
        parts.append(
            f'<text x="{_LABEL_W - 6}" y="{y0 + row_h / 2:.1f}" class="row">'
            f"{html.escape(row)}</text>"
        )
        for s, name in enumerate(systems):
            bar = by_key.get((row, name))
            if bar is None:
                continue
            y = y0 + s * (_BAR_H + 2)
            parts.append(_bar(bar, y, colour[name]))
    legend_y = height - 4
    for s, name in enumerate(systems):
        x = _LABEL_W + s * 110
        parts.append(
            f'<rect x="{x}" y="{legend_y - 9}" width="10" height="10" fill="{colour[name]}"/>'
            f'<text x="{x + 14}" y="{legend_y}" class="legend">{html.escape(name)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _x(value: float) -> float:
    return _LABEL_W + max(0.0, min(1.0, value)) * _PLOT_W


def _bar(bar: Bar, y: float, colour: str) -> str:
    tip = f"{bar.system} {bar.row}: F1 {_fmt(bar.value)}"
    if bar.low is not None and bar.high is not None:
        tip += f" [{_fmt(bar.low)}, {_fmt(bar.high)}]"
    out = [f"<g><title>{html.escape(tip)}</title>"]
    if bar.value is not None:
        w = _x(bar.value) - _LABEL_W
        out.append(
            f'<rect x="{_LABEL_W}" y="{y:.1f}" width="{w:.1f}" height="{_BAR_H}" '
            f'fill="{colour}" fill-opacity="0.75"/>'
        )
    if bar.low is not None and bar.high is not None:
        mid = y + _BAR_H / 2
        x1, x2 = _x(bar.low), _x(bar.high)
        out.append(
            f'<line x1="{x1:.1f}" y1="{mid:.1f}" x2="{x2:.1f}" y2="{mid:.1f}" class="ci"/>'
            f'<line x1="{x1:.1f}" y1="{y:.1f}" x2="{x1:.1f}" y2="{y + _BAR_H:.1f}" class="ci"/>'
            f'<line x1="{x2:.1f}" y1="{y:.1f}" x2="{x2:.1f}" y2="{y + _BAR_H:.1f}" class="ci"/>'
        )
    text = _fmt(bar.value)
    if bar.low is not None and bar.high is not None:
        text += f" [{_fmt(bar.low)}, {_fmt(bar.high)}]"
    out.append(
        f'<text x="{_LABEL_W + _PLOT_W + 6}" y="{y + _BAR_H - 1:.1f}" class="val">'
        f"{html.escape(text)}</text></g>"
    )
    return "".join(out)


def _fmt(value: float | None) -> str:
    """A value in [0, 1] as a percentage with one decimal, as in the report's tables."""
    return "-" if value is None else f"{100 * value:.1f}"
