"""The pilot: plays Jesse's script (`steps.py`) in a `World`, one `Intent` a tick, as a player's
hands would.

Steps are played in order; when the script is over Jesse stands where he is. Walking follows a
path from the game's own navigation grid (`Grid.find_path`, the A* and string pulling the guards
walk by). A step that cannot be played (no way to the place, nothing in reach to press, nothing
left to throw) stops the script and fails the scenario, at that moment, saying why.

Jesse's posture: after sneaking he stays crouched when he stops (waits, presses and throws
crouched, as a player holding sneak), after walking or sprinting he stands; `crouch` and `stand`
say so outright.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..world.intent import IDLE, Intent
from ..world.tuning import TICK_RATE
from .facts import Condition
from .steps import (USES, Hide, Interact, Pace, PaceBetween, Posture, Step, Throw, Use, Wait, WaitUntil,
                    Walk)

ARRIVE = 3.0  # px: close enough to a waypoint to head for the next
CLEARANCE = 2.0  # px more than his body that a path keeps from the walls
STUCK_TICKS = 45  # ticks without getting nearer to the next waypoint: stuck (a new path once, then give up)


@dataclass(frozen=True)
class Stopped:
    """Why the script could not go on: the step, the tick, the reason."""

    step: Step
    tick: int
    reason: str


class Pilot:
    """Plays the steps: called once a tick with the world, returns Jesse's intent (a `PlayerFn`)."""

    def __init__(self, steps: list[Step]):
        self.steps = list(steps)
        self.index = 0
        self.action = None
        self.crouched = False
        self.stopped: Stopped | None = None
        self._world = None

    @property
    def step(self) -> Step | None:
        return self.steps[self.index] if self.index < len(self.steps) else None

    @property
    def waiting(self) -> WaitUntil | None:
        """The `wait until` step the script is held at, if it is."""
        step = self.step
        return step if isinstance(step, WaitUntil) and self.stopped is None else None

    def fail(self, reason: str) -> None:
        if self.stopped is None:
            self.stopped = Stopped(self.step, self._world.tick, reason)

    def rest(self) -> Intent:
        """What Jesse gives when no step moves him: crouched or standing still."""
        return Intent(sneak=True) if self.crouched else IDLE

    def __call__(self, world) -> Intent:
        self._world = world
        while self.stopped is None and self.index < len(self.steps):
            if self.action is None:
                self.action = _start(self.steps[self.index], self, world)
            intent = self.action.next(world) if self.action is not None and self.stopped is None else None
            if self.stopped is not None:
                break
            if intent is not None:
                return intent
            self.action = None
            self.index += 1
        return self.rest()


def _start(step: Step, pilot: Pilot, world):
    """The action that plays `step` from now (`next(world)` gives intents, None when done), or None
    for a step done as it starts."""
    match step:
        case Walk():
            return _Walking(pilot, world, [step.to], step.pace, step.label)
        case PaceBetween():
            return _Pacing(step, pilot, world)
        case Wait():
            return _Waiting(pilot, world.tick + round(step.seconds * TICK_RATE))
        case WaitUntil():
            return _Until(pilot, step.condition)
        case Posture():
            pilot.crouched = step.crouched
            return None
        case Throw():
            return _Throwing(pilot, step.at, step.label)
        case Interact():
            return _Pressing(pilot)
        case Hide():
            return _Hiding(step, pilot, world)
        case Use():
            return _Using(step, pilot, world)
    raise TypeError(f"no way to play {type(step).__name__} steps")


def _path_length(start, path) -> float:
    points = [start, *path]
    return sum(math.dist(a, b) for a, b in zip(points, points[1:]))


def nearest(world, goals) -> tuple[int, list[tuple[float, float]]] | None:
    """Which of `goals` the shortest of the game's paths from Jesse leads to, and that path; None
    if none is open."""
    here = (world.player.x, world.player.y)
    radius = world.physics.radius + CLEARANCE
    best = None
    for i, goal in enumerate(goals):
        path = world.grid.find_path(here, goal, radius=radius)
        if path is not None:
            length = _path_length(here, path)
            if best is None or length < best[0]:
                best = (length, i, path)
    return None if best is None else (best[1], list(best[2]))


def plan(world, goals) -> list[tuple[float, float]] | None:
    """The shortest of the game's paths from Jesse to any of `goals`, or None if none is open."""
    found = nearest(world, goals)
    return None if found is None else found[1]


def reach_goals(world, point) -> list[tuple[float, float]]:
    """Where to stand to reach a thing at `point`: on it, or a tile off on any side (a switch on a
    wall, a door's either side)."""
    t = world.tile
    x, y = point
    return [(x, y), (x - t, y), (x + t, y), (x, y - t), (x, y + t)]


class _Walking:
    """Along a planned path at a pace; with `reach`, only until `reach(world)` is true."""

    def __init__(self, pilot: Pilot, world, goals, pace: Pace, label: str, reach=None):
        self.pilot, self.goals, self.pace, self.label, self.reach = pilot, goals, pace, label, reach
        self.path = plan(world, goals)
        self.replanned = False
        self._progress(world)
        if self.path is None:
            pilot.fail(f"no way for Jesse to {label} from where he stands (a wall or a shut door between)")

    def _progress(self, world) -> None:
        self.best, self.since = math.inf, world.tick

    def next(self, world) -> Intent | None:
        if self.reach is not None and self.reach(world):
            return None
        p = world.player
        while self.path and math.hypot(self.path[0][0] - p.x, self.path[0][1] - p.y) < ARRIVE:
            self.path.pop(0)
            self._progress(world)
        if not self.path:
            self.pilot.crouched = self.pace == Pace.SNEAK
            if self.reach is not None:
                self.pilot.fail(f"Jesse got as near as he can and still cannot {self.label}")
            return None
        x, y = self.path[0]
        d = math.hypot(x - p.x, y - p.y)
        if d < self.best - 0.5:
            self.best, self.since = d, world.tick
        elif world.tick - self.since > STUCK_TICKS:
            if self.replanned:
                self.pilot.fail(f"Jesse is stuck at ({p.x / world.tile:.1f}, {p.y / world.tile:.1f}) tiles "
                                f"on his way to {self.label}")
                return None
            self.replanned, self.path = True, plan(world, self.goals)
            self._progress(world)
            if self.path is None:
                self.pilot.fail(f"no way for Jesse to {self.label} from where he got to")
                return None
            return self.next(world)
        return Intent(((x - p.x) / d, (y - p.y) / d), sneak=self.pace == Pace.SNEAK, sprint=self.pace == Pace.SPRINT)


class _Pacing:
    def __init__(self, step: PaceBetween, pilot: Pilot, world):
        self.step, self.pilot = step, pilot
        self.until = None if step.seconds is None else world.tick + round(step.seconds * TICK_RATE)
        self.leg = 0
        self.walking = self._leg(world)

    def _leg(self, world) -> _Walking:
        point, label = (self.step.a, self.step.labels[0]) if self.leg % 2 == 0 else (self.step.b, self.step.labels[1])
        return _Walking(self.pilot, world, [point], self.step.pace, f"walk to {label}")

    def next(self, world) -> Intent | None:
        if self.until is not None and world.tick >= self.until:
            return None
        intent = self.walking.next(world)
        if intent is None and self.pilot.stopped is None:
            self.leg += 1
            self.walking = self._leg(world)
            intent = self.walking.next(world)
        return intent


class _Waiting:
    def __init__(self, pilot: Pilot, until: int):
        self.pilot, self.until = pilot, until

    def next(self, world) -> Intent | None:
        return self.pilot.rest() if world.tick < self.until else None


class _Until:
    def __init__(self, pilot: Pilot, condition: Condition):
        self.pilot, self.condition = pilot, condition

    def next(self, world) -> Intent | None:
        return None if self.condition.holds(world) else self.pilot.rest()


class _Throwing:
    def __init__(self, pilot: Pilot, at, label: str):
        self.pilot, self.at, self.label = pilot, at, label
        self.left: int | None = None  # throws left before his, once thrown

    def next(self, world) -> Intent | None:
        if self.left is not None:
            if world.throwables >= self.left:
                self.pilot.fail(f"the throw at {self.label} did not leave his hand (he stands on the spot)")
            return None
        if any(not p.landed for p in world.projectiles):
            return self.pilot.rest()  # the last throw is still in the air
        if world.throwables <= 0:
            self.pilot.fail(f"nothing left to throw at {self.label}")
            return None
        self.left = world.throwables
        return Intent(sneak=self.pilot.crouched, throw=self.at)


class _Pressing:
    """One press of interact and its release (the game acts on a press, not on a held button)."""

    def __init__(self, pilot: Pilot):
        self.pilot = pilot
        self.pressed = self.released = False

    def next(self, world) -> Intent | None:
        if self.released:
            return None
        if self.pressed:  # a tick with the button up, so that the next press is a press
            self.released = True
            return self.pilot.rest()
        if world.interaction() is None:
            self.pilot.fail("nothing within Jesse's reach to interact with")
            return None
        self.pressed = True
        return Intent(sneak=self.pilot.crouched, interact=True)


def _acts_on(world, kind: str, thing: int) -> bool:
    target = world.interaction()
    return target is not None and target[0] == kind and target[1].id == thing


class _Using:
    def __init__(self, step: Use, pilot: Pilot, world):
        self.step, self.pilot = step, pilot
        kind, self.called, self.done_when_open = USES[step.verb]
        self.part = _Walking(pilot, world, reach_goals(world, step.at), step.pace, f"{step.verb} {step.label}",
                             reach=lambda w: _acts_on(w, self.called, step.thing))
        self.walking = True

    def next(self, world) -> Intent | None:
        if self.walking:
            intent = self.part.next(world)
            if intent is not None or self.pilot.stopped is not None:
                return intent
            self.walking = False
            self.pilot.crouched = self.step.pace == Pace.SNEAK
            if self.done_when_open is not None and any(
                    d.id == self.step.thing and d.open == self.done_when_open for d in world.doors.doors):
                return None  # already as wanted: a press would undo it
            self.part = _Pressing(self.pilot)
        return self.part.next(world)


class _Hiding:
    def __init__(self, step: Hide, pilot: Pilot, world):
        self.pilot = pilot
        found = nearest(world, [middle for _, middle, _ in step.spots])
        if found is None:
            self.walking = None
            pilot.fail("no hiding spot Jesse can walk to")
            return
        self.spot, middle, self.label = step.spots[found[0]]
        self.walking = _Walking(pilot, world, [middle], step.pace, f"hide in {self.label}")

    def next(self, world) -> Intent | None:
        if self.walking is None:
            return None
        intent = self.walking.next(world)
        if intent is None and self.pilot.stopped is None and world.player.hiding_spot != self.spot:
            self.pilot.fail(f"Jesse stands in {self.label} and is not hidden there")
        return intent
