"""Collision shapes inside tiles (Tiled's collision editor): the solid part of a walls tile that
is not solid whole, such as a pillar, a half wall or a slanted counter.

A shape is kept as convex pieces in map pixels: polygons of three or more corners (a rectangle,
an ellipse as a `ELLIPSE_SIDES`-gon, a concave polygon cut into triangles) or two-point segments
(a polyline: a thin rail). `ShapeSet` answers what the grid asks of them, for sight and walking
alike: where a ray first meets one, whether a segment crosses one, how close a body may come.
Pure numpy geometry: no pygame, no state.

Conventions match the grid's: a ray through a piece's corner, or a segment ending on its
boundary, is blocked by it; a point on the boundary is not inside.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np

Point = tuple[float, float]
Piece = tuple[Point, ...]  # convex, corners in one turning direction; or a 2-point segment

#: Sides of the polygon an ellipse becomes (a 16 px pillar is off by under 0.15 px).
ELLIPSE_SIDES = 24
_EPS = 1e-9


class ShapeError(ValueError):
    """A collision outline the game cannot cut into pieces (a polygon that crosses itself)."""


def rectangle(x: float, y: float, w: float, h: float) -> list[Point]:
    return [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]


def ellipse(x: float, y: float, w: float, h: float) -> list[Point]:
    """Tiled's ellipse in the box (x, y, w, h), as a polygon with corners on it."""
    cx, cy, rx, ry = x + w / 2, y + h / 2, w / 2, h / 2
    return [(cx + rx * math.cos(2 * math.pi * k / ELLIPSE_SIDES), cy + ry * math.sin(2 * math.pi * k / ELLIPSE_SIDES))
            for k in range(ELLIPSE_SIDES)]


def turn(points: Iterable[Point], ox: float, oy: float, degrees: float) -> list[Point]:
    """Points turned clockwise on screen (y down) by `degrees` about (ox, oy), as Tiled turns objects."""
    if not degrees:
        return list(points)
    a = math.radians(degrees)
    c, s = math.cos(a), math.sin(a)
    return [(ox + (px - ox) * c - (py - oy) * s, oy + (px - ox) * s + (py - oy) * c) for px, py in points]


def _area2(pts: Sequence[Point]) -> float:
    return sum(pts[i - 1][0] * pts[i][1] - pts[i][0] * pts[i - 1][1] for i in range(len(pts)))


def _cross(o: Point, a: Point, b: Point) -> float:
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def _simplified(pts: Sequence[Point]) -> list[Point]:
    """The outline without repeated corners and without corners on a straight line."""
    out = [p for i, p in enumerate(pts) if p != pts[i - 1]] if len(pts) > 1 else list(pts)
    changed = True
    while changed and len(out) >= 3:
        changed = False
        for i in range(len(out)):
            if abs(_cross(out[i - 1], out[i], out[(i + 1) % len(out)])) <= _EPS:
                del out[i]
                changed = True
                break
    return out


def pieces(points: Sequence[Point], closed: bool) -> list[Piece]:
    """An outline as convex pieces: a closed one as itself when convex, else as triangles (ear
    clipping); an open one (a polyline) as its segments. A closed outline with no area is its
    edges. Raises ShapeError for a polygon that crosses itself."""
    pts = [(float(x), float(y)) for x, y in points]
    if not closed:
        return [(pts[i], pts[i + 1]) for i in range(len(pts) - 1) if pts[i] != pts[i + 1]]
    pts = _simplified(pts)
    if len(pts) < 3 or abs(_area2(pts)) <= _EPS:
        return pieces(pts + pts[:1], False) if len(pts) >= 2 else []
    if _area2(pts) < 0:
        pts.reverse()  # every piece turns the same way: `contains` relies on it
    n = len(pts)
    if all(_cross(pts[i - 1], pts[i], pts[(i + 1) % n]) > 0 for i in range(n)):
        return [tuple(pts)]
    if _crosses_itself(pts):
        raise ShapeError("crosses itself")
    return _triangles(pts)


def _crosses_itself(pts: list[Point]) -> bool:
    """Two edges that are not neighbours meet (or neighbours fold back over each other)."""
    n = len(pts)
    edges = [(pts[i], pts[(i + 1) % n]) for i in range(n)]
    for i in range(n):
        a, b = edges[i]
        for j in range(i + 1, n):
            c, d = edges[j]
            if j == i + 1 or (i == 0 and j == n - 1):
                continue  # neighbours share a corner (a fold back shows as a reflex ear later)
            d1, d2 = _cross(a, b, c), _cross(a, b, d)
            d3, d4 = _cross(c, d, a), _cross(c, d, b)
            if ((d1 > 0) != (d2 > 0) or d1 == 0 or d2 == 0) and ((d3 > 0) != (d4 > 0) or d3 == 0 or d4 == 0):
                if _boxes_meet(a, b, c, d):
                    return True
    return False


def _boxes_meet(a: Point, b: Point, c: Point, d: Point) -> bool:
    return (min(a[0], b[0]) <= max(c[0], d[0]) and min(c[0], d[0]) <= max(a[0], b[0])
            and min(a[1], b[1]) <= max(c[1], d[1]) and min(c[1], d[1]) <= max(a[1], b[1]))


def _triangles(pts: list[Point]) -> list[Piece]:
    """Ear clipping of a simple polygon with positive area."""
    out: list[Piece] = []
    ring = list(pts)
    while len(ring) > 3:
        n = len(ring)
        for i in range(n):
            a, b, c = ring[i - 1], ring[i], ring[(i + 1) % n]
            if _cross(a, b, c) <= _EPS:
                continue  # a reflex corner is no ear
            if any(_cross(a, b, p) >= 0 and _cross(b, c, p) >= 0 and _cross(c, a, p) >= 0
                   for p in ring if p not in (a, b, c)):
                continue
            out.append((a, b, c))
            del ring[i]
            break
        else:
            raise ShapeError("crosses itself")
    out.append(tuple(ring))
    return out


class ShapeSet:
    """The collision pieces of a level, with the questions sight and walking ask of them."""

    def __init__(self, shapes: Sequence[Piece]):
        self.pieces: tuple[Piece, ...] = tuple(tuple((float(x), float(y)) for x, y in p) for p in shapes)
        edges = []
        for p in self.pieces:
            if len(p) == 2:
                edges.append((*p[0], *p[1]))
            else:
                edges.extend((*p[i - 1], *p[i]) for i in range(len(p)))
        e = np.array(edges, dtype=np.float64).reshape(-1, 4)
        self._ax, self._ay, self._bx, self._by = (np.ascontiguousarray(c) for c in e.T)
        self._lox, self._hix = np.minimum(self._ax, self._bx), np.maximum(self._ax, self._bx)
        self._loy, self._hiy = np.minimum(self._ay, self._by), np.maximum(self._ay, self._by)
        self.closed = [p for p in self.pieces if len(p) >= 3]
        self._boxes = [(min(x for x, _ in p), min(y for _, y in p), max(x for x, _ in p), max(y for _, y in p))
                       for p in self.closed]
        boxes = np.array([(min(x for x, _ in p), min(y for _, y in p), max(x for x, _ in p), max(y for _, y in p))
                          for p in self.pieces], dtype=np.float64).reshape(-1, 4)
        self._px0, self._py0, self._px1, self._py1 = (np.ascontiguousarray(c) for c in boxes.T)
        corners = sorted({pt for p in self.pieces for pt in p})
        c = np.array(corners, dtype=np.float64).reshape(-1, 2)
        self.corner_x, self.corner_y = np.ascontiguousarray(c[:, 0]), np.ascontiguousarray(c[:, 1])

    def __len__(self) -> int:
        return len(self.pieces)

    # ------------------------------------------------------------------ points

    def contains(self, x: float, y: float) -> bool:
        """(x, y) strictly inside a closed piece."""
        for (x0, y0, x1, y1), p in zip(self._boxes, self.closed):
            if x0 < x < x1 and y0 < y < y1 and all(_cross(p[i - 1], p[i], (x, y)) > _EPS for i in range(len(p))):
                return True
        return False

    def _near(self, x0: float, y0: float, x1: float, y1: float, margin: float = 0.0) -> np.ndarray:
        """Indices of the edges whose boxes touch the box (x0, y0)-(x1, y1) grown by margin."""
        lx, hx = min(x0, x1) - margin, max(x0, x1) + margin
        ly, hy = min(y0, y1) - margin, max(y0, y1) + margin
        return np.nonzero((self._hix >= lx) & (self._lox <= hx) & (self._hiy >= ly) & (self._loy <= hy))[0]

    def distance(self, x: float, y: float, limit: float) -> float:
        """How far (x, y) is from the nearest piece, if under `limit` (0 inside one); else limit."""
        if self.contains(x, y):
            return 0.0
        k = self._near(x, y, x, y, limit)
        if not len(k):
            return limit
        d = _point_segment(x, y, self._ax[k], self._ay[k], self._bx[k], self._by[k])
        return float(min(limit, d.min()))

    def push_out(self, x: float, y: float, radius: float) -> Point:
        """The point moved just far enough from the pieces around it for a body of `radius` (a few
        passes, for the corner between two); itself when inside one."""
        if self.contains(x, y):
            return (x, y)
        for _ in range(4):
            k = self._near(x, y, x, y, radius)
            moved = False
            for i in k.tolist():
                ax, ay, bx, by = self._ax[i], self._ay[i], self._bx[i], self._by[i]
                qx, qy = _closest(x, y, ax, ay, bx, by)
                d = math.hypot(x - qx, y - qy)
                if 0.0 < d < radius:
                    x += (x - qx) / d * (radius - d)
                    y += (y - qy) / d * (radius - d)
                    moved = True
            if not moved:
                break
        return (float(x), float(y))

    # ------------------------------------------------------------------ segments and rays

    def _hits(self, x: float, y: float, dx: float, dy: float, k: np.ndarray) -> np.ndarray:
        """Ray parameters t (along (dx, dy) from (x, y)) where it crosses the edges k; nan where not."""
        ax, ay = self._ax[k], self._ay[k]
        ex, ey = self._bx[k] - ax, self._by[k] - ay
        wx, wy = ax - x, ay - y
        den = dx * ey - dy * ex
        with np.errstate(divide="ignore", invalid="ignore"):
            t = (wx * ey - wy * ex) / den
            s = (wx * dy - wy * dx) / den
        ok = (den != 0.0) & (s >= -_EPS) & (s <= 1.0 + _EPS) & (t >= 0.0)
        return np.where(ok, t, np.nan)

    def first_hit(self, x: float, y: float, dx: float, dy: float, limit: float) -> float:
        """Distance along the unit direction (dx, dy) from (x, y) to the first piece, if under
        `limit`; 0 from inside one; otherwise limit."""
        if self.contains(x, y):
            return 0.0
        k = self._near(x, y, x + dx * limit, y + dy * limit)
        if not len(k):
            return float(limit)
        t = self._hits(x, y, dx, dy, k)
        t = t[t <= limit]
        return float(t.min()) if len(t) else float(limit)

    def blocks(self, x0: float, y0: float, x1: float, y1: float) -> bool:
        """The segment meets a piece (its ends included)."""
        if self.contains(x0, y0) or self.contains(x1, y1):
            return True
        k = self._near(x0, y0, x1, y1)
        if not len(k):
            return False
        t = self._hits(x0, y0, x1 - x0, y1 - y0, k)
        return bool(np.any(t <= 1.0))

    def clearance(self, ax: float, ay: float, bx: float, by: float, limit: float) -> float:
        """The least distance between the segment a-b and any piece, if under limit (0 when it
        meets one); otherwise limit."""
        if self.blocks(ax, ay, bx, by):
            return 0.0
        k = self._near(ax, ay, bx, by, limit)
        if not len(k):
            return limit
        px, py, qx, qy = self._ax[k], self._ay[k], self._bx[k], self._by[k]
        d = np.minimum(np.minimum(_point_segment(ax, ay, px, py, qx, qy), _point_segment(bx, by, px, py, qx, qy)),
                       np.minimum(_point_segment(px, py, ax, ay, bx, by), _point_segment(qx, qy, ax, ay, bx, by)))
        return float(min(limit, d.min()))

    # ------------------------------------------------------------------ views

    def near(self, x: float, y: float, radius: float) -> list[Piece]:
        """The pieces whose boxes come within `radius` of (x, y)."""
        k = np.nonzero((self._px0 - radius <= x) & (x <= self._px1 + radius)
                       & (self._py0 - radius <= y) & (y <= self._py1 + radius))[0]
        return [self.pieces[i] for i in k.tolist()]

    def circle_crossings(self, x: float, y: float, radius: float) -> tuple[np.ndarray, np.ndarray]:
        """(dx, dy) from (x, y) of the points where the circle of `radius` crosses an edge."""
        k = self._near(x, y, x, y, radius)
        if not len(k):
            return np.empty(0), np.empty(0)
        ax, ay = self._ax[k] - x, self._ay[k] - y
        ex, ey = self._bx[k] - self._ax[k], self._by[k] - self._ay[k]
        a = ex * ex + ey * ey
        b = 2.0 * (ax * ex + ay * ey)
        c = ax * ax + ay * ay - radius * radius
        disc = b * b - 4.0 * a * c
        ok = (disc >= 0.0) & (a > 0.0)
        root = np.sqrt(np.where(ok, disc, 0.0))
        xs, ys = [], []
        for sign in (-1.0, 1.0):
            with np.errstate(divide="ignore", invalid="ignore"):
                s = (-b + sign * root) / (2.0 * a)
            m = ok & (s >= 0.0) & (s <= 1.0)
            xs.append(ax[m] + s[m] * ex[m])
            ys.append(ay[m] + s[m] * ey[m])
        return np.concatenate(xs), np.concatenate(ys)


def _closest(x: float, y: float, ax: float, ay: float, bx: float, by: float) -> Point:
    ex, ey = bx - ax, by - ay
    L = ex * ex + ey * ey
    s = 0.0 if L == 0.0 else min(1.0, max(0.0, ((x - ax) * ex + (y - ay) * ey) / L))
    return ax + s * ex, ay + s * ey


def _point_segment(x, y, ax, ay, bx, by):
    """Distance from point(s) (x, y) to segment(s) a-b (numpy broadcasting)."""
    ex, ey = bx - ax, by - ay
    L = ex * ex + ey * ey
    with np.errstate(divide="ignore", invalid="ignore"):
        s = np.where(L > 0.0, ((x - ax) * ex + (y - ay) * ey) / np.where(L > 0.0, L, 1.0), 0.0)
    s = np.clip(s, 0.0, 1.0)
    return np.hypot(x - (ax + s * ex), y - (ay + s * ey))


def touched_cells(piece: Piece, tile: int, cols: int, rows: int) -> list[tuple[int, int]]:
    """The (col, row) cells of the map a piece's box touches."""
    xs, ys = [x for x, _ in piece], [y for _, y in piece]
    c0, c1 = max(0, int(min(xs) // tile)), min(cols - 1, int(max(xs) // tile))
    r0, r1 = max(0, int(min(ys) // tile)), min(rows - 1, int(max(ys) // tile))
    return [(c, r) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)]
