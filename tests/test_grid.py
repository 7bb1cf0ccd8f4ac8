"""Behaviour tests for game.world.grid: sight, rays, the view polygon, paths, walking distance."""

import math
import random
import subprocess
import sys

import numpy as np
import pytest

from game.world.grid import Grid
from game.world.navigation import WALKER_RADIUS

T = 32


def make(*lines: str, tile: int = T) -> Grid:
    """A grid from ASCII rows: '#' = wall, anything else = open."""
    return Grid(np.array([[ch == "#" for ch in line] for line in lines], dtype=bool), tile)


def c(col: float, row: float) -> tuple[float, float]:
    """Centre of a cell in px."""
    return ((col + 0.5) * T, (row + 0.5) * T)


OPEN = make(*["." * 12] * 9)

PILLARS = make(
    "################",
    "#..............#",
    "#..##......#...#",
    "#..##..........#",
    "#.......#......#",
    "#.....#..#.....#",
    "#......#.......#",
    "#..#...........#",
    "#..#....###....#",
    "#..............#",
    "#....#.......#.#",
    "################",
)

# noise behind a wall: (1,1) and (1,3) are 2 tiles apart, the only way round is the gap at col 5
U_TURN = make(
    "#########",
    "#.......#",
    "#####.###",
    "#.......#",
    "#########",
)


# ---------------------------------------------------------------- reference geometry


def _segment_hits_open_box(x0, y0, x1, y1, bx0, by0, bx1, by1) -> bool:
    """Does the segment meet the interior of the box? (Liang-Barsky on the open box)"""
    t0, t1 = 0.0, 1.0
    dx, dy = x1 - x0, y1 - y0
    for p, q in ((-dx, x0 - bx0), (dx, bx1 - x0), (-dy, y0 - by0), (dy, by1 - y0)):
        if p == 0:
            if q <= 0:
                return False
        else:
            r = q / p
            if p < 0:
                t0 = max(t0, r)
            else:
                t1 = min(t1, r)
    return t0 < t1


def reference_los(g: Grid, x0, y0, x1, y1) -> bool:
    for x, y in ((x0, y0), (x1, y1)):
        if g.is_opaque_cell(int(x // g.tile), int(y // g.tile)):
            return False
    t = g.tile
    for r in range(-1, g.rows + 1):
        for col in range(-1, g.cols + 1):
            if g.is_opaque_cell(col, r) and _segment_hits_open_box(
                x0, y0, x1, y1, col * t, r * t, (col + 1) * t, (r + 1) * t
            ):
                return False
    return True


def wall_distance(g: Grid, x: float, y: float) -> float:
    """Distance from a point to the nearest opaque cell (map border included)."""
    t = g.tile
    best = math.inf
    for r in range(-1, g.rows + 1):
        for col in range(-1, g.cols + 1):
            if g.is_opaque_cell(col, r):
                dx = max(col * t - x, 0.0, x - (col + 1) * t)
                dy = max(r * t - y, 0.0, y - (r + 1) * t)
                best = min(best, math.hypot(dx, dy))
    return best


def inside_polygon(px: np.ndarray, py: np.ndarray, poly) -> np.ndarray:
    xs = np.array([p[0] for p in poly])
    ys = np.array([p[1] for p in poly])
    x2, y2 = np.roll(xs, -1), np.roll(ys, -1)
    inside = np.zeros(px.shape, bool)
    for ax, ay, bx, by in zip(xs, ys, x2, y2):
        crosses = (ay > py) != (by > py)
        with np.errstate(divide="ignore", invalid="ignore"):
            xint = ax + (py - ay) * (bx - ax) / (by - ay)
        inside ^= crosses & (px < xint)
    return inside


def distance_to_polygon_edges(px: np.ndarray, py: np.ndarray, poly) -> np.ndarray:
    best = np.full(px.shape, np.inf)
    n = len(poly)
    for k in range(n):
        ax, ay = poly[k]
        bx, by = poly[(k + 1) % n]
        dx, dy = bx - ax, by - ay
        L2 = dx * dx + dy * dy
        if L2 == 0:
            d = np.hypot(px - ax, py - ay)
        else:
            s = np.clip(((px - ax) * dx + (py - ay) * dy) / L2, 0.0, 1.0)
            d = np.hypot(px - (ax + s * dx), py - (ay + s * dy))
        best = np.minimum(best, d)
    return best


def angle_diff(a: float, b: float) -> float:
    return (a - b + math.pi) % (2 * math.pi) - math.pi


# ---------------------------------------------------------------- cells


def test_cells_and_out_of_bounds():
    g = make("..#", "...")
    assert (g.rows, g.cols, g.tile) == (2, 3, T)
    assert g.is_solid_cell(2, 0) and not g.is_solid_cell(1, 0)
    assert g.is_solid_cell(-1, 0) and g.is_solid_cell(3, 0) and g.is_solid_cell(0, 2)
    assert g.is_solid_at(2 * T + 0.5, 5.0) and not g.is_solid_at(2 * T - 0.01, 5.0)
    assert g.is_solid_at(-0.01, 5.0) and g.is_solid_at(5.0, 2 * T)  # outside the map
    assert not g.is_solid_at(0.0, 0.0)


# ---------------------------------------------------------------- line of sight


def test_los_clear_in_open_space():
    assert OPEN.line_of_sight(*c(0, 0), *c(11, 8))
    assert OPEN.line_of_sight(*c(3, 4), *c(3, 4))
    assert OPEN.line_of_sight(1.0, 1.0, 12 * T - 1.0, 1.0)


def test_los_blocked_by_wall():
    g = make(
        ".......",
        "...#...",
        ".......",
    )
    assert not g.line_of_sight(*c(0, 1), *c(6, 1))  # straight through the wall
    assert not g.line_of_sight(*c(3, 0), *c(3, 2))  # vertical through it
    assert g.line_of_sight(*c(0, 0), *c(6, 0))  # the row above is clear
    assert not g.line_of_sight(*c(0, 1), *c(3, 1))  # ending inside the wall
    assert not g.line_of_sight(*c(3, 1), *c(6, 1))  # starting inside it


def test_los_grazing_a_wall_corner():
    g = make(
        "....",
        ".#..",
        "....",
    )
    # the wall cell is [32,64) x [32,64); its top-right corner is (64, 32). A 45-degree line
    # passing 0.1 px inside that corner clips a tiny triangle of the wall: blocked
    assert _segment_hits_open_box(40, 8.1, 100, 68.1, 32, 32, 64, 64)
    assert not g.line_of_sight(40, 8.1, 100, 68.1)
    assert not g.line_of_sight(100, 68.1, 40, 8.1)
    # the same line 0.1 px outside the corner: clear
    assert not _segment_hits_open_box(40, 7.9, 100, 67.9, 32, 32, 64, 64)
    assert g.line_of_sight(40, 7.9, 100, 67.9)
    assert g.line_of_sight(100, 67.9, 40, 7.9)
    # running exactly along a wall face is not inside the wall
    assert g.line_of_sight(0.0, 32.0 - 1e-9, 127.0, 32.0 - 1e-9)
    assert g.line_of_sight(64.0, 0.0, 64.0, 95.0)


def test_los_diagonal_gap_between_wall_tiles_is_closed():
    g = make(
        ".#.",
        "#..",
        "...",
    )
    # from (0,0) to (1,1) the segment passes exactly through the corner between two wall tiles
    assert not g.line_of_sight(*c(0, 0), *c(1, 1))
    assert not g.line_of_sight(*c(1, 1), *c(0, 0))
    assert g.line_of_sight(*c(1, 1), *c(2, 2))  # a corner with open cells around it is fine


def test_los_outside_the_map_is_blocked():
    assert not OPEN.line_of_sight(-1.0, 10.0, 50.0, 10.0)
    assert not OPEN.line_of_sight(10.0, 10.0, 10.0, 9 * T + 3.0)


def test_los_matches_exact_reference_and_is_symmetric():
    rng = random.Random(1234)
    for _ in range(20):
        solid = np.array([[rng.random() < 0.25 for _ in range(10)] for _ in range(8)])
        g = Grid(solid, T)
        for _ in range(150):
            x0, y0 = rng.uniform(0, 10 * T), rng.uniform(0, 8 * T)
            x1, y1 = rng.uniform(0, 10 * T), rng.uniform(0, 8 * T)
            kind = rng.random()
            if kind < 0.2:
                y1 = y0 + rng.uniform(-20, 20)  # nearly horizontal
            elif kind < 0.4:
                x1 = x0 + rng.uniform(-20, 20)  # nearly vertical
            elif kind < 0.5:
                x1, y1 = x0, rng.uniform(0, 8 * T)  # exactly vertical
            elif kind < 0.6:
                y1 = y0  # exactly horizontal
            expected = reference_los(g, x0, y0, x1, y1)
            assert g.line_of_sight(x0, y0, x1, y1) == expected, (x0, y0, x1, y1)
            assert g.line_of_sight(x1, y1, x0, y0) == expected, (x1, y1, x0, y0)


# ---------------------------------------------------------------- cast_ray


def test_cast_ray_exact_against_axis_aligned_walls():
    g = make(
        "########",
        "#......#",
        "#......#",
        "#...#..#",
        "#......#",
        "########",
    )
    x, y = 48.0, 80.0  # in cell (1, 2)
    assert g.cast_ray(x, y, 0.0, 1000.0) == pytest.approx(7 * T - x)  # east wall face at x=224
    assert g.cast_ray(x, y, math.pi, 1000.0) == pytest.approx(x - T)  # west wall face at x=32
    assert g.cast_ray(x, y, -math.pi / 2, 1000.0) == pytest.approx(y - T)  # north face y=32
    assert g.cast_ray(x, y, math.pi / 2, 1000.0) == pytest.approx(5 * T - y)  # south face y=160
    # oblique rays, distance = dx / cos(angle): at 20 degrees to the pillar's west face (x=128),
    # at -10 degrees to the east wall (x=224)
    a = math.radians(20)
    assert g.cast_ray(x, y, a, 1000.0) == pytest.approx((4 * T - x) / math.cos(a))
    a = math.radians(-10)
    assert g.cast_ray(x, y, a, 1000.0) == pytest.approx((7 * T - x) / math.cos(a))
    # max_dist caps it
    assert g.cast_ray(x, y, 0.0, 50.0) == 50.0
    # from inside a wall: 0
    assert g.cast_ray(10.0, 10.0, 0.0, 100.0) == 0.0


def test_cast_ray_agrees_with_line_of_sight():
    rng = random.Random(99)
    g = PILLARS
    checked = 0
    for _ in range(2000):
        x, y = rng.uniform(T, 15 * T), rng.uniform(T, 11 * T)
        if not g.is_walkable_at(x, y):
            continue
        a = rng.uniform(-math.pi, math.pi)
        d = g.cast_ray(x, y, a, 300.0)
        assert 0.0 <= d <= 300.0
        if d > 1.0:
            s = d - 0.5
            assert g.line_of_sight(x, y, x + s * math.cos(a), y + s * math.sin(a))
        if d < 299.0:
            s = d + 0.5
            assert not g.line_of_sight(x, y, x + s * math.cos(a), y + s * math.sin(a))
        checked += 1
    assert checked > 1000


# ---------------------------------------------------------------- visibility polygon


@pytest.mark.parametrize(
    "viewer",
    [
        (c(6, 3), 0.3, math.radians(45), 8 * T),
        (c(7, 4), 0.3, math.radians(45), 8 * T),  # right in front of a pillar
        (c(1.2, 1.3), math.radians(40), math.radians(45), 10 * T),
        (c(9.5, 6.5), math.radians(200), math.radians(60), 6 * T),
        (c(5, 7), math.radians(-90), math.radians(30), 8 * T),
        (c(6.3, 3.8), 1.0, math.pi, 6 * T),  # full circle
        (c(2, 9), 0.0, math.radians(179), 12 * T),
    ],
)
def test_visibility_polygon_agrees_with_line_of_sight(viewer):
    (x, y), facing, half, radius = viewer
    g = PILLARS
    poly = g.visibility_polygon(x, y, facing, half, radius)
    rng = np.random.default_rng(2024)
    n = 4000  # half uniform around the viewer, half concentrated in (and just around) the cone
    px = rng.uniform(x - radius - 8, x + radius + 8, n)
    py = rng.uniform(y - radius - 8, y + radius + 8, n)
    m = n // 2
    ang = facing + rng.uniform(-1.1, 1.1, m) * min(half + 0.1, math.pi)
    dist = radius * 1.05 * np.sqrt(rng.uniform(0.0, 1.0, m))
    px[:m] = x + dist * np.cos(ang)
    py[:m] = y + dist * np.sin(ang)
    inside = inside_polygon(px, py, poly)
    margin = distance_to_polygon_edges(px, py, poly)
    counts = {True: 0, False: 0}
    for k in range(n):
        if margin[k] <= 1.0:
            continue  # too close to the drawn edge to judge
        dx, dy = px[k] - x, py[k] - y
        in_cone = math.hypot(dx, dy) <= radius and (
            half >= math.pi or abs(angle_diff(math.atan2(dy, dx), facing)) <= half
        )
        seen = in_cone and g.line_of_sight(x, y, px[k], py[k])
        assert bool(inside[k]) == seen, (px[k], py[k], bool(inside[k]), seen)
        counts[seen] += 1
    assert counts[True] > 50 and counts[False] > 200  # both sides really exercised


def test_visibility_cone_respects_angle_and_radius():
    g = OPEN
    x, y = c(6, 4)
    facing, half, radius = math.pi / 2, math.radians(30), 3 * T  # looking down the screen
    poly = g.visibility_polygon(x, y, facing, half, radius)
    assert poly[0] == (x, y)
    angles = [math.atan2(py - y, px - x) for px, py in poly[1:]]
    rel = [angle_diff(a, facing) for a in angles]
    assert rel == sorted(rel)  # increasing angle
    assert rel[0] == pytest.approx(-half) and rel[-1] == pytest.approx(half)
    assert all(abs(r) <= half + 1e-9 for r in rel)
    for px, py in poly[1:]:  # open space: every ray runs to the full radius
        assert math.hypot(px - x, py - y) == pytest.approx(radius)
    assert len(poly) - 1 >= math.ceil(60 / 3) + 1  # a ray at least every 3 degrees
    # below (inside the cone) vs above, to the side, and too far
    probe = inside_polygon(
        np.array([x, x, x + 2 * T, x]), np.array([y + 2 * T, y - 2 * T, y, y + 3.5 * T]), poly
    )
    assert probe.tolist() == [True, False, False, False]


def test_visibility_full_circle_has_no_origin_and_is_ordered():
    g = PILLARS
    x, y = c(6, 3)
    poly = g.visibility_polygon(x, y, 0.5, math.pi, 5 * T)
    assert (x, y) not in poly
    rel = [angle_diff(math.atan2(py - y, px - x), 0.5) for px, py in poly]
    assert all(-math.pi - 1e-9 <= r < math.pi for r in rel)
    assert rel == sorted(rel)
    assert len(poly) >= 120


def test_visibility_polygon_has_crisp_wall_corners():
    g = PILLARS
    x, y = c(7, 4)
    poly = g.visibility_polygon(x, y, -math.pi / 2, math.pi, 8 * T)
    # the pillar at cells (3..4, 2..3) has its bottom-right corner at (160, 128):
    # the polygon has vertices within 0.1 px of it (the rays aimed either side)
    near = [p for p in poly if math.hypot(p[0] - 160, p[1] - 128) < 0.1]
    assert len(near) >= 1


# ---------------------------------------------------------------- paths


def _assert_path_ok(g: Grid, start, path, radius=10.0):
    pts = [start, *path]
    for (ax, ay), (bx, by) in zip(pts, pts[1:]):
        assert g.line_of_sight(ax, ay, bx, by), ((ax, ay), (bx, by))
        # a 10 px walker following the segment never overlaps a wall
        L = math.hypot(bx - ax, by - ay)
        for k in range(int(L) + 1):
            s = k / max(L, 1e-9)
            assert wall_distance(g, ax + s * (bx - ax), ay + s * (by - ay)) >= radius - 1e-6


def path_length(start, path):
    pts = [start, *path]
    return sum(math.dist(a, b) for a, b in zip(pts, pts[1:]))


def test_find_path_goes_around_a_wall():
    g = make(
        "#########",
        "#.......#",
        "#.......#",
        "#...#...#",
        "#...#...#",
        "#...#...#",
        "#.......#",
        "#########",
    )
    start, goal = c(2, 4), (6.5 * T + 3.0, 4.5 * T - 2.0)
    assert not g.line_of_sight(*start, *goal)
    path = g.find_path(start, goal)
    assert path is not None and len(path) >= 2
    assert path[-1] == goal  # ends at the exact goal point
    assert path_length(start, path) > math.dist(start, goal)
    _assert_path_ok(g, start, path)


def test_find_path_unreachable_goal_is_none():
    g = make(
        "#######",
        "#.....#",
        "#..####",
        "#..#..#",
        "#..####",
        "#######",
    )
    assert g.find_path(c(1, 1), c(4, 3)) is None


def test_find_path_never_squeezes_through_a_diagonal_gap():
    g = make(
        "#####",
        "#.#.#",
        "##..#",
        "#####",
    )
    # (1,1) touches the rest only through the corner between walls (2,1) and (1,2)
    assert g.find_path(c(1, 1), c(3, 2)) is None
    assert g.distance_field(*c(1, 1), 10 * T) == {(1, 1): 0.0}


def test_find_path_does_not_cut_corners():
    g = make(
        "#######",
        "#.....#",
        "#.###.#",
        "#.#...#",
        "#.#.###",
        "#.....#",
        "#######",
    )
    start, goal = c(3, 3), c(5, 5)
    path = g.find_path(start, goal)
    assert path is not None
    _assert_path_ok(g, start, path)
    # around the L: up to row 1, down the left corridor, across row 5
    # the straight line to the goal would clip the wall (4, 4): the walker turns at (3, 5)
    assert not g.line_of_sight(*start, *goal)
    assert path == [c(3, 5), goal]


def test_find_path_never_crosses_walls_random():
    rng = random.Random(5)
    g = PILLARS
    opens = [(col, r) for r in range(g.rows) for col in range(g.cols) if g.is_walkable_cell(col, r)]
    for _ in range(60):
        a, b = c(*rng.choice(opens)), c(*rng.choice(opens))
        path = g.find_path(a, b)
        assert path is not None  # PILLARS is connected
        assert path[-1] == b
        _assert_path_ok(g, a, path)
        # never much longer than the 8-connected grid distance, never shorter than straight
        assert path_length(a, path) >= math.dist(a, b) - 1e-9


def test_find_path_arbitrary_points_never_cross_walls():
    rng = random.Random(11)
    g = PILLARS
    for _ in range(100):
        a = (rng.uniform(T, 15 * T), rng.uniform(T, 11 * T))
        b = (rng.uniform(T, 15 * T), rng.uniform(T, 11 * T))
        if not (g.is_walkable_at(*a) and g.is_walkable_at(*b)):
            continue
        path = g.find_path(a, b)
        end = g.room_for(*b, WALKER_RADIUS)  # b, or as near it as a body fits
        assert path and path[-1] == end and math.dist(end, b) <= WALKER_RADIUS * math.sqrt(2)
        pts = [a, *path]
        for p, q in zip(pts, pts[1:]):
            assert g.line_of_sight(*p, *q)


def test_find_path_same_cell_and_snapping():
    g = make(
        "#####",
        "#...#",
        "#.#.#",
        "#####",
    )
    assert g.find_path(c(1, 1), (44.0, 50.0)) == [(44.0, 50.0)]  # same cell: just the goal
    assert g.find_path(c(1, 1), (40.0, 50.0)) == [(42.0, 50.0)]  # ... where a body fits
    # both ends snapped to the same cell
    assert g.find_path((2.5 * T, 2.9 * T), (2.45 * T, 2.8 * T)) == [c(1, 2)]
    # goal inside the wall (2,2): snapped to the nearest walkable cell's centre
    path = g.find_path(c(1, 1), (2.5 * T, 2.9 * T))
    assert path is not None and path[-1] in (c(1, 2), c(3, 2), c(2, 1))
    # start inside a wall: the path starts at the snapped cell centre
    path = g.find_path((2.5 * T, 2.9 * T), c(3, 1))
    assert path is not None and path[-1] == c(3, 1)
    assert g.is_walkable_at(*path[0])


def test_nearest_walkable():
    g = make(
        "#####",
        "#..##",
        "#####",
    )
    assert g.nearest_walkable(*c(1, 1)) == (1, 1)
    assert g.nearest_walkable(*c(4, 1)) == (2, 1)
    assert g.nearest_walkable(1.2 * T, 0.1 * T) == (1, 1)
    assert g.nearest_walkable(-100.0, -100.0) == (1, 1)
    assert make("##", "##").nearest_walkable(10.0, 10.0) is None


# ---------------------------------------------------------------- hearing distance


def test_distance_field_walks_around_a_wall():
    g = U_TURN
    noise, guard = c(1, 1), c(1, 3)
    assert math.dist(noise, guard) == pytest.approx(2 * T)  # straight: 2 tiles
    field = g.distance_field(*noise, 20 * T)
    assert field[(1, 3)] == pytest.approx(10 * T)  # walking: 10 tiles round the gap
    assert field[(1, 1)] == 0.0
    assert g.walk_distance(noise, guard, 20 * T) == pytest.approx(10 * T)
    assert g.walk_distance(guard, noise, 20 * T) == pytest.approx(10 * T)
    # a noise of radius 5 tiles is not heard behind the wall; 12 tiles is
    assert g.walk_distance(noise, guard, 5 * T) == math.inf
    assert (1, 3) not in g.distance_field(*noise, 5 * T)
    assert g.walk_distance(noise, guard, 12 * T) <= 12 * T


def test_distance_field_costs_and_limit():
    g = OPEN
    field = g.distance_field(*c(0, 0), 5 * T)
    assert field[(3, 3)] == pytest.approx(3 * T * math.sqrt(2))
    assert field[(3, 0)] == pytest.approx(3 * T)
    assert field[(4, 1)] == pytest.approx(3 * T + T * math.sqrt(2))
    assert field[(5, 0)] == pytest.approx(5 * T)
    assert all(d <= 5 * T + 1e-9 for d in field.values())
    assert (6, 0) not in field and (4, 3) not in field  # 5 and 1+3*sqrt(2) tiles
    assert OPEN.walk_distance(c(0, 0), c(5, 0), 4 * T) == math.inf


def test_walk_distance_matches_distance_field():
    g = PILLARS
    src = c(7, 4)
    field = g.distance_field(*src, 12 * T)
    for r in range(g.rows):
        for col in range(g.cols):
            d = g.walk_distance(src, c(col, r), 12 * T)
            if (col, r) in field:
                assert d == pytest.approx(field[(col, r)])
            else:
                assert d == math.inf


# ---------------------------------------------------------------- doors


def test_set_blocked_door_is_opaque_and_unwalkable_and_unblocking_restores():
    g = make(
        "#######",
        "#.....#",
        "###.###",
        "#.....#",
        "#######",
    )
    door = [(3, 2)]
    a, b = c(3, 1), c(3, 3)
    path_before = g.find_path(a, b)
    poly_before = g.visibility_polygon(*a, math.pi / 2, math.radians(45), 6 * T)
    field_before = g.distance_field(*a, 10 * T)
    assert g.line_of_sight(*a, *b) and path_before is not None
    v = g.version

    g.set_blocked(door, True)
    assert g.version > v
    assert g.is_blocked_cell(3, 2) and g.is_opaque_cell(3, 2) and not g.is_walkable_cell(3, 2)
    assert not g.line_of_sight(*a, *b)
    assert g.cast_ray(*a, math.pi / 2, 6 * T) == pytest.approx(2 * T - a[1])
    assert g.find_path(a, b) is None
    assert (3, 3) not in g.distance_field(*a, 10 * T)
    assert g.walk_distance(a, b, 10 * T) == math.inf
    poly_closed = g.visibility_polygon(*a, math.pi / 2, math.radians(45), 6 * T)
    assert max(py for _, py in poly_closed) <= 2 * T + 1e-6

    g.set_blocked(door, False)
    assert not g.is_blocked_cell(3, 2) and g.is_walkable_cell(3, 2)
    assert g.line_of_sight(*a, *b)
    assert g.find_path(a, b) == path_before
    assert g.visibility_polygon(*a, math.pi / 2, math.radians(45), 6 * T) == poly_before
    assert g.distance_field(*a, 10 * T) == field_before


def test_unblocking_a_wall_keeps_it_solid():
    g = make("...", ".#.", "...")
    g.set_blocked([(1, 1), (9, 9)], True)  # out of bounds ignored
    g.set_blocked([(1, 1)], False)
    assert g.is_solid_cell(1, 1) and g.is_opaque_cell(1, 1)
    assert not g.line_of_sight(*c(0, 1), *c(2, 1))


def test_set_blocked_can_reroute():
    g = make(
        "#######",
        "#.....#",
        "#.###.#",
        "#.....#",
        "#######",
    )
    a, b = c(1, 1), c(1, 3)
    short = g.find_path(a, b)
    g.set_blocked([(1, 2)], True)
    longer = g.find_path(a, b)
    assert longer is not None and path_length(a, longer) > path_length(a, short) + 4 * T
    _assert_path_ok(g, a, longer)


# ---------------------------------------------------------------- determinism and purity


def test_deterministic():
    make_pillars = lambda: Grid(PILLARS.solid, T)  # noqa: E731
    g1, g2 = make_pillars(), make_pillars()
    for g in (g1, g2):
        g.set_blocked([(8, 2)], True)
    calls = [
        lambda g: g.find_path(c(1, 1), c(14, 10)),
        lambda g: g.find_path(c(14, 1), c(1, 10)),
        lambda g: g.visibility_polygon(*c(7, 4), 0.7, math.radians(45), 8 * T),
        lambda g: g.visibility_polygon(*c(7, 4), 0.7, math.pi, 8 * T),
        lambda g: g.distance_field(*c(7, 4), 12 * T),
        lambda g: g.nearest_walkable(*c(3, 2)),
        lambda g: [g.cast_ray(*c(7, 4), k * 0.1, 300) for k in range(63)],
    ]
    for call in calls:
        first = call(g1)
        assert call(g1) == first
        assert call(g2) == first


@pytest.mark.parametrize("module", ["grid", "sightlines", "navigation"])
def test_module_does_not_import_pygame_or_clock(module):
    code = (
        f"import sys, game.world.{module} as m;"
        "print('pygame' in sys.modules, hasattr(m, 'time'), hasattr(m, 'random'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False", "False"]


def _clearance(g: Grid, x: float, y: float) -> float:
    """Distance from the point to the nearest opaque cell (or the map's edge)."""
    c0, r0 = g.cell_of(x, y)
    best = math.inf
    for r in range(r0 - 2, r0 + 3):
        for col in range(c0 - 2, c0 + 3):
            if g.is_opaque_cell(col, r):
                nx = min(max(x, col * T), (col + 1) * T)
                ny = min(max(y, r * T), (r + 1) * T)
                best = min(best, math.hypot(x - nx, y - ny))
    return best


def test_room_for_moves_a_point_just_clear_of_walls_and_corners():
    g = make(
        "#####",
        "#...#",
        "#.#.#",
        "#...#",
        "#####",
    )
    r = WALKER_RADIUS
    assert g.room_for(48.0, 48.0, r) == (48.0, 48.0)  # a cell centre: clear already
    assert g.room_for(36.0, 48.0, r) == (42.0, 48.0)  # against a wall: pushed straight out
    x, y = g.room_for(33.0, 33.0, r)  # an inner corner: out of both walls
    assert (x, y) == pytest.approx((42.0, 42.0))
    x, y = g.room_for(62.0, 62.0, r)  # by the pillar's corner: pushed out along the diagonal
    assert _clearance(g, x, y) == pytest.approx(r) and math.dist((x, y), (62.0, 62.0)) < r
    assert g.room_for(80.0, 80.0, r) == (80.0, 80.0)  # inside the pillar: left alone
    rng = random.Random(5)
    for _ in range(300):  # any walkable point: clear afterwards, moved by r at most (r*sqrt2 in a corner)
        p = (rng.uniform(T, 4 * T), rng.uniform(T, 4 * T))
        if g.is_walkable_at(*p):
            q = g.room_for(*p, r)
            assert _clearance(g, *q) >= r - 1e-9 and math.dist(p, q) <= r * math.sqrt(2) + 1e-9
