"""Draw the app icon with Qt and write it as PNG, ICO (Windows) and ICNS (macOS).

The icon is a dark shield holding three nested layers (the layers of deterrence) in the four
seats' colours, with a white core. Run from the repository root:

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/make_icon.py

It writes ``ui/icons/wargame.png`` (256 px, the window icon and the Linux .desktop icon),
``ui/icons/wargame.ico`` (256 px) and ``packaging/wargame.icns``; the files are committed.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

ROOT = Path(__file__).resolve().parents[1]
SEAT_COLOURS = ("#D55E00", "#009E73", "#0072B2", "#CC79A7")  # as ui.map_canvas.SEAT_COLORS


def shield(rect: QRectF) -> QPainterPath:
    """A heater shield filling ``rect``: flat top, curved sides meeting in a point."""
    x, y, w, h = rect.x(), rect.y(), rect.width(), rect.height()
    path = QPainterPath(QPointF(x, y))
    path.lineTo(x + w, y)
    path.lineTo(x + w, y + h * 0.42)
    path.cubicTo(QPointF(x + w, y + h * 0.78), QPointF(x + w * 0.62, y + h * 0.92), QPointF(x + w / 2, y + h))
    path.cubicTo(QPointF(x + w * 0.38, y + h * 0.92), QPointF(x, y + h * 0.78), QPointF(x, y + h * 0.42))
    path.closeSubpath()
    return path


def draw(size: int) -> QImage:
    """The icon at ``size`` x ``size`` pixels (transparent background)."""
    img = QImage(size, size, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256
    outer = QRectF(22 * s, 14 * s, 212 * s, 230 * s)
    p.setPen(QPen(QColor("#E8EEF5"), max(1.0, 8 * s)))
    p.setBrush(QColor("#1B2838"))
    p.drawPath(shield(outer))
    for i, inset in enumerate((30, 56, 82)):
        layer = outer.adjusted(inset * s, inset * 0.9 * s, -inset * s, -inset * 1.25 * s)
        path = shield(layer)
        p.save()
        p.setClipPath(path)
        half_w, half_h = layer.width() / 2, layer.height() / 2
        quads = ((0, 0), (1, 0), (0, 1), (1, 1))
        for (qx, qy), colour in zip(quads, SEAT_COLOURS[i:] + SEAT_COLOURS[:i]):
            c = QColor(colour)
            c.setAlphaF(1.0 - 0.22 * i)
            p.fillRect(QRectF(layer.x() + qx * half_w, layer.y() + qy * half_h, half_w, half_h), c)
        p.restore()
        p.setPen(QPen(QColor("#1B2838"), max(1.0, 5 * s)))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)
    core = outer.adjusted(104 * s, 100 * s, -104 * s, -112 * s)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#FFFFFF"))
    p.drawEllipse(core.center(), 9 * s + 0.5, 9 * s + 0.5)
    p.end()
    return img


def main() -> int:
    """Write the PNG, ICO and ICNS icons."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    icons = ROOT / "ui" / "icons"
    icons.mkdir(parents=True, exist_ok=True)
    draw(256).save(str(icons / "wargame.png"))
    draw(256).save(str(icons / "wargame.ico"), "ico")
    draw(512).save(str(ROOT / "packaging" / "wargame.icns"), "icns")
    print(f"wrote {icons / 'wargame.png'}, {icons / 'wargame.ico'}, packaging/wargame.icns")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
