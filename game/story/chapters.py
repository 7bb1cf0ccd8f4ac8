"""The chapter list, read from `chapters.toml` (data, not code), and checked against the maps."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataError
from ..paths import CHAPTERS_FILE, MAPS_DIR
from ..world.objectives import CHECKPOINT_PREFIX
from .dialogue import dialogue_exists

EXIT = "exit"


@dataclass(frozen=True)
class Objective:
    id: str
    text: str


@dataclass(frozen=True)
class Chapter:
    id: str
    number: int
    title: str
    place: str
    map_path: Path
    intro: str = ""
    outro: str = ""
    objectives: tuple[Objective, ...] = ()

    @property
    def available(self) -> bool:
        return self.map_path.is_file()

    @property
    def locked_reason(self) -> str | None:
        return None if self.available else f"its map {self.map_path.name} is not built yet"

    @property
    def heading(self) -> str:
        return f"{self.number}  {self.title}"

    def current_objective(self, done: set[str], complete: bool = False) -> Objective | None:
        for objective in self.objectives:
            finished = complete if objective.id == EXIT else objective.id in done
            if not finished:
                return objective
        return None


def load_chapters(path: Path = CHAPTERS_FILE, maps_dir: Path = MAPS_DIR) -> list[Chapter]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        chapters = [
            Chapter(
                c["id"], int(c["number"]), c["title"], c.get("place", ""), maps_dir / c["map"],
                c.get("intro", ""), c.get("outro", ""),
                tuple(Objective(o["id"], o["text"]) for o in c.get("objectives", [])),
            )
            for c in data["chapter"]
        ]
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
        raise DataError(path, f"cannot read the chapter list ({type(exc).__name__}: {exc})") from None
    return sorted(chapters, key=lambda c: c.number)


def chapter_by_number(chapters: list[Chapter], number: int) -> Chapter:
    for chapter in chapters:
        if chapter.number == number:
            return chapter
    raise DataError(CHAPTERS_FILE, f"there is no chapter {number} (chapters: {', '.join(str(c.number) for c in chapters)})")


def next_chapter(chapters: list[Chapter], chapter: Chapter) -> Chapter | None:
    later = [c for c in chapters if c.number > chapter.number]
    return later[0] if later else None


def check_chapter(chapter: Chapter, level) -> list[str]:
    """Problems between a chapter's data and its loaded map (empty when they agree)."""
    problems = []
    ids = {o.props["item"] for o in level.of_kind("Item")} | {o.props["objective"] for o in level.of_kind("Objective")}
    ids |= {o.props["confession"] for o in level.of_kind("Marco")}  # done when his confession is on tape
    for objective in chapter.objectives:
        if objective.id == EXIT:
            if not level.of_kind("Exit"):
                problems.append(f"objective 'exit' but the map has no Exit")
        elif objective.id not in ids:
            problems.append(f"objective {objective.id!r} is no Item or Objective in {chapter.map_path.name}")
    for dialogue in (chapter.intro, chapter.outro):
        if dialogue and not dialogue_exists(dialogue):
            problems.append(f"dialogue {dialogue!r} does not exist")
    for obj in level.of_kind("Kim") + level.of_kind("Marco"):
        if obj.props["dialogue"] and not dialogue_exists(obj.props["dialogue"]):
            problems.append(f"{obj.label}: dialogue {obj.props['dialogue']!r} does not exist")
    for obj in level.of_kind("Trigger"):
        what = obj.props["on_enter"]
        if not what.startswith(CHECKPOINT_PREFIX) and not dialogue_exists(what):
            problems.append(f"{obj.label}: on_enter {what!r} is neither a checkpoint nor a dialogue")
    return problems


def load_epilogue(path: Path = CHAPTERS_FILE) -> tuple[str, str]:
    """The dialogue ids of the letter for Kim and the last tape."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))["epilogue"]
        return data["letter"], data["tape"]
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError) as exc:
        raise DataError(path, f"cannot read the epilogue ({type(exc).__name__}: {exc})") from None
