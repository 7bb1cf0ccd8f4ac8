"""Every number the simulation uses, with its default, in one place.

Distances are in tiles and times in seconds here, converted where used, so a
designer can read them. Per-guard overrides come from the guard's Tiled
properties (see `kinds.KINDS["Guard"]`); difficulty scales a few of them.
"""

from __future__ import annotations

from dataclasses import dataclass

TICK_RATE = 60
DT = 1.0 / TICK_RATE


@dataclass(frozen=True)
class Tuning:
    # --- Jesse -----------------------------------------------------------
    player_radius: float = 0.32  # body radius, tiles (about 10 px)
    sneak_speed: float = 1.6  # tiles per second
    walk_speed: float = 3.4
    sprint_speed: float = 6.0
    stick_sneak_below: float = 0.55  # an analogue stick pushed less than this sneaks

    # --- guards: movement --------------------------------------------------
    guard_radius: float = 0.32
    patrol_speed: float = 2.2
    investigate_speed: float = 2.6
    chase_speed: float = 5.2
    turn_speed: float = 240.0  # degrees per second


DEFAULT = Tuning()
