"""What the stored routes (maps/routes/) time: the solver proving a level and planning from its
first checkpoint, and Continue's wait to rebuild the world at the last one."""

from __future__ import annotations

import math
import statistics
from pathlib import Path

from game.world.level import load_level
from game.world.tuning import TICK_RATE
from game.world.world import World

from . import ROOT
from .timing import CLOCK


def bench_solver(path: Path, runs: int) -> dict:
    """Seconds (CPU) to prove the level from nothing, and to plan from its first checkpoint to
    the next objective; medians of `runs`."""
    from game.design.plan import plan_from
    from game.design.proof import execute, proven
    from game.design.solver import Search

    def prove_once():
        began = CLOCK()
        level = load_level(path)
        solution = execute(level, 0, Search(level, 0).solve())
        return CLOCK() - began, proven(solution), solution.ticks / TICK_RATE

    times, oks, route_s = [], [], 0.0
    for _ in range(runs):
        took, ok, route_s = prove_once()
        times.append(took)
        oks.append(ok)
    out = {"prove_s": round(statistics.median(times), 2), "runs": [round(t, 2) for t in times],
           "proven": all(oks), "route_s": round(route_s, 1)}
    snapshot = first_checkpoint(path)
    if snapshot is not None:
        plans = []
        for _ in range(runs):
            began = CLOCK()
            plan = plan_from(path, snapshot, 0)
            plans.append((CLOCK() - began, plan.proven))
        out.update(plan_next_s=round(statistics.median(t for t, _ in plans), 2),
                   plan_runs=[round(t, 2) for t, _ in plans], plan_proven=all(ok for _, ok in plans))
    return out


def stored_route(path: Path) -> dict | None:
    """The map's stored primary route (maps/routes/NAME.json) as `load_replay` reads it; None without one."""
    from game.replay import load_replay

    route_file = ROOT / "maps" / "routes" / f"{path.stem}.json"
    return load_replay(route_file) if route_file.is_file() else None


def first_checkpoint(path: Path) -> dict | None:
    """The world at the first checkpoint along the map's stored primary route (None without one)."""
    route = stored_route(path)
    if route is None:
        return None
    world, player = World(load_level(path), route["seed"]), route["player"]
    for _ in range(player.ticks):
        world.step(player(world))
        if world.checkpoint is not None:
            return world.checkpoint
    return None


def bench_resume(path: Path, level, runs: int) -> float | None:
    """Milliseconds to rebuild the world at the last checkpoint of the map's proven route."""
    from game.world.lineage import Lineage, rebuild

    route = stored_route(path)
    if route is None:
        return None
    player, world, lineage, chain = route["player"], World(level, route["seed"]), Lineage(), None
    for _ in range(player.ticks):
        intent = player(world)
        lineage.add(intent)
        world.step(intent)
        if world.checkpoint_tick == world.tick:
            chain = lineage.reached_checkpoint()
    if chain is None:
        return None
    best = math.inf
    for _ in range(runs):
        began = CLOCK()
        rebuild(level, route["seed"], chain)
        best = min(best, CLOCK() - began)
    return round(best * 1000, 1)
