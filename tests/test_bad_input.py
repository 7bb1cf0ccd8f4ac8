"""Bad maps give exit status 2 and one line naming the file and the problem."""

import pytest

from conftest import TEST_MAPS, fast_first, run_module

BAD = TEST_MAPS / "bad"

CASES = {
    "missing.tmx": "file not found",
    "malformed.tmx": "malformed XML",
    "missing_tileset.tmx": "no_such_tileset.tsx",
    "missing_image.tmx": "no_such_image.png",
    "unknown_kind.tmx": "unknown kind 'Gaurd'",
    "route_missing.tmx": "object 99",
    "tile_out_of_range.tmx": "tile id 999",
    "short_data.tmx": "layer data has",
    "wrong_property_type.tmx": "property 'wait'",
    "entity_bomb.tmx": "entities are not allowed",
    "external_entity.tmx": "entities are not allowed",
    "no_spawn.tmx": "PlayerSpawn",
}
NAMES_OBJECT = {"unknown_kind.tmx": "object 3", "route_missing.tmx": "object 3", "wrong_property_type.tmx": "object 1"}


def _check(result, name, expected):
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert expected in lines[0]
    assert name.replace(".tmx", "") in lines[0] or "no_image.tsx" in lines[0]
    if name in NAMES_OBJECT:
        assert NAMES_OBJECT[name] in lines[0]


GAME_CASES = ["missing.tmx", "malformed.tmx", "unknown_kind.tmx", "route_missing.tmx", "missing_image.tmx"]


@pytest.mark.parametrize("name", fast_first(sorted(CASES), sorted(CASES)))
def test_sim_refuses_bad_map_with_one_line(name):
    _check(run_module("game.sim", str(BAD / name), "--seconds", "1"), name, CASES[name])


@pytest.mark.parametrize("name", fast_first(GAME_CASES, GAME_CASES))
def test_game_refuses_bad_map_with_one_line(name):
    _check(run_module("game", "--map", str(BAD / name), "--frames", "1"), name, CASES[name])
