"""Prove a level beatable unseen: search a route, then replay it in the real simulation.

    python tools/solve.py MAP [--out route.json] [--seed N]
    python tools/solve.py MAP --routes N [--seed N] [--fresh]
    python tools/solve.py --report MAP... [--readme maps/README.md]

Prints the route's length and time, the closest any guard came (a risk measure)
and the search time. Exit status 0 when the replay in the real headless
simulation completes the level with no guard ever changing state; 1 when no
route is found or the replay disagrees; 2 for a bad map. With --out, writes the
recorded input as a replay file: `python -m game.sim MAP --player replay:FILE`.

With --routes N, the level's N routes in maps/routes/ beside the map: the primary
`<map>.json` (kept as it is while it still proves on the map as it is now, since
the par time and the golden digests come from it; --fresh solves it again) and
N - 1 alternatives `<map>.2.json` ... each different from all the others (they
share less than half of their cells, within a tile: `game/design/routes.py`),
found again each time; older numbered routes past those found are removed. Prints
each route and the share of cells between every two. Exit status 1 when fewer
than N routes were found: a level-design finding (open another way).

With --report, each map's stored routes replayed, and what they ask of a player: length and
time, the closest a guard comes, the time exposed in light, and the narrowest timing window
(how late the player may be at a route's tightest moment and still pass unseen; see
`game/design/report.py`), then the share of cells between every two routes. With --readme FILE
the same as a table, written between the level report's markers in FILE (maps/README.md, whose
table a test keeps current). Exit status 1 when a stored route no longer proves.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from game.design import report, routes  # noqa: E402
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


def route_document(path: Path, seed: int, solution, **more) -> dict:
    summary = {"targets": solution.targets, "ticks": solution.ticks, "seconds": round(solution.ticks / 60, 2),
               "length_tiles": round(solution.length_px / 32, 1),
               "closest_guard_tiles": round(solution.closest_px / 32, 2),
               "search_seconds": round(solution.search_seconds, 2), "expanded": solution.expanded}
    summary.update(more)
    return {"version": VERSION, "map": path.name, "seed": seed, "runs": solution.runs,
            "map_sha256": map_digest(path), "summary": summary}


def solve(path: Path, seed: int = 0):
    level = load_level(path)
    solution = Search(level, seed).solve()
    return execute(level, seed, solution)


def describe(path: Path, doc: dict) -> str:
    s = doc["summary"]
    return (f"through {' -> '.join(s['targets'])}; {s['length_tiles']} tiles in {s['seconds']} s; "
            f"closest guard {s['closest_guard_tiles']} tiles; search {s['search_seconds']} s ({s['expanded']} states)")


def write(path: Path, doc: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc, separators=(",", ":")) + "\n")


def several(path: Path, count: int, seed: int, fresh: bool) -> int:
    """--routes: the primary (kept or solved), then alternatives; see the module's docstring."""
    level = load_level(path)
    primary_file = routes.route_path(path, 1)
    primary = None
    if primary_file.is_file() and not fresh:
        doc = routes.load(primary_file)
        if doc.get("map_sha256") == map_digest(path) and doc.get("seed") == seed:
            primary = routes.replayed(level, doc)
            if proven(primary):
                print(f"route 1 ({primary_file.name}): kept, still proven; {len(primary.cells)} cells")
            else:
                primary = None
    if primary is None:
        solution = execute(level, seed, Search(level, seed).solve())
        if not proven(solution):
            print(f"{path}: NOT PROVEN: the replay was noticed")
            return 1
        doc = route_document(path, seed, solution, route=1, cells=len(solution.cells))
        write(primary_file, doc)
        primary = solution
        print(f"route 1 ({primary_file.name}): {describe(path, doc)}")
    found = routes.alternatives(level, seed, [primary.cells], count - 1, report=lambda line: print(f"  {line}"))
    cells = [primary.cells]
    for number, solution in enumerate(found, 2):
        shares = {str(k): round(routes.share(solution.cells, c), 2) for k, c in enumerate(cells, 1)}
        doc = route_document(path, seed, solution, route=number, cells=len(solution.cells), shares=shares)
        write(routes.route_path(path, number), doc)
        cells.append(solution.cells)
        print(f"route {number} ({routes.route_path(path, number).name}): {describe(path, doc)}")
    for old in routes.route_files(path)[1 + len(found):]:
        old.unlink()
        print(f"  removed {old.name} (no longer one of the routes found)")
    print("share of cells (within a tile, of the shorter route):")
    for i, a in enumerate(cells, 1):
        print(f"  route {i}: " + "  ".join(f"{routes.share(a, b):.2f}" for b in cells))
    if len(cells) < count:
        print(f"{path}: {len(cells)} of {count} routes: the solver finds no other way different enough "
              f"(a level-design finding: open another way)")
        return 1
    return 0


def reports(paths: list[Path], readme: Path | None) -> int:
    """--report: see the module's docstring."""
    found = []
    for path in paths:
        level = report.level_report(path)
        if not level.routes:
            print(f"{path}: no stored routes (python tools/solve.py {path} --routes 3)")
        print("\n".join(report.describe(level)))
        found.append(level)
    if readme is not None:
        try:
            readme.write_text(report.with_table(readme.read_text(), found))
        except ValueError as exc:
            raise DataError(readme, str(exc)) from None
        except OSError as exc:
            raise DataError(readme, exc.strerror or str(exc)) from None
        print(f"wrote the table in {readme}")
    return 0 if all(r.proven for level in found for r in level.routes) else 1


def main(argv=None) -> int:
    parser = cli.Parser(description=__doc__.split("\n\n")[0])
    parser.add_argument("map", type=Path, nargs="+")
    parser.add_argument("--out", type=Path, help="write the proven route as a replay file")
    parser.add_argument("--seed", type=cli.seed, default=0)
    parser.add_argument("--routes", type=int, metavar="N", help="find N different routes, stored in maps/routes/")
    parser.add_argument("--fresh", action="store_true", help="with --routes: solve the primary route again too")
    parser.add_argument("--report", action="store_true", help="report on the maps' stored routes (several maps)")
    parser.add_argument("--readme", type=Path, help="with --report: write the table into this file (maps/README.md)")
    args = parser.parse_args(argv)
    if args.readme is not None and not args.report:
        parser.error("--readme: only with --report")
    if args.report:
        if args.routes is not None or args.out:
            parser.error("--report: not with --routes or --out")
        try:
            return reports(args.map, args.readme)
        except DataError as exc:
            print(exc.line(), file=sys.stderr)
            return EXIT_BAD_INPUT
    if len(args.map) > 1:
        parser.error("map: one map (several only with --report)")
    args.map = args.map[0]
    if args.routes is not None and not 1 <= args.routes <= 9:
        parser.error("--routes: from 1 to 9")
    if args.routes is not None and args.out:
        parser.error("--out: not with --routes (they are stored beside the map)")
    try:
        if args.routes is not None:
            return several(args.map, args.routes, args.seed, args.fresh)
        solution = solve(args.map, args.seed)
    except DataError as exc:
        print(exc.line(), file=sys.stderr)
        return EXIT_BAD_INPUT
    except NoRoute as exc:
        print(f"{args.map}: no unseen route: {exc}")
        return 1
    doc = route_document(args.map, args.seed, solution)
    ok = proven(solution)
    print(f"{args.map}: {'PROVEN' if ok else 'NOT PROVEN: the replay was noticed'}  {describe(args.map, doc)}")
    if not ok:
        seen = [e for e in solution.events if e["type"] in ("guard_state", "caught")][:3]
        print(f"  first trouble: {seen}")
        return 1
    if args.out:
        write(args.out, doc)
        print(f"  wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
