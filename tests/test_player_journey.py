"""The game played as a player plays it: the real App, input only as SDL events (tests/player.py).

From the title through all four chapters along their proven routes (keys where a key gives the
route's move exactly, the left stick elsewhere), every conversation read with Enter, to the
epilogue and back to the title; and quitting at a checkpoint, then Continue in a new App.

Drift: the played route stays within 0.005 px of the route replayed in a headless World (the
stick's int16 quantisation; measured 0.0016 garage, 0.0024 carwash, 0.0045 highschool, 0.0026
desertlab), so the open loop is enough; `MAX_DRIFT` keeps it honest, after Continue too (a
restored world once lost Jesse's velocity, and he ran 0.853 px, a tick's sneak step, behind).
"""

import copy
import json
import re
import time

import pygame
import pytest

from game.app import Options
from game.scenes.level import LevelScene
from game.story.challenges import memory_ids
from game.story.chapters import load_chapters
from game.story.dialogue import dialogue_exists
from game.world.world import World
from player import Player, hold_for, load_route, post_click, running, stack_shape, tap

MAX_DRIFT = 0.05  # px from the reference path at the same world tick
TOKENS = {("TitleScene",): "T", ("TitleScene", "ChapterCard"): "C", ("TitleScene", "LevelScene"): "L",
          ("TitleScene", "LevelScene", "DialogueScene"): "D", ("TitleScene", "SummaryScene"): "S",
          ("TitleScene", "EpilogueScene"): "E", ("TitleScene", "LevelScene", "PauseScene"): "P"}


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("REDEMPTION_HOME", str(tmp_path))
    return tmp_path


def journey(player: Player) -> str:
    """The shapes the player went through, one letter each (see TOKENS; ? for any other)."""
    return "".join(TOKENS.get(shape, "?") for shape in player.shapes)


def saved(home) -> dict:
    return json.loads((home / "save.json").read_text())


def conversations_expected(watch, chapter) -> int:
    """The intro and the outro, one for each talk or memory the level's log says was started (a
    call plays beside the level: not a conversation), and Marco's words once the trap seals him."""
    log = watch.scene.log
    story = sum(1 for e in log if e["type"] == "talk" or (
        e["type"] == "trigger" and not e["id"].startswith("call_") and dialogue_exists(e["id"])))
    sealed = any(e["type"] == "door" and e.get("sealed") for e in log) and any(
        m.props["sealed"] for m in watch.scene.level.of_kind("Marco"))
    return bool(chapter.intro) + bool(chapter.outro) + story + sealed


def check_chapter_done(player: Player, home, chapter) -> None:
    (watch,) = [w for w in player.watches.values() if w.chapter == chapter.id]
    assert watch.scene.world.outcome == "complete"
    assert not watch.caught, f"Jesse was caught in {chapter.id}"
    assert watch.drift < MAX_DRIFT, f"{chapter.id}: {watch.drift:.4f} px off the proven route"
    assert watch.conversations == conversations_expected(watch, chapter)
    assert saved(home)["chapters"][chapter.id]["completed"] is True


def world_state(world) -> dict:
    """Everything a checkpoint should bring back, copied."""
    return copy.deepcopy({
        "tick": world.tick, "player": world.player, "guards": world.guards, "rng": world.rng.getstate(),
        "doors": [(d.open, d.locked_by) for d in world.doors.doors], "done": world.objectives.done,
        "taken": world.objectives.taken, "stats": world.stats, "throwables": world.throwables,
        "countdown": world.countdown, "noises": world.noises,
    })


@pytest.mark.slow
def test_the_whole_game_from_the_title_to_the_epilogue_as_a_player(home):
    chapters = load_chapters()
    started = time.perf_counter()
    with running(Options()) as app:
        player = Player(app, choose="New game")
        assert stack_shape(app) == ("TitleScene",)
        for chapter in chapters:  # the summary on screen names its chapter
            player.play(until=lambda: getattr(app.stack.top, "chapter", None) == chapter
                        and stack_shape(app) == ("TitleScene", "SummaryScene"))
            check_chapter_done(player, home, chapter)
        player.play(until=lambda: stack_shape(app) == ("TitleScene", "EpilogueScene"))
        player.play(until=lambda: stack_shape(app) == ("TitleScene",))
        assert stack_shape(app) == ("TitleScene",)
        assert re.fullmatch(r"T(CDL(DL)*DS){4}ET", journey(player)), journey(player)
        assert set(saved(home)["chapters"]) == {c.id for c in chapters}
        for chapter in chapters:  # the proven routes are careful runs: never seen, nothing thrown, one take, in par
            (watch,) = [w for w in player.watches.values() if w.chapter == chapter.id]
            record = saved(home)["chapters"][chapter.id]
            assert {"ghost", "no_wrench", "no_restart", "par"} <= set(record["challenges"]), chapter.id
            found = {e["id"] for e in watch.scene.log if e["type"] == "trigger" and e["id"].startswith("mem_")}
            assert record["memories"] == sorted(found)
            assert record["memories_total"] == len(memory_ids(watch.scene.level)) >= len(found)
        # The end was reached: the title now offers the harder road.
        assert saved(home)["epilogue_seen"] is True
        assert "The harder road" in [item.label for item in app.stack.top.menu.items]
        print(f"\nwhole game: {player.frames} frames, {time.perf_counter() - started:.1f} s, {journey(player)}; "
              "drift px:", {w.chapter: round(w.drift, 4) for w in player.watches.values()})


def quit_at_the_first_checkpoint(home, chapter):
    """New game, chapter 1 along its route to its first checkpoint, Esc, Quit to title. Returns the
    world state seen at the checkpoint, and that world (nothing steps it after the quit)."""
    with running(Options()) as app:
        player = Player(app, choose="New game")
        player.play(until=lambda: (lv := player.level()) is not None and lv.world.checkpoint is not None)
        level = player.level()
        world = level.world
        assert world.checkpoint_tick == world.tick  # reached in the frame just run
        assert level.hud.notice == "Checkpoint."  # what the player reads under the top bar
        assert journey(player) == "TCDL"  # the title, the card, the intro over the level, play
        at_checkpoint = world_state(world)
        tap(pygame.K_ESCAPE)
        player.frame()
        assert stack_shape(app) == ("TitleScene", "LevelScene", "PauseScene")
        pause = app.stack.top
        while pause.menu.items[pause.menu.index].label != "Quit to title":
            tap(pygame.K_DOWN)
            player.frame()
        tap(pygame.K_RETURN)
        player.frame()
        assert stack_shape(app) == ("TitleScene",)
        assert chapter.id in saved(home)["checkpoints"]
        return at_checkpoint, world


def press_continue(app, chapter, tick: int) -> Player:
    """In a freshly started App: Continue is offered first; Enter on it. The level it brings back
    runs its first tick in that same frame, so the route's step for `tick` is pressed right after
    Enter (as after the last line of a conversation)."""
    title = app.stack.top
    first = title.menu.items[title.menu.index]
    assert first.label == "Continue" and "checkpoint" in first.note
    player = Player(app, choose=None)
    route = load_route(chapter.map_path.name)
    player.press_then_hold(pygame.K_RETURN, hold_for(route["intents"][tick]))
    player.frame()
    assert stack_shape(app) == ("TitleScene", "LevelScene")  # no card, no intro
    return player


@pytest.mark.slow
def test_quit_at_a_checkpoint_then_continue_comes_back_exactly_there(home):
    chapter = load_chapters()[0]
    at_checkpoint, _ = quit_at_the_first_checkpoint(home, chapter)
    with running(Options()) as app:  # the player starts the game again
        player = press_continue(app, chapter, at_checkpoint["tick"])
        level = app.stack.top
        assert level.hud.notice == "Back at your checkpoint."
        # The checkpoint it came back to is the world seen when it was reached: Jesse's place,
        # what he carries, the doors, every guard (place, state, route index, ...), the tick.
        w = level.world
        assert world_state(World.restore(w.level, w.seed, w.checkpoint, w.tuning)) == at_checkpoint
        assert level.world.tick == at_checkpoint["tick"] + 1  # and it has run one tick on from there
        player.play(until=lambda: stack_shape(app) == ("TitleScene", "SummaryScene"))
        assert re.fullmatch(r"TL(DL)*DS", journey(player)), journey(player)  # conversations, the outro
        (watch,) = player.watches.values()
        assert watch.scene.world.outcome == "complete" and not watch.caught
        assert watch.drift < MAX_DRIFT, f"{watch.drift:.4f} px off the proven route after Continue"
        assert watch.conversations == conversations_expected(watch, chapter) - bool(chapter.intro)
        print(f"\nafter Continue: drift {watch.drift:.4f} px, {player.frames} frames")
        assert saved(home)["chapters"][chapter.id]["completed"] is True


def test_after_continue_the_first_tick_plays_as_it_would_have_without_quitting(home):
    """World.restore brings back the velocity of Jesse's body too (pymunk moves a body by the
    velocity it enters a step with): the first tick after Continue moves him as it would have."""
    chapter = load_chapters()[0]
    at_checkpoint, world = quit_at_the_first_checkpoint(home, chapter)
    with running(Options()) as app:
        press_continue(app, chapter, at_checkpoint["tick"])
        level = app.stack.top
        world.step(level.last_intent)  # the world left at the quit, given the same tick's input
        assert (level.world.player.x, level.world.player.y) == (world.player.x, world.player.y)
        assert world_state(level.world) == world_state(world)


def test_a_left_click_throws_where_the_player_clicked(home):
    with running(Options(chapter=1, skip_intro=True)) as app:
        player = Player(app, choose=None)
        level = app.stack.top
        assert isinstance(level, LevelScene)
        player.frame()  # drawn once: the camera follows Jesse
        world = level.world
        target = (world.player.x + 3 * world.tile, world.player.y)
        post_click(level.camera.to_screen(*target))
        player.frame()
        assert [e["type"] for e in level.log].count("throw") == 1
        aimed = level.last_intent.throw  # the world lands it short of a wall; the aim is the click
        assert abs(aimed[0] - target[0]) <= 1 and abs(aimed[1] - target[1]) <= 1, (aimed, target)
