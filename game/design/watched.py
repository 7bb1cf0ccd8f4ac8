"""Where a guard might see Jesse: per cell and per few units of search time, a cautious first look
that spares the solver the game's exact sight test almost everywhere.

For one block of `BLOCK` search units, a cell's flag has bit `i % 64` set when guard i, at any of
his poses in the block, could see some point within `REACH` of the cell's centre by distance and
angle alone (walls ignored), with the search's widened senses. A clear flag means the exact test
(`Perception.sight_rate`) would find every guard blind to Jesse anywhere in that cell at those
times; a set bit means: ask the exact test about that guard. So the flags decide nothing on their
own, they only say where the exact test can be skipped — the route the solver finds is the same.

The flags come from tables made once per (senses, where in his cell the guard stands, his facing):
the cells such a guard might see, as offsets from his cell. A guard's pose picks a table; the block
ORs the tables of its poses in. Beyond his near sense a guard sees nobody sneaking or standing in
the dark (`Tuning.exposure_floor`) unless his flashlight's beam is on him, so cells dark all over
are flagged only by near senses and beams.
"""

from __future__ import annotations

import math

import numpy as np

from ..world.world import LIGHT_CELL

BLOCK = 4  # search units per block of flags
SUB = 4  # a guard's place in his cell, to a quarter of a tile each way
BINS = 72  # his facing, to 5 degrees
REACH = 0.75  # tiles: every point a cell's flag covers lies this close to its centre (a corner is 0.71)


class Watched:
    """Flags per block for the poses of a `Timeline`, made on demand.

    `senses` are the widened senses of the timeline's guards, in order; `unit` the ticks per
    search unit."""

    def __init__(self, timeline, senses, cols: int, rows: int, tile: int, unit: int):
        self.timeline, self.senses, self.tile, self.unit = timeline, list(senses), tile, unit
        reach = max((max(s.focus_range, s.peripheral_range, s.near_range) for s in self.senses), default=0.0)
        self.pad = math.ceil((reach + 2 * tile) / tile) + 1  # cells of margin round the map
        self.width = cols + 2 * self.pad
        self.size = self.width * (rows + 2 * self.pad)
        self.lit = self._lit(timeline.world, cols, rows)
        self.blocks: list[list[int]] = []
        self._tables: dict[tuple, np.ndarray] = {}
        self._kinds = {}  # one table set per distinct senses
        self._kind = [self._kinds.setdefault(s, len(self._kinds)) for s in self.senses]
        self._last: list = [None] * len(self.senses)

    def index(self, col: int, row: int) -> int:
        return (row + self.pad) * self.width + col + self.pad

    def at(self, unit: int) -> list[int]:
        """The flags of the block holding search unit `unit` (indexed by `index`)."""
        return self.through(unit)[unit // BLOCK]

    def through(self, unit: int) -> list[list[int]]:
        """Every block's flags, made up to the one holding `unit` (block b holds units b*BLOCK on)."""
        blocks = self.blocks
        while len(blocks) <= unit // BLOCK:
            blocks.append(self._make(len(blocks)))
        return blocks

    # ---------------------------------------------------------------- making
    def _lit(self, world, cols: int, rows: int) -> np.ndarray:
        """Per `index`: some point within REACH of the cell's centre is lit enough to be seen by
        a guard's cone, for a Jesse who sneaks or stands still (the solver's only paces)."""
        t = world.tuning
        motion = dict(t.motion_exposure)
        lit = np.zeros(self.size, dtype=bool)
        if max(motion["sneak"], motion["still"]) > t.exposure_floor:
            lit[:] = True  # his own motion shows him: nothing is dark enough
            return lit
        step = LIGHT_CELL
        light = np.asarray(world.light_cells())  # [x cell][y cell]: what the guards' eyes read
        nx, ny = light.shape
        r = REACH * self.tile
        for row in range(rows):
            y = (row + 0.5) * self.tile
            j0, j1 = max(0, int((y - r) // step)), min(ny - 1, int((y + r) // step))
            for col in range(cols):
                x = (col + 0.5) * self.tile
                i0, i1 = max(0, int((x - r) // step)), min(nx - 1, int((x + r) // step))
                lit[self.index(col, row)] = light[i0:i1 + 1, j0:j1 + 1].max() > t.exposure_floor
        return lit

    def _make(self, block: int) -> list[int]:
        flags = np.zeros(self.size, dtype=np.uint64)
        tile, width, pad = self.tile, self.width, self.pad
        for u in range(block * BLOCK, (block + 1) * BLOCK):
            for i, pose in enumerate(self.timeline.at(u * self.unit)):
                gx, gy = pose.x / tile, pose.y / tile
                gc, gr = math.floor(gx), math.floor(gy)
                key = (self._kind[i], min(SUB - 1, int((gx - gc) * SUB)), min(SUB - 1, int((gy - gr) * SUB)),
                       round(pose.facing / (2 * math.pi) * BINS) % BINS)
                place = (gc, gr, key)
                if place == self._last[i] and u != block * BLOCK:
                    continue
                self._last[i] = place
                tables = self._tables.get(key)
                if tables is None:
                    tables = self._tables[key] = self._table(self.senses[i], *key[1:])
                base = (gr + pad) * width + gc + pad
                bit = np.uint64(1 << (i % 64))
                always, if_lit = tables[0] + base, tables[1] + base
                flags[always] |= bit
                flags[if_lit[self.lit[if_lit]]] |= bit
        return flags.tolist()

    def _table(self, senses, sx: int, sy: int, facing_bin: int) -> tuple[np.ndarray, np.ndarray]:
        """Offsets (in `index` units) from a guard's cell of the cells he might see, standing
        anywhere in sub-cell (sx, sy) of his cell and facing within the bin: those he might see
        in any light, and those only if lit."""
        tile = self.tile
        span = self.pad - 1
        dc, dr = np.meshgrid(np.arange(-span, span + 1), np.arange(-span, span + 1))
        # From the sub-cell's centre to each cell's centre; slack for both ends' spread.
        vx = (dc + 0.5) * tile - (sx + 0.5) * tile / SUB
        vy = (dr + 0.5) * tile - (sy + 0.5) * tile / SUB
        slack = REACH * tile + math.sqrt(2) * tile / SUB / 2
        d = np.hypot(vx, vy)
        near = d - slack <= senses.near_range
        facing = facing_bin * 2 * math.pi / BINS
        off = np.abs((np.arctan2(vy, vx) - facing + math.pi) % (2 * math.pi) - math.pi)
        widen = np.where(d > slack, np.arcsin(np.clip(slack / np.maximum(d, 1e-6), 0.0, 1.0)), math.pi) + math.pi / BINS
        focus = (d - slack <= senses.focus_range) & (off <= senses.focus_half_angle + widen)
        side = (d - slack <= senses.peripheral_range) & (off <= senses.peripheral_half_angle + widen)
        always = near | (focus if senses.flashlight else False)
        if_lit = (focus | side) & ~always
        flat = dr * self.width + dc
        return flat[always].astype(np.int64), flat[if_lit].astype(np.int64)
