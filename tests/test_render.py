"""Behaviour tests for what the renderer shows of the guards' perception, and for throwing.

Headless (conftest sets SDL_VIDEODRIVER=dummy). The drawing tests use a fake world
(SimpleNamespace) with the World contract's attributes over a real Grid, drawn on a plain
background, and compare pixels with a frame drawn without the thing under test.
"""

import math
from types import SimpleNamespace as NS

import numpy as np
import pygame
import pytest

from conftest import TEST_MAPS
from grids import PILLARS, make_grid
from game.render.assets import Assets
from game.render.camera import Camera
from game.render.cones import ConeRenderer, dashed_polygon
from game.render.hud import Hud
from game.render.overlays import BADGE_LIFT, BADGE_SIZE, METER_LIFT, NOISE_TICKS, Overlays
from game.world.sight import sight_polygon
from game.world.tuning import DT

T = 32
BG = (0, 0, 0)  # black: every cone fill and outline shows up lighter than it


@pytest.fixture(scope="module")
def screen():
    pygame.init()
    surface = pygame.display.set_mode((1280, 720))
    yield surface


@pytest.fixture(scope="module")
def assets(screen):
    return Assets()


# 30 x 20 tiles (960 x 640 px), walls all round; a wall at column 14, rows 3..16.
ROOM = ["#" * 30] + ["#" + "." * 28 + "#"] * 2 + ["#" + "." * 13 + "#" + "." * 14 + "#"] * 14 \
    + ["#" + "." * 28 + "#"] * 2 + ["#" * 30]


def guard(x, y, facing=0.0, state="patrol", awareness=0.0, gid=1, focus=8 * T):
    return NS(id=gid, x=x, y=y, facing=facing, state=state, awareness=awareness, faction="crew",
              flashlight=False, focus_range=focus, focus_half_angle=math.radians(45),
              peripheral_range=4 * T, peripheral_half_angle=math.radians(80))


def fake_world(grid, guards=(), noises=(), projectiles=(), tick=0, hidden=False, throwables=3):
    player = NS(x=64.0, y=64.0, facing=0.0, pace="still", speed=0.0, hidden=hidden)
    return NS(tick=tick, grid=grid, outcome=None, player=player, guards=list(guards), noises=list(noises),
              projectiles=list(projectiles), throwables=throwables, objectives=NS(carried=lambda: []))


def camera_for(grid):
    cam = Camera(1280, 720, grid.cols * T, grid.rows * T)
    cam.follow(grid.cols * T / 2, grid.rows * T / 2)
    return cam


def grey(surface) -> np.ndarray:
    """(w, h) luminance of a surface, as the player would see it without colour."""
    rgb = pygame.surfarray.array3d(surface).astype(np.float64)
    return rgb @ np.array([0.299, 0.587, 0.114])


def draw_cones(screen, world, cones=None):
    screen.fill(BG)
    (cones or ConeRenderer()).draw(screen, camera_for(world.grid), world)
    return pygame.surfarray.array3d(screen).copy()


# ---------------------------------------------------------------------- cones

def test_cone_stops_at_the_wall(screen):
    grid = make_grid(*ROOM)
    cam = camera_for(grid)
    gx, gy = 10 * T, 10 * T  # 4 tiles left of the wall, looking straight at it (range 8 tiles)
    empty = draw_cones(screen, fake_world(grid))
    drawn = draw_cones(screen, fake_world(grid, [guard(gx, gy, 0.0)]))
    changed = np.any(drawn != empty, axis=2)
    sy = cam.to_screen(0, gy)[1]
    wall_left = cam.to_screen(14 * T, 0)[0]
    in_front = [cam.to_screen(x, 0)[0] for x in (11 * T, 12 * T, 13 * T + 16)]
    behind = range(wall_left + T + 2, cam.to_screen(gx + 8 * T, 0)[0] + 4)  # past the wall, within range
    assert all(changed[x, sy] for x in in_front)
    assert not any(changed[x, y] for x in behind for y in range(sy - 40, sy + 41))
    # The wall's own tiles stay clear too (the cone ends at its face, give or take the outline).
    assert not any(changed[x, sy] for x in range(wall_left + 3, wall_left + T))


def test_cone_covers_the_range_in_the_open_and_not_behind_the_guard(screen):
    grid = make_grid(*ROOM)
    cam = camera_for(grid)
    gx, gy = 16 * T, 10 * T  # right of the wall, looking east: open up to the border
    empty = draw_cones(screen, fake_world(grid))
    drawn = draw_cones(screen, fake_world(grid, [guard(gx, gy, 0.0)]))
    changed = np.any(drawn != empty, axis=2)
    sx, sy = cam.to_screen(gx, gy)
    assert changed[sx + 8 * T - 6, sy]  # near the tip of the focus cone
    assert not changed[sx + 8 * T + 6, sy]  # just past it
    assert not changed[sx - 5 * T, sy]  # behind: outside both zones


def test_inner_half_of_the_focus_cone_is_drawn_stronger(screen):
    """Sneaking counts for little beyond half the range: the player must see where that starts."""
    grid = make_grid(*ROOM)
    cam = camera_for(grid)
    gx, gy = 16 * T, 10 * T
    for state in ("patrol", "suspicious", "alert"):
        draw_cones(screen, fake_world(grid, [guard(gx, gy, 0.0, state)]))
        lum = grey(screen)
        sx, sy = cam.to_screen(gx, gy)
        r = 8 * T  # the fake guard's range (a real alerted guard's grows; the renderer follows it)
        inner = np.mean([lum[sx + d, sy + k] for d in range(int(r * 0.2), int(r * 0.45)) for k in (-9, 9)])
        outer = np.mean([lum[sx + d, sy + k] for d in range(int(r * 0.55), int(r * 0.8)) for k in (-9, 9)])
        assert inner > outer + 10, (state, inner, outer)


def edge_profile(lum, origin, angle, inside_normal, t_range):
    """Outline width (px) at each point along a straight cone edge: pixels much brighter than
    both the fill just inside and the background just outside."""
    ox, oy = origin
    ux, uy = math.cos(angle), math.sin(angle)
    nx, ny = inside_normal
    widths = []
    for t in t_range:
        px, py = ox + ux * t, oy + uy * t
        prof = [lum[round(px + nx * k), round(py + ny * k)] for k in range(-8, 9)]  # k > 0: inside
        ref = max(np.median(prof[-4:]), np.median(prof[:4]))
        widths.append(sum(1 for v in prof[4:-4] if v > ref + 30))
    return np.array(widths)


def test_states_differ_in_outline_pattern_even_in_greyscale(screen):
    grid = make_grid(*ROOM)
    cam = camera_for(grid)
    gx, gy = 16 * T, 10 * T
    facing = math.pi / 4  # south-east: the cone's upper edge runs due east, its inside below
    origin = cam.to_screen(gx, gy)
    ts = range(140, 240)  # past the peripheral zone: outside the edge is plain background
    widths, rows = {}, {}
    for state in ("patrol", "investigate", "alert"):
        draw_cones(screen, fake_world(grid, [guard(gx, gy, facing, state)]))
        lum = grey(screen)
        widths[state] = edge_profile(lum, origin, 0.0, (0.0, 1.0), ts)
        rows[state] = np.array([lum[origin[0] + d, origin[1] + 20] for d in range(150, 230)])
    calm, suspicious, alert = widths["patrol"], widths["investigate"], widths["alert"]
    assert np.mean(calm > 0) > 0.9  # solid...
    assert 0.25 < np.mean(suspicious > 0) < 0.8  # dashed: on and off
    assert np.mean(alert > 0) > 0.9  # solid again...
    assert np.median(alert) >= np.median(calm) + 2  # ...but thick
    # and only alert is hatched: its fill alternates light and dark across the stripes.
    assert np.std(rows["alert"]) > 3 * max(np.std(rows["patrol"]), np.std(rows["investigate"])) + 5


def test_dashed_outline_continues_its_pattern_across_corners():
    surface = pygame.Surface((200, 200), pygame.SRCALPHA)
    # a polygon made of many 3 px segments: the dashes must still be 9 on, 7 off
    points = [(10 + 3 * i, 50) for i in range(60)] + [(187, 150), (10, 150)]
    dashed_polygon(surface, (255, 255, 255, 255), points, 1)
    row = [surface.get_at((x, 50))[3] > 0 for x in range(10, 180)]
    runs, current, count = [], row[0], 0
    for v in row:
        if v == current:
            count += 1
        else:
            runs.append((current, count))
            current, count = v, 1
    inner_runs = runs[1:-1]
    assert inner_runs and all(7 <= n <= 11 for on, n in inner_runs if on)
    assert all(5 <= n <= 9 for on, n in inner_runs if not on)




def polygon_mask(points, left, top, size):
    surface = pygame.Surface((size, size))
    surface.fill((0, 0, 0))
    pygame.draw.polygon(surface, (255, 255, 255), [(x - left, y - top) for x, y in points])
    return pygame.surfarray.array_red(surface) > 0


def worst_miss(drawn, exact, left, top, size):
    """How far (px) any pixel where the two shapes differ lies from the exact shape's outline."""
    a, b = polygon_mask(drawn[0], left, top, size), polygon_mask(exact[0], left, top, size)
    for d, e in zip(drawn[1:], exact[1:]):
        a |= polygon_mask(d, left, top, size)
        b |= polygon_mask(e, left, top, size)
    xs, ys = np.nonzero(a ^ b)
    if not len(xs):
        return 0.0
    samples = []
    for poly in exact:
        for (x0, y0), (x1, y1) in zip(poly, poly[1:] + poly[:1]):
            t = np.linspace(0.0, 1.0, max(2, int(math.dist((x0, y0), (x1, y1)) * 2)))
            samples.append(np.stack([x0 + (x1 - x0) * t - left, y0 + (y1 - y0) * t - top], axis=1))
    pts = np.concatenate(samples)
    d = np.hypot(pts[None, :, 0] - (xs[:, None] + 0.5), pts[None, :, 1] - (ys[:, None] + 0.5))
    return float(d.min(axis=1).max())


def test_cone_shapes_match_the_exact_sight_polygons():
    """The renderer derives the three zones from one fan of rays: they must still be the
    shapes `sight_polygon` gives for each zone (the peripheral only where the focus
    cone does not cover it), give or take rasterising."""
    import random

    grid = make_grid(*PILLARS)
    cones = ConeRenderer()
    rng = random.Random(7)

    def vis(*args):
        return sight_polygon(grid, *args)
    checked = 0
    while checked < 25:
        x, y = rng.uniform(T, 29 * T), rng.uniform(T, 14 * T)
        if not grid.is_walkable_at(x, y):
            continue
        g = guard(x, y, rng.uniform(-math.pi, math.pi))
        f = g.facing
        peripheral, focus, inner = cones.polygons(grid, x, y, f, g)
        exact_focus = vis(x, y, f, g.focus_half_angle, g.focus_range)
        exact_inner = vis(x, y, f, g.focus_half_angle, g.focus_range / 2)
        exact_peripheral = vis(x, y, f, g.peripheral_half_angle, g.peripheral_range)
        left, top, size = int(x) - 300, int(y) - 300, 600
        assert worst_miss([focus], [exact_focus], left, top, size) <= 2.0
        assert worst_miss([inner], [exact_inner], left, top, size) <= 2.0
        assert worst_miss([peripheral, focus], [exact_peripheral, exact_focus], left, top, size) <= 2.0
        checked += 1


def test_cones_are_cached_until_the_guard_or_the_walls_change(screen):
    grid = make_grid(*ROOM)
    cones = ConeRenderer()
    g = guard(16 * T, 10 * T)
    first = cones.cone_image(g, grid)[0]
    assert cones.cone_image(g, grid)[0] is first
    g.x += 0.2  # less than the cache's rounding
    assert cones.cone_image(g, grid)[0] is first
    g.x += 3
    moved = cones.cone_image(g, grid)[0]
    assert moved is not first
    g.state = "alert"
    assert cones.cone_image(g, grid)[0] is not moved
    alert = cones.cone_image(g, grid)[0]
    grid.set_blocked([(19, 10)], True)  # a door closes in front of him
    assert cones.cone_image(g, grid)[0] is not alert


def test_off_screen_guards_cost_no_polygons(screen):
    wide = ["#" * 120] + ["#" + "." * 118 + "#"] * 18 + ["#" * 120]
    grid = make_grid(*wide)
    calls = []
    real = grid.fan

    def counting(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    grid.fan = counting
    cam = Camera(1280, 720, grid.cols * T, grid.rows * T)
    cam.follow(0, 0)  # the left edge of the map
    world = fake_world(grid, [guard(100 * T, 10 * T, math.pi, gid=1), guard(10 * T, 10 * T, 0.0, gid=2)])
    screen.fill(BG)
    ConeRenderer().draw(screen, cam, world)
    assert calls and all(args[0] == 10 * T for args in calls)


# ---------------------------------------------------------------------- overlays

def badge_region(cam, g):
    sx, sy = cam.to_screen(g.x, g.y)
    half = BADGE_SIZE // 2
    return (slice(sx - half, sx + half), slice(sy - BADGE_LIFT - half, sy - BADGE_LIFT + half))


def draw_overlays(screen, assets, world):
    screen.fill(BG)
    Overlays(assets).draw_guards(screen, camera_for(world.grid), world)
    return pygame.surfarray.array3d(screen).copy()


def test_question_and_exclamation_badges_only_in_their_states(screen, assets):
    grid = make_grid(*ROOM)
    cam = camera_for(grid)
    shown = {}
    for state in ("patrol", "return", "suspicious", "investigate", "search", "alert"):
        g = guard(16 * T, 10 * T, 0.0, state)
        pixels = draw_overlays(screen, assets, fake_world(grid, [g]))
        region = pixels[badge_region(cam, g)]
        shown[state] = region
        # the whole frame is blank except the badge (no meter at awareness 0)
        assert pixels.any() == (state not in ("patrol", "return")), state
    for state in ("suspicious", "investigate", "search", "alert"):
        assert (shown[state].sum(axis=2) > 200).sum() > 40, state  # a bright badge
    assert np.array_equal(shown["suspicious"], shown["search"])  # all "?"
    assert not np.array_equal(shown["suspicious"], shown["alert"])  # "!" is another badge
    # a dark outline rims the badge, so it reads over snow as well as over night floor
    rim = shown["alert"][0, BADGE_SIZE // 2]
    assert rim.sum() < 100


def test_awareness_meter_while_filling_and_not_when_alert(screen, assets):
    grid = make_grid(*ROOM)
    cam = camera_for(grid)

    def meter_pixels(state, awareness):
        g = guard(16 * T, 10 * T, 0.0, state, awareness)
        pixels = draw_overlays(screen, assets, fake_world(grid, [g]))
        sx, sy = cam.to_screen(g.x, g.y)
        return pixels[sx - 16:sx + 16, sy - METER_LIFT - 2:sy - METER_LIFT + 3]

    assert not meter_pixels("patrol", 0.0).any()
    assert not meter_pixels("alert", 0.6).any()
    assert not meter_pixels("patrol", 1.0).any()
    low, high = meter_pixels("patrol", 0.2), meter_pixels("suspicious", 0.8)
    assert low.any() and high.any()
    bright = lambda p: (p.sum(axis=2) > 250).sum()  # noqa: E731
    assert bright(high) > bright(low) * 2  # it fills with awareness


def test_noise_ring_grows_then_is_gone(screen, assets):
    grid = make_grid(*ROOM)
    cam = camera_for(grid)
    noise = NS(x=16 * T, y=10 * T, radius=3 * T, tick=100, source="throw")
    overlays = Overlays(assets)

    def frame(tick):
        screen.fill(BG)
        overlays.draw_noises(screen, cam, fake_world(grid, noises=[noise], tick=tick))
        return pygame.surfarray.array3d(screen).copy()

    sx, sy = cam.to_screen(noise.x, noise.y)
    early = frame(110)
    lit = np.argwhere(early.sum(axis=2) > 0)
    dist = np.hypot(lit[:, 0] - sx, lit[:, 1] - sy)
    assert len(lit) > 100
    assert dist.min() > 20 and dist.max() < noise.radius  # a ring on its way out, not a disc
    later = frame(120)
    lit2 = np.argwhere(later.sum(axis=2) > 0)
    assert np.hypot(lit2[:, 0] - sx, lit2[:, 1] - sy).mean() > dist.mean()  # it grew
    assert later.max() < early.max()  # and faded
    assert not frame(100 + NOISE_TICKS + 4).any()
    assert not frame(99).any()  # a noise from the future (a new world) is not drawn


def test_projectiles_are_drawn_in_flight_and_landed(screen, assets):
    grid = make_grid(*ROOM)
    cam = camera_for(grid)
    overlays = Overlays(assets)
    for landed in (False, True):
        p = NS(x=12 * T, y=6 * T, landed=landed)
        screen.fill(BG)
        overlays.draw_projectiles(screen, cam, fake_world(grid, projectiles=[p], tick=7))
        sx, sy = cam.to_screen(p.x, p.y)
        around = pygame.surfarray.array3d(screen)[sx - 10:sx + 10, sy - 10:sy + 10]
        assert (around.sum(axis=2) > 150).sum() > 10


def test_hud_shows_hidden_and_throwables(screen, assets):
    grid = make_grid(*ROOM)
    hud = Hud("1  Nobody", assets)

    def top_bar(**kw):
        screen.fill(BG)
        hud.draw(screen, fake_world(grid, **kw))
        return pygame.surfarray.array3d(screen)[:, :36].copy()

    plain = top_bar()
    hidden = top_bar(hidden=True)
    diff = np.any(plain != hidden, axis=2)
    xs = np.nonzero(diff.any(axis=1))[0]
    assert len(xs) and 500 < xs.mean() < 780  # "Hidden", in the middle of the bar
    assert not np.array_equal(plain, top_bar(throwables=0))


# ---------------------------------------------------------------------- the level scene

@pytest.fixture
def level_scene(screen, assets):
    from game.input.keyboard import Keyboard
    from game.scenes.level import LevelScene
    from game.scenes.stack import SceneStack
    from game.world.level import load_level

    scene = LevelScene(load_level(TEST_MAPS / "room.tmx"), "Test", assets, Keyboard())
    stack = SceneStack()
    stack.push(scene)
    yield scene
    stack.clear()


def recording(scene):
    intents = []
    step = scene.world.step

    def record(intent):
        intents.append(intent)
        return step(intent)

    scene.world.step = record
    return intents


def test_a_click_throws_at_the_world_point_under_the_mouse_for_one_tick(screen, level_scene):
    scene = level_scene
    scene.draw(screen, 0.0)  # the camera the player is looking at
    intents = recording(scene)
    pos = (700, 400)
    assert scene.handle_event(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=pos))
    expected = scene.camera.to_world(*pos)
    scene.update(DT)
    scene.update(DT)
    assert intents[0].throw == pytest.approx(expected)
    assert intents[1].throw is None
    # a right click throws nothing
    scene.handle_event(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=3, pos=pos))
    scene.update(DT)
    assert intents[2].throw is None


def test_the_throw_key_aims_at_the_mouse(screen, level_scene):
    scene = level_scene
    scene.draw(screen, 0.0)
    intents = recording(scene)
    scene.handle_event(pygame.event.Event(pygame.MOUSEMOTION, pos=(100, 500), rel=(0, 0), buttons=(0, 0, 0)))
    scene.handle_event(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_q, mod=0, unicode="q", scancode=0))
    scene.update(DT)
    scene.update(DT)
    assert intents[0].throw == pytest.approx(scene.camera.to_world(100, 500))
    assert intents[1].throw is None


def test_caught_holds_the_moment_then_the_words_then_restarts_the_level(screen, level_scene):
    from game.render.outcome_view import CAUGHT_HOLD
    from game.scenes.level import CAUGHT_TICKS

    def pale(image):
        return int((image.min(axis=2) > 200).sum())

    scene = level_scene
    first = scene.world
    first.outcome = "caught"
    scene.update(DT)
    scene.draw(screen, 0.0)
    held = pygame.surfarray.array3d(screen).copy()
    for _ in range(CAUGHT_HOLD):
        scene.update(DT)
    scene.draw(screen, 0.0)
    worded = pygame.surfarray.array3d(screen)
    assert pale(worded) > pale(held) + 1500  # big pale letters come after the held beat
    for _ in range(CAUGHT_TICKS - CAUGHT_HOLD - 2):
        scene.update(DT)
    assert scene.world is first and scene.restarts == 0  # still showing
    scene.update(DT)
    assert scene.world is not first and scene.world.outcome is None and scene.restarts == 1
    assert (scene.world.player.x, scene.world.player.y) == scene.level.spawn


def test_dea_and_flashlight_cones_look_different_from_a_crews(screen):
    grid = make_grid(*["." * 24] * 14)
    crew = guard(4 * T, 7 * T)
    dea = guard(4 * T, 7 * T)
    dea.faction = "dea"
    torch = guard(4 * T, 7 * T)
    torch.flashlight = True
    pictures = [draw_cones(screen, fake_world(grid, [g])) for g in (crew, dea, torch)]
    differs = lambda a, b: (np.abs(a.astype(int) - b.astype(int)).max(axis=2) > 20).mean()  # noqa: E731
    assert differs(pictures[0], pictures[1]) > 0.005  # the DEA's cone is steel blue and dotted
    assert differs(pictures[0], pictures[2]) > 0.005  # a flashlight's beam is warm and bright
    # The beam is brighter than a crew's cone.
    assert pictures[2].astype(int).sum() > pictures[0].astype(int).sum()


def test_nothing_of_an_alerted_guard_on_his_heels_hides_jesse(screen, level_scene):
    """The guard's body, his "!" and his meter are drawn under Jesse, wherever the guard stands."""
    scene = level_scene
    world = scene.world
    guard, player = world.guards[0], world.player
    image = scene.assets.sprite("jesse").get(0, player.facing)
    sx, sy = scene.camera.to_screen(player.x, player.y)
    rect = image.get_rect(center=(sx, sy))
    solid = pygame.surfarray.array_alpha(image) == 255  # Jesse's own pixels

    def jesse_pixels():
        scene.draw(screen, 0.0)
        return pygame.surfarray.array3d(screen.subsurface(rect))[solid]

    guard.x, guard.y = player.x + 400, player.y  # far away
    alone = jesse_pixels().copy()
    for dy in (0, 12, 34):  # on top of him, just below, and where his badge lands on Jesse
        guard.x, guard.y, guard.state = player.x, player.y + dy, "alert"
        assert (jesse_pixels() == alone).all(), dy
