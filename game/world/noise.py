"""Noise: who hears what, by walking distance, not straight lines through walls.

A noise has a radius in pixels, grown or shrunk by the floor where it is made
(`NoiseFloor`, `NoiseMask` zones). A guard hears it when the walkable distance
from the noise to him is within the radius times his `hearing`. One distance
flood from the noise serves every guard.
"""

from __future__ import annotations

import math

from .actors import Guard, Noise
from .grid import Grid
from .level import Level
from .zones import contains


class Acoustics:
    def __init__(self, level: Level, grid: Grid):
        self.grid = grid
        self.zones = [z for z in level.objects if z.kind in ("NoiseFloor", "NoiseMask")]

    def floor_factor(self, x: float, y: float) -> float:
        factor = 1.0
        for zone in self.zones:
            if contains(zone, x, y):
                factor *= zone.props["factor"]
        return factor

    def listeners(self, noise: Noise, guards: list[Guard], nearest: int | None = None) -> list[Guard]:
        """The guards who hear `noise`, in the order given; with `nearest`, only that many of
        them, nearest by walking first (ties: the order given)."""
        reach = [(g, noise.radius * g.senses.hearing) for g in guards]
        # Cheap test first: nobody hears beyond the straight-line radius.
        reach = [(g, r) for g, r in reach if math.hypot(g.x - noise.x, g.y - noise.y) <= r]
        if not reach:
            return []
        field = self.grid.distance_field(noise.x, noise.y, max(r for _, r in reach))
        heard = []
        for guard, r in reach:
            walked = max(field.get(self.grid.cell_of(guard.x, guard.y), math.inf),
                         math.hypot(guard.x - noise.x, guard.y - noise.y))
            if walked <= r:
                heard.append((walked, guard))
        if nearest is not None:
            heard = sorted(heard, key=lambda h: h[0])[:nearest]  # sorted() is stable: ties keep order
        return [g for _, g in heard]
