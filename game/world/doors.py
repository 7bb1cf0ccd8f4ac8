"""Doors: closed ones block sight, hearing paths and movement; Jesse opens them with interact.

A door is a rectangle on the map (`Door`, with `locked_by` and `starts_open`).
While closed, its cells are blocked on the grid (opaque and unwalkable) and a
static box stops Jesse in pymunk. Opening or closing makes a noise.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .grid import Grid
from .shaped_grid import make_grid
from .physics import Physics
from .snapshot import Stateful
from .tmx import MapObject
from .zones import cells_under

SEALED = "\0sealed"  # a lock no item opens (the finale's trap)


@dataclass
class Door:
    obj: MapObject
    cells: list[tuple[int, int]]
    open: bool
    locked_by: str
    by_guard: bool = False  # a guard opened it last: no one of the crew finds that suspicious

    @property
    def id(self) -> int:
        return self.obj.id

    @property
    def center(self) -> tuple[float, float]:
        return self.obj.center


class Doors(Stateful):
    # `through` is derived (the locked doors as they are), rebuilt by set_play_state.
    STATIC = frozenset({"grid", "physics", "tile", "through"})

    def play_state(self) -> dict:
        return {**super().play_state(), "grid_version": self.grid.version}

    def set_play_state(self, state: dict) -> None:
        """Each door as saved; the grid's blocked cells and the pymunk boxes follow, and the grid's
        version is the saved one (a guard's planned path stays planned)."""
        state = dict(state)
        version = state.pop("grid_version")
        for door, saved in zip(self.doors, state.pop("doors")):
            if door.open != saved.open:
                (self._open if saved.open else self._close)(door)
            door.open, door.locked_by, door.by_guard = saved.open, saved.locked_by, saved.by_guard
        super().set_play_state(state)
        self.grid.version = version
        self._lock_through()

    def __init__(self, objects: list[MapObject], grid: Grid, physics: Physics, tile: int):
        self.grid, self.physics, self.tile = grid, physics, tile
        self.doors: list[Door] = []
        for obj in objects:
            cells = cells_under(obj, tile, grid.cols, grid.rows)
            door = Door(obj, cells, bool(obj.props["starts_open"]), obj.props["locked_by"])
            self.doors.append(door)
            if not door.open:
                self._close(door)
        # Where a guard can plan to go when the doors in his way are unlocked: they open on his
        # way (the world opens them for him). Only the locked ones are in it.
        self.through = make_grid(grid.solid, tile, grid.shapes.pieces if grid.shapes else ())
        self._lock_through()

    def _lock_through(self) -> None:
        locked = {cell for d in self.doors if d.locked_by for cell in d.cells}
        shut = {(c, r) for r, c in zip(*np.nonzero(self.through.blocked))}
        if locked != shut:
            self.through.set_blocked(shut - locked, False)
            self.through.set_blocked(locked - shut, True)

    def _close(self, door: Door) -> None:
        self.grid.set_blocked(door.cells, True)
        o = door.obj
        self.physics.add_box(door.id, o.x, o.y, o.width, o.height)

    def _open(self, door: Door) -> None:
        self.grid.set_blocked(door.cells, False)
        self.physics.remove_box(door.id)

    def seal(self, door: Door, body_radius: float, px: float, py: float, others=()) -> bool:
        """Slam it shut and lock it for good; False (try again next tick) while someone is in the
        doorway."""
        if door.open and not self.toggle(door, body_radius, px, py, others):
            return False
        door.locked_by = SEALED
        self._lock_through()
        return True

    def at(self, x: float, y: float) -> Door | None:
        """The door whose cells hold the point."""
        cell = (int(x // self.tile), int(y // self.tile))
        return next((d for d in self.doors if cell in d.cells), None)

    def nearest(self, x: float, y: float, reach: float) -> Door | None:
        """The door whose rectangle is within `reach` px of the point, nearest first."""
        best, best_d = None, reach
        for door in self.doors:
            o = door.obj
            dx = max(o.x - x, 0.0, x - (o.x + o.width))
            dy = max(o.y - y, 0.0, y - (o.y + o.height))
            d = math.hypot(dx, dy)
            if d <= best_d:
                best, best_d = door, d
        return best

    @staticmethod
    def in_doorway(door: Door, body_radius: float, x: float, y: float) -> bool:
        """A body of `body_radius` at (x, y) is in the door's way: it would not close on him."""
        o = door.obj
        return o.x - body_radius < x < o.x + o.width + body_radius and o.y - body_radius < y < o.y + o.height + body_radius

    def toggle(self, door: Door, body_radius: float, px: float, py: float, others=()) -> bool:
        """Open or close; a door will not close on Jesse, nor on anyone in `others` ((x, y) of
        guards). True if it moved."""
        if door.open:
            if any(self.in_doorway(door, body_radius, bx, by) for bx, by in [(px, py), *others]):
                return False
            self._close(door)
        else:
            self._open(door)
        door.open = not door.open
        return True
