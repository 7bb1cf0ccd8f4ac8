"""The harder road (opened by the epilogue, its records kept apart) and first-time hints shown once
per save. Played from the title with posted key events (tests/player.py), the save read from disk."""

import json

import pygame
import pytest

from game.app import Options
from game.campaign import Campaign
from game.scenes.chapter_card import ChapterCard
from game.scenes.level import LevelScene
from game.story.chapters import load_chapters
from game.story.save import ChapterRecord, SaveData, SaveStore
from game.world.tuning import HARDER_AWARENESS, RunMode, tuning_for
from player import run_frames, running, stack_shape, tap

CHAPTERS = load_chapters()


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("REDEMPTION_HOME", str(tmp_path))
    return tmp_path


def write_save(home, **fields) -> None:
    save = SaveData.new(CHAPTERS[0].id)
    for name, value in fields.items():
        setattr(save, name, value)
    (home / "save.json").write_text(json.dumps(save.to_json()))


def saved(home) -> dict:
    return json.loads((home / "save.json").read_text())


def labels(app) -> list[str]:
    return [item.label for item in app.stack.top.menu.items]


def choose(app, label: str) -> None:
    """Down the title's menu to `label`, as a player does, and Enter."""
    menu = app.stack.top.menu
    for _ in range(len(menu.items)):
        if menu.items[menu.index].label == label:
            break
        tap(pygame.K_DOWN)
        run_frames(app, 1)
    assert menu.items[menu.index].label == label
    tap(pygame.K_RETURN)
    run_frames(app, 1)


def finished_story() -> dict:
    done = ChapterRecord(completed=True, best_time=100.0, challenges=["ghost"])
    return dict(unlocked=[c.id for c in CHAPTERS], current=None, chapters={c.id: done for c in CHAPTERS})


def test_the_harder_road_is_not_offered_before_the_epilogue(home):
    write_save(home, **finished_story(), epilogue_seen=False)
    with running(Options()) as app:
        assert "The harder road" not in labels(app)
        with pytest.raises(ValueError):
            app.campaign.take_road(RunMode.HARDER)


def test_the_epilogue_opens_the_harder_road(home):
    write_save(home, **finished_story())
    with running(Options()) as app:
        app.campaign.epilogue(app.stack)  # what finishing the last chapter's summary leads to
        assert saved(home)["epilogue_seen"] is True
        tap(pygame.K_ESCAPE)  # Esc skips the epilogue to its end: back to the title
        run_frames(app, 2)
        assert stack_shape(app) == ("TitleScene",)
        assert "The harder road" in labels(app)


def test_a_harder_run_from_the_title_has_its_tuning_no_cones_and_its_own_records(home):
    write_save(home, **finished_story(), epilogue_seen=True)
    with running(Options()) as app:
        choose(app, "The harder road")
        assert labels(app)[:3] == ["New run", "Chapters", "Back to the story"]  # nothing begun on this road
        choose(app, "New run")
        assert isinstance(app.stack.top, ChapterCard) and app.stack.top.road == "The harder road"
        run_frames(app, 30)
        tap(pygame.K_RETURN)
        run_frames(app, 3)
        level = next(s for s in app.stack.scenes if isinstance(s, LevelScene))
        while app.stack.top is not level:  # the intro: read it through
            tap(pygame.K_RETURN)
            run_frames(app, 2)
        world = level.world
        story = tuning_for(app.settings.difficulty)
        assert level.mode == RunMode.HARDER
        assert world.tuning.awareness_rate == pytest.approx(story.awareness_rate * HARDER_AWARENESS)
        map_count = int(level.level.properties.get("throwables", story.throwables))
        assert world.throwables == map_count - 1
        drawn = []
        level.cones.draw = lambda *args: drawn.append(args)
        run_frames(app, 30)
        assert world.guards and drawn == []  # guards on the map, not one cone drawn
        # The run is the harder road's: the story's records and its Continue are untouched.
        on_disk = saved(home)
        assert on_disk["harder"]["started"] == [CHAPTERS[0].id]
        assert on_disk["current"] is None and on_disk["chapters"][CHAPTERS[0].id]["challenges"] == ["ghost"]


def test_the_same_level_on_the_story_road_draws_its_cones(home):
    with running(Options(chapter=1, skip_intro=True)) as app:
        level = app.stack.top
        assert level.mode == RunMode.STORY
        drawn = []
        real = level.cones.draw
        level.cones.draw = lambda *args: (drawn.append(1), real(*args))
        run_frames(app, 5)
        assert drawn


def test_a_chapter_won_on_the_harder_road_is_recorded_apart(tmp_path):
    store = SaveStore(tmp_path, CHAPTERS[0].id)
    save = SaveData.new(CHAPTERS[0].id)
    save.epilogue_seen = True
    store.save(save)
    campaign = Campaign(CHAPTERS, store, None, None)
    campaign.take_road(RunMode.HARDER)
    campaign.save.complete_chapter(CHAPTERS[0].id, ChapterRecord(completed=True, best_time=70.0,
                                                                 challenges=["par"]), CHAPTERS[1].id)
    campaign._write()
    again, notices = store.load()
    assert notices == []
    assert again.chapters == {} and again.unlocked == [CHAPTERS[0].id]  # the story's own progress
    assert again.harder.chapters[CHAPTERS[0].id].challenges == ["par"]
    assert again.harder.unlocked == [CHAPTERS[0].id, CHAPTERS[1].id]


def test_a_damaged_harder_road_costs_only_the_harder_road(tmp_path):
    save = SaveData.new(CHAPTERS[0].id)
    save.epilogue_seen = True
    data = save.to_json()
    data["harder"] = {"version": "two"}
    notices: list[str] = []
    loaded = SaveData.from_json(data, notices)
    assert loaded.epilogue_seen and loaded.harder is None
    assert len(notices) == 1 and "harder road" in notices[0]


# ------------------------------------------------------------------ hints once per save
def test_a_hint_shown_in_one_chapter_is_not_shown_again_in_the_next(home):
    with running(Options(chapter=1, skip_intro=True)) as app:
        level = app.stack.top
        assert run_frames(app, 600, until=lambda: level.hints.current is not None)
        first = level.hints.current
    assert first in saved(home)["hints_seen"]
    with running(Options(chapter=2, skip_intro=True)) as app:
        level = app.stack.top
        shown = set()
        run_frames(app, 900, until=lambda: shown.add(level.hints.current))
        assert first not in shown and shown - {None}  # other hints came; that one did not
    assert first in saved(home)["hints_seen"] and len(saved(home)["hints_seen"]) > 1


def test_the_new_hints_have_words_for_keys_and_pads():
    from game.render.hints import load_hints

    texts = load_hints()
    for name in ("doors", "light", "checkpoint", "alert_phase", "switch", "noise_maker"):
        assert texts[name]["keys"] and texts[name]["pad"], name


# ------------------------------------------------------------------ replays know the road
def test_a_replay_of_the_harder_road_replays_on_it_and_a_bad_road_is_a_clear_error(tmp_path):
    import subprocess
    import sys

    from game.replay import Recorder, load_replay
    from game.sim import replay_world
    from game.world.intent import IDLE
    from game.world.level import load_level

    level_path = CHAPTERS[0].map_path
    recorder = Recorder(str(level_path), 0, mode=RunMode.HARDER)
    for _ in range(30):
        recorder.add(IDLE)
    path = tmp_path / "harder.json"
    recorder.save(path)
    data = load_replay(path)
    assert data["mode"] == "harder"
    world = replay_world(load_level(level_path), 0, str(path), data)
    assert world.tuning == tuning_for("normal", RunMode.HARDER)
    story = Recorder(str(level_path), 0)
    story.add(IDLE)
    assert "mode" not in story.to_json()  # the story's replays read as they always did
    bad = json.loads(path.read_text())
    bad["mode"] = "nightmare"
    path.write_text(json.dumps(bad))
    done = subprocess.run([sys.executable, "-m", "game.sim", str(level_path), "--player", f"replay:{path}"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    lines = [line for line in (done.stderr + done.stdout).splitlines() if line.strip()]
    assert len(lines) == 1 and "harder.json" in lines[0] and "mode" in lines[0]
