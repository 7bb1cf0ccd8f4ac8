"""Benchmarks: how fast the game simulates, draws, loads and starts.

    python tools/bench.py [--json] [--quick]

For every shipped map (maps/*.tmx):

- simulation: ticks per second of `World.step` with the full AI, headless, for an idle
  Jesse and a wandering one (`game.sim.wander_player`); the slower counts. Also its
  multiple of real time (60 ticks = 1 s);
- reference tick: the floor any design must pay on that map, built from the World's own
  objects: `physics.set_velocity`, `physics.step(DT)` and one `grid.line_of_sight` per
  guard, driven by the same player; the ratio full / reference (the worse player counts);
- render: the real `LevelScene` at 1280x720 (dummy video driver, drawing into the window
  surface) with a wandering Jesse: `scene.draw` time is the frame time (median, p95,
  p99), `scene.update` is timed apart;
- load: `load_level` alone (parse) and with the level scene entered (World, pre-rendered
  map, renderers): what the player waits for;
- present: the 1280x720 canvas scaled into a 1920x1080 and a 2560x1440 window (window scale,
  fullscreen), per frame, on top of the draw;
- resume: Continue's wait at the level's last checkpoint on its proven route: the saved input
  replayed to rebuild the world there (`game.world.lineage.rebuild`), best of the load runs.
- solver: seconds to prove the level from nothing, as `python tools/solve.py MAP` does it (load the
  map, search a route from the spawn, walk it in a real World and replay the recording in a fresh
  one), median of 3, and whether it was proven; and seconds to plan from the middle of the level
  (the snapshot at the first checkpoint of its stored route) to the next objective, proven the
  same way (`game.design.plan`), median of 3.

Then the start-up time to the title screen (`python -m game --frames 1`, wall time, median
of 3) and a scaling series on a generated 200x150 map with 0, 10, 25, 50 and 100 patrolling
guards and an idle Jesse far from all of them: the cost per guard per tick above the empty
map's tick, and the fitted growth exponent (1.0: linear), show how cost grows.

Targets (a 2-core machine), checked at the end: every shipped level >= 500x real time and
full / reference >= 0.5; draw p95 <= 5 ms; present p95 <= 5 ms; load <= 300 ms; start-up
<= 1.5 s; resume <= 1000 ms; every level proven by the solver in <= 3 s; the guards' cost growing
no worse than linearly (exponent <= 1.15). The exit status is 0 whatever the
figures: this measures, it does not test. Speed is measured here, never in timed tests.

Timing: simulation and reference figures are the best of a few repeats; everything but the
start-up is this thread's CPU time, which other processes on a busy machine disturb far
less than the wall clock (all of it is single-threaded work).

--json prints one object: "maps": [{map, guards, size, parse_ms, load_ms, players: {idle,
wander: {tps, ref_tps, ratio}}, tps, x_realtime, ref_tps, ratio, render: {draw_ms,
update_ms: {median, p95, p99}, frames}, solver: {prove_s, runs, proven, route_s, plan_next_s,
plan_runs, plan_proven}}], "present": {"WxH": {median, p95, p99}}, "startup": {startup_s, runs, cpu_s}, "scaling":
{size, rows: [{guards, tps, us_per_tick, load_ms, us_per_guard, marginal_us_per_guard}],
exponent}, "verdicts": [{what, value, target, ok}], "targets", "quick", "bench_seconds".

The measures live in tools/benchlib/, one module a kind (its docstring lists them), with the
targets and the report; this file is the command that runs them.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from game import cli  # noqa: E402
from game.world.level import load_level  # noqa: E402
from tools.benchlib.render import bench_load, bench_present, bench_render, open_window  # noqa: E402
from tools.benchlib.report import TARGETS, print_report, verdicts  # noqa: E402
from tools.benchlib.routes import bench_resume, bench_solver  # noqa: E402
from tools.benchlib.scaling import bench_scaling  # noqa: E402
from tools.benchlib.sim import bench_sim  # noqa: E402
from tools.benchlib.startup import bench_startup  # noqa: E402


def bench_map(path: Path, screen, assets, args) -> dict:
    level = load_level(path)
    row = {"map": path.name, "guards": len(level.guards), "size": [level.cols, level.rows]}
    row.update(bench_load(path, assets, args.load_runs))
    row.update(bench_sim(level, args.ticks, args.repeats))
    row["render"] = bench_render(level, screen, assets, args.frames)
    row["resume_ms"] = bench_resume(path, level, args.load_runs)
    row["solver"] = bench_solver(path, args.solver_runs)
    return row


def parse_args(argv):
    parser = cli.Parser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--quick", action="store_true", help="a short run (a few seconds): smoke tests")
    args = parser.parse_args(argv)
    quick = args.quick
    args.ticks = 600 if quick else 3600  # game ticks per simulation measurement (60 s)
    args.repeats = 1 if quick else 5
    args.frames = 60 if quick else 600
    args.load_runs = 1 if quick else 3
    args.solver_runs = 1 if quick else 3
    args.startup_runs = 1 if quick else 3
    args.scaling_ticks = 200 if quick else 1200
    args.scaling_repeats = 1 if quick else 3
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    began = time.perf_counter()
    screen = open_window()
    from game.render.assets import Assets

    assets = Assets()
    report = {"quick": args.quick, "targets": TARGETS}
    report["maps"] = [bench_map(p, screen, assets, args) for p in sorted((ROOT / "maps").glob("*.tmx"))]
    report["present"] = bench_present(args.frames // 2)
    report["startup"] = bench_startup(args.startup_runs)
    report["scaling"] = bench_scaling(args.scaling_ticks, args.scaling_repeats)
    report["verdicts"] = verdicts(report)
    report["bench_seconds"] = round(time.perf_counter() - began, 1)
    if args.json:
        print(json.dumps(report, indent=1))
    else:
        print_report(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
