"""Fuzzing the simulation with hypothesis: random input never breaks the world's rules.

Random input sequences (run-length segments of intents: keyboard and analogue move vectors of
any magnitude, including below the dead zone and above 1; sneak / sprint flags; interact taps,
holds and mashing; throws at random points, many outside the map; and planned segments that walk
Jesse to a guard, to a point, into a hiding spot, away from the nearest guard, to a door that he
works while a guard is near, or show him to a guard and run at the first "?") are fed to
`World.step` on every shipped map (`maps/*.tmx`), on the hand-made maps of the other tests
(`tests/maps/*.tmx`) and on generated maps, drafted with `tools/draft_map.py` and loaded by the
real loader: random rooms (dividing walls with gaps and doors, pillars, hiding spots, light, dark
and noise zones, 1-5 guards on straight, bent or rectangular routes along open rows and columns,
away from doors, or standing guard), and two rooms joined by one door with Jesse starting by it.
When Jesse is caught (or wins) a fresh World (next seed) takes the rest of the input.
After EVERY tick:

- nothing raised;
- Jesse's circle (radius `world.physics.radius`) overlaps no wall rectangle of `level.walls`,
  no closed door and no edge of the map by more than 0.1 px;
- every guard stands on walkable ground (`grid.is_walkable_at`), and his body (radius
  `guard_radius`) reaches no more than 0.1 px into a wall, a closed door or the map's edge;
- every awareness is within 0..1;
- every `guard_state` event is an allowed transition (`ALLOWED`, read off `game/world/ai/brain.py`
  and `World._update_hiding`), its `from` is the state the guard was in, and after the tick each
  guard's state is the `to` of his last event (states never change without an event);
- events come in non-decreasing tick order, each stamped with the tick that produced it.

And the same seed and the same intents give identical events (determinism).

Volume (hypothesis is derandomized, so the inputs are the same on every run): 10 input sequences
on each of the 4 shipped maps (77,887 ticks; 40 sequences are shared among the shipped maps, 10
at least each), 25 on the hand-made test maps (66,986 ticks), 60 generated maps (82,474 ticks),
40 generated two-room maps with a door (100,017 ticks) and 12 determinism cases played twice
(2 x 31,765 ticks): 177 input sequences, 390,894 fuzzed ticks in all (when every invariant
holds; a failure stops its test early), about 40 s of CPU. `pytest -s` prints the counts, the
transitions seen and the outcomes. The tests at the end are the minimal cases of what the
fuzzing found.
"""

from __future__ import annotations

import math
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, Phase, given, note, settings
from hypothesis import strategies as st

from conftest import ROOT, TEST_MAPS, fast_first
from game.world.intent import Intent
from game.world.level import load_level
from game.world.physics import BORDER
from game.world.world import World

sys.path.insert(0, str(ROOT / "tools"))
from draft_map import parse_draft, render_tmx  # noqa: E402

SHIPPED = sorted((ROOT / "maps").glob("*.tmx"))
HANDMADE = sorted(TEST_MAPS.glob("*.tmx"))  # the small maps of the AI and flow tests
TILESET = ROOT / "maps" / "tilesets" / "garage.tsx"
WALL_TILE, FLOOR_TILE = 16, 0
MAX_OVERLAP = 0.1  # px

# Every state change the brain can make, and why (game/world/ai/brain.py, world.py):
ALLOWED = frozenset({
    # patrol: _notice -> suspicious; hear -> suspicious; radio / saw him hide -> investigate;
    # awareness full -> alert.
    ("patrol", "suspicious"), ("patrol", "investigate"), ("patrol", "alert"),
    # suspicious: looked long enough -> investigate (heard, or still aware) or return (lost
    # interest); another noise -> suspicious again (hear restarts the look); radio / saw him
    # hide -> investigate; awareness full -> alert.
    ("suspicious", "suspicious"), ("suspicious", "investigate"), ("suspicious", "return"),
    ("suspicious", "alert"),
    # investigate: looked about -> search (after a radio call) or return; radio / saw him hide ->
    # investigate again (new target); awareness full -> alert. (A noise only moves his target.)
    ("investigate", "investigate"), ("investigate", "search"), ("investigate", "return"),
    ("investigate", "alert"),
    # alert: lost him for lose_time -> search. Noises, radio and hiding do not reach him.
    ("alert", "search"),
    # search: sees him -> alert (found_him); time up -> return; hear -> suspicious; radio / saw
    # him hide -> investigate.
    ("search", "alert"), ("search", "return"), ("search", "suspicious"), ("search", "investigate"),
    # return: back at the breadcrumb -> patrol; _notice / hear -> suspicious; radio / saw him
    # hide -> investigate; awareness full -> alert.
    ("return", "patrol"), ("return", "suspicious"), ("return", "investigate"), ("return", "alert"),
})
STATES = {s for pair in ALLOWED for s in pair}

FUZZ_STATS: Counter = Counter()
TRANSITIONS: Counter = Counter()


# ---------------------------------------------------------------------------------- invariants
class Checker:
    """Checks the world's invariants after every tick."""

    def __init__(self, world: World):
        self.world = world
        self.states = {g.id: g.state for g in world.guards}
        assert set(self.states.values()) <= STATES
        self.last_tick = -1
        w, h = world.level.pixel_size
        border = [(-BORDER, -BORDER, w + 2 * BORDER, BORDER), (-BORDER, h, w + 2 * BORDER, BORDER),
                  (-BORDER, 0.0, BORDER, h), (w, 0.0, BORDER, h)]
        self.static = np.array(list(world.level.walls) + border, dtype=float).reshape(-1, 4)

    def rects(self) -> np.ndarray:
        closed = [(d.obj.x, d.obj.y, d.obj.width, d.obj.height) for d in self.world.doors.doors if not d.open]
        return np.vstack([self.static, np.array(closed, dtype=float).reshape(-1, 4)]) if closed else self.static

    def overlap(self) -> float:
        """How far Jesse's circle reaches into the deepest wall, door or map edge (<= 0: not at all)."""
        px, py, r = self.world.player.x, self.world.player.y, self.world.physics.radius
        x, y, w, h = self.rects().T
        dx = np.maximum(np.maximum(x - px, 0.0), px - (x + w))
        dy = np.maximum(np.maximum(y - py, 0.0), py - (y + h))
        inside = (x < px) & (px < x + w) & (y < py) & (py < y + h)
        depth_in = r + np.minimum(np.minimum(px - x, x + w - px), np.minimum(py - y, y + h - py))
        return float(np.where(inside, depth_in, r - np.hypot(dx, dy)).max())

    def step(self, intent: Intent) -> list[dict]:
        world = self.world
        tick = world.tick
        events = world.step(intent)
        assert world.tick == tick + 1
        for e in events:
            assert e["tick"] == tick, f"event {e} produced at tick {tick}"
            assert e["tick"] >= self.last_tick, f"event {e} after tick {self.last_tick}"
            self.last_tick = e["tick"]
            if e["type"] == "guard_state":
                old, new = e["from"], e["to"]
                assert old == self.states[e["guard"]], f"tick {tick}: {e} but guard was {self.states[e['guard']]}"
                assert (old, new) in ALLOWED, f"tick {tick}: transition {old} -> {new} ({e['cause']}) not allowed"
                self.states[e["guard"]] = new
                TRANSITIONS[old, new] += 1
            elif e["type"] == "caught":
                assert world.outcome == "caught"
        px, py = world.player.x, world.player.y
        assert math.isfinite(px) and math.isfinite(py)
        depth = self.overlap()
        assert depth <= MAX_OVERLAP, f"tick {tick}: Jesse at ({px:.2f}, {py:.2f}) is {depth:.3f} px inside a wall"
        grid = world.grid
        body = world.tuning.guard_radius * world.tile
        for g in world.guards:
            depth = body - wall_clearance(grid, g.x, g.y)
            assert depth <= MAX_OVERLAP, (
                f"tick {tick}: guard {g.id} ({g.state}) at ({g.x:.2f}, {g.y:.2f}) is {depth:.3f} px inside a wall; path {g.path} goal {g.path_goal}")
            assert grid.is_walkable_at(g.x, g.y), (
                f"tick {tick}: guard {g.id} ({g.state}, {g.cause}) at ({g.x:.1f}, {g.y:.1f}) on unwalkable ground")
            assert 0.0 <= g.awareness <= 1.0, f"tick {tick}: guard {g.id} awareness {g.awareness}"
            assert g.state == self.states[g.id], f"tick {tick}: guard {g.id} is {g.state} without an event"
        FUZZ_STATS["ticks"] += 1
        return events


def wall_clearance(grid, x: float, y: float) -> float:
    """Distance from (x, y) to the nearest opaque cell (wall, closed door, outside the map): the
    cells around it are enough for a body under a tile wide."""
    t = grid.tile
    c0, r0 = int(x // t), int(y // t)
    best = math.inf
    for r in range(r0 - 1, r0 + 2):
        for c in range(c0 - 1, c0 + 2):
            if grid.is_opaque_cell(c, r):
                dx = x - min(max(x, c * t), (c + 1) * t)
                dy = y - min(max(y, r * t), (r + 1) * t)
                best = min(best, math.hypot(dx, dy))
    return best


# ------------------------------------------------------------------------------------- input
KEY_DIRS = [(0.0, 0.0), (1.0, 0.0), (-1.0, 0.0), (0.0, 1.0), (0.0, -1.0),
            (1.0, 1.0), (1.0, -1.0), (-1.0, 1.0), (-1.0, -1.0)]  # keyboard: diagonals are > 1 long
MAGNITUDES = [0.0, 1e-4, 0.0011, 0.2, 0.549, 0.55, 0.551, 0.8, 1.0, 1.001, 1.5, 40.0]

keyboard = st.sampled_from(KEY_DIRS)
analogue = st.builds(lambda a, m: (math.cos(a) * m, math.sin(a) * m),
                     st.floats(0.0, 2 * math.pi), st.one_of(st.sampled_from(MAGNITUDES), st.floats(0.0, 1.2)))
throw_point = st.one_of(
    st.none(), st.none(), st.none(),
    st.tuples(st.floats(-3000.0, 5000.0), st.floats(-3000.0, 5000.0)),  # on the map and far outside it
    st.sampled_from([(0.0, 0.0), (-1.0, -1.0), (1e6, -1e6), (-1e9, 3.5)]),
    st.just("self"),  # at Jesse's own feet (too close to throw)
)
segment = st.fixed_dictionaries({
    "ticks": st.integers(1, 300),
    "move": st.one_of(keyboard, analogue, st.sampled_from(["chase", "flee", "goto", "goto", "hide", "peek", "peek", "door"])),
    "sneak": st.booleans(),
    "sprint": st.booleans(),
    "interact": st.sampled_from(["none", "none", "tap", "hold", "mash"]),
    "throw": throw_point,
    "target": st.integers(0, 4),
    "spot": st.tuples(st.floats(0.0, 1.0), st.floats(0.0, 1.0)),
})
inputs = st.lists(segment, min_size=8, max_size=80)


def _toward(world: World, point) -> tuple[float, float]:
    dx, dy = point[0] - world.player.x, point[1] - world.player.y
    d = math.hypot(dx, dy)
    return (dx / d, dy / d) if d > 1e-9 else (0.0, 0.0)


def intents(current: list, segments: list[dict]):
    """The intents of the segments, one per tick, for the world in `current[0]`.

    Planned moves (re-planned every 15 ticks on the world's own grid): "chase" walks Jesse to a
    guard, "goto" to a point of the map (`spot`: fractions of its size), "hide" into a hiding
    spot, "flee" to the point of a 3x3 lattice furthest from the nearest guard; "peek" goes
    toward a guard and flees, sprinting, as soon as a guard is suspicious or alert; "door" goes to
    the nearest door and works it while a guard is within 4 tiles."""
    for seg in segments:
        path: list | None = None
        running = False
        for i in range(seg["ticks"]):
            world = current[0]
            move = seg["move"]
            sprint = seg["sprint"]
            here = (world.player.x, world.player.y)
            if move == "peek":  # show himself to a guard, then run for it at the first "?" or "!"
                was = running
                running = running or any(g.state in ("suspicious", "alert") for g in world.guards)
                move, sprint = ("flee", True) if running else ("chase", sprint)
                if running and not was:
                    path = None  # plan the escape now
            doorman = move == "door"
            if move in ("chase", "goto", "hide", "flee", "door"):
                if i % 15 == 0 or path is None:
                    goal = None
                    spots = world.hiding_spots
                    w, h = world.level.pixel_size
                    doors = world.doors.doors
                    if move == "door" and doors:
                        goal = min(doors, key=lambda d: math.dist(d.center, here)).center
                    elif move == "flee" and world.guards:
                        g = min(world.guards, key=lambda g: math.dist((g.x, g.y), here))
                        goal = max(((fx * w, fy * h) for fx in (0.1, 0.5, 0.9) for fy in (0.1, 0.5, 0.9)),
                                   key=lambda p: math.dist(p, (g.x, g.y)) - 0.5 * math.dist(p, here))
                    elif move == "chase" and world.guards:
                        g = world.guards[seg["target"] % len(world.guards)]
                        goal = (g.x, g.y)
                    elif move == "hide" and spots:
                        goal = spots[seg["target"] % len(spots)].center
                    elif move != "chase":
                        goal = (seg["spot"][0] * w, seg["spot"][1] * h)
                    path = (world.grid.find_path(here, goal) or []) if goal else []
                while path and math.dist(path[0], here) < 4.0:
                    path.pop(0)
                move = _toward(world, path[0]) if path else (0.0, 0.0)
            mode = seg["interact"]
            interact = mode == "hold" or (mode == "tap" and i == 0) or (mode == "mash" and i % 2 == 0)
            if doorman and world.guards:  # work the door whenever a guard is near it
                g = min(world.guards, key=lambda g: math.dist((g.x, g.y), here))
                interact = interact or (math.dist((g.x, g.y), here) < 4 * world.tile and i % 2 == 0)
            throw = seg["throw"] if i == 0 else None
            if throw == "self":
                throw = here
            yield Intent(move, sneak=seg["sneak"] and not running, sprint=sprint, interact=interact, throw=throw)


def play(level, seed: int, segments: list[dict], record: list | None = None) -> tuple[list[dict], World]:
    """Feed the segments to a world, checking every tick; when the level ends (caught, or
    complete), go on in a fresh World with the next seed. The events and the last world."""
    current = [World(level, seed)]
    checker = Checker(current[0])
    events: list[dict] = []
    FUZZ_STATS["sequences"] += 1
    for intent in intents(current, segments):
        if record is not None:
            record.append(intent)
        events += checker.step(intent)
        if current[0].outcome is not None:
            FUZZ_STATS[current[0].outcome] += 1
            seed += 1
            current[0] = World(level, seed)
            checker = Checker(current[0])
            events.append({"restart": seed})
    return events, current[0]


# ---------------------------------------------------------------------------- shipped maps
_LEVELS: dict = {}


def level_of(path: Path):
    if path not in _LEVELS:
        _LEVELS[path] = load_level(path)
    return _LEVELS[path]


def test_there_are_shipped_maps():
    assert SHIPPED


# Derandomized: CI fuzzes the same inputs every run. Shrinking a failure of these long runs takes
# minutes, so it is off: set FUZZ_SHRINK=1 to get a minimal failing example.
FUZZ = dict(deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow],
            phases=[Phase.explicit, Phase.generate] + ([Phase.shrink] if os.environ.get("FUZZ_SHRINK") else []))


FIRST_CHAPTER_FIRST = sorted(SHIPPED, key=lambda p: p.name != "garage.tmx")  # the fast tier's case


@pytest.mark.parametrize("path", fast_first(FIRST_CHAPTER_FIRST, [p.name for p in FIRST_CHAPTER_FIRST]))
@settings(max_examples=max(10, 40 // max(1, len(SHIPPED))), **FUZZ)
@given(seed=st.integers(0, 2**31 - 1), segments=inputs)
def test_random_input_on_shipped_maps_keeps_every_invariant(path, seed, segments):
    note(f"map {path.name}, seed {seed}")
    play(level_of(path), seed, segments)


@pytest.mark.slow
@settings(max_examples=25, **FUZZ)
@given(path=st.sampled_from(HANDMADE), seed=st.integers(0, 2**31 - 1), segments=inputs)
def test_random_input_on_the_test_maps_keeps_every_invariant(path, seed, segments):
    note(f"map {path.name}, seed {seed}")
    play(level_of(path), seed, segments)


# -------------------------------------------------------------------------- generated maps
def _open(grid, c, r):
    return 0 <= r < len(grid) and 0 <= c < len(grid[0]) and grid[r][c] == "."


@st.composite
def generated_maps(draw):
    """A draft (text for tools/draft_map.py) of a random map that the loader accepts."""
    cols, rows = draw(st.integers(8, 30)), draw(st.integers(6, 20))
    grid = [["#" if r in (0, rows - 1) or c in (0, cols - 1) else "." for c in range(cols)] for r in range(rows)]
    doors = []
    # Dividing walls with one or two gaps make rooms and corridors; a gap may get a door.
    for _ in range(draw(st.integers(0, 3))):
        vertical = draw(st.booleans())
        length = rows if vertical else cols
        across = cols if vertical else rows
        if across < 5:
            continue
        at = draw(st.integers(2, across - 3))
        gaps = draw(st.lists(st.integers(1, length - 2), min_size=1, max_size=2, unique=True))
        for i in range(1, length - 1):
            c, r = (at, i) if vertical else (i, at)
            grid[r][c] = "." if i in gaps else "#"
        for i in gaps:
            if draw(st.integers(0, 2)) == 0:
                doors.append(((at, i) if vertical else (i, at), draw(st.booleans())))
    # Pillars: 1x1 to 2x2 blocks.
    for _ in range(draw(st.integers(0, 8))):
        c, r, size = draw(st.integers(1, cols - 2)), draw(st.integers(1, rows - 2)), draw(st.integers(1, 2))
        for rr in range(r, min(r + size, rows - 1)):
            for cc in range(c, min(c + size, cols - 1)):
                grid[rr][cc] = "#"
    doors = [(cell, starts_open) for cell, starts_open in doors if _open(grid, *cell)]  # not under a pillar
    door_cells = {cell for cell, _ in doors}
    free = [(c, r) for r in range(rows) for c in range(cols) if _open(grid, c, r) and (c, r) not in door_cells]
    if len(free) < 2:
        grid[1][1] = grid[1][2] = "."
        doors = [d for d in doors if d[0] not in ((1, 1), (2, 1))]
        door_cells = {cell for cell, _ in doors}
        free = [(c, r) for r in range(rows) for c in range(cols) if _open(grid, c, r) and (c, r) not in door_cells]

    def walkable(c, r):  # open and no door: routes never pass a door (a closed one would block them)
        return _open(grid, c, r) and (c, r) not in door_cells

    def run_of(c, r, dc, dr):
        """The open cells from (c, r) on along (dc, dr)."""
        out = []
        while walkable(c, r):
            out.append((c, r))
            c, r = c + dc, r + dr
        return out

    sc, sr = draw(st.sampled_from(free))  # the spawn
    used: set = {(sc, sr)}
    lines = [f"tileset = {TILESET.as_posix()}", f"ambient = {draw(st.sampled_from([0.1, 0.3, 0.6, 1.0]))}",
             "legend . = floor:0", f"legend # = floor:{FLOOR_TILE} walls:{WALL_TILE}", "map"]
    objects, routes = [], []
    n_guards = draw(st.integers(1, 5))
    for k in range(1, n_guards + 1):
        candidates = [cell for cell in free if cell not in used]
        if not candidates:
            break
        c, r = draw(st.sampled_from(candidates))
        used.add((c, r))
        grid[r][c] = str(k)
        props = [f"group={draw(st.sampled_from(['a', 'b']))}"] if draw(st.booleans()) else []
        props += draw(st.lists(st.sampled_from(["view_range=5", "view_angle=120", "hearing=2", "flashlight=true",
                                                  "faction=dea"]), max_size=3, unique=True))
        props.append(draw(st.sampled_from(["speed=1", "speed=1.4", "speed=0.4", "speed=0.6"])))  # Jesse can outrun slow ones
        shape = draw(st.sampled_from(["line", "line", "loop", "post"]))
        points = None
        if shape == "line":
            dc, dr = draw(st.sampled_from([(1, 0), (-1, 0), (0, 1), (0, -1)]))
            run = run_of(c, r, dc, dr)
            if len(run) >= 2:
                points = [(c, r), run[draw(st.integers(1, len(run) - 1))]]
                # Sometimes turn a corner at the far end.
                ec, er = points[-1]
                side = run_of(ec, er, *((0, 1) if dr == 0 else (1, 0)))
                if len(side) >= 2 and draw(st.booleans()):
                    points.append(side[draw(st.integers(1, len(side) - 1))])
        elif shape == "loop":
            right, down = run_of(c, r, 1, 0), run_of(c, r, 0, 1)
            if len(right) >= 2 and len(down) >= 2:
                c2 = right[draw(st.integers(1, len(right) - 1))][0]
                r2 = down[draw(st.integers(1, len(down) - 1))][1]
                if all(walkable(cc, r2) for cc in range(c, c2 + 1)) and all(walkable(c2, rr) for rr in range(r, r2 + 1)):
                    points = [(c, r), (c2, r), (c2, r2), (c, r2)]
        if points:
            loop = "true" if shape == "loop" else "false"
            wait = draw(st.sampled_from([0, 0.5, 2]))
            pts = " ".join(f"{pc},{pr}" for pc, pr in points)
            routes.append(f"route r{k} loop={loop} wait={wait} : {pts}")
            props.append(f"route=@r{k}")
        else:
            props.append(f"facing={draw(st.sampled_from([0, 90, 180, 270]))}")
        objects.append(f"object {k} Guard {' '.join(props)}")
    grid[sr][sc] = "S"
    objects.append("object S PlayerSpawn")
    zones = []
    for cell, starts_open in doors:
        zones.append(f"zone Door {cell[0]},{cell[1]} 1x1 starts_open={'true' if starts_open else 'false'}")
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(["HidingSpot", "Dark", "Light", "NoiseFloor", "NoiseMask"]))
        c, r = draw(st.integers(0, cols - 2)), draw(st.integers(0, rows - 2))
        w, h = draw(st.integers(1, 4)), draw(st.integers(1, 4))
        extra = {"HidingSpot": "kind=shadow", "Dark": "level=0.05", "Light": "level=0.9",
                 "NoiseFloor": "factor=2", "NoiseMask": "factor=0.3"}[kind]
        zones.append(f"zone {kind} {c},{r} {w}x{h} {extra}")
    lines += ["".join(row) for row in grid] + [""] + objects + routes + zones
    return "\n".join(lines) + "\n"


def load_draft(text: str):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.tmx"
        path.write_text(render_tmx(parse_draft(text)))
        return load_level(path)


@pytest.mark.slow
@settings(max_examples=60, **FUZZ)
@given(draft=generated_maps(), seed=st.integers(0, 2**31 - 1), segments=inputs)
def test_random_input_on_generated_maps_keeps_every_invariant(draft, seed, segments):
    note(draft)
    level = load_draft(draft)  # the generator only makes maps the loader accepts
    assert 1 <= len(level.guards) <= 5
    play(level, seed, segments)


@st.composite
def door_maps(draw):
    """Two rooms joined by one doorway with a door: the guard's side and Jesse's, who starts by the door."""
    cols, rows = draw(st.integers(9, 18)), draw(st.integers(5, 9))
    at = draw(st.integers(3, cols - 4))  # the dividing wall's column
    height = draw(st.integers(1, min(3, rows - 3)))
    top = draw(st.integers(1, rows - 1 - height))
    grid = [["#" if r in (0, rows - 1) or c in (0, cols - 1) or (c == at and not top <= r < top + height) else "."
             for c in range(cols)] for r in range(rows)]
    gc, gr = draw(st.integers(1, at - 1)), draw(st.integers(1, rows - 2))
    sc, sr = draw(st.integers(at + 1, min(at + 2, cols - 2))), draw(st.integers(max(1, top - 1), min(rows - 2, top + height)))
    grid[gr][gc], grid[sr][sc] = "1", "S"
    shape = draw(st.sampled_from(["post", "row", "column"]))
    if shape == "row" and at - 1 > 1:
        other = draw(st.sampled_from([c for c in range(1, at) if c != gc]))
        route = f"route beat wait={draw(st.sampled_from([0, 1]))} : {gc},{gr} {other},{gr}"
    elif shape == "column":
        other = draw(st.sampled_from([r for r in range(1, rows - 1) if r != gr]))
        route = f"route beat wait={draw(st.sampled_from([0, 1]))} : {gc},{gr} {gc},{other}"
    else:
        route = ""
    guard = f"object 1 Guard {draw(st.sampled_from(['speed=1', 'speed=0.6', 'speed=1.4']))} " + (
        "route=@beat" if route else f"facing={draw(st.sampled_from([0, 90, 180, 270]))}")
    lines = [f"tileset = {TILESET.as_posix()}", f"ambient = {draw(st.sampled_from([0.0, 0.3, 1.0]))}",
             "legend . = floor:0", f"legend # = floor:{FLOOR_TILE} walls:{WALL_TILE}", "map"]
    lines += ["".join(row) for row in grid] + ["", guard, "object S PlayerSpawn", route,
                                               f"zone Door {at},{top} 1x{height} starts_open={draw(st.sampled_from(['true', 'false']))}"]
    return "\n".join(lines) + "\n"


@pytest.mark.slow
@settings(max_examples=40, **FUZZ)
@given(draft=door_maps(), seed=st.integers(0, 2**31 - 1), segments=inputs)
def test_random_input_by_a_door_keeps_every_invariant(draft, seed, segments):
    """Doors are where guards, paths and Jesse's body meet moving walls: a map of two rooms and one door."""
    note(draft)
    play(load_draft(draft), seed, segments)


# ----------------------------------------------------------------------------- determinism
@pytest.mark.slow
@settings(max_examples=12, **FUZZ)
@given(generated=st.booleans(), draft=generated_maps(), seed=st.integers(0, 2**31 - 1), segments=inputs)
def test_same_seed_and_same_intents_give_identical_events(generated, draft, seed, segments):
    level = load_draft(draft) if generated else level_of((SHIPPED + HANDMADE)[seed % len(SHIPPED + HANDMADE)])
    record: list[Intent] = []
    first, first_world = play(level, seed, segments, record)
    # The same intents again, by hand: a fresh world for each restart, with the next seed.
    world, again = World(level, seed), []
    for intent in record:
        again += world.step(intent)
        if world.outcome is not None:
            seed += 1
            world = World(level, seed)
            again.append({"restart": seed})
    FUZZ_STATS["ticks"] += len(record)
    assert again == first
    assert (world.tick, world.player.x, world.player.y) == (first_world.tick, first_world.player.x, first_world.player.y)
    assert [(g.x, g.y, g.state, g.awareness) for g in world.guards] == [
        (g.x, g.y, g.state, g.awareness) for g in first_world.guards]


def teardown_module(module):
    print(f"\nfuzz: {dict(FUZZ_STATS)}; transitions: {dict(TRANSITIONS)}")


# ------------------------------------------------------ found by fuzzing: the minimal cases
def _door_overlap(world: World) -> float:
    """How far Jesse's circle reaches into a closed door (<= 0: not at all)."""
    px, py, r = world.player.x, world.player.y, world.physics.radius
    worst = -math.inf
    for door in world.doors.doors:
        if not door.open:
            o = door.obj
            dx = max(o.x - px, 0.0, px - (o.x + o.width))
            dy = max(o.y - py, 0.0, py - (o.y + o.height))
            worst = max(worst, r - math.hypot(dx, dy))
    return worst


def test_a_door_shut_in_front_of_a_sprinting_jesse_stops_him_outside_it():
    """Shut just before he reaches it, the door must not let him 2.3 px in: the velocity pymunk
    carries into the next step was swept against the walls while the door was still open."""
    from scenario import run, world_for

    world = world_for("ai_door.tmx")
    run(world, lambda w: Intent((-1, 0)), 0.5)  # up to the closed door
    world.step(Intent(interact=True))  # open it
    world.step(Intent())
    world.step(Intent((1, 0), sneak=True))  # one step back
    tap = False
    while world.player.x > 360:  # sprint at the doorway, tapping interact: it shuts in his face
        tap = not tap
        world.step(Intent((-1, 0), sprint=True, interact=tap))
        assert _door_overlap(world) <= MAX_OVERLAP, f"tick {world.tick}: {_door_overlap(world):.2f} px into the door"


DOOR_ROOMS = f"""tileset = {TILESET.as_posix()}
ambient = 1.0
legend . = floor:0
legend # = floor:0 walls:16
map
###########
#....#....#
#1.......S#
#....#....#
###########

object 1 Guard facing=0
object S PlayerSpawn
zone Door 5,2 1x1 starts_open=true
"""


def test_a_chasing_guard_does_not_walk_through_a_door_shut_in_his_face():
    """He sees Jesse through the open door and runs at him; Jesse shuts it: the guard's straight
    path (planned while it was open) must not take him through the closed door."""
    world = World(load_draft(DOOR_ROOMS), 0)
    guard = world.guards[0]
    shut = False
    for _ in range(600):
        if not shut and guard.state == "alert" and world.player.x < 6.9 * 32:
            intent, shut = Intent(interact=True), True
        elif guard.state != "alert" and world.player.x > 6.6 * 32:
            intent = Intent((-1, 0))
        else:
            intent = Intent()
        world.step(intent)
        assert world.grid.is_walkable_at(guard.x, guard.y), (
            f"tick {world.tick}: guard ({guard.state}) at ({guard.x:.1f}, {guard.y:.1f}), inside the shut door")
        if world.outcome:
            break
    assert shut


def test_a_door_does_not_shut_on_a_guard_standing_in_it():
    """Jesse waits in the dark beside the doorway and taps interact while the guard walks through."""
    draft = DOOR_ROOMS.replace("ambient = 1.0", "ambient = 0.0").replace(
        "object 1 Guard facing=0", "object 1 Guard route=@beat") + "route beat wait=0 : 1,2 9,2\n"
    draft = draft.replace("#1.......S#", "#1........#").replace("#....#....#\n#1", "#....#S...#\n#1")
    world = World(load_draft(draft), 0)
    guard = world.guards[0]
    assert world.grid.cell_of(world.player.x, world.player.y) == (6, 1)  # by the door, within reach of it
    for tick in range(400):
        in_doorway = world.grid.cell_of(guard.x, guard.y) == (5, 2)
        world.step(Intent(interact=in_doorway and tick % 2 == 0))
        assert world.grid.is_walkable_at(guard.x, guard.y), (
            f"tick {world.tick}: the door shut on guard ({guard.state}) at ({guard.x:.1f}, {guard.y:.1f})")
        if world.outcome:
            break


def test_a_guard_shut_out_of_his_route_opens_the_door_and_never_walks_through_the_walls():
    """Lured through a door by a throw, shut in the other room: `return` must not turn into
    `patrol` on the spot and a straight walk through the wall. He plans his way back through
    the shut (unlocked) door, opens it, and walks back to his route."""
    draft = f"""tileset = {TILESET.as_posix()}
ambient = 0.0
legend . = floor:0
legend # = floor:0 walls:16
map
##############
#......#.....#
#......S.....#
#............#
#...1........#
#......#.....#
##############

object 1 Guard route=@beat
object S PlayerSpawn
route beat wait=0 : 4,4 4,5
zone Door 7,2 1x3 starts_open=true
"""
    world = World(load_draft(draft), 0)
    guard, door = world.guards[0], world.doors.doors[0]
    stand = (6.2 * 32, 2.2 * 32)  # in the dark, within reach of the door but not in its way
    tap = opened_by_him = False
    for _ in range(1500):
        if world.tick < 60:
            intent = Intent(((stand[0] - world.player.x) / 40, (stand[1] - world.player.y) / 40), sneak=True)
        elif world.tick == 60:
            intent = Intent(throw=(9.5 * 32, 4.5 * 32))  # into the east room: he goes to look
        elif guard.x > 8.5 * 32 and door.open:
            tap = not tap
            intent = Intent(interact=tap)  # shut him in
        else:
            intent = Intent()
        for e in world.step(intent):
            opened_by_him = opened_by_him or (e["type"] == "door" and e.get("by") == guard.id)
        assert world.grid.is_walkable_at(guard.x, guard.y), (
            f"tick {world.tick}: guard ({guard.state}, {guard.cause}) at ({guard.x:.1f}, {guard.y:.1f}) in a wall")
    assert opened_by_him and door.open and guard.x < 7 * 32 and guard.state == "patrol"


@pytest.mark.parametrize("intent", ["Intent(throw=(math.nan, 10.0))", "Intent((math.nan, 0.0))",
                                    "Intent((math.inf, 0.0))", "Intent((1.0, -math.inf), sprint=True)"])
def test_non_finite_input_neither_hangs_nor_raises(intent):
    """A replay file can hold NaN and Infinity (Python's json reads them): World.step must
    survive them (ignore them, or the replay loader refuse them). Run apart: a NaN throw hangs."""
    code = (f"import math; from scenario import world_for; from game.world.intent import Intent\n"
            f"w = world_for('room.tmx')\n"
            f"for _ in range(30): w.step({intent})\n"
            f"assert math.isfinite(w.player.x) and math.isfinite(w.player.y), (w.player.x, w.player.y)\n")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "tests")]))
    try:
        result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                                timeout=20)
    except subprocess.TimeoutExpired:
        pytest.fail(f"World.step({intent}) hangs")
    assert result.returncode == 0, result.stderr[-800:]


# -- replay files: any document, any damage to a real one -------------------------------------
import json  # noqa: E402 - the replay fuzzing, appended below the map fuzzing
# (tests/test_bad_files.py has the hand-made cases.) Every file is either refused with a DataError
# whose one line names it, or loads and plays: its world is rebuilt (a checkpoint it starts from
# included) and two seconds of it are simulated with restarts, as game.sim does. Nothing else.

ROUTE = ROOT / "maps" / "routes" / "garage.json"
REPLAY_KEYS = ["version", "map", "seed", "runs", "difficulty", "start", "restarts", "map_sha256"]
_replay_level: list = []
_replay_outcomes: Counter = Counter()


def _garage():
    if not _replay_level:
        _replay_level.append(load_level(ROOT / "maps" / "garage.tmx"))
    return _replay_level[0]


def _refused_or_played(raw: bytes) -> str:
    from game.errors import DataError
    from game.replay import load_replay
    from game.sim import replay_world, run

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzzed.replay.json"
        path.write_bytes(raw)
        try:
            data = load_replay(path)
            world = replay_world(_garage(), data["seed"], str(path), data)
        except DataError as exc:
            line = exc.line()
            assert path.name in line and "\n" not in line and len(line) < 600, line[:600]
            _replay_outcomes["refused"] += 1
            return "refused"
        run(world, data["player"], 120, retry=True)
    _replay_outcomes["played"] += 1
    return "played"


_small_ints = st.integers(-3, 400)
_odd_numbers = st.sampled_from([0, -1, 2**31, 2**63, -2**63 - 1, 10**400, 1e308, -0.0, 0.5, True, False,
                                math.nan, math.inf, -math.inf])
_numbers = st.one_of(_small_ints, st.floats(-2.0, 2.0), st.floats(allow_nan=True, allow_infinity=True), _odd_numbers)
_json = st.recursive(st.none() | st.booleans() | _numbers | st.text(max_size=6),
                     lambda inner: st.lists(inner, max_size=5)
                     | st.dictionaries(st.sampled_from(REPLAY_KEYS) | st.text(max_size=4), inner, max_size=5),
                     max_leaves=16)
_run_like = st.one_of(st.lists(_numbers, min_size=3, max_size=7), st.tuples(st.integers(1, 300), st.floats(-1.5, 1.5),
                      st.floats(-1.5, 1.5), st.integers(0, 7)).map(list), _json)
_documents = st.fixed_dictionaries(
    {"version": st.just(1) | _json, "runs": st.lists(_run_like, max_size=8) | _json},
    optional={"seed": st.integers(-5, 5) | _numbers | _json, "map": st.just("garage.tmx") | _json,
              "difficulty": st.sampled_from(["easy", "normal", "hard"]) | _json,
              "restarts": st.lists(st.integers(-1, 200), max_size=3) | _json,
              "start": st.lists(st.lists(_run_like, max_size=3), max_size=3) | _json,
              "map_sha256": st.just("0" * 64) | _json})


@pytest.mark.slow
@settings(max_examples=150, **FUZZ)
@given(doc=_documents)
def test_any_replay_document_is_refused_in_one_line_or_plays(doc):
    note(repr(doc)[:2000])
    _refused_or_played(json.dumps(doc).encode())  # NaN and Infinity as Python writes them


@st.composite
def _damaged_routes(draw):
    """The real garage route (its first 60 runs), with a few values changed, keys dropped, runs
    added, or the text itself cut, spliced or overwritten."""
    doc = json.loads(ROUTE.read_text())
    doc["runs"] = doc["runs"][:60]
    doc.pop("summary", None)
    for _ in range(draw(st.integers(1, 4))):
        how = draw(st.sampled_from(["run_value", "run", "key", "drop", "restart"]))
        if how == "run_value":
            run = draw(st.integers(0, len(doc["runs"]) - 1)) if doc["runs"] else None
            if run is not None and isinstance(doc["runs"][run], list) and doc["runs"][run]:
                doc["runs"][run][draw(st.integers(0, len(doc["runs"][run]) - 1))] = draw(
                    st.floats(-1.5, 1.5) | st.integers(1, 7) | _numbers | _json)
        elif how == "run":
            doc["runs"].insert(draw(st.integers(0, len(doc["runs"]))), draw(_run_like))
        elif how == "key":
            doc[draw(st.sampled_from(REPLAY_KEYS))] = draw(_documents.map(lambda d: d["runs"]) | _json)
        elif how == "drop":
            doc.pop(draw(st.sampled_from(REPLAY_KEYS)), None)
        else:
            doc["restarts"] = draw(st.lists(st.integers(-2, 3000), max_size=3))
        if not isinstance(doc.get("runs"), list):
            break
    raw = json.dumps(doc).encode()
    cut = draw(st.sampled_from(["none", "none", "truncate", "splice", "constant"]))
    if cut == "truncate":
        raw = raw[:draw(st.integers(0, len(raw)))]
    elif cut == "splice":
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.binary(max_size=12)) + raw[at:]
    elif cut == "constant":
        raw = raw.replace(b"1.0", draw(st.sampled_from([b"NaN", b"Infinity", b"-Infinity", b"1e999", b"[", b"true"])), 1)
    return raw


@pytest.mark.slow
@settings(max_examples=150, **FUZZ)
@given(raw=_damaged_routes())
def test_any_damage_to_a_real_replay_is_refused_in_one_line_or_plays(raw):
    note(raw[:2000])
    _refused_or_played(raw)


def test_the_real_route_itself_plays():
    assert _refused_or_played(ROUTE.read_bytes()) == "played"
    print(f"\nreplay fuzzing so far: {dict(_replay_outcomes)}")
