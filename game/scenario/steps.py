"""Jesse's script: the verbs a scenario's `script` is written in, and the pilot that plays them.

Each line is one step, played in order; when the script is over Jesse stands where he is. Steps
are plain data (`Step` subclasses, read by `parse_step`); the `Pilot` turns them into an `Intent`
each tick, as a player's hands would. Walking follows a path from the game's own navigation grid
(`Grid.find_path`, the A* and string pulling the guards walk by): a place is named, never a
coordinate. A step that cannot be played (no way to the place, nothing in reach to press, nothing
left to throw) stops the script and fails the scenario, at that moment, saying why.

Jesse's posture: after sneaking he stays crouched when he stops (waits, presses and throws
crouched, as a player holding sneak), after walking or sprinting he stands; `crouch` and `stand`
say so outright.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from ..world.intent import IDLE, Intent
from ..world.tuning import TICK_RATE
from .facts import Condition, condition, find
from .places import Places
from .words import Words

ARRIVE = 3.0  # px: close enough to a waypoint to head for the next
CLEARANCE = 2.0  # px more than his body that a path keeps from the walls
STUCK_TICKS = 45  # ticks without getting nearer to the next waypoint: stuck (a new path once, then give up)


class Pace(StrEnum):
    SNEAK = "sneaking"
    WALK = "walking"
    SPRINT = "sprinting"


class Verb(StrEnum):
    """The first words of a step."""

    WALK = "walk to"
    SNEAK = "sneak to"
    SPRINT = "sprint to"
    PACE = "pace between"
    WAIT = "wait"
    CROUCH = "crouch"
    STAND = "stand"
    THROW = "throw at"
    INTERACT = "interact"
    HIDE = "hide"
    FLIP_SWITCH = "flip switch"
    SET_OFF = "set off"
    OPEN_DOOR = "open door"
    CLOSE_DOOR = "close door"
    TAKE = "take"
    TALK_TO = "talk to"


# The verbs that walk up to a thing and press interact on it: the kind it must be, what
# `World.interaction` calls it, and for doors the state that makes the press unneeded.
USES = {
    Verb.FLIP_SWITCH: ("LightSwitch", "switch", None),
    Verb.SET_OFF: ("NoiseMaker", "noise_maker", None),
    Verb.OPEN_DOOR: ("Door", "door", True),
    Verb.CLOSE_DOOR: ("Door", "door", False),
    Verb.TAKE: ("Item", "item", None),
    Verb.TALK_TO: ("Kim", "talk", None),
}


@dataclass(frozen=True)
class Step:
    line: int | None
    text: str

    def start(self, world, pilot: "Pilot"):
        """The action that plays this step from now: `next(world)` gives intents, None when done."""
        raise NotImplementedError


@dataclass(frozen=True)
class Walk(Step):
    to: tuple[float, float]
    label: str
    pace: Pace

    def start(self, world, pilot):
        return _Walking(pilot, world, [self.to], self.pace, self.label)


@dataclass(frozen=True)
class PaceBetween(Step):
    a: tuple[float, float]
    b: tuple[float, float]
    labels: tuple[str, str]
    pace: Pace
    seconds: float | None  # None: for as long as the run lasts

    def start(self, world, pilot):
        return _Pacing(self, pilot, world)


@dataclass(frozen=True)
class Wait(Step):
    seconds: float

    def start(self, world, pilot):
        return _Waiting(pilot, world.tick + round(self.seconds * TICK_RATE))


@dataclass(frozen=True)
class WaitUntil(Step):
    condition: Condition

    def start(self, world, pilot):
        return _Until(pilot, self.condition)


@dataclass(frozen=True)
class Posture(Step):
    crouched: bool

    def start(self, world, pilot):
        pilot.crouched = self.crouched
        return None


@dataclass(frozen=True)
class Throw(Step):
    at: tuple[float, float]
    label: str

    def start(self, world, pilot):
        return _Throwing(pilot, self.at, self.label)


@dataclass(frozen=True)
class Interact(Step):
    def start(self, world, pilot):
        return _Pressing(pilot)


@dataclass(frozen=True)
class Hide(Step):
    spots: tuple[tuple[int, tuple[float, float], str], ...]  # (id, middle, label): the one named, or every spot
    pace: Pace

    def start(self, world, pilot):
        return _Hiding(self, pilot, world)


@dataclass(frozen=True)
class Use(Step):
    """Walk up to a thing until interact acts on it, then press (`flip switch`, `open door`...)."""

    verb: Verb
    thing: int
    at: tuple[float, float]
    label: str
    pace: Pace

    def start(self, world, pilot):
        return _Using(self, pilot, world)


# ---------------------------------------------------------------- the pilot

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
                self.action = self.steps[self.index].start(world, self)
            intent = self.action.next(world) if self.action is not None and self.stopped is None else None
            if self.stopped is not None:
                break
            if intent is not None:
                return intent
            self.action = None
            self.index += 1
        return self.rest()


def _path_length(start, path) -> float:
    points = [start, *path]
    return sum(math.dist(a, b) for a, b in zip(points, points[1:]))


def plan(world, goals) -> list[tuple[float, float]] | None:
    """The shortest of the game's paths from Jesse to any of `goals`, or None if none is open."""
    here = (world.player.x, world.player.y)
    radius = world.physics.radius + CLEARANCE
    best = None
    for goal in goals:
        path = world.grid.find_path(here, goal, radius=radius)
        if path is not None and (best is None or _path_length(here, path) < best[0]):
            best = (_path_length(here, path), path)
    return None if best is None else list(best[1])


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
        self.step, self.pilot = step, pilot
        best = None
        for spot, middle, label in step.spots:
            path = plan(world, [middle])
            if path is not None and (best is None or _path_length((world.player.x, world.player.y), path) < best[0]):
                best = (_path_length((world.player.x, world.player.y), path), spot, middle, label)
        if best is None:
            self.walking = None
            pilot.fail("no hiding spot Jesse can walk to")
            return
        _, self.spot, middle, self.label = best
        self.walking = _Walking(pilot, world, [middle], step.pace, f"hide in {self.label}")

    def next(self, world) -> Intent | None:
        if self.walking is None:
            return None
        intent = self.walking.next(world)
        if intent is None and self.pilot.stopped is None and world.player.hiding_spot != self.spot:
            self.pilot.fail(f"Jesse stands in {self.label} and is not hidden there")
        return intent


# ---------------------------------------------------------------- the grammar

VERBS_TEXT = ", ".join(v.value for v in Verb)


def _pace(words: Words, default: Pace) -> Pace:
    for pace in Pace:
        if words.accept(pace.value):
            return pace
    return default


def parse_step(words: Words, places: Places) -> Step:
    """One line of the script."""
    line, text = words.line, words.text
    verb = next((v for v in Verb if words.next_is(v.value.split()[0])), None)
    if verb is None:
        raise words.error(f"unknown verb {words.got()} (the verbs: {VERBS_TEXT})")
    words.expect(*verb.value.split())
    if verb in (Verb.WALK, Verb.SNEAK, Verb.SPRINT):
        ref = words.ref("a place")
        target = find(words, places, ref)
        default = {Verb.WALK: Pace.WALK, Verb.SNEAK: Pace.SNEAK, Verb.SPRINT: Pace.SPRINT}[verb]
        step = Walk(line, text, target.center, f"walk to {ref}", _pace(words, default) if verb == Verb.WALK else default)
    elif verb == Verb.PACE:
        a = words.ref("a place")
        point_a = find(words, places, a).center
        words.expect("and")
        b = words.ref("a place")
        point_b = find(words, places, b).center
        pace = _pace(words, Pace.WALK)
        seconds = words.seconds("how long") if words.accept("for") else None
        step = PaceBetween(line, text, point_a, point_b, (str(a), str(b)), pace, seconds)
    elif verb == Verb.WAIT:
        if words.accept("until"):
            step = WaitUntil(line, text, condition(words, places))
        else:
            step = Wait(line, text, words.seconds("how long to wait"))
    elif verb in (Verb.CROUCH, Verb.STAND):
        step = Posture(line, text, verb == Verb.CROUCH)
    elif verb == Verb.THROW:
        ref = words.ref("a place to throw at")
        step = Throw(line, text, find(words, places, ref).center, str(ref))
    elif verb == Verb.INTERACT:
        step = Interact(line, text)
    elif verb == Verb.HIDE:
        if words.accept("in"):
            ref = words.ref("a hiding spot")
            spot = find(words, places, ref, ("HidingSpot",))
            spots = ((spot.id, spot.center, str(ref)),)
        else:
            spots = tuple((s.id, s.center, places.thing(s.id)) for s in places.all if s.kind == "HidingSpot")
            if not spots:
                raise words.error(f"{places.map_name} has no HidingSpot to hide in")
        step = Hide(line, text, spots, _pace(words, Pace.WALK))
    else:
        kind = USES[verb][0]
        ref = words.ref(f"a {kind}")
        thing = find(words, places, ref, (kind,), verb.value)
        step = Use(line, text, verb, thing.id, thing.center, str(ref), _pace(words, Pace.WALK))
    words.end()
    return step


def check_script(steps: list[Step], source) -> None:
    """Refuse a script whose later steps could never be played."""
    for i, step in enumerate(steps[:-1]):
        if isinstance(step, PaceBetween) and step.seconds is None:
            raise source.error("the steps after an endless 'pace between' never come: give it 'for N s'",
                               steps[i + 1].line)
