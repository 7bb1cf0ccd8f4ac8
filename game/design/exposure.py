"""Is Jesse safe here and then? The guards' poses from the timeline (`Timeline`), the game's own
perception on them with senses widened by a `Margin`, and the awareness arithmetic, asked of a
point, a walk or a wait: what the solver's search asks at every state, and what the level report
asks of a route played late (`report.py`).

Awareness is kept as ((guard index, awareness, units unseen), ...), by guard, for the guards who
have glimpsed anything; it fills while a guard sees Jesse, drains after the game's grace period,
and a state is refused once a guard's would reach `Exposure.budget` (the solver keeps it well
under the suspicious threshold; the report sets the threshold itself). The exact sight test runs
only where `watched.Watched` says a guard might see. Doors: who would hear one opened or shut now
(`hearer`), and who would see it open (`Exposure.door_seen_by`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from ..world.actors import Player
from ..world.ai.states import GuardState
from ..world.doors import SEALED
from ..world.level import Level
from ..world.perception import Perception
from ..world.shaped_grid import make_grid
from ..world.sight import sees
from ..world.tuning import Tuning
from ..world.zones import contains
from .timeline import Timeline
from .watched import BLOCK, Watched

UNIT = 5  # ticks between the search's looks at the world


def quiet(door, guards, world) -> bool:
    """Opening or shutting `door` now is heard by none of `guards` (straight-line distance and a
    tile to spare: cautious)."""
    return hearer(door, guards, world) is None


def hearer(door, guards, world) -> int | None:
    """The first of `guards` (his index) who would hear `door` opened or shut now, or None."""
    cx, cy = door.center
    radius = world.tuning.noise_door * world.tile * world.acoustics.floor_factor(cx, cy)
    return next((i for i, g in enumerate(guards)
                 if math.hypot(g.x - cx, g.y - cy) <= radius * g.senses.hearing + world.tile), None)


@dataclass(frozen=True)
class Margin:
    """How much wider than real the guards' senses are during the search."""

    angle_deg: float = 12.0
    range_px: float = 24.0

    def widen(self, senses):
        a = math.radians(self.angle_deg)
        return replace(senses, focus_range=senses.focus_range + self.range_px,
                       focus_half_angle=min(math.pi, senses.focus_half_angle + a),
                       peripheral_range=senses.peripheral_range + self.range_px,
                       peripheral_half_angle=min(math.pi, senses.peripheral_half_angle + a),
                       near_range=senses.near_range + self.range_px)


def search_grid(level: Level, world) -> object:
    """The level's grid as the search sees it. Sight is checked as if every door were open: Jesse
    may open them, and a guard then sees further. Cautious, and it keeps the search's world fixed.
    A door sealed for good (the finale's trap, from a snapshot after it) is a wall."""
    solid = level.solid.copy()
    for door in world.doors.doors:
        if door.locked_by == SEALED:
            for c, r in door.cells:
                solid[r, c] = True
    return make_grid(solid, level.tile, level.shapes)


class _Seen:
    """A guard as the search sees him: posed from the timeline, with widened senses."""

    __slots__ = ("x", "y", "facing", "senses", "state", "knows_spot")

    def __init__(self, x, y, facing, senses):
        self.x, self.y, self.facing, self.senses = x, y, facing, senses
        self.state, self.knows_spot = GuardState.PATROL, None

    @property
    def focus_range(self):
        return self.senses.focus_range


class Exposure:
    """What the guards of `timeline` (its world as it starts) would see of Jesse, with senses
    widened by `margin`; see the module's docstring."""

    def __init__(self, level: Level, tuning: Tuning, timeline: Timeline, margin: Margin = Margin()):
        self.level, self.tuning, self.timeline = level, tuning, timeline
        self.world = timeline.world
        self.tile = level.tile
        self.grid = search_grid(level, self.world)
        self.perception = Perception(tuning, level.tile)
        self.senses = [margin.widen(g.senses) for g in timeline.guards]
        self.watched = Watched(timeline, self.senses, level.cols, level.rows, level.tile, UNIT)
        self.spots = level.of_kind("HidingSpot")
        self._guards_at: dict[int, list[_Seen]] = {}
        self._rates: dict[tuple, tuple] = {}
        self._doors_seen: dict[tuple, int | None] = {}  # (door, unit) -> the guard who sees it open
        self._sight: dict[tuple, float] = {}  # (guard, pose, x, y, moving) -> the exact test's rate
        self._places: dict[tuple, tuple] = {}
        self.unit_s = UNIT / 60
        self.budget = tuning.suspicious_enter * 0.6
        self.grace_units = math.ceil(tuning.drain_grace * 60 / UNIT)
        self.drain = tuning.drain_rate * self.unit_s
        self.start_awareness = self._awareness_now()

    def _centre(self, c: int, r: int) -> tuple[float, float]:
        return ((c + 0.5) * self.tile, (r + 0.5) * self.tile)

    def _awareness_now(self) -> tuple:
        """What each guard has glimpsed in the world the search starts from, as the search keeps it."""
        out = []
        for i, g in enumerate(self.timeline.guards):
            if g.awareness > 0.0:
                unseen = min(self.grace_units + 1, int(g.unseen_time / self.unit_s))
                out.append((i, round(g.awareness, 3), unseen))
        return tuple(out)

    def guards_at(self, unit: int) -> list[_Seen]:
        seen = self._guards_at.get(unit)
        if seen is None:
            poses = self.timeline.at(unit * UNIT)
            seen = [_Seen(p.x, p.y, p.facing, s) for p, s in zip(poses, self.senses)]
            self._guards_at[unit] = seen
        return seen

    def _place(self, x: float, y: float, moving: bool) -> tuple:
        """Jesse at (x, y) as the perception code takes him, and the light there (kept: the same
        points come back at every time)."""
        key = (x, y, moving)
        hit = self._places.get(key)
        if hit is None:
            spot = next((s.id for s in self.spots if contains(s, x, y)), None)
            me = Player(x, y, pace="sneak" if moving else "still", hidden=spot is not None, hiding_spot=spot)
            hit = self._places[key] = (me, self.world.light_at(x, y))
        return hit

    def rates(self, x: float, y: float, unit: int, moving: bool, mask: int = -1, exposed: bool = False) -> tuple:
        """The guards who would see Jesse here and then, with the awareness per second each would
        gain (widened senses): ((guard index, rate), ...), only those seeing him. `mask` (the flag
        of `Watched`) names the only guards worth asking; -1 asks everyone. `exposed`: as if he
        were not in the hiding spot there (who would see him slip into it)."""
        key = (x, y, unit, moving, exposed)
        hit = self._rates.get(key)
        if hit is None:
            me, light = self._place(x, y, moving)
            out = []
            if exposed and me.hidden:
                me = Player(x, y, pace=me.pace)
            if not me.hidden:
                factor = self.tuning.caution_awareness if self.timeline.wary(unit * UNIT) else 1.0
                sight, grid, known = self.perception.sight_rate, self.grid, self._sight
                for i, pose in enumerate(self.timeline.at(unit * UNIT)):
                    if mask >> (i % 64) & 1:
                        # A guard standing, or back at the same place on his rounds, sees the same.
                        look = (i, pose, x, y, moving, me.hidden)
                        rate = known.get(look)
                        if rate is None:
                            rate = known[look] = sight(_Seen(pose.x, pose.y, pose.facing, self.senses[i]), me, light, grid)
                        if rate > 0.0:
                            out.append((i, rate * factor))
            hit = self._rates[key] = tuple(out)
        return hit

    def hidden(self, x: float, y: float) -> bool:
        return self._place(x, y, True)[0].hidden

    def aware(self, awareness: tuple, rates: tuple) -> tuple | None:
        """What each guard has glimpsed after one more unit: ((guard, awareness, units unseen), ...)
        for the guards whose awareness is above zero, by guard; None once one would notice.

        Awareness drains only after the game's grace period, as in the game; the budget is kept
        well under the suspicious threshold."""
        if not rates:
            return self.unseen(awareness, 1)
        seen = dict(rates)
        out = []
        for i, a, unseen in awareness:
            rate = seen.pop(i, None)
            if rate is not None:
                a = a + rate * self.unit_s
                if a >= self.budget:
                    return None
                out.append((i, round(a, 3), 0))
                continue
            unseen = min(unseen + 1, self.grace_units + 1)
            if unseen > self.grace_units:
                a = round(a - self.drain, 3)
                if a <= 0.0:
                    continue
            out.append((i, a, unseen))
        for i, rate in seen.items():
            a = rate * self.unit_s
            if a >= self.budget:
                return None
            out.append((i, round(a, 3), 0))
        out.sort()
        return tuple(out)

    def unseen(self, awareness: tuple, units: int) -> tuple:
        """The awareness after `units` in which no guard sees Jesse (the same as `units` calls of
        `aware` with nothing seen)."""
        if not awareness:
            return awareness
        out = []
        grace, drain = self.grace_units, self.drain
        for i, a, unseen in awareness:
            drains = units - max(0, grace - unseen)
            if drains > 0:
                a = round(a - drains * drain, 3)
                if a <= 0.0:
                    continue
            out.append((i, a, min(unseen + units, grace + 1)))
        return tuple(out)

    def walk(self, aw: tuple, x0: float, y0: float, x1: float, y1: float, i0: int, i1: int, k0: int, units: int,
              moving: bool = True) -> tuple | None:
        """The awareness after walking from (x0, y0) (flag index i0) to (x1, y1) (i1) in `units`
        from unit k0; None if someone would notice. Slipping into a hiding spot in the view of a
        guard who sees him (now, or a moment before) is noticing."""
        blocks = self.watched.through(k0 + units)
        quiet_units = 0
        for k in range(1, units + 1):
            u = k0 + k
            mask = blocks[u // BLOCK][i0 if 2 * k < units else i1]
            if not mask:
                quiet_units += 1
                continue
            if quiet_units:
                aw, quiet_units = self.unseen(aw, quiet_units), 0
            x, y = x0 + (x1 - x0) * k / units, y0 + (y1 - y0) * k / units
            rates = self.rates(x, y, u, moving, mask)
            px, py = x0 + (x1 - x0) * (k - 1) / units, y0 + (y1 - y0) * (k - 1) / units
            if not rates and self.hidden(x, y) and not self.hidden(px, py):
                before = blocks[(u - 1) // BLOCK][i0 if 2 * (k - 1) < units else i1]
                if self.rates(x, y, u, moving, mask, exposed=True) or \
                        (before and self.rates(px, py, u - 1, moving, before)):
                    return None
            aw = self.aware(aw, rates)
            if aw is None:
                return None
        return self.unseen(aw, quiet_units) if quiet_units else aw

    def stay(self, cell, aw: tuple, t: int, units: int) -> tuple | None:
        """The awareness after standing still in `cell` for `units` from unit t; None if someone would notice."""
        x, y = self._centre(*cell)
        i = self.watched.index(*cell)
        at = self.watched.at
        for k in range(1, units + 1):
            mask = at(t + k)[i]
            aw = self.aware(aw, self.rates(x, y, t + k, False, mask) if mask else ())
            if aw is None:
                return None
        return aw

    def quiet(self, door, unit: int) -> bool:
        return quiet(door, self.guards_at(unit), self.world)

    def door_seen(self, door, first: int, last: int) -> bool:
        """Some guard sees `door` at one of the units first..last (as a guard on his rounds looks at
        the doors in view: the point of it nearest him, with widened senses)."""
        return any(self._door_seen_at(door, u) for u in range(first, last + 1))

    def _door_seen_at(self, door, unit: int) -> bool:
        return self.door_seen_by(door, unit) is not None

    def door_seen_by(self, door, unit: int) -> int | None:
        """The first guard (his index) who sees `door` at `unit`, or None."""
        key = (door.id, unit)
        hit = self._doors_seen.get(key, False)
        if hit is False:
            hit = None
            x0, y0 = door.obj.x, door.obj.y
            x1, y1 = x0 + door.obj.width, y0 + door.obj.height
            for i, g in enumerate(self.guards_at(unit)):
                nx, ny = min(max(g.x, x0), x1), min(max(g.y, y0), y1)
                dx, dy = nx - g.x, ny - g.y
                d = math.hypot(dx, dy)
                if d > g.focus_range or d < 1.0:
                    continue
                if self.perception.zone(g, dx, dy, d) is not None and sees(self.grid, g.x, g.y, nx - dx / d, ny - dy / d):
                    hit = i
                    break
            self._doors_seen[key] = hit
        return hit
