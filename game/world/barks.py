"""The crew's barks as data: `game/story/barks.toml`, one table per faction, one list of lines per
`BarkKey`. Pure (the standard library only): the simulation picks lines with its own generator.

    [crew]
    heard_step = ["Who's there?", "Thought I heard something."]

Every faction must say every key (at least MIN_VARIANTS lines, each at most MAX_CHARS, so it
fits over a head); a faction that is not in the file speaks as the crew. A bad file is one line
naming it and the problem (`DataError`).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

from ..bounded import Unreadable, read_bytes
from ..errors import DataError
from ..paths import BARKS_FILE

FACTIONS = ("crew", "dea", "marco")
FALLBACK = "crew"
MIN_VARIANTS = 3
MAX_CHARS = 36
MAX_BYTES = 256 * 1024


class BarkKey(StrEnum):
    HEARD_STEP = "heard_step"            # heard footsteps
    HEARD_THROW = "heard_throw"          # heard something land
    HEARD_DOOR = "heard_door"            # heard a door
    HEARD_NOISE = "heard_noise"          # heard a machine, a radio, an alarm go off
    SAW_MOVEMENT = "saw_movement"        # caught a glimpse: "?"
    CHECKING = "checking"                # goes to check what he noticed
    SAW_HIM_HIDE = "saw_him_hide"        # saw Jesse slip into a hiding spot
    SPOTTED = "spotted"                  # sees Jesse: "!"
    FOUND_HIM = "found_him"              # found him again while searching
    LOST_HIM = "lost_him"                # lost sight in a chase, starts searching
    GAVE_UP = "gave_up"                  # the search is over
    NOTHING_HERE = "nothing_here"        # checked the spot, found nothing
    LOST_INTEREST = "lost_interest"      # the "?" faded
    BACK_ON_ROUTE = "back_on_route"      # back on his rounds
    RADIO_CALL = "radio_call"            # calls it in (heard on the radio)
    RADIO_ANSWER = "radio_answer"        # answers a call, on his way
    NO_ONE_HERE = "no_one_here"          # came on the radio's word, nobody there
    DOOR_SHUT = "door_shut"              # his way was shut: he opens the door
    DOOR_FOUND_OPEN = "door_found_open"  # a door he knew shut is open
    DOOR_LOCKED = "door_locked"          # his way is locked
    LIGHT_OUT = "light_out"              # his light went out
    LIGHT_FIXED = "light_fixed"          # switched it back on
    SENDS_MAN = "sends_man"              # the boss sends one of his men to look (Marco)


@dataclass(frozen=True)
class Bark:
    id: str  # "crew.heard_step.2"
    text: str


class BarkBook:
    def __init__(self, lines: dict[tuple[str, BarkKey], tuple[Bark, ...]]):
        self._lines = lines

    @classmethod
    def load(cls, path: str | Path = BARKS_FILE) -> "BarkBook":
        try:
            raw = read_bytes(path, MAX_BYTES)
        except Unreadable as exc:
            raise DataError(path, str(exc)) from None
        try:
            data = tomllib.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            raise DataError(path, "not UTF-8 text") from None
        except tomllib.TOMLDecodeError as exc:
            raise DataError(path, f"not valid TOML ({exc})") from None
        lines: dict[tuple[str, BarkKey], tuple[Bark, ...]] = {}
        for faction, table in data.items():
            if faction not in FACTIONS:
                raise DataError(path, f"unknown faction {faction[:40]!r} (known: {', '.join(FACTIONS)})")
            if not isinstance(table, dict):
                raise DataError(path, f"[{faction}] must be a table of bark lists")
            for key, texts in table.items():
                if key not in BarkKey.__members__.values():
                    raise DataError(path, f"[{faction}]: unknown bark {key[:40]!r}")
                lines[faction, BarkKey(key)] = _lines(path, faction, key, texts)
            missing = [k.value for k in BarkKey if (faction, k) not in lines]
            if missing:
                raise DataError(path, f"[{faction}] says nothing for: {', '.join(missing)}")
        if FALLBACK not in data:
            raise DataError(path, f"no [{FALLBACK}] table (every faction falls back on it)")
        return cls(lines)

    def lines(self, faction: str, key: BarkKey) -> tuple[Bark, ...]:
        return self._lines.get((faction, key)) or self._lines[FALLBACK, key]

    def pick(self, faction: str, key: BarkKey, rng, last_id: str | None = None) -> Bark:
        """A line for `key`, drawn with `rng`; never `last_id` again when there is another."""
        choices = self.lines(faction, key)
        if len(choices) > 1 and last_id is not None:
            choices = tuple(b for b in choices if b.id != last_id)
        return choices[rng.randrange(len(choices))]


def _lines(path, faction: str, key: str, texts) -> tuple[Bark, ...]:
    where = f"[{faction}] {key}"
    if not isinstance(texts, list) or not all(isinstance(t, str) for t in texts):
        raise DataError(path, f"{where} must be a list of lines (strings)")
    if len(texts) < MIN_VARIANTS:
        raise DataError(path, f"{where} has {len(texts)} lines; at least {MIN_VARIANTS}, so none repeats")
    for text in texts:
        if not text.strip():
            raise DataError(path, f"{where} has an empty line")
        if len(text) > MAX_CHARS:
            raise DataError(path, f"{where}: {text[:40]!r} is longer than {MAX_CHARS} characters")
    return tuple(Bark(f"{faction}.{key}.{i}", text.strip()) for i, text in enumerate(texts))


@cache
def default_book() -> BarkBook:
    """The shipped lines, read once (an immutable value)."""
    return BarkBook.load(BARKS_FILE)
