"""Proof by replay: walk a solver's route in a real `World`, record the input, replay it
in a fresh world, and call the level proven only if it completes with no guard ever
changing state. The simulation, not the search, has the last word.
"""

from __future__ import annotations

import math

from ..replay import Recorder, ReplayPlayer
from ..world.intent import IDLE, Intent
from ..world.level import Level
from ..world.tuning import DEFAULT, TICK_RATE, Tuning
from ..world.world import World
from .solver import Solution, Step, quiet


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

    def __call__(self, world: World) -> Intent:
        intent = self._next(world)
        if self.behind is not None and intent.move != (0.0, 0.0) and not intent.interact and world.tick % 2 == 0:
            door = next(d for d in world.doors.doors if self.behind in d.cells)
            inside = world.doors.in_doorway(door, world.physics.radius, world.player.x, world.player.y)
            self.through = self.through or inside
            if not door.open:
                self.behind = None
            elif self.through and not inside:
                if world.interaction() != ("door", door):
                    self.behind = None  # out of reach: it stays open
                elif quiet(door, world.guards, world):
                    return Intent(intent.move, sneak=intent.sneak, interact=True)
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

    def _unfinished(self, world: World) -> bool:
        step = self.steps[self.index]
        # A press finishes itself; a walk when Jesse stands on its end point.
        return step.press or math.hypot(step.x - world.player.x, step.y - world.player.y) >= 0.75


def execute(level: Level, seed: int, solution: Solution, tuning: Tuning = DEFAULT, limit_s: float = 900.0) -> Solution:
    """Walk the route in a real world, recording the input; then replay the recording in a fresh
    world. The solution's `events`, `ticks` and `closest_px` come from that replay."""
    world = World(level, seed, tuning)
    recorder = Recorder(str(level.path), seed)
    controller = Controller(solution.steps)
    limit = int(limit_s * TICK_RATE)
    while world.outcome is None and world.tick < limit:
        intent = controller(world)
        recorder.add(intent)
        world.step(intent)
    solution.runs = recorder.runs
    return prove(level, seed, solution, tuning, limit)


def prove(level: Level, seed: int, solution: Solution, tuning: Tuning = DEFAULT, limit: int = 900 * TICK_RATE) -> Solution:
    """Replay `solution.runs` in a fresh world; fill in what happened."""
    world = World(level, seed, tuning)
    player = ReplayPlayer(solution.runs)
    events: list[dict] = []
    closest = math.inf
    length = 0.0
    last = (world.player.x, world.player.y)
    while world.outcome is None and world.tick < limit:
        events.extend(world.step(player(world)))
        here = (world.player.x, world.player.y)
        length += math.dist(here, last)
        last = here
        for g in world.guards:
            closest = min(closest, math.dist(here, (g.x, g.y)))
    solution.events, solution.ticks, solution.closest_px, solution.length_px = events, world.tick, closest, length
    return solution


def proven(solution: Solution) -> bool:
    """Complete, and no guard ever so much as turned his head."""
    types = [e["type"] for e in solution.events]
    return "chapter_complete" in types and "guard_state" not in types and "caught" not in types
