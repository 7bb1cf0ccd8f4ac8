"""Prompts name the controls of the device in use, and the keys the player bound."""

import re

import pygame
import pytest

from game.input.prompts import GAMEPAD, KEYBOARD, Prompts
from game.render.hints import load_hints


@pytest.fixture(autouse=True)
def pygame_up():
    pygame.init()  # key names are checked against SDL's, as the game does once its window is open


@pytest.fixture
def prompts():
    """What the App hands the scenes: the keyboard and its default keys to begin with."""
    return Prompts()


KEYBOARD_WORDS = re.compile(r"\b(Ctrl|Shift|Click|Esc|Enter|WASD|Backspace)\b")


def test_keyboard_line_names_the_default_keys(prompts):
    line = prompts.play_line()
    for words in ("WASD move", "Shift sprint", "Ctrl/C sneak", "E interact", "Click/Q throw", "Esc pause"):
        assert words in line


def test_rebound_keys_show_everywhere_a_key_is_named(prompts):
    prompts.use(bindings={"interact": ["f"], "sneak": ["left alt"], "up": ["up"], "left": ["left"],
                          "down": ["down"], "right": ["right"]})
    line = prompts.play_line()
    assert "F interact" in line and "Alt sneak" in line and "Arrows move" in line
    hints = load_hints()
    assert prompts.fill(hints["take"]["keys"]) == "Press F to take it."
    assert "Hold Alt to sneak" in prompts.fill(hints["sneak"]["keys"])


def test_gamepad_prompts_name_buttons_and_never_keys(prompts):
    prompts.use(GAMEPAD)
    line = prompts.play_line()
    assert "A interact" in line and "RB sprint" in line and "Start pause" in line
    assert not KEYBOARD_WORDS.search(line)
    footer = prompts.menu(("select", "play"), ("back", "back"), ("default", "default"))
    assert footer == "A  play      B  back"  # no keyboard-only verb is offered on a pad
    for name, texts in load_hints().items():
        text = prompts.fill(texts["pad"])
        assert "{" not in text and not KEYBOARD_WORDS.search(text), name


def test_every_hint_fills_for_both_devices(prompts):
    for device in (KEYBOARD, GAMEPAD):
        prompts.use(device)
        for name, texts in load_hints().items():
            text = prompts.fill(texts["pad" if device == GAMEPAD else "keys"])
            assert "{" not in text and "}" not in text, (device, name)


def test_the_app_follows_the_device_last_used(tmp_path, monkeypatch):
    from game.app import App, Options
    from game.input.gamepad import AXIS_MAX
    from game.world.tuning import DT

    monkeypatch.setenv("REDEMPTION_HOME", str(tmp_path))
    app = App(Options())
    app.start()
    prompts = app.services.prompts  # the one the scenes are handed
    try:
        def post(kind, **kw):
            pygame.event.post(pygame.event.Event(kind, **kw))
            app.frame(DT)

        # A resting stick's drift is not the player picking the pad up.
        post(pygame.CONTROLLERAXISMOTION, instance_id=0, axis=0, value=int(AXIS_MAX * 0.05))
        assert prompts.device == KEYBOARD
        post(pygame.CONTROLLERBUTTONDOWN, instance_id=0, button=pygame.CONTROLLER_BUTTON_DPAD_DOWN)
        assert prompts.device == GAMEPAD
        post(pygame.KEYDOWN, key=pygame.K_UP, mod=0, unicode="", scancode=0)
        assert prompts.device == KEYBOARD
        post(pygame.CONTROLLERAXISMOTION, instance_id=0, axis=1, value=int(AXIS_MAX * 0.9))
        assert prompts.device == GAMEPAD
    finally:
        app.close()


def test_the_take_prompt_over_an_item_names_the_control_of_the_device_in_use(monkeypatch, prompts):
    import game.render.props as props_module
    from conftest import TEST_MAPS
    from game.render.camera import Camera
    from game.render.props import Props
    from game.world.level import load_level
    from game.world.world import World
    from scenario import Script

    class NoAssets:
        def image(self, name):
            return pygame.Surface((32, 32))

    world = World(load_level(TEST_MAPS / "progress.tmx"))
    walk = Script(("go", [(3, 1)]))
    for _ in range(300):
        world.step(walk(world))
    camera = Camera(1280, 720, *world.level.pixel_size)
    said = []
    monkeypatch.setattr(props_module, "draw_text", lambda surface, text, *a, **k: said.append(text))
    surface = pygame.Surface((1280, 720))
    Props(NoAssets()).draw_prompts(surface, camera, world, prompts)
    prompts.use(GAMEPAD)
    Props(NoAssets()).draw_prompts(surface, camera, world, prompts)
    assert said == ["E  Key", "A  Key"]


def test_a_key_name_pygame_does_not_know_is_shown_as_the_default_the_keyboard_falls_back_to(prompts):
    prompts.use(bindings={"sprint": ["lshift"], "up": ["/"]})
    line = prompts.play_line()
    assert "Shift sprint" in line  # as Keyboard.rebind: the default, not "Lshift"
    assert "/ASD move" in line  # a slash key keeps its place


def test_a_controller_browses_the_controls_screen_but_binds_no_key(prompts):
    from game.scenes.controls import ControlsScene
    from game.settings import Settings

    from game.scenes.stack import SceneStack

    saved = []
    scene = ControlsScene(Settings(), saved.append)
    SceneStack().push(scene)

    def pad_key(key):
        return pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0, from_pad=True)

    scene.handle_event(pad_key(pygame.K_DOWN))
    scene.handle_event(pad_key(pygame.K_RETURN))  # A: would wait for a key
    scene.handle_event(pad_key(pygame.K_RETURN))  # A again: would bind Enter
    assert scene.index == 1 and not scene.waiting and saved == []
    prompts.use(GAMEPAD)
    assert "change" not in prompts.menu(("rebind", "change"), ("back", "back"))
