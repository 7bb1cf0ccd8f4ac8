"""Several proven routes through a level, and how different they are.

A route's cells are the tiles Jesse's centre passes through when its input is replayed in the
real simulation. Two routes share the part of the shorter route's cells that lie within one
tile (`NEAR`, the 8-neighbourhood) of a cell of the other: `share(a, b)`. They are different
when they share less than `DISTINCT` (half). Within a tile, because in an open hall a way one
tile to the side shares no cell at all and is still the same way (the same route solved twice
shares 0.37-0.67 of its cells exactly, 0.69-0.94 within a tile); on the shorter route, because a
long detour must not make a short route look different by adding cells of its own.

An alternative is found by the same solver told to avoid the cells of the routes known so far:
each step into one costs `penalty` units more, so the search takes another way where one
exists within reason. It is proven like any route, and kept only if it is different from every
route known.

Files (`maps/routes/`): `<map>.json` is the level's primary route (the par time, the whole-game
journey and the golden digests play it); `<map>.2.json`, `<map>.3.json`, ... its alternatives.
All are replay files (`game/replay.py`) with the map's digest and a summary.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..world.level import Level
from ..world.tuning import DEFAULT, Tuning
from .proof import execute, prove, proven
from .solver import NoRoute, Search, Solution
from .targets import EXIT

DISTINCT = 0.5  # routes sharing less than this of their cells are different
NEAR = 1  # tiles: a cell is shared when the other route passes this close (a way one tile over is the same way)
# How an alternative is looked for, in turn: (keep to a corridor round the way that avoids the
# known routes first?, units added per step into a cell within a tile of a known route).
TRIES = ((True, 160), (True, 48), (True, 24), (False, 160), (False, 48))
ANYWHERE_EXPANDED = 60_000  # states a search of the whole map may look at per leg


def around(cells: set, tiles: int = NEAR) -> set:
    """The cells within `tiles` of any of `cells` (8-neighbourhood: a square of side 2 * tiles + 1)."""
    span = range(-tiles, tiles + 1)
    return {(c + dc, r + dr) for c, r in cells for dc in span for dr in span}


def share(a: set, b: set) -> float:
    """The part of the shorter route's cells that lie within `NEAR` of the other route (0..1)."""
    if not a or not b:
        return 0.0
    short, other = (a, b) if len(a) <= len(b) else (b, a)
    return len(short & around(other)) / len(short)


def route_files(map_path: Path) -> list[Path]:
    """The stored routes of the map at `map_path`, primary first, then its alternatives by number."""
    folder, stem = Path(map_path).parent / "routes", Path(map_path).stem
    pattern = re.compile(re.escape(stem) + r"\.(\d+)\.json")
    numbered = sorted((int(m.group(1)), p) for p in folder.glob(f"{stem}.*.json") if (m := pattern.fullmatch(p.name)))
    primary = folder / f"{stem}.json"
    return ([primary] if primary.is_file() else []) + [p for _, p in numbered]


def route_path(map_path: Path, number: int) -> Path:
    """Where route `number` (1: the primary) of the map is stored."""
    folder, stem = Path(map_path).parent / "routes", Path(map_path).stem
    return folder / (f"{stem}.json" if number == 1 else f"{stem}.{number}.json")


def replayed(level: Level, route: dict, tuning: Tuning = DEFAULT, watch=None) -> Solution:
    """A stored route (a replay document) replayed in a fresh world: its events, cells, verdict
    (`watch(world)`: shown every tick, see `proof.prove`)."""
    solution = Solution([], list(route.get("summary", {}).get("targets", [EXIT])), 0, 0.0, runs=route["runs"])
    return prove(level, route["seed"], solution, tuning, watch=watch)


def load(path: Path) -> dict:
    return json.loads(Path(path).read_text())


def alternatives(level: Level, seed: int, known: list[set], count: int, tuning: Tuning = DEFAULT,
                 tries=TRIES, report=None) -> list[Solution]:
    """Up to `count` more proven routes, each different (`DISTINCT`) from every route in `known`
    (their cells) and from each other. Fewer when the level has no other way the solver finds:
    a level-design finding. Each route tries the ways of `tries` in turn ((corridor first?,
    penalty) for `Search`); `report(text)` hears how each try went."""
    known = [set(k) for k in known]
    found: list[Solution] = []
    while len(found) < count:
        avoid = around(set().union(*known)) if known else set()
        best = None
        for corridor, penalty in tries:
            how = f"route {len(known) + 1}: {'corridor' if corridor else 'anywhere'}, penalty {penalty}"
            try:
                search = Search(level, seed, tuning, avoid=avoid, penalty=penalty, corridor=corridor)
                search.max_expanded = ANYWHERE_EXPANDED
                solution = execute(level, seed, search.solve(), tuning)
            except NoRoute as exc:
                report and report(f"{how}: no route ({exc})")
                continue
            shares = [round(share(solution.cells, k), 2) for k in known]
            ok = proven(solution)
            report and report(f"{how}: {'proven' if ok else 'NOT proven'}, shares {shares}")
            if ok and all(x < DISTINCT for x in shares):
                best = solution
                break
        if best is None:
            break
        found.append(best)
        known.append(best.cells)
    return found
