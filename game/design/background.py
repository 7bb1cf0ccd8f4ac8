"""Design work that takes seconds, done in another process so the game's frames never wait for it.

    prover = BackgroundProver()
    prover.start("maps/garage.tmx", seed=0)   # a save in Tiled: re-lint and re-prove the map
    ...
    result = prover.poll()                    # once a frame: None while it works, then a Proof

The child is a fresh interpreter (the "spawn" start method: nothing of the game's window, sound or
pygame state is copied into it), which imports only the simulation and the design tools. Starting
another job ends the one running: only the newest save matters. A job that fails in a way nobody
planned for still answers, with the error as its reason: the designer's session goes on.
"""

from __future__ import annotations

import multiprocessing
import threading
import time
from dataclasses import dataclass, field

import numpy as np


@dataclass
class Proof:
    """What the prover found for one version of a map."""

    map: str
    proven: bool
    reason: str = ""  # why not, in a designer's words (the lint problem, the goal no route reaches, who noticed)
    path: list[tuple[float, float]] = field(default_factory=list)  # the route's waypoints, px
    route_seconds: float = 0.0
    heat: list[list[float]] = field(default_factory=list)  # (rows, cols) share of a patrol cycle each tile is seen
    took: float = 0.0  # seconds of work in the child


def prove_map(path: str, seed: int = 0) -> Proof:
    """Lint, solve and prove the map at `path` (what the child runs; callable in-process too)."""
    began = time.perf_counter()
    from ..errors import DataError
    from ..world.level import check_map, load_level
    from .heatmap import compute
    from .proof import execute, noticed, proven
    from .solver import NoRoute, Search

    def done(ok: bool, reason: str = "", **found) -> Proof:
        return Proof(path, ok, reason, took=round(time.perf_counter() - began, 2), **found)

    problems = check_map(path)
    if problems:
        first = ": ".join(p for p in (problems[0].where, problems[0].message) if p)  # the file is the one on screen
        return done(False, first + (f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""))
    try:
        level = load_level(path)
    except DataError as exc:
        return done(False, exc.line())
    heat = np.where(level.solid, 0.0, compute(level).tiles()).round(3).tolist()  # floor only: walls are not "seen"
    try:
        solution = execute(level, seed, Search(level, seed).solve())
    except NoRoute as exc:
        return done(False, f"no unseen route: {exc}", heat=heat)
    waypoints = [tuple(level.spawn)] + [(round(s.x, 1), round(s.y, 1)) for s in solution.steps if not s.press]
    if not proven(solution):
        return done(False, noticed(solution), path=waypoints, heat=heat)
    return done(True, path=waypoints, route_seconds=round(solution.ticks / 60, 1), heat=heat)


def answer(conn, work, failed) -> None:
    """In a child: send what `work()` gives down `conn`; one that fails in a way nobody planned
    for still answers, with `failed(reason)` (the game hears of it and goes on)."""
    try:
        result = work()
    except Exception as exc:  # noqa: BLE001 - the game hears of it and goes on
        result = failed(f"{type(exc).__name__}: {str(exc)[:120]}")
    try:
        conn.send(result)
    finally:
        conn.close()


def _child(conn, path: str, seed: int) -> None:
    answer(conn, lambda: prove_map(path, seed), lambda why: Proof(path, False, f"the prover failed ({why})"))


class BackgroundJob:
    """One job at a time in a child process: `start(*args)` runs `job(conn, *args)` there (ending
    any job still running), `poll()` once a frame gives its answer once it is ready. A child that
    dies without a word answers `lost()`.

    Starting a child takes a few milliseconds (a new interpreter is launched, the arguments
    pickled down to it): a thread does it, so the frame that asked does not pay for it."""

    def __init__(self, job, lost):
        self._context = multiprocessing.get_context("spawn")
        self._job, self._lost = job, lost
        self._process = None
        self._conn = None
        self._starter: threading.Thread | None = None
        self.started_at: float | None = None

    @property
    def busy(self) -> bool:
        return self._process is not None

    def start(self, *args) -> None:
        self.stop()
        receive, send = self._context.Pipe(duplex=False)
        process = self._context.Process(target=self._job, args=(send, *args), daemon=True)

        def launch() -> None:
            process.start()
            send.close()  # the child holds its end: when it exits, ours sees the end of the pipe

        self._process, self._conn = process, receive
        self._starter = threading.Thread(target=launch, name="background job", daemon=True)
        self._starter.start()
        self.started_at = time.monotonic()

    def poll(self):
        """The answer, once it is ready (once); None while it works. Never waits."""
        if self._conn is None:
            return None
        try:
            if not self._conn.poll():
                return None
            result = self._conn.recv()
        except (EOFError, OSError):  # the child died without a word
            result = self._lost()
        self._finish()
        return result

    def stop(self) -> None:
        self._started()
        if self._process is not None and self._process.is_alive():
            self._process.terminate()
        self._finish()

    def _started(self) -> None:
        """The child is launched (or failed to be): it can be ended or waited for."""
        if self._starter is not None:
            self._starter.join()
            self._starter = None

    def _finish(self) -> None:
        self._started()
        if self._conn is not None:
            self._conn.close()
        if self._process is not None and self._process.pid is not None:
            self._process.join(timeout=1.0)
        self._process = self._conn = None


class BackgroundProver(BackgroundJob):
    def __init__(self, job=_child):
        super().__init__(job, lambda: Proof("", False, "the prover stopped without an answer"))

    def start(self, path, seed: int = 0) -> None:
        """Prove this map in the background (ending any proof still running)."""
        super().start(str(path), seed)

    def poll(self) -> Proof | None:
        return super().poll()
