"""What a guard sees of Jesse this tick: whether, and how fast awareness fills.

Sight is tested before anything else in a guard's tick. Three zones, checked
nearest first: the near sense all round (about a tile), the focus cone, and the
wider, shorter periphery. Walls and closed doors block sight: sight is tested
to Jesse's centre and both shoulders, and any one seen is enough — the same
rule (`sight.sees`: a clear line through a gap wide enough to see through) the
renderer uses for the cone on screen.

How fast awareness fills depends on distance (0.75 s to full at a tile, 3 s at
the cone's edge), the zone, Jesse's exposure (light where he stands, or his own
motion, or a flashlight beam) and his pace. Sneaking in the outer half of the
cone, or anywhere dark, counts for little or nothing.
"""

from __future__ import annotations

import math

from .actors import Guard, Player
from .grid import Grid
from .sight import sees
from .tuning import Tuning

_TWO_PI = 2.0 * math.pi


def angle_off(facing: float, dx: float, dy: float) -> float:
    """Absolute angle between a facing and a direction, in 0..pi."""
    diff = (math.atan2(dy, dx) - facing) % _TWO_PI
    return _TWO_PI - diff if diff > math.pi else diff


def body_visible(grid: Grid, gx: float, gy: float, px: float, py: float, radius: float) -> bool:
    """The guard's eyes see Jesse's centre or either shoulder (`sight.sees`: no slits)."""
    if sees(grid, gx, gy, px, py):
        return True
    dx, dy = px - gx, py - gy
    d = math.hypot(dx, dy) or 1.0
    ox, oy = -dy / d * radius * 0.9, dx / d * radius * 0.9
    return sees(grid, gx, gy, px + ox, py + oy) or sees(grid, gx, gy, px - ox, py - oy)



LOW_PACES = ("sneak", "crouch")  # low and careful: the outer half of a cone barely notices


class Perception:
    """Sight rules with the tuning resolved once (these run every tick for every guard)."""

    def __init__(self, tuning: Tuning, tile: int):
        self.t = tuning
        self.tile = tile
        self.motion_exposure = dict(tuning.motion_exposure)
        self.pace_factor = dict(tuning.pace_factor)
        self.player_radius = tuning.player_radius * tile

    def zone(self, guard: Guard, dx: float, dy: float, d: float) -> str | None:
        s = guard.senses
        if d <= s.near_range:
            return "near"
        focus_range = guard.focus_range
        if d > max(focus_range, s.peripheral_range):
            return None
        off = angle_off(guard.facing, dx, dy)
        if d <= focus_range and off <= s.focus_half_angle:
            return "focus"
        if d <= s.peripheral_range and off <= s.peripheral_half_angle:
            return "periphery"
        return None

    def sight_rates(self, guards, player: Player, light: float, grid: Grid) -> list[float]:
        """`sight_rate` for each guard, in order (one call for the whole crew). A guard too far
        for any of his zones gets 0.0 here at once, as `sight_rate` would give him."""
        rate, hypot = self.sight_rate, math.hypot
        px, py = player.x, player.y
        out = []
        for g in guards:
            # Beyond his furthest zone: 0 at once (within it, `sight_rate` looks at his state).
            if hypot(px - g.x, py - g.y) > g.senses.reach:
                out.append(0.0)
            else:
                out.append(rate(g, player, light, grid))
        return out

    def sight_rate(self, guard: Guard, player: Player, light: float, grid: Grid) -> float:
        """Awareness per second this guard gains from seeing Jesse now (0: not seen)."""
        if player.hidden and guard.knows_spot != player.hiding_spot:
            return 0.0
        dx, dy = player.x - guard.x, player.y - guard.y
        d = math.hypot(dx, dy)
        s = guard.senses
        # Most guards most of the time: too far for any zone (the test `zone` starts with).
        if d > s.near_range and d > s.peripheral_range and d > guard.focus_range:
            return 0.0
        zone = self.zone(guard, dx, dy, d)
        if zone is None:
            return 0.0
        if not body_visible(grid, guard.x, guard.y, player.x, player.y, self.player_radius):
            return 0.0
        t = self.t
        exposure = max(light, self.motion_exposure[player.pace])
        if guard.senses.flashlight and zone == "focus":
            exposure = max(exposure, t.flashlight_exposure)
        seen = min(1.0, max(0.0, (exposure - t.exposure_floor) / (t.exposure_full - t.exposure_floor)))
        if zone == "near":
            seen = max(seen, 0.8)  # close enough to hear him breathe
        if seen <= 0.0:
            return 0.0
        focus_range = guard.focus_range
        span = max(1.0, focus_range - self.tile)
        fill_time = t.fill_time_near + (t.fill_time_far - t.fill_time_near) * min(1.0, max(0.0, (d - self.tile) / span))
        rate = seen * self.pace_factor[player.pace] / fill_time
        if zone == "periphery":
            rate *= t.peripheral_factor
        elif zone == "focus" and player.pace in LOW_PACES and d > focus_range / 2:
            rate *= t.sneak_outer_half_factor
        return rate * t.awareness_rate
