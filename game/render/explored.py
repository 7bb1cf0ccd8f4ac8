"""What Jesse has seen of a level: the cells in his line of sight within `SIGHT_TILES`, gathered
as he goes, for the pause menu's map (parts not yet seen are dimmed there).

The player's memory of the map, not the world's state: the level scene keeps it and looks again
every `EXPLORE_TICKS`; nothing in play depends on it, and restarting at a checkpoint keeps it (he
has been there). Open cells are seen along a bare ray (`Grid.line_of_sight`, so shut doors and
walls hide what is behind them); a wall or a shut door is seen by its face, once a cell beside it is.
"""

from __future__ import annotations

import numpy as np

EXPLORE_TICKS = 10  # six looks a second: a sprint covers under half a tile between two
SIGHT_TILES = 16  # how far he takes in the map around him, in tiles: about what the screen shows


class Explored:
    def __init__(self, radius_tiles: float = SIGHT_TILES):
        self.radius = radius_tiles
        self.seen = np.zeros((0, 0), dtype=bool)  # (rows, cols): open cells seen
        r = int(radius_tiles)
        # The cells within the radius, nearest first, as offsets from Jesse's cell.
        near = [(dc, dr) for dr in range(-r, r + 1) for dc in range(-r, r + 1) if dc * dc + dr * dr <= radius_tiles ** 2]
        self._offsets = sorted(near, key=lambda d: d[0] * d[0] + d[1] * d[1])

    def look(self, grid, x: float, y: float) -> None:
        """Take in what can be seen from (x, y) now."""
        if self.seen.shape != (grid.rows, grid.cols):  # a new map (a designer's live reload)
            self.seen = np.zeros((grid.rows, grid.cols), dtype=bool)
        seen, t = self.seen, grid.tile
        c0, r0 = grid.cell_of(x, y)
        for dc, dr in self._offsets:
            c, r = c0 + dc, r0 + dr
            if not grid.in_bounds(c, r) or seen[r, c] or grid.is_opaque_cell(c, r):
                continue
            if grid.line_of_sight(x, y, (c + 0.5) * t, (r + 0.5) * t):
                seen[r, c] = True

    def mask(self, grid) -> np.ndarray:
        """(rows, cols) True where the map is known: open cells seen, and the walls and shut doors
        beside them."""
        if self.seen.shape != (grid.rows, grid.cols):
            return np.zeros((grid.rows, grid.cols), dtype=bool)
        seen = self.seen
        beside = np.zeros_like(seen)
        padded = np.pad(seen, 1)
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                beside |= padded[1 + dr:1 + dr + seen.shape[0], 1 + dc:1 + dc + seen.shape[1]]
        return seen | (beside & (grid.solid | grid.blocked))

    def knows(self, grid, box: tuple[float, float, float, float]) -> bool:
        """Whether any cell of the box (left, top, right, bottom in map px) is known."""
        mask = self.mask(grid)
        t = grid.tile
        left, top, right, bottom = box
        c0, r0 = max(0, int(left // t)), max(0, int(top // t))
        c1, r1 = min(grid.cols, int(max(left, right - 1e-6) // t) + 1), min(grid.rows, int(max(top, bottom - 1e-6) // t) + 1)
        return bool(mask[r0:r1, c0:c1].any())
