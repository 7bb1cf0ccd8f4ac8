"""The people in the world: Jesse and the guards, as plain state.

Positions are floats in pixels; facing is in radians (0 = east, pi/2 = south,
screen coordinates). The renderer reads these; only the simulation writes them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .level import GuardSpec


@dataclass
class Player:
    x: float
    y: float
    facing: float = 0.0
    pace: str = "still"  # still, sneak, walk or sprint
    speed: float = 0.0  # px per second this tick


@dataclass
class Guard:
    id: int
    name: str
    x: float
    y: float
    facing: float
    faction: str
    state: str = "patrol"
    awareness: float = 0.0

    @classmethod
    def from_spec(cls, spec: GuardSpec) -> "Guard":
        facing = math.radians(spec.props.get("facing", 0.0))
        if spec.route is not None:
            # Face along the route, toward its first point that is not where we stand.
            for px, py in spec.route.points:
                if math.hypot(px - spec.x, py - spec.y) > 1.0:
                    facing = math.atan2(py - spec.y, px - spec.x)
                    break
        return cls(spec.id, spec.name, spec.x, spec.y, facing, spec.props.get("faction", "crew"))
