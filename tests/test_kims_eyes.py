"""Kim's eyes: the ask key, a plan in another process, her answer in one line and a faint path.

The scenario is tests/maps/kim.tmx: Jesse starts in a locker at the east end of a lit corridor;
a guard west of him looks down it at him for five seconds, then turns and walks off down a side
passage; the exit is at the west end, past a car. The only safe way: wait in the locker until he
turns, then left along the corridor, past the car, while he is down the passage.
"""

from __future__ import annotations

import json
import os
import math
import time

import pygame
import pytest

from conftest import TEST_MAPS
from game.app import Options
from game.design.plan import Plan, plan_from
from game.design.proof import SETTLING
from game.design.timeline import Timeline
from game.replay import ReplayPlayer
from game.scenes import kims_eyes
from game.story.calls import Caller
from game.story.challenges import Challenge, RunFacts, earned
from game.story.kim_advice import Advice, Direction, direction_of, load_lines
from game.world.intent import IDLE
from game.world.level import load_level
from game.world.world import World
from player import frame, post_key, running, tap

KIM_MAP = TEST_MAPS / "kim.tmx"
WAIT_SECONDS = 90  # the most an answer may take here on a busy machine (it is 1-2 s)
LINES = load_lines()


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("REDEMPTION_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def guard_turns_at(level) -> int:
    """The tick the corridor's guard stops looking down it (he starts for the passage)."""
    timeline = Timeline(level)
    start = timeline.at(0)[0]
    tick = 0
    while math.dist((timeline.at(tick)[0].x, timeline.at(tick)[0].y), (start.x, start.y)) < 1.0:
        tick += 1
    return tick


def test_her_plan_reaches_the_exit_unseen_and_her_line_says_wait_then_left():
    level = load_level(KIM_MAP)
    world = World(level, 0)
    for _ in range(30):  # half a second in: he asks from the locker
        world.step(IDLE)
    asked_tick, where = world.tick, (world.player.x, world.player.y)
    snapshot = world.snapshot()
    plan = plan_from(KIM_MAP, snapshot, 0, world.tuning, "next", kims_eyes.THINK_S)
    assert plan.proven, plan.reason
    assert plan.targets == ["exit"] and plan.start_tick == asked_tick
    # Replayed from the snapshot in a world of its own: the level is done, nobody turned his head.
    again = World.restore(level, 0, snapshot)
    player = ReplayPlayer(plan.runs)
    noticed = []
    while again.outcome is None and again.tick < asked_tick + 60 * 60:
        noticed += [e for e in again.step(player(again)) if e["type"] == "caught" or
                    (e["type"] == "guard_state" and e["cause"] not in SETTLING)]
    assert again.outcome == "complete" and not noticed
    # Her answer comes a second after he asked: the wait counts from then.
    answered = asked_tick + 60
    advice = Advice.of(plan, answered, where, [(g.x, g.y) for g in world.guards], level,
                       held_until=asked_tick + round(kims_eyes.THINK_S * 60))
    turn = guard_turns_at(level)
    assert advice.direction == Direction.LEFT and advice.landmark == "under_car" and advice.guard_near
    # The wait is his: the move comes as he turns (a glimpse of the back of a turning man is no sighting).
    assert abs(advice.first_move_tick - turn) <= 90, (turn, advice.first_move_tick)
    wait = LINES.count((advice.first_move_tick - answered) / 60)
    assert advice.say(LINES) == f"Wait. He turns in {wait}. Then left, past the cars."


def test_a_wait_that_is_only_hers_is_not_put_on_a_guard():
    level = load_level(KIM_MAP)
    world = World(level, 0)
    plan = plan_from(KIM_MAP, world.snapshot(), 0, world.tuning, "next", kims_eyes.THINK_S)
    guards = [(g.x, g.y) for g in world.guards]
    # Told she holds him until after the plan's first move anyway: nobody to wait for.
    mine = Advice.of(plan, 60, (world.player.x, world.player.y), guards, level, held_until=plan.steps[-1][0])
    assert not mine.guard_near and mine.say(LINES).startswith("Wait. Give it ")


def test_directions_on_the_screen():
    assert direction_of(-5, 0) == Direction.LEFT and direction_of(5, 0.5) == Direction.RIGHT
    assert direction_of(0, -3) == Direction.UP and direction_of(0, 3) == Direction.DOWN  # y grows downward
    assert direction_of(-3, -3) == Direction.UP_LEFT and direction_of(3, 3) == Direction.DOWN_RIGHT


def test_every_line_she_may_say_is_in_her_file():
    data = LINES
    assert data.thinking and data.no_way and data.moved_on
    assert set(data.directions) == {d.value for d in Direction}
    for line in (data.wait_guard, data.wait, data.here_wait):
        assert "{n}" in line
    assert LINES.count(5) == "five" and LINES.count(0.2) == "one" and LINES.count(99) == "99"


def test_a_hint_rules_out_ghost():
    unseen = RunFacts(spotted=0, throws=0)
    assert Challenge.GHOST in earned(unseen)
    assert Challenge.GHOST not in earned(RunFacts(spotted=0, throws=0, hints=1))


def wait_for_answer(app, level, before: str) -> tuple[int, str]:
    """Frames until Kim's line changes from `before`; how many ran meanwhile, and her new line."""
    frames, began = 0, time.monotonic()
    while True:
        frame(app)
        frames += 1
        line = said(level)
        if line is not None and line != before:
            return frames, line
        assert time.monotonic() - began < WAIT_SECONDS, "Kim never answered"
        time.sleep(0.002)


def said(level) -> str | None:
    playing = level.call_view.playing
    return playing.lines[playing.index].text if playing is not None and playing.index >= 0 else None


def test_from_the_front_door_kim_answers_with_a_way_and_the_summary_counts_it(home):
    with running(Options(map_path=KIM_MAP)) as app:
        level = app.stack.top
        frame(app)
        tap(pygame.K_k)  # the ask key
        frame(app)
        thinking = said(level)
        assert thinking in LINES.thinking
        tap(pygame.K_k)  # asked again while she looks: nothing new starts
        frames, answer = wait_for_answer(app, level, thinking)
        assert frames > 5  # the game went on while she looked
        # Whose wait it is depends on how fast this machine answered: on a busy one she looks
        # again with a longer hold, and the wait is hers ("Give it six"); the way is the same.
        assert answer.startswith("Wait. ") and answer.endswith("Then left, past the cars."), answer
        assert level.kims_eyes.path.showing and level.kims_eyes.shown == 1
        facts = level.run_facts()
        assert facts.hints == 1 and Challenge.GHOST not in earned(facts)
        assert not level.record().ghost and level.record().kim_hints == 1


def test_an_answer_is_dropped_when_jesse_walked_off(home):
    with running(Options(map_path=KIM_MAP)) as app:
        level = app.stack.top
        tap(pygame.K_k)
        frame(app)
        thinking = said(level)
        post_key(pygame.K_a)  # he does not wait for her
        _, answer = wait_for_answer(app, level, thinking)
        post_key(pygame.K_a, down=False)
        assert answer in LINES.moved_on or answer in LINES.no_way  # seen on the way out, or moved on
        assert not level.kims_eyes.path.showing and level.kims_eyes.shown == 0


def test_with_the_option_off_the_key_asks_nobody(home):
    home.mkdir(parents=True)
    (home / "settings.json").write_text(json.dumps({"version": 1, "kims_eyes": False}))
    with running(Options(map_path=KIM_MAP)) as app:
        level = app.stack.top
        tap(pygame.K_k)
        for _ in range(5):
            frame(app)
        assert said(level) is None and not level.kims_eyes.thinking


def slow_plan(conn, map_path, snapshot, seed, tuning, until, still_s) -> None:
    """A planner that takes its time (as on a slow machine), then finds no way."""
    time.sleep(2.0)
    conn.send(Plan(str(map_path), until, False, "slow"))
    conn.close()


def test_the_frames_go_on_while_a_slow_plan_is_worked_out(home, monkeypatch):
    monkeypatch.setattr(kims_eyes, "plan_job", slow_plan)
    with running(Options(map_path=KIM_MAP)) as app:
        level = app.stack.top
        tap(pygame.K_k)
        frame(app)
        ticks = level.world.tick
        frames, answer = wait_for_answer(app, level, said(level))
        assert frames >= 60 and level.world.tick - ticks >= 60  # two seconds of waiting, the world ran on
        assert answer in LINES.no_way


def test_asked_during_the_radio_she_speaks_at_once_and_the_radio_goes_on_after(home):
    with running(Options(chapter=1, skip_intro=True)) as app:
        level = app.stack.top
        for _ in range(80):  # the chapter's radio comes on
            frame(app)
        radio = level.call_view.playing
        assert radio is not None and radio.due.caller == Caller.RADIO
        at_line = radio.index
        tap(pygame.K_k)
        frame(app)
        assert said(level) in LINES.thinking
        assert level.call_view.waiting[0] is radio and radio.index == at_line  # held where it was


def late_first(conn, map_path, snapshot, seed, tuning, until, still_s) -> None:
    """The real planner, but the first answer comes after its own first move was due."""
    from pathlib import Path

    from game.design.plan import plan_job

    flag = Path(os.environ["KIM_TEST_FLAG"])
    if not flag.exists():
        flag.write_text("late")
        time.sleep(still_s + 2.0)
    plan_job(conn, map_path, snapshot, seed, tuning, until, still_s)


def test_an_answer_that_came_too_late_is_looked_for_again_with_a_longer_hold(home, monkeypatch, tmp_path):
    monkeypatch.setenv("KIM_TEST_FLAG", str(tmp_path / "late.flag"))
    monkeypatch.setattr(kims_eyes, "plan_job", late_first)
    with running(Options(map_path=KIM_MAP)) as app:
        level = app.stack.top
        tap(pygame.K_k)
        frame(app)
        thinking = said(level)
        _, answer = wait_for_answer(app, level, thinking)
        assert answer.startswith("Wait. ") and answer.endswith("Then left, past the cars."), answer
        eyes = level.kims_eyes
        assert eyes.retries == 1 and eyes.shown == 1 and eyes.think_s > kims_eyes.THINK_S


def into_chapter_one(app):
    """From the title, as a player: New game, the card, the opening conversation, the level on top."""
    from game.scenes.level import LevelScene
    from player import Player, hold_for

    player = Player(app)
    player.play(lambda: isinstance(app.stack.top, LevelScene))
    player.hold(hold_for(IDLE))  # he stops where he is
    frame(app)
    return app.stack.top


def choose(app, scene_rows, label: str) -> None:
    """Down until `label` is the one selected (as a player reads the menu), then Enter."""
    for _ in range(len(scene_rows()[0]) + 1):
        labels, index = scene_rows()
        if labels[index] == label:
            break
        tap(pygame.K_DOWN)
        frame(app)
    assert scene_rows()[0][scene_rows()[1]] == label
    tap(pygame.K_RETURN)
    for _ in range(3):
        frame(app)


def test_from_the_title_kim_answers_in_chapter_one_and_the_option_turns_her_off(home):
    from game.scenes.options import OptionsScene

    with running() as app:
        level = into_chapter_one(app)
        tap(pygame.K_k)
        frame(app)
        thinking = said(level)
        assert thinking in LINES.thinking
        _, answer = wait_for_answer(app, level, thinking)
        assert answer not in LINES.thinking and level.kims_eyes.shown + (answer in LINES.no_way + LINES.moved_on) == 1
        # Esc, Options, Kim's eyes: off.
        tap(pygame.K_ESCAPE)
        frame(app)
        pause = app.stack.top
        choose(app, lambda: ([i.label for i in pause.menu.items], pause.menu.index), "Options")
        options = app.stack.top
        assert isinstance(options, OptionsScene)
        choose(app, lambda: ([r[0] for r in options.rows], options.index), "Kim's eyes")
        assert json.loads((home / "settings.json").read_text())["kims_eyes"] is False
        tap(pygame.K_ESCAPE)
        frame(app)
        tap(pygame.K_ESCAPE)  # out of the pause menu, back in play
        for _ in range(3):
            frame(app)
        assert app.stack.top is level
        asked = level.kims_eyes.turn
        tap(pygame.K_k)
        for _ in range(5):
            frame(app)
        assert level.kims_eyes.turn == asked and not level.kims_eyes.thinking  # nobody to ask
