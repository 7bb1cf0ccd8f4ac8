"""Simulation: ticks per second of `World.step` with the full AI, and of the reference tick (the
floor any design must pay on a map: the physics step and one line of sight per guard), for an
idle and a wandering Jesse."""

from __future__ import annotations

import math

from game.sim import idle_player, wander_player
from game.world.tuning import DT, TICK_RATE
from game.world.world import World

from . import SEED
from .timing import CLOCK, best_rate

PLAYERS = {"idle": lambda seed: idle_player, "wander": wander_player}


def sim_run(level, make_player, ticks: int, seed: int = SEED) -> tuple[int, float]:
    """(ticks, seconds) spent stepping the world, the player included. When Jesse is caught a
    fresh world carries on, as a player would; building it is not counted (load time is)."""
    world, player = World(level, seed), make_player(seed)
    rebuilding = 0.0
    start = CLOCK()
    for n in range(ticks):
        world.step(player(world))
        if world.outcome is not None:
            began = CLOCK()
            world, player = World(level, seed + n), make_player(seed + n)
            rebuilding += CLOCK() - began
    return ticks, CLOCK() - start - rebuilding


def velocity_of(intent, world) -> tuple[float, float]:
    """Jesse's wanted velocity for an intent, as World.step works it out (near enough)."""
    mx, my = intent.move
    push = math.hypot(mx, my)
    if push < 1e-3:
        return 0.0, 0.0
    t = world.tuning
    pace = t.sprint_speed if intent.sprint and not intent.sneak else t.sneak_speed if intent.sneak else t.walk_speed
    speed = pace * world.tile * min(1.0, push)
    return mx / push * speed, my / push * speed


def reference_run(level, make_player, ticks: int, seed: int = SEED) -> tuple[int, float]:
    """(ticks, seconds) of the floor: the physics step and one line of sight per guard.

    Uses the World's own physics and grid; the guards stand where they start."""
    world, player = World(level, seed), make_player(seed)
    physics, los = world.physics, world.grid.line_of_sight
    eyes = [(g.x, g.y) for g in world.guards]
    seen = 0
    start = CLOCK()
    for _ in range(ticks):
        physics.set_velocity(*velocity_of(player(world), world))
        physics.step(DT)
        px, py = physics.position
        for gx, gy in eyes:
            seen += los(gx, gy, px, py)
    return ticks, CLOCK() - start


def bench_sim(level, ticks: int, repeats: int) -> dict:
    """Full AI and reference rates for each player; the worst figures are the map's."""
    out = {}
    for name, make in PLAYERS.items():
        full = best_rate(lambda: sim_run(level, make, ticks), repeats)
        ref = best_rate(lambda: reference_run(level, make, ticks), repeats)
        out[name] = {"tps": round(full), "ref_tps": round(ref), "ratio": round(full / ref, 3)}
    slowest = min(out.values(), key=lambda r: r["tps"])
    return {"players": out, "tps": slowest["tps"], "x_realtime": round(slowest["tps"] / TICK_RATE),
            "ref_tps": slowest["ref_tps"], "ratio": min(r["ratio"] for r in out.values())}
