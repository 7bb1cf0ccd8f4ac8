"""What the player wants this tick, independent of the device that said it."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Intent:
    """One tick of player input.

    `move` is a direction with length 0..1 (a keyboard gives 0 or 1, a stick
    anything between). `throw` is a target point in world pixels, or None.
    """

    move: tuple[float, float] = (0.0, 0.0)
    sneak: bool = False
    sprint: bool = False
    interact: bool = False
    throw: tuple[float, float] | None = None

    def clamped(self) -> "Intent":
        """The same intent made safe: a move of length at most 1, no NaN or infinity anywhere."""
        mx, my = self.move
        throw = self.throw
        if not (math.isfinite(mx) and math.isfinite(my)):
            mx = my = 0.0
        if throw is not None and not (math.isfinite(throw[0]) and math.isfinite(throw[1])):
            throw = None
        length = math.hypot(mx, my)
        if length > 1.0:
            mx, my = mx / length, my / length
        if (mx, my) == self.move and throw is self.throw:
            return self
        return Intent((mx, my), self.sneak, self.sprint, self.interact, throw)

    def to_list(self) -> list:
        """A compact, JSON-friendly form for replays (floats kept exact: JSON round-trips them)."""
        flags = int(self.sneak) | int(self.sprint) << 1 | int(self.interact) << 2
        out = [self.move[0], self.move[1], flags]
        if self.throw is not None:
            out += [self.throw[0], self.throw[1]]
        return out

    @classmethod
    def from_list(cls, data: list) -> "Intent":
        mx, my, flags = float(data[0]), float(data[1]), int(data[2])
        throw = (float(data[3]), float(data[4])) if len(data) >= 5 else None
        return cls((mx, my), bool(flags & 1), bool(flags & 2), bool(flags & 4), throw)


IDLE = Intent()


class IntentRuns:
    """Intents tick by tick, run-length encoded: `[[n, *intent.to_list()], ...]` (replays, checkpoints)."""

    def __init__(self, runs: list[list] | None = None):
        self.runs: list[list] = [list(r) for r in runs] if runs else []

    def add(self, intent: Intent) -> None:
        data = intent.to_list()
        if self.runs and self.runs[-1][1:] == data:
            self.runs[-1][0] += 1
        else:
            self.runs.append([1, *data])

    @property
    def ticks(self) -> int:
        return sum(r[0] for r in self.runs)

    def intents(self):
        """Every intent, one per tick."""
        for run in self.runs:
            intent = Intent.from_list(run[1:])
            for _ in range(run[0]):
                yield intent
