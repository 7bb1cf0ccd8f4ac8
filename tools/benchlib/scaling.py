"""The scaling series: ticks per second on the generated map with 0 to 100 guards and an idle
Jesse far from all of them; the cost per guard above the empty map's tick and its growth
exponent (1.0: linear)."""

from __future__ import annotations

import math
import tempfile
from pathlib import Path

from game.world.level import load_level
from game.world.world import World

from . import SEED
from .scaling_map import SCALING_SIZE, write_scaling_map
from .sim import PLAYERS, sim_run
from .timing import CLOCK, best_rate

SCALING_GUARDS = (10, 25, 50, 100)


def bench_scaling(ticks: int, repeats: int) -> dict:
    """Ticks per second on the generated map with 0 and each count of guards, idle Jesse."""
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for n in (0,) + SCALING_GUARDS:
            path = write_scaling_map(Path(folder), n)
            start = CLOCK()
            level = load_level(path)
            World(level, SEED)
            load_ms = (CLOCK() - start) * 1000
            tps = best_rate(lambda: sim_run(level, PLAYERS["idle"], ticks), repeats)
            rows.append({"guards": n, "tps": round(tps), "us_per_tick": round(1e6 / tps, 1),
                         "load_ms": round(load_ms, 1)})
    base = rows[0]["us_per_tick"]
    for row in rows[1:]:
        row["us_per_guard"] = round(row["us_per_tick"] / row["guards"], 2)
        row["marginal_us_per_guard"] = round((row["us_per_tick"] - base) / row["guards"], 2)
    return {"size": list(SCALING_SIZE), "rows": rows, "exponent": round(growth_exponent(rows), 3)}


def growth_exponent(rows: list[dict]) -> float:
    """Least-squares slope of log(cost above the 0-guard tick) against log(guards): 1 is linear."""
    base = rows[0]["us_per_tick"]
    pts = [(math.log(r["guards"]), math.log(max(r["us_per_tick"] - base, 1e-3))) for r in rows[1:]]
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    return sum((x - mx) * (y - my) for x, y in pts) / sum((x - mx) ** 2 for x, _ in pts)
