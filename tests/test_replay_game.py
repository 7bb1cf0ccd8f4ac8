"""A play-through recorded in the real game replays exactly in game.sim; a crash leaves a report."""

import json

import pygame
import pytest

from conftest import ROOT, crash_the_level_at_frame_30, run_module
from game.app import EXIT_CRASH, App, Options
from game.scenes.level import LevelScene
from game.sim import wander_player
from game.world.tuning import DT
from scenario import Route


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("REDEMPTION_HOME", str(tmp_path / "home"))
    return tmp_path


def play_and_record(app, level, frames: int) -> list[dict]:
    """Run `frames` frames (the App keeps the level's recorder, as its loop does), save the
    recording; the level's events."""
    for _ in range(frames):
        app.last_recorder = level.recorder
        app.frame(DT)
    app._save_recording()
    return list(level.log)


def replayed_events(record, seconds: int) -> list[dict]:
    """The events `python -m game.sim` gives for the recorded replay on the garage."""
    sim = run_module("game.sim", str(ROOT / "maps" / "garage.tmx"), "--player", f"replay:{record}",
                     "--seconds", str(seconds), "--json")
    assert sim.returncode == 0, sim.stderr
    return json.loads(sim.stdout)["events"]


@pytest.mark.slow
def test_recorded_play_replays_with_the_same_events_including_restarts(home):
    record = home / "play.json"
    app = App(Options(chapter=1, skip_intro=True, record=record))
    app.start()
    try:
        level = app.stack.top
        assert isinstance(level, LevelScene)
        # Walk out into the shop guard's path (he catches Jesse: a restart), then wander.
        walk_out, wander = Route([(9, 12), (9, 14), (12, 14)], "walk"), wander_player(11)
        level.scripted_input = lambda w: walk_out(w) if level.restarts == 0 else wander(w)
        log = play_and_record(app, level, 60 * 40)
    finally:
        app.close()
    assert any(e["type"] == "caught" for e in log) and level.restarts >= 1
    assert any(e["type"] == "noise" and e["tick"] > log[-1]["tick"] - 600 for e in log)
    assert replayed_events(record, 120) == log


@pytest.mark.slow
def test_a_play_begun_with_continue_replays_from_its_checkpoint_at_its_difficulty(home):
    """A crash report's replay after Continue must start where the player did, not at the spawn."""
    from game.replay import load_replay

    route = load_replay(ROOT / "maps" / "routes" / "garage.json")["player"]
    app = App(Options(chapter=1, skip_intro=True))
    app.start()
    try:
        level = app.stack.top
        level.scripted_input = route
        assert any(app.frame(DT) and level.world.checkpoint is not None for _ in range(60 * 60))
    finally:
        app.close()
    record = home / "after.json"
    app = App(Options(record=record))
    app.start()
    try:
        press = [pygame.event.Event(k, key=pygame.K_RETURN, mod=0, unicode="", scancode=0)
                 for k in (pygame.KEYDOWN, pygame.KEYUP)]
        for e in press:
            pygame.event.post(e)  # Continue: back at the checkpoint
        app.frame(DT)
        level = app.stack.top
        assert isinstance(level, LevelScene) and level.recorder.start
        level.scripted_input = wander_player(5)
        log = play_and_record(app, level, 60 * 10)
        end = level.world.tick
    finally:
        app.close()
    assert log and log[0]["tick"] > 60  # it went on from the checkpoint's tick
    assert [e for e in replayed_events(record, 200) if e["tick"] < end] == log  # then it stands still


@pytest.mark.slow
def test_a_restart_chosen_from_the_pause_menu_is_in_the_replay(home):
    from game.replay import load_replay

    record = home / "menu.json"
    route = load_replay(ROOT / "maps" / "routes" / "garage.json")["player"]
    app = App(Options(chapter=1, skip_intro=True, record=record))
    app.start()
    try:
        level = app.stack.top
        level.scripted_input = route
        assert any(app.frame(DT) and level.world.checkpoint is not None for _ in range(60 * 60))
        for _ in range(120):  # on past the checkpoint, then back to it from the menu
            app.frame(DT)
        for key in (pygame.K_ESCAPE, pygame.K_DOWN, pygame.K_RETURN):  # Pause, [Restart from checkpoint]
            for kind in (pygame.KEYDOWN, pygame.KEYUP):
                pygame.event.post(pygame.event.Event(kind, key=key, mod=0, unicode="", scancode=0))
            app.frame(DT)
        assert app.stack.top is level and level.restarts == 1
        level.scripted_input = wander_player(3)
        log = play_and_record(app, level, 60 * 5)
    finally:
        app.close()
    assert json.loads(record.read_text())["restarts"]
    assert replayed_events(record, 200)[:len(log)] == log


def test_an_unexpected_error_writes_a_report_and_a_replay_and_says_where(home, monkeypatch, capsys):
    crash_the_level_at_frame_30(monkeypatch)
    code = App(Options(chapter=1, skip_intro=True, frames=100)).run()
    assert code == EXIT_CRASH
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "report" in err[0]
    crashes = home / "home" / "crashes"
    report = (crashes / "crash-1.txt").read_text()
    assert "RuntimeError: boom" in report and "garage.tmx" in report
    from game.version import version
    assert f"version: {version()}" in report.splitlines()  # which build crashed, for whoever reads it
    replay = json.loads((crashes / "crash-1.replay.json").read_text())
    assert sum(run[0] for run in replay["runs"]) == 29
