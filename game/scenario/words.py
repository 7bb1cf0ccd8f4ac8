"""One line of a script or of the expectations, as words: the small grammar both are written in.

A line is words (`walk`, `to`), names in quotes (`"locker_2"`, the Tiled object's name), object
ids (`#12`) and numbers (`2.5`, with their unit after them: `2.5 s`, `1 tile`). A `#` not
followed by a digit starts a comment. Keywords are read without regard to case; names are exact.

`Words` is a cursor over one line that the parsers in `steps.py` and `expect.py` take words
from; anything unexpected is a `ScenarioError` naming the file, the line and what was wanted.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from enum import Enum

from .source import ScenarioError, Source

MAX_LINE = 400  # characters a line may have
MAX_SECONDS = 600.0  # the longest run a scenario may ask for, and so the latest time it may name
MAX_TILES = 1000.0
SECOND_UNITS = ("s", "sec", "secs", "second", "seconds")
TILE_UNITS = ("tile", "tiles")

_TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<comment>\#(?!\d).*)
  | (?P<name>"[^"\n]*"|'[^'\n]*')
  | (?P<id>\#\d+)
  | (?P<number>[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)
  | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<comma>,)
""", re.VERBOSE)


@dataclass(frozen=True)
class Token:
    kind: str  # name, id, number, word, comma
    text: str

    @property
    def shown(self) -> str:
        return self.text if len(self.text) <= 40 else self.text[:40] + "…"


@dataclass(frozen=True)
class Ref:
    """An object as a line names it: by its Tiled name, or by its id (`#12`)."""

    name: str | None = None
    id: int | None = None

    def __str__(self) -> str:
        return f'"{self.name}"' if self.name is not None else f"#{self.id}"


JESSE = "Jesse"  # the word for Jesse himself, where a place may be him


def tokens(text: str) -> list[Token] | str:
    """The tokens of `text`, or the reason it cannot be read."""
    out, at = [], 0
    while at < len(text):
        found = _TOKEN.match(text, at)
        if found is None:
            ch = text[at]
            if ch in "\"'":
                return f"the quote {ch} is not closed"
            return f"unexpected character {ch!r}"
        at = found.end()
        kind = found.lastgroup
        if kind == "comment":
            break
        if kind != "space":
            out.append(Token(kind, found.group()))
    return out


class Words:
    """The tokens of one line, taken one at a time."""

    def __init__(self, source: Source, line: int | None, text: str):
        self.source, self.line, self.text = source, line, text.strip()
        if len(self.text) > MAX_LINE:
            raise self.error(f"a line of {len(self.text)} characters; at most {MAX_LINE}")
        got = tokens(self.text)
        if isinstance(got, str):
            raise self.error(got)
        self._tokens, self._at = got, 0

    def error(self, message: str) -> ScenarioError:
        return self.source.error(message, self.line)

    # ------------------------------------------------------------ looking
    def peek(self, ahead: int = 0) -> Token | None:
        i = self._at + ahead
        return self._tokens[i] if i < len(self._tokens) else None

    def at_end(self) -> bool:
        return self._at >= len(self._tokens)

    def next_is(self, *words: str) -> bool:
        """The next tokens are these words (any case)."""
        for i, word in enumerate(words):
            token = self.peek(i)
            if token is None or token.kind != "word" or token.text.lower() != word:
                return False
        return True

    def got(self) -> str:
        token = self.peek()
        return "the end of the line" if token is None else repr(token.shown)

    # ------------------------------------------------------------ taking
    def accept(self, *words: str) -> bool:
        """Take these words if they come next."""
        if self.next_is(*words):
            self._at += len(words)
            return True
        return False

    def expect(self, *words: str) -> None:
        """Take these words, or say which one is missing (and what came instead)."""
        for word in words:
            if not self.accept(word):
                raise self.error(f"expected {' '.join(words)!r}, got {self.got()}")

    def choice(self, what: str, options) -> str:
        """One word out of `options` (lowercase words)."""
        token = self.peek()
        options = list(options)
        if token is not None and token.kind == "word" and token.text.lower() in options:
            self._at += 1
            return token.text.lower()
        raise self.error(f"expected {what} ({', '.join(options)}), got {self.got()}")

    def member(self, what: str, enum: type[Enum]):
        """A member of a vocabulary (a `StrEnum`), by its word."""
        return enum(self.choice(what, [m.value for m in enum]))

    def ref(self, what: str, jesse: bool = False) -> Ref | str:
        """An object's name in quotes or its #id (or the word Jesse, where he may be meant)."""
        token = self.peek()
        if token is not None and token.kind == "name":
            self._at += 1
            name = token.text[1:-1]
            if not name:
                raise self.error(f"an empty name for {what}")
            return Ref(name=name)
        if token is not None and token.kind == "id":
            self._at += 1
            return Ref(id=int(token.text[1:]))  # a line is short: never a number too long to read
        if jesse and token is not None and token.kind == "word" and token.text.lower() == JESSE.lower():
            self._at += 1
            return JESSE
        also = " or Jesse" if jesse else ""
        raise self.error(f"expected {what}: its name in quotes (\"crate_3\") or its id (#12){also}, got {self.got()}")

    def number(self, what: str, low: float, high: float, unit: tuple[str, ...] = ()) -> float:
        token = self.peek()
        if token is None or token.kind != "number":
            raise self.error(f"{what} must be a number{' of ' + unit[-1] if unit else ''}, got {self.got()}")
        self._at += 1
        value = float(token.text)
        if not (math.isfinite(value) and low <= value <= high):
            raise self.error(f"{what} must be from {low:g} to {high:g}{' ' + unit[-1] if unit else ''} "
                             f"(got {token.shown})")
        if unit and not self.accept_unit(unit):
            raise self.error(f"{what}: {token.shown} what? write it with its unit ({token.shown} {unit[0]})")
        return value

    def accept_unit(self, unit: tuple[str, ...]) -> bool:
        return any(self.accept(u) for u in unit)

    def seconds(self, what: str = "a time", unit: bool = True) -> float:
        """A number of seconds, 0 to MAX_SECONDS, with its unit (`2.5 s`) unless `unit` is False
        (the first of a pair that shares one: `between 5 and 12 s`)."""
        if unit:
            return self.number(what, 0.0, MAX_SECONDS, SECOND_UNITS)
        value = self.number(what, 0.0, MAX_SECONDS)
        self.accept_unit(SECOND_UNITS)
        return value

    def tiles(self, what: str = "a distance") -> float:
        return self.number(what, 0.0, MAX_TILES, TILE_UNITS)

    def whole(self, what: str, low: int, high: int) -> int:
        value = self.number(what, low, high)
        if not value.is_integer():
            raise self.error(f"{what} must be a whole number (got {value:g})")
        return int(value)

    def end(self) -> None:
        if not self.at_end():
            raise self.error(f"unexpected {self.got()} after {self.read!r}")

    @property
    def read(self) -> str:
        """The words taken so far (for messages)."""
        return " ".join(t.text for t in self._tokens[:self._at])
