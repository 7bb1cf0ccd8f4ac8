"""Where every guard is, and where he looks, at every tick of his unalerted patrol.

Unalerted patrols are deterministic, so a designer tool can know the guards'
poses over time without a player: this runs the real guard brain (the same
`Brain.think` the world uses) with nothing to see or hear. The solver and the
heatmap read these poses.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..world.ai.states import GuardState
from ..world.level import Level
from ..world.tuning import DEFAULT, TICK_RATE, Tuning
from ..world.world import World


@dataclass(frozen=True)
class Pose:
    x: float
    y: float
    facing: float


class Timeline:
    """Guard poses by tick, computed on demand and kept."""

    def __init__(self, level: Level, tuning: Tuning = DEFAULT, seed: int = 0):
        self.world = World(level, seed, tuning)
        self.guards = self.world.guards
        self.poses: list[tuple[Pose, ...]] = []
        self._signatures: list[tuple] = []  # poses plus patrol bookkeeping: equal ones mean a cycle closed
        self._record()

    def _record(self) -> None:
        self.poses.append(tuple(Pose(g.x, g.y, g.facing) for g in self.guards))
        self._signatures.append(tuple((round(g.x, 4), round(g.y, 4), round(g.facing, 5), g.route_index, g.route_dir,
                                       round(g.wait_left, 5)) for g in self.guards))

    def at(self, tick: int) -> tuple[Pose, ...]:
        while len(self.poses) <= tick:
            world = self.world
            world.brain.tick = len(self.poses) - 1
            for guard in self.guards:
                world.brain.think(guard, world.player, 0.0)
            self._record()
        return self.poses[tick]

    def guard_cycles(self, limit: int = 600 * TICK_RATE) -> list[int]:
        """For each guard, the ticks his patrol takes to repeat: from one arrival at a route point
        to the next arrival at the same point, heading the same way."""
        periods: list[int | None] = [None if g.route is not None else 1 for g in self.guards]
        first: list[tuple | None] = [None] * len(self.guards)
        for tick in range(1, limit):
            self.at(tick)
            before, now = self._signatures[tick - 1], self._signatures[tick]
            for i in range(len(self.guards)):
                if periods[i] is not None or now[i][3:5] == before[i][3:5]:
                    continue
                arrival = now[i][3:5]  # just reached a point: (next index, direction)
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
