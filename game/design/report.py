"""A level's report: what its proven routes ask of a player, for the designer reading difficulty.

For each stored route (`routes.route_files`), replayed in the real simulation:

- its length (tiles) and time (seconds), and whether the replay still proves (complete, unseen);
- the closest any guard comes to Jesse (tiles);
- the time Jesse spends exposed in light: not hidden, in light above `Tuning.exposure_floor`
  (where a guard who looks his way can see him even sneaking);
- the narrowest timing window: how late the player may be at the route's tightest moment and
  still pass unseen. At every half second `m` of the route, Jesse is made `d` late there (he
  stands where he is for `d`, then goes on as the route does, `d` behind it); the window at `m` is
  the largest `d` (in steps of `WINDOW_STEP`, up to `WINDOW_CAP`) for which every `d'` up to it
  still leaves every guard's awareness under his suspicious threshold. The route's window is the
  smallest over its moments: when, where, and the guard who would see a later Jesse.

The window is measured with the game's own perception (`Exposure.rates`, the real senses: no
search margin) and awareness arithmetic (`Exposure.aware`, with the real threshold), on the guards'
calm patrols (`Timeline`): a guard who never noticed the route keeps his rounds whatever the
timing, so a late Jesse meets the same guards, only later.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from ..replay import load_replay
from ..world.level import Level, load_level
from ..world.tuning import DEFAULT, TICK_RATE, Tuning
from . import routes
from .exposure import UNIT, Exposure, Margin, hearer
from .proof import opened_by_jesse, proven
from .timeline import Timeline

SEES, HEARS, FINDS = "sees him", "hears a door", "finds a door open"
WINDOW_STEP = 3  # search units (a quarter second): the lateness tried in turn
WINDOW_CAP = 120  # units (ten seconds): a window this wide is "10 s or more"
MOMENT = 6  # units (half a second) between the moments of a route the window is measured at
REAL = Margin(0.0, 0.0)  # the guards' senses as the game has them


@dataclass
class Window:
    seconds: float  # how late Jesse may be there (WINDOW_CAP's seconds: at least that)
    at_s: float = 0.0  # where on the route (seconds from its start) a later Jesse is seen
    x: float = 0.0
    y: float = 0.0
    guard: str = ""  # who would notice ("" when the cap was reached)
    what: str = ""  # what he notices: `SEES`, `HEARS` or `FINDS`
    late_at_s: float = 0.0  # the moment Jesse is made late at (he stands there, then goes on behind the route)

    @property
    def capped(self) -> bool:
        return self.seconds >= WINDOW_CAP * UNIT / TICK_RATE


@dataclass
class RouteReport:
    number: int
    file: str
    proven: bool
    seconds: float
    length_tiles: float
    closest_guard_tiles: float
    lit_seconds: float
    window: Window
    cells: set = field(default_factory=set, repr=False)


@dataclass
class LevelReport:
    map: str
    routes: list[RouteReport]
    shares: list[list[float]]  # share of cells between every two routes (`routes.share`)


class _Track:
    """What the level report needs of a replay beyond the proof's figures, tick by tick: where
    Jesse is (and whether he moved), the ticks he stands lit, and the doors he opened."""

    def __init__(self, start: tuple[float, float], floor: float):
        self.points: list[tuple[float, float, bool]] = []  # (x, y, moving) at the end of each tick
        self.lit_ticks = 0
        self.doors: list[tuple[int, int, int]] = []  # (door id, tick Jesse opened it, tick it shut; -1: never)
        self._last, self._floor = start, floor
        self._open: dict[int, int] = {}  # the doors he has open now: id -> since

    def look(self, world) -> None:
        me = world.player
        self.points.append((me.x, me.y, math.dist((me.x, me.y), self._last) > 0.01))
        self._last = (me.x, me.y)
        if not me.hidden and world.light_at(me.x, me.y) > self._floor:
            self.lit_ticks += 1
        for door in world.doors.doors:
            if opened_by_jesse(door) != (door.id in self._open):
                if door.id in self._open:
                    self.doors.append((door.id, self._open.pop(door.id), world.tick))
                else:
                    self._open[door.id] = world.tick

    def close(self) -> None:
        """The replay is over: the doors still open stay open to the end."""
        self.doors = sorted(self.doors + [(door, since, -1) for door, since in self._open.items()], key=lambda d: d[1])


class _Lateness:
    """The awareness arithmetic of a route played late (see the module's docstring)."""

    def __init__(self, level: Level, seed: int, tuning: Tuning, track: _Track):
        points = track.points
        self.exposure = Exposure(level, tuning, Timeline(level, tuning, seed), REAL)
        self.exposure.budget = tuning.suspicious_enter  # the real threshold: above it a guard stops and looks
        self.tile = level.tile
        # Jesse at the end of each search unit (unit k: the world's tick k * UNIT).
        self.at = [points[min(len(points) - 1, k * UNIT - 1)] if k else points[0]
                   for k in range(len(points) // UNIT + 1)]
        self.cell = [self.exposure.watched.index(int(x // self.tile), int(y // self.tile)) for x, y, _ in self.at]
        self.names = [f"guard {g.id}" + (f" ({g.name})" if g.name else "") for g in self.exposure.timeline.guards]
        # The doors Jesse opened, in units: (door, opened, shut (the route's end if never)), and
        # when each was seen open on time (the model may be stricter than the game: only a door
        # seen open at a time it was not on time counts against a late Jesse).
        end = len(self.at) - 1
        by_id = {door.id: door for door in self.exposure.world.doors.doors}
        self.doors = [(by_id[i], a // UNIT, (b if b >= 0 else len(points)) // UNIT) for i, a, b in track.doors]
        self.seen_on_time = [{u for u in range(a, min(b, end) + 1) if self.exposure.door_seen_by(door, u) is not None}
                             for door, a, b in self.doors]
        self._calm_on: dict[tuple[int, int], tuple | None] = {}  # (unit, lateness) -> who sees where, from calm

    def _look(self, aw: tuple, k: int, u: int, moving: bool | None = None) -> tuple[tuple | None, int]:
        """Awareness after Jesse stands as at route unit k, at world unit u; and the guard who sees
        most. Slipping into a hiding spot in a guard's view (now, or a unit before) is noticed."""
        x, y, move = self.at[k]
        rates = self._rates(k, u, move if moving is None else moving)
        if not rates and k and self.exposure.hidden(x, y) and not self.exposure.hidden(*self.at[k - 1][:2]):
            seen = self._rates(k, u, move, exposed=True) or self._rates(k - 1, u - 1, self.at[k - 1][2])
            if seen:
                return None, seen[0][0]
        return self.exposure.aware(aw, rates), max(rates, key=lambda r: r[1])[0] if rates else -1

    def _rates(self, k: int, u: int, moving: bool, exposed: bool = False) -> tuple:
        x, y, _ = self.at[k]
        mask = self.exposure.watched.at(u)[self.cell[k]]
        return self.exposure.rates(x, y, u, moving, mask, exposed) if mask else ()

    def _heard(self, door, u: int) -> int | None:
        return hearer(door, self.exposure.guards_at(u), self.exposure.world)

    def _doors_late(self, m: int, d: int) -> tuple[int, int, str] | None:
        """The doors Jesse opens, `d` units late from route unit `m`: (who notices, the route unit
        where, what), or None. A door is heard when opened or shut where on time it was not, and
        found open when a guard sees it open at a time he did not on time."""
        for (door, a, b), seen in zip(self.doors, self.seen_on_time):
            if b < m:
                continue
            if a > m and (who := self._heard(door, a + d)) is not None and self._heard(door, a) is None:
                return who, a, HEARS
            if b + d < len(self.at) + d and (who := self._heard(door, b + d)) is not None and self._heard(door, b) is None:
                return who, b, HEARS
            for u in range(max(a + d if a > m else a, m + 1), b + d + 1):
                if u not in seen and (who := self.exposure.door_seen_by(door, u)) is not None:
                    return who, min(u - d, b) if u - d >= m else m, FINDS
        return None

    def late(self, m: int, d: int, aw: tuple) -> tuple[int, int, str] | None:
        """Jesse `d` units late at route unit `m` (awareness `aw` there): (who notices, the route
        unit where, what), or None."""
        trouble = self._doors_late(m, d)
        if trouble is not None:
            return trouble
        for j in range(1, d + 1):  # standing where he is, crouched
            aw, who = self._look(aw, m, m + j, moving=False)
            if aw is None:
                return who, m, SEES
        return self._go_on(aw, m + 1, d)

    def _go_on(self, aw: tuple, k: int, d: int) -> tuple[int, int, str] | None:
        """The rest of the route from unit k, d units behind it: (who notices, where), or None.
        From calm (nobody has glimpsed anything) the answer depends only on (k, d): kept."""
        calm_from = []
        answer = None
        while k < len(self.at):
            if not aw:
                key = (k, d)
                if key in self._calm_on:
                    answer = self._calm_on[key]
                    break
                calm_from.append(key)
            aw, who = self._look(aw, k, k + d)
            if aw is None:
                answer = who, k, SEES
                break
            k += 1
        for key in calm_from:
            self._calm_on[key] = answer
        return answer

    def window(self) -> Window:
        """The narrowest window over the route's moments: how late, and where a later Jesse is seen."""
        on_time = [()]
        for k in range(1, len(self.at)):
            aw, _ = self._look(on_time[-1], k, k)
            on_time.append(aw if aw is not None else ())  # the model, a unit at a time, may be stricter than the game
        unit_s = UNIT / TICK_RATE
        narrowest = Window(WINDOW_CAP * unit_s)
        for m in range(0, len(self.at), MOMENT):
            ok, seen = 0, None
            for d in range(WINDOW_STEP, WINDOW_CAP + 1, WINDOW_STEP):
                seen = self.late(m, d, on_time[m])
                if seen is not None:
                    break
                ok = d
            if seen is not None and ok * unit_s < narrowest.seconds:
                who, k, what = seen
                x, y, _ = self.at[min(k, len(self.at) - 1)]
                narrowest = Window(ok * unit_s, k * unit_s, x, y, self.names[who], what, m * unit_s)
        return narrowest


def route_report(level: Level, path: Path, number: int, tuning: Tuning = DEFAULT) -> RouteReport:
    route = load_replay(path)  # a file in the maps folder: read within bounds, one line if it is bad
    track = _Track(level.spawn, tuning.exposure_floor)
    replay = routes.replayed(level, route, tuning, watch=track.look)
    track.close()
    window = _Lateness(level, route["seed"], tuning, track).window()
    return RouteReport(number, path.name, proven(replay), round(len(track.points) / TICK_RATE, 2),
                       round(replay.length_px / level.tile, 1), round(replay.closest_px / level.tile, 2),
                       round(track.lit_ticks / TICK_RATE, 1), window, replay.cells)


def level_report(map_path: Path, tuning: Tuning = DEFAULT) -> LevelReport:
    level = load_level(map_path)
    found = [route_report(level, p, n, tuning) for n, p in enumerate(routes.route_files(map_path), 1)]
    shares = [[round(routes.share(a.cells, b.cells), 2) for b in found] for a in found]
    return LevelReport(Path(map_path).name, found, shares)


def window_text(w: Window) -> str:
    if w.capped:
        return f">= {w.seconds:g} s"
    if w.seconds == 0:
        return f"under {WINDOW_STEP * UNIT / TICK_RATE:g} s: later, {w.guard} {w.what} at {w.at_s:.1f} s"
    return f"{w.seconds:.2f} s: later, {w.guard} {w.what} at {w.at_s:.1f} s"


def describe(report: LevelReport) -> list[str]:
    """The report as lines for a terminal."""
    lines = [f"{report.map}: {len(report.routes)} route{'s' * (len(report.routes) != 1)}"]
    for r in report.routes:
        lines.append(f"  route {r.number} ({r.file}): {'proven' if r.proven else 'NOT PROVEN'}; "
                     f"{r.length_tiles} tiles in {r.seconds} s; closest guard {r.closest_guard_tiles} tiles; "
                     f"in light {r.lit_seconds} s; narrowest window {window_text(r.window)}")
    if len(report.routes) > 1:
        lines.append("  share of cells (within a tile, of the shorter route):")
        lines += [f"    route {i}: " + "  ".join(f"{s:.2f}" for s in row) for i, row in enumerate(report.shares, 1)]
    return lines


TABLE_HEAD = ("| Map | Route | Length (tiles) | Time (s) | Closest guard (tiles) | In light (s) "
              "| Narrowest window |\n|---|---|---|---|---|---|---|")


BEGIN, END = "<!-- level report: tools/solve.py --report --readme -->", "<!-- end of level report -->"


def with_table(text: str, reports: list[LevelReport]) -> str:
    """`text` (maps/README.md) with the table between its markers replaced by the reports'."""
    head, found, rest = text.partition(BEGIN)
    _, ended, tail = rest.partition(END)
    if not found or not ended:
        raise ValueError(f"no {BEGIN} ... {END} markers")
    return f"{head}{BEGIN}\n{table(reports)}\n{END}{tail}"


def table(reports: list[LevelReport]) -> str:
    """The reports as the Markdown table `maps/README.md` holds."""
    rows = [TABLE_HEAD]
    for report in reports:
        for r in report.routes:
            mark = "" if r.proven else " (NOT PROVEN)"
            rows.append(f"| {report.map} | {r.number}{mark} | {r.length_tiles} | {r.seconds} | "
                        f"{r.closest_guard_tiles} | {r.lit_seconds} | {window_text(r.window)} |")
    return "\n".join(rows)
