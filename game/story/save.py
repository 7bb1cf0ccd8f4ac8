"""The player's progress: which chapters are open, the best run of each, time played.

A file that is not a save at all (not JSON, not an object, another version) is moved aside
and `SaveStore` falls back to `save.json.bak`, so it costs at most the last save's progress.
A save with a bad part is kept, less that part (`SaveData.from_json` salvages): a playtime or a
count that makes no sense (negative, NaN, infinite, not a number) is reset to 0, a best time
to none; a chapter record that cannot be read is dropped alone (its chapter stays open); a bad
entry in the lists of chapters unlocked or started is left out (with `known`, so is an id that
is no chapter of this game), a bad list of unlocked chapters is rebuilt from the records; a
checkpoint that cannot be used is dropped alone (that chapter starts from its top). All that
is said in one line ("Your save had a bad playtime (-5); it was reset, the rest is kept."), a
checkpoint in its own, because what it costs differs. The file handling itself is shared with
the settings in `jsonfile`; a save is at most `MAX_BYTES`.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from .jsonfile import MiB, JsonFile, Wording

SAVE_VERSION = 1
SAVE_FILE = "save.json"
MAX_BYTES = 4 * MiB  # a save of every chapter with a long checkpoint chain is well under 1 MiB
MAX_ID = 64  # characters of a chapter id (and of a memory's id or a mark's name)
ROOT_ONLY = ("hints_seen", "epilogue_seen", "harder")  # of the whole save, never of the harder road's part
MAX_NAMES = 256  # marks or memories kept per chapter: a map has a handful

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
    # Kept across every run, never lost: the marks earned (challenges.Challenge values) and the
    # memory moments found (their `mem_...` ids). A save from before them has neither.
    challenges: list[str] = field(default_factory=list)
    memories: list[str] = field(default_factory=list)
    memories_total: int = 0  # how many the chapter's map held when last finished
    kim_hints: int = 0  # the times Kim showed a way in this run (of the record's run); 0 in older saves

    def _rank(self) -> tuple:
        # A completed run beats an unfinished one, a timed run an untimed one, then the faster.
        return (not self.completed, self.best_time is None, self.best_time or 0.0)

    def merge(self, run: ChapterRecord) -> ChapterRecord:
        """The record after `run`: the counts of the faster run, ghost if either was.

        On a tie the existing record stays, so replaying a chapter never shuffles the stats."""
        best = run if run._rank() < self._rank() else self
        return replace(best, completed=self.completed or run.completed, ghost=self.ghost or run.ghost,
                       challenges=_union(self.challenges, run.challenges), memories=_union(self.memories, run.memories),
                       memories_total=run.memories_total or self.memories_total)

    @classmethod
    def from_json(cls, obj: object, where: str = "", fixed: list[str] | None = None) -> ChapterRecord:
        """The record in `obj`; ValueError if a field is missing or of the wrong kind. A number
        out of its range is harmless: a count below 0 becomes 0 and a best time that is
        negative or not finite becomes none, each with a line in `fixed` (if given)."""
        obj = _object(obj, where)
        fixed = [] if fixed is None else fixed
        of = f" of {where.rstrip(': ')}" if where else ""
        best = _get(obj, "best_time", where)
        if best is not None and _seconds(best) is None:
            if not _is_number(best):
                raise ValueError(f"{where}'best_time' should be a number of seconds, not {_kind(best)}")
            fixed.append(f"best time{of} ({_show(best)})")
            best = None
        counts = {}
        for name in ("spotted", "alerts", "distractions", "memories_total", "kim_hints"):
            value = obj.get(name, 0) if name in ("memories_total", "kim_hints") else _get(obj, name, where)
            if type(value) is not int:
                raise ValueError(f"{where}{name!r} should be a whole number, not {_kind(value)}")
            if value < 0:
                fixed.append(f"{name} count{of} ({value})")
                value = 0
            counts[name] = value
        ghost = _bool(obj, "ghost", where)
        from .challenges import CHALLENGES, Challenge

        marks = _names(obj.get("challenges", [Challenge.GHOST] if ghost else []), "marks", of, fixed)
        marks = [m for m in marks if m in CHALLENGES]  # one a newer game knows means nothing here
        memories = _names(obj.get("memories", []), "memories found", of, fixed)
        return cls(completed=_bool(obj, "completed", where), best_time=None if best is None else float(best),
                   ghost=ghost, challenges=marks, memories=memories, **counts)


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
    kim_hints: int = 0  # Kim's answers that showed a way so far (a save from before her has none)

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
                   alerts=_count(obj, "alerts", where), distractions=_count(obj, "distractions", where),
                   kim_hints=_count(obj, "kim_hints", where) if "kim_hints" in obj else 0)


@dataclass
class SaveData:
    version: int = SAVE_VERSION
    unlocked: list[str] = field(default_factory=list)  # chapter ids, in the order they opened
    current: str | None = None  # the chapter Continue starts: the furthest one; None once the story is finished
    chapters: dict[str, ChapterRecord] = field(default_factory=dict)
    playtime: float = 0.0  # seconds
    started: list[str] = field(default_factory=list)  # chapters begun at least once (Continue shows from then)
    checkpoints: dict[str, CheckpointRecord] = field(default_factory=dict)  # per chapter, until it is finished
    # Of the whole save, not of one road: the first-time hints already shown (each once per save),
    # whether the story's end was reached (it opens the harder road), and the harder road's own
    # run, kept apart (its chapters, records and checkpoints; None until it is first taken).
    hints_seen: list[str] = field(default_factory=list)
    epilogue_seen: bool = False
    harder: SaveData | None = None

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
        data = {
            "version": self.version,
            "unlocked": list(self.unlocked),
            "current": self.current,
            "chapters": {cid: asdict(record) for cid, record in self.chapters.items()},
            "playtime": self.playtime,
            "started": list(self.started),
            "checkpoints": {cid: cp.to_json() for cid, cp in self.checkpoints.items()},
        }
        if self.hints_seen:
            data["hints_seen"] = list(self.hints_seen)
        data["epilogue_seen"] = self.epilogue_seen  # always: its absence marks a save from before it
        if self.harder is not None:
            data["harder"] = {k: v for k, v in self.harder.to_json().items() if k not in ROOT_ONLY}
        return data

    @classmethod
    def from_json(cls, obj: object, notices: list[str] | None = None, known=None, road: bool = False) -> SaveData:
        """The save in `obj`, salvaged: ValueError only when it is not a save at all (not an
        object, no version or another). What was wrong with the rest is one line in `notices`,
        a dropped checkpoint another. (`started` and `checkpoints` came later: a save without
        them loads without a word.) `known`: the chapter ids of this game, if ids that are none
        of them should be left out of the lists of chapters unlocked and started. `road`: this is the
        harder road's part of a save, which holds no hints, end or road of its own."""
        obj = _object(obj, "")
        version = _get(obj, "version", "")
        if isinstance(version, bool) or not isinstance(version, int):
            raise ValueError(f"'version' should be a whole number, not {_kind(version)}")
        if version != SAVE_VERSION:
            raise ValueError(f"version {version}, this game reads version {SAVE_VERSION}")
        notices = [] if notices is None else notices
        fixed: list[str] = []  # what was wrong, a few words each

        chapters = obj.get("chapters", MISSING)
        if not isinstance(chapters, dict):
            fixed.append(f"list of chapter records ({_show(chapters)})")
            chapters = {}
        records = {}
        for cid, rec in chapters.items():
            try:
                records[cid] = ChapterRecord.from_json(rec, f"chapter {_id(cid)}: ", fixed)
            except ValueError:
                fixed.append(f"record for chapter {_id(cid)}")
        current = obj.get("current", MISSING)
        current_ok = current is None or _chapter_id(current, known)
        unlocked = _ids(obj.get("unlocked", MISSING), "list of unlocked chapters", known, fixed)
        if unlocked is None:  # rebuilt from what the player reached
            unlocked = list(dict.fromkeys([c for c in records if _chapter_id(c, known)] +
                                          ([current] if current and current_ok else [])))
        if not current_ok:
            fixed.append(f"current chapter ({_show(current)})")
            current = unlocked[-1] if unlocked else None
        started = _ids(obj.get("started", []), "list of chapters started", known, fixed) or []
        playtime = obj.get("playtime", MISSING)
        if _seconds(playtime) is None:
            fixed.append(f"playtime ({_show(playtime)})")
            playtime = 0.0
        checkpoints = obj.get("checkpoints", {})
        if not isinstance(checkpoints, dict):
            notices.append("The saved checkpoints could not be read; every chapter starts from its beginning.")
            checkpoints = {}
        saved = {}
        for cid, cp in checkpoints.items():
            try:
                saved[cid] = CheckpointRecord.from_json(cp, f"checkpoint {cid!r:.40}: ")
            except (ValueError, OverflowError) as exc:  # OverflowError: a number beyond any float
                why = "a number too large" if isinstance(exc, OverflowError) else str(exc)[:80]
                notices.append(f"A saved checkpoint could not be read ({why}); that chapter starts from its beginning.")
        if road:
            if fixed:
                notices.insert(0, _salvaged(fixed).replace("Your save had", "Your harder road had"))
            return cls(version=version, unlocked=unlocked, current=current, chapters=records,
                       playtime=float(playtime), started=started, checkpoints=saved)
        hints = _names(obj.get("hints_seen", []), "hints shown", "", fixed)
        seen = obj.get("epilogue_seen", MISSING)
        if seen is MISSING:  # a save from before the harder road: a finished story had seen the end
            seen = current is None and bool(records) and all(r.completed for r in records.values())
        elif not isinstance(seen, bool):
            fixed.append(f"mark of the story's end ({_show(seen)})")
            seen = False
        harder = None
        if "harder" in obj:
            try:
                harder = cls.from_json(obj["harder"], notices, known, road=True)
            except ValueError as exc:
                notices.append(f"The harder road's progress could not be read ({str(exc)[:80]}); it starts anew.")
        if fixed:
            notices.insert(0, _salvaged(fixed))
        return cls(version=version, unlocked=unlocked, current=current, chapters=records,
                   playtime=float(playtime), started=started, checkpoints=saved, hints_seen=hints,
                   epilogue_seen=seen, harder=harder)


def _union(first: list[str], second: list[str]) -> list[str]:
    return list(dict.fromkeys([*first, *second]))


def _names(value: object, what: str, of: str, fixed: list[str]) -> list[str]:
    """A list of short names (marks, memory ids); a bad one is left out, said in `fixed`."""
    if not isinstance(value, list):
        fixed.append(f"list of {what}{of} ({_show(value)})")
        return []
    good = [v for v in value if isinstance(v, str) and 0 < len(v) <= MAX_ID]
    if len(good) < len(value):
        fixed.append(f"entry in the {what}{of}")
    return list(dict.fromkeys(good))[:MAX_NAMES]


def _salvaged(fixed: list[str]) -> str:
    """One line for everything that was reset or left out of a save."""
    shown = [f"a bad {what}" for what in fixed[:3]]
    if len(fixed) > 3:
        shown.append(f"{len(fixed) - 3} more bad value{'s' if len(fixed) > 4 else ''}")
    listed = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]
    return f"Your save had {listed}; {'it was' if len(fixed) == 1 else 'they were'} reset, the rest is kept."


def _chapter_id(value: object, known=None) -> bool:
    return isinstance(value, str) and 0 < len(value) <= MAX_ID and (known is None or value in known)


def _ids(value: object, what: str, known, fixed: list[str]) -> list[str] | None:
    """The chapter ids in a list, bad ones left out (and said); None if it is no list."""
    if not isinstance(value, list):
        fixed.append(f"{what} ({_show(value)})")
        return None
    good = [v for v in value if _chapter_id(v, known)]
    if len(good) < len(value):
        bad = next(v for v in value if not _chapter_id(v, known))
        fixed.append(f"entry ({_show(bad)}) in the {what}")
    return list(dict.fromkeys(good))


class SaveStore:
    """`folder/save.json` and its backup; `load` and `save` never raise, they return notices."""

    def __init__(self, folder: Path, first_chapter: str, known=None):
        """`known`: this game's chapter ids, to leave others out of the save (None: keep any)."""
        self.first_chapter = first_chapter
        self.file: JsonFile[SaveData] = JsonFile(folder, SAVE_FILE, lambda obj: _parse(obj, known), WORDING,
                                                 MAX_BYTES)

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


def _parse(obj: object, known=None) -> tuple[SaveData, list[str]]:
    notices: list[str] = []
    return SaveData.from_json(obj, notices, known), notices


# -- strict field readers: each raises ValueError naming the field ---------------------------

MISSING = object()  # a field that is not there at all


def _show(value: object) -> str:
    """A bad value as a player reads it: a number or a short text as it is, anything else by kind."""
    if value is MISSING:
        return "missing"
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**12:
        return f"a number of {len(str(abs(value)))} digits"
    if isinstance(value, (bool, int, float)):
        return str(value).lower() if isinstance(value, bool) else f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, str):
        return repr(value[:24] + ("…" if len(value) > 24 else ""))
    return _kind(value)


def _id(cid: str) -> str:
    return repr(cid[:MAX_ID] + ("…" if len(cid) > MAX_ID else ""))


def _is_number(value: object) -> bool:
    return not isinstance(value, bool) and isinstance(value, (int, float))


def _seconds(value: object) -> float | None:
    """`value` as a number of seconds if it is one (finite, >= 0), else None."""
    if not _is_number(value):
        return None
    try:
        number = float(value)
    except OverflowError:  # an integer beyond any float
        return None
    return number if 0 <= number < math.inf else None


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
