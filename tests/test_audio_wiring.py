"""The level plays sound from the world: footsteps by floor, the tape and the sirens in the finale,
a light switch's click and a noise maker's alarm."""

from types import SimpleNamespace

from conftest import ROOT, TEST_MAPS
from game.audio.floors import floor_lookup, floor_name
from game.world.level import load_level


def test_floor_names_come_from_tile_labels():
    assert floor_name("snow with tyre tracks") == "snow"
    assert floor_name("wet tile floor puddle") == "wet"
    assert floor_name("gym floor line corner") == "wood"
    assert floor_name("grated floor over pipes") == "metal"
    assert floor_name("office linoleum") == "concrete"


def test_the_garage_has_snow_outside_and_concrete_inside():
    level = load_level(ROOT / "maps" / "garage.tmx")
    floor_of = floor_lookup(level)
    assert floor_of(0.5 * 32 + 32, 1.5 * 32) == "snow"  # the snowy yard by the fence
    spawn = level.spawn
    assert floor_of(*spawn) == "concrete"  # the office


def test_a_level_scene_tells_the_director_what_happened(monkeypatch):
    import pygame

    from game.audio.mixer import Mixer
    from game.render.assets import Assets
    from game.scenes.level import LevelScene
    from game.scenes.stack import SceneStack
    from game.services import Services
    from game.world.intent import Intent

    pygame.init()
    pygame.display.set_mode((320, 200))
    played = []
    mixer = Mixer()
    monkeypatch.setattr(mixer, "play", lambda name, *a, **k: played.append(name))

    scene = LevelScene(load_level(TEST_MAPS / "room.tmx"), "room", Assets(), None,
                       scripted_input=lambda w: Intent((1, 0), sprint=True))
    SceneStack(services=Services(mixer=mixer)).push(scene)
    if scene.audio is None:
        import pytest

        pytest.skip("no audio device at all here: the game runs silent")
    for _ in range(60):
        scene.update(1 / 60)
    assert any(name.startswith("step_concrete_sprint") for name in played)


def test_menus_tick_choose_and_back_out_audibly_and_a_checkpoint_chimes():
    import pygame

    from game.audio import ui as ui_sounds
    from game.audio.director import AudioDirector
    from game.scenes.options import OptionsScene
    from game.scenes.stack import SceneStack
    from game.services import Services
    from game.settings import Settings

    played = []

    class Mixer:
        def play(self, name, *a, **k):
            played.append(name)

    def key(k):
        return pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode="", scancode=0)

    stack = SceneStack(services=Services(ui=ui_sounds.UiSounds(Mixer())))
    stack.push(OptionsScene(Settings(), lambda s: None))
    for k in (pygame.K_DOWN, pygame.K_RIGHT, pygame.K_ESCAPE):
        stack.handle_event(key(k))
    assert played == ["ui_move", "ui_select", "ui_back"]
    assert set(played) <= set(ui_sounds.SOUNDS)
    assert all((ROOT / "assets" / "sounds" / f"{n}.wav").is_file() for n in ui_sounds.SOUNDS)

    played.clear()
    director = AudioDirector(Mixer(), None)
    director.on_events([{"tick": 5, "type": "checkpoint", "id": "checkpoint_hall"}], None)
    assert played == ["checkpoint"]


def test_a_bark_murmurs_from_the_guard_and_a_radio_call_squelches():
    from game.audio.director import MURMURS, AudioDirector
    from scenario import run, world_for
    from test_ai import PeekThenRun

    played = []

    class Mixer:
        def play(self, name, *a, **k):
            played.append(name)

    world = world_for("ai_watch.tmx")
    director = AudioDirector(Mixer(), None)
    player = PeekThenRun(world)
    for _ in range(60 * 12):
        director.on_events(world.step(player(world)), world)
    assert "radio_squelch" in played
    assert any(name in MURMURS for name in played)
    assert all((ROOT / "assets" / "sounds" / f"{n}.wav").is_file() for n in (*MURMURS, "bark_marco", "radio_squelch"))


def _plays(mixer, name):
    return [c for c in mixer.calls if c[0] == "play" and c[1] == name]


def test_a_light_switch_clicks_at_the_switch():
    from game.audio.director import AudioDirector
    from test_audio import FakeMixer, make_world

    mixer = FakeMixer()
    world = make_world(x=300.0, y=100.0)
    switches = {4: SimpleNamespace(x=20.0, y=100.0), 5: SimpleNamespace(x=900.0, y=100.0)}
    world.devices = SimpleNamespace(get=switches.get)
    director = AudioDirector(mixer, None)
    director.on_events([{"tick": 1, "type": "light", "switch": 4, "light": 2, "on": False}], world)
    director.on_events([{"tick": 2, "type": "light", "switch": 5, "light": 3, "on": True, "by": 1}], world)
    near, far = _plays(mixer, "switch_click")
    assert near[3] < -0.5 and far[3] == 1.0, "panned toward the switch's side"
    assert far[2] < near[2]


def test_a_machine_noise_plays_the_alarm_quieter_far_from_jesse():
    from game.audio.director import AudioDirector
    from test_audio import FakeMixer, make_world

    mixer = FakeMixer()
    director = AudioDirector(mixer, None)
    world = make_world(x=100.0, y=100.0)
    for tick, x in ((0, 160.0), (60, 1500.0)):
        director.on_events([{"tick": tick, "type": "noise", "x": x, "y": 100.0, "radius": 768.0,
                             "source": "machine"}], world)
    near, far = _plays(mixer, "alarm_burst")
    assert far[2] < near[2] < 1.0 and far[3] == 1.0
    assert mixer.played() == ["alarm_burst", "alarm_burst"]


def test_the_world_s_switches_and_noise_makers_are_heard():
    """In the simulation: a switch pressed clicks; a car alarm set off sounds once a second."""
    from game.audio.director import AudioDirector
    from game.world.intent import IDLE, Intent
    from scenario import world_for
    from test_audio import FakeMixer

    for map_name, name, seconds, expected in (("ai_switch.tmx", "switch_click", 1.0, 1),
                                              ("ai_noisemaker.tmx", "alarm_burst", 2.5, 3)):
        mixer = FakeMixer()
        world = world_for(map_name)
        director = AudioDirector(mixer, None)
        director.on_events(world.step(Intent(interact=True)), world)
        for _ in range(round(seconds * 60)):
            director.on_events(world.step(IDLE), world)
        assert len(_plays(mixer, name)) == expected, (map_name, mixer.played())
        assert all((ROOT / "assets" / "sounds" / f"{n}.wav").is_file() for n in ("switch_click", "alarm_burst"))
