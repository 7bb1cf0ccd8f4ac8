"""The solver: finds and proves routes on small maps, finds none on an impossible one, and
proves every shipped level beatable unseen (from a cached route, re-solved if the map changed)."""

import json
from pathlib import Path

import pytest

from conftest import ROOT, TEST_MAPS, run_module
from game.design.proof import execute, prove, proven
from game.design.solver import NoRoute, Search, Solution
from game.world.level import load_level

SHIPPED = sorted((ROOT / "maps").glob("*.tmx"))
ROUTES = ROOT / "maps" / "routes"


def test_solver_finds_and_proves_the_known_route_on_a_small_map():
    level = load_level(TEST_MAPS / "progress.tmx")
    solution = execute(level, 0, Search(level).solve())
    assert solution.targets == ["key", "ledger", "exit"]
    assert proven(solution)
    types = [e["type"] for e in solution.events]
    assert types.index("item_taken") < types.index("door") < types.index("objective_done") < types.index("chapter_complete")


def test_solver_reports_no_route_on_an_impossible_map():
    level = load_level(TEST_MAPS / "impossible.tmx")
    with pytest.raises(NoRoute):
        Search(level, horizon_s=60).solve()


def test_a_route_that_is_seen_is_not_called_proven():
    # Jesse walks straight down the guard's corridor: the replay must catch it.
    level = load_level(TEST_MAPS / "impossible.tmx")
    walk = Solution(steps=[], targets=["exit"], expanded=0, search_seconds=0.0, runs=[[600, 1.0, 0.0, 0]])
    assert not proven(prove(level, 0, walk))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_shipped_level_is_proven_beatable_unseen(path):
    from tools.solve import map_digest, route_document

    route_file = ROUTES / f"{path.stem}.json"
    level = load_level(path)
    cached = json.loads(route_file.read_text()) if route_file.exists() else None
    if cached is None or cached.get("map_sha256") != map_digest(path):
        # The map changed since the route was found: find a new one (and say how to keep it).
        solution = execute(level, 0, Search(level).solve())
        assert proven(solution), f"{path.name}: the new route was noticed"
        pytest.fail(f"{route_file.relative_to(ROOT)} is stale; a new route exists: "
                    f"run python tools/solve.py {path.relative_to(ROOT)} --out {route_file.relative_to(ROOT)}")
    replayed = prove(level, cached["seed"], Solution([], cached["summary"]["targets"], 0, 0.0, runs=cached["runs"]))
    assert proven(replayed), [e for e in replayed.events if e["type"] in ("guard_state", "caught")][:3]


def test_solve_cli_writes_a_route_that_game_sim_replays(tmp_path):
    out = tmp_path / "route.json"
    result = run_module("tools.solve", str(TEST_MAPS / "progress.tmx"), "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "PROVEN" in result.stdout and "closest guard" in result.stdout
    sim = run_module("game.sim", str(TEST_MAPS / "progress.tmx"), "--player", f"replay:{out}", "--seconds", "60", "--json")
    assert json.loads(sim.stdout)["outcome"] == "complete"
    none = run_module("tools.solve", str(TEST_MAPS / "impossible.tmx"))
    assert none.returncode == 1 and "no unseen route" in none.stdout


def test_solver_listens_to_the_whole_confession_before_springing_the_trap():
    level = load_level(TEST_MAPS / "finale.tmx")
    solution = execute(level, 0, Search(level).solve())
    assert solution.targets == ["recorder", "plant", "confession", "trap", "exit"]
    assert proven(solution)
    assert [e["progress"] for e in solution.events if e["type"] == "recording"] == [0.25, 0.5, 0.75]
