"""Light switches and noise makers (world/devices.py), in the headless simulation on small maps.

ai_switch.tmx: a dark hall (ambient 0.1) with a lit middle (a Light zone) and its switch by
Jesse's spawn; guard 3 watches the lit part from the east, guard 6 stands beyond it facing away.
ai_switch_close.tmx: the same, small, with Jesse crouched in the light before a watcher.
ai_noisemaker.tmx: a car alarm by Jesse (heard 24 tiles off, draws 1); guards 3 and 6 tiles
and 20 tiles away.
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


def test_a_guard_who_sees_his_light_go_out_comes_to_switch_it_back_on():
    world = world_for("ai_switch.tmx")
    watcher, other = world.guards
    lit = (368, 144)
    assert world.interaction()[0] == "switch" and world.light_at(*lit) == 1.0
    events = world.step(PRESS)
    assert _of(events, EventType.LIGHT) == [dict(_of(events, EventType.LIGHT)[0], on=False)]
    assert world.light_at(*lit) == world.level.ambient  # the dark is the map's own
    events += run(world, hide_away(), 20, until=lambda w, ev: _of(ev, EventType.LIGHT)[1:])
    on = _of(events, EventType.LIGHT)[-1]
    assert on["on"] and on["by"] == watcher.id
    assert on["tick"] / 60 <= 10.0  # he is there within 10 s (7 s here: a look, then 15 tiles)
    assert world.light_at(*lit) == 1.0
    states = [(e["to"], e["cause"]) for e in _of(events, EventType.GUARD_STATE) if e["guard"] == watcher.id]
    assert states[:2] == [("suspicious", "light_out"), ("investigate", "checking")]
    said = [e["line"].split(".")[1] for e in _of(events, EventType.BARK) if e["guard"] == watcher.id]
    assert said[0] == "light_out" and "light_fixed" in said
    # The guard who had his back to it never knew.
    assert not [e for e in _of(events, EventType.GUARD_STATE) if e["guard"] == other.id]
    assert not any(e["type"] == EventType.CAUGHT for e in events)


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


def test_a_noise_maker_draws_the_nearest_guard_who_hears_it_and_he_shuts_it_off():
    world = world_for("ai_noisemaker.tmx")
    near, far = world.guards
    assert world.interaction()[0] == "noise_maker"
    events = world.step(PRESS)
    assert _of(events, EventType.NOISE_MAKER)[0]["label"] == "Car alarm"
    events += run(world, Route([(2, 1), (8, 1)], pace="sneak"), 25)
    off = [e for e in _of(events, EventType.NOISE_MAKER) if not e["on"]]
    assert len(off) == 1 and off[0]["by"] == near.id and off[0]["tick"] / 60 <= 8.0
    # It sounded once a second until he shut it off, each time heard 24 tiles round.
    sounds = [e for e in _of(events, EventType.NOISE) if e["source"] == "machine"]
    assert len(sounds) == math.floor(off[0]["tick"] / 60) + 1
    assert math.dist((far.x, far.y), (sounds[0]["x"], sounds[0]["y"])) < sounds[0]["radius"]
    # Only the nearest came (draws = 1): the far one heard it too and went on with his rounds.
    assert {e["guard"] for e in _of(events, EventType.GUARD_STATE)} == {near.id}
    # Used once (uses = 1): nothing left to press.
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


def test_a_guard_goes_through_a_shut_door_to_put_his_light_back_on():
    """ai_switch_door.tmx: the switch is in the west room, behind a shut (unlocked) door from the
    lit hall the watcher guards. He used to plan no way there, look, give up, and leave the light
    off for good; now he plans through the door, opens it on his way, and switches it back on."""
    world = world_for("ai_switch_door.tmx")
    watcher, door = world.guards[0], world.doors.doors[0]
    events = world.step(PRESS)
    events += run(world, hide_away(), 25, until=lambda w, ev: _of(ev, EventType.LIGHT)[1:])
    opened = [e for e in _of(events, EventType.DOOR) if e.get("by") == watcher.id]
    fixed = [e for e in _of(events, EventType.LIGHT) if e.get("by") == watcher.id]
    assert opened and door.open
    assert fixed and fixed[0]["tick"] / 60 <= 15.0
    assert not _of(events, EventType.CAUGHT)
