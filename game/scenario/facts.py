"""What a scenario can observe, as types: what happens (a `Happening`, matched against the world's
events) and what is (a `Condition`, asked of the world after a tick). Expectations judge both
over time (`expect.py`); the script's `wait until` waits for a condition (`steps.py`, `pilot.py`).

Each fact holds ids from the map, resolved when the file is read, never names to look up late.
The grammar shared by the two (who a fact is about, and the conditions) is here too.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from ..world.ai.states import Cause, GuardState
from ..world.alarm import AlertPhase
from ..world.barks import BarkKey
from ..world.events import EventType
from .places import GUARD_KINDS, Places
from .words import JESSE, Ref, Words


@dataclass(frozen=True)
class Guards:
    """Whom a fact is about: one guard (by id), or any of them (`ids` None)."""

    ids: frozenset[int] | None = None

    def has(self, guard_id) -> bool:
        return self.ids is None or guard_id in self.ids

    def of(self, world) -> list:
        return [g for g in world.guards if self.has(g.id)]


ANY_GUARD = Guards()


class Who(StrEnum):
    """Who did it, for doors, lights and noise makers (or a `Guards`: that guard)."""

    ANYONE = "anyone"
    JESSE = "Jesse"
    A_GUARD = "a guard"


def _done_by(by, e: dict) -> bool:
    who = e.get("by")
    if by == Who.ANYONE:
        return True
    if by == Who.JESSE:
        return who is None and not e.get("sealed")
    if by == Who.A_GUARD:
        return who is not None
    return who is not None and by.has(who)


# ---------------------------------------------------------------- what happens

class Happening:
    """Something that happens: true of some of the world's events."""

    def matches(self, e: dict) -> bool:
        raise NotImplementedError


@dataclass(frozen=True)
class StateChange(Happening):
    """A guard changes state (`becomes`, `goes from ... to`, `leaves patrol`)."""

    guards: Guards
    to: GuardState | None = None
    from_: GuardState | None = None
    cause: Cause | None = None

    def matches(self, e):
        return (e["type"] == EventType.GUARD_STATE and self.guards.has(e["guard"])
                and (self.to is None or e["to"] == self.to) and (self.from_ is None or e["from"] == self.from_)
                and (self.cause is None or e["cause"] == self.cause))


@dataclass(frozen=True)
class Says(Happening):
    """A guard says a bark of a kind (`says a bark of kind heard_step`)."""

    guards: Guards
    key: BarkKey

    def matches(self, e):
        return e["type"] == EventType.BARK and self.guards.has(e["guard"]) and e["line"].split(".")[1] == self.key


@dataclass(frozen=True)
class Radios(Happening):
    """A guard calls on the radio (reaching another, when `to` says whom)."""

    guards: Guards
    to: Guards | None = None

    def matches(self, e):
        return (e["type"] == EventType.RADIO and self.guards.has(e["guard"])
                and (self.to is None or any(self.to.has(g) for g in e["to"])))


@dataclass(frozen=True)
class Caught(Happening):
    guards: Guards = ANY_GUARD

    def matches(self, e):
        return e["type"] == EventType.CAUGHT and self.guards.has(e["guard"])


@dataclass(frozen=True)
class ObjectiveDone(Happening):
    objective: str

    def matches(self, e):
        return e["type"] == EventType.OBJECTIVE_DONE and e["objective"] == self.objective


@dataclass(frozen=True)
class ItemTaken(Happening):
    item: str

    def matches(self, e):
        return e["type"] == EventType.ITEM_TAKEN and e["item"] == self.item


@dataclass(frozen=True)
class LevelComplete(Happening):
    def matches(self, e):
        return e["type"] == EventType.CHAPTER_COMPLETE


class NoiseKind(StrEnum):
    """What made a noise (a `noise` event's source)."""

    STEP = "step"
    THROW = "throw"
    DOOR = "door"
    MACHINE = "machine"


@dataclass(frozen=True)
class Noise(Happening):
    """A noise is made (whoever hears it): a step, a throw landing, a door, a noise maker."""

    kind: NoiseKind

    def matches(self, e):
        return e["type"] == EventType.NOISE and e["source"] == self.kind


@dataclass(frozen=True)
class TimeUp(Happening):
    """A level's countdown runs out (the sirens): the level is lost, though no guard caught him."""

    def matches(self, e):
        return e["type"] == EventType.TIME_UP


@dataclass(frozen=True)
class PhaseChange(Happening):
    phase: AlertPhase

    def matches(self, e):
        return e["type"] == EventType.ALERT_PHASE and e["phase"] == self.phase


@dataclass(frozen=True)
class DoorChange(Happening):
    door: int
    open: bool
    by: object = Who.ANYONE  # a Who or a Guards

    def matches(self, e):
        return e["type"] == EventType.DOOR and e["door"] == self.door and e["open"] == self.open and _done_by(self.by, e)


@dataclass(frozen=True)
class LightChange(Happening):
    """A light goes off or on: named by its switch or by its Light zone."""

    ids: frozenset[int]
    on: bool
    by: object = Who.ANYONE

    def matches(self, e):
        return (e["type"] == EventType.LIGHT and (e["switch"] in self.ids or e["light"] in self.ids)
                and e["on"] == self.on and _done_by(self.by, e))


@dataclass(frozen=True)
class MakerChange(Happening):
    """A noise maker sounds (`on`) or is shut off."""

    maker: int
    on: bool
    by: object = Who.ANYONE

    def matches(self, e):
        return e["type"] == EventType.NOISE_MAKER and e["maker"] == self.maker and e["on"] == self.on and _done_by(self.by, e)


class Seen(StrEnum):
    ANYHOW = "anyhow"
    UNSEEN = "unseen"
    SEEN = "seen"


@dataclass(frozen=True)
class Hides(Happening):
    """Jesse slips into a hiding spot (a given one), seen or unseen (by a given guard)."""

    spot: int | None = None
    seen: object = Seen.ANYHOW  # a Seen or a Guards: seen by that guard

    def matches(self, e):
        if e["type"] != EventType.HIDE or (self.spot is not None and e["spot"] != self.spot):
            return False
        if self.seen == Seen.UNSEEN:
            return not e["seen_by"]
        if self.seen == Seen.SEEN:
            return bool(e["seen_by"])
        if isinstance(self.seen, Guards):
            return any(self.seen.has(g) for g in e["seen_by"])
        return True


# ---------------------------------------------------------------- what is

class Condition:
    """Something true or not of the world after a tick."""

    def holds(self, world) -> bool:
        raise NotImplementedError

    def detail(self, world) -> str:
        """What a failure says of the world at that moment ("2.3 tiles away"); may be empty."""
        return ""


@dataclass(frozen=True)
class GuardIn(Condition):
    guards: Guards
    state: GuardState

    def holds(self, world):
        return any(g.state == self.state for g in self.guards.of(world))

    def detail(self, world):
        return ", ".join(f"{g.state}" for g in self.guards.of(world)[:3])


@dataclass(frozen=True)
class GuardSees(Condition):
    """He sees Jesse now (not through a wall, a shut door, the dark)."""

    guards: Guards

    def holds(self, world):
        return any(g.sees_player for g in self.guards.of(world))


@dataclass(frozen=True)
class GuardNotices(Condition):
    """His awareness of Jesse is above nothing."""

    guards: Guards

    def holds(self, world):
        return any(g.awareness > 0.0 for g in self.guards.of(world))

    def detail(self, world):
        return "awareness " + ", ".join(f"{g.awareness:.3g}" for g in self.guards.of(world)[:3])


@dataclass(frozen=True)
class Near(Condition):
    """Someone (guards, or Jesse when `guards` is None) is within `tiles` of a point (or of Jesse)."""

    guards: Guards | None
    point: tuple[float, float] | None  # None: Jesse
    tiles: float

    def distance(self, world) -> float:
        """The nearest one's distance, in tiles."""
        p = world.player
        tx, ty = (p.x, p.y) if self.point is None else self.point
        who = [(p.x, p.y)] if self.guards is None else [(g.x, g.y) for g in self.guards.of(world)]
        return min((math.hypot(x - tx, y - ty) for x, y in who), default=math.inf) / world.tile

    def holds(self, world):
        return self.distance(world) <= self.tiles

    def detail(self, world):
        return f"{self.distance(world):.2f} tiles away"


@dataclass(frozen=True)
class PhaseIs(Condition):
    phase: AlertPhase

    def holds(self, world):
        return world.alarm.phase == self.phase

    def detail(self, world):
        return f"the phase is {world.alarm.phase}"


@dataclass(frozen=True)
class DoorIs(Condition):
    door: int
    open: bool

    def holds(self, world):
        return any(d.id == self.door and d.open == self.open for d in world.doors.doors)


# ---------------------------------------------------------------- the shared grammar

def find(words: Words, places: Places, ref: Ref, kinds: tuple[str, ...] = (), what: str = ""):
    """The object a line names, or the line's error saying why not."""
    try:
        return places.find(ref, kinds, what)
    except LookupError as exc:
        raise words.error(str(exc)) from None


def guard_ref(words: Words, places: Places) -> Guards:
    """After the word `guard`: which one."""
    obj = find(words, places, words.ref("a guard"), GUARD_KINDS)
    return Guards(frozenset({obj.id}))


def place_point(words: Words, places: Places, jesse: bool = False) -> tuple[float, float] | None:
    """A place's point; None for Jesse himself (where `jesse` allows him)."""
    ref = words.ref("a place", jesse=jesse)
    if ref == JESSE:
        return None
    return find(words, places, ref).center


def state_word(words: Words) -> GuardState:
    words.accept("on") or words.accept("in")  # "is on patrol", "is in search"
    return words.member("a guard state", GuardState)


def guard_condition(words: Words, places: Places, guards: Guards) -> Condition:
    """What a guard is: `is alert`, `is on patrol`, `sees Jesse`, `notices Jesse`,
    `is within 2 tiles of "crate"` (taken after the subject)."""
    if words.accept("sees"):
        words.expect("jesse")
        return GuardSees(guards)
    if words.accept("notices"):
        words.expect("jesse")
        return GuardNotices(guards)
    words.expect("is")
    if words.accept("within"):
        return near(words, places, guards)
    return GuardIn(guards, state_word(words))


def near(words: Words, places: Places, guards: Guards | None) -> Near:
    """After `within`: `N tiles of PLACE` (or `of Jesse`)."""
    tiles = words.tiles()
    words.expect("of")
    return Near(guards, place_point(words, places, jesse=guards is not None), tiles)


def condition(words: Words, places: Places) -> Condition:
    """A condition as `wait until` reads it."""
    if words.accept("guard"):
        return guard_condition(words, places, guard_ref(words, places))
    if words.accept("any", "guard"):
        return guard_condition(words, places, ANY_GUARD)
    if words.accept("jesse", "is", "within"):
        return near(words, places, None)
    words.accept("the")
    if words.accept("alert", "phase"):
        words.expect("is")
        return PhaseIs(words.member("an alert phase", AlertPhase))
    if words.accept("door"):
        door = find(words, places, words.ref("a door"), ("Door",)).id
        words.expect("is")
        return DoorIs(door, words.choice("open or shut", ("open", "shut", "closed")) == "open")
    raise words.error(f"expected a condition (guard \"pete\" is alert, any guard sees Jesse, the alert phase is "
                      f"calm, door \"x\" is open, Jesse is within 2 tiles of \"x\"), got {words.got()}")
