"""Several routes per level, and plans from the middle of one.

Every stored route of every shipped level (maps/routes/<map>.json and <map>.N.json) replays and
completes the level unseen on the map as it is; each level has three, and any two of a
level's routes are different by the measure of `game/design/routes.py` (they share less than half
of the shorter route's cells, counting a cell as shared when the other route passes within a
tile). A plan from a mid-level snapshot reaches the next objective and is proven by replay from
that snapshot, in this process and in a spawned one (as the game will ask for it)."""

import functools
import json
import multiprocessing
import pickle
from pathlib import Path

import pytest

from conftest import ROOT, fast_first
from game.design import routes
from game.design.plan import Plan, plan_from, plan_job
from game.design.proof import execute, prove, proven
from game.design.solver import Search, Solution
from game.replay import ReplayPlayer
from game.world.level import load_level
from game.world.world import World

SHIPPED = sorted((ROOT / "maps").glob("*.tmx"))
MIN_ROUTES = 3  # every shipped level has three ways through that the solver proves


@functools.cache
def level_of(path: Path):
    return load_level(path)


@functools.cache
def replayed(route_file: Path) -> Solution:
    map_path = ROOT / "maps" / json.loads(route_file.read_text())["map"]
    return routes.replayed(level_of(map_path), routes.load(route_file))


STORED = [f for m in SHIPPED for f in routes.route_files(m)]


# ---------------------------------------------------------------- the measure
def test_a_way_one_tile_over_is_the_same_way_and_a_way_apart_is_not():
    hall = {(c, 5) for c in range(20)}
    beside = {(c, 6) for c in range(20)}
    apart = {(c, 9) for c in range(20)}
    assert routes.share(hall, beside) == 1.0
    assert routes.share(hall, apart) == 0.0
    # Counted on the shorter route: a long detour does not dilute what a short route shares.
    detour = hall | {(19, r) for r in range(6, 40)}
    assert routes.share(hall, detour) == routes.share(detour, hall) == 1.0
    # Half the way along the same hall (and the cell beside where they part): the same route.
    half = {(c, 5) for c in range(10)} | {(c, 9) for c in range(10, 20)}
    assert routes.share(hall, half) == 0.55 >= routes.DISTINCT
    less = {(c, 5) for c in range(8)} | {(c, 9) for c in range(8, 20)}
    assert routes.share(hall, less) == 0.45 < routes.DISTINCT


def test_route_files_are_the_primary_then_the_alternatives_by_number(tmp_path):
    (tmp_path / "routes").mkdir()
    for name in ("x.json", "x.10.json", "x.2.json", "xy.2.json", "x.3.json.tmp"):
        (tmp_path / "routes" / name).write_text("{}")
    assert [p.name for p in routes.route_files(tmp_path / "x.tmx")] == ["x.json", "x.2.json", "x.10.json"]
    assert routes.route_path(tmp_path / "x.tmx", 1).name == "x.json"
    assert routes.route_path(tmp_path / "x.tmx", 3).name == "x.3.json"


# ---------------------------------------------------------------- the shipped levels' routes
@pytest.mark.parametrize("route_file", fast_first(STORED, [f.name for f in STORED]))
def test_every_stored_route_replays_and_completes_unseen(route_file):
    from tools.solve import map_digest

    doc = routes.load(route_file)
    map_path = ROOT / "maps" / doc["map"]
    assert doc.get("map_sha256") == map_digest(map_path), (
        f"{route_file.relative_to(ROOT)} was found on an older {map_path.name}: "
        f"run python tools/solve.py {map_path.relative_to(ROOT)} --routes 3")
    solution = replayed(route_file)
    assert proven(solution), [e for e in solution.events if e["type"] in ("guard_state", "caught")][:3]


@pytest.mark.parametrize("map_path", fast_first(SHIPPED, [p.name for p in SHIPPED]))
def test_every_shipped_level_has_routes_that_are_really_different(map_path):
    files = routes.route_files(map_path)
    assert len(files) >= MIN_ROUTES, f"{map_path.name}: {len(files)} route(s); a level-design finding"
    cells = {f.name: replayed(f).cells for f in files}
    for a in cells:
        for b in cells:
            if a < b:
                assert routes.share(cells[a], cells[b]) < routes.DISTINCT, (a, b, routes.share(cells[a], cells[b]))


TWO_WAYS = """tileset = {tileset}
legend . = floor:0
legend # = floor:0 walls:19
map
########################
#......................#
#......................#
#......................#
#..##################..#
#S.##################..#
#..##################..#
#......................#
#......................#
#.....................G#
########################

object S PlayerSpawn
object G Guard facing=0 view_range=2
zone Exit 22,5 1x1
"""


def test_an_alternative_avoids_the_known_route_and_is_proven(tmp_path):
    # Round the long block above or below: told to avoid the first way, the solver takes the other.
    from tools.draft_map import parse_draft, render_tmx

    path = tmp_path / "two_ways.tmx"
    path.write_text(render_tmx(parse_draft(TWO_WAYS.format(tileset=ROOT / "maps" / "tilesets" / "garage.tsx"))))
    level = load_level(path)
    first = execute(level, 0, Search(level).solve())
    assert proven(first)
    found = routes.alternatives(level, 0, [first.cells], 1)
    assert len(found) == 1 and proven(found[0])
    assert routes.share(found[0].cells, first.cells) < routes.DISTINCT


# ---------------------------------------------------------------- from the middle of a level
def mid_level(map_name: str, after: str):
    """The world along the map's primary route just after `after` is done, as a snapshot."""
    level = level_of(ROOT / "maps" / map_name)
    route = routes.load(routes.route_path(level.path, 1))
    world, player = World(level, route["seed"]), ReplayPlayer(route["runs"])
    while after not in world.objectives.done:
        world.step(player(world))
        assert world.outcome is None, f"the route ended before {after}"
    return level, route["seed"], world.snapshot()


def test_solving_from_a_mid_level_snapshot_reaches_the_next_objective_proven_by_replay_from_it():
    level, seed, snap = mid_level("garage.tmx", "go_bag")
    solution = Search(level, seed, snapshot=snap).solve(until="next")
    assert solution.targets == ["truck_keys"] and solution.start_tick == snap["world"]["tick"]
    assert solution.steps[0].start >= solution.start_tick
    solution = execute(level, seed, solution, snapshot=snap)
    assert proven(solution)
    # The recording, replayed from the snapshot in a fresh world, takes the keys, unseen.
    again = prove(level, seed, Solution([], ["truck_keys"], 0, 0.0, runs=solution.runs, until="next"), snapshot=snap)
    assert proven(again) and again.ticks == solution.ticks
    assert [e["item"] for e in again.events if e["type"] == "item_taken"] == ["truck_keys"]
    assert not any(e["type"] == "chapter_complete" for e in again.events)
    # From the spawn the same input does not take the keys: the plan starts where the snapshot stands.
    assert not prove(level, seed, Solution([], ["truck_keys"], 0, 0.0, runs=solution.runs, until="next")).reached


def test_a_plan_from_a_snapshot_to_the_end_completes_the_level():
    level, seed, snap = mid_level("garage.tmx", "truck_keys")
    solution = execute(level, seed, Search(level, seed, snapshot=snap).solve(), snapshot=snap)
    assert solution.targets == ["exit"] and proven(solution)
    assert any(e["type"] == "chapter_complete" for e in solution.events)


def test_plan_from_a_snapshot_says_what_to_do_and_pickles():
    level, seed, snap = mid_level("garage.tmx", "go_bag")
    plan = plan_from(level.path, snap, seed)
    assert plan.proven and plan.reason == "" and plan.targets == ["truck_keys"]
    assert plan.start_tick == snap["world"]["tick"] < plan.end_tick and plan.seconds > 0
    assert plan.steps and all(a <= b for a, b, *_ in plan.steps)
    assert sum(run[0] for run in plan.runs) == plan.end_tick - plan.start_tick
    assert pickle.loads(pickle.dumps(plan)) == plan


def test_plan_from_names_a_bad_map_in_one_line(tmp_path):
    bad = tmp_path / "broken.tmx"
    bad.write_text("<map")
    plan = plan_from(bad, None)
    assert not plan.proven and "broken.tmx" in plan.reason and "\n" not in plan.reason


def test_a_plan_is_made_in_a_spawned_process_from_a_snapshot():
    level, seed, snap = mid_level("garage.tmx", "go_bag")
    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=plan_job, args=(send, str(level.path), snap, seed), daemon=True)
    child.start()
    send.close()
    try:
        assert receive.poll(120), "no plan within two minutes"
        plan = receive.recv()
    finally:
        child.join(timeout=10)
    assert isinstance(plan, Plan) and plan.proven and plan.targets == ["truck_keys"]
