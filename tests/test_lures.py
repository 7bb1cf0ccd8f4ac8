"""The lures placed in the shipped maps (LightSwitch, NoiseMaker: world/devices.py) work there.

For every switch and noise maker in every shipped map, a fresh World idles until a moment its
designer picked (guards on their calm rounds, one of them placed to notice), Jesse is put within
reach of it the way the game puts him back after a live reload (`physics.teleport`, see
`LevelScene._reload_if_changed`), interact picks that device and nothing else, and he presses it
and goes back to his spawn. Then:

- a switch: its light goes out, a guard who saw it stops and looks (cause `light_out`) within
  20 s, and a guard walks over and switches it back on;
- a noise maker: it sounds, a guard hears it (cause `heard_noise`), and within 30 s a guard
  gets there and shuts it off.

PRESS_AT lists when to press each device (seconds after the level starts): a moment when the
guard it is placed for can see the light, or hear the noise (they cannot at every moment of
their rounds: a switch works when its lit stretch is in someone's view). A new lure in a shipped
map needs its line here.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from game.world.events import EventType
from game.world.intent import IDLE, Intent
from game.world.level import load_level
from game.world.world import World

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = sorted((ROOT / "maps").glob("*.tmx"))
LURES = ("LightSwitch", "NoiseMaker")

# (map, device id) -> seconds of calm patrol before Jesse presses it, and the guard meant to come.
PRESS_AT = {
    ("garage.tmx", 52): 8.5,  # shop-floor lamps; the shop guard walks under them
    ("garage.tmx", 53): 13.0,  # workshop radio; the storage guard hears it from his round
    ("carwash.tmx", 76): 3.0,  # lobby lights, from the back office; the lobby guard stands under them
    ("carwash.tmx", 77): 10.0,  # backlot compressor; the tunnel and backlot guards hear it
    ("highschool.tmx", 119): 3.0,  # gym lights by the exit; the gym guard walks through them
    ("highschool.tmx", 120): 2.0,  # classroom radio; the east hall guard hears it through the open door
    ("desertlab.tmx", 71): 22.5,  # gate floodlight; the gate guard waits under it
    ("desertlab.tmx", 72): 11.5,  # back corridor lamps; the back guard walks under them
    ("desertlab.tmx", 73): 3.0,  # generator by the yard wall; the yard guard hears it
}
SWITCH_NOTICED_WITHIN = 20.0  # seconds
MAKER_SHUT_OFF_WITHIN = 30.0


def _lures(path: Path) -> list:
    level = load_level(path)
    return [obj for kind in LURES for obj in level.of_kind(kind)]


CASES = [(path, obj.id) for path in SHIPPED for obj in _lures(path)]


def _of(events, kind):
    return [e for e in events if e["type"] == kind]


def _within_reach(world: World, device) -> tuple[float, float]:
    """A point Jesse's body fits at, from where interact acts on `device` (and nothing else)."""
    reach = world.physics.radius + world.tuning.interact_reach * world.tile
    for share in (0.5, 0.75, 0.9):
        for k in range(16):
            angle = k * math.pi / 8
            x, y = world.grid.room_for(device.x + share * reach * math.cos(angle),
                                       device.y + share * reach * math.sin(angle), world.physics.radius)
            if math.hypot(x - device.x, y - device.y) > 0.95 * reach or not world.grid.is_walkable_at(x, y):
                continue
            _place(world, x, y)
            target = world.interaction()
            if target is not None and target[1] is device:
                return x, y
    raise AssertionError(f"nowhere within reach of device {device.id} picks it")


def _place(world: World, x: float, y: float) -> None:
    """Jesse's body and his actor both at (x, y), as the level scene does after a live reload."""
    world.physics.teleport(x, y)
    world.player.x, world.player.y = x, y


def _press(path: Path, device_id: int) -> tuple[World, object, list[dict], int]:
    """A fresh world, idled until PRESS_AT, Jesse pressing the device, then back at his spawn.
    Returns the world, the device, the events from the press on, and the press tick."""
    world = World(load_level(path), seed=0)
    device = world.devices.get(device_id)
    for _ in range(round(PRESS_AT[(path.name, device_id)] * 60)):
        world.step(IDLE)
    assert world.outcome is None
    _within_reach(world, device)
    world.step(IDLE)  # a tick standing there: the press is an edge of the button
    assert world.interaction() == ("switch" if device.kind == "LightSwitch" else "noise_maker", device)
    tick = world.tick
    events = world.step(Intent(interact=True))
    _place(world, *world.level.spawn)
    return world, device, events, tick


def test_every_shipped_map_has_lures_and_every_lure_is_covered_here():
    per_map = {path.name: _lures(path) for path in SHIPPED}
    assert set(per_map) == {"garage.tmx", "carwash.tmx", "highschool.tmx", "desertlab.tmx"}
    for name, lures in per_map.items():
        assert 2 <= len(lures) <= 3, (name, [o.id for o in lures])
    kinds = {obj.kind for lures in per_map.values() for obj in lures}
    assert kinds == set(LURES)
    assert {(path.name, device_id) for path, device_id in CASES} == set(PRESS_AT)


@pytest.mark.parametrize("path,device_id", CASES, ids=[f"{p.stem}-{d}" for p, d in CASES])
def test_a_lure_in_a_shipped_map_draws_a_guard_who_puts_it_right(path, device_id):
    world, device, events, tick = _press(path, device_id)
    if device.kind == "LightSwitch":
        assert [(e["switch"], e["light"], e["on"]) for e in _of(events, EventType.LIGHT)] == [
            (device_id, device.props["light"], False)]
        assert not world.devices.is_on(device)

        def fixed(evs):
            return [e for e in _of(evs, EventType.LIGHT) if e["on"] and "by" in e]

        limit = SWITCH_NOTICED_WITHIN
    else:
        assert [(e["maker"], e["on"]) for e in _of(events, EventType.NOISE_MAKER)] == [(device_id, True)]

        def fixed(evs):
            return [e for e in _of(evs, EventType.NOISE_MAKER) if not e["on"] and "by" in e]

        limit = MAKER_SHUT_OFF_WITHIN
    for _ in range(round(limit * 60)):
        if fixed(events) or world.outcome is not None:
            break
        events += world.step(IDLE)
    assert world.outcome is None, _of(events, EventType.CAUGHT)

    cause = "light_out" if device.kind == "LightSwitch" else "heard_noise"
    drawn = [e for e in _of(events, EventType.GUARD_STATE) if e["cause"] == cause]
    assert drawn, f"{path.name}: nobody noticed device {device_id}"
    assert (drawn[0]["tick"] - tick) / 60 <= limit
    done = fixed(events)
    assert done, f"{path.name}: no guard came to put device {device_id} right within {limit:.0f} s"
    assert done[0]["by"] in {e["guard"] for e in drawn}  # one of those it drew
    assert (done[0]["tick"] - tick) / 60 <= limit
    if device.kind == "LightSwitch":
        assert world.devices.is_on(device)
    else:
        assert device.id not in world.devices.sounding
