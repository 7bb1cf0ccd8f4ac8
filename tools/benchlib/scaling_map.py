"""The scaling series' map: a big seeded draft (tools/draft_map.py's format) with as many
patrolling guards as asked, each on a loop of his own, all far from Jesse."""

from __future__ import annotations

import math
import random
from pathlib import Path

from tools.draft_map import parse_draft, render_tmx

from . import ROOT, SEED

SCALING_SIZE = (200, 150)  # tiles
GARAGE_TILESET = ROOT / "maps" / "tilesets" / "garage.tsx"
FLOOR_TILE, WALL_TILE = 0, 19  # garage.tsx: concrete floor, wall


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
