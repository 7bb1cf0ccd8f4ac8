"""Sight through gaps: a guard sees through a gap at least `sight.SLIT` wide, never through a
slit between two walls' corners; and the cones drawn are exactly what `sees` says.

Geometry on small grids (no window); the whole-game case is tests/test_ai.py's slit scenario.
"""

import math
import random
from types import SimpleNamespace as NS

import numpy as np
import pytest

from game.render.cones import ConeRenderer
from game.world.sight import SLIT, opened, sees, sight_polygon
from grids import PILLARS, T, make_grid


# Two blocks whose corners (256, 160) and (192, 192) line up with an eye on the line through
# them (y = 160 - (x - 256) / 2); a little below it the gap between them is a slit.
SLIT_MAP = [
    "###############",
    "#.............#",
    "#.....##......#",
    "#.....##......#",
    "#.....##......#",
    "#.............#",
    "#.....#####...#",
    "#.....#####...#",
    "#.............#",
    "###############",
]



def through_the_slit(drop: float):
    """An eye `drop` px below the corners' line, and a point beyond both corners on the ray
    through the middle of the gap between them."""
    eye = (384.0, 96.0 + drop)
    mid = (224.0, 176.0)
    return eye, (eye[0] + 1.3 * (mid[0] - eye[0]), eye[1] + 1.3 * (mid[1] - eye[1]))


@pytest.mark.parametrize("drop", [0.1, 0.5, 2.0])
def test_a_bare_ray_threads_a_slit_a_guard_does_not_see_through_it(drop):
    grid = make_grid(*SLIT_MAP)
    eye, point = through_the_slit(drop)
    assert grid.line_of_sight(*eye, *point)
    assert not sees(grid, *eye, *point)


def test_a_gap_wider_than_the_slit_angle_is_seen_through():
    grid = make_grid(*SLIT_MAP)
    eye, point = through_the_slit(16.0)  # half a tile below the line: a gap of several degrees
    assert grid.line_of_sight(*eye, *point)
    assert sees(grid, *eye, *point)


def test_open_ground_and_a_doorway_are_seen_as_bare_rays_see_them():
    grid = make_grid(
        "##########",
        "#........#",
        "#........#",
        "####.#####",
        "#........#",
        "#........#",
        "##########",
    )
    assert sees(grid, 48, 48, 280, 80)  # across an open room
    assert sees(grid, 144, 48, 144, 176)  # straight through a one-tile doorway
    assert not sees(grid, 48, 48, 280, 176)  # a wall between


def test_opening_closes_a_spike_narrower_than_the_window_and_keeps_a_wider_one():
    a = [0.0, 0.1, 0.2, 0.2001, 0.2002, 0.2003, 0.3, 0.4]
    d = [100.0, 100.0, 50.0, 50.0, 300.0, 50.0, 100.0, 100.0]
    assert opened(a, d).tolist() == [100.0, 100.0, 50.0, 50.0, 50.0, 50.0, 100.0, 100.0]
    a = [0.0, 0.1, 0.2, 0.2001, 0.21, 0.2199, 0.22, 0.4]
    d = [100.0, 100.0, 50.0, 300.0, 300.0, 300.0, 50.0, 100.0]
    assert opened(a, d, width=0.015).tolist() == d


def _inside(poly, px, py):
    poly = np.asarray(poly)
    x0, y0 = poly[:, 0], poly[:, 1]
    x1, y1 = np.roll(x0, -1), np.roll(y0, -1)
    dy = np.where(y1 == y0, 1e-12, y1 - y0)
    crosses = ((y0[None] > py[:, None]) != (y1[None] > py[:, None])) & (
        px[:, None] < (x1 - x0)[None] * (py[:, None] - y0[None]) / dy[None] + x0[None])
    return crosses.sum(axis=1) % 2 == 1


def _edge_distance(poly, px, py):
    a = np.asarray(poly)
    ab = np.roll(a, -1, axis=0) - a
    length2 = np.maximum((ab ** 2).sum(1), 1e-12)
    p = np.stack([px, py], 1)
    t = np.clip(((p[:, None, :] - a[None]) * ab[None]).sum(2) / length2[None], 0.0, 1.0)
    nearest = a[None] + t[..., None] * ab[None]
    return np.sqrt(((p[:, None, :] - nearest) ** 2).sum(2)).min(1)


@pytest.mark.parametrize("lines", [SLIT_MAP, PILLARS], ids=["slit", "pillars"])
def test_the_cone_drawn_is_what_the_guard_sees(lines):
    """Points well inside the focus cone drawn are seen, points outside it are not: more than
    2 px from its outline, for guards anywhere, on grid lines and corners too (designers
    snap to the grid), facing anywhere."""
    grid = make_grid(*lines)
    rng = random.Random(11)
    cones = ConeRenderer()
    wrong, checked, fans = [], 0, 0
    g = NS(focus_range=10 * T, focus_half_angle=math.radians(45), peripheral_range=4 * T,
           peripheral_half_angle=math.radians(80))
    for drop in (0.5, 2.0):  # looking right down a slit, where the bare rays make a spike
        eye, point = through_the_slit(drop)
        facing = math.atan2(point[1] - eye[1], point[0] - eye[0])
        _, focus, _ = cones.polygons(grid, *eye, facing, g)
        assert not _inside(focus, np.array([point[0]]), np.array([point[1]]))[0]
    while fans < 60:
        x, y = rng.uniform(T, (grid.cols - 1) * T), rng.uniform(T, (grid.rows - 1) * T)
        if fans % 2:
            x, y = round(x / 16) * 16, round(y / 16) * 16
        if not grid.is_walkable_at(x, y):
            continue
        fans += 1
        facing = rng.uniform(-math.pi, math.pi) if fans % 3 else rng.randrange(8) * math.pi / 4
        _, focus, _ = cones.polygons(grid, x, y, facing, g)
        n = 300
        r = g.focus_range * np.sqrt(np.array([rng.random() for _ in range(n)]))
        th = facing + (np.array([rng.random() for _ in range(n)]) * 2 - 1) * g.focus_half_angle
        px, py = x + r * np.cos(th), y + r * np.sin(th)
        drawn, margin = _inside(focus, px, py), _edge_distance(focus, px, py)
        for k in range(n):
            if margin[k] > 2.0:
                checked += 1
                if bool(drawn[k]) != sees(grid, x, y, px[k], py[k]):
                    wrong.append((x, y, facing, px[k], py[k], bool(drawn[k])))
    assert checked > 5000 and not wrong, wrong[:5]


def test_a_sight_polygon_has_no_spikes():
    """No vertex of the polygon reaches far past both its neighbours within a sliver of angle:
    the shape of a slit. (The bare visibility polygon has them at the slit's eye.)"""
    grid = make_grid(*SLIT_MAP)
    eye, point = through_the_slit(2.0)  # a gap of 0.24 degrees
    facing = math.atan2(point[1] - eye[1], point[0] - eye[0])

    def spikes(poly):
        """Runs of vertices far past both vertices around them, those two a sliver of angle apart."""
        ends = poly[1:]
        dist = [math.dist(eye, p) for p in ends]
        angle = [math.atan2(p[1] - eye[1], p[0] - eye[0]) for p in ends]
        out = []
        for i in range(1, len(ends) - 1):
            for j in range(i, min(len(ends) - 1, i + 6)):
                gap = abs(angle[j + 1] - angle[i - 1])
                reach = min(dist[i:j + 1])
                if reach > max(dist[i - 1], dist[j + 1]) + 16 and gap * reach < 4:
                    out.append(ends[i:j + 1])
        return out

    assert spikes(grid.visibility_polygon(*eye, facing, math.radians(45), 320))
    assert not spikes(sight_polygon(grid, *eye, facing, math.radians(45), 320))
