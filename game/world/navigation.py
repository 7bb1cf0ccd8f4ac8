"""Walking on a grid's cells: the graph of the paths (8-connected, no corner cutting), A* with
string pulling, walking distance, the nearest walkable cell and room for a body.

`Navigation` is mixed into `Grid` (grid.py) and reads its padded walkability (``_walk``, stride
``_W``), each padded index's ``_col`` and ``_row``, and the adjacency ``_adj``, which the grid
links from `_cell_adj` and relinks around a cell that changes; `clear_for` asks the grid's
``line_of_sight``. Distances are in px; the searches count in tiles (steps of 1 and sqrt 2).
"""

from __future__ import annotations

import heapq
import math

SQRT2 = math.sqrt(2.0)
#: Radius of a walker (guard) used by ``find_path`` string pulling, in px.
WALKER_RADIUS = 10.0

_INF = math.inf


class Navigation:
    """The walking questions of a `Grid` (mixed into it: see this module's docstring)."""

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

    def shapes_allow_step(self, col: int, row: int, dc: int, dr: int) -> bool:
        """No collision shape is in the way of a walker's whole width stepping from the middle of
        the cell to its neighbour (dc, dr) (walls and doors are the caller's to check)."""
        return True

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
