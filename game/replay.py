"""Recorded input: the intents of a play-through, run-length encoded.

A replay file is JSON: {"version": 1, "map": ..., "seed": ..., "runs": [[n, intent...], ...]}
where each run repeats one intent (see `Intent.to_list`) for n ticks. Optional: "difficulty"
(the tuning it was played at; "normal" when absent) and "start", the input chain of the saved
checkpoint the play began from (Continue; see `game.world.lineage`), which is replayed first,
and "restarts", the number of intents given before each "Restart from checkpoint" chosen in the
pause menu (a restart after being caught needs no mark: `game.sim` restarts when caught). Feeding
the intents back into a `World` of the same map and seed reproduces the same
events exactly. When Jesse was caught, the game restarted at the last
checkpoint; a replay does the same (`game.sim` restarts while input remains).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from .errors import DataError
from .world.intent import IDLE, Intent, IntentRuns

VERSION = 1


class Recorder:
    def __init__(self, map_path: str, seed: int, difficulty: str = "normal", start: list | None = None):
        self.map_path, self.seed, self.difficulty, self.start = map_path, seed, difficulty, start
        self._runs = IntentRuns()
        self.restarts: list[int] = []  # intents given before each restart chosen from the menu

    def restarted(self) -> None:
        self.restarts.append(self._runs.ticks)

    @property
    def runs(self) -> list[list]:
        return self._runs.runs

    def add(self, intent: Intent) -> None:
        self._runs.add(intent)

    def to_json(self) -> dict:
        data = {"version": VERSION, "map": self.map_path, "seed": self.seed, "runs": self.runs}
        if self.difficulty != "normal":
            data["difficulty"] = self.difficulty
        if self.start:
            data["start"] = self.start
        if self.restarts:
            data["restarts"] = list(self.restarts)
        return data

    def save(self, path: str | Path) -> None:
        path = Path(path)
        tmp = path.with_name(path.name + ".tmp")
        with open(tmp, "w") as f:
            json.dump(self.to_json(), f, separators=(",", ":"))
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)


class ReplayPlayer:
    """Gives the recorded intent for each tick, then stands still."""

    def __init__(self, runs: list[list], restarts: list[int] = ()):
        self._intents: list[tuple[int, Intent]] = [(int(r[0]), Intent.from_list(r[1:])) for r in runs]
        self._run, self._left = 0, self._intents[0][0] if self._intents else 0
        self.given = 0  # intents given so far
        self.restarts = sorted(restarts)  # restart (as from the menu) once this many were given

    def __call__(self, world) -> Intent:
        while self._run < len(self._intents) and self._left <= 0:
            self._run += 1
            self._left = self._intents[self._run][0] if self._run < len(self._intents) else 0
        if self._run >= len(self._intents):
            return IDLE
        self._left -= 1
        self.given += 1
        return self._intents[self._run][1]

    def restart_due(self) -> bool:
        """A restart chosen from the menu comes before the next intent (each is told once)."""
        if self.restarts and self.restarts[0] <= self.given:
            self.restarts.pop(0)
            return True
        return False

    @property
    def ticks(self) -> int:
        return sum(n for n, _ in self._intents)

    @property
    def finished(self) -> bool:
        """Every recorded intent has been given."""
        return self._run >= len(self._intents) or (self._run == len(self._intents) - 1 and self._left <= 0)


def load_replay(path: str | Path) -> dict:
    path = Path(path)
    try:
        data = json.loads(path.read_text())
    except FileNotFoundError:
        raise DataError(path, "replay file not found") from None
    except (OSError, ValueError) as exc:
        raise DataError(path, f"not a readable replay ({exc})") from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("runs"), list):
        raise DataError(path, f"not a version {VERSION} replay")
    restarts = data.get("restarts", [])
    if not isinstance(restarts, list) or not all(type(n) is int and n >= 0 for n in restarts):
        raise DataError(path, "the replay's restarts should be a list of whole numbers")
    try:
        data["player"] = ReplayPlayer(data["runs"], restarts)
    except (TypeError, ValueError, IndexError) as exc:
        raise DataError(path, f"corrupt replay input ({exc})") from None
    if not isinstance(data.setdefault("difficulty", "normal"), str):
        raise DataError(path, "the replay's difficulty should be a name")
    if "start" in data:
        from .world.lineage import check_chain

        try:
            check_chain(data["start"])
        except ValueError as exc:
            raise DataError(path, f"corrupt checkpoint input ({exc})") from None
    return data
