"""Draw a chart :class:`~wargame.report.charts.Figure` as a self-contained SVG document.

Pure Python, SVG Tiny features only (so Qt's SVG renderer draws it the same as a browser):
lines, polygons, circles and text with presentation attributes, no CSS.
"""
from __future__ import annotations

import math
from xml.sax.saxutils import escape, quoteattr

from wargame.report.charts import INK, Figure, Line, Panel

WIDTH = 720
FONT = "DejaVu Sans, Helvetica, Arial, sans-serif"
GRID = "#dddddd"
MARK = "#777777"
LEFT, RIGHT, TOP, BOTTOM = 46, 14, 24, 30


def nice_ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    """Round tick values covering ``lo``..``hi`` (about ``count`` intervals)."""
    if hi - lo < 1e-9:
        lo, hi = lo - 1, hi + 1
    raw = (hi - lo) / count
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw - 1e-12)
    start = math.floor(lo / step + 1e-9) * step
    end = math.ceil(hi / step - 1e-9) * step
    n = int(round((end - start) / step))
    return [round(start + i * step, 10) for i in range(n + 1)]


def _fmt_tick(value: float, step: float) -> str:
    if step >= 1:
        return f"{value:.0f}"
    if step >= 0.1:
        return f"{value:.1f}"
    return f"{value:g}"


def _text(x: float, y: float, text: str, size: int = 11, anchor: str = "middle",
          color: str = INK, weight: str = "normal") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-family={quoteattr(FONT)} font-size="{size}" '
            f'fill="{color}" text-anchor="{anchor}" font-weight="{weight}">{escape(text)}</text>')


def _marker(kind: str, x: float, y: float, color: str, r: float = 3.2) -> str:
    if kind == "square":
        return f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r:.1f}" height="{2 * r:.1f}" fill="{color}"/>'
    if kind == "triangle":
        pts = f"{x:.1f},{y - r - 0.8:.1f} {x - r - 0.6:.1f},{y + r:.1f} {x + r + 0.6:.1f},{y + r:.1f}"
        return f'<polygon points="{pts}" fill="{color}"/>'
    if kind == "diamond":
        q = r + 0.9
        pts = f"{x:.1f},{y - q:.1f} {x + q:.1f},{y:.1f} {x:.1f},{y + q:.1f} {x - q:.1f},{y:.1f}"
        return f'<polygon points="{pts}" fill="{color}"/>'
    if kind == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{color}"/>'
    return ""


def _stroke(line: Line, width: float = 2.2) -> str:
    dash = ' stroke-dasharray="6,4"' if line.dashed else ""
    return f'fill="none" stroke="{line.color}" stroke-width="{width}"{dash} stroke-linejoin="round"'


def _legend(lines: tuple[Line, ...]) -> tuple[str, int]:
    """The legend row (SVG) and its height."""
    if not lines:
        return "", 0
    parts, x, y = [], 8.0, 14.0
    for line in lines:
        width = 30 + 6.4 * len(line.label)
        if x + width > WIDTH and x > 8:
            x, y = 8.0, y + 18
        parts.append(f'<line x1="{x:.1f}" y1="{y - 4:.1f}" x2="{x + 24:.1f}" y2="{y - 4:.1f}" {_stroke(line)}/>')
        parts.append(_marker(line.marker, x + 12, y - 4, line.color))
        parts.append(_text(x + 30, y, line.label, 11, "start"))
        x += width + 14
    return "".join(parts), int(y + 10)


def _y_range(panel: Panel) -> tuple[float, float]:
    values = [v for line in panel.lines for v in line.values if v is not None]
    lo = min(values, default=0.0)
    hi = max(values, default=1.0)
    if panel.y_min is not None:
        lo = min(lo, panel.y_min)
    if panel.y_max is not None:
        hi = max(hi, panel.y_max)
    if panel.zero:
        lo, hi = min(lo, 0.0), max(hi, 0.0)
    return lo, hi


def _segments(points: list[tuple[float, float] | None]) -> list[list[tuple[float, float]]]:
    out: list[list[tuple[float, float]]] = [[]]
    for p in points:
        if p is None:
            if out[-1]:
                out.append([])
        else:
            out[-1].append(p)
    return [seg for seg in out if seg]


def _panel(panel: Panel, x0: float, y0: float, w: float, h: float, labels: tuple[str, ...],
           marks: tuple[tuple[int, str], ...]) -> str:
    px0, py0 = x0 + LEFT, y0 + TOP
    pw, ph = w - LEFT - RIGHT, h - TOP - BOTTOM
    lo, hi = _y_range(panel)
    ticks = nice_ticks(lo, hi)
    lo, hi = ticks[0], ticks[-1]
    n = max(1, len(labels))

    def sx(i: int) -> float:
        return px0 + (pw / 2 if n == 1 else i * pw / (n - 1))

    def sy(v: float) -> float:
        return py0 + ph - (v - lo) / (hi - lo) * ph

    out = [_text(x0 + LEFT, y0 + 14, panel.title, 12, "start", panel.title_color, "bold")]
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1.0
    for t in ticks:
        colour = "#999999" if (panel.zero and abs(t) < 1e-9) else GRID
        out.append(f'<line x1="{px0:.1f}" y1="{sy(t):.1f}" x2="{px0 + pw:.1f}" y2="{sy(t):.1f}" '
                   f'stroke="{colour}" stroke-width="1"/>')
        out.append(_text(px0 - 5, sy(t) + 4, _fmt_tick(t, step), 10, "end", "#555555"))
    for i in _label_indices(labels, pw):
        half = 3.0 * len(labels[i])
        x = min(max(sx(i), x0 + half), x0 + w - half)
        out.append(f'<line x1="{sx(i):.1f}" y1="{py0 + ph:.1f}" x2="{sx(i):.1f}" y2="{py0 + ph + 4:.1f}" stroke="#999999"/>')
        out.append(_text(x, py0 + ph + 16, labels[i], 10, "middle", "#555555"))
    last_x, row = -1e9, 0
    for i, label in marks:
        row = row + 1 if sx(i) - last_x < 22 and row < 2 else 0
        last_x = sx(i)
        out.append(f'<line x1="{sx(i):.1f}" y1="{py0:.1f}" x2="{sx(i):.1f}" y2="{py0 + ph:.1f}" '
                   f'stroke="{MARK}" stroke-width="1.2" stroke-dasharray="3,3"/>')
        right = sx(i) + 4 + 7 * len(label) > px0 + pw
        out.append(_text(sx(i) + (-3 if right else 3), py0 + 10 + 11 * row, label, 10,
                         "end" if right else "start", "#444444", "bold"))
    pts = [[None if v is None else (sx(i), sy(v)) for i, v in enumerate(line.values)] for line in panel.lines]
    if panel.band is not None:
        out.append(_band(pts[panel.band[0]], pts[panel.band[1]], panel.lines[panel.band[0]].color))
    for line, line_pts in zip(panel.lines, pts):
        for seg in _segments(line_pts):
            if len(seg) > 1:
                coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in seg)
                out.append(f'<polyline points="{coords}" {_stroke(line)}/>')
            if n <= 30 or len(seg) == 1:
                out.extend(_marker(line.marker, x, y, line.color) for x, y in seg)
    out.append(f'<rect x="{px0:.1f}" y="{py0:.1f}" width="{pw:.1f}" height="{ph:.1f}" '
               f'fill="none" stroke="#bbbbbb" stroke-width="1"/>')
    return "".join(out)


def _label_indices(labels: tuple[str, ...], width: float) -> list[int]:
    """Which x labels to print: evenly spaced, the first and the last always, none overlapping."""
    n = len(labels)
    if n == 0:
        return []
    longest = max(len(x) for x in labels)
    every = max(1, math.ceil(n * (6.0 * longest + 10) / width))
    picked = list(range(0, n, every))
    if picked[-1] != n - 1:
        if n - 1 - picked[-1] < every * 0.6 and len(picked) > 1:
            picked.pop()
        picked.append(n - 1)
    return picked


def _band(a: list[tuple[float, float] | None], b: list[tuple[float, float] | None], colour: str) -> str:
    pairs = [(p, q) for p, q in zip(a, b) if p is not None and q is not None]
    if len(pairs) < 2:
        return ""
    outline = [p for p, _ in pairs] + [q for _, q in reversed(pairs)]
    coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in outline)
    return f'<polygon points="{coords}" fill="{colour}" fill-opacity="0.18" stroke="none"/>'


def figure_svg(fig: Figure) -> str:
    """The figure as a standalone SVG document (a ``viewBox``, so it scales to any width)."""
    legend, top = _legend(fig.legend)
    cols = max(1, fig.columns)
    rows = math.ceil(len(fig.panels) / cols)
    gap = 16
    pw = (WIDTH - (cols - 1) * gap) / cols
    ph = 250 if cols == 1 else 200
    height = int(top + rows * ph + (rows - 1) * 8 + 4)
    body = []
    for k, panel in enumerate(fig.panels):
        r, c = divmod(k, cols)
        body.append(_panel(panel, c * (pw + gap), top + r * (ph + 8), pw, ph, fig.x_labels, fig.marks))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 {WIDTH} {height}" '
            f'width="{WIDTH}" height="{height}" role="img" aria-label={quoteattr(fig.title)}>'
            f'<title>{escape(fig.title)}</title>'
            f'<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="#ffffff"/>'
            + legend + "".join(body) + "</svg>")
