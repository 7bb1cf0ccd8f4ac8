"""Jesse's script as data: the verbs a scenario's `script` is written in, the steps they read as,
and the grammar that reads a line into one.

Each line is one step, read by `parse_step` into a `Step` that holds the points and ids of the
places it names (resolved when the file is read: a place is named, never a coordinate). Steps are
plain data; `pilot.py` plays them in a `World`, as a player's hands would.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .facts import Condition, condition, find
from .places import Places
from .words import Words


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


# The verbs that walk to a place, and their pace (`walk to` may be told another: `walk to "x" sneaking`).
WALKS = {Verb.WALK: Pace.WALK, Verb.SNEAK: Pace.SNEAK, Verb.SPRINT: Pace.SPRINT}

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
    """One line of the script: its line and text (for messages); each kind adds what it needs."""

    line: int | None
    text: str


@dataclass(frozen=True)
class Walk(Step):
    to: tuple[float, float]
    label: str
    pace: Pace


@dataclass(frozen=True)
class PaceBetween(Step):
    a: tuple[float, float]
    b: tuple[float, float]
    labels: tuple[str, str]
    pace: Pace
    seconds: float | None  # None: for as long as the run lasts


@dataclass(frozen=True)
class Wait(Step):
    seconds: float


@dataclass(frozen=True)
class WaitUntil(Step):
    condition: Condition


@dataclass(frozen=True)
class Posture(Step):
    crouched: bool


@dataclass(frozen=True)
class Throw(Step):
    at: tuple[float, float]
    label: str


@dataclass(frozen=True)
class Interact(Step):
    """One press of interact on whatever is in reach."""


@dataclass(frozen=True)
class Hide(Step):
    spots: tuple[tuple[int, tuple[float, float], str], ...]  # (id, middle, label): the one named, or every spot
    pace: Pace


@dataclass(frozen=True)
class Use(Step):
    """Walk up to a thing until interact acts on it, then press (`flip switch`, `open door`...)."""

    verb: Verb
    thing: int
    at: tuple[float, float]
    label: str
    pace: Pace


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
    if verb in WALKS:
        ref = words.ref("a place")
        target = find(words, places, ref)
        pace = _pace(words, Pace.WALK) if verb == Verb.WALK else WALKS[verb]
        step = Walk(line, text, target.center, f"walk to {ref}", pace)
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
