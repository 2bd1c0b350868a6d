"""Build the regional map asset ``assets/map/region.geojson``.

Source data: Natural Earth 1:50m admin-0 country outlines, as repackaged in
TopoJSON by the npm package ``world-atlas`` (v2, file ``countries-50m.json``).
Natural Earth data is in the public domain (https://www.naturalearthdata.com/).

The script decodes the TopoJSON itself (quantized, delta-encoded arcs plus a
transform) in plain Python, simplifies every shared arc once with
Douglas-Peucker (so neighbouring borders stay seamless), assembles polygons,
keeps the countries whose bounding box meets the game region plus a margin,
clips them to that box, rounds to 2 decimals and writes one compact GeoJSON
FeatureCollection with the properties ``name`` and ``id`` (ISO 3166 numeric,
or null where Natural Earth has none).

Usage::

    mkdir -p /tmp/wa && (cd /tmp/wa && npm install world-atlas@2)
    python tools/build_map.py \\
        --source /tmp/wa/node_modules/world-atlas/countries-50m.json \\
        --out assets/map/region.geojson
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path
from typing import Iterable

Point = tuple[float, float]
Ring = list[Point]

#: Game region (lon_min, lat_min, lon_max, lat_max).
REGION: tuple[float, float, float, float] = (18.0, 5.0, 80.0, 47.0)
#: Margin (degrees lon, degrees lat) kept around the region so that a wide
#: window or panning never shows the clipped edge.
MARGIN: tuple[float, float] = (15.0, 8.0)
#: Douglas-Peucker tolerance in degrees.
TOLERANCE: float = 0.01
#: Decimal places kept in the output.
DECIMALS: int = 2


def decode_arcs(topology: dict) -> list[list[Point]]:
    """Decode the quantized, delta-encoded arcs of a TopoJSON topology."""
    transform = topology.get("transform")
    arcs: list[list[Point]] = []
    for arc in topology["arcs"]:
        if transform:
            sx, sy = transform["scale"]
            tx, ty = transform["translate"]
            x = y = 0
            pts: list[Point] = []
            for dx, dy, *_ in arc:
                x += dx
                y += dy
                pts.append((x * sx + tx, y * sy + ty))
        else:
            pts = [(float(p[0]), float(p[1])) for p in arc]
        arcs.append(pts)
    return arcs


def douglas_peucker(points: list[Point], tol: float) -> list[Point]:
    """Simplify a polyline with the Douglas-Peucker algorithm (iterative)."""
    n = len(points)
    if n < 3:
        return list(points)
    keep = [False] * n
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    while stack:
        i, j = stack.pop()
        ax, ay = points[i]
        bx, by = points[j]
        dx, dy = bx - ax, by - ay
        norm = math.hypot(dx, dy)
        best, idx = -1.0, -1
        for k in range(i + 1, j):
            px, py = points[k]
            if norm == 0.0:
                d = math.hypot(px - ax, py - ay)
            else:
                d = abs(dy * px - dx * py + bx * ay - by * ax) / norm
            if d > best:
                best, idx = d, k
        if best > tol and idx > 0:
            keep[idx] = True
            stack.append((i, idx))
            stack.append((idx, j))
    return [p for p, k in zip(points, keep) if k]


def ring_from_arcs(indices: Iterable[int], arcs: list[list[Point]]) -> Ring:
    """Join arcs (negative index = reversed arc ``~i``) into one ring."""
    ring: Ring = []
    for idx in indices:
        pts = arcs[~idx][::-1] if idx < 0 else arcs[idx]
        ring.extend(pts[1:] if ring else pts)
    return ring


def clip_ring(ring: Ring, box: tuple[float, float, float, float]) -> Ring:
    """Clip a closed ring to an axis-aligned box (Sutherland-Hodgman)."""
    x0, y0, x1, y1 = box
    edges = (
        (lambda p: p[0] >= x0, lambda a, b: _cut_x(a, b, x0)),
        (lambda p: p[0] <= x1, lambda a, b: _cut_x(a, b, x1)),
        (lambda p: p[1] >= y0, lambda a, b: _cut_y(a, b, y0)),
        (lambda p: p[1] <= y1, lambda a, b: _cut_y(a, b, y1)),
    )
    out = ring[:-1] if len(ring) > 1 and ring[0] == ring[-1] else list(ring)
    for inside, cut in edges:
        if not out:
            break
        src, out = out, []
        prev = src[-1]
        for cur in src:
            if inside(cur):
                if not inside(prev):
                    out.append(cut(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(cut(prev, cur))
            prev = cur
    if out:
        out.append(out[0])
    return out


def _cut_x(a: Point, b: Point, x: float) -> Point:
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def _cut_y(a: Point, b: Point, y: float) -> Point:
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def tidy_ring(ring: Ring, decimals: int = DECIMALS) -> list[list[float]] | None:
    """Round coordinates, drop consecutive duplicates; None if degenerate."""
    out: list[list[float]] = []
    for x, y in ring:
        p = [round(x, decimals), round(y, decimals)]
        if not out or out[-1] != p:
            out.append(p)
    if len(out) > 1 and out[0] != out[-1]:
        out.append(out[0])
    if len(out) < 4:
        return None
    # Drop rings with (near) zero area, e.g. slivers left by clipping.
    area = 0.0
    for (ax, ay), (bx, by) in zip(out, out[1:]):
        area += ax * by - bx * ay
    if abs(area) / 2 < 10 ** (-2 * decimals):
        return None
    return out


def bbox_of(rings: Iterable[Ring]) -> tuple[float, float, float, float]:
    """Bounding box (x0, y0, x1, y1) of a collection of rings."""
    xs: list[float] = []
    ys: list[float] = []
    for r in rings:
        xs.extend(p[0] for p in r)
        ys.extend(p[1] for p in r)
    return min(xs), min(ys), max(xs), max(ys)


def build(topology: dict, region=REGION, margin=MARGIN, tol=TOLERANCE) -> dict:
    """Return a GeoJSON FeatureCollection for the region from a topology."""
    arcs = [douglas_peucker(a, tol) for a in decode_arcs(topology)]
    rx0, ry0, rx1, ry1 = region
    mx, my = margin
    clip_box = (rx0 - mx, ry0 - my, rx1 + mx, ry1 + my)
    features = []
    for geom in topology["objects"]["countries"]["geometries"]:
        if geom.get("type") == "Polygon":
            polys = [geom["arcs"]]
        elif geom.get("type") == "MultiPolygon":
            polys = geom["arcs"]
        else:
            continue
        rings_all = [[ring_from_arcs(r, arcs) for r in poly] for poly in polys]
        flat = [r for poly in rings_all for r in poly if r]
        if not flat:
            continue
        bx0, by0, bx1, by1 = bbox_of(flat)
        cx0, cy0, cx1, cy1 = clip_box
        if bx1 < cx0 or bx0 > cx1 or by1 < cy0 or by0 > cy1:
            continue
        out_polys = []
        for poly in rings_all:
            rings = [tidy_ring(clip_ring(r, clip_box)) for r in poly]
            if not rings or rings[0] is None:
                continue  # exterior ring gone -> whole polygon gone
            out_polys.append([r for r in rings if r is not None])
        if not out_polys:
            continue
        props = geom.get("properties", {})
        features.append({
            "type": "Feature",
            "id": geom.get("id"),
            "properties": {"name": props.get("name", ""), "id": geom.get("id")},
            "geometry": {"type": "MultiPolygon", "coordinates": out_polys},
        })
    features.sort(key=lambda f: f["properties"]["name"])
    return {
        "type": "FeatureCollection",
        "bbox": list(region),
        "clip_bbox": list(clip_box),
        "source": "Natural Earth 1:50m admin-0 via npm world-atlas@2 (public domain)",
        "features": features,
    }


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", required=True, type=Path,
                    help="path to world-atlas countries-50m.json (TopoJSON)")
    ap.add_argument("--out", required=True, type=Path, help="output GeoJSON path")
    ap.add_argument("--tolerance", type=float, default=TOLERANCE,
                    help="Douglas-Peucker tolerance in degrees (0 disables)")
    args = ap.parse_args(argv)
    topology = json.loads(args.source.read_text(encoding="utf-8"))
    fc = build(topology, tol=args.tolerance)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(fc, separators=(",", ":"), ensure_ascii=False)
    args.out.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(text) / 1024:.0f} KiB, {len(fc['features'])} countries)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
