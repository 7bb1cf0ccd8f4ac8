"""What a chapter offers beyond finishing it: the memories to find and the five marks to earn.

    facts = RunFacts(spotted=0, throws=2, memories={"mem_lift"}, memories_total=2, seconds=61.0,
                     par=70.0, restarts=0)
    earned(facts)   # -> [Challenge.GHOST, Challenge.PAR, Challenge.NO_RESTART]

A memory moment is a map's `Trigger` whose `on_enter` is a `mem_...` dialogue (maps/README);
the map says how many a chapter holds. The par time comes from the chapter's proven route
(`maps/routes/<map>.json`, written by tools/solve.py): the route's time times PAR_MARGIN, rounded
up to the next PAR_ROUND seconds, so a level that changes shape gets a new par with its new proof.
The words of each mark are data (`challenges.toml`); the rules are here.
"""

from __future__ import annotations

import json
import math
import tomllib
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from ..bounded import read_text
from ..paths import STORY_DIR

MEMORY_PREFIX = "mem_"
CHALLENGES_FILE = STORY_DIR / "challenges.toml"
# The proven route sneaks every step and waits out every patrol: a player who knows the level
# walks where it is safe. Half as long again, to the next 10 s, is a time a careful run can beat
# and a careless one cannot.
PAR_MARGIN = 1.5
PAR_ROUND = 10.0
MAX_ROUTE_BYTES = 8 * 1024 * 1024
TICKS_PER_SECOND = 60


class Challenge(StrEnum):
    GHOST = "ghost"  # never seen
    NO_WRENCH = "no_wrench"  # nothing thrown
    MEMORIES = "memories"  # every memory moment of the chapter found
    PAR = "par"  # finished within the par time
    NO_RESTART = "no_restart"  # never sent back to a checkpoint


CHALLENGES = tuple(Challenge)


@dataclass(frozen=True)
class RunFacts:
    """One finished run of a chapter, as the marks judge it."""

    spotted: int
    throws: int
    memories: frozenset[str] | set[str] = field(default_factory=frozenset)
    memories_total: int = 0
    seconds: float = 0.0
    par: float | None = None  # None: the chapter has no proven route, so no par to beat
    restarts: int = 0
    hints: int = 0  # Kim's answers that showed a way (any rules out Ghost: the way was not his own)


def earned(facts: RunFacts) -> list[Challenge]:
    """The marks this run earned, in the order they are shown."""
    rules = {
        Challenge.GHOST: facts.spotted == 0 and facts.hints == 0,
        Challenge.NO_WRENCH: facts.throws == 0,
        Challenge.MEMORIES: facts.memories_total > 0 and len(facts.memories) >= facts.memories_total,
        Challenge.PAR: facts.par is not None and facts.seconds <= facts.par,
        Challenge.NO_RESTART: facts.restarts == 0,
    }
    return [c for c in CHALLENGES if rules[c]]


def memory_ids(level) -> list[str]:
    """The memory moments of a level (each `mem_...` id once, in map order)."""
    ids = (o.props["on_enter"] for o in level.of_kind("Trigger"))
    return list(dict.fromkeys(i for i in ids if i.startswith(MEMORY_PREFIX)))


def par_seconds(map_path: Path) -> float | None:
    """The par time of the map at `map_path`, from its proven route; None without a readable one."""
    route = map_path.parent / "routes" / f"{map_path.stem}.json"
    try:
        runs = json.loads(read_text(route, MAX_ROUTE_BYTES))["runs"]
        ticks = sum(int(run[0]) for run in runs)
    except (OSError, ValueError, KeyError, TypeError, IndexError):  # no route, or not one: no par
        return None
    if ticks <= 0:
        return None
    return math.ceil(ticks / TICKS_PER_SECOND * PAR_MARGIN / PAR_ROUND) * PAR_ROUND


@dataclass(frozen=True)
class Wording:
    name: str  # "Ghost"
    asks: str  # "Never seen."


def load_wording(path: Path = CHALLENGES_FILE) -> dict[Challenge, Wording]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {c: Wording(data[c.value]["name"], data[c.value]["asks"]) for c in CHALLENGES}
