"""Live reload for designers: a saved map replaces the running one; a broken save does not."""

import shutil

import pygame
import pytest

from conftest import ROOT, TEST_MAPS
from game.render.assets import Assets
from game.scenes.level import WATCH_TICKS, LevelScene
from game.scenes.stack import SceneStack
from game.world.intent import Intent
from game.world.level import load_level


@pytest.fixture
def scene(tmp_path):
    pygame.init()
    pygame.display.set_mode((1280, 720))
    shutil.copytree(ROOT / "maps" / "tilesets", tmp_path / "tilesets")
    text = (TEST_MAPS / "room.tmx").read_text().replace("../../maps/tilesets/", "tilesets/")
    path = tmp_path / "room.tmx"
    path.write_text(text)
    scene = LevelScene(load_level(path), "room", Assets(), None, scripted_input=lambda w: Intent((1, 0)), watch=True)
    SceneStack().push(scene)
    return scene, path


def tick(scene, n):
    for _ in range(n):
        scene.update(1 / 60)


def test_a_changed_map_is_reloaded_and_jesse_keeps_his_place(scene):
    scene, path = scene
    tick(scene, 40)
    scene.scripted_input = lambda w: Intent()  # he stops; the designer saves
    tick(scene, 2)
    where = (scene.world.player.x, scene.world.player.y)
    text = path.read_text()
    # The designer adds a wall tile at the top-right of the room's floor (walls layer, row 1, col 10).
    rows = text.split('name="walls"')[1].split("<data encoding=\"csv\">")[1].split("</data>")[0]
    new_rows = rows.replace("17,0,0,0,0,0,0,0,0,0,0,17,", "17,0,0,0,0,0,0,0,0,0,17,17,", 1)
    path.write_text(text.replace(rows, new_rows))
    old_world = scene.world
    tick(scene, WATCH_TICKS)
    assert scene.world is not old_world and scene.reload_error is None
    assert scene.level.solid[1, 10]
    assert (scene.world.player.x, scene.world.player.y) == pytest.approx(where, abs=1.0)


def test_a_broken_save_keeps_the_last_good_map_and_says_why(scene):
    scene, path = scene
    tick(scene, 5)
    world = scene.world
    path.write_text(path.read_text()[:200])
    tick(scene, WATCH_TICKS)
    assert scene.world is world
    assert scene.reload_error and "malformed XML" in scene.reload_error
    scene.draw(pygame.display.get_surface(), 0.0)  # the error is drawn, no crash
