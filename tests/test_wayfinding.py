"""Where am I: where the objective is (a pure query), what Jesse has seen, the pause menu's map
and the marker toward an objective off screen; and the same from the title, with keys only."""

import json
import math

import numpy as np
import pygame
import pytest

from conftest import ROOT, TEST_MAPS
from game.render.camera import Camera
from game.render.explored import EXPLORE_TICKS, Explored
from game.render.level_map import LevelMap
from game.render.level_view import LevelView
from game.render.assets import Assets
from game.render.edge_arrow import edge_point
from game.render.objective_marker import MARKER_MARGIN, WAYFINDING_PALETTES, draw_objective_marker, marker_target, places
from game.render.overlays import OVERLAY_PALETTES
from game.settings import Settings
from game.story.chapters import Chapter, Objective
from game.world.level import load_level
from game.world.world import World
from game.world.tuning import DT
from player import run_frames, stack_shape, tap
from scenario import Script, progress_map_solution, run

CHAPTER = Chapter("first", 1, "First", "A test room.", TEST_MAPS / "progress.tmx",
                  objectives=(Objective("key", "Take the key."), Objective("ledger", "Find the ledger."),
                              Objective("exit", "Leave.")))


@pytest.fixture(scope="module")
def display():
    pygame.init()
    pygame.display.set_mode((320, 200))
    yield


def progress_world() -> World:
    return World(load_level(TEST_MAPS / "progress.tmx"))


# --------------------------------------------------------------------------- where the objective is

def test_where_gives_items_left_the_objectives_zone_and_the_exits():
    world = progress_world()
    objectives = world.objectives
    assert [o.props["item"] for o in objectives.where("key")] == ["key"]
    assert [o.props["objective"] for o in objectives.where("ledger")] == ["ledger"]
    assert [o.kind for o in objectives.where("exit")] == ["Exit"]
    assert objectives.where("no_such_thing") == []
    objectives.take(objectives.where("key")[0], tick=0)
    assert objectives.where("key") == []  # taken: nowhere to go for it any more
    objectives.complete("ledger")
    assert objectives.where("ledger") == []


def test_the_confession_is_where_marco_is_while_he_talks():
    world = World(load_level(TEST_MAPS / "finale.tmx"))
    (box,) = places(world, "confession")
    marco = world.guards[world.confessions[0].guard_index]
    assert box == (marco.x, marco.y, marco.x, marco.y)
    world.confessions[0].progress = 1.0
    assert places(world, "confession") == []


# --------------------------------------------------------------------------- the marker in play

def objective_pixels(surface, palette="default") -> np.ndarray:
    """(x, y) of every pixel in the objective's colour."""
    rgb = pygame.surfarray.array3d(surface)
    xs, ys = np.nonzero((rgb == WAYFINDING_PALETTES[palette]["objective"]).all(axis=2))
    return np.stack([xs, ys], axis=1)


@pytest.mark.parametrize("where", [(2000, 180), (-900, 180), (320, -700), (320, 1500), (1500, 1500), (-800, -800)])
def test_the_marker_points_toward_an_objective_off_screen(display, where):
    camera = Camera(640, 360, 10_000, 10_000)
    screen = pygame.Surface((640, 360))
    assert draw_objective_marker(screen, camera, [(*where, *where)])
    drawn = objective_pixels(screen)
    centre = np.array([320, 180])
    marker = drawn.mean(axis=0)
    # It sits at the screen's edge, in the objective's direction from the middle of the screen.
    toward = np.subtract(where, centre)
    got = marker - centre
    assert math.degrees(abs(math.remainder(math.atan2(got[1], got[0]) - math.atan2(toward[1], toward[0]), math.tau))) < 6
    assert min(marker[0], 640 - marker[0], marker[1], 360 - marker[1]) < 80
    # Its arrowhead is the farthest part of it from the middle: it points outward, at the objective.
    tip = drawn[np.argmax((drawn - marker) @ toward)]
    assert np.dot(tip - marker, toward) > 0 and np.linalg.norm(tip - marker) > 15


def test_no_marker_once_the_objective_is_on_screen_or_there_is_none(display):
    camera = Camera(640, 360, 10_000, 10_000)
    screen = pygame.Surface((640, 360))
    assert not draw_objective_marker(screen, camera, [(300, 100, 300, 100)])
    assert not draw_objective_marker(screen, camera, [])
    # A zone reaching onto the screen is on screen; of two exits, one on screen is enough.
    assert marker_target((640, 360), camera, [(-500, 100, 200, 164)]) is None
    assert marker_target((640, 360), camera, [(5000, 0, 5000, 0), (200, 200, 264, 232)]) is None
    assert len(objective_pixels(screen)) == 0


def test_the_marker_points_at_the_nearest_of_several_places(display):
    camera = Camera(640, 360, 10_000, 10_000)
    assert marker_target((640, 360), camera, [(3000, 180, 3000, 180), (-700, 180, -700, 180)]) == (-700, 180)


def test_the_marker_is_not_a_danger_arrow_in_either_palette(display):
    """Its colour is none of the guards' badge colours, and its shape is a diamond as well as an
    arrow (the danger arrows are plain triangles)."""
    camera = Camera(640, 360, 10_000, 10_000)
    assert set(WAYFINDING_PALETTES) == set(OVERLAY_PALETTES)
    for palette, colours in WAYFINDING_PALETTES.items():
        badges = {OVERLAY_PALETTES[palette]["question_badge"], OVERLAY_PALETTES[palette]["alert_badge"]}
        assert colours["objective"] not in badges and len({colours["objective"], colours["exit"], colours["jesse"]}) == 3
        screen = pygame.Surface((640, 360))
        draw_objective_marker(screen, camera, [(2000, 180, 2000, 180)], palette)
        # A diamond in a diamond about the marker's middle (its colour, a dark ring, its colour),
        # and an arrowhead beyond it toward the objective.
        x, y, _ = edge_point((640, 360), 2000 - camera.x, 180 - camera.y, MARKER_MARGIN)
        x, y = round(x), round(y)
        at = lambda dx, dy: tuple(screen.get_at((x + dx, y + dy)))[:3]
        assert at(0, 0) == at(0, -11) == at(0, 11) == colours["objective"]
        assert at(0, -5) == at(0, 5) == at(-5, 0) == colours["ink"]
        drawn = objective_pixels(screen, palette)
        assert drawn[:, 0].max() > x + 30  # the arrowhead, out toward the edge


def level_scene(script=None, chapter=CHAPTER, settings=None):
    """A level scene on a stack of its own (its settings `settings`), played by `script`."""
    from game.scenes.level import LevelScene
    from game.scenes.stack import SceneStack
    from game.services import Services

    scene = LevelScene(load_level(chapter.map_path), "First", Assets(), None, chapter=chapter,
                       scripted_input=script or Script())
    SceneStack(services=Services(settings=settings or Settings())).push(scene)
    return scene


def play(scene, until, ticks=60 * 30) -> None:
    for _ in range(ticks):
        scene.update(DT)
        if until():
            return
    raise AssertionError("never got there")


def test_in_play_the_marker_shows_toward_the_objective_and_goes_when_turned_off_or_under_a_menu(display):
    from game.scenes.pause import PauseScene

    scene = level_scene(Script(("go", [(3, 1)]), ("press",)))  # take the key: the ledger is next, off screen
    play(scene, lambda: "key" in scene.world.objectives.done)
    screen = pygame.Surface((320, 200))
    scene.draw(screen, 0.0)
    drawn = objective_pixels(screen)
    assert len(drawn) and drawn[:, 0].min() > 240  # at the right edge: the ledger's room is to the right
    settings = scene.stack.services.settings
    scene.stack.services.settings = Settings(objective_marker=False)
    scene.draw(screen, 0.0)
    assert len(objective_pixels(screen)) == 0
    scene.stack.services.settings = settings
    scene.stack.push(PauseScene(lambda: None))
    scene.draw(screen, 0.0)
    assert len(objective_pixels(screen)) == 0


# --------------------------------------------------------------------------- what Jesse has seen

def test_jesse_sees_his_room_not_behind_the_shut_door_and_walls_by_their_faces():
    world = progress_world()
    explored = Explored()
    explored.look(world.grid, world.player.x, world.player.y)
    known = explored.mask(world.grid)
    assert known[1, 1] and known[5, 8]  # his room, corner to corner
    assert known[0, 1] and known[3, 9]  # a wall beside it, and the shut door in its face
    assert not known[3, 10] and not known[2, 15]  # beyond the door


def test_unseen_parts_of_the_map_are_dimmed_until_jesse_has_been_there(display):
    scene = level_scene(progress_map_solution())
    view, world = scene.view, scene.world
    level_map = LevelMap()
    s = level_map.base(view).get_width() / world.level.pixel_size[0]
    spot = (round(14.5 * 32 * s), round(5.5 * 32 * s))  # the middle of the far room's floor
    home = (round(4.5 * 32 * s), round(4.5 * 32 * s))  # the middle of his own room
    before = level_map.picture(view, world, scene.explored, CHAPTER.objectives[0])
    base = level_map.base(view)
    assert before.get_at(home)[:3] == base.get_at(home)[:3]  # seen: as bright as the map itself
    assert sum(before.get_at(spot)[:3]) < 0.5 * sum(base.get_at(spot)[:3])  # not seen: dimmed
    play(scene, lambda: world.player.x > 13 * 32)
    for _ in range(EXPLORE_TICKS):
        scene.update(DT)
    after = level_map.picture(view, scene.world, scene.explored, CHAPTER.objectives[0])
    assert after.get_at(spot)[:3] == base.get_at(spot)[:3]


def exit_sign_pixels(picture, world, palette="default") -> int:
    s = LevelMap().size[0] / world.level.pixel_size[0]
    s = min(s, LevelMap().size[1] / world.level.pixel_size[1])
    (exit_,) = world.objectives.exits
    x, y = exit_.center
    near = picture.subsurface(pygame.Rect(round(x * s) - 12, round(y * s) - 12, 24, 24))
    rgb = pygame.surfarray.array3d(near)
    return int((rgb == WAYFINDING_PALETTES[palette]["exit"]).all(axis=2).sum())


def test_the_exit_is_on_the_map_only_once_jesse_knows_it(display):
    scene = level_scene(progress_map_solution())
    level_map = LevelMap()
    first = CHAPTER.objectives[0]
    assert exit_sign_pixels(level_map.picture(scene.view, scene.world, scene.explored, first), scene.world) == 0
    play(scene, lambda: scene.world.player.x > 13 * 32)  # in the far room, the exit in view
    for _ in range(EXPLORE_TICKS):
        scene.update(DT)
    assert exit_sign_pixels(level_map.picture(scene.view, scene.world, scene.explored, first), scene.world) > 20
    # Not seen yet, but the objective now: shown as the objective (a diamond, with its words).
    fresh = level_scene(Script())
    leave = CHAPTER.objectives[2]
    picture = level_map.picture(fresh.view, fresh.world, fresh.explored, leave, "colourblind")
    assert exit_sign_pixels(picture, fresh.world, "colourblind") == 0
    assert len(objective_pixels(picture, "colourblind")) > 100  # the diamond and the words


def test_the_map_is_made_once_and_the_pause_screen_only_blits_it(display, monkeypatch):
    scene = level_scene()
    level_map = scene.level_map
    first = level_map.base(scene.view)
    assert level_map.base(scene.view) is first  # kept...
    scene.view.sync_lights(scene.view.lights_off + (999,))
    assert level_map.base(scene.view) is not first  # ...until a light is switched
    from game.scenes.pause import PauseScene

    made = []
    pause = PauseScene(lambda: None, map_picture=lambda: made.append(1) or scene.map_picture())
    scene.stack.push(pause)
    screen = pygame.Surface((1280, 720))
    for _ in range(5):
        pause.draw(screen, 0.0)
    assert made == [1]


# --------------------------------------------------------------------------- settings

def test_the_marker_option_is_on_by_default_and_an_old_settings_file_still_loads():
    old = {"version": 1, "master_volume": 0.5, "palette": "colourblind"}  # written before the option
    settings, notices = Settings.from_json(old)
    assert settings.objective_marker is True and settings.palette == "colourblind" and notices == []
    settings, notices = Settings.from_json({**old, "objective_marker": "nope"})
    assert settings.objective_marker is True and "objective_marker" in notices[0]
    assert Settings.from_json({"objective_marker": False})[0].objective_marker is False


# --------------------------------------------------------------------------- from the title

SCHOOL = Chapter("chemistry", 1, "Chemistry", "The school.", ROOT / "maps" / "highschool.tmx", intro="kim_hurry",
                 objectives=(Objective("janitor_key", "Find the janitor's keys."), Objective("exit", "Get out.")))


def on_screen(colour) -> int:
    rgb = pygame.surfarray.array3d(pygame.display.get_surface())
    return int((rgb == colour).all(axis=2).sum())


def choose(app, labels, wanted) -> None:
    """Down until the highlighted row is `wanted`, then Enter; `labels()` reads the highlighted row."""
    for _ in range(20):
        if labels() == wanted:
            break
        tap(pygame.K_DOWN)
        run_frames(app, 1)
    assert labels() == wanted


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("REDEMPTION_HOME", str(tmp_path))
    return tmp_path


def test_from_the_title_the_pause_map_and_the_marker_option_with_keys_only(home):
    """New game, the intro skipped with Esc; in the school the keys are off screen, so the marker
    shows; Esc: the map is beside the menu; Options, Objective marker Off: back in play it is gone."""
    from game.app import App, Options

    objective = WAYFINDING_PALETTES["default"]["objective"]
    app = App(Options(), [SCHOOL])
    app.start()
    try:
        tap(pygame.K_RETURN)  # New game
        assert run_frames(app, 600, until=lambda: stack_shape(app)[-1:] == ("DialogueScene",))
        tap(pygame.K_ESCAPE)  # skip the intro
        assert run_frames(app, 5, until=lambda: stack_shape(app) == ("TitleScene", "LevelScene"))
        run_frames(app, 3)
        assert on_screen(objective) > 100  # the marker at the top edge: the keys are up there
        tap(pygame.K_ESCAPE)
        run_frames(app, 2)
        assert stack_shape(app) == ("TitleScene", "LevelScene", "PauseScene")
        pause = app.stack.top
        assert pause.map is not None
        shown = pygame.display.get_surface().subsurface((450, 0, 830, 720))
        rgb = pygame.surfarray.array3d(shown)
        for colour in (objective, WAYFINDING_PALETTES["default"]["jesse"]):  # the map: the keys, Jesse
            assert (rgb == colour).all(axis=2).sum() > 50, colour
        choose(app, lambda: pause.menu.items[pause.menu.index].label, "Options")
        tap(pygame.K_RETURN)
        run_frames(app, 2)
        options = app.stack.top
        choose(app, lambda: options.rows[options.index][0], "Objective marker")
        tap(pygame.K_RIGHT)
        run_frames(app, 2)
        assert json.loads((home / "settings.json").read_text())["objective_marker"] is False
        tap(pygame.K_ESCAPE)
        run_frames(app, 2)
        assert app.stack.top is pause and pause.map is not None
        tap(pygame.K_ESCAPE)
        run_frames(app, 3)
        assert stack_shape(app) == ("TitleScene", "LevelScene")
        assert on_screen(objective) == 0
    finally:
        app.close()


@pytest.mark.parametrize("where", [(640, 3000), (640, -3000), (200, 2000), (1100, -2000)])
def test_the_marker_keeps_clear_of_the_top_bar_and_the_controls_line(display, where):
    camera = Camera(1280, 720, 10_000, 10_000)
    screen = pygame.Surface((1280, 720))
    draw_objective_marker(screen, camera, [(*where, *where)])
    ys = objective_pixels(screen)[:, 1]
    assert ys.min() > 36 and ys.max() < 720 - 40  # the HUD's top bar; the controls along the bottom
