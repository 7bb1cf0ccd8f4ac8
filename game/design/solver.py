"""Prove a level beatable: search space and time for a route no guard ever notices,
then play it as input in the real simulation and believe only what the simulation says.

The guards' unalerted patrols are deterministic (`Timeline`), so where each guard
is and looks at every tick is known in advance. The search is A* over
(cell, time, what each guard has glimpsed): Jesse sneaks from cell centre to cell
centre or waits, and a state is allowed only if every guard's awareness stays
under a budget well below the suspicious threshold — measured with the game's own
perception code, on guards whose cones are widened by a safety margin (the search
samples time every few ticks; the margin covers what happens in between). Legs
run from where Jesse stands → each required item or objective → the exit.

It starts from a world state: the spawn, or a snapshot (`World.snapshot()`: a
checkpoint, or any tick of play), and plans to the end or to the next objective
only (`solve(until="next")`). With `avoid`, moving into the given cells costs
extra: the search then prefers another way (several routes through a level).

Whether a state is safe is `exposure.Exposure`'s to say (the guards' eyes on the
timeline and the awareness arithmetic); this module is the search over states: the
moves, the legs, the targets. What keeps it fast: the exact sight test runs only where
`watched.Watched` says a guard might see (a cheap, cautious flag per cell and block of
time); a stretch of time unseen is one step of arithmetic on the awareness, not one per
unit; a guard who has glimpsed nothing is not in the state at all, and of two states in
the same cell at the same time, one no worse for every guard makes the other redundant.

The route found is then proven by `proof.py`: walked in a real `World`, its
input recorded and replayed in a fresh one.
"""

from __future__ import annotations

import heapq
import math
import time
from dataclasses import dataclass, field

from ..world.ai.states import GuardState
from ..world.level import Level
from ..world.tuning import DEFAULT, Tuning
from .exposure import UNIT, Exposure, Margin
from .targets import NoTarget, Target, level_targets
from .timeline import Timeline
from .watched import BLOCK
NEIGHBOURS = [(1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (1, -1), (-1, 1), (-1, -1)]
UNTIL = ("end", "next")  # plan to the level's end, or to the next objective only
LATER = (12, 24, 48, 96)  # units: a leg planned again arrives this much later than before (1, 2, 4, 8 s)
WEIGHT = 1.3  # A*'s heuristic counts this much: a route a little slower than the fastest, found many times sooner
CORRIDORS = (1, 2, 4)  # tiles either side of the way a route unlike the known ones takes
LOOKOUT = 720  # units (a minute): how far ahead the corridor's way looks at where guards might see
WATCHED = 48  # units a step into a cell costs the corridor's way when guards might see it all the time
CORRIDOR_EXPANDED = 20_000  # states one corridor's search may look at before a wider one is tried


class NoRoute(Exception):
    """No unseen route exists within the search's horizon."""


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
class Leg:
    """One leg of a route as planned: to `target`, from (cell, unit, awareness)."""

    target: Target
    start: tuple
    later: int = 0  # times it was planned again, to arrive later (`LATER`)
    not_before: int = 0  # the unit it may arrive at, at the soonest
    path: list = field(default_factory=list)  # [(col, row, unit)]
    arrived: int = 0  # the unit it arrived at


@dataclass
class Solution:
    steps: list[Step]
    targets: list[str]
    expanded: int
    search_seconds: float
    runs: list[list] = field(default_factory=list)  # recorded input, run-length encoded, from start_tick
    ticks: int = 0  # the world's tick when the replay ended
    length_px: float = 0.0
    closest_px: float = math.inf
    events: list[dict] = field(default_factory=list)
    start_tick: int = 0  # the world's tick the route starts at (0: the spawn; else a snapshot's)
    until: str = "end"  # "end": the route completes the level; "next": it reaches targets[-1]
    reached: bool = False  # the replay did what `until` asks (set by proof.prove)
    cells: set = field(default_factory=set)  # the tiles Jesse's centre passed through in the replay
    unsettled: frozenset = frozenset()  # ids of the guards not on their rounds when it began (they may calm down)


class Search:
    """A search from one world state: the spawn, or `snapshot` (a `World.snapshot()` of this level).

    `avoid`: cells that cost `penalty` extra units each time Jesse steps into one (to find a way
    unlike a known route); `corridor=False` searches the whole map at once for it."""

    def __init__(self, level: Level, seed: int = 0, tuning: Tuning = DEFAULT, margin: Margin = Margin(),
                 horizon_s: float = 600.0, snapshot: dict | None = None, avoid=(), penalty: int = 0,
                 weight: float = WEIGHT, corridor: bool = True, still_s: float = 0.0):
        self.level, self.seed, self.tuning = level, seed, tuning
        # Jesse stays where he stands this long before his first move (Kim's eyes: while she
        # thinks, the game goes on and he waits for her answer).
        self.still_units = math.ceil(still_s * 60 / UNIT) if still_s > 0 else 0
        self.timeline = Timeline(level, tuning, seed, snapshot)
        self.world = self.timeline.world  # as it was at the start (read before the timeline runs on)
        self.origin = self.timeline.origin
        start = self.world.player
        self.start_xy = (start.x, start.y)
        # Whether Jesse is safe here and then: the guards' eyes on the timeline (its grid, with a
        # door sealed for good as a wall, and `Watched`'s flags).
        self.exposure = exposure = Exposure(level, tuning, self.timeline, margin)
        self.grid, self.watched = exposure.grid, exposure.watched
        self.shaped = self.grid.shapes is not None  # steps must clear the collision shapes too
        self.doors = {cell: door for door in self.world.doors.doors for cell in door.cells}
        # As they start; one Jesse left open before a snapshot counts as shut: the crew saw it shut,
        # so he shuts it behind him when he passes (`proof.Controller`).
        self._door_open = {cell: door.open and (door.by_guard or bool(door.obj.props["starts_open"]))
                           for cell, door in self.doors.items()}
        self.held: frozenset[str] = frozenset()  # what Jesse carries on the current leg (opens locked doors)
        self._keys: frozenset[str] = frozenset()  # the locked doors' keys among them: all moves depend on
        self._floor = {(c, r) for r in range(level.rows) for c in range(level.cols) if self.grid.is_walkable_cell(c, r)}
        self.tile = level.tile
        self.horizon = int(horizon_s * 60 / UNIT)
        speed = tuning.sneak_speed * level.tile / 60  # px per tick
        self.speed = speed
        self.move_units = {False: math.ceil(level.tile / speed / UNIT), True: math.ceil(level.tile * math.sqrt(2) / speed / UNIT)}
        self._moves_of: dict[tuple, list] = {}
        self._bounds: dict[tuple, dict] = {}
        self.calm = ()  # nobody has glimpsed anything (see `Exposure.aware`)
        self.avoid = frozenset(avoid)
        self.penalty = int(penalty) if self.avoid else 0
        self.weight = weight
        self.corridor = corridor  # with cells to avoid: try the corridors first (see `leg`)
        self.expanded = 0
        self.max_expanded = 400_000
        # Who is not on his rounds as the search starts (he may settle down on his own).
        self.unsettled = frozenset(g.id for g in self.timeline.guards if g.state != GuardState.PATROL)

    # ------------------------------------------------------------------ A*
    def _open(self, c: int, r: int) -> bool:
        door = self.doors.get((c, r))
        if door is not None:
            return not door.locked_by or self._door_open[(c, r)] or door.locked_by in self.held
        return (c, r) in self._floor

    def _passable(self, c: int, r: int) -> bool:
        """Open to walk through without a press: floor, or a door that is open."""
        return self._door_open[(c, r)] if (c, r) in self.doors else (c, r) in self._floor

    def _hold(self, things) -> None:
        """Jesse carries `things` from now on (the locked doors they open are open to him)."""
        self.held = frozenset(things)
        self._keys = frozenset(d.locked_by for d in self.doors.values() if d.locked_by in self.held)

    def _closed_door(self, c: int, r: int):
        door = self.doors.get((c, r))
        return door if door is not None and not self._door_open[(c, r)] else None

    def _centre(self, c: int, r: int) -> tuple[float, float]:
        return ((c + 0.5) * self.tile, (r + 0.5) * self.tile)

    def _moves(self, c: int, r: int) -> list:
        """[(col, row, units, door or None)] one step from (c, r), for what Jesse holds now."""
        key = (c, r, self._keys)
        moves = self._moves_of.get(key)
        if moves is None:
            moves = []
            for dc, dr in NEIGHBOURS:
                nc, nr = c + dc, r + dr
                if not self._open(nc, nr):
                    continue
                diagonal = dc != 0 and dr != 0
                if diagonal and not (self._passable(c + dc, r) and self._passable(c, r + dr)):
                    continue  # no cutting a corner past a wall, or past a door that is shut
                if self.shaped and not self.grid.shapes_allow_step(c, r, dc, dr):
                    continue
                moves.append((nc, nr, self.move_units[diagonal], self._closed_door(nc, nr)))
            self._moves_of[key] = moves
        return moves

    def _lower_bounds(self, goals, penalized: bool = True, within: set | None = None) -> dict[tuple[int, int], int]:
        """Units (and, `penalized`, the avoided cells' cost) from each cell to the nearest goal with
        no guards at all, moving only `within` those cells if given: the A* heuristic."""
        key = (frozenset(goals), self._keys, penalized)
        dist = None if within is not None else self._bounds.get(key)
        if dist is not None:
            return dist
        goals = [g for g in goals if within is None or g in within]
        dist = {g: 0 for g in goals}
        heap = [(0, g) for g in goals]
        avoid, penalty = self.avoid, self.penalty if penalized else 0
        while heap:
            d, (c, r) = heapq.heappop(heap)
            if d > dist.get((c, r), math.inf):
                continue
            extra = penalty if (c, r) in avoid else 0  # moves are symmetric: a step *into* (c, r) costs it
            for nc, nr, cost, _ in self._moves(c, r):
                nd = d + cost + extra
                if nd < dist.get((nc, nr), math.inf) and (within is None or (nc, nr) in within):
                    dist[(nc, nr)] = nd
                    heapq.heappush(heap, (nd, (nc, nr)))
        if within is None:
            self._bounds[key] = dist
        return dist

    def _corridor(self, start, goals, t0: int, width: int) -> set:
        """The cells within `width` of the guard-free way from `start` to the goals that steps into
        avoided cells least, and into cells the guards might see (`Watched`, over the next
        `LOOKOUT` units) least: where a route unlike the known ones may go."""
        blocks = self.watched.through(t0 + LOOKOUT)[t0 // BLOCK:(t0 + LOOKOUT) // BLOCK + 1]
        index, avoid, penalty = self.watched.index, self.avoid, self.penalty

        def watched(cell) -> float:
            i = index(*cell)
            return sum(1 for flags in blocks if flags[i]) / len(blocks)

        dist = {g: 0.0 for g in goals}
        heap = [(0.0, g) for g in goals]
        while heap:
            d, cell = heapq.heappop(heap)
            if d > dist.get(cell, math.inf):
                continue
            extra = (penalty if cell in avoid else 0) + WATCHED * watched(cell)
            for nc, nr, cost, _ in self._moves(*cell):
                nd = d + cost + extra
                if nd < dist.get((nc, nr), math.inf):
                    dist[(nc, nr)] = nd
                    heapq.heappush(heap, (nd, (nc, nr)))
        if start not in dist:
            raise NoRoute(f"no path at all from cell {start} to the goal")
        way, cell = [start], start
        while dist[cell] > 0:
            cell = min(((nc, nr) for nc, nr, cost, _ in self._moves(*cell) if (nc, nr) in dist),
                       key=lambda n: (dist[n], n))
            way.append(cell)
        span = range(-width, width + 1)
        return {(c + dc, r + dr) for c, r in way for dc in span for dr in span} & (self._floor | set(self.doors))

    def leg(self, start: tuple[int, int], t0: int, goals: set[tuple[int, int]], awareness: tuple | None = None,
            hold: int = 0, not_before: int = 0):
        """A* over (cell, time, what each guard has glimpsed) from `start` at unit `t0` to any goal
        cell (at unit `not_before` or later), keeping every guard below the budget; with `hold`, the
        goal cell must also stay safe for that many units (listening to Marco). Returns
        [(col, row, unit)], the awareness at the end.

        With cells to avoid, the search keeps to a corridor round the guard-free way that avoids
        them best (`CORRIDORS` wide, wider if that fails), where only time counts: the penalty
        picks the way, and the search does not wait out the penalty's worth of time elsewhere."""
        if not self.avoid or not self.penalty:
            return self._search(start, t0, goals, awareness, hold, not_before, self._lower_bounds(goals), 0,
                                self.max_expanded)
        for width in CORRIDORS if self.corridor else ():
            within = self._corridor(start, goals, t0, width)
            try:
                return self._search(start, t0, goals, awareness, hold, not_before,
                                    self._lower_bounds(goals, penalized=False, within=within), 0, CORRIDOR_EXPANDED)
            except NoRoute:
                continue
        # The guards watch that way: anywhere, each step into an avoided cell costing the penalty.
        return self._search(start, t0, goals, awareness, hold, not_before, self._lower_bounds(goals), self.penalty,
                            self.max_expanded)

    def _search(self, start, t0: int, goals, awareness, hold: int, not_before: int, h: dict, penalty: int,
                max_expanded: int):
        """The A* of `leg` with heuristic `h` (its keys: the cells it may use), `penalty` per step
        into an avoided cell, and at most `max_expanded` states looked at."""
        if start not in h:
            raise NoRoute(f"no path at all from cell {start} to the goal")
        expanded_before = self.expanded
        aw0 = self.calm if awareness is None else awareness
        counter = 0
        root = (start, t0, aw0)
        weight = self.weight
        heap = [(weight * h[start], 0, 0, root, 0)]
        parent = {root: None}
        best_g = {root: 0}
        kept: dict[tuple, list] = {(start, t0): [(0, aw0)]}  # per (cell, time): the (cost, awareness) kept
        avoid, index, centre, exposure = self.avoid, self.watched.index, self._centre, self.exposure
        at, horizon = self.watched.at, self.horizon
        walk, aware, rates = exposure.walk, exposure.aware, exposure.rates

        def push(child, g, node):
            nonlocal counter
            cell, t, aw = child
            if best_g.get(child, math.inf) <= g:
                return
            here = kept.setdefault((cell, t), [])
            for og, oaw in here:
                if og <= g and _no_worse(oaw, aw):
                    return
            here[:] = [(og, oaw) for og, oaw in here if not (g <= og and _no_worse(aw, oaw))]
            here.append((g, aw))
            best_g[child] = g
            parent[child] = node
            counter += 1
            heapq.heappush(heap, (g + weight * h[cell], -g, counter, child, g))

        while heap:
            _, _, _, node, g = heapq.heappop(heap)
            if best_g.get(node) != g:
                continue  # reached more cheaply since
            cell, t, aw = node
            if (g, aw) not in kept.get((cell, t), ()):
                continue  # another state here and now is no worse for anyone
            self.expanded += 1
            if cell in goals and t >= not_before:
                held = self.exposure.stay(cell, aw, t, hold)
                if held is not None:
                    path = [] if not hold else [(cell[0], cell[1], t + hold)]
                    step = node
                    while step is not None:
                        path.append((step[0][0], step[0][1], step[1]))
                        step = parent[step]
                    return path[::-1], held
            if t - t0 >= horizon or self.expanded - expanded_before > max_expanded:
                continue
            c, r = cell
            x0, y0 = centre(c, r)
            i0 = index(c, r)
            # Wait a unit where he stands.
            mask = at(t + 1)[i0]
            stay = aware(aw, rates(x0, y0, t + 1, False, mask) if mask else ())
            # A door he opened to stand in stays open while he does: no guard may see it open, and
            # once he is through he shuts it behind him, unheard.
            behind = self._closed_door(c, r)
            if stay is not None and (behind is None or not self.exposure.door_seen(behind, t + 1, t + 1)):
                push((cell, t + 1, stay), g + 1, node)
            for nc, nr, units, door in self._moves(c, r):
                nxt = (nc, nr)
                if nxt not in h:
                    continue
                if behind is not None:
                    if self.exposure.door_seen(behind, t + 1, t + units) or \
                            (self.doors.get(nxt) is not behind and not self.exposure.quiet(behind, t + units)):
                        continue
                a, k0 = aw, t
                if door is not None:  # a press to open it first, heard by nobody, seen open by nobody
                    if stay is None or not self.exposure.quiet(door, t + 1) or self.exposure.door_seen(door, t + 1, t + 1 + units):
                        continue
                    a, k0 = stay, t + 1
                x1, y1 = centre(nc, nr)
                a = walk(a, x0, y0, x1, y1, i0, index(nc, nr), k0, units)
                if a is not None:
                    arrive = k0 + units
                    push((nxt, arrive, a), g + (arrive - t) + (penalty if nxt in avoid else 0), node)
        raise NoRoute("every way to the goal is seen within the search horizon")

    # ------------------------------------------------------------- targets
    def _approach(self, steps: list[Step]) -> tuple[tuple[int, int], int, tuple]:
        """Jesse's cell, the unit he stands on its centre and the awareness then: from a snapshot he
        may stand anywhere in his cell, so the route begins with a walk to its centre."""
        x, y = self.start_xy
        cell = self.grid.cell_of(x, y)
        cx, cy = self._centre(*cell)
        i = self.watched.index(*cell)
        t, aw = self.still_units, self.exposure.start_awareness
        if t:
            aw = self.exposure.walk(aw, x, y, x, y, i, i, 0, t, moving=False)
            if aw is None:
                raise NoRoute("a guard would notice Jesse where he stands")
        d = math.hypot(cx - x, cy - y)
        if d < 0.75:
            return cell, t, aw
        units = math.ceil(d / self.speed / UNIT)
        aw = self.exposure.walk(aw, x, y, cx, cy, i, i, t, units)
        if aw is None:
            raise NoRoute("a guard would notice Jesse before he takes his first step")
        steps.append(Step(self.origin + t * UNIT, self.origin + (t + units) * UNIT, cx, cy))
        return cell, t + units, aw

    def solve(self, until: str = "end") -> Solution:
        """A route from the start to the exit (`until="end"`) or to the next objective on the way
        (`until="next"`: the nearest one that can be done now).

        Leg by leg, nearest ready target first. A leg that finds every way seen from where the
        last one left Jesse sends the search back: the last leg again, arriving a little later
        (1, 2, 4, 8 s), since the moment he arrives decides what the guards see next."""
        if until not in UNTIL:
            raise ValueError(f"until is one of {UNTIL}, not {until!r}")
        began = time.perf_counter()
        try:
            wanted, way_out = level_targets(self.level, self.world, self.grid, self._open)
        except NoTarget as exc:
            raise NoRoute(str(exc)) from None
        steps: list[Step] = []
        cell, t, awareness = self._approach(steps)
        remaining = wanted + [way_out]
        done: set[str] = set(self.world.objectives.done)  # what he brought in or did already is held from the start
        legs: list[Leg] = []  # the legs planned: each with the state it started from
        retry: Leg | None = None  # a leg to plan again, later
        while remaining and not (until == "next" and legs):
            if retry is None:
                ready = [w for w in remaining if all(r in done for r in w.requires)]
                if not ready:
                    raise NoRoute("requirements form a cycle")
                self._hold(done)
                # Nearest ready target first (by the guard-free lower bound).
                near = self._lower_bounds({cell})  # moves go both ways: from here is to here
                target = min(ready, key=lambda w: (min((near.get(c, math.inf) for c in w.cells), default=math.inf),
                                                   w.name))
                if not target.cells:
                    raise NoRoute(f"{target.name!r} has no walkable cell to stand in")
                leg = Leg(target, (cell, t, awareness))
            else:
                leg, retry = retry, None
                target, (cell, t, awareness) = leg.target, leg.start
                self._hold(done)
            try:
                path, after = self.leg(cell, t, target.cells, awareness, target.hold, leg.not_before)
            except NoRoute:
                if not legs or legs[-1].later >= len(LATER):
                    raise
                retry = legs.pop()
                retry.not_before = retry.arrived + LATER[retry.later]
                retry.later += 1
                remaining.append(retry.target)
                done.discard(retry.target.name)
                continue
            leg.path, leg.arrived = path, path[-1][2]
            cell, t, awareness = (path[-1][0], path[-1][1]), path[-1][2], after
            if target.press:
                awareness = self.exposure.stay(cell, awareness, t, 1) or awareness
                t += 1
            legs.append(leg)
            done.add(target.name)
            remaining.remove(target)
        for leg in legs:
            steps.extend(self._steps(leg.path, leg.target.press))
        return Solution(steps, [leg.target.name for leg in legs], self.expanded, time.perf_counter() - began,
                        start_tick=self.origin, until=until, unsettled=self.unsettled)

    def _steps(self, path, press: bool) -> list[Step]:
        """A leg's path as steps in the world's ticks: a walk per move (a press first to open a
        shut door), and the press that takes the target if it needs one."""
        origin, steps = self.origin, []
        for (c0, r0, t0), (c1, r1, t1) in zip(path, path[1:]):
            if (c0, r0) != (c1, r1):
                if self._closed_door(c1, r1) is not None:
                    steps.append(Step(origin + t0 * UNIT, origin + t0 * UNIT + UNIT, *self._centre(c0, r0),
                                      press=True, door=(c1, r1)))
                    t0 += 1
                x, y = self._centre(c1, r1)
                steps.append(Step(origin + t0 * UNIT, origin + t1 * UNIT, x, y))
        if press:
            c, r, t = path[-1]
            steps.append(Step(origin + t * UNIT, origin + t * UNIT + UNIT, *self._centre(c, r), press=True))
        return steps


def _no_worse(a: tuple, b: tuple) -> bool:
    """Awareness `a` is no worse than `b` for every guard: no higher, and (where above zero) no
    more recently fed. Entries are (guard, awareness, units unseen), by guard."""
    if not a:
        return True
    if len(a) > len(b):
        return False
    theirs = {i: (x, u) for i, x, u in b}
    for i, x, u in a:
        other = theirs.get(i)
        if other is None or x > other[0] or u < other[1]:
            return False
    return True
