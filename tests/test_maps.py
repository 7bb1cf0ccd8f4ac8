"""Every map loads, and its wall rectangles are exactly its solid tiles."""

from pathlib import Path

import numpy as np
import pytest

from conftest import ROOT, TEST_MAPS
from game.world.level import load_level, merge_walls

SHIPPED = sorted((ROOT / "maps").glob("*.tmx"))
SCENARIOS = sorted(TEST_MAPS.glob("*.tmx"))


def test_there_are_maps_to_check():
    assert SHIPPED, "maps/ has no .tmx"
    assert SCENARIOS


@pytest.mark.parametrize("path", SHIPPED + SCENARIOS, ids=lambda p: p.name)
def test_map_loads_and_walls_cover_exactly_the_solid_tiles(path: Path):
    level = load_level(path)
    covered = np.zeros_like(level.solid, dtype=np.int32)
    t = level.tile
    for x, y, w, h in level.walls:
        assert x % t == 0 and y % t == 0 and w % t == 0 and h % t == 0
        covered[int(y) // t:int(y + h) // t, int(x) // t:int(x + w) // t] += 1
    assert covered.max() <= 1, "wall rectangles overlap"
    assert np.array_equal(covered == 1, level.solid)
    assert len(level.walls) < level.solid.sum() or level.solid.sum() <= 1, "walls were not merged"
    assert level.spawn is not None
    sc, sr = int(level.spawn[0] // t), int(level.spawn[1] // t)
    assert not level.solid[sr, sc], "the spawn is inside a wall"


@pytest.mark.parametrize("seed", range(20))
def test_merge_walls_on_random_grids(seed):
    rng = np.random.default_rng(seed)
    solid = rng.random((15, 23)) < 0.45
    covered = np.zeros(solid.shape, dtype=np.int32)
    for c, r, w, h in merge_walls(solid):
        covered[r:r + h, c:c + w] += 1
    assert np.array_equal(covered, solid.astype(np.int32))


def test_level_reads_guards_routes_and_zones(room_map):
    level = load_level(room_map)
    (guard,) = level.guards
    assert guard.route is not None and len(guard.route.points) == 4
    assert guard.route.waits == (1.0, 1.0, 1.0, 1.0) and not guard.route.loop
    # Positions are floats in pixels, at tile centres as drawn.
    assert guard.x == pytest.approx(9.5 * 32) and guard.y == pytest.approx(4.5 * 32)
    assert [z.kind for z in level.objects if z.kind == "Dark"] == ["Dark"]
    assert level.ambient == pytest.approx(0.8)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_plain_pytmx_opens_every_shipped_map(path):
    """No property clashes with Tiled's own object attributes (an Objective's objective id was
    once a property named `id`, which pytmx refuses: 'Reserved names and duplicate names are not
    allowed'), so other Tiled tools read our maps too."""
    import pytmx

    tiled = pytmx.TiledMap(str(path))
    assert tiled.width and tiled.height and list(tiled.objects)


def test_an_objective_with_the_old_id_property_is_told_its_new_name(tmp_path):
    from game.errors import MapError

    old = (ROOT / "tests" / "maps" / "progress.tmx").read_text().replace('name="objective"', 'name="id"', 1)
    (tmp_path / "old.tmx").write_text(old.replace('source="../../maps/', f'source="{ROOT}/maps/'))
    with pytest.raises(MapError, match="'id' is now called 'objective'"):
        load_level(tmp_path / "old.tmx")
