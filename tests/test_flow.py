"""The whole game from the title screen: new game, a chapter played to its exit, the summary,
the save, quitting, and Continue — driven through the real App and scene stack, headless."""

import json

import pygame
import pytest

from conftest import TEST_MAPS
from game.app import App, Options
from game.scenes.chapter_card import ChapterCard
from game.scenes.dialogue import DialogueScene
from game.scenes.level import LevelScene
from game.scenes.summary import SummaryScene
from game.scenes.title import TitleScene
from game.story.chapters import Chapter, Objective
from game.world.tuning import DT
from scenario import progress_map_solution

CHAPTERS = [
    Chapter("first", 1, "First", "A test room.", TEST_MAPS / "progress.tmx", intro="kim_hurry", outro="kim_hurry",
            objectives=(Objective("key", "Take the key."), Objective("ledger", "Find the ledger."),
                        Objective("exit", "Leave."))),
    Chapter("second", 2, "Second", "Another room.", TEST_MAPS / "room.tmx"),
    Chapter("third", 3, "Third", "Not built.", TEST_MAPS / "no_such_map.tmx"),
]


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("REDEMPTION_HOME", str(tmp_path))
    return tmp_path


def press(app, key=pygame.K_RETURN, frames=2):
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=0, unicode="", scancode=0))
    run_frames(app, frames)


def run_frames(app, n, until=None):
    for _ in range(n):
        assert app.frame(DT)
        if until is not None and until():
            return True
    return False


def top(app):
    return app.stack.top


def read_through_the_card_and_intro(app):
    """From a chapter's card: wait for its intro, then read every line with Enter."""
    assert run_frames(app, 400, until=lambda: isinstance(top(app), DialogueScene))
    while isinstance(top(app), DialogueScene):
        press(app)


def test_new_game_play_summary_save_quit_continue(home):
    app = App(Options(), CHAPTERS)
    app.start()
    try:
        assert isinstance(top(app), TitleScene)
        labels = [item.label for item in top(app).menu.items]
        assert labels == ["New game", "Chapters", "Options", "Quit"]  # nothing to continue yet
        press(app)  # New game
        assert isinstance(top(app), ChapterCard)
        assert run_frames(app, 400, until=lambda: isinstance(top(app), DialogueScene))
        level = app.stack.scenes[-2]
        assert isinstance(level, LevelScene) and level.chapter.id == "first"
        while isinstance(top(app), DialogueScene):  # the intro
            press(app)
        assert top(app) is level
        assert level.objective_text() == "Take the key."
        level.scripted_input = progress_map_solution()
        assert run_frames(app, 60 * 60, until=lambda: isinstance(top(app), (DialogueScene, SummaryScene)))
        assert level.world.outcome == "complete"
        while isinstance(top(app), DialogueScene):  # the outro
            press(app)
        summary = top(app)
        assert isinstance(summary, SummaryScene)
        assert summary.record.completed and summary.record.best_time > 0
        saved = json.loads((home / "save.json").read_text())
        assert saved["unlocked"] == ["first", "second"] and saved["current"] == "second"
        assert saved["chapters"]["first"]["completed"] is True
        run_frames(app, 40)
        press(app)  # on to the next chapter's card
        assert isinstance(top(app), ChapterCard) and top(app).chapter.id == "second"
    finally:
        app.close()

    again = App(Options(), CHAPTERS)
    again.start()
    try:
        labels = [item.label for item in top(again).menu.items]
        assert labels[0] == "Continue"
        press(again)
        assert isinstance(top(again), ChapterCard) and top(again).chapter.id == "second"
    finally:
        again.close()


def test_chapters_menu_shows_locked_chapters_with_a_reason(home):
    app = App(Options(), CHAPTERS)
    app.start()
    try:
        title = top(app)
        title.menu.index = 1
        press(app)  # Chapters
        menu = top(app).menu
        assert [i.enabled for i in menu.items[:3]] == [True, False, False]
        assert "Locked" in menu.items[1].note and "not built" not in menu.items[1].note
    finally:
        app.close()


def test_a_corrupt_save_is_reported_on_the_title_and_the_game_starts(home):
    (home / "save.json").write_text("{ not json")
    app = App(Options(), CHAPTERS)
    app.start()
    try:
        run_frames(app, 3)
        assert any("save" in n.lower() for n in top(app).notices)
        assert (home / "save.json.corrupt").read_text() == "{ not json"
    finally:
        app.close()


def test_finishing_the_last_chapter_plays_the_epilogue_then_the_title(home):
    from game.scenes.epilogue import EpilogueScene
    from game.story.save import ChapterRecord

    last = [Chapter("only", 1, "Only", "A test room.", TEST_MAPS / "progress.tmx",
                    objectives=(Objective("exit", "Leave."),))]
    app = App(Options(), last)
    app.start()
    try:
        app.campaign.start(app.stack, last[0])
        assert run_frames(app, 400, until=lambda: isinstance(top(app), LevelScene))
        app.campaign.chapter_won(last[0], ChapterRecord(completed=True, best_time=61.0))
        assert isinstance(top(app), SummaryScene)
        run_frames(app, 40)
        press(app)
        epilogue = top(app)
        assert isinstance(epilogue, EpilogueScene)
        assert [kind for kind, _ in epilogue.pages] == ["letter", "tape", "run", "credits"]
        assert any("1:01" in line for line in epilogue.pages[2][1])
        for _ in range(12):
            press(app)
            if isinstance(top(app), TitleScene):
                break
        assert isinstance(top(app), TitleScene)
    finally:
        app.close()


def test_losing_focus_or_the_controller_pauses_the_level_and_resizing_keeps_drawing(home):
    from game.scenes.pause import PauseScene

    app = App(Options(chapter=1, skip_intro=True))
    app.start()
    try:
        assert isinstance(top(app), LevelScene)
        pygame.event.post(pygame.event.Event(pygame.WINDOWFOCUSLOST))
        run_frames(app, 2)
        assert isinstance(top(app), PauseScene)
        press(app, pygame.K_ESCAPE)
        assert isinstance(top(app), LevelScene)
        app.gamepad.unplugged = True  # as if the controller in use was pulled out
        run_frames(app, 1)
        assert isinstance(top(app), PauseScene) and "Controller" in top(app).note
        press(app, pygame.K_ESCAPE)
        pygame.display.set_mode((800, 500), pygame.RESIZABLE)
        run_frames(app, 3)
        assert pygame.display.get_surface().get_size() == (800, 500)
    finally:
        app.close()


def test_rebinding_a_key_in_options_is_saved_and_used(home):
    from game.scenes.controls import ControlsScene
    from game.scenes.options import OptionsScene

    app = App(Options(), CHAPTERS)
    app.start()
    try:
        title = top(app)
        title.menu.index = [i.label for i in title.menu.items].index("Options")
        press(app)
        assert isinstance(top(app), OptionsScene)
        top(app).index = [r[0] for r in top(app).rows].index("Controls")
        press(app)
        controls = top(app)
        assert isinstance(controls, ControlsScene)
        controls.index = controls.actions.index("sprint")
        press(app)  # now waiting for a key
        press(app, pygame.K_v)
        saved = json.loads((home / "settings.json").read_text())
        assert saved["bindings"]["sprint"][0] == "v"
        assert pygame.K_v in app.keyboard.codes["sprint"]
    finally:
        app.close()


def test_every_option_explains_itself_and_difficulty_says_what_it_changes(home):
    from game.scenes.options import NOTES, OptionsScene
    from game.settings import DIFFICULTIES, Settings
    from game.world.tuning import tuning_for

    scene = OptionsScene(Settings(), lambda s: None)
    assert all(label in NOTES for label, _, change in scene.rows if change is not None)
    notes = set()
    for difficulty in DIFFICULTIES:
        t = tuning_for(difficulty)
        note = NOTES["Difficulty"](Settings(difficulty=difficulty))
        assert f"{round(t.awareness_rate * 100)}%" in note and f"{t.search_time:g} s" in note
        notes.add(note)
    assert len(notes) == len(DIFFICULTIES)


def test_a_new_objective_and_a_checkpoint_are_announced_where_the_eye_is(home):
    from game.render.assets import Assets
    from game.scenes.stack import SceneStack
    from game.world.level import load_level

    pygame.init()
    pygame.display.set_mode((320, 200))
    scene = LevelScene(load_level(CHAPTERS[0].map_path), "First", Assets(), None, chapter=CHAPTERS[0],
                       scripted_input=progress_map_solution())
    SceneStack().push(scene)
    said = []
    for _ in range(60 * 30):
        scene.update(DT)
        if scene.hud.notice_ticks and (not said or said[-1] != scene.hud.notice):
            said.append(scene.hud.notice)
        if scene.world.outcome:
            break
    assert said[0] == "Next: Find the ledger."  # the key taken: the top line changed, and it is said
    assert "Checkpoint." in said and "Next: Leave." in said
    assert said.index("Next: Find the ledger.") < said.index("Next: Leave.")


def test_continue_shows_once_a_chapter_is_started_and_never_slides_back(home):
    from game.scenes.pause import PauseScene

    app = App(Options(), CHAPTERS)
    app.start()
    try:
        press(app)  # New game: the card of the first chapter
        assert isinstance(top(app), ChapterCard)
    finally:
        app.close()
    again = App(Options(), CHAPTERS)
    again.start()
    try:
        items = top(again).menu.items
        assert items[0].label == "Continue" and "First" in items[0].note  # started, not finished
    finally:
        again.close()

    # Further on: the first chapter done, Continue at the second. Replaying the first from Chapters
    # and quitting halfway leaves Continue where it was.
    save = json.loads((home / "save.json").read_text())
    save.update(unlocked=["first", "second"], current="second",
                chapters={"first": {"completed": True, "best_time": 50.0, "spotted": 0, "alerts": 0,
                                    "distractions": 0, "ghost": True}})
    (home / "save.json").write_text(json.dumps(save))
    app = App(Options(), CHAPTERS)
    app.start()
    try:
        press(app, pygame.K_DOWN)
        press(app, pygame.K_DOWN)  # Continue, New game, [Chapters]
        press(app)
        press(app)  # the first chapter
        assert isinstance(top(app), ChapterCard) and top(app).chapter.id == "first"
        read_through_the_card_and_intro(app)
        assert isinstance(top(app), LevelScene)
        press(app, pygame.K_ESCAPE)
        assert isinstance(top(app), PauseScene)
        press(app, pygame.K_UP)  # from Resume, round to the last item: Quit to title
        assert top(app).menu.items[top(app).menu.index].label == "Quit to title"
        press(app)
        assert [type(s).__name__ for s in app.stack.scenes] == ["TitleScene"]
        assert json.loads((home / "save.json").read_text())["current"] == "second"
        assert "Second" in top(app).menu.items[0].note
    finally:
        app.close()


def test_restart_chapter_from_the_pause_menu_gives_a_new_level_from_its_top(home):
    from game.scenes.pause import PauseScene

    app = App(Options(), CHAPTERS)
    app.start()
    try:
        press(app)  # New game
        read_through_the_card_and_intro(app)
        old = top(app)
        old.scripted_input = progress_map_solution()
        assert run_frames(app, 60 * 20, until=lambda: "key" in old.world.objectives.done or
                          any(o.props["item"] == "key" and o.id in old.world.objectives.taken
                              for o in old.level.of_kind("Item")))
        press(app, pygame.K_ESCAPE)
        assert isinstance(top(app), PauseScene)
        while top(app).menu.items[top(app).menu.index].label != "Restart chapter":
            press(app, pygame.K_DOWN)
        press(app)
        assert [type(s).__name__ for s in app.stack.scenes] == ["TitleScene", "LevelScene"]
        fresh = top(app)
        assert fresh is not old and not fresh.world.objectives.taken and fresh.world.tick <= 2
        run_frames(app, 30)
        assert top(app) is fresh  # no card, no intro over it
    finally:
        app.close()
