"""The simulation: one `World` per level attempt, advanced only by `step()`.

Pure and deterministic: no window, sound, clock or keyboard; randomness only
from the world's own seeded `random.Random`. Same level + seed + intents give
the same events, bit for bit — headless tests, replays and the solver rely on it.
"""

from __future__ import annotations

import math
import random

from .actors import Guard, Player
from .events import event
from .intent import Intent
from .level import Level
from .physics import Physics
from .tuning import DEFAULT, DT, Tuning


class World:
    def __init__(self, level: Level, seed: int = 0, tuning: Tuning = DEFAULT):
        self.level = level
        self.seed = seed
        self.tuning = tuning
        self.rng = random.Random(seed)
        self.tick = 0
        self.outcome: str | None = None  # None while playing, then "caught" or "complete"
        tile = level.tile
        self.player = Player(*level.spawn)
        self.physics = Physics(level, level.spawn, tuning.player_radius * tile)
        self.guards = [Guard.from_spec(spec) for spec in level.guards]
        self._speeds = {
            "sneak": tuning.sneak_speed * tile,
            "walk": tuning.walk_speed * tile,
            "sprint": tuning.sprint_speed * tile,
        }

    # ------------------------------------------------------------------ step
    def step(self, intent: Intent) -> list[dict]:
        """Advance one tick (1/60 s) and return the events it produced."""
        events: list[dict] = []
        if self.outcome is None:
            self._move_player(intent.clamped())
            self.physics.step(DT)
            self.player.x, self.player.y = self.physics.position
        self.tick += 1
        return events

    def _move_player(self, intent: Intent) -> None:
        mx, my = intent.move
        push = math.hypot(mx, my)
        player = self.player
        if push < 1e-3:
            player.pace, player.speed = "still", 0.0
            self.physics.set_velocity(0.0, 0.0)
            return
        if intent.sprint and not intent.sneak:
            pace = "sprint"
        elif intent.sneak or push < self.tuning.stick_sneak_below:
            pace = "sneak"
        else:
            pace = "walk"
        speed = self._speeds[pace] * min(1.0, push if pace != "sneak" else 1.0)
        player.pace, player.speed = pace, speed
        player.facing = math.atan2(my, mx)
        self.physics.set_velocity(mx / push * speed, my / push * speed)
