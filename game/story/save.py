"""The player's progress: which chapters are open, the best run of each, time played.

Reading is strict (`SaveData.from_json` refuses a missing field, a wrong type or another
version) because a half-understood save is worse than a backup: `SaveStore` moves a file it
cannot read aside and falls back to `save.json.bak`, so a damaged save costs at most the
last save's progress. The file handling itself is shared with the settings in `jsonfile`.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from .jsonfile import JsonFile, Wording

SAVE_VERSION = 1
SAVE_FILE = "save.json"

WORDING = Wording(subject="Your save was", fresh="starting a new game",
                  write_failed="Could not save your progress")


@dataclass
class ChapterRecord:
    """The best run of one chapter (or the only one)."""

    completed: bool = False
    best_time: float | None = None  # seconds
    spotted: int = 0
    alerts: int = 0
    distractions: int = 0
    ghost: bool = False  # finished without ever being spotted

    def _rank(self) -> tuple:
        # A completed run beats an unfinished one, a timed run an untimed one, then the faster.
        return (not self.completed, self.best_time is None, self.best_time or 0.0)

    def merge(self, run: ChapterRecord) -> ChapterRecord:
        """The record after `run`: the counts of the faster run, ghost if either was.

        On a tie the existing record stays, so replaying a chapter never shuffles the stats."""
        best = run if run._rank() < self._rank() else self
        return replace(best, completed=self.completed or run.completed, ghost=self.ghost or run.ghost)

    @classmethod
    def from_json(cls, obj: object, where: str = "") -> ChapterRecord:
        obj = _object(obj, where)
        return cls(
            completed=_bool(obj, "completed", where),
            best_time=_number(obj, "best_time", where, optional=True),
            spotted=_count(obj, "spotted", where),
            alerts=_count(obj, "alerts", where),
            distractions=_count(obj, "distractions", where),
            ghost=_bool(obj, "ghost", where),
        )


@dataclass
class CheckpointRecord:
    """The last checkpoint reached in a chapter, kept until the chapter is finished.

    Not a copy of the world: the input that reached it (`chain`, see `game.world.lineage`),
    replayed on load, so what Continue rebuilds is a world the game itself could reach."""

    seed: int
    difficulty: str
    chain: list  # segments of run-length encoded intents
    elapsed: float = 0.0  # seconds of this attempt so far, restarts included (the summary's time)
    restarts: int = 0
    spotted: int = 0
    alerts: int = 0
    distractions: int = 0

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, obj: object, where: str = "") -> CheckpointRecord:
        from ..world.lineage import check_chain

        obj = _object(obj, where)
        seed = _get(obj, "seed", where)
        if isinstance(seed, bool) or not isinstance(seed, int) or not -2**63 <= seed < 2**63:
            raise ValueError(f"{where}'seed' should be a whole number")
        difficulty = _get(obj, "difficulty", where)
        if not isinstance(difficulty, str) or len(difficulty) > 40:
            raise ValueError(f"{where}'difficulty' should be a difficulty's name")
        try:
            chain = check_chain(_get(obj, "chain", where))
        except ValueError as exc:
            raise ValueError(f"{where}{exc}") from None
        return cls(seed=seed, difficulty=difficulty, chain=chain, elapsed=_number(obj, "elapsed", where),
                   restarts=_count(obj, "restarts", where), spotted=_count(obj, "spotted", where),
                   alerts=_count(obj, "alerts", where), distractions=_count(obj, "distractions", where))


@dataclass
class SaveData:
    version: int = SAVE_VERSION
    unlocked: list[str] = field(default_factory=list)  # chapter ids, in the order they opened
    current: str | None = None  # the chapter Continue starts: the furthest one; None once the story is finished
    chapters: dict[str, ChapterRecord] = field(default_factory=dict)
    playtime: float = 0.0  # seconds
    started: list[str] = field(default_factory=list)  # chapters begun at least once (Continue shows from then)
    checkpoints: dict[str, CheckpointRecord] = field(default_factory=dict)  # per chapter, until it is finished

    @classmethod
    def new(cls, first_chapter: str) -> SaveData:
        return cls(unlocked=[first_chapter], current=first_chapter)

    def complete_chapter(self, chapter_id: str, run: ChapterRecord, next_id: str | None) -> None:
        """Record a finished run (kept if it is the best) and open the next chapter.

        Continue then goes to `next_id`; after the last chapter (`next_id` None) there is
        nothing to continue and the chapter select takes over."""
        run = replace(run, completed=True)
        self.checkpoints.pop(chapter_id, None)  # finished: the next time starts from the top
        old = self.chapters.get(chapter_id)
        self.chapters[chapter_id] = run if old is None else old.merge(run)
        if chapter_id not in self.unlocked:
            self.unlocked.append(chapter_id)
        if next_id is not None and next_id not in self.unlocked:
            self.unlocked.append(next_id)
        self.current = next_id

    def to_json(self) -> dict:
        return {
            "version": self.version,
            "unlocked": list(self.unlocked),
            "current": self.current,
            "chapters": {cid: asdict(record) for cid, record in self.chapters.items()},
            "playtime": self.playtime,
            "started": list(self.started),
            "checkpoints": {cid: cp.to_json() for cid, cp in self.checkpoints.items()},
        }

    @classmethod
    def from_json(cls, obj: object, notices: list[str] | None = None) -> SaveData:
        """The save in `obj`; ValueError with a short reason if any part of it is wrong.
        (`started` and `checkpoints` came later: a save without them still loads.) A checkpoint
        that cannot be used is dropped on its own, with a line in `notices`: the rest is kept."""
        obj = _object(obj, "")
        version = _get(obj, "version", "")
        if isinstance(version, bool) or not isinstance(version, int):
            raise ValueError(f"'version' should be a whole number, not {_kind(version)}")
        if version != SAVE_VERSION:
            raise ValueError(f"version {version}, this game reads version {SAVE_VERSION}")
        unlocked = _get(obj, "unlocked", "")
        if not isinstance(unlocked, list) or not all(isinstance(c, str) for c in unlocked):
            raise ValueError("'unlocked' should be a list of chapter ids")
        current = _get(obj, "current", "")
        if current is not None and not isinstance(current, str):
            raise ValueError(f"'current' should be a chapter id or null, not {_kind(current)}")
        chapters = _object(_get(obj, "chapters", ""), "chapters: ")
        records = {cid: ChapterRecord.from_json(rec, f"chapter {cid!r}: ") for cid, rec in chapters.items()}
        started = obj.get("started", [])
        if not isinstance(started, list) or not all(isinstance(c, str) for c in started):
            raise ValueError("'started' should be a list of chapter ids")
        checkpoints = _object(obj.get("checkpoints", {}), "checkpoints: ")
        saved = {}
        for cid, cp in checkpoints.items():
            try:
                saved[cid] = CheckpointRecord.from_json(cp, f"checkpoint {cid!r:.40}: ")
            except ValueError as exc:
                if notices is not None:
                    notices.append(f"A saved checkpoint could not be read ({str(exc)[:80]}); that chapter starts from its beginning.")
        return cls(version=version, unlocked=list(unlocked), current=current, chapters=records,
                   playtime=_number(obj, "playtime", ""), started=list(started), checkpoints=saved)


class SaveStore:
    """`folder/save.json` and its backup; `load` and `save` never raise, they return notices."""

    def __init__(self, folder: Path, first_chapter: str):
        self.first_chapter = first_chapter
        self.file: JsonFile[SaveData] = JsonFile(folder, SAVE_FILE, _parse, WORDING)

    @property
    def path(self) -> Path:
        return self.file.path

    def load(self) -> tuple[SaveData, list[str]]:
        data, notices = self.file.load(lambda: SaveData.new(self.first_chapter))
        if self.first_chapter not in data.unlocked:
            data.unlocked.insert(0, self.first_chapter)
        return data, notices

    def save(self, data: SaveData) -> list[str]:
        return self.file.save(data.to_json())


def _parse(obj: object) -> tuple[SaveData, list[str]]:
    notices: list[str] = []
    return SaveData.from_json(obj, notices), notices


# -- strict field readers: each raises ValueError naming the field ---------------------------

def _kind(value: object) -> str:
    return {bool: "true/false", int: "a number", float: "a number", str: "text", list: "a list",
            dict: "an object", type(None): "null"}.get(type(value), type(value).__name__)


def _object(obj: object, where: str) -> dict:
    if not isinstance(obj, dict):
        raise ValueError(f"{where}should be a JSON object, not {_kind(obj)}")
    return obj


def _get(obj: dict, name: str, where: str) -> object:
    if name not in obj:
        raise ValueError(f"{where}missing field {name!r}")
    return obj[name]


def _bool(obj: dict, name: str, where: str) -> bool:
    value = _get(obj, name, where)
    if not isinstance(value, bool):
        raise ValueError(f"{where}{name!r} should be true/false, not {_kind(value)}")
    return value


def _count(obj: dict, name: str, where: str) -> int:
    value = _get(obj, name, where)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{where}{name!r} should be a whole number >= 0, not {value!r:.20}")
    return value


def _number(obj: dict, name: str, where: str, optional: bool = False) -> float | None:
    value = _get(obj, name, where)
    if value is None and optional:
        return None
    try:
        ok = not isinstance(value, bool) and isinstance(value, (int, float)) and 0 <= float(value) < math.inf
    except OverflowError:  # an integer beyond any float
        ok = False
    if not ok:
        raise ValueError(f"{where}{name!r} should be a number of seconds >= 0, not {value!r:.20}")
    return float(value)
