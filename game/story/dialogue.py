"""Conversations as data: `game/story/dialogue/<id>.toml`, played one line at a time.

A file is a list of `[[line]]` tables (`speaker`, `text`); a line may offer
`[[line.choice]]`s, each a `text` and its own `[[line.choice.line]]`s, played
when chosen before the conversation goes on. `Conversation` is the pure state
machine the dialogue scene drives: text is revealed a few characters a tick,
a press shows the whole line, the next press moves on.
"""

from __future__ import annotations

import textwrap
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataError
from ..paths import DIALOGUE_DIR

SUBTITLE_WIDTH = 38  # characters per subtitle line, at most
SPEAKERS = ("Jesse", "Kim", "Marco", "Crew", "DEA", "Radio", "Walt's note", "Memory")
REVEAL_PER_TICK = 0.75  # characters revealed per 1/60 s


@dataclass(frozen=True)
class Choice:
    text: str
    lines: tuple["Line", ...]


#: What a line may be marked as telling (`beat = "..."`): the story checks (tests/test_story.py)
#: that every way through a conversation reaches the beats it must carry.
BEATS = ("marco", "motive", "new_name", "heisenberg", "dead_man")


@dataclass(frozen=True)
class Line:
    speaker: str
    text: str
    choices: tuple[Choice, ...] = ()
    beat: str = ""


def wrap(text: str, width: int = SUBTITLE_WIDTH) -> list[str]:
    """Subtitle lines of at most `width` characters (words are never split)."""
    return textwrap.wrap(text, width, break_long_words=False) or [""]


def _lines(raw, path: Path, where: str) -> tuple[Line, ...]:
    if not isinstance(raw, list) or not raw:
        raise DataError(path, f"{where}: expected at least one [[line]]")
    lines = []
    for i, item in enumerate(raw, 1):
        here = f"{where} line {i}"
        speaker, text = item.get("speaker"), item.get("text")
        if speaker not in SPEAKERS:
            raise DataError(path, f"{here}: speaker {speaker!r} is not one of {', '.join(SPEAKERS)}")
        if not isinstance(text, str) or not text.strip():
            raise DataError(path, f"{here}: needs some text")
        if any(len(word) > SUBTITLE_WIDTH for word in text.split()):
            raise DataError(path, f"{here}: a word longer than {SUBTITLE_WIDTH} characters cannot be subtitled")
        choices = tuple(
            Choice(str(c.get("text", "")), _lines(c.get("line"), path, f"{here} choice {j}"))
            for j, c in enumerate(item.get("choice", []), 1)
        )
        beat = item.get("beat", "")
        if beat and beat not in BEATS:
            raise DataError(path, f"{here}: beat {beat!r} is not one of {', '.join(BEATS)}")
        lines.append(Line(speaker, text, choices, beat))
    return tuple(lines)


def load_dialogue(dialogue_id: str, folder: Path = DIALOGUE_DIR) -> tuple[Line, ...]:
    path = folder / f"{dialogue_id}.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(path, "no such dialogue") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise DataError(path, f"cannot read dialogue ({exc})") from None
    return _lines(data.get("line"), path, dialogue_id)


def dialogue_exists(dialogue_id: str, folder: Path = DIALOGUE_DIR) -> bool:
    return (folder / f"{dialogue_id}.toml").is_file()


@dataclass
class Conversation:
    """Where we are in a conversation. Advance with `tick()`, `press()` and `choose()`."""

    lines: tuple[Line, ...]
    queue: list[Line] = field(default_factory=list)
    shown: float = 0.0  # characters of the current line revealed
    choice_index: int = 0

    def __post_init__(self):
        self.queue = list(self.lines)

    @property
    def line(self) -> Line | None:
        return self.queue[0] if self.queue else None

    @property
    def finished(self) -> bool:
        return not self.queue

    @property
    def fully_shown(self) -> bool:
        return self.line is None or self.shown >= len(self.line.text)

    @property
    def choosing(self) -> bool:
        return self.fully_shown and self.line is not None and bool(self.line.choices)

    def visible_text(self) -> str:
        return self.line.text[: int(self.shown)] if self.line else ""

    def tick(self) -> None:
        if self.line is not None and not self.fully_shown:
            self.shown = min(len(self.line.text), self.shown + REVEAL_PER_TICK)

    def press(self) -> None:
        """Skip the reveal, or go to the next line (a choice needs `choose`)."""
        if self.line is None:
            return
        if not self.fully_shown:
            self.shown = len(self.line.text)
        elif self.line.choices:
            self.choose(self.choice_index)
        else:
            self.queue.pop(0)
            self.shown = 0.0

    def move_choice(self, step: int) -> None:
        if self.choosing:
            self.choice_index = (self.choice_index + step) % len(self.line.choices)

    def choose(self, index: int) -> None:
        if not self.choosing:
            return
        chosen = self.line.choices[index]
        self.queue[0:1] = list(chosen.lines)
        self.shown, self.choice_index = 0.0, 0

    def skip_all(self) -> None:
        self.queue.clear()
