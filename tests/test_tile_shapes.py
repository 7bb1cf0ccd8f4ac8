"""Collision shapes from Tiled's collision editor: inside a walls tile, its shapes are what is solid
(a pillar, a half wall, a rail), for sight, for Jesse's body and for the guards' paths alike; a
walls tile without shapes stays solid whole. Each map is written the way Tiled writes it, and
loaded again after Tiled has re-saved it (with its tilesets embedded, and as JSON) where Tiled is
installed.
"""

import math
import random

import numpy as np
import pytest

from game.errors import MapError
from game.world.events import EventType
from game.world.intent import Intent
from game.world.level import load_level
from game.world.sight import sees, sight_polygon
from game.world.world import World
from test_tiled_features import COLS, ROWS, SPAWN, TILED, TILESET, export, resaved, tiled, walls_grid, write_map

IMAGE = TILESET.parent / "garage.png"
PILLAR, HALF, RAIL, ELL, TURNED = 21, 22, 23, 24, 25  # gids of the shaped tiles below (local id + 1)
TILE_SHAPES = {
    PILLAR: '<object id="1" x="8" y="8" width="16" height="16"><ellipse/></object>',
    HALF: '<object id="1" x="0" y="0" width="32" height="16"/>',  # the top half of the tile
    RAIL: '<object id="1" x="0" y="16"><polyline points="0,0 32,0"/></object>',
    ELL: '<object id="1" x="0" y="0"><polygon points="0,0 32,0 32,12 12,12 12,32 0,32"/></object>',
    TURNED: '<object id="1" x="16" y="4" width="12" height="12" rotation="45"/>',
}
H_FLIP, V_FLIP, D_FLIP = 0x80000000, 0x40000000, 0x20000000


def shaped_tileset(folder, shapes=None, name="shaped"):
    """garage.tsx's image, with collision shapes on the tiles of `shapes` (gid -> objects)."""
    tiles = "".join(f' <tile id="{gid - 1}"><objectgroup draworder="index" id="2">{objs}</objectgroup></tile>\n'
                    for gid, objs in (TILE_SHAPES if shapes is None else shapes).items())
    path = folder / f"{name}.tsx"
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n<tileset version="1.8" tiledversion="1.8.2" '
                    f'name="{name}" tilewidth="32" tileheight="32" tilecount="56" columns="8">\n'
                    f' <image source="{IMAGE}" width="256" height="224"/>\n{tiles}</tileset>\n')
    return path


def shaped_map(folder, cells, objects=SPAWN, shapes=None, name="m.tmx"):
    """A walled room with the given {(col, row): gid} walls tiles, on the shaped tileset."""
    grid = walls_grid()
    for (c, r), gid in cells.items():
        grid[r][c] = gid
    path = write_map(folder, f'<objectgroup id="3" name="a">{objects}</objectgroup>', name=name, walls=grid)
    ts = shaped_tileset(folder, shapes)
    path.write_text(path.read_text().replace(str(TILESET), str(ts)))
    return path


def every_save(path):
    """The level as written, and as Tiled re-saves it: TMX, tilesets embedded, JSON."""
    levels = [load_level(path)]
    if TILED is not None:
        levels.append(load_level(resaved(path)))
        levels.append(load_level(resaved(path, "tmx", "--embed-tilesets")))
        levels.append(load_level(resaved(path, "json")))
    return levels


def world_of(level, seed=1):
    return World(level, seed)


# --------------------------------------------------------------------------- what is solid

def test_a_pillar_blocks_sight_where_tiled_draws_it_and_the_rest_of_its_cell_is_open(tmp_path):
    path = shaped_map(tmp_path, {(5, 3): PILLAR})
    for level in every_save(path):
        assert not level.solid[3, 5], "a tile with shapes is not solid whole"
        grid = world_of(level).grid
        cx, cy = 5 * 32 + 16, 3 * 32 + 16
        assert grid.is_opaque_at(cx, cy) and grid.is_opaque_at(cx + 7, cy)
        assert not grid.is_opaque_at(cx + 9.5, cy) and not grid.is_opaque_at(5 * 32 + 2, 3 * 32 + 2)
        # a ray at the pillar stops at its edge (an ellipse is a 24-gon: within half a pixel)
        assert grid.cast_ray(48, cy, 0.0, 400) == pytest.approx(cx - 8 - 48, abs=0.5)
        assert not grid.line_of_sight(48, cy, 300, cy)
        # past its side, in the same cell, the view is clear
        assert grid.line_of_sight(48, 3 * 32 + 3, 300, 3 * 32 + 3)
        assert grid.line_of_sight(48, 3 * 32 + 29, 300, 3 * 32 + 29)


def test_a_walls_tile_without_shapes_stays_solid_whole(tmp_path):
    level = load_level(shaped_map(tmp_path, {(5, 3): 17}))
    assert level.solid[3, 5] and not level.shapes
    assert world_of(level).grid.is_opaque_at(5 * 32 + 2, 3 * 32 + 2)


@pytest.mark.parametrize("flags, solid_at, open_at", [
    (0, (8, 4), (8, 28)),            # the top half
    (V_FLIP, (8, 28), (8, 4)),       # flipped vertically: the bottom half
    (D_FLIP, (4, 8), (28, 8)),       # flipped diagonally (x and y swapped): the left half
    (D_FLIP | H_FLIP, (28, 8), (4, 8)),  # ... then horizontally (turned 90 degrees): the right half
])
def test_a_flipped_tile_flips_its_shapes_as_tiled_draws_them(flags, solid_at, open_at, tmp_path):
    path = shaped_map(tmp_path, {(5, 3): HALF | flags})
    for level in every_save(path):
        grid = world_of(level).grid
        assert grid.is_opaque_at(160 + solid_at[0], 96 + solid_at[1])
        assert not grid.is_opaque_at(160 + open_at[0], 96 + open_at[1])


def test_a_rotated_shape_is_the_turned_rectangle(tmp_path):
    """A 12 px square turned 45 degrees clockwise about its (x, y) = (16, 4) of the tile."""
    path = shaped_map(tmp_path, {(5, 3): TURNED})
    for level in every_save(path):
        grid = world_of(level).grid
        ox, oy = 160 + 16, 96 + 4

        def at(u, v):  # a point of the upright square, turned clockwise (y down) about its origin
            a = math.radians(45)
            return ox + u * math.cos(a) - v * math.sin(a), oy + u * math.sin(a) + v * math.cos(a)

        assert grid.is_opaque_at(*at(6, 6)) and grid.is_opaque_at(*at(1, 11)) and grid.is_opaque_at(*at(11, 1))
        assert not grid.is_opaque_at(*at(6, -1)) and not grid.is_opaque_at(*at(13, 6))
        assert not grid.is_opaque_at(ox + 10, oy + 1)  # inside the upright square, outside the turned one


def test_a_concave_polygon_is_solid_in_both_arms_and_open_in_its_notch(tmp_path):
    path = shaped_map(tmp_path, {(5, 3): ELL})
    for level in every_save(path):
        grid = world_of(level).grid
        assert grid.is_opaque_at(160 + 28, 96 + 6) and grid.is_opaque_at(160 + 6, 96 + 28)
        assert not grid.is_opaque_at(160 + 24, 96 + 24)
        assert grid.line_of_sight(100, 96 + 24, 300, 96 + 24) is False  # the down arm blocks
        assert grid.line_of_sight(160 + 20, 96 + 16, 160 + 20, 220)  # down through the notch


def test_a_rail_blocks_sight_but_has_no_inside(tmp_path):
    path = shaped_map(tmp_path, {(5, 3): RAIL})
    for level in every_save(path):
        grid = world_of(level).grid
        assert not grid.line_of_sight(176, 100, 176, 124)
        assert grid.line_of_sight(176, 100, 176, 110) and not grid.is_opaque_at(176, 112.5)


def test_a_walls_layer_offset_by_part_of_a_tile_is_solid_where_tiled_draws_it(tmp_path):
    walls = walls_grid()
    path = write_map(tmp_path, f'<objectgroup id="3" name="a">{SPAWN}</objectgroup>'
                               f'<layer id="5" name="walls" width="{COLS}" height="{ROWS}" offsetx="16" offsety="8">'
                               f'<data encoding="csv">' + "\n" + ",\n".join(
                                   ",".join(str(17 if (c, r) == (5, 3) else 0) for c in range(COLS))
                                   for r in range(ROWS)) + "\n</data></layer>", walls=walls)
    for level in every_save(path):
        grid = world_of(level).grid
        assert not level.solid[3, 5]
        assert grid.is_opaque_at(160 + 16 + 1, 96 + 8 + 1) and grid.is_opaque_at(160 + 47, 96 + 39)
        assert not grid.is_opaque_at(160 + 8, 96 + 4) and not grid.is_opaque_at(160 + 49, 96 + 20)


# --------------------------------------------------------------------------- bodies

def drive(world, direction, ticks=120):
    for _ in range(ticks):
        world.step(Intent(direction))


def test_jesse_stops_at_a_half_wall_and_walks_in_its_open_half(tmp_path):
    """Jesse, from below, walks north into a half-wall tile: he stops with his body against its
    shape (its lower edge at y = 96 + 16), not at the cell's edge; the same tile whole stops him
    at the cell's edge."""
    spawn = '<object id="1" type="PlayerSpawn" x="176" y="200"><point/></object>'
    for gid, edge in ((HALF, 96 + 16), (17, 96 + 32)):
        folder = tmp_path / str(gid)
        folder.mkdir()
        world = world_of(load_level(shaped_map(folder, {(5, 3): gid}, spawn)))
        drive(world, (0.0, -1.0))
        r = world.physics.radius
        assert world.player.y == pytest.approx(edge + r, abs=0.6), gid


def test_jesse_cannot_push_into_a_pillar_from_any_side(tmp_path):
    world = world_of(load_level(shaped_map(tmp_path, {(5, 3): PILLAR})))
    shapes, r = world.grid.shapes, world.physics.radius
    cx, cy = 176, 112
    rng = random.Random(3)
    for k in range(16):
        a = 2 * math.pi * k / 16 + rng.uniform(-0.1, 0.1)
        start = (cx + 40 * math.cos(a), cy + 40 * math.sin(a))
        world.physics.teleport(*start)
        world.player.x, world.player.y = start
        closest = math.inf
        for _ in range(90):  # he touches it, and may slide round it (it is round), never into it
            world.step(Intent((-math.cos(a), -math.sin(a)), sprint=k % 2 == 0))
            p = world.physics.position
            assert shapes.distance(*p, r) >= r - 0.6, (k, p)
            closest = min(closest, math.hypot(p[0] - cx, p[1] - cy))
        assert closest == pytest.approx(8 + r, abs=1.0)


def test_guards_paths_keep_their_whole_body_clear_of_every_shape(tmp_path):
    """A row of pillars and rails with gaps: paths go through the gaps wide enough for a guard,
    and every straight leg keeps a guard's radius from every shape."""
    cells = {(c, 3): (PILLAR if c % 2 else RAIL) for c in range(2, 10)}
    cells.update({(3, 5): HALF, (6, 5): ELL})
    level = load_level(shaped_map(tmp_path, cells))
    grid = world_of(level).grid
    from game.world.navigation import WALKER_RADIUS
    rng = random.Random(5)
    legs = 0
    for _ in range(60):
        a = (rng.uniform(40, COLS * 32 - 40), rng.uniform(40, ROWS * 32 - 40))
        b = (rng.uniform(40, COLS * 32 - 40), rng.uniform(40, ROWS * 32 - 40))
        if grid.is_opaque_at(*a) or grid.is_opaque_at(*b):
            continue
        path = grid.find_path(a, b)
        if path is None:
            continue
        pts = [a] + path
        for p, q in zip(pts[1:-1], pts[2:]):  # the first and last legs start and end where asked
            legs += 1
            assert grid.shapes.clearance(*p, *q, WALKER_RADIUS) >= WALKER_RADIUS - 1e-6, (p, q)
    assert legs > 20
    # the gaps between the pillars (16 px wide rails' cells are open at their ends) still connect
    assert grid.find_path((48, 48), (48, 200)) is not None


# --------------------------------------------------------------------------- guards' sight

def guard_map(tmp_path, cells):
    objs = ('<object id="1" type="PlayerSpawn" x="272" y="112"><point/></object>'
            '<object id="2" type="Guard" x="48" y="112"><properties><property name="facing" type="float" '
            'value="0"/></properties><point/></object>')
    return load_level(shaped_map(tmp_path, cells, objs))


@pytest.mark.parametrize("cells, noticed", [({}, True), ({(5, 3): PILLAR}, False), ({(5, 3): RAIL}, True),
                                            ({(5, 3): HALF | D_FLIP}, False)])
def test_a_guard_sees_jesse_unless_a_shape_stands_between(cells, noticed, tmp_path):
    """A guard faces Jesse down a row; a pillar or an upright half wall between them hides him,
    a rail along the row does not."""
    world = world_of(guard_map(tmp_path, cells))
    events = []
    for _ in range(180):
        events += world.step(Intent())
    changed = [e for e in events if e["type"] == EventType.GUARD_STATE]
    assert bool(changed) == noticed, changed


def test_the_cone_drawn_around_shapes_is_what_the_guard_sees(tmp_path):
    """Points well inside the sight polygon are seen, points well outside are not, around
    pillars, rails and a concave polygon."""
    from test_sight import _edge_distance, _inside
    cells = {(4, 2): PILLAR, (7, 2): RAIL, (5, 5): ELL, (8, 4): TURNED, (3, 5): PILLAR}
    grid = world_of(load_level(shaped_map(tmp_path, cells))).grid
    rng = random.Random(7)
    wrong, checked, fans = [], 0, 0
    while fans < 40:
        x, y = rng.uniform(40, COLS * 32 - 40), rng.uniform(40, ROWS * 32 - 40)
        if grid.is_opaque_at(x, y) or grid.shapes.distance(x, y, 4) < 4:
            continue
        fans += 1
        facing = rng.uniform(-math.pi, math.pi)
        poly = sight_polygon(grid, x, y, facing, math.radians(60), 9 * 32)
        n = 200
        r = 9 * 32 * np.sqrt(np.array([rng.random() for _ in range(n)]))
        th = facing + (np.array([rng.random() for _ in range(n)]) * 2 - 1) * math.radians(60)
        px, py = x + r * np.cos(th), y + r * np.sin(th)
        drawn, margin = _inside(poly, px, py), _edge_distance(poly, px, py)
        for k in range(n):
            if margin[k] > 2.0:
                checked += 1
                if bool(drawn[k]) != sees(grid, x, y, px[k], py[k]):
                    wrong.append((x, y, facing, px[k], py[k], bool(drawn[k])))
    assert checked > 3000 and not wrong, wrong[:5]


# --------------------------------------------------------------------------- files

def test_a_json_tileset_with_shapes_is_read_like_its_tsx(tmp_path):
    if TILED is None:
        pytest.skip("Tiled is not installed (apt-get install tiled)")
    path = shaped_map(tmp_path, {(5, 3): PILLAR, (6, 3): HALF | H_FLIP, (7, 3): ELL})
    tiled("--export-tileset", "json", tmp_path / "shaped.tsx", tmp_path / "shaped.tsj")
    path.write_text(path.read_text().replace("shaped.tsx", "shaped.tsj"))
    again = load_level(path)
    first = load_level(shaped_map(tmp_path, {(5, 3): PILLAR, (6, 3): HALF | H_FLIP, (7, 3): ELL}, name="n.tmx"))
    assert np.allclose(np.array([p for piece in again.shapes for p in piece]),
                       np.array([p for piece in first.shapes for p in piece]))


def test_a_polygon_that_crosses_itself_is_refused_naming_its_tileset_and_tile(tmp_path):
    bow = {PILLAR: '<object id="1" x="0" y="0"><polygon points="0,0 30,0 30,30 15,-10 0,30"/></object>'}
    path = shaped_map(tmp_path, {(5, 3): PILLAR}, shapes=bow)
    with pytest.raises(MapError, match=r"shaped\.tsx: tile 20: a collision polygon crosses itself"):
        load_level(path)


def test_a_bad_number_in_a_tile_shape_is_one_line_naming_it(tmp_path):
    bad = {PILLAR: '<object id="7" x="nan" y="0" width="4" height="4"/>'}
    path = shaped_map(tmp_path, {(5, 3): PILLAR}, shapes=bad)
    with pytest.raises(MapError, match=r"shaped\.tsx: tileset 'shaped', tile 20: collision shape '7': x"):
        load_level(path)


def test_shapes_on_tiles_of_other_layers_change_nothing(tmp_path):
    path = shaped_map(tmp_path, {})
    path.write_text(path.read_text().replace('name="floor"', 'name="decor"').replace(
        'data encoding="csv">\n1,', f'data encoding="csv">\n{PILLAR},', 1))
    level = load_level(path)
    assert not level.shapes and world_of(level).grid.shapes is None


# --------------------------------------------------------------------------- through the front door

def test_a_player_walks_into_a_half_wall_in_the_game_and_stops_at_its_shape(tmp_path, monkeypatch):
    """The real game on a map with shaped walls (`--map`), played with keys only: W held walks
    Jesse north into a half wall and he stops against its shape; the keys under a player's thumb
    (Tab, Q, the arrows) on the way break nothing; the cone drawn is drawn around the pillar."""
    import pygame

    from game.app import Options
    from player import post_key, run_frames, running, tap

    monkeypatch.setenv("REDEMPTION_HOME", str(tmp_path / "home"))
    objs = ('<object id="1" type="PlayerSpawn" x="176" y="200"><point/></object>'
            '<object id="2" type="Guard" x="48" y="48"><properties><property name="facing" type="float" '
            'value="90"/></properties><point/></object>')
    path = shaped_map(tmp_path, {(5, 3): HALF, (1, 4): PILLAR}, objs)
    with running(Options(map_path=path)) as app:
        run_frames(app, 3)
        world = app.stack.top.world
        post_key(pygame.K_w)
        for key in (pygame.K_TAB, pygame.K_q, pygame.K_LEFT, pygame.K_RIGHT):
            run_frames(app, 15)
            tap(key)
        run_frames(app, 60)
        post_key(pygame.K_w, down=False)
        run_frames(app, 2)
        assert world.player.y == pytest.approx(96 + 16 + world.physics.radius, abs=0.6)
        assert abs(world.player.x - 176) < 12


def test_a_shape_with_too_many_corners_is_refused_not_cut(tmp_path):
    ring = " ".join(f"{16 + 15 * math.cos(k / 50):.3f},{16 + 15 * math.sin(k / 50):.3f}" for k in range(300))
    path = shaped_map(tmp_path, {(5, 3): PILLAR}, shapes={PILLAR: f'<object id="3" x="0" y="0"><polygon points="{ring}"/></object>'})
    with pytest.raises(MapError, match=r"tile 20: collision shape '3': 300 corners; at most 256"):
        load_level(path)


def test_more_shapes_than_a_map_may_have_is_one_line(tmp_path, monkeypatch):
    import game.world.level as level_module
    monkeypatch.setattr(level_module, "MAX_PIECES", 5)
    path = shaped_map(tmp_path, {(c, 3): PILLAR for c in range(2, 10)})
    with pytest.raises(MapError, match="more than 5 collision shapes in the walls"):
        load_level(path)
