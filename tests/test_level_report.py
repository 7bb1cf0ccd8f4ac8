"""The level report (`tools/solve.py --report`): its numbers come from the routes replayed, its
timing window holds in the real simulation, and maps/README.md's table is current."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from game.design import report, routes
from game.design.proof import SETTLING
from game.replay import ReplayPlayer, load_replay
from game.world.intent import Intent
from game.world.level import load_level
from game.world.tuning import TICK_RATE
from game.world.world import World

ROOT = Path(__file__).resolve().parent.parent
MAPS = ROOT / "maps"
SHIPPED = sorted(MAPS.glob("*.tmx"))
BEYOND = 3.0  # seconds past the window: a Jesse this much later is noticed (the window is not wildly cautious)


def late(runs: list[list], at_tick: int, ticks: int) -> list[list]:
    """The input of `runs` with Jesse crouched still for `ticks` from `at_tick`, then going on."""
    out, given = [], 0
    for run in runs:
        n = run[0]
        if ticks and given <= at_tick < given + n:
            if at_tick > given:
                out.append([at_tick - given] + run[1:])
            out.append([ticks] + Intent(sneak=True).to_list())
            out.append([given + n - at_tick] + run[1:])
            ticks = 0
        else:
            out.append(run)
        given += n
    return out


def noticed(level, seed: int, runs: list[list]):
    """The first event of a guard noticing the replayed input (or "incomplete"), None if it passes."""
    world, player = World(level, seed), ReplayPlayer(runs)
    while world.outcome is None and world.tick < 900 * TICK_RATE:
        for e in world.step(player(world)):
            if e["type"] == "caught" or (e["type"] == "guard_state" and e["cause"] not in SETTLING):
                return e
    return None if world.outcome == "complete" else "incomplete"


def check_window(map_path: Path, route_path: Path, number: int) -> report.RouteReport:
    level = load_level(map_path)
    found = report.route_report(level, route_path, number)
    assert found.proven, f"{route_path.name} no longer proves"
    window = found.window
    assert not window.capped and window.guard, f"{route_path.name}: a window with no guard to meet"
    doc = load_replay(route_path)
    at = round(window.late_at_s * TICK_RATE)
    on_time = noticed(level, doc["seed"], late(doc["runs"], at, round(window.seconds * TICK_RATE)))
    assert on_time is None, f"{route_path.name}: {window.seconds} s late at {window.late_at_s} s is noticed: {on_time}"
    too_late = noticed(level, doc["seed"], late(doc["runs"], at, round((window.seconds + BEYOND) * TICK_RATE)))
    assert too_late is not None, f"{route_path.name}: {window.seconds + BEYOND} s late passes unseen"
    return found


def test_garage_route_window_holds_in_the_simulation_and_is_tight():
    found = check_window(MAPS / "garage.tmx", MAPS / "routes" / "garage.json", 1)
    # The numbers are the replay's: the stored route's own summary agrees.
    summary = routes.load(MAPS / "routes" / "garage.json")["summary"]
    assert found.seconds == pytest.approx(summary["seconds"], abs=0.05)
    assert found.length_tiles == pytest.approx(summary["length_tiles"], abs=0.2)
    assert found.closest_guard_tiles == pytest.approx(summary["closest_guard_tiles"], abs=0.02)
    assert 0 < found.lit_seconds < found.seconds


def test_a_route_with_no_guard_near_has_the_widest_window_and_no_light():
    # marks.tmx: one guard far off, a route in the dark.
    found = report.route_report(load_level(ROOT / "tests/maps/marks.tmx"), ROOT / "tests/maps/routes/marks.json", 1)
    assert found.proven and found.window.capped and found.window.guard == ""
    assert report.window_text(found.window).startswith(">= 10")


def test_the_readme_table_needs_its_markers(tmp_path):
    with pytest.raises(ValueError):
        report.with_table("no markers here", [])
    text = f"before\n{report.BEGIN}\nold\n{report.END}\nafter\n"
    assert report.with_table(text, []) == f"before\n{report.BEGIN}\n{report.TABLE_HEAD}\n{report.END}\nafter\n"


def test_report_cli_bad_readme_is_one_line(tmp_path):
    bad = tmp_path / "README.md"
    bad.write_text("no markers\n")
    done = subprocess.run([sys.executable, "tools/solve.py", "--report", "tests/maps/marks.tmx", "--readme", str(bad)],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 2 and str(bad) in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr


@pytest.fixture(scope="module")
def shipped_reports():
    return [report.level_report(path) for path in SHIPPED]


@pytest.mark.slow
def test_maps_readme_table_is_current(shipped_reports):
    text = (MAPS / "README.md").read_text()
    assert report.with_table(text, shipped_reports) == text, \
        "maps/README.md's level report is stale: python tools/solve.py --report maps/*.tmx --readme maps/README.md"


@pytest.mark.slow
@pytest.mark.parametrize("map_path", SHIPPED, ids=lambda p: p.stem)
def test_every_route_window_holds_in_the_simulation(map_path):
    for number, route_path in enumerate(routes.route_files(map_path), 1):
        check_window(map_path, route_path, number)
