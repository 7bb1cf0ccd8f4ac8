"""Zone geometry, written once: whether a point is inside an object's shape, and which grid cells
its box covers. Objectives, exits, triggers, hiding spots, noise zones, doors, physics and the map
checks all ask here, so a shape means the same thing to each of them.

Cells are always clipped to the map before anything is built: an Exit a million pixels wide covers
the map's cells, not 10^11 of them.
"""

from __future__ import annotations

import math

from .kinds import ELLIPSE, POLYGON
from .tmx import upright


def contains(obj, x: float, y: float) -> bool:
    """(x, y) is inside the object's shape: its ellipse, its polygon, or its rectangle (turned
    with the object when Tiled turned it)."""
    if obj.rotation:
        x, y = upright(obj, x, y)
    if obj.shape == ELLIPSE:
        cx, cy = obj.x + obj.width / 2, obj.y + obj.height / 2
        rx, ry = obj.width / 2, obj.height / 2
        return rx > 0 and ry > 0 and ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1.0
    if obj.shape == POLYGON and obj.points:
        return _in_polygon(obj.points, x, y)
    return obj.x <= x < obj.x + obj.width and obj.y <= y < obj.y + obj.height


def _in_polygon(points, x: float, y: float) -> bool:
    inside = False
    n = len(points)
    for i in range(n):
        (ax, ay), (bx, by) = points[i], points[(i + 1) % n]
        if (ay > y) != (by > y) and x < ax + (y - ay) * (bx - ax) / (by - ay):
            inside = not inside
    return inside


def cell_span(lo: float, hi: float, tile: int, count: int) -> range:
    """The cell indices 0..count-1 that [lo, hi] touches (empty when it misses the map)."""
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return range(0)
    first = max(int(lo // tile), 0)
    last = min(int(hi // tile), count - 1)
    return range(first, last + 1)


def cells_under(obj, tile: int, cols: int, rows: int, margin: float = 0.0) -> list[tuple[int, int]]:
    """The (col, row) cells of the map that the object's box (of its turned shape, when Tiled
    turned it), `margin` px wider on every side, touches; a box that ends exactly on a cell
    edge does not touch the next cell."""
    def span(lo: float, size: float, count: int) -> range:
        hi = lo + size + margin - (1e-6 if margin == 0 else 0.0) if size > 0 else lo + margin
        return cell_span(lo - margin, hi, tile, count)

    left, top, right, bottom = obj.bounds
    return [(c, r) for r in span(top, bottom - top, rows) for c in span(left, right - left, cols)]
