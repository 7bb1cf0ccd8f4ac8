"""Benchmarks: how fast the simulation runs on every shipped map.

    python tools/bench.py [--json] [--seconds S]

Speed is measured here, never in timed tests. For each map in maps/: headless
simulation ticks per second with the full AI (Jesse standing still, and Jesse
wandering, which adds physics contacts and noises) and the multiple of real
time (60 ticks = 1 s), plus the level load time.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from game.sim import idle_player, wander_player  # noqa: E402
from game.world.level import load_level  # noqa: E402
from game.world.world import World  # noqa: E402


def ticks_per_second(level, make_player, ticks: int, seed: int = 1) -> float:
    world, player = World(level, seed), make_player(seed)
    start = time.perf_counter()
    for n in range(ticks):
        world.step(player(world))
        if world.outcome is not None:  # caught: carry on in a fresh world, as a player would
            world, player = World(level, seed + n), make_player(seed + n)
    return ticks / (time.perf_counter() - start)


def bench_map(path: Path, seconds: float) -> dict:
    start = time.perf_counter()
    level = load_level(path)
    load_ms = (time.perf_counter() - start) * 1000
    ticks = round(seconds * 60)
    idle = ticks_per_second(level, lambda seed: idle_player, ticks)
    wander = ticks_per_second(level, wander_player, ticks)
    return {"map": path.name, "guards": len(level.guards), "load_ms": round(load_ms, 1),
            "idle_tps": round(idle), "idle_x_realtime": round(idle / 60),
            "wander_tps": round(wander), "wander_x_realtime": round(wander / 60)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--seconds", type=float, default=120.0, help="game seconds simulated per measurement")
    args = parser.parse_args(argv)
    rows = [bench_map(p, args.seconds) for p in sorted((ROOT / "maps").glob("*.tmx"))]
    if args.json:
        print(json.dumps(rows, indent=1))
        return 0
    print(f"{'map':<18}{'guards':>7}{'load ms':>9}{'idle tps':>10}{'x real':>8}{'wander tps':>12}{'x real':>8}")
    for r in rows:
        print(f"{r['map']:<18}{r['guards']:>7}{r['load_ms']:>9}{r['idle_tps']:>10}{r['idle_x_realtime']:>8}"
              f"{r['wander_tps']:>12}{r['wander_x_realtime']:>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
