"""The expectations: a fact (`facts.py`), how often or how long, and when.

    guard "pete" becomes suspicious before 4 s        something happens (at least once), in a window
    guard "pete" becomes suspicious once              ... exactly once (twice, 3 times, at least/most N times)
    not caught  /  no guard leaves patrol             ... never
    guard "pete" is within 1 tile of "crate_3" between 5 and 12 s     something is so at some moment
    guard "pete" stays within 3 tiles of "post"       ... at every moment of the window

A window is `before T s` (also `within`, `by`), `after T s`, `between A and B s`, `at T s`, or
nothing: the whole run. Times count from the level's start; a run that ends (Jesse caught, the
level complete) ends every window with it. A `Judge` watches one run tick by tick and gives the
verdict at its end: None, or a `Failure` saying when and why.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..world.ai.states import Cause, GuardState
from ..world.alarm import AlertPhase
from ..world.barks import BarkKey
from ..world.tuning import TICK_RATE
from . import facts as f
from .facts import ANY_GUARD, Condition, Guards, Happening, Who
from .places import Places
from .words import Words


@dataclass(frozen=True)
class Window:
    start: float = 0.0  # seconds
    end: float | None = None  # None: until the run ends

    @property
    def first(self) -> int:
        return math.ceil(self.start * TICK_RATE - 1e-9)

    @property
    def last(self) -> int | None:
        return None if self.end is None else math.floor(self.end * TICK_RATE + 1e-9)

    def has(self, tick: int) -> bool:
        return tick >= self.first and (self.end is None or tick <= self.last)

    def __str__(self) -> str:
        start, end = _time(self.start), None if self.end is None else _time(self.end)
        if end is None:
            return f"after {start} s" if self.start else "in the whole run"
        if self.start == self.end:
            return f"at {start} s"
        return f"between {start} and {end} s" if self.start else f"before {end} s"


def _time(t: float) -> str:
    """A time as a designer writes it: 4, 2.5, 1.03 (a tick's time to the hundredth)."""
    return f"{t:.2f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class Count:
    least: int = 1
    most: int | None = None

    def __str__(self) -> str:
        if self.most == self.least:
            return times(self.least)
        if self.most is None:
            return f"at least {times(self.least)}"
        return f"at most {times(self.most)}"


def times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


@dataclass(frozen=True)
class RunEnd:
    """How a run ended: the last tick played, and why it stopped there."""

    tick: int
    why: str  # "caught", "complete", "the script stopped", or "time" (the scenario's seconds)

    def early(self, window: "Window") -> str:
        """Why the window closed sooner than it says, if the run ended first."""
        if self.why == "time" or (window.last is not None and window.last <= self.tick):
            return ""
        return f" (the run ended at {seconds(self.tick)}: {self.why})"


@dataclass(frozen=True)
class Failure:
    tick: int
    reason: str


def seconds(tick: int) -> str:
    return f"{tick / TICK_RATE:.2f} s"


@dataclass(frozen=True)
class Expectation:
    line: int | None
    text: str
    window: Window
    negated: bool

    def judge(self, tell) -> "Judge":
        raise NotImplementedError


@dataclass(frozen=True)
class Happens(Expectation):
    fact: Happening
    count: Count = Count()

    def judge(self, tell):
        return _CountJudge(self, tell)


@dataclass(frozen=True)
class Holds(Expectation):
    fact: Condition
    always: bool = False

    def judge(self, tell):
        return _StateJudge(self)


class Judge:
    def observe(self, tick: int, world, events: list[dict]) -> None:
        raise NotImplementedError

    def verdict(self, end: RunEnd) -> Failure | None:
        raise NotImplementedError


def _nth(n: int) -> str:
    return {1: "first", 2: "second", 3: "third"}.get(n, f"{n}th")


def _close(window: Window, end: RunEnd) -> int:
    return end.tick if window.last is None else min(window.last, end.tick)


@dataclass
class _CountJudge(Judge):
    exp: Happens
    tell: object  # event -> words
    hits: list = field(default_factory=list)

    def observe(self, tick, world, events):
        if events and self.exp.window.has(tick):
            self.hits.extend((tick, e) for e in events if self.exp.fact.matches(e))

    def verdict(self, end):
        exp, hits = self.exp, self.hits
        if exp.negated:
            if hits:
                tick, e = hits[0]
                return Failure(tick, f"it did, at {seconds(tick)}: {self.tell(e)}")
            return None
        count = exp.count
        if count.most is not None and len(hits) > count.most:
            tick, e = hits[count.most]
            return Failure(tick, f"it happened {times(len(hits))}, not {count} (the {_nth(count.most + 1)} at "
                                 f"{seconds(tick)}: {self.tell(e)})")
        if len(hits) < count.least:
            close = _close(exp.window, end)
            if close < exp.window.first:
                return Failure(end.tick, f"the run ended at {seconds(end.tick)} ({end.why}), before {_time(exp.window.start)} s")
            said = "it never happened" if not hits else f"it happened {times(len(hits))}, not {count}"
            return Failure(close, f"{said} {exp.window}{end.early(exp.window)}")
        return None


@dataclass
class _StateJudge(Judge):
    exp: Holds
    held: int | None = None  # the first tick it held, in the window
    failed: int | None = None  # the first tick it did not
    detail: str = ""
    seen: bool = False
    closest: tuple[float, int] | None = None

    def observe(self, tick, world, events):
        exp = self.exp
        if not exp.window.has(tick):
            return
        self.seen = True
        holds = exp.fact.holds(world)
        if isinstance(exp.fact, f.Near):
            distance = exp.fact.distance(world)
            if self.closest is None or distance < self.closest[0]:
                self.closest = (distance, tick)
        if holds and self.held is None:
            self.held = tick
            if exp.negated and not exp.always:
                self.detail = exp.fact.detail(world)
        elif not holds and self.failed is None:
            self.failed = tick
            if exp.always and not exp.negated:
                self.detail = exp.fact.detail(world)

    def verdict(self, end):
        exp = self.exp
        also = f" ({self.detail})" if self.detail else ""
        if not self.seen:
            if exp.negated:
                return None
            return Failure(end.tick, f"the run ended at {seconds(end.tick)} ({end.why}), before {_time(exp.window.start)} s")
        close = _close(exp.window, end)
        if exp.always:
            if not exp.negated:
                return None if self.failed is None else Failure(self.failed, f"at {seconds(self.failed)} it was not{also}")
            return Failure(close, f"it was, throughout {exp.window}{end.early(exp.window)}") if self.failed is None else None
        if exp.negated:
            return None if self.held is None else Failure(self.held, f"it was, at {seconds(self.held)}{also}")
        if self.held is not None:
            return None
        nearest = f" (nearest: {self.closest[0]:.2f} tiles, at {seconds(self.closest[1])})" if self.closest else ""
        return Failure(close, f"it never was {exp.window}{nearest}{end.early(exp.window)}")


# ---------------------------------------------------------------- the grammar

SUBJECTS = ('guard "pete" ...', "any guard ...", "no guard ...", "caught", "level complete", "time runs out",
            "a noise of kind ...",
            'objective "x" done',
            'item "x" taken', "alert phase ...", 'door "x" ...', 'light "x" ...', 'noise maker "x" ...', "Jesse ...")


def parse_expectation(words: Words, places: Places, limit: float) -> Expectation:
    """One line of `expect`; `limit` is the scenario's length in seconds (no window may pass it)."""
    negated = words.accept("not")
    fact, always, flipped = _fact(words, places)
    negated ^= flipped
    count = _count(words)
    if count is not None and not isinstance(fact, Happening):
        raise words.error(f"a count ({count}) goes with what happens (becomes, says, opens...), not with what is")
    if count is not None and negated:
        raise words.error("'not' or 'never' with a count: say 'at most N times'")
    window = _window(words, limit)
    words.end()
    line, text = words.line, words.text
    if isinstance(fact, Happening):
        return Happens(line, text, window, negated, fact, count or Count())
    return Holds(line, text, window, negated, fact, always)


def _fact(words: Words, places: Places) -> tuple[object, bool, bool]:
    """(a Happening or a Condition, whether it must hold throughout, whether it is said negated)."""
    for phrase, flipped in ((("no", "guard"), True), (("any", "guard"), False)):
        if words.accept(*phrase):
            fact, always = _guard_fact(words, places, ANY_GUARD)
            if always:  # "any guard stays on patrol": one guard all the while, or at each moment some guard?
                raise words.error(f"'{' '.join(phrase)} ... stays' is ambiguous: say which guard stays (guard \"pete\" stays ...)")
            return fact, always, flipped
    if words.accept("guard"):
        guards = f.guard_ref(words, places)
        never = words.accept("never")
        return (*_guard_fact(words, places, guards), never)
    if words.accept("caught"):
        guards = f.guard_ref(words, places) if words.accept("by", "guard") else ANY_GUARD
        return f.Caught(guards), False, False
    if words.accept("level", "complete"):
        return f.LevelComplete(), False, False
    if words.accept("time", "runs", "out"):
        return f.TimeUp(), False, False
    if words.accept("a", "noise", "of", "kind"):
        return f.Noise(words.member("a kind of noise", f.NoiseKind)), False, False
    if words.accept("objective"):
        oid = _id(words, places, "objective", _objective_ids(places))
        words.expect("done")
        return f.ObjectiveDone(oid), False, False
    if words.accept("item"):
        item = _id(words, places, "item", {o.props["item"] for o in places.all if o.kind == "Item"})
        words.expect("taken")
        return f.ItemTaken(item), False, False
    words.accept("the")
    if words.accept("alert", "phase"):
        if words.accept("becomes"):
            return f.PhaseChange(words.member("an alert phase", AlertPhase)), False, False
        always = words.choice("becomes, is or stays", ("is", "stays")) == "stays"
        return f.PhaseIs(words.member("an alert phase", AlertPhase)), always, False
    if words.accept("door"):
        return _door(words, places)
    if words.accept("light"):
        light = f.find(words, places, words.ref("a light: its LightSwitch or its Light zone"), ("LightSwitch", "Light"))
        ids = {light.id} | {s.id for s in places.all if s.kind == "LightSwitch" and s.props["light"] == light.id}
        words.expect("goes")
        on = words.choice("off or on", ("off", "on")) == "on"
        return f.LightChange(frozenset(ids), on, _by(words, places)), False, False
    if words.accept("noise", "maker"):
        maker = f.find(words, places, words.ref("a noise maker"), ("NoiseMaker",)).id
        if words.accept("sounds"):
            return f.MakerChange(maker, True), False, False
        words.expect("is", "shut", "off")
        return f.MakerChange(maker, False, _by(words, places)), False, False
    if words.accept("jesse"):
        return _jesse(words, places)
    raise words.error(f"unknown expectation {words.got()} (they begin: {', '.join(SUBJECTS)})")


def _guard_fact(words: Words, places: Places, guards: Guards) -> tuple[object, bool]:
    if words.accept("becomes"):
        return f.StateChange(guards, to=words.member("a guard state", GuardState), cause=_because(words)), False
    if words.accept("goes", "from"):
        was = words.member("a guard state", GuardState)
        words.expect("to")
        return f.StateChange(guards, to=words.member("a guard state", GuardState), from_=was, cause=_because(words)), False
    if words.accept("leaves", "patrol"):
        return f.StateChange(guards, from_=GuardState.PATROL), False
    if words.accept("says", "a", "bark", "of", "kind") or words.accept("barks"):
        return f.Says(guards, words.member("a kind of bark", BarkKey)), False
    if words.accept("radios"):
        return f.Radios(guards, f.guard_ref(words, places) if words.accept("guard") else None), False
    if words.next_is("sees", "jesse", "hide"):
        words.expect("sees", "jesse", "hide")
        return f.Hides(seen=guards), False
    if words.accept("stays"):
        if words.accept("within"):
            return f.near(words, places, guards), True
        return f.GuardIn(guards, f.state_word(words)), True
    if words.accept("comes", "within"):
        return f.near(words, places, guards), False
    if words.next_is("sees") or words.next_is("notices") or words.next_is("is"):
        return f.guard_condition(words, places, guards), False
    raise words.error(f"expected what the guard does (becomes, goes from, leaves patrol, says a bark of kind, radios, "
                      f"sees Jesse, notices Jesse, is, stays, comes within), got {words.got()}")


def _door(words: Words, places: Places) -> tuple[object, bool, bool]:
    door = f.find(words, places, words.ref("a door"), ("Door",)).id
    if words.accept("opens"):
        return f.DoorChange(door, True, _by(words, places)), False, False
    if words.accept("shuts") or words.accept("closes"):
        return f.DoorChange(door, False, _by(words, places)), False, False
    always = words.choice("opens, shuts, is or stays", ("is", "stays")) == "stays"
    return f.DoorIs(door, words.choice("open or shut", ("open", "shut", "closed")) == "open"), always, False


def _jesse(words: Words, places: Places) -> tuple[object, bool, bool]:
    if words.accept("hides"):
        spot = None
        if words.accept("in"):
            spot = f.find(words, places, words.ref("a hiding spot"), ("HidingSpot",)).id
        seen = f.Seen.ANYHOW
        if words.accept("unseen"):
            seen = f.Seen.UNSEEN
        elif words.accept("seen"):
            seen = f.guard_ref(words, places) if words.accept("by", "guard") else f.Seen.SEEN
        return f.Hides(spot, seen), False, False
    always = words.choice("hides, is or stays", ("is", "stays")) == "stays"
    words.expect("within")
    return f.near(words, places, None), always, False


def _because(words: Words) -> Cause | None:
    return words.member("a cause", Cause) if words.accept("because") else None


def _by(words: Words, places: Places):
    if not words.accept("by"):
        return Who.ANYONE
    if words.accept("guard"):
        return f.guard_ref(words, places)
    if words.accept("a", "guard"):
        return Who.A_GUARD
    words.expect("jesse")
    return Who.JESSE


def _objective_ids(places: Places) -> set[str]:
    ids = {o.props["objective"] for o in places.all if o.kind == "Objective"}
    return ids | {o.props["confession"] for o in places.all if o.kind == "Marco"}


def _id(words: Words, places: Places, noun: str, known: set[str]) -> str:
    """An objective's or item's id (its `objective` or `item` property, not an object's name)."""
    ref = words.ref(f"an {noun} id")
    if ref.name is None:
        raise words.error(f"an {noun} is named by its id in quotes, as its {noun!r} property gives it")
    if ref.name not in known:
        shown = ", ".join(f'"{k}"' for k in sorted(known)[:8]) or "none"
        raise words.error(f'{places.map_name} has no {noun} "{ref.name}" (it has: {shown})')
    return ref.name


def _count(words: Words) -> Count | None:
    if words.accept("once"):
        return Count(1, 1)
    if words.accept("twice"):
        return Count(2, 2)
    for phrase, make in ((("at", "least"), lambda n: Count(n, None)), (("at", "most"), lambda n: Count(0, n)),
                         (("exactly",), lambda n: Count(n, n))):
        if words.accept(*phrase):
            n = words.whole("a count", 0, 100_000)
            words.choice("times", ("times", "time"))
            return make(n)
    token, after = words.peek(), words.peek(1)
    if token is not None and token.kind == "number" and after is not None and after.text.lower() in ("times", "time"):
        n = words.whole("a count", 0, 100_000)
        words.choice("times", ("times", "time"))
        return Count(n, n)
    return None


def _window(words: Words, limit: float) -> Window:
    if words.accept("before") or words.accept("within") or words.accept("by"):
        window = Window(0.0, words.seconds())
    elif words.accept("after"):
        window = Window(words.seconds(), None)
    elif words.accept("at"):
        t = round(words.seconds() * TICK_RATE) / TICK_RATE  # the tick nearest that moment
        window = Window(t, t)
    elif words.accept("between"):
        start = words.seconds("the window's start", unit=False)
        words.expect("and")
        window = Window(start, words.seconds("the window's end"))
        if window.end < window.start:
            raise words.error(f"the window ends ({window.end:g} s) before it starts ({window.start:g} s)")
    else:
        return Window()
    for t in (window.start, window.end):
        if t is not None and t > limit:
            raise words.error(f"{t:g} s is after the scenario's end (seconds = {limit:g})")
    return window
