"""A grid whose walls tiles may have collision shapes inside them (Tiled's collision editor):
the shapes (`shapes.py`) stop sight and bodies where they are, in cells that stay open.

`ShapedGrid` answers the grid's questions with the shapes too: each override asks the plain
`Grid` first (its fast cell loops) and then the shapes. A cell is a node of the paths only
when a walker fits at its middle, and a step between two cells only when the walker's whole
width clears the shapes. `make_grid` gives a plain `Grid` to a map without shapes, so its hot
loops carry not one extra test.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from .grid import Grid
from .navigation import WALKER_RADIUS
from .shapes import Piece, ShapeSet, touched_cells
from .sightlines import CORNER_EPS


def make_grid(solid: np.ndarray, tile: int, shapes: Sequence[Piece] = ()) -> Grid:
    """The level's grid: shaped only when it has shapes."""
    return ShapedGrid(solid, tile, shapes) if shapes else Grid(solid, tile)


class ShapedGrid(Grid):
    def __init__(self, solid: np.ndarray, tile: int, shapes: Sequence[Piece]):
        self._pieces = tuple(shapes)
        super().__init__(solid, tile)

    def _before_paths(self) -> None:
        self.shapes = ShapeSet(self._pieces)
        W, t = self._W, self.tile
        near = np.zeros(len(self._walk), dtype=bool)
        for piece in self.shapes.pieces:
            for c, r in touched_cells(piece, t, self.cols, self.rows):
                near[(r + 1) * W + c + 1] = True
        self._near_shape = bytearray(near.astype(np.uint8).tobytes())  # cells a piece's box touches
        for i in np.nonzero(near)[0].tolist():
            cx, cy = (self._col[i] + 0.5) * t, (self._row[i] + 0.5) * t
            if self._walk[i] and self.shapes.distance(cx, cy, WALKER_RADIUS) < WALKER_RADIUS:
                self._no_room[i] = 1
                self._walk[i] = 0

    # ------------------------------------------------------------------ walking

    def _cell_adj(self, i: int) -> tuple[tuple[int, float], ...]:
        return tuple((j, cost) for j, cost in super()._cell_adj(i) if self._step_clear(i, j))

    def shapes_allow_step(self, col: int, row: int, dc: int, dr: int) -> bool:
        W = self._W
        i = (row + 1) * W + col + 1
        return self._step_clear(i, i + dr * W + dc)

    def _step_clear(self, i: int, j: int) -> bool:
        """A walker fits along the step between the middles of cells i and j (8-neighbours)."""
        W, near = self._W, self._near_shape
        d = j - i
        sx = 1 if d in (1, W + 1, -W + 1) else -1 if d in (-1, W - 1, -W - 1) else 0
        sy = W if d >= W - 1 else -W if d <= -W + 1 else 0
        if not (near[i] or near[j] or near[i + sx] or near[i + sy]):
            return True
        t = self.tile
        ax, ay = (self._col[i] + 0.5) * t, (self._row[i] + 0.5) * t
        bx, by = (self._col[j] + 0.5) * t, (self._row[j] + 0.5) * t
        return self.shapes.clearance(ax, ay, bx, by, WALKER_RADIUS) >= WALKER_RADIUS

    def room_for(self, x: float, y: float, radius: float) -> tuple[float, float]:
        """room_for, pushed clear of the shapes around too (and of the walls again after)."""
        px, py = super().room_for(x, y, radius)
        if radius <= 0.0 or self.is_opaque_at(px, py):
            return (px, py)
        qx, qy = super().room_for(*self.shapes.push_out(px, py, radius), radius)
        return (qx, qy) if not self.is_opaque_at(qx, qy) else (px, py)

    def clear_for(self, ax: float, ay: float, bx: float, by: float, radius: float) -> bool:
        """clear_for, and the body's whole width keeps clear of the shapes (thin ones included)."""
        return super().clear_for(ax, ay, bx, by, radius) and (
            radius <= 0.0 or self.shapes.clearance(ax, ay, bx, by, radius) >= radius)

    # ------------------------------------------------------------------ sight

    def line_of_sight(self, x0: float, y0: float, x1: float, y1: float) -> bool:
        return super().line_of_sight(x0, y0, x1, y1) and not self.shapes.blocks(x0, y0, x1, y1)

    def cast_ray(self, x: float, y: float, angle: float, max_dist: float) -> float:
        d = super().cast_ray(x, y, angle, max_dist)
        return self.shapes.first_hit(x, y, math.cos(angle), math.sin(angle), d) if d > 0.0 else d

    def is_opaque_at(self, x: float, y: float) -> bool:
        return super().is_opaque_at(x, y) or self.shapes.contains(x, y)

    def _extra_features(self, x: float, y: float, R: float, shoulder: float) -> list[np.ndarray]:
        """fan's rays for the shapes: either side of every corner in range (any corner of a piece
        may cast a shadow edge), and where the view circle crosses an edge."""
        sh = self.shapes
        dx, dy = sh.corner_x - x, sh.corner_y - y
        near = dx * dx + dy * dy <= R * R
        corners = np.arctan2(dy[near], dx[near])
        cx, cy = sh.circle_crossings(x, y, R)
        cross = np.arctan2(cy, cx)
        out = [corners - CORNER_EPS, corners + CORNER_EPS, cross, cross - CORNER_EPS, cross + CORNER_EPS]
        if shoulder > 0.0:
            out += [corners - shoulder, corners + shoulder]
        return out
