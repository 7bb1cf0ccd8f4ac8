"""Kim's eyes, in words: the one line she says from a plan (`game.design.plan.Plan`).

    lines = load_lines()
    advice = Advice.of(plan, now_tick, (x, y), guards_xy, level)
    advice.say(lines)   # "Wait. He turns in five. Then left, past the cars."

What she reads off the plan is what a player can act on in the moment: how long to wait before the
first move (counted from when her answer comes, not when he asked), the way that move goes on the
screen (the first `LOOK_TILES` of the path, to one of eight directions), and what that stretch
passes (a hiding spot by its kind, a door). Whether the wait is a guard's doing: it is longer than
the plan must hold him anyway, and some guard is within `GUARD_NEAR` of Jesse ("He turns in
five"), else "Give it five". Her words are data
(`game/story/kim.toml`); the rules are here.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from ..paths import STORY_DIR
from ..world.tuning import TICK_RATE
from ..world.zones import contains

KIM_FILE = STORY_DIR / "kim.toml"
LOOK_TILES = 3.0  # the first move's direction: where the path is this far along
LANDMARK_TILES = 6.0  # what the first stretch passes: this far along the path
GUARD_NEAR = 8.0  # tiles: a guard this close is why Jesse waits
SAMPLE_PX = 8.0  # the path is looked along at this spacing for landmarks
NOW_S = 1.0  # a wait shorter than this is "now"
GUARDS_WAIT = 0.5  # seconds: a plan that waits this much longer than it must is waiting for a guard


class Direction(StrEnum):
    LEFT = "left"
    RIGHT = "right"
    UP = "up"
    DOWN = "down"
    UP_LEFT = "up_left"
    UP_RIGHT = "up_right"
    DOWN_LEFT = "down_left"
    DOWN_RIGHT = "down_right"


# Eight ways round from screen-right, clockwise (y grows downward on the screen).
_ROUND = (Direction.RIGHT, Direction.DOWN_RIGHT, Direction.DOWN, Direction.DOWN_LEFT, Direction.LEFT,
          Direction.UP_LEFT, Direction.UP, Direction.UP_RIGHT)


def direction_of(dx: float, dy: float) -> Direction:
    """The nearest of the eight ways on the screen for a move of (dx, dy) pixels."""
    sector = round(math.atan2(dy, dx) / (math.pi / 4)) % 8
    return _ROUND[sector]


@dataclass(frozen=True)
class KimLines:
    thinking: tuple[str, ...]
    no_way: tuple[str, ...]
    moved_on: tuple[str, ...]
    wait_guard: str
    wait: str
    then: str
    now: str
    here_wait: str
    here_now: str
    directions: dict[str, str]
    landmarks: dict[str, str]
    numbers: tuple[str, ...]

    def count(self, seconds: float) -> str:
        n = max(1, round(seconds))
        return self.numbers[n] if n < len(self.numbers) else str(n)

    @staticmethod
    def pick(options: tuple[str, ...], turn: int) -> str:
        """One of a set of lines, in turn (not at random: the same run says the same things)."""
        return options[turn % len(options)]


def load_lines(path: Path = KIM_FILE) -> KimLines:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return KimLines(tuple(data["thinking"]), tuple(data["no_way"]), tuple(data["moved_on"]), data["wait_guard"],
                    data["wait"], data["then"], data["now"], data["here"]["wait"], data["here"]["now"],
                    dict(data["directions"]), dict(data["landmarks"]), tuple(data["numbers"]["words"]))


@dataclass(frozen=True)
class Advice:
    """What Kim reads off a plan, before it is put in words."""

    wait_s: float  # from her answer to the first move
    direction: Direction | None  # None: the first thing is a press where he stands
    landmark: str | None  # a `KimLines.landmarks` key: what the first stretch passes
    guard_near: bool  # a guard is close, and the plan waits for more than her time: he is why
    first_move_tick: int  # the world's tick the first move starts

    @classmethod
    def of(cls, plan, now_tick: int, start: tuple[float, float], guards: list[tuple[float, float]], level,
           held_until: int = 0) -> Advice:
        """From `plan` (its `PlanStep`s), answered at `now_tick`, for Jesse
        standing at `start` when he asked, with the guards at `guards` then. `held_until`: the tick
        the plan keeps him still until in any case (while she looks); a wait no longer than that
        is hers, not a guard's."""
        tile = level.tile
        # In cover (a hiding spot), shuffling inside it, or stepping to his cell's centre is not
        # the move she means: the first step out of where he stands is.
        cover = next((spot for spot in level.of_kind("HidingSpot") if contains(spot, *start)), None)
        out = next((i for i, s in enumerate(plan.steps) if not s.press and math.dist((s.x, s.y), start) >= tile * 0.75
                    and not (cover is not None and contains(cover, s.x, s.y))), 0)
        first = plan.steps[out]
        wait_s = max(0.0, (first.start - now_tick) / TICK_RATE)
        near = first.start > held_until + GUARDS_WAIT * TICK_RATE and \
            any(math.dist(start, g) <= GUARD_NEAR * tile for g in guards)
        points = [start] + [(s.x, s.y) for s in plan.steps[out:] if not s.press]
        ahead = _along(points, LOOK_TILES * tile)
        if math.dist(ahead, start) < tile / 2:  # nowhere to go: what he came for is in reach
            return cls(wait_s, None, None, near, first.start)
        direction = direction_of(ahead[0] - start[0], ahead[1] - start[1])
        return cls(wait_s, direction, _landmark(points, LANDMARK_TILES * tile, level, cover), near, first.start)

    def say(self, lines: KimLines) -> str:
        n = lines.count(self.wait_s)
        waits = self.wait_s >= NOW_S
        if self.direction is None:
            return lines.here_wait.format(n=n) if waits else lines.here_now
        way = lines.directions[self.direction.value]
        landmark = lines.landmarks.get(self.landmark, "") if self.landmark else ""
        if not waits:
            return lines.now.format(Direction=way[:1].upper() + way[1:], direction=way, landmark=landmark)
        wait = (lines.wait_guard if self.guard_near else lines.wait).format(n=n)
        return f"{wait} {lines.then.format(direction=way, landmark=landmark)}"


def _along(points: list[tuple[float, float]], distance: float) -> tuple[float, float]:
    """The point `distance` along the polyline (its end if it is shorter)."""
    left = distance
    for a, b in zip(points, points[1:]):
        d = math.dist(a, b)
        if d >= left and d > 0:
            t = left / d
            return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
        left -= d
    return points[-1]


def _beside(obj, x: float, y: float, reach: float) -> bool:
    """(x, y) is in `obj`, or within `reach` of its bounding box (passing it)."""
    x0, y0, x1, y1 = obj.bounds
    return contains(obj, x, y) or (x0 - reach <= x <= x1 + reach and y0 - reach <= y <= y1 + reach)


def _landmark(points: list[tuple[float, float]], distance: float, level, cover=None) -> str | None:
    """What the path's first `distance` passes: a door it walks through, or a hiding spot (by its
    kind; not `cover`, the one he starts in); the first met."""
    spots = [s for s in level.of_kind("HidingSpot") if s is not cover]
    doors = level.of_kind("Door")
    walked = 0.0
    for a, b in zip(points, points[1:]):
        d = math.dist(a, b)
        samples = max(1, int(d // SAMPLE_PX))
        for k in range(samples + 1):
            x, y = a[0] + (b[0] - a[0]) * k / samples, a[1] + (b[1] - a[1]) * k / samples
            if any(contains(door, x, y) for door in doors):
                return "door"
            spot = next((s for s in spots if _beside(s, x, y, level.tile / 2)), None)
            if spot is not None:
                return spot.props["kind"]
        walked += d
        if walked >= distance:
            break
    return None
