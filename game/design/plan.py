"""Plan from where the game stands: the solver and its proof from a world snapshot, in one call that
another process can make (what goes in and what comes back pickles; nothing of pygame is needed).

    plan = plan_from("maps/garage.tmx", world.snapshot(), seed=world.seed, tuning=world.tuning)

`snapshot` is `World.snapshot()` of a world of that map and seed (a checkpoint's, or this very
tick's), or None for the spawn. The plan goes to the next objective (`until="next"`: the nearest
one that can be done now, or the exit once nothing else is left) or to the level's end
(`until="end"`). It is proven like every route: walked in a world restored from the snapshot, its
input recorded and replayed in another, and `proven` only if that replay does what the plan is for
with no guard changing state (one who was already after Jesse may calm down, as he would alone).
When the solver sees no safe way from here now, or the replay was noticed, `proven` is False and
`reason` says why in a line. With `still_s`, Jesse stands where he is that long before he moves
(the time Kim takes to answer: the plan is good when it arrives, if he waited for it).

In a background process, so the frames never wait for it (the "spawn" start method: nothing of the
game's window or pygame state goes with it):

    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    context.Process(target=plan_job, args=(send, map_path, snapshot, seed, tuning), daemon=True).start()
    send.close()
    ...                                   # once a frame: receive.poll(), then receive.recv() -> Plan
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import NamedTuple

from ..errors import DataError
from ..world.level import load_level
from ..world.tuning import DEFAULT, TICK_RATE, Tuning
from .background import answer
from .proof import execute, noticed, proven
from .solver import NoRoute, Search


class PlanStep(NamedTuple):
    """Walk to (x, y) between the ticks `start` and `end`, or press interact at `start`; a waiting
    Jesse is a step that starts after the last one ended."""

    start: int
    end: int
    x: float
    y: float
    press: bool


@dataclass
class Plan:
    map: str
    until: str
    proven: bool
    reason: str = ""  # why not, in a line (no way now, who noticed, the map's problem)
    start_tick: int = 0  # the world's tick the plan starts at (the snapshot's)
    end_tick: int = 0  # the tick its replay did what it is for
    targets: list[str] = field(default_factory=list)  # what it does, in order (the last is where it leads)
    runs: list[list] = field(default_factory=list)  # the input to give from start_tick (`IntentRuns` runs)
    steps: list[PlanStep] = field(default_factory=list)  # the route as planned
    took: float = 0.0  # seconds of work

    @property
    def seconds(self) -> float:
        """How long the plan takes to play."""
        return (self.end_tick - self.start_tick) / TICK_RATE


def plan_from(map_path, snapshot: dict | None = None, seed: int = 0, tuning: Tuning = DEFAULT,
              until: str = "next", still_s: float = 0.0) -> Plan:
    """A proven plan from `snapshot` (None: the spawn) to the next objective or the end, Jesse
    standing where he is for `still_s` first; see the module's docstring."""
    began = time.perf_counter()
    name = str(map_path)

    def done(ok: bool, reason: str = "", **found) -> Plan:
        return Plan(name, until, ok, reason, took=round(time.perf_counter() - began, 3), **found)

    try:
        level = load_level(map_path)
    except DataError as exc:
        return done(False, exc.line())
    try:
        search = Search(level, seed, tuning, snapshot=snapshot, still_s=still_s)
        solution = search.solve(until)
    except NoRoute as exc:
        return done(False, f"no unseen way from here now: {exc}")
    solution = execute(level, seed, solution, tuning, snapshot=snapshot)
    steps = [PlanStep(s.start, s.end, s.x, s.y, s.press) for s in solution.steps]
    found = dict(start_tick=solution.start_tick, end_tick=solution.ticks, targets=list(solution.targets),
                 runs=solution.runs, steps=steps)
    if proven(solution):
        return done(True, **found)
    return done(False, noticed(solution, "the plan"), **found)


def plan_job(conn, map_path, snapshot: dict | None, seed: int = 0, tuning: Tuning = DEFAULT,
             until: str = "next", still_s: float = 0.0) -> None:
    """`plan_from` in a child process: the Plan is sent down `conn` (a failure nobody planned for
    still answers, with the error as its reason)."""
    answer(conn, lambda: plan_from(map_path, snapshot, seed, tuning, until, still_s),
           lambda why: Plan(str(map_path), until, False, f"the planner failed ({why})"))
