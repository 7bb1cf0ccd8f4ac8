"""Where every guard is, and where he looks, at every tick of his unalerted patrol.

Unalerted patrols are deterministic, so a designer tool can know the guards'
poses over time without a player: this runs the real guard brain (the same
`Brain.think` the world uses) with nothing to see or hear. The solver and the
heatmap read these poses.

A timeline starts where its world stands: a fresh world (the spawn), or one restored from a
snapshot (a checkpoint, or any tick of play). Its ticks count from there: `at(0)` is the guards
as the snapshot has them. The crew's alert phase runs on as the world runs it (a crew still on
its guard looks about at its route points and sees a little better until the caution is over):
`wary(tick)` says whether it still is.
"""

from __future__ import annotations

from dataclasses import replace
from typing import NamedTuple

from ..world.ai.states import GuardState
from ..world.alarm import AlertPhase
from ..world.level import Level
from ..world.tuning import DEFAULT, TICK_RATE, Tuning
from ..world.world import World


class Pose(NamedTuple):
    x: float
    y: float
    facing: float


def start_world(level: Level, seed: int, tuning: Tuning = DEFAULT, snapshot: dict | None = None) -> World:
    """The world a timeline, a search or a route starts in: fresh at the spawn, or restored from
    `snapshot`."""
    return World.restore(level, seed, snapshot, tuning) if snapshot else World(level, seed, tuning)


class Timeline:
    """Guard poses by tick, computed on demand and kept."""

    def __init__(self, level: Level, tuning: Tuning = DEFAULT, seed: int = 0, snapshot: dict | None = None):
        self.world = start_world(level, seed, tuning, snapshot)
        self.origin = self.world.tick  # the world's tick at this timeline's tick 0
        self.guards = self.world.guards
        self.poses: list[tuple[Pose, ...]] = []
        self._wary: list[bool] = []
        self._legs: list[tuple] = []  # per tick, each guard's (route point he heads for, direction): arrivals
        self._record()

    def _record(self) -> None:
        self._wary.append(self.world.alarm.wary)
        self.poses.append(tuple(Pose(g.x, g.y, g.facing) for g in self.guards))
        self._legs.append(tuple((g.route_index, g.route_dir) for g in self.guards))

    def at(self, tick: int) -> tuple[Pose, ...]:
        while len(self.poses) <= tick:
            world = self.world
            brain, alarm = world.brain, world.alarm
            brain.tick = self.origin + len(self.poses) - 1
            brain.wary = alarm.wary
            for guard in self.guards:
                brain.think(guard, world.player, 0.0)
            if alarm.phase != AlertPhase.CALM:  # the phase's timer runs down as in the world (calm: nothing to do)
                alarm.update(self.guards, brain.tick, [])
            self._record()
        return self.poses[tick]

    def wary(self, tick: int) -> bool:
        """The crew was on its guard at `tick` (sight fills faster: `Tuning.caution_awareness`)."""
        self.at(tick)
        return self._wary[tick]

    def guard_cycles(self, limit: int = 600 * TICK_RATE) -> list[int]:
        """For each guard, the ticks his patrol takes to repeat: from one arrival at a route point
        to the next arrival at the same point, heading the same way."""
        periods: list[int | None] = [None if g.route is not None else 1 for g in self.guards]
        first: list[tuple | None] = [None] * len(self.guards)
        for tick in range(1, limit):
            self.at(tick)
            before, now = self._legs[tick - 1], self._legs[tick]
            for i in range(len(self.guards)):
                if periods[i] is not None or now[i] == before[i]:
                    continue
                arrival = now[i]  # just reached a point: (next index, direction)
                if first[i] is None:
                    first[i] = (tick, arrival)
                elif first[i][1] == arrival:
                    periods[i] = tick - first[i][0]
            if all(p is not None for p in periods):
                break
        return [p or limit for p in periods]

    def cycle_ticks(self, limit: int = 600 * TICK_RATE) -> int:
        """One full patrol cycle: the longest guard's period (every guard has walked his route)."""
        return max(self.guard_cycles(limit), default=1)

    def posed(self, tick: int) -> list:
        """Copies of the guards standing as they do at `tick` (for the perception code)."""
        return [replace(g, x=p.x, y=p.y, facing=p.facing, state=GuardState.PATROL, awareness=0.0, knows_spot=None)
                for g, p in zip(self.guards, self.at(tick))]
