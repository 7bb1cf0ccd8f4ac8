"""Prove a level beatable: search space and time for a route no guard ever notices,
then play it as input in the real simulation and believe only what the simulation says.

The guards' unalerted patrols are deterministic (`Timeline`), so where each guard
is and looks at every tick is known in advance. The search is A* over
(cell, time): Jesse sneaks from cell centre to cell centre or waits, and a state
is allowed only if no guard could see him there and then — checked with the
game's own perception code, on guards whose cones are widened by a safety margin
(the search samples time every few ticks; the margin covers what happens in
between). Legs run spawn → each required item or objective → the exit.

The route found is then proven by `proof.py`: walked in a real `World`, its
input recorded and replayed in a fresh one.
"""

from __future__ import annotations

import heapq
import math
import time
from dataclasses import dataclass, field, replace

from ..world.actors import Player
from ..world.ai.states import GuardState
from ..world.shaped_grid import make_grid
from ..world.level import Level
from ..world.objectives import requirement_ids
from ..world.zones import contains
from ..world.perception import Perception
from ..world.tuning import DEFAULT, Tuning
from .timeline import Timeline

UNIT = 5  # ticks between the search's looks at the world
NEIGHBOURS = [(1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (1, -1), (-1, 1), (-1, -1)]


def quiet(door, guards, world) -> bool:
    """Opening or shutting `door` now is heard by none of `guards` (straight-line distance and a
    tile to spare: cautious)."""
    cx, cy = door.center
    radius = world.tuning.noise_door * world.tile * world.acoustics.floor_factor(cx, cy)
    return all(math.hypot(g.x - cx, g.y - cy) > radius * g.senses.hearing + world.tile for g in guards)


class NoRoute(Exception):
    """No unseen route exists within the search's horizon."""


@dataclass(frozen=True)
class Margin:
    """How much wider than real the guards' senses are during the search."""

    angle_deg: float = 12.0
    range_px: float = 24.0

    def widen(self, senses):
        a = math.radians(self.angle_deg)
        return replace(senses, focus_range=senses.focus_range + self.range_px,
                       focus_half_angle=min(math.pi, senses.focus_half_angle + a),
                       peripheral_range=senses.peripheral_range + self.range_px,
                       peripheral_half_angle=min(math.pi, senses.peripheral_half_angle + a),
                       near_range=senses.near_range + self.range_px)


@dataclass
class Step:
    """From tick `start` to `end`: walk to (x, y), or press interact at `start`."""

    start: int
    end: int
    x: float
    y: float
    press: bool = False
    door: tuple[int, int] | None = None  # a press that opens the door in this cell (skipped if it is open)


@dataclass
class Solution:
    steps: list[Step]
    targets: list[str]
    expanded: int
    search_seconds: float
    runs: list[list] = field(default_factory=list)  # recorded input, run-length encoded
    ticks: int = 0
    length_px: float = 0.0
    closest_px: float = math.inf
    events: list[dict] = field(default_factory=list)


class _Seen:
    """A guard as the search sees him: posed from the timeline, with widened senses."""

    __slots__ = ("x", "y", "facing", "senses", "state", "knows_spot")

    def __init__(self, x, y, facing, senses):
        self.x, self.y, self.facing, self.senses = x, y, facing, senses
        self.state, self.knows_spot = GuardState.PATROL, None

    @property
    def focus_range(self):
        return self.senses.focus_range


class Search:
    def __init__(self, level: Level, seed: int = 0, tuning: Tuning = DEFAULT, margin: Margin = Margin(),
                 horizon_s: float = 600.0):
        self.level, self.seed, self.tuning = level, seed, tuning
        self.timeline = Timeline(level, tuning, seed)
        self.world = self.timeline.world
        # Sight is checked as if every door were open: Jesse may open them, and a guard then sees
        # further. Cautious, and it keeps the search's world fixed.
        self.grid = make_grid(level.solid, level.tile, level.shapes)
        self.shaped = self.grid.shapes is not None  # steps must clear the collision shapes too
        self.doors = {cell: door for door in self.world.doors.doors for cell in door.cells}
        self.held: set[str] = set()  # what Jesse carries on the current leg (opens locked doors)
        self.tile = level.tile
        self.perception = Perception(tuning, level.tile)
        self.senses = [margin.widen(g.senses) for g in self.timeline.guards]
        self.horizon = int(horizon_s * 60 / UNIT)
        speed = tuning.sneak_speed * level.tile / 60  # px per tick
        self.move_units = {False: math.ceil(level.tile / speed / UNIT), True: math.ceil(level.tile * math.sqrt(2) / speed / UNIT)}
        self._guards_at: dict[int, list[_Seen]] = {}
        self._rates: dict[tuple, tuple] = {}
        self.unit_s = UNIT / 60
        self.budget = tuning.suspicious_enter * 0.6
        self.grace_units = math.ceil(tuning.drain_grace * 60 / UNIT)
        self.drain = tuning.drain_rate * self.unit_s
        self.calm = tuple((0.0, self.grace_units + 1) for _ in self.senses)
        self.spots = level.of_kind("HidingSpot")
        self.expanded = 0
        self.max_expanded = 400_000

    # ------------------------------------------------------------ is it safe
    def guards_at(self, unit: int) -> list[_Seen]:
        seen = self._guards_at.get(unit)
        if seen is None:
            poses = self.timeline.at(unit * UNIT)
            seen = [_Seen(p.x, p.y, p.facing, s) for p, s in zip(poses, self.senses)]
            self._guards_at[unit] = seen
        return seen

    def rates(self, x: float, y: float, unit: int, moving: bool) -> tuple[float, ...]:
        """Awareness per second each guard would gain from Jesse here and then (widened senses)."""
        key = (round(x, 1), round(y, 1), unit, moving)
        hit = self._rates.get(key)
        if hit is None:
            spot = next((s.id for s in self.spots if contains(s, x, y)), None)
            me = Player(x, y, pace="sneak" if moving else "still", hidden=spot is not None, hiding_spot=spot)
            light = self.world.light_at(x, y)
            hit = tuple(self.perception.sight_rate(g, me, light, self.grid) for g in self.guards_at(unit))
            self._rates[key] = hit
        return hit

    def aware(self, awareness: tuple, rates: tuple[float, ...]) -> tuple | None:
        """Each guard's (awareness, units unseen) after one more unit; None once one would notice.

        Awareness drains only after the game's grace period, as in the game; the budget is kept
        well under the suspicious threshold."""
        out = []
        for (a, unseen), rate in zip(awareness, rates):
            if rate > 0.0:
                a, unseen = a + rate * self.unit_s, 0
                if a >= self.budget:
                    return None
            else:
                unseen = min(unseen + 1, self.grace_units + 1)
                if unseen > self.grace_units:
                    a = max(0.0, a - self.drain)
            out.append((round(a, 3), unseen))
        return tuple(out)

    # ------------------------------------------------------------------ A*
    def _open(self, c: int, r: int) -> bool:
        door = self.doors.get((c, r))
        if door is not None:
            return not door.locked_by or door.open or door.locked_by in self.held
        return self.grid.is_walkable_cell(c, r)

    def _closed_door(self, c: int, r: int):
        door = self.doors.get((c, r))
        return door if door is not None and not door.open else None

    def _quiet(self, door, unit: int) -> bool:
        return quiet(door, self.guards_at(unit), self.world)

    def _centre(self, c: int, r: int) -> tuple[float, float]:
        return ((c + 0.5) * self.tile, (r + 0.5) * self.tile)

    def _moves(self, c: int, r: int):
        for dc, dr in NEIGHBOURS:
            nc, nr = c + dc, r + dr
            if not self._open(nc, nr):
                continue
            diagonal = dc != 0 and dr != 0
            if diagonal and not (self._open(c + dc, r) and self._open(c, r + dr)):
                continue
            if self.shaped and not self.grid.shapes_allow_step(c, r, dc, dr):
                continue
            yield nc, nr, self.move_units[diagonal]

    def _lower_bounds(self, goals: set[tuple[int, int]]) -> dict[tuple[int, int], int]:
        """Units from each cell to the nearest goal with no guards at all (the A* heuristic)."""
        dist = {g: 0 for g in goals}
        heap = [(0, g) for g in goals]
        while heap:
            d, (c, r) = heapq.heappop(heap)
            if d > dist.get((c, r), math.inf):
                continue
            for nc, nr, cost in self._moves(c, r):
                nd = d + cost
                if nd < dist.get((nc, nr), math.inf):
                    dist[(nc, nr)] = nd
                    heapq.heappush(heap, (nd, (nc, nr)))
        return dist

    def leg(self, start: tuple[int, int], t0: int, goals: set[tuple[int, int]], awareness: tuple | None = None,
            hold: int = 0):
        """A* over (cell, time, what each guard has glimpsed) from `start` at unit `t0` to any goal
        cell, keeping every guard below the budget; with `hold`, the goal cell must also stay safe
        for that many units (listening to Marco). Returns [(col, row, unit)], the awareness at the end."""
        h = self._lower_bounds(goals)
        if start not in h:
            raise NoRoute(f"no path at all from cell {start} to the goal")
        awareness = awareness or self.calm
        counter = 0
        root = (start, t0, awareness)
        heap = [(t0 + h[start], t0, counter, root)]
        parent = {root: None}
        while heap:
            _, t, _, node = heapq.heappop(heap)
            cell, _, aw = node
            self.expanded += 1
            if cell in goals:
                held = self._hold(cell, t, aw, hold)
                if held is not None:
                    path = [] if not hold else [(cell[0], cell[1], t + hold)]
                    at = node
                    while at is not None:
                        path.append((at[0][0], at[0][1], at[1]))
                        at = parent[at]
                    return path[::-1], held
            if t >= self.horizon or self.expanded > self.max_expanded:
                continue
            c, r = cell
            x0, y0 = self._centre(c, r)
            # Wait a unit where he stands.
            nxt_aw = self.aware(aw, self.rates(x0, y0, t + 1, False))
            if nxt_aw is not None:
                counter = self._push(heap, parent, node, (cell, t + 1, nxt_aw), t + 1 + h[cell], counter)
            for nc, nr, units in self._moves(c, r):
                nxt = (nc, nr)
                if nxt not in h:
                    continue
                door = self._closed_door(nc, nr)
                a, k0 = aw, t
                if door is not None:  # a press to open it first, heard by nobody
                    if not self._quiet(door, t + 1):
                        continue
                    a, k0 = self.aware(a, self.rates(x0, y0, t + 1, False)), t + 1
                x1, y1 = self._centre(nc, nr)
                for k in range(1, units + 1):
                    if a is None:
                        break
                    a = self.aware(a, self.rates(x0 + (x1 - x0) * k / units, y0 + (y1 - y0) * k / units, k0 + k, True))
                if a is not None:
                    arrive = k0 + units
                    counter = self._push(heap, parent, node, (nxt, arrive, a), arrive + h[nxt], counter)
        raise NoRoute("every way to the goal is seen within the search horizon")

    def _hold(self, cell, t: int, aw: tuple, units: int) -> tuple | None:
        """The awareness after standing still in `cell` for `units`, or None if someone would notice."""
        x, y = self._centre(*cell)
        for k in range(1, units + 1):
            aw = self.aware(aw, self.rates(x, y, t + k, False))
            if aw is None:
                return None
        return aw

    @staticmethod
    def _push(heap, parent, node, child, f, counter):
        if child in parent:
            return counter
        parent[child] = node
        counter += 1
        heapq.heappush(heap, (f, child[1], counter, child))
        return counter

    # ------------------------------------------------------------- targets
    def _cells_where(self, test) -> set[tuple[int, int]]:
        return {(c, r) for r in range(self.level.rows) for c in range(self.level.cols)
                if self._open(c, r) and test(*self._centre(c, r))}

    def targets(self) -> tuple[list[dict], set]:
        """What the exit needs, each with the cells to stand in, whether it takes a press, how long
        to stay there, and what it needs first; plus the exit's cells."""
        items = {o.props["item"]: o for o in self.level.of_kind("Item")}
        objectives = {o.props["objective"]: o for o in self.level.of_kind("Objective")}
        confessions = {c.objective: c for c in self.world.confessions}
        exits = self.level.of_kind("Exit")
        if not exits:
            raise NoRoute("the map has no Exit")
        reach = self.world.physics.radius + 0.9 * self.tile - 4.0
        brought = set(self.world.objectives.done)  # what he carries in from before (Walt's key)
        requires = {i: [r for r in requirement_ids(o.props["requires"]) if r not in brought]
                    for i, o in objectives.items()}
        requires.update({i: [r for r in c.requires if r not in brought] for i, c in confessions.items()})

        def needs(ids, seen):
            for i in ids:
                if i not in seen and i not in brought:
                    seen.append(i)
                    needs(requires.get(i, []), seen)
            return seen

        best_exit = min(exits, key=lambda e: len(needs(requirement_ids(e.props["requires"]), [])))
        out = []
        for i in needs(requirement_ids(best_exit.props["requires"]), []):
            target = {"name": i, "press": False, "hold": 0, "requires": requires.get(i, [])}
            if i in items:
                item = items[i]
                target.update(cells=self._cells_where(lambda x, y, it=item: math.hypot(x - it.x, y - it.y) <= reach),
                              press=True)
            elif i in objectives:
                obj = objectives[i]
                target["cells"] = self._cells_where(lambda x, y, o=obj: contains(o, x, y))
            elif i in confessions:
                target.update(cells=self._earshot_cells(confessions[i]),
                              hold=math.ceil(confessions[i].seconds * 60 / UNIT) + 6)
            else:
                raise NoRoute(f"the exit needs {i!r}, which no Item, Objective or Marco provides")
            out.append(target)
        return out, self._cells_where(lambda x, y: contains(best_exit, x, y))

    def _earshot_cells(self, confession) -> set[tuple[int, int]]:
        """Cells from which Jesse hears Marco, a tile inside the limit to be safe, wherever on his
        rounds Marco is (he paces between his places while he talks)."""
        marco = self.world.guards[confession.guard_index]
        places = [confession.home] + (list(marco.route.points) if marco.route is not None else [])
        cells = None
        for x, y in places:
            field = self.grid.distance_field(x, y, max(0.0, confession.earshot - self.tile))
            near = {cell for cell, d in field.items() if self._open(*cell) and cell != self.grid.cell_of(x, y)}
            cells = near if cells is None else cells & near
        return cells or set()

    def solve(self) -> Solution:
        began = time.perf_counter()
        wanted, exit_cells = self.targets()
        done: set[str] = set(self.world.objectives.done)  # what he brought in is held from the start
        cell = self.grid.cell_of(*self.level.spawn)
        t = 0
        awareness = self.calm
        steps: list[Step] = []
        order: list[str] = []
        remaining = list(wanted) + [{"name": "exit", "cells": exit_cells, "press": False, "hold": 0,
                                     "requires": [w["name"] for w in wanted]}]
        while remaining:
            ready = [w for w in remaining if all(r in done for r in w["requires"])]
            if not ready:
                raise NoRoute("requirements form a cycle")
            # Nearest ready target first (by the guard-free lower bound).
            target = min(ready, key=lambda w: (self._lower_bounds(w["cells"]).get(cell, math.inf), w["name"]))
            if not target["cells"]:
                raise NoRoute(f"{target['name']!r} has no walkable cell to stand in")
            self.held = set(done)
            path, awareness = self.leg(cell, t, target["cells"], awareness, target["hold"])
            for (c0, r0, t0), (c1, r1, t1) in zip(path, path[1:]):
                if (c0, r0) != (c1, r1):
                    if self._closed_door(c1, r1) is not None:
                        steps.append(Step(t0 * UNIT, t0 * UNIT + UNIT, *self._centre(c0, r0), press=True,
                                          door=(c1, r1)))
                        t0 += 1
                    x, y = self._centre(c1, r1)
                    steps.append(Step(t0 * UNIT, t1 * UNIT, x, y))
            cell, t = (path[-1][0], path[-1][1]), path[-1][2]
            order.append(target["name"])
            if target["press"]:
                steps.append(Step(t * UNIT, t * UNIT + UNIT, *self._centre(*cell), press=True))
                awareness = self.aware(awareness, self.rates(*self._centre(*cell), t + 1, False)) or awareness
                t += 1
            done.add(target["name"])
            remaining.remove(target)
        return Solution(steps, order, self.expanded, time.perf_counter() - began)
