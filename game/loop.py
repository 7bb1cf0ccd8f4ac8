"""The fixed-timestep clock: real time in, a whole number of simulation ticks out.

Real frame time is accumulated and spent in fixed ticks of `dt`; at most
`max_steps` ticks run per frame, and time beyond that is dropped, so a stall
(a slow disk, a dragged window) cannot make the game spiral into ever longer
catch-up frames. `alpha` is the fraction of a tick left over, for drawing.
"""

from __future__ import annotations

from .world.tuning import DT


class FixedStep:
    def __init__(self, dt: float = DT, max_steps: int = 5):
        self.dt = dt
        self.max_steps = max_steps
        self.accumulator = 0.0

    def advance(self, real_seconds: float) -> int:
        """Add a frame's real time; return how many ticks to run now."""
        self.accumulator += max(0.0, real_seconds)
        steps = int(self.accumulator / self.dt + 1e-9)
        if steps > self.max_steps:
            steps = self.max_steps
            self.accumulator = 0.0
        else:
            self.accumulator -= steps * self.dt
        return steps

    @property
    def alpha(self) -> float:
        return min(1.0, self.accumulator / self.dt)
