"""Light switches and noise makers (world/devices.py), in the headless simulation on small maps.

ai_switch.tmx: a dark hall (ambient 0.1) with a lit middle (a Light zone) and its switch by
Jesse's spawn; guard 3 watches the lit part from the east, guard 6 stands beyond it facing away.
ai_switch_close.tmx: the same, small, with Jesse crouched in the light before a watcher.
ai_noisemaker.tmx: a car alarm by Jesse (heard 24 tiles off, draws 1); guards 3 and 6 tiles
and 20 tiles away.

What Jesse does and the guards do in reply is said in tests/scenarios/ (light_out_lure,
light_behind_a_door, noise_maker_lure .scenario.toml); here, what needs Python: the light's level
at a point, a checkpoint's restore, the sound's pulses, the real game's key press and picture.
"""

import math

from game.world.events import EventType
from game.world.intent import IDLE, Intent
from game.world.world import World
from scenario import Route, run, world_for

PRESS = Intent(interact=True)
def hide_away() -> Route:
    """To the dark corner, off his way to the switch (a Route is used up as it is walked)."""
    return Route([(1, 7)], pace="sneak")


def _of(events, kind):
    return [e for e in events if e["type"] == kind]


def _awareness_crouched_in_his_view(switch_first: bool) -> float:
    """ai_switch_close.tmx: Jesse crouched in the lit zone 3.5 tiles in front of a watcher, a
    switch at his elbow. The most awareness the watcher gains in the 1.5 s he stands and looks."""
    world = world_for("ai_switch_close.tmx")
    watcher = world.guards[0]
    crouch = Intent(sneak=True)
    world.step(Intent(sneak=True, interact=switch_first))
    most = 0.0

    def note(w):
        nonlocal most
        most = max(most, watcher.awareness)

    run(world, lambda w: crouch, world.tuning.suspicious_look, each_tick=note)
    return most


def test_the_dark_is_real_for_sight_while_the_light_is_out():
    """Crouched in the light in front of a guard: noticed within the second and a half. With the
    light switched off he stares straight at the switch, at Jesse, for as long, and sees nothing."""
    assert _awareness_crouched_in_his_view(switch_first=False) >= 0.35
    assert _awareness_crouched_in_his_view(switch_first=True) == 0.0


def test_a_light_switched_off_stays_off_across_a_checkpoint_restore():
    world = world_for("ai_switch.tmx")
    world.step(PRESS)
    back = World.restore(world.level, world.seed, world.snapshot())
    assert back.devices.lights_off == world.devices.lights_off == (4,)
    assert back.light_at(368, 144) == world.light_at(368, 144) == world.level.ambient


def test_a_noise_maker_sounds_once_a_second_heard_far_off_until_shut_off_and_is_used_up():
    """Who comes and who shuts it off is tests/scenarios/noise_maker_lure.scenario.toml; here, the
    sound itself: once a second from the press until he shut it off, each heard 24 tiles round (as
    far as the far guard, who does not come), and nothing left to press once used (uses = 1)."""
    world = world_for("ai_noisemaker.tmx")
    far = world.guards[1]
    assert world.interaction()[0] == "noise_maker"
    events = world.step(PRESS)
    assert _of(events, EventType.NOISE_MAKER)[0]["label"] == "Car alarm"
    events += run(world, Route([(2, 1), (8, 1)], pace="sneak"), 25)
    off = [e for e in _of(events, EventType.NOISE_MAKER) if not e["on"]]
    sounds = [e for e in _of(events, EventType.NOISE) if e["source"] == "machine"]
    assert len(off) == 1 and len(sounds) == math.floor(off[0]["tick"] / 60) + 1
    assert math.dist((far.x, far.y), (sounds[0]["x"], sounds[0]["y"])) < sounds[0]["radius"]
    run(world, Route([(2, 4)]), 6)
    assert world.interaction() is None


def test_a_noise_maker_left_alone_stops_by_itself():
    world = world_for("ai_noisemaker.tmx")
    for guard in world.guards:
        guard.senses = guard.senses.__class__(**{**vars(guard.senses), "hearing": 0.0})
    world.step(PRESS)
    events = run(world, lambda w: IDLE, 12)
    sounds = [e for e in _of(events, EventType.NOISE) if e["source"] == "machine"]
    assert len(sounds) == 8 - 1  # 8 s at one a second, the first made with the press
    assert not world.devices.sounding


def test_through_the_front_door_a_key_press_puts_the_light_out_and_the_picture_goes_dark(tmp_path, monkeypatch):
    """The real game on the switch map, driven by posted key events only: E at the switch puts
    the light out for the guards (the world) and on screen (the map picture darkens there), and
    the watcher's bark comes up."""
    import pygame

    from game.app import Options
    from player import frame, run_frames, running, tap
    from scenario import MAPS

    monkeypatch.setenv("REDEMPTION_HOME", str(tmp_path))
    with running(Options(map_path=MAPS / "ai_switch.tmx")) as app:
        run_frames(app, 3)
        level = app.stack.top
        world = level.world
        assert world.interaction()[0] == "switch"
        picture = level.view.map_surface
        before = sum(picture.get_at((368, 144))[:3])  # the middle of the lit zone
        tap(pygame.K_e)
        frame(app)
        assert world.devices.lights_off == (4,)
        assert any(e["type"] == "light" and not e["on"] for e in level.log)
        assert level.view.lights_off == (4,)  # the picture was baked again for it
        after = sum(level.view.map_surface.get_at((368, 144))[:3])
        assert after < before / 2, (before, after)
        run_frames(app, 5)
        assert any(e["type"] == "bark" and e["line"].split(".")[1] == "light_out" for e in level.log)


def test_flicking_the_switch_does_not_pin_the_guard():
    """A player flicks the light off and on again and again: the watcher's look does not start
    over each time (it would keep him where he stands); he is at the switch as soon as if it
    had been flicked once, and says "?" once."""
    world = world_for("ai_switch.tmx")
    watcher = world.guards[0]
    events = []
    for tick in range(271):  # 4.5 seconds, a press every quarter second: 19 presses, off at the end
        events += world.step(Intent(interact=tick % 15 == 0))
    assert world.devices.lights_off == (4,)
    events += run(world, hide_away(), 20, until=lambda w, ev: any(e.get("by") == watcher.id for e in ev
                                                                  if e["type"] == EventType.LIGHT))
    fixed = [e for e in _of(events, EventType.LIGHT) if e.get("by") == watcher.id]
    curious = [e for e in _of(events, EventType.GUARD_STATE) if e["guard"] == watcher.id and e["to"] == "suspicious"]
    assert len(curious) == 1, curious
    assert fixed and fixed[0]["tick"] / 60 <= 10.0
    assert not _of(events, EventType.CAUGHT)
