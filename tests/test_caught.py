"""Being caught, as a player meets it: the moment is held with the guard who did it marked, then
the words, then the restart — all through the real App, with key presses only."""

import pygame

from conftest import TEST_MAPS
from game.app import App, Options
from game.render.outcome_view import CAUGHT_HOLD
from game.scenes.level import CAUGHT_TICKS, LevelScene
from game.world.tuning import DT


def key(kind, code):
    pygame.event.post(pygame.event.Event(kind, key=code, mod=0, unicode="", scancode=0))


def test_the_catch_is_held_still_with_the_guard_marked_then_the_level_restarts(tmp_path, monkeypatch):
    monkeypatch.setenv("REDEMPTION_HOME", str(tmp_path))
    app = App(Options(map_path=TEST_MAPS / "ai_open.tmx"))
    app.start()
    try:
        level = app.stack.top
        assert isinstance(level, LevelScene)
        spawn = (level.world.player.x, level.world.player.y)
        key(pygame.KEYDOWN, pygame.K_LEFT)  # straight at the guard down the corridor
        for _ in range(60 * 20):
            assert app.frame(DT)
            if level.world.outcome == "caught":
                break
        assert level.world.outcome == "caught"
        key(pygame.KEYUP, pygame.K_LEFT)
        guard = level.world.guards[0]
        assert level.caught_by == guard.id
        held = [(g.x, g.y, g.facing, g.state) for g in level.world.guards], (level.world.player.x, level.world.player.y)
        tick = level.world.tick
        for _ in range(CAUGHT_HOLD):
            assert app.frame(DT)
            # Frozen: the player sees the moment as it was, not the guard walking off.
            assert ([(g.x, g.y, g.facing, g.state) for g in level.world.guards],
                    (level.world.player.x, level.world.player.y)) == held
        assert level.world.tick == tick and app.stack.top is level
        for _ in range(CAUGHT_TICKS - CAUGHT_HOLD):
            app.frame(DT)
        assert level.world.outcome is None and level.restarts == 1  # back at the start (no checkpoint here)
        assert (level.world.player.x, level.world.player.y) == spawn
    finally:
        app.close()
