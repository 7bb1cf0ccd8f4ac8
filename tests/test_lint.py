"""The map linter: each broken map reports its problem on the right object; shipped maps are clean."""

import re

import pytest

from conftest import ROOT, TEST_MAPS, fast_first, run_module

LINT = TEST_MAPS / "lint"
BAD = TEST_MAPS / "bad"

# map -> (object id or place, words the problem must contain)
EXPECTED = {
    "unreachable_item.tmx": ("4", "cannot be reached"),
    "route_crosses_wall.tmx": ("1", "crosses a wall"),
    "route_point_in_wall.tmx": ("1", "inside a wall"),
    "spawn_in_wall.tmx": ("2", "spawn is inside a wall"),
    "guard_in_wall.tmx": ("2", "guard stands inside a wall"),
    "missing_property.tmx": ("2", "missing required property 'item'"),
    "ragged_data.tmx": ("layer 'walls'", "ragged layer data"),
    "leaves_what_it_never_needed.tmx": ("5", "leaves 'ledger', which is not in its 'requires'"),
    "switch_no_guard_can_reach.tmx": ("5", "no guard can walk to this switch"),
}
EXPECTED_BAD = {
    "unknown_kind.tmx": ("3", "unknown kind"),
    "route_missing.tmx": ("3", "points at object 99"),
    "wrong_property_type.tmx": ("1", "must be a float"),
    "tile_out_of_range.tmx": ("layer 'walls'", "tile id 999"),
    "short_data.tmx": ("layer 'walls'", "layer data has 77 tiles"),
    "missing_tileset.tmx": ("tileset", "not found"),
}


def lint(*paths):
    return run_module("tools.lint_maps", "-q", *map(str, paths))


@pytest.mark.parametrize("name", fast_first(sorted(EXPECTED), sorted(EXPECTED)))
def test_each_geometry_or_data_problem_is_reported_on_its_object(name):
    result = lint(LINT / name)
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    where, words = EXPECTED[name]
    assert len(lines) == 1, lines
    assert re.match(rf"^.*{re.escape(name)}:{re.escape(where)}: ", lines[0]), lines[0]
    assert words in lines[0]


@pytest.mark.parametrize("name", fast_first(sorted(EXPECTED_BAD), sorted(EXPECTED_BAD)))
def test_format_problems_are_reported_too(name):
    result = lint(BAD / name)
    assert result.returncode == 1
    where, words = EXPECTED_BAD[name]
    assert f"{name}:{where}: " in result.stdout and words in result.stdout


def test_every_shipped_map_and_scenario_map_is_clean():
    shipped = sorted((ROOT / "maps").glob("*.tmx")) + sorted(TEST_MAPS.glob("*.tmx"))
    result = lint(*shipped)
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""


def test_the_game_refuses_what_the_linter_reports():
    from game.errors import MapError
    from game.world.level import load_level

    for name in EXPECTED:
        with pytest.raises(MapError):
            load_level(LINT / name)
