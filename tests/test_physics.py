"""Jesse collides with walls through pymunk: no sinking, no tunnelling."""

import math

import pytest

from game.world.intent import Intent
from game.world.level import load_level
from game.world.world import World


def penetration(world: World) -> float:
    """How deep Jesse's circle is inside the nearest wall rectangle (0 if outside)."""
    px, py = world.player.x, world.player.y
    r = world.physics.radius
    worst = 0.0
    for x, y, w, h in world.level.walls:
        dx = max(x - px, 0.0, px - (x + w))
        dy = max(y - py, 0.0, py - (y + h))
        inside = x < px < x + w and y < py < y + h
        depth = r + min(px - x, x + w - px, py - y, y + h - py) if inside else r - math.hypot(dx, dy)
        worst = max(worst, depth)
    return worst


def gap_to_nearest_wall(world: World) -> float:
    px, py = world.player.x, world.player.y
    best = math.inf
    for x, y, w, h in world.level.walls:
        dx = max(x - px, 0.0, px - (x + w))
        dy = max(y - py, 0.0, py - (y + h))
        best = min(best, math.hypot(dx, dy) - world.physics.radius)
    return best


@pytest.mark.parametrize("direction", [(1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, -1), (0.8, -0.3), (-0.3, 0.9)])
def test_sprinting_into_walls_never_overlaps_and_ends_against_them(room_map, direction):
    world = World(load_level(room_map))
    for _ in range(5 * 60):
        world.step(Intent(direction, sprint=True))
        assert penetration(world) <= 0.06, f"sank {penetration(world):.3f} px into a wall at tick {world.tick}"
    assert gap_to_nearest_wall(world) < 0.5, "Jesse should end pressed against the wall"


def test_sprint_is_faster_than_walk_and_walk_faster_than_sneak(room_map):
    def distance(intent):
        world = World(load_level(room_map))
        x0 = world.player.x
        for _ in range(20):
            world.step(intent)
        return world.player.x - x0

    sneak, walk, sprint = (distance(Intent((1, 0), sneak=True)), distance(Intent((1, 0))),
                           distance(Intent((1, 0), sprint=True)))
    assert 0 < sneak < walk < sprint


def test_standing_still_stays_put(room_map):
    world = World(load_level(room_map))
    start = (world.player.x, world.player.y)
    for _ in range(120):
        world.step(Intent())
    assert (world.player.x, world.player.y) == pytest.approx(start)
