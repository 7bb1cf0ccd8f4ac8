"""Checks on a map's geometry that Tiled cannot make: things inside walls, routes through
walls, places Jesse cannot reach. The game refuses such a map when it loads; the linter
(`tools/lint_maps.py`) lists every problem at once.
"""

from __future__ import annotations

from collections import deque

import numpy as np

from .tmx import MapObject, ProblemList
from .zones import cells_under

REACH_KINDS = ("Item", "Objective", "Exit", "Kim", "Marco", "LightSwitch", "NoiseMaker")


def _cell(level, x: float, y: float) -> tuple[int, int]:
    return int(x // level.tile), int(y // level.tile)


def _open(level, col: int, row: int) -> bool:
    return 0 <= col < level.cols and 0 <= row < level.rows and not level.solid[row, col]


def _segment_clear(level, a, b) -> bool:
    """The straight walk from a to b stays on open cells (sampled every quarter tile)."""
    (ax, ay), (bx, by) = a, b
    steps = max(1, int(max(abs(bx - ax), abs(by - ay)) / (level.tile / 4)))
    return all(_open(level, *_cell(level, ax + (bx - ax) * i / steps, ay + (by - ay) * i / steps))
               for i in range(steps + 1))


def reachable_cells(level, start: tuple[float, float]) -> np.ndarray:
    """Cells Jesse can walk to from `start` (doors count as passable: he can open them)."""
    seen = np.zeros((level.rows, level.cols), dtype=bool)
    col, row = _cell(level, *start)
    if not _open(level, col, row):
        return seen
    queue = deque([(col, row)])
    seen[row, col] = True
    while queue:
        c, r = queue.popleft()
        for dc, dr in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nc, nr = c + dc, r + dr
            if _open(level, nc, nr) and not seen[nr, nc]:
                seen[nr, nc] = True
                queue.append((nc, nr))
    return seen


def _cells_of(level, obj: MapObject) -> list[tuple[int, int]]:
    return cells_under(obj, level.tile, level.cols, level.rows)


def check_geometry(level, problems: ProblemList) -> None:
    path = level.path
    spawn_col, spawn_row = _cell(level, *level.spawn)
    spawn = next(o for o in level.objects if o.kind == "PlayerSpawn")
    if not _open(level, spawn_col, spawn_row):
        problems.add(path, "the spawn is inside a wall or off the map", spawn.label)
        return
    for guard in level.guards:
        label = next(o.label for o in level.objects if o.id == guard.id)
        if not _open(level, *_cell(level, guard.x, guard.y)):
            problems.add(path, "the guard stands inside a wall or off the map", label)
    for route in level.routes.values():
        obj = next(o for o in level.objects if o.id == route.id)
        bad = [i for i, p in enumerate(route.points) if not _open(level, *_cell(level, *p))]
        if bad:
            problems.add(path, f"route point {bad[0]} is inside a wall or off the map", obj.label)
            continue
        legs = list(zip(route.points, route.points[1:]))
        if route.loop:
            legs.append((route.points[-1], route.points[0]))
        for i, (a, b) in enumerate(legs):
            if not _segment_clear(level, a, b):
                problems.add(path, f"the route crosses a wall between points {i} and {(i + 1) % len(route.points)}",
                             obj.label)
                break
    reach = reachable_cells(level, level.spawn)
    for obj in level.objects:
        if obj.kind in REACH_KINDS and not any(_open(level, c, r) and reach[r, c] for c, r in _cells_of(level, obj)):
            problems.add(path, "cannot be reached from the PlayerSpawn", obj.label)
    switches = level.of_kind("LightSwitch")
    if switches and level.guards:
        crew = np.zeros_like(reach)
        for guard in level.guards:
            crew |= reachable_cells(level, (guard.x, guard.y))
        for switch in switches:
            if not any(crew[r, c] for c, r in _cells_of(level, switch) if _open(level, c, r)):
                problems.add(path, "no guard can walk to this switch: the light it puts out would stay out for "
                                   "good (put it where the crew can come and switch it back on)", switch.label)
