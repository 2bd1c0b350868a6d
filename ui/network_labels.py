"""Where the commitment network's labels go: never one label box over another, nor over a disc.

:class:`ui.network_canvas.NetworkCanvas` places its labels in order of importance: the seats'
names, then the actors' and suppliers', then the pact hubs', then the "secret" marks on edges.
Each label tries its candidate places in order (outward from the centre first) and takes the
first that overlaps nothing placed before it and stays inside the view; failing that, the one
that covers least, and the caller decides whether to show it there (a seat's name always shows)
or leave it to the item's tooltip.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF

SIDES: dict[str, tuple[float, float]] = {
    "below": (0.0, 1.0), "above": (0.0, -1.0), "right": (1.0, 0.0), "left": (-1.0, 0.0),
    "below-right": (0.7, 0.7), "below-left": (-0.7, 0.7), "above-right": (0.7, -0.7), "above-left": (-0.7, -0.7)}
"""Where a label may go, as unit directions from the disc it names."""


@dataclass(frozen=True)
class Placement:
    """The chosen candidate: its index, its rectangle and whether it is free of every obstacle."""

    index: int
    rect: QRectF
    clear: bool


def outward_sides(at: QPointF, first: str = "below") -> list[str]:
    """The sides of :data:`SIDES`, those pointing away from the scene's centre first.

    At the centre itself ``first`` leads and the others follow in :data:`SIDES` order."""
    n = math.hypot(at.x(), at.y())
    if n < 1e-6:
        return [first, *[s for s in SIDES if s != first]]
    return sorted(SIDES, key=lambda k: -(SIDES[k][0] * at.x() + SIDES[k][1] * at.y()) / n)


def side_rect(centre: QPointF, radius: float, width: float, height: float, side: str, gap: float = 3.0) -> QRectF:
    """A ``width`` × ``height`` box beside a disc of ``radius`` at ``centre``, on ``side``.

    A diagonal box touches the disc's circle at its corner, not its bounding square."""
    x, y = centre.x(), centre.y()
    if "-" in side:
        vertical, horizontal = side.split("-")
        reach = radius * 0.72 + gap * 0.7
        top = y + reach if vertical == "below" else y - reach - height
        left = x + reach if horizontal == "right" else x - reach - width
        return QRectF(left, top, width, height)
    if side == "above":
        return QRectF(x - width / 2, y - radius - gap - height, width, height)
    if side == "left":
        return QRectF(x - radius - gap - width, y - height / 2, width, height)
    if side == "right":
        return QRectF(x + radius + gap, y - height / 2, width, height)
    return QRectF(x - width / 2, y + radius + gap, width, height)


def disc_box(centre: QPointF, radius: float) -> QRectF:
    """The square a disc of ``radius`` occupies (with a 2 px margin), as an obstacle to labels."""
    r = radius + 2
    return QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r)


def overlap(a: QRectF, b: QRectF) -> bool:
    """Whether two boxes share some area (touching edges do not count)."""
    both = a & b
    return both.width() > 0.01 and both.height() > 0.01


def place(candidates: list[QRectF], obstacles: list[QRectF], samples: list[QPointF], area: QRectF) -> Placement:
    """A candidate clear of ``obstacles`` and inside ``area`` (of those, the one crossing the
    fewest ``samples``, points along lines, with earlier candidates preferred); else the one
    overlapping least."""
    union = QRectF()
    for c in candidates:
        union = union.united(c)
    near = [o for o in obstacles if overlap(o, union)]
    points = [q for q in samples if union.contains(q)]

    def cost(i: int) -> tuple[int, float]:
        r = candidates[i]
        hits = [o for o in near if overlap(r, o)]
        inside = area.contains(r)
        covered = sum((r & o).width() * (r & o).height() for o in hits)
        crossed = sum(1 for q in points if r.contains(q))
        return (0 if inside else 2) + (1 if hits else 0), 8 * covered + 300 * crossed + 40 * i

    best = min(range(len(candidates)), key=cost)
    return Placement(best, candidates[best], cost(best)[0] == 0)
