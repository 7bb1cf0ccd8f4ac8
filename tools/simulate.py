"""Play a map headless for many seeds at once and tabulate how the runs end.

    python tools/simulate.py MAP --seeds 1-50 [--player idle|wander|replay:FILE]
                             [--seconds 120] [--jobs N] [--json]

Each seed runs `game.sim.run(World(level, seed), player, ticks)`; the seeds are
shared among N processes (default: one per CPU). The table has one row per
outcome (caught, complete, timeout): how many runs, mean/min/max ticks to the
end, and per run the mean detections (a guard turning "alert"), suspicious
events (a guard turning "suspicious") and noises; then a total line. `--json`
prints one row per seed instead. The output is in seed order and the same
whatever --jobs is. Bad input (map, seeds, player, replay): one line on stderr,
exit status 2.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from game import cli  # noqa: E402
from game.errors import EXIT_BAD_INPUT, DataError  # noqa: E402
from game.sim import make_player, player_spec, run  # noqa: E402
from game.world.level import load_level  # noqa: E402
from game.world.tuning import TICK_RATE  # noqa: E402
from game.world.world import World  # noqa: E402

OUTCOMES = ("caught", "complete", "timeout")
MAX_SEEDS = 100_000


def parse_seeds(spec: str) -> list[int]:
    """ "1-50", "1,2,5", "7", "1-3,9" -> sorted distinct seeds; ValueError with a reason."""
    seeds: set[int] = set()
    for part in spec.split(","):
        found = re.fullmatch(r"\s*(\d+)\s*(?:-\s*(\d+)\s*)?", part)
        if not found:
            raise ValueError(f"bad seeds {spec!r} (use e.g. 1-50, 1,2,5 or 7; seeds are 0 or more)")
        lo = int(found.group(1))
        hi = int(found.group(2)) if found.group(2) is not None else lo
        if lo > hi:
            raise ValueError(f"seed range {part.strip()!r} runs backwards")
        if hi - lo + 1 + len(seeds) > MAX_SEEDS:
            raise ValueError(f"too many seeds in {spec!r} (at most {MAX_SEEDS})")
        seeds.update(range(lo, hi + 1))
    return sorted(seeds)


# One level per worker process, loaded once.
_JOB: dict = {}


def _init(map_path: str, player: str, ticks: int) -> None:
    _JOB.update(level=load_level(map_path), player=player, ticks=ticks)


def run_seed(seed: int) -> dict:
    """One run, summarised (the events themselves stay in the worker)."""
    result = run(World(_JOB["level"], seed), make_player(_JOB["player"], seed), _JOB["ticks"])
    counts = {"detections": 0, "suspicious": 0, "noises": 0}
    for e in result["events"]:
        kind = e["type"]
        if kind == "guard_state":
            if e["to"] == "alert":
                counts["detections"] += 1
            elif e["to"] == "suspicious":
                counts["suspicious"] += 1
        elif kind == "noise":
            counts["noises"] += 1
    return {"seed": seed, "outcome": result["outcome"], "ticks": result["ticks"], **counts}


def simulate(map_path: str, seeds: list[int], player: str, ticks: int, jobs: int) -> list[dict]:
    """Rows in seed order. Raises DataError for a map or player that cannot be used."""
    _init(map_path, player, ticks)  # fails here, in the parent, on a bad map
    make_player(player, seeds[0] if seeds else 0)  # ...or a bad player / replay file
    jobs = max(1, min(jobs, len(seeds)))
    if jobs == 1:
        return [run_seed(s) for s in seeds]
    import multiprocessing

    # fork where there is one (fast: the workers start with the game imported), else spawn.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with multiprocessing.get_context(method).Pool(jobs, _init, (map_path, player, ticks)) as pool:
        return pool.map(run_seed, seeds, chunksize=1)  # map keeps the order of the seeds


def table(rows: list[dict]) -> list[str]:
    head = (f"{'outcome':<9}{'runs':>6}{'share':>7}{'ticks mean':>12}{'min':>7}{'max':>7}{'mean s':>9}"
            f"{'detections':>12}{'suspicious':>12}{'noises':>9}")
    lines = [head, "-" * len(head)]

    def line(name: str, group: list[dict]) -> str:
        n = len(group)
        share = f"{n / len(rows) * 100:.0f}%" if rows else "-"
        if not n:
            return f"{name:<9}{0:>6}{share:>7}{'-':>12}{'-':>7}{'-':>7}{'-':>9}{'-':>12}{'-':>12}{'-':>9}"
        ticks = [r["ticks"] for r in group]
        mean = sum(ticks) / n

        def avg(key: str) -> float:
            return sum(r[key] for r in group) / n

        return (f"{name:<9}{n:>6}{share:>7}{mean:>12.1f}{min(ticks):>7}{max(ticks):>7}{mean / TICK_RATE:>9.1f}"
                f"{avg('detections'):>12.2f}{avg('suspicious'):>12.2f}{avg('noises'):>9.1f}")

    for outcome in OUTCOMES:
        lines.append(line(outcome, [r for r in rows if r["outcome"] == outcome]))
    others = sorted({r["outcome"] for r in rows} - set(OUTCOMES))
    for outcome in others:  # should not happen; shown rather than hidden
        lines.append(line(outcome, [r for r in rows if r["outcome"] == outcome]))
    lines.append("-" * len(head))
    lines.append(line("total", rows))
    return lines


def main(argv=None) -> int:
    parser = cli.Parser(prog="python tools/simulate.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("map", help="a .tmx map with a PlayerSpawn")
    parser.add_argument("--seeds", default="1-10", help="e.g. 1-50, 1,2,5 or 7 (default 1-10)")
    parser.add_argument("--player", type=player_spec, default="idle", help="idle, wander or replay:FILE (default idle)")
    parser.add_argument("--seconds", type=cli.seconds(), default=120.0, help="game seconds per run at most (default 120)")
    parser.add_argument("--jobs", type=cli.whole(1, 1024), default=os.cpu_count() or 1, help="processes (default: one per CPU)")
    parser.add_argument("--json", action="store_true", help="print the rows (one per seed) as JSON")
    args = parser.parse_args(argv)

    def bad(message: str) -> int:
        print(message, file=sys.stderr)
        return EXIT_BAD_INPUT

    try:
        seeds = parse_seeds(args.seeds)
    except ValueError as exc:
        return bad(f"--seeds: {exc}")
    if not (args.seconds > 0 and args.seconds < 1e6):
        return bad(f"--seconds: must be more than 0, got {args.seconds:g}")
    if args.jobs < 1:
        return bad(f"--jobs: must be 1 or more, got {args.jobs}")
    ticks = round(args.seconds * TICK_RATE)
    try:
        rows = simulate(args.map, seeds, args.player, ticks, args.jobs)
    except DataError as exc:
        return bad(exc.line())
    if args.json:
        print(json.dumps(rows, separators=(",", ":")))
        return 0
    print(f"{args.map}: {len(rows)} runs (seeds {args.seeds}), player {args.player}, up to {args.seconds:g} s each")
    for text in table(rows):
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
