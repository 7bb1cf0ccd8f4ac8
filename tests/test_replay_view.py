"""`python -m game --replay FILE`: a replay or a proven route watched in the window, with pause and
fast-forward, showing what `game.sim` computes from the same file. Keys are posted SDL events."""

import json
import subprocess
import sys

import pygame
import pytest

from conftest import ROOT
from game.app import Options
from game.replay import load_replay
from game.scenes.replay_view import ReplayScene
from game.sim import replay_world, run
from game.world.level import load_level
from player import run_frames, running, stack_shape, tap

ROUTE = ROOT / "maps" / "routes" / "garage.json"


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("REDEMPTION_HOME", str(tmp_path))
    return tmp_path


def headless(path, ticks: int):
    """Jesse's place after `ticks` recorded intents, in a World with no window."""
    data = load_replay(path)
    level = load_level(ROOT / "maps" / "garage.tmx")
    world = replay_world(level, data["seed"], str(path), data)
    for _ in range(ticks):
        world.step(data["player"](world))
    return world


def test_a_proven_route_plays_in_the_window_as_it_does_headless(home):
    with running(Options(replay=ROUTE)) as app:
        scene = app.stack.top
        assert isinstance(scene, ReplayScene) and stack_shape(app) == ("TitleScene", "ReplayScene")
        run_frames(app, 120)
        assert scene.world.tick == 120
        twin = headless(ROUTE, 120)
        assert (scene.world.player.x, scene.world.player.y) == (twin.player.x, twin.player.y)
        assert [(g.x, g.y, g.state) for g in scene.world.guards] == [(g.x, g.y, g.state) for g in twin.guards]


def test_space_pauses_f_goes_faster_and_the_route_completes(home):
    with running(Options(replay=ROUTE)) as app:
        scene = app.stack.top
        run_frames(app, 10)
        tap(pygame.K_SPACE)
        run_frames(app, 30)
        paused_at = scene.world.tick
        run_frames(app, 30)
        assert scene.paused and scene.world.tick == paused_at  # nothing moves while paused
        tap(pygame.K_w)  # a movement key reaches nobody: Jesse does what the recording says
        tap(pygame.K_SPACE)
        for _ in range(3):  # x1 -> x2 -> x4 -> x8
            tap(pygame.K_f)
        run_frames(app, 10)
        assert scene.speed == 8 and scene.world.tick == paused_at + 80
        total = scene.total_ticks
        assert run_frames(app, total // 8 + 60, until=lambda: scene.world.outcome == "complete")
        assert scene.world.stats["spotted"] == 0
        tap(pygame.K_LEFT)
        assert run_frames(app, 1) is False or scene.speed == 4
        tap(pygame.K_ESCAPE)
        run_frames(app, 1)
        assert stack_shape(app) == ("TitleScene",)


def test_a_recording_with_a_restart_from_the_menu_replays_it_where_it_was_chosen(home, tmp_path):
    from test_challenges import EVERYTHING, Player, play

    whole = play(Player(EVERYTHING))
    checkpoint = next(e["tick"] for e in whole.log if e["type"] == "checkpoint")
    scene = play(Player(EVERYTHING, restart_at=checkpoint + 30))
    path = tmp_path / "restarted.json"
    scene.recorder.save(path)
    assert json.loads(path.read_text())["restarts"]
    data = load_replay(path)
    level = load_level(scene.level.path)
    expected = run(replay_world(level, data["seed"], str(path), data), data["player"], 10 ** 6, retry=True)
    with running(Options(replay=path)) as app:
        view = app.stack.top
        run_frames(app, 4000, until=lambda: view.world.outcome == "complete")
        assert view.restarts == 1
        assert view.world.outcome == expected["outcome"] == "complete"
        assert view.world.tick == expected["ticks"]


def run_game(*args, home):
    return subprocess.run([sys.executable, "-m", "game", *args], capture_output=True, text=True, timeout=120,
                          env={**__import__("os").environ, "REDEMPTION_HOME": str(home), "SDL_VIDEODRIVER": "dummy",
                               "SDL_AUDIODRIVER": "dummy"})


def test_bad_replays_are_one_line_and_exit_2(tmp_path):
    lost = tmp_path / "lost.json"
    lost.write_text(json.dumps({"version": 1, "map": "nowhere.tmx", "seed": 0, "runs": [[5, 0, 0, 0]]}))
    junk = tmp_path / "junk.json"
    junk.write_bytes(b"\x00\xffnot json")
    for args, words in (((("--replay", str(lost)), "nowhere.tmx")), (("--replay", str(junk)), "junk.json"),
                        (("--replay", str(tmp_path / "missing.json")), "missing.json"),
                        (("--replay", str(ROUTE), "--chapter", "1"), "--replay")):
        done = run_game(*args, home=tmp_path)
        lines = [line for line in done.stderr.splitlines() if line.strip() and not line.startswith("pygame")]
        assert done.returncode == 2 and "Traceback" not in done.stderr, (args, done.stderr)
        assert len(lines) == 1 and words in lines[0], (args, done.stderr)


def test_the_replay_command_runs_and_takes_a_picture(tmp_path):
    shot = tmp_path / "replay.png"
    done = run_game("--replay", str(ROUTE), "--frames", "30", "--screenshot", str(shot), home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert pygame.image.load(str(shot)).get_size() == (1280, 720)
