"""The designer tools: the vision heatmap and the batch simulator."""

import json

import pytest

from conftest import ROOT, TEST_MAPS, fast_first, run_module

AI_WALL = TEST_MAPS / "ai_wall.tmx"  # a guard at tile (2,3) facing east, a wall at column 6 rows 2-4
AI_OPEN = TEST_MAPS / "ai_open.tmx"  # a guard walking a corridor; an idle Jesse on his beat


# ------------------------------------------------------------------ heatmap


@pytest.fixture(scope="module")
def wall_heat():
    from game.design.heatmap import compute
    from game.world.level import load_level

    return compute(load_level(AI_WALL))


def test_cells_behind_the_wall_are_never_seen_and_in_front_always(wall_heat):
    assert wall_heat.tile_seen(8, 3) == 0.0
    assert wall_heat.tile_seen(9, 3) == 0.0
    assert wall_heat.tile_seen(4, 3) == 1.0
    assert wall_heat.tile_seen(5, 3) == 1.0
    # behind the guard, out of his near sense: never
    assert wall_heat.tile_seen(1, 1) == 0.0
    tiles = wall_heat.tiles()
    assert tiles.shape == (7, 14) and tiles[3, 4] == 1.0 and tiles[3, 8] == 0.0


def test_a_standing_guard_has_a_one_tick_cycle_and_the_shares_are_fractions(wall_heat):
    assert wall_heat.cycle_ticks == 1 and wall_heat.ticks == (0,)
    assert 0.0 < wall_heat.seen_share() < 1.0
    assert wall_heat.seen.min() >= 0.0 and wall_heat.seen.max() <= 1.0
    assert not wall_heat.walkable[3 * 4, 6 * 4]  # the wall is not floor


def test_a_patrol_sees_parts_of_its_corridor_only_part_of_the_cycle():
    from game.design.heatmap import compute
    from game.design.timeline import Timeline
    from game.world.level import load_level

    level = load_level(AI_OPEN)
    heat = compute(level, step=6)
    assert heat.cycle_ticks == Timeline(level).cycle_ticks()
    assert len(heat.ticks) == -(-heat.cycle_ticks // 6)
    floor = heat.seen[heat.walkable]
    assert floor.max() <= 1.0
    assert ((floor > 0) & (floor < 1)).any()  # a walking guard sees some of it only some of the time


def test_dark_floor_is_marked_where_a_sneaking_jesse_is_invisible():
    from game.design.heatmap import compute
    from game.world.level import load_level

    heat = compute(load_level(TEST_MAPS / "ai_dark.tmx"))
    k = 32 // heat.cell
    assert heat.dark[5 * k, 10 * k]  # inside the Dark zone (x 288..352)
    assert not heat.dark[5 * k, 4 * k]
    # seen, but only in the dark: never counted as exposed there
    seen_dark = (heat.seen > 0) & heat.dark & heat.walkable
    assert seen_dark.any() and (heat.exposed[seen_dark] == 0).all()
    seen_lit = (heat.seen > 0) & ~heat.dark & heat.walkable
    assert (heat.exposed[seen_lit] == heat.seen[seen_lit]).all()


def test_heat_colours_are_clear_at_zero_and_redder_as_the_share_grows():
    from game.design.heatmap_picture import heat_rgba

    rgba = heat_rgba([0.0, 0.02, 0.2, 1.0])
    assert rgba[0, 3] == 0
    assert rgba[1, 3] < rgba[2, 3] < rgba[3, 3]
    assert rgba[1, 1] > rgba[2, 1] > rgba[3, 1]  # less green: yellow -> red


def test_heatmap_tool_writes_the_picture_and_prints_one_line(tmp_path):
    import pygame

    from game.design.heatmap_picture import LEGEND_HEIGHT

    out = tmp_path / "wall.png"
    result = run_module("tools.heatmap", str(AI_WALL), "-o", str(out), "--scale", "1.5")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 and "ai_wall.tmx" in lines[0] and "% of walkable cells seen" in lines[0]
    image = pygame.image.load(str(out))
    assert image.get_size() == (round(14 * 32 * 1.5), round(7 * 32 * 1.5) + LEGEND_HEIGHT)


def test_heatmap_tool_on_a_bad_map_prints_one_line_and_exits_2(tmp_path):
    out = tmp_path / "x.png"
    for bad in (TEST_MAPS / "bad" / "missing.tmx", TEST_MAPS / "bad" / "missing_image.tmx"):
        result = run_module("tools.heatmap", str(bad), "-o", str(out))
        assert result.returncode == 2, result.stdout + result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert not out.exists()


# ------------------------------------------------------------------ simulate


def test_simulate_gives_the_same_output_whatever_the_number_of_jobs():
    args = ("tools.simulate", str(AI_OPEN), "--seeds", "1-4", "--player", "idle", "--seconds", "30")
    one, two = run_module(*args, "--jobs", "1"), run_module(*args, "--jobs", "2")
    assert one.returncode == 0 and two.returncode == 0, one.stderr + two.stderr
    assert one.stdout == two.stdout
    rows = {line.split()[0]: line.split() for line in one.stdout.splitlines()[1:] if line.split()}
    assert rows["caught"][1] == "4" and rows["timeout"][1] == "0" and rows["total"][1] == "4"


def test_simulate_json_rows_are_in_seed_order_and_every_idle_jesse_is_caught():
    result = run_module("tools.simulate", str(AI_OPEN), "--seeds", "4,2,3,1", "--seconds", "30", "--jobs", "2",
                        "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [r["seed"] for r in rows] == [1, 2, 3, 4]
    assert all(r["outcome"] == "caught" and r["detections"] >= 1 and 0 < r["ticks"] < 30 * 60 for r in rows)
    assert set(rows[0]) == {"seed", "outcome", "ticks", "detections", "suspicious", "noises"}


@pytest.mark.parametrize("args", fast_first([
    (str(AI_OPEN), "--seeds", "1-x"),
    (str(AI_OPEN), "--seeds", "5-1"),
    (str(AI_OPEN), "--seeds", ""),
    (str(TEST_MAPS / "bad" / "missing.tmx"), "--seeds", "1"),
    (str(AI_OPEN), "--seeds", "1", "--player", "replay:" + str(ROOT / "no_such_replay.json")),
    (str(AI_OPEN), "--seeds", "1", "--player", "sleepwalk"),
], [f"args{i}" for i in range(6)]))
def test_simulate_bad_input_prints_one_line_and_exits_2(args):
    result = run_module("tools.simulate", *args)
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_seed_specs():
    from tools.simulate import parse_seeds

    assert parse_seeds("1-50") == list(range(1, 51))
    assert parse_seeds("1,2,5") == [1, 2, 5]
    assert parse_seeds("7") == [7]
    assert parse_seeds("3-4,1,4") == [1, 3, 4]
    for bad in ("", "a", "1-", "-3", "1,,2", "1-2-3", "5-1"):
        with pytest.raises(ValueError):
            parse_seeds(bad)


def test_a_corrupt_replay_file_exits_2(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"version": 1, "runs": [["x"]]}')
    result = run_module("tools.simulate", str(AI_OPEN), "--seeds", "1", "--player", f"replay:{bad}")
    assert result.returncode == 2, result.stdout + result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
