"""First-time hints and edge-of-screen markers toward unseen danger."""

import pygame

from conftest import TEST_MAPS
from game.render.camera import Camera
from game.render.hints import Hints, draw_edge_markers, load_hints
from game.world.intent import IDLE
from game.world.level import load_level
from game.world.world import World


def test_every_hint_has_keyboard_and_gamepad_words():
    for name, texts in load_hints().items():
        assert texts["keys"] and texts["pad"], name


def test_every_hint_fits_on_one_line_of_the_screen_in_either_devices_words():
    from game.input.prompts import GAMEPAD, KEYBOARD, Prompts
    from game.render.assets import Assets
    from game.render.present import CANVAS_SIZE

    pygame.init()  # key names (the prompts) and fonts
    font = Assets.font(28)  # the hint's font (render/hints.py)
    for device, words in ((KEYBOARD, "keys"), (GAMEPAD, "pad")):
        prompts = Prompts(device)
        for name, texts in load_hints().items():
            width = font.size(prompts.fill(texts[words]))[0]
            assert width <= CANVAS_SIZE[0] - 120, f"{name} ({device}) is {width} px wide"


def test_a_hint_shows_once_when_it_matters_then_the_next():
    world = World(load_level(TEST_MAPS / "room.tmx"))
    camera = Camera(1280, 720, *world.level.pixel_size)
    hints = Hints()
    seen = []
    for _ in range(1500):
        world.step(IDLE)
        hints.update(world, camera)
        if hints.current and (not seen or seen[-1] != hints.current):
            seen.append(hints.current)
    # The guard is on screen at once; sneaking matters after a second; each shows once, in turn.
    assert seen[:2] == ["cones", "sneak"]
    assert len(seen) == len(set(seen))


def test_edge_marker_points_at_an_off_screen_guard_only_when_he_is_onto_jesse():
    pygame.init()
    pygame.display.set_mode((640, 360))
    screen = pygame.display.get_surface()
    world = World(load_level(TEST_MAPS / "ai_watch.tmx"))
    camera = Camera(640, 360, 10_000, 10_000)
    camera.x, camera.y = -2000, 0  # the whole level is off to the right of the view
    screen.fill((0, 0, 0))
    draw_edge_markers(screen, camera, world)
    assert pygame.transform.average_color(screen)[:3] == (0, 0, 0)
    world.guards[0].state = "alert"
    draw_edge_markers(screen, camera, world)
    right_edge = screen.subsurface((600, 0, 40, 360))
    assert max(pygame.transform.average_color(right_edge)[:3]) > 0


def test_a_hint_whose_moment_has_passed_fades_early():
    from scenario import Script

    world = World(load_level(TEST_MAPS / "progress.tmx"))
    camera = Camera(1280, 720, *world.level.pixel_size)
    hints = Hints()
    hints.shown = set(hints.texts) - {"take"}  # a player who has seen the rest
    player = Script(("go", [(3, 1)]), ("press",))  # walk up to the key and take it at once
    shown = []
    for tick in range(600):
        world.step(player(world))
        hints.update(world, camera)
        if hints.current == "take":
            shown.append(tick)
    assert "key" in world.objectives.done and shown
    # Gone well before its full five seconds once the key is taken, but not before it could be read.
    assert 150 <= len(shown) < 300


def test_edge_markers_use_the_players_palette():
    from game.render.overlays import OVERLAY_PALETTES

    pygame.init()
    pygame.display.set_mode((640, 360))
    world = World(load_level(TEST_MAPS / "ai_watch.tmx"))
    world.guards[0].state = "alert"
    camera = Camera(640, 360, 10_000, 10_000)
    camera.x, camera.y = -2000, 0
    for palette, colours in OVERLAY_PALETTES.items():
        screen = pygame.Surface((640, 360))
        draw_edge_markers(screen, camera, world, palette)
        pixels = {tuple(screen.get_at((x, y)))[:3] for x in range(600, 640) for y in range(360)}
        assert colours["alert_badge"] in pixels, palette


def _first_hint_at(map_name: str, where=None, prepare=None):
    """A world with Jesse put at `where` (and anything else `prepare` does), and a camera on it."""
    world = World(load_level(TEST_MAPS / map_name))
    if where is not None:
        world.player.x, world.player.y = where
        world.physics.teleport(*where)
    if prepare is not None:
        prepare(world)
    camera = Camera(1280, 720, *world.level.pixel_size)
    return world, camera


NEW_HINTS = ("doors", "light", "checkpoint", "alert_phase", "switch", "noise_maker")


def _shown_at(hint: str, map_name: str, where=None, prepare=None) -> bool:
    world, camera = _first_hint_at(map_name, where, prepare=prepare)
    hints = Hints(seen=set(load_hints()) - {hint})
    for _ in range(3):
        world.step(IDLE)
        hints.update(world, camera)
    return hints.current == hint


def _a_lit_point(world):
    """A walkable point whose light differs from the map's ambient (inside a Light or a Dark zone)."""
    tile = world.tile
    for col in range(world.level.cols):
        for row in range(world.level.rows):
            x, y = (col + 0.5) * tile, (row + 0.5) * tile
            if world.grid.is_walkable_at(x, y) and abs(world.light_at(x, y) - world.level.ambient) > 0.3:
                return x, y
    raise AssertionError("no lit or dark point")


def test_each_new_hint_comes_where_it_matters_and_not_elsewhere():
    from game.world.alarm import AlertPhase

    # Beside the locked door of progress.tmx (its rectangle starts at x 288), and far from it.
    assert _shown_at("doors", "progress.tmx", (270, 112))
    assert not _shown_at("doors", "progress.tmx", (48, 48))
    # At the light switch, and at the noise maker.
    assert _shown_at("switch", "ai_switch.tmx", (80, 104))
    assert _shown_at("noise_maker", "ai_noisemaker.tmx", (80, 144))
    assert not _shown_at("noise_maker", "ai_noisemaker.tmx", (300, 144))
    # Stepping into a zone whose light is not the map's: the Dark of ai_dark, the Light of ai_switch.
    for name in ("ai_dark.tmx", "ai_switch.tmx"):
        world = World(load_level(TEST_MAPS / name))
        assert _shown_at("light", name, _a_lit_point(world))
    # Once a checkpoint is reached (progress.tmx's trigger spans x 192-224).
    assert _shown_at("checkpoint", "progress.tmx", (208, 112))
    assert not _shown_at("checkpoint", "progress.tmx", (48, 48))
    # While the crew is on alert.
    assert _shown_at("alert_phase", "room.tmx", prepare=lambda w: setattr(w.alarm, "phase", AlertPhase.ALERT))
    assert not _shown_at("alert_phase", "room.tmx")


def test_hints_already_seen_on_this_save_are_never_shown_and_new_ones_are_told():
    world = World(load_level(TEST_MAPS / "room.tmx"))
    camera = Camera(1280, 720, *world.level.pixel_size)
    told = []
    hints = Hints(seen={"cones"}, on_shown=told.append)
    for _ in range(600):
        world.step(IDLE)
        hints.update(world, camera)
        assert hints.current != "cones"
    assert told and told[0] == "sneak" and "cones" not in told and len(told) == len(set(told))


def test_on_the_harder_road_the_first_guard_in_view_brings_its_own_hint_not_the_cones_one():
    world = World(load_level(TEST_MAPS / "room.tmx"))
    camera = Camera(1280, 720, *world.level.pixel_size)
    shown = []
    hints = Hints(cones=False, on_shown=shown.append)
    for _ in range(60):
        world.step(IDLE)
        hints.update(world, camera)
    assert shown[0] == "no_cones" and "cones" not in shown
