"""Proof by replay: walk a solver's route in a real `World`, record the input, replay it
in a fresh world, and call the level proven only if it completes with no guard ever
changing state. The simulation, not the search, has the last word.

A route may start from a snapshot (`World.snapshot()`): it is walked and replayed from a world
restored from it. A route to the next objective only (`until="next"`) is proven when its replay
has done that objective, unseen.
"""

from __future__ import annotations

import math

from ..replay import Recorder, ReplayPlayer
from ..world.ai.states import Cause
from ..world.intent import IDLE, Intent
from ..world.level import Level
from ..world.tuning import DEFAULT, TICK_RATE, Tuning
from ..world.world import World
from .exposure import quiet
from .solver import Solution, Step
from .targets import EXIT
from .timeline import start_world


def opened_by_jesse(door) -> bool:
    """The door is open, and it was not the crew or the map that left it so: the crew saw it shut."""
    return door.open and not door.by_guard and not door.obj.props["starts_open"]


class Controller:
    """Turns a solution's steps into intents, tick by tick, in a real world. A door it opens to
    pass through it shuts behind Jesse once he is through, when no guard would hear it: the
    crew saw it shut, and a door found open is checked (the search plans as if every door
    were open for sight, and the guards' patrols as they run with the doors as they start)."""

    def __init__(self, steps: list[Step]):
        self.steps = list(steps)
        self.index = 0
        self.pressed_at: int | None = None
        self.behind: tuple[int, int] | None = None  # a door Jesse opened: shut it once through, if no one hears
        self.through = False  # he has been in its doorway since
        self.starting = True

    def __call__(self, world: World) -> Intent:
        intent = self._next(world)
        if self.starting:  # from a snapshot Jesse may stand in a doorway he opened: shut it behind him
            self.starting = False
            for door in world.doors.doors:
                if opened_by_jesse(door) and \
                        world.doors.in_doorway(door, world.physics.radius, world.player.x, world.player.y):
                    self.behind, self.through = door.cells[0], True
        if self.behind is not None and intent.move != (0.0, 0.0) and not intent.interact and world.tick % 2 == 0:
            door = self._door(world, self.behind)
            inside = world.doors.in_doorway(door, world.physics.radius, world.player.x, world.player.y)
            self.through = self.through or inside
            if not door.open:
                self.behind = None
            elif self.through and not inside:
                if world.interaction() != ("door", door):
                    self.behind = None  # out of reach: it stays open
                elif quiet(door, world.guards, world):
                    # Standing still for the press: a step on could bring another door nearer.
                    return Intent(sneak=intent.sneak, interact=True)
        return intent

    def _next(self, world: World) -> Intent:
        tick = world.tick
        while self.index < len(self.steps) and tick >= self.steps[self.index].end and not self._unfinished(world):
            self.index += 1
        if self.index >= len(self.steps):
            return IDLE
        step = self.steps[self.index]
        if tick < step.start:
            return IDLE
        if step.press:
            if step.door is not None and self.pressed_at is None and self._door_open(world, step.door):
                if opened_by_jesse(self._door(world, step.door)):
                    self.behind, self.through = step.door, False  # Jesse left it open: shut it behind him
                self.index += 1  # already open: pressing would close it
                return self._next(world)
            if self.pressed_at is None:
                self.pressed_at = tick
                if step.door is not None:
                    self.behind, self.through = step.door, False  # opened to pass through: the crew saw it shut
                return Intent(interact=True)
            if tick > self.pressed_at:
                self.pressed_at = None
                self.index += 1
            return IDLE
        dx, dy = step.x - world.player.x, step.y - world.player.y
        d = math.hypot(dx, dy)
        if d < 0.75:
            return IDLE
        # Sneak; on the last tick of a move, a shorter push lands on the centre exactly.
        speed = world.tuning.sneak_speed * world.tile / TICK_RATE
        push = min(1.0, d / speed)
        return Intent((dx / d * push, dy / d * push), sneak=True)

    @staticmethod
    def _door_open(world: World, cell: tuple[int, int]) -> bool:
        return any(d.open for d in world.doors.doors if cell in d.cells)

    @staticmethod
    def _door(world: World, cell: tuple[int, int]):
        return next(d for d in world.doors.doors if cell in d.cells)

    def _unfinished(self, world: World) -> bool:
        step = self.steps[self.index]
        # A press finishes itself; a walk when Jesse stands on its end point.
        return step.press or math.hypot(step.x - world.player.x, step.y - world.player.y) >= 0.75


def reached(world: World, solution: Solution) -> bool:
    """The world has done what the route is for: the level complete, or (`until="next"`) its
    last target done."""
    if solution.until == "end" or not solution.targets or solution.targets[-1] == EXIT:
        return world.outcome == "complete"
    return solution.targets[-1] in world.objectives.done


def execute(level: Level, seed: int, solution: Solution, tuning: Tuning = DEFAULT, limit_s: float = 900.0,
            snapshot: dict | None = None) -> Solution:
    """Walk the route in a real world (from `snapshot` when the route starts there), recording the
    input; then replay the recording in a fresh world. The solution's `events`, `ticks`,
    `closest_px`, `cells` and `reached` come from that replay."""
    world = start_world(level, seed, tuning, snapshot)
    recorder = Recorder(str(level.path), seed)
    controller = Controller(solution.steps)
    limit = world.tick + int(limit_s * TICK_RATE)
    while world.outcome is None and world.tick < limit and not reached(world, solution):
        intent = controller(world)
        recorder.add(intent)
        world.step(intent)
    solution.runs = recorder.runs
    return prove(level, seed, solution, tuning, limit, snapshot)


def prove(level: Level, seed: int, solution: Solution, tuning: Tuning = DEFAULT, limit: int | None = None,
          snapshot: dict | None = None, watch=None) -> Solution:
    """Replay `solution.runs` in a fresh world (restored from `snapshot`, if given); fill in what
    happened. A route to the next objective stops where its input ends; one to the end goes on
    until the level is over or `limit` (a tick; 900 s after the start by default). `watch(world)`,
    if given, is shown the world after every tick (the level report looks closer)."""
    world = start_world(level, seed, tuning, snapshot)
    player = ReplayPlayer(solution.runs)
    limit = world.tick + 900 * TICK_RATE if limit is None else limit
    if solution.until == "next":
        limit = min(limit, world.tick + sum(run[0] for run in solution.runs))
    events: list[dict] = []
    closest = math.inf
    length = 0.0
    tile = world.tile
    last = (world.player.x, world.player.y)
    cells = {(int(last[0] // tile), int(last[1] // tile))}
    while world.outcome is None and world.tick < limit:
        events.extend(world.step(player(world)))
        here = (world.player.x, world.player.y)
        length += math.dist(here, last)
        last = here
        cells.add((int(here[0] // tile), int(here[1] // tile)))
        for g in world.guards:
            closest = min(closest, math.dist(here, (g.x, g.y)))
        if watch is not None:
            watch(world)
    solution.events, solution.ticks, solution.closest_px, solution.length_px = events, world.tick, closest, length
    solution.cells, solution.reached = cells, reached(world, solution)
    return solution


# Changes a guard who was not on his rounds when the route began goes through by himself.
SETTLING = frozenset({Cause.LOST_INTEREST, Cause.CHECKING, Cause.NOTHING_HERE, Cause.NO_ONE_HERE, Cause.LOST_HIM,
                      Cause.GAVE_UP, Cause.BACK_ON_ROUTE})


def noticed(solution: Solution, what: str = "the route") -> str:
    """Why a replay that did not prove did not, in a line: the first guard who noticed it and
    when, or that it never got where it was going."""
    trouble = next((e for e in solution.events if e["type"] in ("guard_state", "caught")), None)
    if trouble is None:
        return f"{what} did not get there when replayed"
    return f"guard {trouble['guard']} noticed {what} at {trouble['tick'] / TICK_RATE:.1f} s"


def proven(solution: Solution) -> bool:
    """Done what it set out to do, and no guard ever so much as turned his head (one who was
    already looking for Jesse when the route began may only calm down, as he would alone)."""
    if not solution.reached:
        return False
    for e in solution.events:
        if e["type"] == "caught":
            return False
        if e["type"] == "guard_state" and not (e["guard"] in solution.unsettled and e["cause"] in SETTLING):
            return False
    return True
