"""Calls during play: Kim on Jesse's phone, Marco on the crew's radio, the news on the garage
radio. A call is a conversation file (`dialogue/call_*.toml`) that plays in a corner while the
level goes on; when it comes is data too.

Two ways a call comes:
- a map `Trigger` whose `on_enter` names it (`call_...`): when Jesse walks in;
- a rule in `calls.toml`: in a chapter, on a cue the tick's events or the world show (`Cue`).

A call named `X` plays `X_ghost` while no guard has seen Jesse this attempt and `X_seen` once
one has, when those files exist (else `X` itself). Each call plays once per attempt at a level.
`CallBook` is pure: it reads events and the world and says which calls are due; the level scene
plays them (`render/call_view.py`).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from ..errors import DataError
from ..paths import STORY_DIR
from ..world.alarm import AlertPhase
from ..world.events import EventType
from ..world.tuning import TICK_RATE
from .dialogue import dialogue_exists

CALLS_FILE = STORY_DIR / "calls.toml"
CALL_PREFIX = "call_"  # a Trigger's on_enter naming a call, not a conversation


class Cue(StrEnum):
    START = "start"          # the level begins
    OBJECTIVE = "objective"  # an objective (`objective`) is done
    ALERT = "alert"          # the crew's first alert phase
    HIDDEN = "hidden"        # Jesse has stayed hidden `seconds` on end
    MEMORY = "memory"        # a memory moment (`memory`, a Trigger's on_enter) was reached


class Caller(StrEnum):
    KIM = "kim"      # Jesse's phone: it rings first
    MARCO = "marco"  # Marco: on the crew's radio, or on Jesse's phone
    RADIO = "radio"  # a broadcast: no ring


@dataclass(frozen=True)
class Rule:
    chapter: str
    cue: Cue
    call: str
    caller: Caller
    objective: str = ""
    memory: str = ""
    seconds: float = 0.0


def variants(call: str) -> tuple[str, ...]:
    """The files a call may play: its ghost and seen versions, or itself."""
    return (f"{call}_ghost", f"{call}_seen") if dialogue_exists(f"{call}_ghost") else (call,)


def caller_of(call: str) -> Caller:
    """Who a call is from, by its name (call_kim_..., call_marco_..., call_radio_...)."""
    word = call.removeprefix(CALL_PREFIX).split("_", 1)[0]
    try:
        return Caller(word)
    except ValueError:
        return Caller.KIM


def load_rules(path: Path = CALLS_FILE, chapters: tuple[str, ...] | None = None) -> tuple[Rule, ...]:
    """Every rule, checked: a known cue with what it needs, a call whose files exist."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise DataError(path, f"cannot read the call rules ({exc})") from None
    rules = []
    for i, raw in enumerate(data.get("call", []), 1):
        where = f"call {i}"
        if not isinstance(raw, dict):
            raise DataError(path, "expected a [[call]] table", where)
        try:
            cue = Cue(raw.get("on"))
        except ValueError:
            raise DataError(path, f"on = {raw.get('on')!r} is not one of {', '.join(Cue)}", where) from None
        call = str(raw.get("call", ""))
        if not call.startswith(CALL_PREFIX) or not all(dialogue_exists(v) for v in variants(call)):
            raise DataError(path, f"call {call!r} has no dialogue file (game/story/dialogue/{call}.toml)", where)
        chapter = str(raw.get("chapter", ""))
        if chapters is not None and chapter not in chapters:
            raise DataError(path, f"chapter {chapter!r} is not one of {', '.join(chapters)}", where)
        rule = Rule(chapter, cue, call, caller_of(call), str(raw.get("objective", "")), str(raw.get("memory", "")),
                    float(raw.get("seconds", 0.0)))
        if (cue == Cue.OBJECTIVE and not rule.objective) or (cue == Cue.MEMORY and not rule.memory) \
                or (cue == Cue.HIDDEN and not rule.seconds > 0):
            raise DataError(path, f"on = {cue.value!r} needs {'seconds' if cue == Cue.HIDDEN else cue.value}", where)
        rules.append(rule)
    return tuple(rules)


@dataclass(frozen=True)
class DueCall:
    call: str       # the rule's or the trigger's name
    dialogue: str   # the file that plays (a ghost or seen variant)
    caller: Caller
    rings: bool = True  # a phone rings (a radio crackles) first; not when Jesse has her on the line already


class CallBook:
    """The calls of one attempt at a chapter's level: which are due this tick, each once."""

    def __init__(self, rules: tuple[Rule, ...], chapter: str | None):
        self.rules = tuple(r for r in rules if chapter is not None and r.chapter == chapter)
        self.played: set[str] = set()
        self.started = False
        self.hidden_ticks = 0

    def due(self, events: list[dict], world) -> list[DueCall]:
        out: list[str] = []
        if not self.started:
            self.started = True
            out += [r.call for r in self.rules if r.cue == Cue.START]
        self.hidden_ticks = self.hidden_ticks + 1 if world.player.hidden else 0
        for e in events:
            if e["type"] == EventType.TRIGGER and e["id"].startswith(CALL_PREFIX):
                out.append(e["id"])
            for r in self.rules:
                if self._cued(r, e):
                    out.append(r.call)
        out += [r.call for r in self.rules
                if r.cue == Cue.HIDDEN and self.hidden_ticks == round(r.seconds * TICK_RATE)]
        seen = world.stats["spotted"] > 0
        calls = []
        for call in out:
            if call in self.played or not all(dialogue_exists(v) for v in variants(call)):
                continue
            self.played.add(call)
            files = variants(call)
            calls.append(DueCall(call, files[-1] if seen else files[0], caller_of(call)))
        return calls

    @staticmethod
    def _cued(rule: Rule, e: dict) -> bool:
        kind = e["type"]
        if rule.cue == Cue.OBJECTIVE:
            return kind == EventType.OBJECTIVE_DONE and e["objective"] == rule.objective
        if rule.cue == Cue.ALERT:
            return kind == EventType.ALERT_PHASE and e["phase"] == AlertPhase.ALERT and bool(e.get("raised"))
        if rule.cue == Cue.MEMORY:
            return kind == EventType.TRIGGER and e["id"] == rule.memory
        return False
