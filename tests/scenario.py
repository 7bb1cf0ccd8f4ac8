"""Driving the headless simulation in tests: scripted input and event collection."""

from __future__ import annotations

import math
from pathlib import Path

from game.world.intent import IDLE, Intent
from game.world.level import load_level
from game.world.world import World

MAPS = Path(__file__).resolve().parent / "maps"
TILE = 32


def tile_centre(col: float, row: float) -> tuple[float, float]:
    return ((col + 0.5) * TILE, (row + 0.5) * TILE)


def world_for(name: str, seed: int = 0) -> World:
    return World(load_level(MAPS / name), seed)


def toward(world: World, point, pace: str = "walk", throw=None) -> Intent:
    """An intent that walks Jesse toward `point` (stops when there)."""
    dx, dy = point[0] - world.player.x, point[1] - world.player.y
    d = math.hypot(dx, dy)
    if d < 2.0:
        return Intent(throw=throw)
    return Intent((dx / d, dy / d), sneak=pace == "sneak", sprint=pace == "sprint", throw=throw)


class Route:
    """Walk through tile waypoints in order at a pace, then stand still."""

    def __init__(self, tiles, pace="walk"):
        self.points = [tile_centre(c, r) for c, r in tiles]
        self.pace = pace

    def __call__(self, world: World) -> Intent:
        while self.points and math.hypot(self.points[0][0] - world.player.x, self.points[0][1] - world.player.y) < 3.0:
            self.points.pop(0)
        return toward(world, self.points[0], self.pace) if self.points else IDLE

    @property
    def done(self) -> bool:
        return not self.points


def run(world: World, player, seconds: float, until=None, each_tick=None) -> list[dict]:
    """Step until time runs out, the level ends, or `until(world, events)` is true; return all events."""
    events: list[dict] = []
    for _ in range(round(seconds * 60)):
        events.extend(world.step(player(world)))
        if each_tick is not None:
            each_tick(world)
        if world.outcome is not None or (until is not None and until(world, events)):
            break
    return events


def states_of(events: list[dict], guard_id: int) -> list[str]:
    """The sequence of states a guard went through, starting with the first `from`."""
    changes = [e for e in events if e["type"] == "guard_state" and e["guard"] == guard_id]
    return [changes[0]["from"]] + [e["to"] for e in changes] if changes else []


class Script:
    """A sequence of steps: ("go", [tiles], pace) walks a route, ("press",) taps interact once."""

    def __init__(self, *steps):
        self.steps = list(steps)
        self.route: Route | None = None
        self.released = True

    def __call__(self, world: World) -> Intent:
        while self.steps:
            step = self.steps[0]
            if step[0] == "press":
                if self.released:
                    self.released = False
                    return Intent(interact=True)
                self.released = True
                self.steps.pop(0)
                return IDLE
            if self.route is None:
                self.route = Route(step[1], step[2] if len(step) > 2 else "sneak")
            if not self.route.done:
                intent = self.route(world)
                if not self.route.done:
                    return intent
            self.route = None
            self.steps.pop(0)
        return IDLE


def progress_map_solution() -> Script:
    """Beats tests/maps/progress.tmx: key, door, ledger, exit."""
    return Script(("go", [(3, 1)]), ("press",), ("go", [(8, 3)]), ("press",),
                  ("go", [(10, 3), (12, 2)]), ("go", [(17, 2)]))
