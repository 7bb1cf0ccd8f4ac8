"""Tile-grid geometry and navigation for the simulation: sight, rays, paths, walking distance.

Pure and deterministic: no pygame, no clock, no global random. World coordinates are float
pixels with (0, 0) the top-left corner of the map; cell (col, row) spans
[col*tile, (col+1)*tile) x [row*tile, (row+1)*tile). Everything outside the map counts as solid.

Two layers make a cell opaque and unwalkable: the static ``solid`` array (walls) and the dynamic
``blocked`` overlay (closed doors, see ``set_blocked``). Sight and walking use the same rule: a
cell is either open (see-through and walkable) or opaque.

Internally the grid is kept as flat ``bytearray`` copies padded with one opaque cell on every
side, so the hot loops (``line_of_sight``, ``cast_ray``, A*) do plain integer indexing with no
bounds checks and no numpy per-call overhead. Every cache is updated or dropped by
``set_blocked``; ``version`` counts the changes, for callers that cache derived data.

Conventions shared by ``line_of_sight``, ``cast_ray`` and ``visibility_polygon`` (so what the
player sees drawn is exactly what the guards see): a segment is blocked when it enters an opaque
cell (its start and end cells included); a segment passing exactly through a grid corner is
blocked if either of the two cells touching it there diagonally is opaque (no seeing through the
zero-width gap between two diagonal wall tiles); running exactly along a wall face is not blocked.
These are bare rays: what a guard sees (no slits) is `sight.py`, built on them.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from functools import lru_cache

import numpy as np

from .shapes import ShapeSet

SQRT2 = math.sqrt(2.0)
#: Radius of a walker (guard) used by ``find_path`` string pulling, in px.
WALKER_RADIUS = 10.0
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


class Grid:
    """The nav/sight grid of a level (``solid``: (rows, cols) bool, True = wall)."""

    def __init__(self, solid: np.ndarray, tile: int = 32):
        solid = np.asarray(solid, dtype=bool)
        if solid.ndim != 2:
            raise ValueError(f"solid must be a 2-D (rows, cols) array, got shape {solid.shape}")
        if tile <= 0:
            raise ValueError(f"tile must be positive, got {tile}")
        self.rows, self.cols = (int(n) for n in solid.shape)
        self.tile = int(tile)
        self.solid = solid.copy()
        self.blocked = np.zeros_like(self.solid)
        self.version = 0  # bumped by every set_blocked that changes something

        rows, cols = self.rows, self.cols
        self._W = cols + 2  # padded row stride
        self._H = rows + 2  # padded column stride (transposed copy)
        opaque = np.ones((rows + 2, cols + 2), dtype=np.uint8)
        opaque[1:-1, 1:-1] = self.solid
        # _op: row-major padded opacity; _opT: the same, column-major (vertical runs contiguous);
        # _walk: row-major padded walkability (the complement of _op, padding unwalkable).
        self._op = bytearray(opaque.tobytes())
        self._opT = bytearray(np.ascontiguousarray(opaque.T).tobytes())
        self._walk = bytearray((1 - opaque).tobytes())
        # padded index -> (col, row); independent of the walls, never stale
        n = (rows + 2) * (cols + 2)
        self._col = [i % self._W - 1 for i in range(n)]
        self._row = [i // self._W - 1 for i in range(n)]
        self.shapes: ShapeSet | None = None  # collision shapes inside cells: see shaped_grid.py
        self._no_room = bytearray(n)  # open, but no room for a walker at the middle (shapes only)
        self._before_paths()
        self._adj = [self._cell_adj(i) for i in range(n)]
        self._features = None  # (corner xs, corner ys, h-edges, v-edges) for visibility_polygon

    def _before_paths(self) -> None:
        """Called once the cells are known and before the paths are linked (ShapedGrid's hook)."""

    # ------------------------------------------------------------------ cells

    def cell_of(self, x: float, y: float) -> tuple[int, int]:
        """The (col, row) containing the point (may be outside the map)."""
        t = self.tile
        return int(x // t), int(y // t)

    def in_bounds(self, col: int, row: int) -> bool:
        return 0 <= col < self.cols and 0 <= row < self.rows

    def is_solid_cell(self, col: int, row: int) -> bool:
        """A static wall (the ``solid`` array); out of bounds -> True. Doors: see is_opaque_cell."""
        if not (0 <= col < self.cols and 0 <= row < self.rows):
            return True
        return bool(self.solid[row, col])

    def is_solid_at(self, x: float, y: float) -> bool:
        t = self.tile
        return self.is_solid_cell(int(x // t), int(y // t))

    def is_blocked_cell(self, col: int, row: int) -> bool:
        """In the dynamic overlay (a closed door)."""
        return self.in_bounds(col, row) and bool(self.blocked[row, col])

    def is_opaque_cell(self, col: int, row: int) -> bool:
        """Solid or blocked (or out of bounds): stops sight and walking."""
        if not (0 <= col < self.cols and 0 <= row < self.rows):
            return True
        return bool(self._op[(row + 1) * self._W + col + 1])

    def is_walkable_cell(self, col: int, row: int) -> bool:
        """A node of the paths: open, with room for a walker at its middle (see ShapedGrid._before_paths)."""
        if not (0 <= col < self.cols and 0 <= row < self.rows):
            return False
        return bool(self._walk[(row + 1) * self._W + col + 1])

    def shapes_allow_step(self, col: int, row: int, dc: int, dr: int) -> bool:
        """No collision shape is in the way of a walker's whole width stepping from the middle of
        the cell to its neighbour (dc, dr) (walls and doors are the caller's to check)."""
        return True

    def is_walkable_at(self, x: float, y: float) -> bool:
        return not self.is_opaque_at(x, y)

    def is_opaque_at(self, x: float, y: float) -> bool:
        """is_opaque_cell of the cell containing the point, written out: guards ask it for every
        step they take (a door may have shut in their way)."""
        t = self.tile
        c = int(x // t)
        r = int(y // t)
        if 0 <= c < self.cols and 0 <= r < self.rows:
            return self._op[(r + 1) * self._W + c + 1] == 1
        return True

    def set_blocked(self, cells: Iterable[tuple[int, int]], blocked: bool) -> None:
        """Mark cells (col, row) as blocked (opaque + unwalkable) or not, on top of ``solid``.

        Out-of-bounds cells are ignored. Updates every internal copy and drops the caches."""
        W, H = self._W, self._H
        changed = []
        for col, row in cells:
            col, row = int(col), int(row)
            if not (0 <= col < self.cols and 0 <= row < self.rows):
                continue
            self.blocked[row, col] = bool(blocked)
            op = 1 if (self.solid[row, col] or blocked) else 0
            i = (row + 1) * W + col + 1
            if self._op[i] != op:
                self._op[i] = op
                self._opT[(col + 1) * H + row + 1] = op
                self._walk[i] = 0 if op or self._no_room[i] else 1
                changed.append(i)
        if not changed:
            return
        self.version += 1
        self._features = None
        # a changed cell is inside the map: its 8 neighbours are inside the padded array
        around = (-W - 1, -W, -W + 1, -1, 0, 1, W - 1, W, W + 1)
        for j in {i + d for i in changed for d in around}:
            self._adj[j] = self._cell_adj(j)

    def _cell_adj(self, i: int) -> tuple[tuple[int, float], ...]:
        """Walkable 8-neighbours of padded index i with step costs in tiles; no corner cutting;
        none for a cell that is not walkable (the padding never is).

        Fixed order (E, W, S, N, SE, SW, NE, NW) for deterministic searches."""
        walk, W = self._walk, self._W
        if not walk[i]:
            return ()
        e, w, s, n = walk[i + 1], walk[i - 1], walk[i + W], walk[i - W]
        out = []
        if e:
            out.append((i + 1, 1.0))
        if w:
            out.append((i - 1, 1.0))
        if s:
            out.append((i + W, 1.0))
        if n:
            out.append((i - W, 1.0))
        if s and e and walk[i + W + 1]:
            out.append((i + W + 1, SQRT2))
        if s and w and walk[i + W - 1]:
            out.append((i + W - 1, SQRT2))
        if n and e and walk[i - W + 1]:
            out.append((i - W + 1, SQRT2))
        if n and w and walk[i - W - 1]:
            out.append((i - W - 1, SQRT2))
        return tuple(out)

    # ------------------------------------------------------------------ sight

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

    # ------------------------------------------------------------------ walking

    def nearest_walkable(self, x: float, y: float) -> tuple[int, int] | None:
        """The walkable cell (col, row) whose centre is nearest to (x, y), searching outward in
        square rings from the cell containing the point (clamped into the map). None if the map
        has no walkable cell. Ties: lowest row, then lowest col."""
        t = self.tile
        cols, rows = self.cols, self.rows
        if cols == 0 or rows == 0:
            return None
        c0 = min(max(int(x // t), 0), cols - 1)
        r0 = min(max(int(y // t), 0), rows - 1)
        walk, W = self._walk, self._W
        if walk[(r0 + 1) * W + c0 + 1] and self.cell_of(x, y) == (c0, r0):
            return (c0, r0)
        best = None
        best_key = None
        for k in range(max(cols, rows) + 1):
            if best_key is not None and (k - 1) * t > math.sqrt(best_key[0]):
                break  # every cell of this ring is farther than the best found
            for r in range(r0 - k, r0 + k + 1):
                if not 0 <= r < rows:
                    continue
                edge = r == r0 - k or r == r0 + k
                cs = range(c0 - k, c0 + k + 1) if edge else (c0 - k, c0 + k)
                for c in cs:
                    if 0 <= c < cols and walk[(r + 1) * W + c + 1]:
                        ex = (c + 0.5) * t - x
                        ey = (r + 0.5) * t - y
                        key = (ex * ex + ey * ey, r, c)
                        if best_key is None or key < best_key:
                            best_key, best = key, (c, r)
        return best

    def room_for(self, x: float, y: float, radius: float) -> tuple[float, float]:
        """The point nearest (x, y) where a body of `radius` (under half a tile) touches no opaque
        cell: pushed out of the walls and shut doors around it, a few times for inner corners.
        (x, y) itself when it is already clear or stands in an opaque cell."""
        t = self.tile
        if radius <= 0.0 or self.is_opaque_at(x, y):
            return (x, y)
        px, py = float(x), float(y)
        for _ in range(4):
            moved = False
            c0, r0 = int(px // t), int(py // t)
            for r in (r0 - 1, r0, r0 + 1):
                for c in (c0 - 1, c0, c0 + 1):
                    if (c == c0 and r == r0) or not self.is_opaque_cell(c, r):
                        continue
                    dx = px - min(max(px, c * t), (c + 1) * t)
                    dy = py - min(max(py, r * t), (r + 1) * t)
                    d = math.hypot(dx, dy)
                    if 0.0 < d < radius:
                        px += dx / d * (radius - d)
                        py += dy / d * (radius - d)
                        moved = True
            if not moved:
                break
        return (px, py) if not self.is_opaque_at(px, py) else (x, y)

    def _start_index(self, x: float, y: float) -> tuple[int, bool] | None:
        """Padded index of the point's walkable cell (snapped if needed), and whether snapped."""
        t = self.tile
        c, r = int(x // t), int(y // t)
        if 0 <= c < self.cols and 0 <= r < self.rows:
            i = (r + 1) * self._W + c + 1
            if self._walk[i]:
                return i, False
        cell = self.nearest_walkable(x, y)
        if cell is None:
            return None
        return (cell[1] + 1) * self._W + cell[0] + 1, True

    def _astar(self, s: int, g: int, max_cost: float = _INF) -> tuple[float, dict[int, int]] | None:
        """A* from padded index s to g in tile units; (cost, parents) or None.

        Octile heuristic (consistent, so the cost is exact); heap keys (f, h, index) make the
        result independent of anything but the grid. Nodes with f > max_cost are not expanded."""
        if s == g:
            return 0.0, {}
        adj = self._adj
        colof, rowof = self._col, self._row
        gc, gr = colof[g], rowof[g]
        k = SQRT2 - 2.0
        lim = max_cost + 1e-9
        push, pop = heapq.heappush, heapq.heappop
        dx = abs(colof[s] - gc)
        dy = abs(rowof[s] - gr)
        h0 = dx + dy + k * (dx if dx < dy else dy)
        if h0 > lim:
            return None
        gs = {s: 0.0}
        parent: dict[int, int] = {}
        closed = set()
        heap = [(h0, h0, s)]
        while heap:
            _, _, i = pop(heap)
            if i in closed:
                continue
            if i == g:
                return gs[g], parent
            closed.add(i)
            gi = gs[i]
            for j, w in adj[i]:
                ng = gi + w
                if ng < gs.get(j, _INF):
                    dx = colof[j] - gc
                    if dx < 0:
                        dx = -dx
                    dy = rowof[j] - gr
                    if dy < 0:
                        dy = -dy
                    hj = dx + dy + k * (dx if dx < dy else dy)
                    f = ng + hj
                    if f > lim:
                        continue
                    gs[j] = ng
                    parent[j] = i
                    push(heap, (f, hj, j))
        return None

    def clear_for(self, ax: float, ay: float, bx: float, by: float, radius: float) -> bool:
        """A body of `radius` can go straight from a to b: the segment and its two copies offset
        +-radius sideways all have line of sight (walls are whole tiles, wider than the body, so
        none fits between the three lines)."""
        los = self.line_of_sight
        if not los(ax, ay, bx, by):
            return False
        dx = bx - ax
        dy = by - ay
        L = math.hypot(dx, dy)
        if L == 0.0 or radius <= 0.0:
            return True
        ox = -dy / L * radius
        oy = dx / L * radius
        return los(ax + ox, ay + oy, bx + ox, by + oy) and los(ax - ox, ay - oy, bx - ox, by - oy)

    def find_path(
        self,
        start: tuple[float, float],
        goal: tuple[float, float],
        *,
        radius: float = WALKER_RADIUS,
    ) -> list[tuple[float, float]] | None:
        """Waypoints (px) from start to goal, or None when unreachable.

        A* over walkable cells (8-connected, no corner cutting), then string pulling: a waypoint
        is dropped when the walker can go straight past it along a line that stays clear at
        +-radius sideways. The start point itself is not in the list (unless start was in an
        opaque cell: then the snapped cell centre comes first). The last waypoint is the goal,
        moved just far enough from the walls for the body to fit there (room_for), or the snapped
        cell centre when the goal is in an opaque cell."""
        si = self._start_index(*start)
        gi = self._start_index(*goal)
        if si is None or gi is None:
            return None
        s, s_snapped = si
        g, g_snapped = gi
        t = self.tile
        colof, rowof = self._col, self._row
        if g_snapped:
            end = ((colof[g] + 0.5) * t, (rowof[g] + 0.5) * t)
        else:
            end = self.room_for(float(goal[0]), float(goal[1]), radius)
        if s == g:
            return [end]
        res = self._astar(s, g)
        if res is None:
            return None
        _, parent = res
        cells = [g]
        while cells[-1] != s:
            cells.append(parent[cells[-1]])
        cells.reverse()
        pts = [((colof[i] + 0.5) * t, (rowof[i] + 0.5) * t) for i in cells]  # >= 2 cells here
        if not s_snapped:
            pts[0] = (float(start[0]), float(start[1]))
        pts[-1] = end
        # string pulling: from each kept point, go as far along the cells as stays wide-clear
        out = [pts[0]]
        a = 0
        last = len(pts) - 1
        while a < last:
            b = a + 1
            ax, ay = pts[a]
            while b < last and self.clear_for(ax, ay, *pts[b + 1], radius):
                b += 1
            out.append(pts[b])
            a = b
        return out if s_snapped else out[1:]

    def distance_field(self, x: float, y: float, max_dist: float) -> dict[tuple[int, int], float]:
        """Walking distance (px) from the cell containing (x, y) to every walkable cell within
        max_dist: Dijkstra, 8-connected without corner cutting, steps of tile or tile*sqrt(2).
        A point in an opaque cell starts from its nearest walkable cell. Keys are (col, row)."""
        si = self._start_index(x, y)
        if si is None or max_dist < 0:
            return {}
        s = si[0]
        t = self.tile
        lim = max_dist / t + 1e-9
        adj = self._adj
        push, pop = heapq.heappush, heapq.heappop
        dist = {s: 0.0}
        done: dict[int, float] = {}
        heap = [(0.0, s)]
        while heap:
            d, i = pop(heap)
            if i in done:
                continue
            done[i] = d
            for j, w in adj[i]:
                nd = d + w
                if nd <= lim and nd < dist.get(j, _INF):
                    dist[j] = nd
                    push(heap, (nd, j))
        colof, rowof = self._col, self._row
        return {(colof[i], rowof[i]): d * t for i, d in done.items()}

    def walk_distance(
        self, a: tuple[float, float], b: tuple[float, float], max_dist: float
    ) -> float:
        """Walking distance (px) between the cells of a and b, as distance_field(a) would give at
        b's cell; math.inf when farther than max_dist or unreachable. (Computed by A* bounded by
        max_dist, which gives the same value and expands far fewer cells than a full flood.)"""
        si = self._start_index(a[0], a[1])
        if si is None or max_dist < 0:
            return _INF
        t = self.tile
        cb, rb = int(b[0] // t), int(b[1] // t)
        if not (0 <= cb < self.cols and 0 <= rb < self.rows):
            return _INF
        g = (rb + 1) * self._W + cb + 1
        if not self._walk[g]:
            return _INF
        res = self._astar(si[0], g, max_dist / t)
        if res is None:
            return _INF
        d = res[0] * t
        return d if d <= max_dist + 1e-6 else _INF
