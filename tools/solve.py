"""Prove a level beatable unseen: search a route, then replay it in the real simulation.

    python tools/solve.py MAP [--out route.json] [--seed N]

Prints the route's length and time, the closest any guard came (a risk measure)
and the search time. Exit status 0 when the replay in the real headless
simulation completes the level with no guard ever changing state; 1 when no
route is found or the replay disagrees; 2 for a bad map. With --out, writes the
recorded input as a replay file: `python -m game.sim MAP --player replay:FILE`.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from game.design.proof import execute, proven  # noqa: E402
from game.design.solver import NoRoute, Search  # noqa: E402
from game import cli  # noqa: E402
from game.errors import EXIT_BAD_INPUT, DataError  # noqa: E402
from game.replay import VERSION  # noqa: E402
from game.replay import map_digest as replay_digest  # noqa: E402
from game.world.level import load_level  # noqa: E402


def map_digest(path: Path) -> str:
    """A hash of the map and its tilesets (the one replays carry): a cached route is stale when it changes."""
    return replay_digest(load_level(path))


def route_document(path: Path, seed: int, solution) -> dict:
    return {
        "version": VERSION, "map": path.name, "seed": seed, "runs": solution.runs,
        "map_sha256": map_digest(path),
        "summary": {"targets": solution.targets, "ticks": solution.ticks, "seconds": round(solution.ticks / 60, 2),
                    "length_tiles": round(solution.length_px / 32, 1),
                    "closest_guard_tiles": round(solution.closest_px / 32, 2),
                    "search_seconds": round(solution.search_seconds, 2), "expanded": solution.expanded},
    }


def solve(path: Path, seed: int = 0):
    level = load_level(path)
    solution = Search(level, seed).solve()
    return execute(level, seed, solution)


def main(argv=None) -> int:
    parser = cli.Parser(description=__doc__.split("\n\n")[0])
    parser.add_argument("map", type=Path)
    parser.add_argument("--out", type=Path, help="write the proven route as a replay file")
    parser.add_argument("--seed", type=cli.seed, default=0)
    args = parser.parse_args(argv)
    try:
        solution = solve(args.map, args.seed)
    except DataError as exc:
        print(exc.line(), file=sys.stderr)
        return EXIT_BAD_INPUT
    except NoRoute as exc:
        print(f"{args.map}: no unseen route: {exc}")
        return 1
    doc = route_document(args.map, args.seed, solution)
    s = doc["summary"]
    ok = proven(solution)
    print(f"{args.map}: {'PROVEN' if ok else 'NOT PROVEN: the replay was noticed'}  "
          f"through {' -> '.join(s['targets'])}; {s['length_tiles']} tiles in {s['seconds']} s; "
          f"closest guard {s['closest_guard_tiles']} tiles; search {s['search_seconds']} s ({s['expanded']} states)")
    if not ok:
        seen = [e for e in solution.events if e["type"] in ("guard_state", "caught")][:3]
        print(f"  first trouble: {seen}")
        return 1
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(doc, separators=(",", ":")) + "\n")
        print(f"  wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
