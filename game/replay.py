"""Recorded input: the intents of a play-through, run-length encoded.

A replay file is JSON: {"version": 1, "map": ..., "seed": ..., "runs": [[n, intent...], ...]}
where each run repeats one intent (see `Intent.to_list`) for n ticks. Optional: "difficulty"
(the tuning it was played at; "normal" when absent), "mode" (the road: "story" when absent,
"harder" tunes the world for the harder road) and "start", the input chain of the saved
checkpoint the play began from (Continue; see `game.world.lineage`), which is replayed first,
and "restarts", the number of intents given before each "Restart from checkpoint" chosen in the
pause menu (a restart after being caught needs no mark: `game.sim` restarts when caught), and
"calls", the calls heard during play ([intents given before it, call file], for whoever reads the
replay: a story line in a bug report; playing the replay does not need them), and
"map_sha256", the digest of the map and its tilesets when it was recorded (`map_digest`; the
same as the solver's routes carry). Feeding the intents back into a `World` of the same map and
seed reproduces the same events exactly. When Jesse was caught, the game restarted at the last
checkpoint; a replay does the same (`game.sim` restarts while input remains).

A replay is a file someone hands us, so `load_replay` reads it within bounds (`game.bounded`:
regular files only, at most `MAX_BYTES`), refuses NaN and Infinity, and checks every part before
anything plays: each run is `[n, x, y, flags]` or `[n, x, y, flags, tx, ty]` with n a whole
number >= 1 (true is not a number here), finite numbers and flags 0..7, at most `MAX_RUNS` runs
and `MAX_TICKS` (a day of play) in all. Anything wrong is a `DataError`: one line naming the file.
Before the JSON is decoded, the counts of lists, objects and strings in the raw text are
checked against what a replay can hold, so a 16 MiB file of empty lists cannot grow to
gigabytes of Python objects first.

Which map a replay belongs to is `check_fits`'s business (used by `game.sim`): a replay whose
map digest matches plays, whatever the map file is called now (a renamed copy is the same map);
one recorded on a map of another name (and not the same bytes) is refused; one recorded on a
map of the same name whose bytes have changed since plays on after one warning line, since a
designer replaying yesterday's crash on today's map wants to see what happens now. A seed asked
for that is not the replay's own is refused: the same input in another world is not this replay.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from pathlib import Path

from . import bounded
from .errors import DataError
from .world.intent import IDLE, Intent, IntentRuns
from .world.tuning import DIFFICULTY, TICK_RATE, RunMode

VERSION = 1
MAX_BYTES = 16 * bounded.MiB  # about 100 hours of keyboard play, 2 of a stick moved every tick
MAX_TICKS = 24 * 60 * 60 * TICK_RATE  # a day of play
MAX_RUNS = 500_000
# What the raw text may hold before it is decoded: runs and the checkpoint chain are the lists,
# the document (and a route's summary) the objects, the keys and names the strings.
MAX_LISTS, MAX_OBJECTS, MAX_QUOTES = MAX_RUNS + 100_000, 100, 10_000
SEED_MIN, SEED_MAX = -2**63, 2**63 - 1


class Recorder:
    def __init__(self, map_path: str, seed: int, difficulty: str = "normal", start: list | None = None,
                 map_sha256: str | None = None, mode: str = RunMode.STORY):
        self.map_path, self.seed, self.difficulty, self.start = map_path, seed, difficulty, start
        self.mode = mode  # the road played (the harder one tunes the world otherwise)
        self.map_sha256 = map_sha256  # None: worked out from the map file when first written
        self._runs = IntentRuns()
        self.restarts: list[int] = []  # intents given before each restart chosen from the menu
        self.calls: list[list] = []  # [intents given before it, call file]: what was said, for the reader

    def restarted(self) -> None:
        self.restarts.append(self._runs.ticks)

    def heard(self, call: str) -> None:
        self.calls.append([self._runs.ticks, call])

    @property
    def runs(self) -> list[list]:
        return self._runs.runs

    def add(self, intent: Intent) -> None:
        self._runs.add(intent)

    def to_json(self) -> dict:
        data = {"version": VERSION, "map": self.map_path, "seed": self.seed, "runs": self.runs}
        if self.difficulty != "normal":
            data["difficulty"] = self.difficulty
        if self.mode != RunMode.STORY:
            data["mode"] = str(self.mode)
        if self.start:
            data["start"] = self.start
        if self.restarts:
            data["restarts"] = list(self.restarts)
        if self.calls:
            data["calls"] = [list(c) for c in self.calls]
        if self.map_sha256 is None:
            self.map_sha256 = _digest_of_file(self.map_path)
        if self.map_sha256:
            data["map_sha256"] = self.map_sha256
        return data

    def save(self, path: str | Path) -> None:
        path = Path(path)
        tmp = path.with_name(path.name + ".tmp")
        with open(tmp, "w") as f:
            json.dump(self.to_json(), f, separators=(",", ":"))
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)


def map_digest(level) -> str:
    """The sha256 of a loaded level's map file and then its tilesets' files, as read now."""
    from .world.tmx import MAX_FILE_BYTES

    digest = hashlib.sha256(bounded.read_bytes(level.path, MAX_FILE_BYTES))
    for tileset in level.tilesets:
        digest.update(bounded.read_bytes(tileset.source, MAX_FILE_BYTES))
    return digest.hexdigest()


def _digest_of_file(map_path: str) -> str:
    """`map_digest` of the map at `map_path`; "" when it cannot be read (never raises: this runs
    in the crash handler too)."""
    try:
        from .world.level import load_level

        return map_digest(load_level(map_path))
    except Exception:  # noqa: BLE001 - a replay without a digest still plays
        return ""


class ReplayPlayer:
    """Gives the recorded intent for each tick, then stands still.

    The runs are turned into intents one at a time, as they come up: a long replay holds its
    runs once, not a copy of every intent as well."""

    def __init__(self, runs: list[list], restarts: list[int] = ()):
        self._runs = runs
        self._run = -1
        self._left = 0
        self._intent = IDLE
        self._next()
        self.given = 0  # intents given so far
        self.restarts = sorted(restarts)  # restart (as from the menu) once this many were given

    def _next(self) -> None:
        self._run += 1
        if self._run < len(self._runs):
            run = self._runs[self._run]
            self._left, self._intent = int(run[0]), Intent.from_list(run[1:])

    def __call__(self, world) -> Intent:
        while self._run < len(self._runs) and self._left <= 0:
            self._next()
        if self._run >= len(self._runs):
            return IDLE
        self._left -= 1
        self.given += 1
        return self._intent

    def restart_due(self) -> bool:
        """A restart chosen from the menu comes before the next intent (each is told once)."""
        if self.restarts and self.restarts[0] <= self.given:
            self.restarts.pop(0)
            return True
        return False

    @property
    def ticks(self) -> int:
        return sum(int(r[0]) for r in self._runs)

    @property
    def finished(self) -> bool:
        """Every recorded intent has been given."""
        return self._run >= len(self._runs) or (self._run == len(self._runs) - 1 and self._left <= 0)


def check_runs(runs: object, max_ticks: int = MAX_TICKS, max_runs: int = MAX_RUNS) -> int:
    """The ticks `runs` last, or ValueError saying what is wrong (the rules of one segment of a
    checkpoint's chain, `game.world.lineage.check_chain`, with a replay's own limits)."""
    if not isinstance(runs, list):
        raise ValueError("the replay's runs should be a list")
    if len(runs) > max_runs:
        raise ValueError(f"the replay has {len(runs)} runs of input, more than the {max_runs} allowed")
    total = 0
    for i, run in enumerate(runs):
        where = f"run {i + 1}"
        if not isinstance(run, list) or len(run) not in (4, 6):
            raise ValueError(f"{where} should be [ticks, x, y, flags] or with a throw target [.., tx, ty]")
        n, flags, numbers = run[0], run[3], [run[1], run[2], *run[4:]]
        if type(n) is not int or n < 1:
            raise ValueError(f"{where}: its tick count should be a whole number >= 1")
        if type(flags) is not int or not 0 <= flags < 8:
            raise ValueError(f"{where}: its flags should be a whole number 0..7")
        if not all(_finite(v) for v in numbers):
            raise ValueError(f"{where}: its move and throw should be finite numbers")
        total += n
        if total > max_ticks:
            raise ValueError(f"the replay is longer than {max_ticks // (3600 * TICK_RATE)} hours of play")
    return total


def _finite(value: object) -> bool:
    try:
        return type(value) in (int, float) and math.isfinite(value)
    except OverflowError:  # an integer beyond any float
        return False


def _not_a_number(name: str):
    raise ValueError(f"{name} is not a number a replay can hold")


def _decode(path: Path, raw: bytes) -> object:
    lists = raw.count(b"[")
    # A run is a list of at most six values: more values than that per list is no replay (a
    # flat list of four million numbers would take 200 MB to decode before being refused).
    for count, most, what in ((lists, MAX_LISTS, "lists"), (raw.count(b"{"), MAX_OBJECTS, "objects"),
                              (raw.count(b'"'), MAX_QUOTES, "quotes"), (raw.count(b","), 6 * lists + 10_000, "values")):
        if count > most:
            raise DataError(path, f"not a replay (more {what} than a replay holds)")
    try:
        return json.loads(raw, parse_constant=_not_a_number)
    except RecursionError:
        raise DataError(path, "not a replay (nested too deeply)") from None
    except UnicodeDecodeError:
        raise DataError(path, "not a replay (not text)") from None
    except json.JSONDecodeError as exc:
        raise DataError(path, f"not a replay (not valid JSON: {exc.msg} at line {exc.lineno})") from None
    except ValueError as exc:  # NaN/Infinity, or an integer too long to convert
        raise DataError(path, f"not a replay ({str(exc)[:80]})") from None


def load_replay(path: str | Path) -> dict:
    """The replay at `path`, every part checked, with a `ReplayPlayer` as "player"; DataError if
    anything is wrong with it."""
    path = Path(path)
    try:
        raw = bounded.read_bytes(path, MAX_BYTES)
    except bounded.Unreadable as exc:
        raise DataError(path, f"cannot read the replay ({exc})") from None
    data = _decode(path, raw)
    if not isinstance(data, dict) or type(data.get("version")) is not int or data["version"] != VERSION:
        raise DataError(path, f"not a version {VERSION} replay")
    try:
        ticks = check_runs(data.get("runs"))
    except ValueError as exc:
        raise DataError(path, f"corrupt replay input: {exc}") from None
    data.setdefault("seed", 0)
    seed = data["seed"]
    if type(seed) is not int or not SEED_MIN <= seed <= SEED_MAX:
        raise DataError(path, "the replay's seed should be a whole number that fits in 64 bits")
    restarts = data.get("restarts", [])
    if not isinstance(restarts, list) or not all(type(n) is int and 0 <= n <= ticks for n in restarts):
        raise DataError(path, "the replay's restarts should be a list of whole numbers within its input")
    difficulty = data.setdefault("difficulty", "normal")
    if not isinstance(difficulty, str) or difficulty not in DIFFICULTY:
        raise DataError(path, f"the replay's difficulty should be one of {', '.join(DIFFICULTY)}")
    mode = data.setdefault("mode", RunMode.STORY.value)
    if not isinstance(mode, str) or mode not in set(RunMode):
        raise DataError(path, f"the replay's mode should be one of {', '.join(RunMode)}")
    if not isinstance(data.get("map", ""), str):
        raise DataError(path, "the replay's map should be a file name")
    digest = data.get("map_sha256")
    if digest is not None and not (isinstance(digest, str) and len(digest) == 64
                                   and all(c in "0123456789abcdef" for c in digest)):
        raise DataError(path, "the replay's map_sha256 should be 64 hexadecimal digits")
    if "start" in data:
        from .world.lineage import check_chain

        try:
            check_chain(data["start"])
        except (ValueError, OverflowError) as exc:  # OverflowError: an integer beyond any float
            raise DataError(path, f"corrupt checkpoint input ({exc})") from None
    data["player"] = ReplayPlayer(data["runs"], restarts)
    return data


def check_fits(data: dict, path: str | Path, map_path: str | Path, level, seed: int | None) -> str | None:
    """Whether the replay `data` (from `path`) belongs to this map and seed: DataError when it
    does not; a warning line when the map has the same name but has changed since; else None."""
    recorded = Path(data.get("map") or "").name
    here = Path(map_path).name
    digest = data.get("map_sha256")
    same_bytes = None
    if digest is not None:
        try:
            same_bytes = map_digest(level) == digest
        except bounded.Unreadable as exc:
            raise DataError(map_path, f"cannot read the map again to compare it with the replay ({exc})") from None
    if recorded and recorded != here and not same_bytes:
        raise DataError(path, f"recorded on the map {_name(recorded)}, not {_name(here)}")
    if seed is not None and seed != data["seed"]:
        raise DataError(path, f"recorded with seed {data['seed']}, not {seed} (leave --seed out to use the replay's)")
    if same_bytes is False:
        return (f"warning: {path}: {_name(here)} has changed since this replay was recorded "
                f"(its sha256 differs); it may not play the same")
    return None


def _name(name: str) -> str:
    return repr(name[:60] + ("…" if len(name) > 60 else ""))
