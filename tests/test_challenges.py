"""The five marks and the memories, earned and missed by real runs of a scenario map.

tests/maps/marks.tmx: a dark corridor with two memory moments (one on the top lane, one on the
bottom), a checkpoint across the middle, a guard standing at the far end looking west, two
wrenches, and the exit past him at the top right. Its proven route (tests/maps/routes/marks.json,
written by tools/solve.py) sets the par. Each run below is played through a `LevelScene`, so the
record the summary and the save get is the one a player's run makes.
"""

import json

import pygame
import pytest

from game.render.assets import Assets
from game.scenes.level import LevelScene
from game.scenes.stack import SceneStack
from game.story.challenges import (CHALLENGES, PAR_MARGIN, Challenge, RunFacts, earned, load_wording, memory_ids,
                                   par_seconds)
from game.story.chapters import Chapter, Objective
from game.story.save import ChapterRecord, SaveData
from game.world.intent import IDLE, Intent
from game.world.level import load_level
from game.world.tuning import DT
from scenario import MAPS, Script, tile_centre

MARKS = MAPS / "marks.tmx"
CHAPTER = Chapter("marks", 1, "Marks", "", MARKS, objectives=(Objective("exit", "Leave."),))
# Both memories, the checkpoint, then along the top lane to the exit: sneaking, in the dark.
EVERYTHING = [("go", [(5, 1)]), ("go", [(6, 5)]), ("go", [(8, 3)]), ("go", [(12, 1), (16, 1)])]
STRAIGHT = [("go", [(8, 1)]), ("go", [(12, 1), (16, 1)])]  # the top lane only: one memory of two


class Player:
    """A script, with extra things a player might do on the way."""

    def __init__(self, steps, throw_at: int | None = None, wait_ticks: int = 0, restart_at: int | None = None):
        self.script = Script(*steps)
        self.throw_at, self.wait_ticks, self.restart_at = throw_at, wait_ticks, restart_at
        self.ticks = 0

    def __call__(self, world) -> Intent:
        self.ticks += 1
        if self.ticks <= self.wait_ticks:
            return IDLE
        intent = self.script(world)
        if self.ticks == self.throw_at:
            return Intent(intent.move, sneak=intent.sneak, throw=tile_centre(3, 5))
        return intent


def play(player: Player, seconds: float = 120) -> LevelScene:
    pygame.init()
    pygame.display.set_mode((320, 200))
    scene = LevelScene(load_level(MARKS), "Marks", Assets(), None, chapter=CHAPTER, scripted_input=player)
    SceneStack().push(scene)
    for tick in range(round(seconds * 60)):
        if player.restart_at is not None and scene.world.tick == player.restart_at and scene.restarts == 0:
            scene._restart_from_menu()  # what "Restart from checkpoint" in the pause menu calls
        scene.update(DT)
        if scene.world.outcome == "complete":
            return scene
    raise AssertionError(f"the run did not finish: {scene.world.outcome}, Jesse at "
                         f"{scene.world.player.x:.0f},{scene.world.player.y:.0f}")


def marks(scene) -> set[str]:
    return set(scene.record().challenges)


def test_the_scenario_map_holds_two_memories_and_a_par_from_its_proven_route():
    level = load_level(MARKS)
    assert memory_ids(level) == ["mem_test_a", "mem_test_b"]
    runs = json.loads((MAPS / "routes" / "marks.json").read_text())["runs"]
    seconds = sum(r[0] for r in runs) / 60
    par = par_seconds(MARKS)
    assert par >= seconds * PAR_MARGIN and par - seconds * PAR_MARGIN < 10 and par % 10 == 0


def test_a_careful_run_that_finds_everything_earns_all_five_marks():
    scene = play(Player(EVERYTHING))
    record = scene.record()
    assert record.memories == ["mem_test_a", "mem_test_b"] and record.memories_total == 2
    assert set(record.challenges) == set(CHALLENGES)
    assert record.best_time <= par_seconds(MARKS)


def test_a_thrown_wrench_misses_empty_hands_only():
    scene = play(Player(EVERYTHING, throw_at=30))
    assert scene.world.stats["distractions"] == 1
    assert marks(scene) == set(CHALLENGES) - {Challenge.NO_WRENCH}


def test_a_memory_left_behind_misses_every_memory_only():
    scene = play(Player(STRAIGHT))
    assert scene.record().memories == ["mem_test_a"]
    assert marks(scene) == set(CHALLENGES) - {Challenge.MEMORIES}


def test_a_slow_run_misses_the_par_only():
    par = par_seconds(MARKS)
    scene = play(Player(EVERYTHING, wait_ticks=round(par * 60)), seconds=par + 120)
    assert scene.record().best_time > par
    assert marks(scene) == set(CHALLENGES) - {Challenge.PAR}


def test_a_restart_from_the_checkpoint_misses_one_take_and_keeps_the_memories_found_before_it():
    whole = play(Player(EVERYTHING))
    checkpoint_tick = next(e["tick"] for e in whole.log if e["type"] == "checkpoint")
    scene = play(Player(EVERYTHING, restart_at=checkpoint_tick + 30))
    assert scene.restarts == 1
    assert scene.record().memories == ["mem_test_a", "mem_test_b"]
    assert marks(scene) == set(CHALLENGES) - {Challenge.NO_RESTART}


def test_being_seen_misses_the_ghost():
    # Along the bottom lane, right up to the guard's face, then up and out.
    steps = [("go", [(5, 1)]), ("go", [(6, 5)]), ("go", [(8, 3)]), ("go", [(13, 4)], "walk"),
             ("go", [(13, 1), (16, 1)], "sprint")]
    scene = play(Player(steps))
    assert scene.world.stats["spotted"] >= 1
    assert Challenge.GHOST not in marks(scene)


@pytest.mark.parametrize("challenge", CHALLENGES)
def test_each_rule_earns_and_misses(challenge):
    good = RunFacts(spotted=0, throws=0, memories={"a", "b"}, memories_total=2, seconds=50, par=60, restarts=0)
    assert challenge in earned(good)
    bad = {Challenge.GHOST: dict(spotted=1), Challenge.NO_WRENCH: dict(throws=1),
           Challenge.MEMORIES: dict(memories={"a"}), Challenge.PAR: dict(seconds=61),
           Challenge.NO_RESTART: dict(restarts=1)}[challenge]
    missed = RunFacts(**{**good.__dict__, **bad})
    assert earned(missed) == [c for c in CHALLENGES if c != challenge]


def test_no_par_without_a_proven_route_and_no_memory_mark_on_a_map_without_memories(tmp_path):
    (tmp_path / "routes").mkdir()
    assert par_seconds(tmp_path / "nowhere.tmx") is None
    for junk in (b"", b"{", b'{"runs": 5}', b'{"runs": [["x"]]}', b'{"runs": []}', b"\xff\xfe"):
        (tmp_path / "routes" / "junk.json").write_bytes(junk)
        assert par_seconds(tmp_path / "junk.tmx") is None
    facts = RunFacts(spotted=0, throws=0, memories=set(), memories_total=0, seconds=10, par=None, restarts=0)
    assert earned(facts) == [Challenge.GHOST, Challenge.NO_WRENCH, Challenge.NO_RESTART]


def test_every_mark_has_words():
    words = load_wording()
    assert set(words) == set(CHALLENGES) and all(w.name and w.asks for w in words.values())


# ------------------------------------------------------------------ the save keeps them
def test_marks_and_memories_are_kept_across_runs_and_never_lost():
    first = ChapterRecord(completed=True, best_time=80, challenges=["ghost", "par"], memories=["mem_a"],
                          memories_total=3)
    slower = ChapterRecord(completed=True, best_time=99, spotted=3, challenges=["no_wrench"],
                           memories=["mem_b"], memories_total=3)
    merged = first.merge(slower)
    assert merged.best_time == 80  # the faster run's counts...
    assert merged.challenges == ["ghost", "par", "no_wrench"]  # ...and everything either earned
    assert merged.memories == ["mem_a", "mem_b"] and merged.memories_total == 3
    save = SaveData.new("nobody")
    save.complete_chapter("nobody", first, None)
    save.complete_chapter("nobody", slower, None)
    again = SaveData.from_json(json.loads(json.dumps(save.to_json())))
    assert again.chapters["nobody"] == merged


def test_an_old_save_loads_its_ghost_as_a_mark_and_a_bad_list_of_marks_is_salvaged():
    old = {"version": 1, "unlocked": ["nobody"], "current": "clean", "playtime": 5.0,
           "chapters": {"nobody": {"completed": True, "best_time": 60.0, "spotted": 0, "alerts": 0,
                                   "distractions": 0, "ghost": True}}}
    notices: list[str] = []
    save = SaveData.from_json(old, notices)
    assert notices == []
    assert save.chapters["nobody"].challenges == ["ghost"] and save.chapters["nobody"].memories == []
    assert not save.epilogue_seen and save.harder is None and save.hints_seen == []
    old["chapters"]["nobody"].update(challenges="ghost", memories=[1, "mem_a"])
    old["chapters"]["nobody"]["challenges"] = ["ghost", "from_a_newer_game", 7]
    save = SaveData.from_json(old, notices)
    assert save.chapters["nobody"].challenges == ["ghost"]  # the unknown one and the bad one left out
    assert save.chapters["nobody"].memories == ["mem_a"]
    assert len(notices) == 1 and "reset, the rest is kept" in notices[0]


def test_a_finished_story_in_an_old_save_has_seen_its_end():
    done = {"completed": True, "best_time": 60.0, "spotted": 0, "alerts": 0, "distractions": 0, "ghost": False}
    old = {"version": 1, "unlocked": ["a", "b"], "current": None, "playtime": 5.0, "chapters": {"a": done, "b": done}}
    assert SaveData.from_json(old).epilogue_seen
    assert not SaveData.from_json({**old, "current": "b"}).epilogue_seen
