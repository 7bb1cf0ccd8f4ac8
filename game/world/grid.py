"""The tile grid of a level: its cells, the walls and the shut doors in them.

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

The questions asked of those cells live beside this module and are mixed into `Grid`, so every
caller asks the grid itself (``grid.find_path(...)``) and the hot loops read the padded arrays
with no call in between: bare rays and views in ``sightlines.py``, walking (the paths' graph,
A*, walking-distance floods, room for a body) in ``navigation.py``. ``shaped_grid.py`` adds
collision shapes to all of them.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from .navigation import Navigation
from .shapes import ShapeSet
from .sightlines import Sightlines


class Grid(Sightlines, Navigation):
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
        self._features = None  # the wall outline for `fan` (sightlines.py), built when first asked

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
        """A node of the paths: open, with room for a walker at its middle (cells too cramped are
        taken off in ShapedGrid._before_paths)."""
        if not (0 <= col < self.cols and 0 <= row < self.rows):
            return False
        return bool(self._walk[(row + 1) * self._W + col + 1])

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
