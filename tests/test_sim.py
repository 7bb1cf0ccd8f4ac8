"""The headless runner: same map, seed and input print the same bytes."""

import json

from conftest import ROOT, run_module


def test_sim_prints_one_json_object_with_the_documented_fields(room_map):
    result = run_module("game.sim", str(room_map), "--seconds", "2", "--seed", "3", "--player", "idle", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"map", "seed", "ticks", "outcome", "events"}
    assert data["seed"] == 3 and data["ticks"] == 120 and data["outcome"] == "timeout"
    assert all({"tick", "type"} <= set(e) for e in data["events"])


def test_two_runs_with_the_same_seed_print_the_same_bytes():
    garage = str(ROOT / "maps" / "garage.tmx")
    args = ("game.sim", garage, "--seconds", "20", "--seed", "7", "--player", "wander", "--json")
    first, second = run_module(*args), run_module(*args)
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout


def test_replay_of_a_recorded_run_reproduces_the_position(room_map, tmp_path):
    from game.replay import Recorder, load_replay
    from game.sim import run, wander_player
    from game.world.level import load_level
    from game.world.world import World

    level = load_level(room_map)
    world, player, recorder = World(level, 5), wander_player(5), Recorder(str(room_map), 5)
    for _ in range(300):
        intent = player(world)
        recorder.add(intent)
        world.step(intent)
    recorder.save(tmp_path / "run.json")
    again = World(level, 5)
    run(again, load_replay(tmp_path / "run.json")["player"], 300)
    assert (again.player.x, again.player.y) == (world.player.x, world.player.y)


def test_a_headless_simulation_needs_no_pygame():
    """The simulation decodes its own layer data: a headless run loads neither pygame nor pytmx."""
    import subprocess
    import sys

    code = ("import sys; from game.sim import main; main(['maps/garage.tmx', '--seconds', '2', '--player', 'wander']);"
            " print(sorted(m for m in ('pygame', 'pytmx') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[]"
