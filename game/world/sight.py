"""What a guard sees: a clear line, through a gap wide enough to see through.

A bare ray (`Grid.line_of_sight`, `Grid.cast_ray`) threads any gap, however thin. Two
wall blocks whose corners line up almost exactly with a guard leave such a gap: a wedge
of "sight" a fraction of a pixel wide that runs from the guard past both corners to the
end of his range. Drawn, it is a zero-width spike telling the player "he sees all the way
to there"; in play, a guard who spots Jesse through it cheats. So sight needs a gap at
least SLIT wide (as an angle seen from the eye): a point is seen when some wedge of
that width, from the eye out to the point and holding the point, is clear of walls.
Wedges at least that wide are untouched, so every ordinary view, doorway and corner
is exactly what the bare rays give; only slits close.

In terms of rays (angle, distance) this is a morphological opening in angle: each ray's
distance becomes the largest d such that some window of SLIT holding its angle has every
ray at least d. `opened` does it for a fan of rays (the cones drawn, the designers' heat
map); `sees` answers it for one point (perception), from the rays of the same features.
"""

from __future__ import annotations

import math

import numpy as np

from .grid import Grid

#: The narrowest gap a guard sees through, as an angle at his eye (1 degree: about 5 px at
#: the end of an alerted guard's view, 2 px at the end of a doorway's shadow).
SLIT = math.radians(1.0)
_TWO_PI = 2.0 * math.pi
_GRAZE = 1e-12  # a ray along a wall face or through its corner point is not blocked by it


def _range_min_table(values: np.ndarray) -> np.ndarray:
    """A sparse table: row k holds the minimum over [i, i + 2**k) (inf past the end)."""
    n = len(values)
    rows = [values]
    span = 1
    while span * 2 <= n:
        prev = rows[-1]
        row = np.full(n, np.inf)
        row[: n - span] = np.minimum(prev[: n - span], prev[span:])
        rows.append(row)
        span *= 2
    return np.vstack(rows)


def _range_min(table: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """Minimum over [lo, hi] (inclusive) for each pair; +inf where lo > hi."""
    length = hi - lo + 1
    ok = length > 0
    k = np.zeros_like(length)
    k[ok] = np.floor(np.log2(length[ok])).astype(k.dtype)
    lo_c = np.where(ok, lo, 0)
    hi_c = np.where(ok, hi - (1 << k) + 1, 0)
    out = np.minimum(table[k, lo_c], table[k, hi_c])
    return np.where(ok, out, np.inf)


def opened(angles, dists, width: float = SLIT) -> np.ndarray:
    """The rays' distances after closing every gap narrower than `width` (see the module).

    `angles` increase. A window that runs past the first or last ray meets no ray there:
    callers cast their fan `width` wider than what they show, so the edges are true. Only
    the rays are looked at, not the walls between them: a fan from `Grid.fan` with
    shoulder=SLIT has rays a SLIT either side of every corner that casts a shadow, where
    a gap's walls are, so the result agrees with `sees` (tests/test_sight.py measures it)."""
    a = np.asarray(angles, dtype=np.float64)
    d = np.asarray(dists, dtype=np.float64)
    n = len(a)
    if n < 2 or width <= 0.0:
        return d.copy()
    # A window [s, s + width] holds ray j while a[j] - width <= s <= a[j]. The minimum over
    # the window is constant between those critical starts; the open stretches hold the
    # fewest rays, so one start in the middle of each stands for it.
    starts = np.unique(np.concatenate((a - width, a)))
    mids = (starts[:-1] + starts[1:]) * 0.5
    lo = np.searchsorted(a, mids, side="left")
    hi = np.searchsorted(a, mids + width, side="right") - 1
    eroded = _range_min(_range_min_table(d), lo, hi)
    # Ray i keeps the best window holding it: the stretches with starts in [a_i - width, a_i].
    first = np.searchsorted(starts, a - width, side="left")
    last = np.searchsorted(starts, a, side="left") - 1
    best = -_range_min(_range_min_table(-eroded), first, last)
    return np.minimum(d, np.where(last >= first, best, d))


def _cell_span(x: float, y: float, angle: float, d: float, c0: float, r0: float, t: float):
    """The angles (from `angle`) at which rays from (x, y) meet the square [c0, c0+t] x
    [r0, r0+t] within d of (x, y): (low, high), or None when it is out of reach.
    The part of a square inside a circle is convex and seen from outside, so its extent
    is set by its corners inside the circle and the points where its sides cross it."""
    d2 = d * d
    pts = []
    for px, py in ((c0, r0), (c0 + t, r0), (c0 + t, r0 + t), (c0, r0 + t)):
        if (px - x) ** 2 + (py - y) ** 2 <= d2:
            pts.append((px, py))
    # Where the circle crosses each side: a side is the line `along` = k (k = its fixed
    # coordinate), between lo and lo + t in the other coordinate. Swapped back to (x, y).
    for k_eye, o_eye, k_sides, lo, swap in ((y, x, (r0, r0 + t), c0, False), (x, y, (c0, c0 + t), r0, True)):
        for k in k_sides:
            h = d2 - (k - k_eye) ** 2
            if h > 0.0:
                for o in (o_eye - math.sqrt(h), o_eye + math.sqrt(h)):
                    if lo <= o <= lo + t:
                        pts.append((k, o) if swap else (o, k))
    # Angles are taken about the direction to the square's centre, which lies inside the
    # part seen (the eye is outside the square, at worst on one of its sides: then the part
    # spans exactly half the circle, and only its centre says which half).
    return _extent(x, y, angle, pts, c0 + t * 0.5, r0 + t * 0.5)


def _piece_span(x: float, y: float, angle: float, d: float, piece) -> tuple[float, float] | None:
    """`_cell_span` for a convex collision piece (`shapes.py`): its corners within d, and the
    points where the circle crosses its edges."""
    d2 = d * d
    pts = [(px, py) for px, py in piece if (px - x) ** 2 + (py - y) ** 2 <= d2]
    edges = [(piece[0], piece[1])] if len(piece) == 2 else [(piece[i - 1], piece[i]) for i in range(len(piece))]
    for (ax, ay), (bx, by) in edges:
        ex, ey, fx, fy = bx - ax, by - ay, ax - x, ay - y
        a, b, c = ex * ex + ey * ey, 2.0 * (fx * ex + fy * ey), fx * fx + fy * fy - d2
        disc = b * b - 4.0 * a * c
        if a > 0.0 and disc >= 0.0:
            for s in ((-b - math.sqrt(disc)) / (2.0 * a), (-b + math.sqrt(disc)) / (2.0 * a)):
                if 0.0 <= s <= 1.0:
                    pts.append((ax + s * ex, ay + s * ey))
    n = len(piece)
    return _extent(x, y, angle, pts, sum(p[0] for p in piece) / n, sum(p[1] for p in piece) / n)


def _extent(x: float, y: float, angle: float, pts, mx: float, my: float) -> tuple[float, float] | None:
    """The angles (from `angle`) the points span seen from (x, y), taken about the direction to
    (mx, my), a point inside the convex part they outline."""
    if not pts:
        return None
    centre = math.atan2(my - y, mx - x)
    rel = [(math.atan2(py - y, px - x) - centre + math.pi) % _TWO_PI - math.pi for px, py in pts
           if abs(px - x) + abs(py - y) > 1e-9]  # a point at the eye itself has no direction
    if not rel:
        return None
    off = (centre - angle + math.pi) % _TWO_PI - math.pi
    return off + min(rel), off + max(rel)


def _gap_holds(grid: Grid, x: float, y: float, angle: float, d: float) -> bool:
    """Given a clear ray from (x, y) along `angle` out to `d`: is the gap around it at that
    distance SLIT wide? A wall cell blocks the rays that meet it within d: an interval of
    angles. Any cell that meets the SLIT-wide wedges either side crosses one of their outer
    rays or pokes through their end arc (near the point), so those cells are all there is
    to look at. The gap runs from the nearest interval on one side to the nearest on the
    other."""
    t = grid.tile
    cells = set(grid.opaque_cells_along(x, y, angle - SLIT, d))
    cells.update(grid.opaque_cells_along(x, y, angle + SLIT, d))
    pc, pr = int((x + d * math.cos(angle)) // t), int((y + d * math.sin(angle)) // t)
    for c in (pc - 1, pc, pc + 1):
        for r in (pr - 1, pr, pr + 1):
            if grid.is_opaque_cell(c, r):
                cells.add((c, r))
    spans = [_cell_span(x, y, angle, d, c * t, r * t, t) for c, r in cells]
    if grid.shapes is not None:  # every piece within reach: one out of the wedge changes nothing
        spans += [_piece_span(x, y, angle, d, p) for p in grid.shapes.near(x, y, d)]
    left, right = -math.inf, math.inf
    for span in spans:
        if span is None:
            continue
        lo, hi = span
        if hi <= _GRAZE:
            left = max(left, hi)
        elif lo >= -_GRAZE:
            right = min(right, lo)
        else:
            return False  # the ray itself runs into it (only where a bare ray grazes a corner)
    return right - left >= SLIT


def sees(grid: Grid, x0: float, y0: float, x1: float, y1: float) -> bool:
    """True when an eye at (x0, y0) sees the point (x1, y1): a clear line, and no slit."""
    if not grid.line_of_sight(x0, y0, x1, y1):
        return False
    dx, dy = x1 - x0, y1 - y0
    d = math.hypot(dx, dy)
    return d <= 0.0 or _gap_holds(grid, x0, y0, math.atan2(dy, dx), d)


def sight_polygon(grid: Grid, x: float, y: float, facing: float, half_angle: float, radius: float,
                  *, step_deg: float = 3.0) -> list[tuple[float, float]]:
    """What a guard at (x, y) facing ``facing`` sees within +-half_angle and ``radius``: the
    `Grid.visibility_polygon` with its slits closed (origin first; a full circle has none)."""
    full = half_angle >= math.pi
    extra = () if full else (-half_angle, half_angle)
    rel, dist = grid.fan(x, y, facing, math.pi if full else half_angle + SLIT, radius, step_deg=step_deg,
                         extra=extra, shoulder=SLIT)
    if full:  # the circle wraps: pad each end with the other's rays, then cut them off again
        k = int(np.searchsorted(rel, rel[0] + SLIT, side="right"))
        j = int(np.searchsorted(rel, rel[-1] - SLIT, side="left"))
        rel_w = np.concatenate((rel[j:] - 2.0 * math.pi, rel, rel[:k] + 2.0 * math.pi))
        dist_w = np.concatenate((dist[j:], dist, dist[:k]))
        dist = np.asarray(opened(rel_w, dist_w)[len(rel) - j: len(rel) - j + len(rel)])
        keep = np.ones(len(rel), dtype=bool)
    else:
        dist = opened(rel, dist)
        keep = np.abs(rel) <= half_angle
    cos, sin = math.cos, math.sin
    out: list[tuple[float, float]] = [] if full else [(float(x), float(y))]
    for r, e in zip(rel[keep].tolist(), dist[keep].tolist()):
        a = facing + r
        out.append((x + e * cos(a), y + e * sin(a)))
    return out
