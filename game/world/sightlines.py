"""Bare sightlines through a grid's cells: line of sight, rays, and the fans of rays a view is
made of. What a guard sees (through a gap at least a slit wide) is `sight.py`, built on these.

`Sightlines` is mixed into `Grid` (grid.py) and reads its padded opacity (``_op`` row-major,
``_opT`` column-major, strides ``_W`` and ``_H``); the wall outline `fan` aims at is kept in
``_features``, which the grid drops whenever a cell changes.

Conventions shared by ``line_of_sight``, ``cast_ray`` and ``visibility_polygon`` (so what the
player sees drawn is exactly what the guards see): a segment is blocked when it enters an opaque
cell (its start and end cells included); a segment passing exactly through a grid corner is
blocked if either of the two cells touching it there diagonally is opaque (no seeing through the
zero-width gap between two diagonal wall tiles); running exactly along a wall face is not blocked.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from functools import lru_cache

import numpy as np

#: Angular offset of the extra rays aimed either side of each wall corner, in radians.
CORNER_EPS = 1e-4

_INF = math.inf
_TWO_PI = 2.0 * math.pi
_SIDES = np.array([[-1.0], [1.0]])


@lru_cache(maxsize=256)
def _base_angles(full: bool, h: float, step: float) -> np.ndarray:
    """visibility_polygon's evenly spaced ray angles (relative to the facing), cached:
    a cone's half angle and ray step take few values. The array is read-only."""
    if full:
        n = max(3, math.ceil(_TWO_PI / step))
        base = np.arange(n, dtype=np.float64) * (_TWO_PI / n) - math.pi
    else:
        n = max(1, math.ceil(2.0 * h / step))
        base = np.linspace(-h, h, n + 1)
    base.flags.writeable = False
    return base


def _runs(lines: np.ndarray, t: int) -> np.ndarray:
    """The maximal runs of True along each row of a 2-D bool array, row by row and left to
    right, as an (n, 3) array of (row, first, last + 1), each times t."""
    step = np.diff(np.pad(lines, ((0, 0), (1, 1))).astype(np.int8), axis=1)
    row, first = np.nonzero(step == 1)
    _, end = np.nonzero(step == -1)
    return np.column_stack((row, first, end)).astype(np.float64) * t


class Sightlines:
    """The sight questions of a `Grid` (mixed into it: see this module's docstring)."""

    def line_of_sight(self, x0: float, y0: float, x1: float, y1: float) -> bool:
        """True when the segment crosses no opaque cell (Amanatides-Woo traversal).

        The start and end cells are tested too; a segment with an end outside the map is blocked."""
        t = self.tile
        c0 = int(x0 // t)
        r0 = int(y0 // t)
        c1 = int(x1 // t)
        r1 = int(y1 // t)
        cols = self.cols
        rows = self.rows
        if not (0 <= c0 < cols and 0 <= c1 < cols and 0 <= r0 < rows and 0 <= r1 < rows):
            return False
        W = self._W
        g = self._op
        i = (r0 + 1) * W + c0 + 1
        i1 = (r1 + 1) * W + c1 + 1
        if g[i] or g[i1]:
            return False
        nx = c1 - c0
        ny = r1 - r0
        if ny == 0:
            if nx == 0:
                return True
            return (g.find(1, i, i1) if nx > 0 else g.find(1, i1, i)) < 0
        if nx == 0:
            H = self._H
            j = (c0 + 1) * H + r0 + 1
            return (self._opT.find(1, j, j + ny) if ny > 0 else self._opT.find(1, j + ny, j)) < 0
        dx = x1 - x0
        dy = y1 - y0
        if nx > 0:
            sx = 1
            tmx = ((c0 + 1) * t - x0) / dx
            tdx = t / dx
            n = nx
        else:
            sx = -1
            tmx = (x0 - c0 * t) / -dx
            tdx = t / -dx
            n = -nx
        if ny > 0:
            sy = W
            tmy = ((r0 + 1) * t - y0) / dy
            tdy = t / dy
            n += ny
        else:
            sy = -W
            tmy = (y0 - r0 * t) / -dy
            tdy = t / -dy
            n -= ny
        # n cell steps lead from the start cell to the end cell (already tested): the last step
        # needs no test. A float slip near the very end can at worst land one cell off, inside
        # the opaque padding, never out of the array.
        while n > 1:
            if tmx < tmy:
                i += sx
                tmx += tdx
                n -= 1
            elif tmy < tmx:
                i += sy
                tmy += tdy
                n -= 1
            else:  # exactly through a grid corner: both diagonal cells must be clear
                if g[i + sx] or g[i + sy]:
                    return False
                i += sx + sy
                tmx += tdx
                tmy += tdy
                n -= 2
                if n < 1:
                    return True
            if g[i]:
                return False
        return True

    def cast_ray(self, x: float, y: float, angle: float, max_dist: float) -> float:
        """Distance along the ray to the first opaque cell boundary, or max_dist.

        0 when (x, y) is itself in an opaque cell or outside the map, or the angle is not finite
        (a NaN would never meet a cell boundary)."""
        if not math.isfinite(angle):
            return 0.0
        t = self.tile
        c = int(x // t)
        r = int(y // t)
        if not (0 <= c < self.cols and 0 <= r < self.rows):
            return 0.0
        W = self._W
        g = self._op
        i = (r + 1) * W + c + 1
        if g[i]:
            return 0.0
        dx = math.cos(angle)
        dy = math.sin(angle)
        if dx > 0.0:
            sx = 1
            tmx = ((c + 1) * t - x) / dx
            tdx = t / dx
        elif dx < 0.0:
            sx = -1
            tmx = (x - c * t) / -dx
            tdx = t / -dx
        else:
            sx = 0
            tmx = tdx = _INF
        if dy > 0.0:
            sy = W
            tmy = ((r + 1) * t - y) / dy
            tdy = t / dy
        elif dy < 0.0:
            sy = -W
            tmy = (y - r * t) / -dy
            tdy = t / -dy
        else:
            sy = 0
            tmy = tdy = _INF
        # terminates: the padding around the map is opaque
        while True:
            if tmx < tmy:
                if tmx > max_dist:
                    return float(max_dist)
                i += sx
                if g[i]:
                    return tmx
                tmx += tdx
            elif tmy < tmx:
                if tmy > max_dist:
                    return float(max_dist)
                i += sy
                if g[i]:
                    return tmy
                tmy += tdy
            else:  # exactly through a grid corner
                if tmx > max_dist:
                    return float(max_dist)
                if g[i + sx] or g[i + sy]:
                    return tmx
                i += sx + sy
                if g[i]:
                    return tmx
                tmx += tdx
                tmy += tdy

    def opaque_cells_along(self, x: float, y: float, angle: float, max_dist: float) -> list[tuple[int, int]]:
        """Every opaque (col, row) a ray from (x, y) crosses within max_dist, nearest first (not
        only the first, as `cast_ray` stops at; a cell of the padding outside the map ends it)."""
        t = self.tile
        c, r = int(x // t), int(y // t)
        if not (0 <= c < self.cols and 0 <= r < self.rows) or not math.isfinite(angle):
            return []
        W, g, cols, rows = self._W, self._op, self.cols, self.rows
        out = []
        dx, dy = math.cos(angle), math.sin(angle)
        sx = 1 if dx > 0.0 else -1
        sy = 1 if dy > 0.0 else -1
        tdx = t / abs(dx) if dx != 0.0 else _INF
        tdy = t / abs(dy) if dy != 0.0 else _INF
        tmx = (((c + 1) * t - x) if dx > 0.0 else (x - c * t)) / abs(dx) if dx != 0.0 else _INF
        tmy = (((r + 1) * t - y) if dy > 0.0 else (y - r * t)) / abs(dy) if dy != 0.0 else _INF
        while True:
            if tmx < tmy:
                if tmx > max_dist:
                    return out
                c += sx
                tmx += tdx
            else:
                if tmy > max_dist:
                    return out
                r += sy
                tmy += tdy
            if g[(r + 1) * W + c + 1]:
                out.append((c, r))
                if not (0 <= c < cols and 0 <= r < rows):
                    return out

    def _vis_features(self):
        """Wall-outline features for visibility_polygon, rebuilt after set_blocked.

        Corners: grid points where the opaque outline turns (1 or 3 opaque cells around it, or
        2 diagonal ones). Edges: maximal straight runs of cell sides between an opaque and an
        open cell, for the rays aimed where the view circle crosses a wall face."""
        if self._features is not None:
            return self._features
        rows, cols, t = self.rows, self.cols, self.tile
        P = np.frombuffer(bytes(self._op), dtype=np.uint8).reshape(rows + 2, cols + 2).astype(bool)
        tl, tr = P[:-1, :-1], P[:-1, 1:]
        bl, br = P[1:, :-1], P[1:, 1:]
        cnt = tl.astype(np.int8) + tr + bl + br
        corner = (cnt == 1) | (cnt == 3) | ((cnt == 2) & (tl == br))
        jj, ii = np.nonzero(corner)  # corner (i, j) is the point (i*t, j*t)
        cx = ii.astype(np.float64) * t
        cy = jj.astype(np.float64) * t
        # A corner with one opaque cell of four: +1 when that cell is up-left or down-right of
        # it, -1 when up-right or down-left; other corners 0 (see `fan`: which cast shadows).
        one = (cnt == 1)[jj, ii]
        lone = np.where((tl | br)[jj, ii], 1.0, -1.0)
        cq = np.where(one, lone, 0.0)
        # h-edges: on the line y = j*t, between cells (c, j-1) and (c, j); v-edges: on the line
        # x = i*t, between cells (i-1, r) and (i, r)
        hs = _runs(P[:-1, 1:-1] != P[1:, 1:-1], t)  # (rows+1, cols)
        vs = _runs((P[1:-1, :-1] != P[1:-1, 1:]).T, t)  # (cols+1, rows)
        # Sorted (corners by x, h-edges by their y, v-edges by their x: the runs come so), with
        # the sort keys also as lists: a query bisects out the slice within its radius
        # (visibility_polygon's result does not depend on the order). Columns are kept contiguous.
        order = np.argsort(cx, kind="stable")
        cx, cy, cq = cx[order], cy[order], cq[order]
        self._features = tuple((a, a.tolist()) for a in (cx, cy, cq, *(np.ascontiguousarray(c) for c in hs.T),
                                                          *(np.ascontiguousarray(c) for c in vs.T)))
        return self._features

    def visibility_polygon(
        self,
        x: float,
        y: float,
        facing: float,
        half_angle: float,
        radius: float,
        *,
        step_deg: float = 3.0,
    ) -> list[tuple[float, float]]:
        """What a bare ray sees from (x, y) facing ``facing`` within +-half_angle and ``radius``.

        Origin first, then the ray end points in increasing angle order (see `fan`). This is
        the polygon of `cast_ray`; what a guard sees is `sight.sight_polygon` (slits closed).
        half_angle >= pi: a full circle, starting at facing - pi, without the origin point."""
        rel, dist = self.fan(x, y, facing, half_angle, radius, step_deg=step_deg)
        cos, sin = math.cos, math.sin
        out: list[tuple[float, float]] = [] if half_angle >= math.pi else [(float(x), float(y))]
        for r, d in zip(rel.tolist(), dist):
            a = facing + r
            out.append((x + d * cos(a), y + d * sin(a)))
        return out

    def fan(
        self,
        x: float,
        y: float,
        facing: float,
        half_angle: float,
        radius: float,
        *,
        step_deg: float = 3.0,
        extra: tuple[float, ...] = (),
        shoulder: float = 0.0,
    ) -> tuple[np.ndarray, list[float]]:
        """The rays of a view from (x, y): (angles relative to the facing, increasing; distances).

        Rays every step_deg, plus rays aimed CORNER_EPS either side of every wall corner in
        range, plus rays at the points where the view circle crosses a wall face, so the
        polygon through their ends follows the walls (error well under 1 px) and agrees with
        line_of_sight; plus rays at the `extra` relative angles, and, when `shoulder` > 0,
        rays that far either side of every corner too (`sight` needs the walls there).
        half_angle >= pi: a full circle, from -pi."""
        full = half_angle >= math.pi
        h = math.pi if full else max(0.0, float(half_angle))
        step = math.radians(step_deg)
        if not step > 0.0:
            raise ValueError(f"step_deg must be positive, got {step_deg}")
        R = float(radius)
        base = _base_angles(full, h, step)
        if extra:
            base = np.unique(np.concatenate((base, np.asarray(extra, dtype=np.float64))))
        feats = []
        if R > 0.0:
            (cx, cxl), (cy, _), (cq, _), (hy, hyl), (ha, _), (hb, _), (vx, vxl), (va, _), (vb, _) = \
                self._vis_features()
            # Only features within x +- R (corners, v-edges) or y +- R (h-edges) can be in range:
            # bisection on the sorted keys cuts out those slices (1 px wider, so that rounding
            # cannot drop one the tests below would keep).
            lo, hi = bisect_left(cxl, x - R - 1.0), bisect_right(cxl, x + R + 1.0)
            ddx = cx[lo:hi] - x
            ddy = cy[lo:hi] - y
            near = ddx * ddx + ddy * ddy <= R * R
            # A corner casts a shadow edge (the rays either side of it end far apart) only when
            # its one opaque cell lies to the side of the line of sight; seen from exactly in
            # line with it, count it as one. The others need one ray, at the corner itself.
            ddx, ddy, q = ddx[near], ddy[near], cq[lo:hi][near]
            cross_sign = np.sign(ddx * ddy)
            edge = (cross_sign == 0.0) | (q * cross_sign == -1.0)
            ddx = np.concatenate((ddx[edge], ddx[~edge]))
            ddy = np.concatenate((ddy[edge], ddy[~edge]))
            n_edge = int(edge.sum())
            # One arctan2 for all: corner directions, then the points where the view circle
            # crosses a wall face (h-edges: y = Y, X in [xa, xb]; v-edges: x = X, Y in [ya, yb]).
            ys, xs = [ddy], [ddx]
            R2 = R * R
            lo, hi = bisect_left(hyl, y - R - 1.0), bisect_right(hyl, y + R + 1.0)
            if lo < hi:
                dy = hy[lo:hi] - y
                m = np.abs(dy) <= R
                dy = dy[m]
                w = _SIDES * np.sqrt(np.maximum(R2 - dy * dy, 0.0))  # (2, n): -w, +w
                X = x + w
                k = (X >= ha[lo:hi][m]) & (X <= hb[lo:hi][m])
                ys.append(np.broadcast_to(dy, w.shape)[k])
                xs.append(w[k])
            lo, hi = bisect_left(vxl, x - R - 1.0), bisect_right(vxl, x + R + 1.0)
            if lo < hi:
                dx = vx[lo:hi] - x
                m = np.abs(dx) <= R
                dx = dx[m]
                w = _SIDES * np.sqrt(np.maximum(R2 - dx * dx, 0.0))
                Y = y + w
                k = (Y >= va[lo:hi][m]) & (Y <= vb[lo:hi][m])
                ys.append(w[k])
                xs.append(np.broadcast_to(dx, w.shape)[k])
            angles = np.arctan2(np.concatenate(ys), np.concatenate(xs))
            if len(angles):
                corners, flat = angles[:n_edge], angles[n_edge:len(ys[0])]
                cross = angles[len(ys[0]):]
                # Crossings get the corners' side rays too: seen from exactly on a wall face's
                # line, the crossing ray itself may fall either side of the face.
                feats = [corners - CORNER_EPS, corners + CORNER_EPS, flat, cross, cross - CORNER_EPS,
                         cross + CORNER_EPS]
                if shoulder > 0.0:
                    feats += [corners - shoulder, corners + shoulder]
            feats += self._extra_features(x, y, R, shoulder)
        if feats:
            rel = (np.concatenate(feats) - facing + math.pi) % _TWO_PI - math.pi
            if not full:
                rel = rel[np.abs(rel) <= h]
            rel = np.unique(np.concatenate((base, rel)))
        else:
            rel = base
        cast = self.cast_ray
        return rel, [cast(x, y, facing + r, R) for r in rel.tolist()]

    def _extra_features(self, x: float, y: float, R: float, shoulder: float) -> list[np.ndarray]:
        """More ray angles for `fan` (ShapedGrid's: its shapes' corners); none here."""
        return []
