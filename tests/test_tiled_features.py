"""What Tiled shows is what the game plays: the Tiled features designers use, each on a small map
written the way Tiled writes it, loaded as written and (where Tiled is installed, as in CI) again
after Tiled itself has re-saved it.

Each test checks the loaded geometry against Tiled's own convention: rotation clockwise about
the object's (x, y); a tile object anchored at its bottom-left; offsets of a layer and of every
group enclosing it added; hidden layers, groups and objects not in the game.
"""

import json
import math
import os
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pygame
import pytest

from conftest import ROOT
from game.errors import MapError
from game.world.level import load_level
from game.world.zones import cells_under, contains

TILESET = ROOT / "maps" / "tilesets" / "garage.tsx"
TILED = shutil.which("tiled")
COLS, ROWS = 12, 8
WALL = 17  # a wall tile of garage.tsx
FLOOR = 1


def rows_csv(grid) -> str:
    return "\n" + ",\n".join(",".join(str(v) for v in row) for row in grid) + "\n"


def walls_grid(extra=()):
    """A border of walls, plus the given (col, row) cells."""
    grid = [[WALL if r in (0, ROWS - 1) or c in (0, COLS - 1) or (c, r) in extra else 0 for c in range(COLS)]
            for r in range(ROWS)]
    return grid


SPAWN = '<object id="1" type="PlayerSpawn" x="48" y="48"><point/></object>'


def write_map(folder: Path, body: str, name: str = "m.tmx", walls=None, tileset_extra: str = "") -> Path:
    """A map as Tiled 1.8 writes it: a floor layer, then `body` (layers and groups), the walls
    layer first unless `walls` is given (then `body` holds it)."""
    tileset = f'<tileset firstgid="1" source="{TILESET}"/>'
    floor = rows_csv([[FLOOR] * COLS for _ in range(ROWS)])
    walls_layer = "" if walls is False else (
        f'<layer id="2" name="walls" width="{COLS}" height="{ROWS}"><data encoding="csv">'
        f'{rows_csv(walls or walls_grid())}</data></layer>')
    text = (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<map version="1.8" tiledversion="1.8.2" orientation="orthogonal" renderorder="right-down" '
            f'width="{COLS}" height="{ROWS}" tilewidth="32" tileheight="32" infinite="0" nextlayerid="20" '
            f'nextobjectid="50">\n {tileset}\n'
            f' <layer id="1" name="floor" width="{COLS}" height="{ROWS}"><data encoding="csv">{floor}</data></layer>\n'
            f' {walls_layer}\n {body}\n</map>\n')
    path = folder / name
    path.write_text(text)
    return path


def tiled(*args) -> None:
    """Run Debian's Tiled on the command line (no window), and it must succeed."""
    done = subprocess.run([TILED, *map(str, args)], env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def export(path: Path, fmt: str, target: Path, *options: str) -> Path:
    """The map as Tiled exports it to `target` in `fmt` ("tmx" or "json") with its options."""
    tiled(*options, "--export-map", fmt, path, target)
    return target


def resaved(path: Path, fmt: str = "tmx", *options: str) -> Path | None:
    """The map as Tiled re-saves it (None where Tiled is not installed)."""
    if TILED is None:
        return None
    return export(path, fmt, path.with_name(f"{path.stem}.resaved{''.join(o.strip('-')[:6] for o in options)}.{fmt}"),
                  *options)


def both(path: Path):
    """The level as written, and as Tiled re-saved it when Tiled is here."""
    levels = [load_level(path)]
    again = resaved(path)
    if again is not None:
        levels.append(load_level(again))
    return levels


def objects(level, kind):
    return [o for o in level.objects if o.kind == kind]


# --------------------------------------------------------------------------- rotation

def test_a_rotated_zone_is_the_turned_rectangle_for_every_check(tmp_path):
    """A hiding spot turned 30 degrees clockwise about its top-left (Tiled's convention)."""
    body = (f'<objectgroup id="3" name="zones">{SPAWN}'
            '<object id="2" type="HidingSpot" x="160" y="64" width="96" height="32" rotation="30"/>'
            '</objectgroup>')
    for level in both(write_map(tmp_path, body)):
        spot = objects(level, "HidingSpot")[0]
        a = math.radians(30)

        def at(u, v):  # a point of the upright box, turned clockwise (y down) about (160, 64)
            return 160 + u * math.cos(a) - v * math.sin(a), 64 + u * math.sin(a) + v * math.cos(a)

        assert contains(spot, *at(90, 16)) and contains(spot, *at(4, 28))
        assert not contains(spot, 250, 70)  # inside the upright box, outside the turned one
        left, top, right, bottom = spot.bounds
        corners = [at(u, v) for u in (0, 96) for v in (0, 32)]
        assert (left, top) == pytest.approx((min(c[0] for c in corners), min(c[1] for c in corners)))
        assert (right, bottom) == pytest.approx((max(c[0] for c in corners), max(c[1] for c in corners)))
        cells = cells_under(spot, 32, COLS, ROWS)
        assert (int(at(90, 16)[0] // 32), int(at(90, 16)[1] // 32)) in cells


def test_a_door_turned_a_right_angle_fills_the_cells_tiled_shows(tmp_path):
    """A door drawn across a horizontal gap and turned 90 degrees: it stands in the vertical gap."""
    walls = walls_grid(extra={(6, r) for r in range(1, ROWS - 1) if r != 3})
    body = (f'<objectgroup id="3" name="things">{SPAWN}'
            '<object id="2" type="Door" x="224" y="96" width="32" height="32" rotation="90"/>'
            '</objectgroup>')
    for level in both(write_map(tmp_path, body, walls=walls)):
        door = objects(level, "Door")[0]
        assert door.rotation == 0.0 and (door.x, door.y, door.width, door.height) == (192, 96, 32, 32)
        assert cells_under(door, 32, COLS, ROWS) == [(6, 3)]


def test_a_door_turned_by_another_angle_is_refused_saying_what_to_do(tmp_path):
    body = (f'<objectgroup id="3" name="things">{SPAWN}'
            '<object id="2" type="Door" x="192" y="96" width="32" height="32" rotation="45"/>'
            '</objectgroup>')
    with pytest.raises(MapError, match="multiple of 90"):
        load_level(write_map(tmp_path, body))


def test_a_rotated_route_turns_its_points(tmp_path):
    body = (f'<objectgroup id="3" name="routes">{SPAWN}'
            '<object id="2" type="PatrolRoute" x="96" y="96" rotation="90"><polyline points="0,0 64,0"/></object>'
            '<object id="3" type="Guard" x="96" y="96"><properties><property name="route" type="object" value="2"/>'
            '</properties><point/></object></objectgroup>')
    for level in both(write_map(tmp_path, body)):
        assert [v for point in level.guards[0].route.points for v in point] == pytest.approx([96, 96, 96, 160])


# --------------------------------------------------------------------------- offsets and groups

def test_offsets_of_object_layers_and_of_every_enclosing_group_add_up(tmp_path):
    body = ('<group id="10" name="outer" offsetx="32" offsety="0">'
            ' <group id="11" name="inner" offsetx="0" offsety="32">'
            f'  <objectgroup id="3" name="actors" offsetx="16" offsety="8">{SPAWN}'
            '   <object id="2" type="Item" x="64" y="64"><properties><property name="item" value="key"/>'
            '</properties><point/></object></objectgroup>'
            ' </group></group>')
    for level in both(write_map(tmp_path, body)):
        item = objects(level, "Item")[0]
        assert (item.x, item.y) == (64 + 16 + 32, 64 + 8 + 32)
        assert level.spawn == (48 + 48, 48 + 40)


def test_a_walls_layer_offset_by_whole_tiles_is_solid_where_tiled_draws_it(tmp_path):
    walls = walls_grid(extra={(4, 3)})
    body = (f'<group id="10" name="level" offsetx="32" offsety="-32">'
            f'<layer id="2" name="walls" width="{COLS}" height="{ROWS}"><data encoding="csv">{rows_csv(walls)}'
            f'</data></layer></group><objectgroup id="3" name="a">'
            '<object id="1" type="PlayerSpawn" x="112" y="112"><point/></object></objectgroup>')
    for level in both(write_map(tmp_path, body, walls=False)):
        assert level.solid[2, 5] and not level.solid[3, 4]  # moved one right, one up


def test_two_walls_layers_are_both_solid(tmp_path):
    second = walls_grid(extra={(5, 4)})
    second = [[v if (c, r) == (5, 4) else 0 for c, v in enumerate(row)] for r, row in enumerate(second)]
    body = (f'<layer id="5" name="walls" width="{COLS}" height="{ROWS}"><data encoding="csv">{rows_csv(second)}'
            f'</data></layer><objectgroup id="3" name="a">{SPAWN}</objectgroup>')
    for level in both(write_map(tmp_path, body)):
        assert level.solid[4, 5] and level.solid[0, 0]


# --------------------------------------------------------------------------- hidden things and notes

def test_hidden_objects_layers_and_groups_are_not_in_the_game(tmp_path):
    guard = '<object id="{}" type="Guard" x="{}" y="96"><point/></object>'
    body = (f'<objectgroup id="3" name="a">{SPAWN}' + guard.format(2, 96) +
            '<object id="3" type="Guard" x="128" y="96" visible="0"><point/></object></objectgroup>'
            '<objectgroup id="4" name="b" visible="0">' + guard.format(4, 160) + '</objectgroup>'
            '<group id="10" name="g" visible="0"><objectgroup id="5" name="c">' + guard.format(5, 192) +
            '</objectgroup></group>')
    for level in both(write_map(tmp_path, body)):
        assert [g.id for g in level.guards] == [2]


def test_a_hidden_walls_layer_is_refused_saying_so(tmp_path):
    body = (f'<layer id="2" name="walls" width="{COLS}" height="{ROWS}" visible="0"><data encoding="csv">'
            f'{rows_csv(walls_grid())}</data></layer><objectgroup id="3" name="a">{SPAWN}</objectgroup>')
    with pytest.raises(MapError, match="hidden"):
        load_level(write_map(tmp_path, body, walls=False))


def test_notes_text_and_untyped_objects_on_the_notes_layer_are_ignored(tmp_path):
    body = (f'<objectgroup id="3" name="a">{SPAWN}'
            '<object id="2" x="100" y="100"><text wrap="1">guard comes round here</text></object></objectgroup>'
            '<objectgroup id="4" name="notes"><object id="3" x="10" y="10" width="50" height="40"/>'
            '<object id="4" name="todo" x="30" y="30"><point/></object></objectgroup>')
    for level in both(write_map(tmp_path, body)):
        assert [o.kind for o in level.objects] == ["PlayerSpawn"]


def test_an_untyped_object_elsewhere_is_still_an_error_naming_it(tmp_path):
    body = f'<objectgroup id="3" name="a">{SPAWN}<object id="7" name="Gaurd" x="10" y="10"><point/></object></objectgroup>'
    with pytest.raises(MapError, match="object 7.*has no kind.*'notes'"):
        load_level(write_map(tmp_path, body))


# --------------------------------------------------------------------------- tile objects and templates

def test_a_tile_object_is_its_box_from_the_bottom_left_anchor(tmp_path):
    body = (f'<objectgroup id="3" name="a">{SPAWN}'
            '<object id="2" type="HidingSpot" gid="5" x="96" y="160" width="64" height="32"/>'
            '<object id="3" gid="6" x="200" y="200" width="32" height="32" rotation="90"/></objectgroup>')
    for level in both(write_map(tmp_path, body)):
        spot = objects(level, "HidingSpot")[0]
        assert (spot.x, spot.y, spot.width, spot.height) == (96, 128, 64, 32)
        assert [(s.gid, s.x, s.y) for s in level.sprites] == [(5, 96, 128), (6, 232, 200)]  # turned about (200, 200)
        assert [o.kind for o in level.objects] == ["PlayerSpawn", "HidingSpot"]  # the untyped tile is decoration


def test_a_template_gives_its_object_and_the_instance_overrides_it(tmp_path):
    (tmp_path / "watcher.tx").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<template>\n'
        ' <object type="Guard" name="watcher"><properties><property name="view_range" type="float" value="5"/>'
        '<property name="faction" value="dea"/></properties><point/></object>\n</template>\n')
    body = (f'<objectgroup id="3" name="a">{SPAWN}'
            '<object id="2" template="watcher.tx" x="96" y="96"/>'
            '<object id="3" template="watcher.tx" x="160" y="96"><properties>'
            '<property name="view_range" type="float" value="9"/></properties></object></objectgroup>')
    path = write_map(tmp_path, body)
    levels = both(path)
    detached = resaved(path, "tmx", "--detach-templates")
    if detached is not None:
        levels.append(load_level(detached))
    for level in levels:
        first, second = level.guards
        assert (first.x, first.y, first.name, first.props["faction"], first.props["view_range"]) == (96, 96, "watcher", "dea", 5.0)
        assert (second.x, second.props["faction"], second.props["view_range"]) == (160, "dea", 9.0)


def test_a_missing_template_is_one_line_naming_it(tmp_path):
    body = f'<objectgroup id="3" name="a">{SPAWN}<object id="2" template="gone.tx" x="96" y="96"/></objectgroup>'
    with pytest.raises(MapError, match="template file 'gone.tx' not found"):
        load_level(write_map(tmp_path, body))


# --------------------------------------------------------------------------- drawing

@pytest.fixture
def screen():
    pygame.init()
    yield pygame.display.set_mode((64, 64))


def test_layer_offset_tint_opacity_and_tile_objects_are_drawn_as_tiled_draws_them(tmp_path, screen):
    from game.render.level_view import draw_tiles

    stripe = [[FLOOR if r == 3 else 0 for c in range(COLS)] for r in range(ROWS)]
    body = (f'<group id="10" name="g" offsetx="0" offsety="64" tintcolor="#ff0000">'
            f'<layer id="6" name="decor" width="{COLS}" height="{ROWS}"><data encoding="csv">{rows_csv(stripe)}'
            f'</data></layer></group><objectgroup id="3" name="a">{SPAWN}'
            '<object id="2" gid="17" x="128" y="64" width="32" height="32"/></objectgroup>')
    level = load_level(write_map(tmp_path, body))
    picture = draw_tiles(level)
    plain = draw_tiles(load_level(write_map(tmp_path, f'<objectgroup id="3" name="a">{SPAWN}</objectgroup>', "p.tmx")))
    moved = picture.get_at((100, 5 * 32 + 16))  # row 3 drawn two rows down, red only
    assert moved[1] == 0 and moved[2] == 0 and moved[0] > 0
    assert picture.get_at((100, 3 * 32 + 16)) == plain.get_at((100, 3 * 32 + 16))  # not where it was
    assert picture.get_at((140, 40)) != plain.get_at((140, 40))  # the wall tile object, bottom-left at (128, 64)


RASTERIZER = shutil.which("tmxrasterizer")


def as_tiled_draws_it(path: Path, hide=()) -> np.ndarray:
    """Tiled's own picture of the map (tmxrasterizer, no smoothing), as an (h, w, 3) array."""
    out = path.with_suffix(".tiled.png")
    hidden = [a for name in hide for a in ("--hide-layer", name)]
    done = subprocess.run([RASTERIZER, "--no-smoothing", *hidden, str(path), str(out)],
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return pygame.surfarray.array3d(pygame.image.load(str(out))).transpose(1, 0, 2).astype(int)


def assert_drawn_as_tiled_draws(level, path: Path, hide=()) -> None:
    """The game's unlit picture of the map and Tiled's agree to a colour level or two, pixel for pixel."""
    from game.render.level_view import draw_tiles

    ours = pygame.surfarray.array3d(draw_tiles(level)).transpose(1, 0, 2).astype(int)
    theirs = as_tiled_draws_it(path, hide)
    h, w = ours.shape[:2]
    assert theirs.shape[0] >= h and theirs.shape[1] >= w  # Tiled grows the picture for what is drawn past the map
    diff = np.abs(ours - theirs[:h, :w]).max(axis=2)
    assert (diff > 3).mean() < 0.001, (diff.mean(), np.argwhere(diff > 3)[:5])


@pytest.mark.skipif(RASTERIZER is None, reason="tmxrasterizer (Debian's tiled) is not installed")
def test_offsets_tints_opacity_flips_image_layers_and_tile_objects_look_as_in_tiled(tmp_path, screen):
    """One map using them all, drawn by the game and by Tiled's own rasterizer: the same picture.
    (A group moved, tinted and translucent around a translucent layer of flipped tiles; an image
    layer; a flipped tile object on an object layer under the decor layer, which covers part of it.)"""
    stripe = [[((5 + c) | (0x80000000 if c % 3 == 1 else 0) | (0x20000000 if c % 3 == 2 else 0)) if r in (2, 3) else 0
               for c in range(COLS)] for r in range(ROWS)]
    over = [[30 if (c, r) == (4, 3) else 0 for c in range(COLS)] for r in range(ROWS)]
    body = (f'<imagelayer id="8" name="backdrop" offsetx="40" offsety="100" opacity="0.5">'
            f'<image source="{TILESET.parent / "garage.png"}" width="256" height="224"/></imagelayer>'
            f'<group id="10" name="g" offsetx="16" offsety="40" opacity="0.6" tintcolor="#ff8040">'
            f'<layer id="6" name="decor1" width="{COLS}" height="{ROWS}" opacity="0.8"><data encoding="csv">'
            f'{rows_csv(stripe)}</data></layer></group><objectgroup id="3" name="a">{SPAWN}</objectgroup>'
            f'<objectgroup id="4" name="props"><object id="2" gid="{17 | 0x80000000}" x="128" y="128" width="32" '
            f'height="32"/></objectgroup>'
            f'<layer id="7" name="decor2" width="{COLS}" height="{ROWS}"><data encoding="csv">{rows_csv(over)}</data></layer>')
    path = write_map(tmp_path, body)
    assert_drawn_as_tiled_draws(load_level(path), path, hide=["a"])


@pytest.mark.skipif(RASTERIZER is None, reason="tmxrasterizer (Debian's tiled) is not installed")
@pytest.mark.parametrize("path", sorted((ROOT / "maps").glob("*.tmx")), ids=lambda p: p.stem)
def test_a_shipped_map_looks_in_the_game_as_in_tiled(path, screen):
    """What a designer sees in Tiled is the picture the game lights: every shipped map's tiles
    (the object layers, which Tiled draws as outlines, hidden)."""
    import xml.etree.ElementTree as ET

    names = [g.get("name") for g in ET.parse(path).getroot().iter("objectgroup")]
    assert_drawn_as_tiled_draws(load_level(path), path, hide=names)


# --------------------------------------------------------------------------- formats Tiled writes

SHIPPED = sorted((ROOT / "maps").glob("*.tmx"))


def same_level(a, b) -> None:
    """The same level (coordinates to a millionth of a pixel: Tiled's JSON writes 12.8 as
    12.799999999999997)."""
    def r(v):
        return round(v, 6)

    def placed(level):
        return [(o.id, o.kind, o.shape, r(o.x), r(o.y), r(o.width), r(o.height),
                 tuple((r(x), r(y)) for x, y in o.points), o.props) for o in level.objects]

    assert (a.cols, a.rows) == (b.cols, b.rows) and (a.solid == b.solid).all() and a.spawn == b.spawn
    assert placed(a) == placed(b)
    assert [(layer.name, layer.gids.tolist()) for layer in a.layers] == [(layer.name, layer.gids.tolist()) for layer in b.layers]


@pytest.mark.skipif(TILED is None, reason="Tiled is not installed (apt-get install tiled)")
@pytest.mark.parametrize("options", [(), ("--minimize",), ("--embed-tilesets",), ("--embed-tilesets", "--minimize")],
                         ids=["json", "json-minimized", "json-embedded", "json-embedded-minimized"])
def test_a_shipped_map_exported_by_tiled_as_json_loads_the_same(options, tmp_path):
    path = ROOT / "maps" / "garage.tmx"
    same_level(load_level(path), load_level(export(path, "json", tmp_path / "garage.tmj", *options)))


@pytest.mark.skipif(TILED is None, reason="Tiled is not installed (apt-get install tiled)")
@pytest.mark.parametrize("options", [("--embed-tilesets",), ("--minimize",)], ids=["tmx-embedded", "tmx-minimized"])
def test_a_shipped_map_resaved_by_tiled_with_its_options_loads_the_same(options, tmp_path):
    path = ROOT / "maps" / "carwash.tmx"
    same_level(load_level(path), load_level(export(path, "tmx", tmp_path / "carwash.tmx", *options)))


@pytest.mark.skipif(TILED is None, reason="Tiled is not installed (apt-get install tiled)")
def test_a_json_tileset_is_read_like_its_tsx(tmp_path):
    tsj = tmp_path / "garage.tsj"
    tiled("--export-tileset", "json", TILESET, tsj)
    shutil.copy(TILESET.parent / "garage.png", tmp_path / "garage.png")
    text = (ROOT / "maps" / "garage.tmx").read_text().replace('source="tilesets/garage.tsx"', f'source="{tsj}"')
    for other in ("carwash", "highschool", "desertlab"):
        text = text.replace(f'source="tilesets/{other}.tsx"', f'source="{ROOT / "maps" / "tilesets" / other}.tsx"')
    (tmp_path / "garage.tmx").write_text(text)
    level = load_level(tmp_path / "garage.tmx")
    original = load_level(ROOT / "maps" / "garage.tmx")
    assert [(t.firstgid, t.tilecount, t.columns, t.labels) for t in level.tilesets] == \
        [(t.firstgid, t.tilecount, t.columns, t.labels) for t in original.tilesets]


def test_json_that_is_not_a_tiled_map_is_one_line_naming_it(tmp_path):
    for text, message in [("{", "malformed JSON"), ("[1, 2]", "must be a JSON object"),
                          ('{"type": "tileset"}', "expected a Tiled map"),
                          ("[" * 100000 + "]" * 100000, "malformed JSON"),
                          ('{"orientation": "orthogonal", "layers": [{"type": "tilelayer", "chunks": []}]}', "infinite")]:
        path = tmp_path / "bad.tmj"
        path.write_text(text)
        with pytest.raises(MapError, match=message):
            load_level(path)


@pytest.mark.parametrize("compression", ["zlib", "gzip", "zstd"])
def test_base64_layers_in_every_compression_tiled_offers_load(compression, tmp_path):
    """Tiled 1.8's tile layer formats: the walls written base64 with each compression (as Tiled
    writes them), then re-saved by Tiled in the same format."""
    import base64
    import gzip
    import zlib

    import zstandard

    walls = np.array(walls_grid(extra={(5, 3)}), dtype="<u4").tobytes()
    packed = {"zlib": zlib.compress, "gzip": gzip.compress,
              "zstd": lambda b: zstandard.ZstdCompressor().compress(b)}[compression](walls)
    body = (f'<layer id="2" name="walls" width="{COLS}" height="{ROWS}"><data encoding="base64" '
            f'compression="{compression}">{base64.b64encode(packed).decode()}</data></layer>'
            f'<objectgroup id="3" name="a">{SPAWN}</objectgroup>')
    path = write_map(tmp_path, body, walls=False)
    for level in both(path):
        assert level.solid[3, 5] and level.solid[0, 0] and not level.solid[3, 4]
    again = resaved(path)
    if again is not None:
        assert f'compression="{compression}"' in again.read_text()


@pytest.mark.skipif(TILED is None, reason="Tiled is not installed (apt-get install tiled)")
@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
@pytest.mark.parametrize("fmt", ["json", "tmx"])
def test_a_shipped_level_resaved_by_tiled_plays_the_same(path, fmt, tmp_path):
    """The same seed and the same wandering player on the map and on Tiled's re-save of it (as
    JSON with its tilesets embedded, or as TMX): the same events, tick for tick."""
    from game.sim import run, wander_player
    from game.world.world import World

    options = ("--embed-tilesets",) if fmt == "json" else ()
    target = export(path, fmt, tmp_path / f"{path.stem}.{'tmj' if fmt == 'json' else 'tmx'}", *options)
    played = [run(World(load_level(p), 7), wander_player(7), 20 * 60) for p in (path, target)]
    for result in played:
        result.pop("map")  # where each file is, all else must agree
    assert played[0] == played[1] and played[0]["events"]


def test_a_tile_object_template_is_read_against_its_own_tileset(tmp_path):
    """A template's tile counts from the template's own tileset (here from gid 5): the map, which
    has that tileset from gid 1, shows the same tile."""
    (tmp_path / "car.tx").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<template>\n'
        f' <tileset firstgid="5" source="{TILESET}"/>\n'
        ' <object type="HidingSpot" gid="21" width="64" height="32"><properties>'
        '<property name="kind" value="under_car"/></properties></object>\n</template>\n')
    body = (f'<objectgroup id="3" name="a">{SPAWN}<object id="2" template="car.tx" x="96" y="160"/>'
            '</objectgroup>')
    for level in both(write_map(tmp_path, body)):
        spot = objects(level, "HidingSpot")[0]
        assert (spot.x, spot.y, spot.width, spot.height, spot.props["kind"]) == (96, 128, 64, 32, "under_car")
        assert [(s.gid, s.x, s.y) for s in level.sprites] == [(17, 96, 128)]


def faction_guard(value, stored="int") -> str:
    """An object layer with the spawn and a Guard whose faction is the enum value given."""
    return (f'<objectgroup id="3" name="a">{SPAWN}<object id="2" type="Guard" x="96" y="96"><properties>'
            f'<property name="faction" type="{stored}" propertytype="GuardFaction" value="{value}"/>'
            '</properties><point/></object></objectgroup>')


@pytest.mark.parametrize("stored, value, expect", [("string", "dea", "dea"), ("int", "1", "dea"), ("int", "0", "crew")])
def test_enum_properties_load_stored_as_words_or_as_their_place(stored, value, expect, tmp_path):
    """Tiled 1.10's enums (the project declares GuardFaction, crew then dea): stored as the word,
    or as an int, its place in the enum."""
    body = faction_guard(value, stored)
    assert load_level(write_map(tmp_path, body)).guards[0].props["faction"] == expect


def test_an_int_enum_value_past_its_enum_is_refused_naming_its_values(tmp_path):
    body = faction_guard('7')
    with pytest.raises(MapError, match="enum value 7.*2 values \\(crew, dea\\)"):
        load_level(write_map(tmp_path, body))


def project(folder: Path, values, flags=False) -> None:
    (folder / "mine.tiled-project").write_text(json.dumps({"propertyTypes": [
        {"id": 1, "name": "GuardFaction", "type": "enum", "storageType": "int", "values": values,
         "valuesAsFlags": flags}]}))


@pytest.mark.parametrize("values, flags, stored, expect", [
    (["dea", "crew"], False, "0", "dea"), (["dea", "crew"], False, "1", "crew"),
    (["crew", "dea"], True, "2", "dea"), (["crew", "dea"], True, "1", "crew")])
def test_an_int_enum_means_its_place_in_the_designers_own_project(values, flags, stored, expect, tmp_path):
    """A designer's project (the .tiled-project of the map's folder or one above) orders the enum
    its own way, or stores it as flags: the int means what Tiled showed there."""
    project(tmp_path, values, flags)
    (tmp_path / "levels").mkdir()
    body = faction_guard(stored)
    assert load_level(write_map(tmp_path / "levels", body)).guards[0].props["faction"] == expect


def test_a_flags_enum_holding_two_values_is_refused_saying_pick_one(tmp_path):
    project(tmp_path, ["crew", "dea"], True)
    body = faction_guard('3')
    with pytest.raises(MapError, match="property 'faction' is 3, which is not one value of the flags enum"):
        load_level(write_map(tmp_path, body))


def test_an_unreadable_project_is_named_when_an_int_enum_needs_it(tmp_path):
    (tmp_path / "mine.tiled-project").write_text("{ not json")
    body = faction_guard('1')
    with pytest.raises(MapError, match="in the project mine.tiled-project, which cannot be read"):
        load_level(write_map(tmp_path, body))
