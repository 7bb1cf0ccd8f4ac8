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
"""

from __future__ import annotations

import json
import math
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from game import cli  # noqa: E402
from game.sim import idle_player, wander_player  # noqa: E402
from game.world.level import load_level  # noqa: E402
from game.world.tuning import DT, TICK_RATE  # noqa: E402
from game.world.world import World  # noqa: E402
from tools.draft_map import parse_draft, render_tmx  # noqa: E402

WINDOW = (1280, 720)
SEED = 1
TARGETS = {
    "x_realtime_min": 500,  # every shipped level simulates at >= 500x real time...
    "ratio_min": 0.5,  # ...at >= half the reference tick's rate
    "draw_p95_ms_max": 5.0,
    "load_ms_max": 300.0,
    "startup_s_max": 1.5,
    "resume_ms_max": 1000.0,  # Continue: the saved checkpoint's input replayed
    "present_p95_ms_max": 5.0,  # the 1280x720 canvas scaled into a bigger window, per frame
    "prove_s_max": 3.0,  # the solver: a route found from the spawn and proven by replay
    "scaling_exponent_max": 1.15,  # marginal cost ~ guards ** exponent: 1.0 is linear
}
SCALING_GUARDS = (10, 25, 50, 100)
SCALING_SIZE = (200, 150)  # tiles
GARAGE_TILESET = ROOT / "maps" / "tilesets" / "garage.tsx"
FLOOR_TILE, WALL_TILE = 0, 19  # garage.tsx: concrete floor, wall

CLOCK = time.thread_time  # everything but the start-up (see the module's docstring)

PLAYERS = {"idle": lambda seed: idle_player, "wander": wander_player}


# ---------------------------------------------------------------- helpers
def percentiles(samples_s: list[float]) -> dict:
    """Median, p95 and p99 of timings in seconds, as milliseconds."""
    ordered = sorted(samples_s)

    def pick(q: float) -> float:
        return ordered[min(len(ordered) - 1, math.ceil(q * len(ordered)) - 1)]

    return {"median": round(statistics.median(ordered) * 1000, 3), "p95": round(pick(0.95) * 1000, 3),
            "p99": round(pick(0.99) * 1000, 3)}


def best_rate(run, repeats: int) -> float:
    """The best of `repeats` calls of run() -> (ticks, seconds), in ticks per second."""
    return max(ticks / seconds for ticks, seconds in (run() for _ in range(repeats)))


# ---------------------------------------------------------------- simulation
def sim_run(level, make_player, ticks: int, seed: int = SEED) -> tuple[int, float]:
    """(ticks, seconds) spent stepping the world, the player included. When Jesse is caught a
    fresh world carries on, as a player would; building it is not counted (load time is)."""
    world, player = World(level, seed), make_player(seed)
    rebuilding = 0.0
    start = CLOCK()
    for n in range(ticks):
        world.step(player(world))
        if world.outcome is not None:
            began = CLOCK()
            world, player = World(level, seed + n), make_player(seed + n)
            rebuilding += CLOCK() - began
    return ticks, CLOCK() - start - rebuilding


def velocity_of(intent, world) -> tuple[float, float]:
    """Jesse's wanted velocity for an intent, as World.step works it out (near enough)."""
    mx, my = intent.move
    push = math.hypot(mx, my)
    if push < 1e-3:
        return 0.0, 0.0
    t = world.tuning
    pace = t.sprint_speed if intent.sprint and not intent.sneak else t.sneak_speed if intent.sneak else t.walk_speed
    speed = pace * world.tile * min(1.0, push)
    return mx / push * speed, my / push * speed


def reference_run(level, make_player, ticks: int, seed: int = SEED) -> tuple[int, float]:
    """(ticks, seconds) of the floor: the physics step and one line of sight per guard.

    Uses the World's own physics and grid; the guards stand where they start."""
    world, player = World(level, seed), make_player(seed)
    physics, los = world.physics, world.grid.line_of_sight
    eyes = [(g.x, g.y) for g in world.guards]
    seen = 0
    start = CLOCK()
    for _ in range(ticks):
        physics.set_velocity(*velocity_of(player(world), world))
        physics.step(DT)
        px, py = physics.position
        for gx, gy in eyes:
            seen += los(gx, gy, px, py)
    return ticks, CLOCK() - start


def bench_sim(level, ticks: int, repeats: int) -> dict:
    """Full AI and reference rates for each player; the worst figures are the map's."""
    out = {}
    for name, make in PLAYERS.items():
        full = best_rate(lambda: sim_run(level, make, ticks), repeats)
        ref = best_rate(lambda: reference_run(level, make, ticks), repeats)
        out[name] = {"tps": round(full), "ref_tps": round(ref), "ratio": round(full / ref, 3)}
    slowest = min(out.values(), key=lambda r: r["tps"])
    return {"players": out, "tps": slowest["tps"], "x_realtime": round(slowest["tps"] / TICK_RATE),
            "ref_tps": slowest["ref_tps"], "ratio": min(r["ratio"] for r in out.values())}


# ---------------------------------------------------------------- render and load
def open_window():
    import pygame

    pygame.init()
    return pygame.display.set_mode(WINDOW)


def level_scene(level, assets, seed: int = SEED):
    """The real level scene on a stack, Jesse wandering by script."""
    from game.scenes.level import LevelScene
    from game.scenes.stack import SceneStack

    scene = LevelScene(level, level.path.name, assets, None, seed, scripted_input=wander_player(seed))
    stack = SceneStack()
    stack.push(scene)
    return scene, stack


def bench_load(path: Path, assets, runs: int) -> dict:
    """Median ms of `load_level` alone and of the whole load (level scene entered)."""
    parse, whole = [], []
    for _ in range(runs):
        start = CLOCK()
        level = load_level(path)
        parsed = CLOCK()
        _, stack = level_scene(level, assets)
        done = CLOCK()
        stack.clear()
        parse.append(parsed - start)
        whole.append(done - start)
    return {"parse_ms": round(statistics.median(parse) * 1000, 1), "load_ms": round(statistics.median(whole) * 1000, 1)}


def bench_render(level, screen, assets, frames: int, warmup: int = 30) -> dict:
    """`scene.update` and `scene.draw` times per frame, one tick per frame."""
    scene, stack = level_scene(level, assets)
    updates, draws = [], []
    for n in range(warmup + frames):
        t0 = CLOCK()
        scene.update(DT)
        t1 = CLOCK()
        scene.draw(screen, 0.0)
        t2 = CLOCK()
        if n >= warmup:
            updates.append(t1 - t0)
            draws.append(t2 - t1)
    stack.clear()
    return {"draw_ms": percentiles(draws), "update_ms": percentiles(updates), "frames": frames}


PRESENT_WINDOWS = ((1920, 1080), (2560, 1440))


def bench_present(frames: int) -> dict:
    """Per frame, the canvas put into a bigger window (window scale 150%, fullscreen at 1440p)."""
    import pygame

    from game.render.present import Presenter

    rows = {}
    for size in PRESENT_WINDOWS:
        window = pygame.Surface(size)
        presenter = Presenter()
        presenter.layout(size)
        samples = []
        for _ in range(frames):
            t0 = CLOCK()
            presenter.present(window)
            samples.append(CLOCK() - t0)
        rows[f"{size[0]}x{size[1]}"] = percentiles(samples)
    return rows


def bench_map(path: Path, screen, assets, args) -> dict:
    level = load_level(path)
    row = {"map": path.name, "guards": len(level.guards), "size": [level.cols, level.rows]}
    row.update(bench_load(path, assets, args.load_runs))
    row.update(bench_sim(level, args.ticks, args.repeats))
    row["render"] = bench_render(level, screen, assets, args.frames)
    row["resume_ms"] = bench_resume(path, level, args.load_runs)
    row["solver"] = bench_solver(path, args.solver_runs)
    return row


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


def first_checkpoint(path: Path) -> dict | None:
    """The world at the first checkpoint along the map's stored primary route (None without one)."""
    from game.replay import load_replay

    route_file = ROOT / "maps" / "routes" / f"{path.stem}.json"
    if not route_file.is_file():
        return None
    route = load_replay(route_file)
    world, player = World(load_level(path), route["seed"]), route["player"]
    for _ in range(player.ticks):
        world.step(player(world))
        if world.checkpoint is not None:
            return world.checkpoint
    return None


def bench_resume(path: Path, level, runs: int) -> float | None:
    """Milliseconds to rebuild the world at the last checkpoint of the map's proven route."""
    from game.replay import load_replay
    from game.world.lineage import Lineage, rebuild

    route_file = ROOT / "maps" / "routes" / f"{path.stem}.json"
    if not route_file.is_file():
        return None
    route = load_replay(route_file)
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


# ---------------------------------------------------------------- start-up
def bench_startup(runs: int) -> dict:
    """Wall time of `python -m game --frames 1` (to the title screen's first frame), median;
    and the child's CPU time, which a busy machine does not inflate."""
    walls, cpus = [], []
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", REDEMPTION_HOME=home)
        for _ in range(runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "game", "--frames", "1"], cwd=ROOT, env=env, check=True,
                           capture_output=True, timeout=60)
            walls.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return {"startup_s": round(statistics.median(walls), 3), "runs": [round(t, 3) for t in walls],
            "cpu_s": round(statistics.median(cpus), 3)}


# ---------------------------------------------------------------- scaling
def scaling_draft(guards: int, seed: int = SEED, size: tuple[int, int] = SCALING_SIZE) -> str:
    """Draft text of a big seeded map: border, scattered pillars and wall runs, Jesse in the
    top-left corner, `guards` guards each on a small square loop in a cleared 5x5 patch of
    his own, all at least 40 tiles from Jesse."""
    cols, rows = size
    rng = random.Random(seed)
    cells = [["." for _ in range(cols)] for _ in range(rows)]
    for c in range(cols):
        cells[0][c] = cells[rows - 1][c] = "#"
    for r in range(rows):
        cells[r][0] = cells[r][cols - 1] = "#"
    for _ in range(cols * rows // 60):  # pillars (1x1, 2x2) and short wall runs
        c, r = rng.randrange(2, cols - 8), rng.randrange(2, rows - 8)
        w, h = rng.choice([(1, 1), (2, 2), (rng.randint(3, 7), 1), (1, rng.randint(3, 7))])
        for rr in range(r, r + h):
            for cc in range(c, c + w):
                cells[rr][cc] = "#"
    head = [f"tileset = {GARAGE_TILESET}", f"legend . = floor:{FLOOR_TILE}",
            f"legend # = floor:{FLOOR_TILE} walls:{WALL_TILE}", "object S PlayerSpawn"]
    for r in range(1, 5):
        for c in range(1, 5):
            cells[r][c] = "."
    cells[2][2] = "S"
    objects, patches = [], []
    for i in range(guards):
        while True:
            c, r = rng.randrange(2, cols - 7), rng.randrange(2, rows - 7)
            apart = all(abs(c - pc) > 5 or abs(r - pr) > 5 for pc, pr in patches)
            if apart and math.hypot(c - 2, r - 2) >= 40:
                break
        patches.append((c, r))
        for rr in range(r, r + 5):
            for cc in range(c, c + 5):
                cells[rr][cc] = "."
        mark = chr(0x100 + i)  # one character per guard: each has its own route
        cells[r + 1][c + 1] = mark
        objects.append(f"object {mark} Guard route=@r{i} group=g{i % 5}")
        objects.append(f"route r{i} loop=true wait=0.5 : {c + 1},{r + 1} {c + 3},{r + 1} {c + 3},{r + 3} {c + 1},{r + 3}")
    return "\n".join(head + ["map"] + ["".join(row) for row in cells] + [""] + objects) + "\n"


def write_scaling_map(folder: Path, guards: int) -> Path:
    path = folder / f"scale_{guards}.tmx"
    path.write_text(render_tmx(parse_draft(scaling_draft(guards))))
    return path


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


# ---------------------------------------------------------------- report
def verdicts(report: dict) -> list[dict]:
    t = TARGETS
    checks = []
    for m in report["maps"]:
        name = m["map"]
        checks += [
            (f"{name} x real time", m["x_realtime"], ">=", t["x_realtime_min"]),
            (f"{name} full/reference", m["ratio"], ">=", t["ratio_min"]),
            (f"{name} draw p95 ms", m["render"]["draw_ms"]["p95"], "<=", t["draw_p95_ms_max"]),
            (f"{name} load ms", m["load_ms"], "<=", t["load_ms_max"]),
        ]
        if m.get("resume_ms") is not None:
            checks.append((f"{name} resume ms", m["resume_ms"], "<=", t["resume_ms_max"]))
        if m.get("solver"):
            checks.append((f"{name} proven (1 = yes)", int(m["solver"]["proven"]), ">=", 1))
            checks.append((f"{name} proven in s", m["solver"]["prove_s"], "<=", t["prove_s_max"]))
    checks.append(("start-up s", report["startup"]["startup_s"], "<=", t["startup_s_max"]))
    for size, r in report["present"].items():
        checks.append((f"present {size} p95 ms", r["p95"], "<=", t["present_p95_ms_max"]))
    checks.append(("scaling exponent", report["scaling"]["exponent"], "<=", t["scaling_exponent_max"]))
    return [{"what": w, "value": v, "target": f"{op} {goal}", "ok": v >= goal if op == ">=" else v <= goal}
            for w, v, op, goal in checks]


def print_report(report: dict) -> None:
    print(f"{'map':<14}{'guards':>7}{'idle tps':>10}{'wander tps':>12}{'x real':>8}"
          f"{'ref tps':>10}{'ratio':>7}{'parse ms':>10}{'load ms':>9}{'resume ms':>11}")
    for m in report["maps"]:
        p = m["players"]
        print(f"{m['map']:<14}{m['guards']:>7}{p['idle']['tps']:>10}{p['wander']['tps']:>12}{m['x_realtime']:>8}"
              f"{m['ref_tps']:>10}{m['ratio']:>7}{m['parse_ms']:>10}{m['load_ms']:>9}{str(m.get('resume_ms')):>11}")
    print(f"\nsolver (s, median)   {'prove':>8}{'proven':>8}{'route':>8}{'plan next':>11}{'proven':>8}")
    for m in report["maps"]:
        v = m["solver"]
        print(f"  {m['map']:<18}{v['prove_s']:>8}{str(v['proven']):>8}{v['route_s']:>8}"
              f"{str(v.get('plan_next_s')):>11}{str(v.get('plan_proven')):>8}")
    print(f"\nrender at {WINDOW[0]}x{WINDOW[1]} (ms)   {'median':>8}{'p95':>8}{'p99':>8}")
    for m in report["maps"]:
        for what in ("draw", "update"):
            r = m["render"][f"{what}_ms"]
            print(f"  {m['map']:<14} {what:<12}{r['median']:>9}{r['p95']:>8}{r['p99']:>8}")
    print("\ncanvas into a bigger window (ms)" + "".join(
        f"   {size}: median {r['median']}, p95 {r['p95']}" for size, r in report["present"].items()))
    s = report["startup"]
    print(f"\nstart-up to the title screen: {s['startup_s']} s wall (runs {s['runs']}), {s['cpu_s']} s CPU")
    sc = report["scaling"]
    print(f"\nscaling on a generated {sc['size'][0]}x{sc['size'][1]} map, idle Jesse far away")
    print(f"  {'guards':>6}{'tps':>9}{'us/tick':>10}{'us/guard':>10}{'marginal':>10}{'load ms':>9}")
    for r in sc["rows"]:
        print(f"  {r['guards']:>6}{r['tps']:>9}{r['us_per_tick']:>10}{r.get('us_per_guard', ''):>10}"
              f"{r.get('marginal_us_per_guard', ''):>10}{r['load_ms']:>9}")
    print(f"  growth exponent of the guards' cost: {sc['exponent']} (1.0 = linear)")
    print("\ntargets")
    for v in report["verdicts"]:
        print(f"  {'ok  ' if v['ok'] else 'MISS'} {v['what']:<30}{v['value']:>10}  (target {v['target']})")
    print(f"\nbench ran in {report['bench_seconds']} s")


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
