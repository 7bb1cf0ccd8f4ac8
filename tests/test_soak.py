"""Soak: every shipped level played headless for a long time with a wandering input.

`game.sim.wander_player` walks Jesse at random (sneaking, walking, sprinting) and a fresh `World`
(next seed) replaces the old one whenever he is caught or finishes the level. Nothing may raise,
and the memory the simulation holds (tracemalloc, after a full garbage collection) at the end
must stay within 5% of what it held after the first game minute: no event lists, noises, paths,
pymunk spaces or old worlds piling up. (tracemalloc does not see pymunk's C allocations, so we
also check that no old `World` or pymunk `Space` outlives its restart.)

tracemalloc makes the simulation 6-10 times slower: a traced game minute costs about 1 s of CPU.
By default (CI) each level runs 5 game minutes (18,000 ticks, about 5 s of CPU per level, some
20 s for the 4 levels shipped today), comparing minute 1 to minute 5. `pytest --soak-full` runs
one hour of game time per level (216,000 ticks, about a minute of CPU per level).
"""

from __future__ import annotations

import gc
import time
import tracemalloc
import weakref

import pytest

from conftest import ROOT
from game.sim import wander_player
from game.world.level import load_level
from game.world.tuning import TICK_RATE
from game.world.world import World

SHIPPED = sorted((ROOT / "maps").glob("*.tmx"))
MINUTE = 60 * TICK_RATE
GROWTH = 0.05  # memory at the end may exceed memory after minute 1 by this fraction at most


@pytest.fixture
def minutes(request) -> int:
    return 60 if request.config.getoption("--soak-full") else 5


def _held_memory() -> int:
    gc.collect()
    return tracemalloc.get_traced_memory()[0]


@pytest.mark.soak
@pytest.mark.parametrize("path", SHIPPED, ids=[p.name for p in SHIPPED])
def test_an_hour_of_wandering_leaks_nothing(path, minutes):
    level = load_level(path)
    player = wander_player(0)
    seed, restarts, outcomes = 0, 0, {"caught": 0, "complete": 0}
    made = []  # weak references to every world and pymunk space made here
    started = time.perf_counter()
    was_tracing = tracemalloc.is_tracing()
    gc.collect()  # a full collection also empties the free lists: what the world takes is then traced
    tracemalloc.start()
    try:
        world = World(level, seed)
        made += [weakref.ref(world), weakref.ref(world.physics.space)]
        for minute in range(1, minutes + 1):
            for _ in range(MINUTE):
                world.step(player(world))  # the events are dropped, as a long-running game would
                if world.outcome is not None:
                    outcomes[world.outcome] += 1
                    restarts += 1
                    seed += 1
                    world = World(level, seed)
                    made += [weakref.ref(world), weakref.ref(world.physics.space)]
            if minute == 1:
                after_first_minute = _held_memory()
        at_end = _held_memory()
    finally:
        if not was_tracing:
            tracemalloc.stop()
    alive = sum(1 for ref in made if ref() is not None)  # after _held_memory()'s collection
    growth = at_end / after_first_minute - 1.0
    print(f"\n{path.name}: {minutes} game minutes ({minutes * MINUTE} ticks) in {time.perf_counter() - started:.1f} s, "
          f"{restarts} restarts {outcomes}; traced memory {after_first_minute / 1e6:.3f} MB after minute 1, "
          f"{at_end / 1e6:.3f} MB after minute {minutes} ({growth:+.2%})")
    assert growth <= GROWTH, f"memory grew {growth:+.1%} between minute 1 and minute {minutes}"
    assert alive == 2, f"{alive - 2} old worlds or pymunk spaces still alive after {restarts} restarts"
    assert world.tick > 0
