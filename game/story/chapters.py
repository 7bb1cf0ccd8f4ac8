"""The chapter list, read from `chapters.toml` (data, not code)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataError
from ..paths import MAPS_DIR

CHAPTERS_FILE = Path(__file__).with_name("chapters.toml")


@dataclass(frozen=True)
class Chapter:
    id: str
    number: int
    title: str
    place: str
    map_path: Path

    @property
    def available(self) -> bool:
        return self.map_path.is_file()

    @property
    def locked_reason(self) -> str | None:
        return None if self.available else f"its map {self.map_path.name} is not built yet"


def load_chapters(path: Path = CHAPTERS_FILE, maps_dir: Path = MAPS_DIR) -> list[Chapter]:
    try:
        data = tomllib.loads(path.read_text())
        chapters = [
            Chapter(c["id"], int(c["number"]), c["title"], c.get("place", ""), maps_dir / c["map"])
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
