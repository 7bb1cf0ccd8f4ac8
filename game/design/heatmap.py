"""Where the guards can see over one patrol cycle: a heatmap for level designers.

`compute(level)` samples the guards' unalerted patrol (`Timeline`) every few ticks
across one full cycle and marks every small cell (8 px by default) that some guard
sees: his near sense all round, his focus cone and his periphery, each clipped by
the walls and closed doors with `sight.sight_polygon` (the polygons the
guards' eyes and the on-screen cones use). The result is the fraction of the
cycle each cell is seen, 0..1, plus which cells are dark enough that a sneaking
Jesse is invisible there (light at or below the tuning's exposure floor).

Doors stay as the level starts them (a closed door blocks sight the whole cycle).

Pure numpy plus a tiny pygame surface used as a polygon rasteriser. The picture is
drawn by `heatmap_picture.render`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..world.level import Level
from ..world.light import light_grid
from ..world.sight import sight_polygon
from ..world.tuning import DEFAULT, TICK_RATE, Tuning
from .timeline import Timeline

CELL = 8  # px per heat cell
STEP = 6  # ticks between samples


@dataclass
class Heatmap:
    level: Level
    cell: int  # px per heat cell
    cycle_ticks: int  # one full patrol cycle (the longest guard's period)
    ticks: tuple[int, ...]  # the sampled ticks
    seen: np.ndarray  # (rows, cols) float32: fraction of the sampled ticks the cell is seen, 0..1
    exposed: np.ndarray  # (rows, cols) float32: ...seen where even a sneaking Jesse would be noticed
    dark: np.ndarray  # (rows, cols) bool: light <= exposure floor (a sneaking Jesse is invisible)
    walkable: np.ndarray  # (rows, cols) bool: floor (not a wall or a closed door)
    start_facings: tuple[float, ...] = ()  # each guard's facing at tick 0, radians

    @property
    def cycle_seconds(self) -> float:
        return self.cycle_ticks / TICK_RATE

    def tile_seen(self, col: int, row: int) -> float:
        """The most any part of tile (col, row) is seen, 0..1."""
        k = self.level.tile // self.cell
        return float(self.seen[row * k:(row + 1) * k, col * k:(col + 1) * k].max())

    def tiles(self) -> np.ndarray:
        """(rows, cols) per map tile: the most any of its cells is seen."""
        k = self.level.tile // self.cell
        r, c = self.level.rows, self.level.cols
        return self.seen[: r * k, : c * k].reshape(r, k, c, k).max(axis=(1, 3))

    def seen_share(self) -> float:
        """Share of the walkable cells that some guard sees at some point of the cycle, 0..1."""
        n = int(self.walkable.sum())
        return float(((self.seen > 0) & self.walkable).sum()) / n if n else 0.0

    def dark_share(self) -> float:
        """Share of the ever-seen walkable cells where a sneaking Jesse is never noticed, 0..1."""
        ever = (self.seen > 0) & self.walkable
        n = int(ever.sum())
        return float((ever & (self.exposed == 0)).sum()) / n if n else 0.0


# ------------------------------------------------------------------ computing


def _rasteriser(shape: tuple[int, int]):
    """A mask surface at 1 px per cell, a function filling polygons (px) into it, and one reading it."""
    import os

    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    rows, cols = shape
    surface = pygame.Surface((cols, rows), depth=8)
    surface.set_palette([(i, i, i) for i in range(256)])
    draw = pygame.draw.polygon

    # pygame fills a polygon's outline too, so a cell whose centre lies up to about one cell
    # outside the polygon can be marked: on the side of "seen", like Jesse's shoulders, which the
    # guards see up to 9 px either side of his centre.
    def fill(polygons, cell: int, value: int) -> None:
        for poly in polygons:
            if len(poly) >= 3:
                # Cell centres land on integer coordinates, where the scanline fill samples.
                draw(surface, value, [(x / cell - 0.5, y / cell - 0.5) for x, y in poly])

    def grab() -> np.ndarray:
        return pygame.surfarray.array2d(surface).T  # (rows, cols)

    return surface, fill, grab


def compute(level: Level, *, step: int = STEP, cell: int = CELL, tuning: Tuning = DEFAULT,
            max_cycle: int = 600 * TICK_RATE) -> Heatmap:
    """Sample one patrol cycle every `step` ticks; see the module doc."""
    if level.tile % cell:
        raise ValueError(f"cell {cell} px must divide the tile size {level.tile}")
    timeline = Timeline(level, tuning)
    cycle = max(1, timeline.cycle_ticks(max_cycle))
    ticks = tuple(range(0, cycle, max(1, step)))
    grid = timeline.world.grid  # closed doors are blocked in it
    k = level.tile // cell
    rows, cols = level.rows * k, level.cols * k

    xs = ((np.arange(cols) + 0.5) * cell)[None, :].astype(np.float32)
    ys = ((np.arange(rows) + 0.5) * cell)[:, None].astype(np.float32)
    light = light_grid(level, np.broadcast_to(xs, (rows, cols)), np.broadcast_to(ys, (rows, cols)))
    dark = light <= tuning.exposure_floor
    opaque = level.solid | grid.blocked  # walls and closed doors
    walkable = np.repeat(np.repeat(~opaque, k, axis=0), k, axis=1)

    # Per tick, one mask: 1 = seen (only in the dark, only by a non-flashlight eye),
    # 2 = seen where a sneaking Jesse would be noticed (near sense, flashlight beam, or lit).
    surface, fill, grab = _rasteriser((rows, cols))
    seen = np.zeros((rows, cols), dtype=np.int32)
    exposed = np.zeros((rows, cols), dtype=np.int32)
    lit = ~dark
    cache: dict[tuple, tuple[list, list]] = {}

    def vis(*view):
        return sight_polygon(grid, *view)

    for tick in ticks:
        dim, bright = [], []
        for g in timeline.posed(tick):
            key = (round(g.x, 2), round(g.y, 2), round(g.facing, 4), g.focus_range, g.senses)
            polys = cache.get(key)
            if polys is None:
                s = g.senses
                focus = vis(g.x, g.y, g.facing, g.focus_half_angle, g.focus_range)
                side = vis(g.x, g.y, g.facing, g.peripheral_half_angle, g.peripheral_range)
                near = vis(g.x, g.y, g.facing, math.pi, s.near_range)
                polys = cache[key] = ([side] + ([] if s.flashlight else [focus]),
                                      [near] + ([focus] if s.flashlight else []))
                if len(cache) > 20000:
                    cache.clear()
            dim.extend(polys[0])
            bright.extend(polys[1])
        surface.fill(0)
        fill(dim, cell, 1)
        fill(bright, cell, 2)
        mask = grab()
        seen += mask > 0
        exposed += (mask == 2) | ((mask == 1) & lit)
    n = len(ticks)
    return Heatmap(level, cell, cycle, ticks, (seen / n).astype(np.float32), (exposed / n).astype(np.float32),
                   dark, walkable, tuple(p.facing for p in timeline.at(0)))
