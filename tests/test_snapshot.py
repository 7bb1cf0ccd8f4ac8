"""Checkpoint snapshots by construction: a restored world equals the original field by field, in
every part, and plays on the same; a field nobody listed is saved too; what the parts call static
really does not change in play."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from conftest import ROOT
from game.replay import ReplayPlayer, load_replay
from game.world.intent import Intent
from game.world.level import load_level
from game.world.snapshot import Stateful
from game.world.world import World

GARAGE = ROOT / "maps" / "garage.tmx"


# Fields that hold other parts, the map or callables: compared as parts, or fixed by construction.
# (Fields holding a part are skipped by type: each part is compared on its own.)
REFERENCES = {"level", "tuning", "grid", "physics", "perception", "acoustics", "confessions", "checkpoint",
              "_handlers", "blocked", "rng", "through", "man_for"}


def garage_played(ticks: int) -> tuple[World, ReplayPlayer]:
    route = load_replay(ROOT / "maps" / "routes" / "garage.json")
    world = World(load_level(GARAGE), route["seed"])
    player = ReplayPlayer(route["runs"])
    for _ in range(ticks):
        world.step(player(world))
    return world, player


def plain(value):
    """A comparable form of a field: dataclasses and containers by content."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (type(value).__name__, plain(vars(value)))
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, set):
        return sorted(map(repr, value))
    return value


@pytest.mark.parametrize("ticks", [1, 700, 1900])
def test_a_restored_world_is_the_original_field_by_field_and_plays_on_the_same(ticks):
    world, player = garage_played(ticks)
    # State a route may not have made yet at this tick, so that forgetting it would show:
    world._interact_held = True  # a press held over the checkpoint must not press again after it
    world.stats["alerts"] += 1
    world._radio_inbox.append((world.guards[0], (world.guards[0].x, world.guards[0].y)))
    back = World.restore(world.level, world.seed, world.snapshot(), world.tuning)
    for name, part in world._parts().items():
        if name == "physics":  # pymunk's body: compared by where Jesse is and how he moves
            assert part.play_state() == back.physics.play_state()
            continue
        mine, theirs = vars(part), vars(back._parts()[name])  # every field, not only the saved ones
        assert mine.keys() == theirs.keys(), name
        for field in mine.keys() - REFERENCES:
            if isinstance(mine[field], Stateful):
                continue
            assert plain(mine[field]) == plain(theirs[field]), f"{name}.{field}"
    assert back.rng.getstate() == world.rng.getstate() and back.brain.rng is back.rng
    assert back.grid.version == world.grid.version and np.array_equal(back.grid.blocked, world.grid.blocked)
    assert np.array_equal(back.doors.through.blocked, world.doors.through.blocked) and back.brain.through is back.doors.through
    assert back.brain.man_for.__self__ is back  # the boss sends men of the restored world
    pressing = Intent((0.0, 0.0), interact=True)
    assert world.step(pressing) == back.step(pressing)
    for _ in range(600):
        intent = player(world)
        assert world.step(intent) == back.step(intent)
    assert (back.player.x, back.player.y) == (world.player.x, world.player.y)


def test_a_field_added_later_is_saved_without_anyone_listing_it():
    world, _ = garage_played(30)
    world.new_thing = {"count": 3}
    world.doors.new_thing = [1, 2]
    back = World.restore(world.level, world.seed, world.snapshot())
    assert back.new_thing == {"count": 3} and back.doors.new_thing == [1, 2]


def test_what_the_parts_call_static_does_not_change_in_play():
    played, _ = garage_played(1900)
    fresh = World(played.level, played.seed)
    for name, part in played._parts().items():
        other = fresh._parts()[name]
        for field in getattr(part, "STATIC", ()):  # (physics: pymunk keeps its state)
            value = vars(part).get(field)
            data = isinstance(value, (int, float, str, tuple, frozenset, dict, list)) and field != "checkpoint"
            if data and not (isinstance(value, dict) and any(map(callable, value.values()))):
                assert plain(value) == plain(vars(other).get(field)), f"{name}.{field} changed in play"


def test_the_snapshot_is_a_copy_not_a_view():
    world, player = garage_played(200)
    snap = world.snapshot()
    before = plain(snap)
    for _ in range(300):
        world.step(player(world))
    assert plain(snap) == before
    World.restore(world.level, world.seed, snap).step(Intent((1.0, 0.0)))
    assert plain(snap) == before
