"""Chapter 3 tileset: an empty high school at night, seen from above (32 px tiles).

Dark speckled terrazzo halls with a maroon border, honey classroom boards and a blond gym
floor with maroon court lines; pale sage painted-block walls, green chalkboards, mustard
lockers and moonlit windows (pale blue). Floors (0-15) are opaque and seamless; walls
(16-24) are opaque: the chalkboards, lockers and bulletin board show their face to the
south (flip a tile vertically in Tiled for a wall on the other side of a room; id 21 is
the north-facing locker row, drawn for you). Everything else is drawn on transparent
ground with a dark outline and a small drop shadow, to go on `walls` (solid) or `decor`.
Doors are drawn by the game. Tiles are drawn at full brightness; the game darkens them.

Bleachers (43-48) are 3x2: left, mid, right; the mid column repeats sideways.

 id  label
  0  terrazzo hall floor
  1  terrazzo border stripe
  2  terrazzo moonlit sheen
  3  terrazzo scuffed
  4  classroom wood floor
  5  classroom wood floor worn
  6  gym floor
  7  gym floor line horizontal
  8  gym floor line vertical
  9  gym floor line corner
 10  gym floor center circle
 11  gym floor key paint
 12  lab floor
 13  entrance mat
 14  parking asphalt
 15  parking painted line
 16  painted block wall
 17  wall with moonlit window
 18  chalkboard wall
 19  chalkboard wall with diagram
 20  lockers facing south
 21  lockers facing north
 22  locker ajar
 23  wall with bulletin board
 24  wall corner pillar
 25  classroom desk
 26  classroom desk with book
 27  teacher's desk left
 28  teacher's desk right
 29  lab bench with sink left
 30  lab bench with sink right
 31  fume hood
 32  bookshelf
 33  bookshelf half empty
 34  trophy case left
 35  trophy case right
 36  water fountain
 37  trash can
 38  janitor's cart
 39  stacked chairs
 40  gym mats
 41  ball cart
 42  basketball hoop
 43  bleachers top-left
 44  bleachers top-mid
 45  bleachers top-right
 46  bleachers bottom-left
 47  bleachers bottom-mid
 48  bleachers bottom-right
 49  backpack
 50  scattered papers
 51  basketball
 52  lab stool
 53  moonlight on floor
 54  globe
 55  parking lot light
"""
from __future__ import annotations

import math

import numpy as np
import pygame

from .draw import (TILE, bevel_rect, blend, blob_mask, finish_prop, from_array, mix, new,
                   outlined_circle, periodic_noise, shade, soft_edge, speckle, split, texture)
from .tilekit import (base_texture, bevel_edges, build_tiles, desk_top, glow, gradient, grid_labels,
                      lamp_pole, rect_shade, ruled_sheet, running_bond, seeded, worn_stripe)

NAME = "highschool"
SEED = 2003

PALETTE = {
    # terrazzo halls
    "terrazzo": (80, 76, 82), "terrazzo_dark": (62, 58, 66), "chip_white": (190, 186, 180),
    "chip_grey": (116, 112, 118), "chip_maroon": (150, 62, 66), "chip_gold": (196, 164, 92),
    "maroon": (128, 36, 48), "maroon_dark": (86, 24, 34), "maroon_light": (170, 64, 70),
    "brass": (206, 172, 96),
    "moon": (170, 206, 242), "moon_hi": (226, 240, 255), "moon_glass": (120, 160, 206),
    # wood floors
    "oak": (170, 122, 78), "oak_dark": (118, 80, 52), "oak_light": (204, 156, 104),
    "maple": (214, 172, 112), "maple_dark": (170, 128, 80), "maple_light": (236, 200, 140),
    "court": (176, 38, 50), "court_fill": (136, 42, 52),
    "vct": (170, 176, 166), "vct_dark": (136, 142, 134), "vct_light": (196, 202, 190),
    "mat": (52, 54, 60), "mat_rib": (76, 78, 86),
    "asphalt": (62, 64, 72), "asphalt_light": (92, 94, 102), "asphalt_dark": (44, 46, 54),
    "line_yellow": (228, 198, 78),
    # walls
    "paint": (128, 146, 126), "paint_hi": (180, 198, 172), "paint_lo": (46, 54, 46),
    "mortar": (98, 114, 98), "wall_cap": (70, 82, 70),
    "board": (48, 90, 66), "board_dark": (32, 62, 46), "chalk": (222, 228, 216),
    "chalk_dim": (128, 160, 136), "frame": (150, 110, 70), "frame_dark": (100, 70, 44),
    "locker": (200, 152, 52), "locker_dark": (138, 98, 30), "locker_light": (236, 196, 100),
    "locker_in": (34, 28, 24),
    "cork": (184, 138, 88), "cork_dark": (140, 100, 62),
    # furniture
    "desk_top": (206, 178, 128), "desk_edge": (150, 124, 84), "chair": (58, 98, 164),
    "chair_dark": (36, 62, 112), "chair_light": (96, 140, 204),
    "steel": (150, 156, 164), "steel_dark": (92, 98, 108), "steel_light": (200, 206, 214),
    "wood": (132, 90, 58), "wood_dark": (86, 58, 40), "wood_light": (170, 122, 80),
    "epoxy": (40, 42, 48), "epoxy_hi": (92, 96, 110),
    "paper": (236, 234, 226), "ink": (70, 80, 120), "apple": (196, 40, 44),
    "book_a": (150, 50, 50), "book_b": (52, 94, 140), "book_c": (70, 120, 70),
    "book_d": (200, 160, 60), "book_e": (110, 70, 120),
    "gold": (236, 192, 72), "gold_dark": (160, 120, 36), "silver": (208, 212, 220),
    "glass": (150, 186, 214), "glass_hi": (226, 240, 252),
    "plastic": (90, 104, 120), "plastic_dark": (60, 70, 84),
    "janitor": (232, 192, 44), "janitor_dark": (160, 126, 20),
    "gym_mat": (46, 74, 156), "gym_mat_dark": (30, 48, 106), "gym_mat_light": (86, 116, 196),
    "ball": (222, 110, 40), "ball_dark": (150, 64, 24),
    "backboard": (232, 234, 238), "rim": (234, 90, 40),
    "bleacher": (196, 158, 100), "bleacher_dark": (128, 96, 58), "bleacher_light": (226, 192, 130),
    "pack": (118, 84, 168), "pack_dark": (70, 48, 108), "pack_light": (170, 140, 214), "pack_pocket": (96, 66, 140),
    "ocean": (64, 118, 180), "land": (116, 160, 90),
    "lamp": (220, 236, 255), "lamp_core": (250, 252, 255),
    "outline": (14, 14, 20),
}
P = PALETTE


_rng = seeded(SEED)


# ================================================================ shared bases
@base_texture
def terrazzo() -> np.ndarray:
    """Polished terrazzo: dark binder thick with white, grey, maroon and gold chips."""
    rng = _rng(1000)
    arr = texture(rng, P["terrazzo"], blob=3, grain=1.2, cells=2, tint=(1.0, 0.95, 1.05))
    chips = [(P["chip_white"], 34, 0.3), (P["chip_grey"], 60, 0.35), (P["chip_maroon"], 10, 0.2),
             (P["chip_gold"], 8, 0.2), (P["terrazzo_dark"], 50, 0.4)]
    for color, n, big in chips:
        for _ in range(n):
            x, y = rng.integers(0, TILE, 2)
            arr[y, x, :3] = mix(color, P["terrazzo"], 0.25)
            if rng.random() < big:
                arr[y, (x + 1) % TILE, :3] = mix(color, P["terrazzo"], 0.45)
    sheen = periodic_noise(rng, TILE, TILE, 2)
    blend(arr, np.clip(sheen - 0.3, 0, 1), P["moon"], 0.18)
    return arr


@base_texture
def _boards(base: str, dark: str, light: str, key: int, width: int) -> np.ndarray:
    """Strip flooring running east-west, staggered end joints, period 32 so it tiles."""
    rng = _rng(key)
    arr = texture(rng, P[base], blob=3, grain=2.5, cells=2, tint=(1.15, 1.0, 0.8))
    yy, xx = np.mgrid[0:TILE, 0:TILE]
    rows = TILE // width
    tones = rng.uniform(0.9, 1.08, rows)
    arr[:, :, :3] *= tones[yy // width][:, :, None]
    grain = np.sin(xx * 0.9 + yy * 2.1 + periodic_noise(rng, TILE, TILE, 4) * 3) > 0.9
    blend(arr, grain, P[dark], 0.25)
    blend(arr, yy % width == width - 1, P[dark], 0.8)
    blend(arr, yy % width == 0, P[light], 0.35)
    joints = rng.integers(0, TILE, rows)
    for r in range(rows):
        blend(arr, (yy // width == r) & (xx == joints[r]), P[dark], 0.8)
    return arr


def oak() -> np.ndarray:
    return _boards("oak", "oak_dark", "oak_light", 1001, 8)


def maple() -> np.ndarray:
    return _boards("maple", "maple_dark", "maple_light", 1002, 4)


@base_texture
def asphalt() -> np.ndarray:
    rng = _rng(1003)
    arr = texture(rng, P["asphalt"], blob=5, grain=3.0, cells=4)
    speckle(arr, rng, P["asphalt_light"], 0.06)
    speckle(arr, rng, P["asphalt_dark"], 0.05)
    return arr


@base_texture
def block() -> np.ndarray:
    """Top of a painted cinder-block wall: pale sage paint, soft mortar lines."""
    rng = _rng(1004)
    arr = texture(rng, P["paint"], blob=3, grain=1.5, cells=2)
    blend(arr, running_bond(TILE, TILE, 16, 8), P["mortar"], 0.8)
    bevel_edges(arr, P["paint_hi"], P["paint_lo"])
    return arr


def _wall_with_face(face_h: int = 24) -> pygame.Surface:
    """A wall tile whose lower part shows a face to the south: cap on top, shadowed base."""
    surf = from_array(block())
    pygame.draw.rect(surf, P["wall_cap"], (0, TILE - face_h - 2, TILE, 2))
    return surf


# ================================================================ 0-15 floors
def terrazzo_floor(rng):
    return from_array(terrazzo())


def terrazzo_border(rng):
    """The school colours inlaid in the hall floor. Muted and textured, with dull brass edges:
    bright and thin, across a corridor between two pillars, it read as an alarm beam."""
    arr = terrazzo()
    band = np.zeros((TILE, TILE), bool)
    band[20:30] = True
    blend(arr, band, shade(P["maroon"], 0.85), 0.7)  # the stone's chips still show through
    speckle(arr[20:30], rng, P["chip_white"], 0.06)
    arr[19, :, :3] = shade(P["brass"], 0.55)
    arr[30, :, :3] = shade(P["brass"], 0.55)
    return from_array(arr)


def terrazzo_sheen(rng):
    """A long glint of moonlight on the polish."""
    arr = terrazzo()
    yy, xx = np.mgrid[0:TILE, 0:TILE]
    d = np.abs((xx - yy) - 2) / 5.0
    along = np.clip(1 - np.abs(xx + yy - 32) / 26, 0, 1)
    blend(arr, np.clip(1 - d, 0, 1) * along, P["moon"], 0.55)
    blend(arr, np.clip(1 - d * 3, 0, 1) * along, P["moon_hi"], 0.5)
    return from_array(arr)


def terrazzo_scuffed(rng):
    arr = terrazzo()
    scuff = blob_mask(rng, TILE, TILE, 14, 17, 11, 6, wobble=0.4)
    blend(arr, soft_edge(scuff), P["terrazzo_dark"], 0.45)
    surf = from_array(arr)
    for a, b in (((4, 8), (11, 11)), ((18, 22), (27, 19)), ((8, 24), (13, 26))):
        pygame.draw.line(surf, (40, 36, 42), a, b)
    pts = [(20, 2), (22, 7), (21, 11), (25, 15)]
    pygame.draw.lines(surf, P["chip_grey"], False, [(x + 1, y) for x, y in pts])
    pygame.draw.lines(surf, (34, 30, 36), False, pts)
    return surf


def classroom_floor(rng):
    return from_array(oak())


def classroom_floor_worn(rng):
    arr = oak()
    worn = blob_mask(rng, TILE, TILE, 16, 16, 13, 9, wobble=0.4)
    blend(arr, soft_edge(worn), P["oak_light"], 0.3)
    surf = from_array(arr)
    for x, y in ((6, 9), (20, 15), (11, 25), (25, 26)):
        pygame.draw.line(surf, P["oak_dark"], (x, y), (x + 4, y + 1))
    return surf


def gym_floor(rng):
    return from_array(maple())


def _court(mask_fn):
    arr = maple()
    yy, xx = np.mgrid[0:TILE, 0:TILE]
    blend(arr, mask_fn(xx, yy), P["court"], 0.92)
    return from_array(arr)


def gym_line_h(rng):
    return _court(lambda x, y: (y >= 14) & (y <= 16))


def gym_line_v(rng):
    return _court(lambda x, y: (x >= 14) & (x <= 16))


def gym_line_corner(rng):
    return _court(lambda x, y: ((y >= 14) & (y <= 16) & (x >= 14))
                  | ((x >= 14) & (x <= 16) & (y >= 14)))


def gym_center(rng):
    """The centre circle with a gold star: the school's mark."""
    arr = maple()
    yy, xx = np.mgrid[0:TILE, 0:TILE]
    r = np.hypot(xx - 15.5, yy - 15.5)
    blend(arr, r < 12.5, P["court_fill"], 0.85)
    blend(arr, (r >= 12.5) & (r < 14.5), P["court"], 0.95)
    surf = from_array(arr)
    pts = []
    for k in range(10):
        a = -math.pi / 2 + k * math.pi / 5
        rad = 8 if k % 2 == 0 else 3.4
        pts.append((15.5 + math.cos(a) * rad, 16 + math.sin(a) * rad))
    pygame.draw.polygon(surf, P["gold"], pts)
    pygame.draw.polygon(surf, P["gold_dark"], pts, 1)
    return surf


def gym_key(rng):
    arr = maple()
    blend(arr, np.ones((TILE, TILE)), P["court_fill"], 0.7)
    return from_array(arr)


def lab_floor(rng):
    yy, xx = np.mgrid[0:TILE, 0:TILE]
    arr = texture(rng, P["vct"], blob=2, grain=1.5, cells=4)
    tones = rng.uniform(0.94, 1.05, (2, 2))
    arr[:, :, :3] *= tones[yy // 16, xx // 16][:, :, None]
    speckle(arr, rng, P["vct_dark"], 0.08)
    speckle(arr, rng, P["vct_light"], 0.05)
    speckle(arr, rng, P["chip_maroon"], 0.006)
    blend(arr, (xx % 16 == 15) | (yy % 16 == 15), P["vct_dark"], 0.6)
    return from_array(arr)


def entrance_mat(rng):
    arr = texture(rng, P["mat"], blob=2, grain=2.0, cells=4)
    yy, xx = np.mgrid[0:TILE, 0:TILE]
    blend(arr, yy % 3 == 0, P["mat_rib"], 0.8)
    speckle(arr, rng, P["chip_grey"], 0.02)
    return from_array(arr)


def parking_asphalt(rng):
    return from_array(asphalt())


def parking_line(rng):
    arr = asphalt()
    blend(arr, worn_stripe(rng, 14, 18, 0.3, 0.6), P["line_yellow"], 0.85)
    return from_array(arr)


# ================================================================ 16-24 walls
def block_wall(rng):
    return from_array(block())


def window_wall(rng):
    """Tall window: moonlight in the panes, a glow spilling south."""
    surf = _wall_with_face()
    pygame.draw.rect(surf, P["outline"], (1, 7, 30, 24))
    pygame.draw.rect(surf, P["steel"], (2, 8, 28, 22))
    surf.blit(from_array(gradient(20, 26, P["moon_glass"], P["moon"])), (3, 9))
    pygame.draw.line(surf, P["steel"], (16, 9), (16, 28))
    pygame.draw.line(surf, P["steel"], (3, 18), (28, 18))
    for x in (5, 19):
        pygame.draw.line(surf, P["moon_hi"], (x, 16), (x + 5, 10))
        pygame.draw.line(surf, P["moon_hi"], (x + 2, 27), (x + 6, 21))
    pygame.draw.line(surf, P["moon_hi"], (2, 30), (29, 30))                   # sill
    return surf


def _chalkboard(rng, marks):
    surf = _wall_with_face()
    pygame.draw.rect(surf, P["outline"], (0, 7, TILE, 24))
    pygame.draw.rect(surf, P["frame"], (0, 8, TILE, 22))
    arr = texture(rng, P["board"], 17, TILE, blob=4, grain=1.5, cells=2)
    smear = periodic_noise(rng, 17, TILE, 2)
    blend(arr, np.clip(smear - 0.2, 0, 1), P["chalk_dim"], 0.35)
    surf.blit(from_array(arr), (0, 10))
    pygame.draw.line(surf, P["frame_dark"], (0, 27), (TILE - 1, 27))
    marks(surf)
    pygame.draw.rect(surf, P["steel_light"], (0, 28, TILE, 2))                 # chalk tray
    pygame.draw.rect(surf, P["chalk"], (7, 28, 4, 1))
    pygame.draw.rect(surf, P["frame_dark"], (20, 27, 6, 2))                    # eraser
    return surf


def chalkboard(rng):
    def marks(s):
        c = P["chalk"]
        pygame.draw.lines(s, c, False, [(3, 15), (5, 12), (7, 15), (9, 12)])   # writing
        pygame.draw.line(s, c, (11, 13), (13, 13))
        pygame.draw.line(s, c, (12, 12), (12, 14))
        pygame.draw.lines(s, c, False, [(15, 12), (17, 12), (15, 15), (17, 15)])
        pygame.draw.line(s, c, (19, 13), (21, 13))
        pygame.draw.line(s, c, (19, 15), (21, 15))
        pygame.draw.lines(s, c, False, [(23, 12), (25, 12), (25, 14), (23, 14), (23, 16), (25, 16)])
        for y, w in ((20, 20), (23, 14)):
            x = 3
            while x < 3 + w:
                seg = int(rng.integers(2, 5))
                pygame.draw.line(s, P["chalk_dim"], (x, y), (x + seg, y + int(rng.integers(-1, 1))))
                x += seg + 2
    return _chalkboard(rng, marks)


def chalkboard_diagram(rng):
    def marks(s):
        c = P["chalk"]
        pygame.draw.line(s, c, (4, 25), (4, 12))                               # axes
        pygame.draw.line(s, c, (4, 25), (18, 25))
        pygame.draw.lines(s, c, False, [(5, 23), (8, 20), (11, 19), (14, 15), (17, 13)])
        pygame.draw.polygon(s, c, [(21, 24), (29, 24), (21, 13)], 1)            # triangle
        pygame.draw.rect(s, c, (21, 22, 2, 2), 1)
    return _chalkboard(rng, marks)


def _lockers(ajar: bool = False) -> pygame.Surface:
    """Two lockers showing their doors to the south: vents, latch, number plate."""
    surf = _wall_with_face()
    pygame.draw.rect(surf, P["outline"], (0, 7, TILE, 25))
    for i, x0 in enumerate((0, 16)):
        door = pygame.Rect(x0 + 1, 8, 14, 22)
        if ajar and i == 1:
            pygame.draw.rect(surf, P["locker_in"], door)
            pygame.draw.rect(surf, shade(P["locker_in"], 1.8), (x0 + 2, 9, 12, 2))   # shelf
            pygame.draw.polygon(surf, P["outline"], [(x0 + 9, 8), (x0 + 16, 6), (x0 + 16, 31),
                                                     (x0 + 9, 30)])
            pygame.draw.polygon(surf, P["locker"], [(x0 + 10, 8), (x0 + 15, 7), (x0 + 15, 30),
                                                    (x0 + 10, 29)])
            pygame.draw.line(surf, P["locker_light"], (x0 + 10, 8), (x0 + 10, 29))
            for y in (11, 13, 15):
                pygame.draw.line(surf, P["locker_dark"], (x0 + 11, y), (x0 + 14, y))
            continue
        bevel_rect(surf, door, P["locker"], P["locker_light"], P["locker_dark"])
        for y in (10, 12, 14):
            pygame.draw.line(surf, P["locker_dark"], (x0 + 4, y), (x0 + 11, y))
            pygame.draw.line(surf, P["locker_light"], (x0 + 4, y + 1), (x0 + 11, y + 1))
        pygame.draw.rect(surf, P["outline"], (x0 + 11, 18, 3, 6))              # latch
        pygame.draw.rect(surf, P["steel_light"], (x0 + 12, 19, 1, 4))
        pygame.draw.rect(surf, P["steel_light"], (x0 + 4, 17, 4, 2))            # number plate
        pygame.draw.line(surf, P["locker_dark"], (x0 + 2, 28), (x0 + 13, 28))
    return surf


def lockers_south(rng):
    return _lockers()


def lockers_north(rng):
    """The same lockers on the south side of a hall, doors facing north."""
    surf = from_array(block())
    face = pygame.transform.flip(_lockers().subsurface((0, 7, TILE, 25)), False, True)
    surf.blit(face, (0, 0))
    pygame.draw.rect(surf, P["wall_cap"], (0, 25, TILE, 2))
    return surf


def locker_ajar(rng):
    return _lockers(ajar=True)


def bulletin_wall(rng):
    surf = _wall_with_face()
    pygame.draw.rect(surf, P["outline"], (1, 7, 30, 24))
    pygame.draw.rect(surf, P["maroon"], (2, 8, 28, 22))
    arr = texture(rng, P["cork"], 18, 24, blob=4, grain=5, cells=2)
    surf.blit(from_array(arr), (4, 10))
    notes = [((6, 12, 7, 8), P["paper"]), ((15, 11, 8, 6), P["book_d"]),
             ((20, 19, 7, 8), P["paper"]), ((8, 21, 8, 6), P["chair_light"]),
             ((24, 12, 4, 5), P["maroon_light"])]
    for (x, y, w, h), c in notes:
        pygame.draw.rect(surf, shade(c, 0.7), (x + 1, y + 1, w, h))
        pygame.draw.rect(surf, c, (x, y, w, h))
        surf.set_at((x + w // 2, y + 1), P["apple"])
        if c == P["paper"]:
            for k in range(y + 3, y + h - 1, 2):
                pygame.draw.line(surf, P["ink"], (x + 1, k), (x + w - 2, k))
    return surf


def corner_pillar(rng):
    """A square column where walls meet: a raised block with a maroon band."""
    surf = from_array(block())
    pygame.draw.rect(surf, P["outline"], (3, 3, 26, 26))
    bevel_rect(surf, (4, 4, 24, 24), P["paint"], P["paint_hi"], P["paint_lo"], 2)
    pygame.draw.rect(surf, P["mortar"], (8, 8, 16, 16), 1)
    pygame.draw.rect(surf, P["maroon"], (4, 14, 24, 4))
    pygame.draw.line(surf, P["maroon_light"], (4, 14), (27, 14))
    return surf


# ================================================================ 25-42 furniture
def _desk_chair(surf, rng, book: bool, chair_dx: int, chair_dy: int):
    # chair below the desk, a little askew
    cx, cy = 16 + chair_dx, 23 + chair_dy
    pygame.draw.rect(surf, P["steel_dark"], (cx - 7, cy - 5, 14, 12), border_radius=2)
    bevel_rect(surf, (cx - 6, cy - 4, 12, 10), P["chair"], P["chair_light"], P["chair_dark"],
               radius=2)
    pygame.draw.rect(surf, P["chair_dark"], (cx - 6, cy + 4, 12, 3), border_radius=1)  # backrest
    # desk top
    pygame.draw.rect(surf, P["steel_dark"], (4, 3, 24, 14))
    bevel_rect(surf, (4, 3, 24, 13), P["desk_top"], shade(P["desk_top"], 1.1), P["desk_edge"])
    pygame.draw.line(surf, P["steel"], (4, 16), (27, 16))
    if book:
        pygame.draw.rect(surf, P["outline"], (8, 5, 14, 9))
        pygame.draw.rect(surf, P["paper"], (9, 6, 6, 7))
        pygame.draw.rect(surf, P["paper"], (15, 6, 6, 7))
        for y in (8, 10):
            pygame.draw.line(surf, P["ink"], (10, y), (13, y))
            pygame.draw.line(surf, P["ink"], (16, y), (19, y))
        pygame.draw.line(surf, P["book_d"], (22, 12), (26, 8), 1)              # pencil
    else:
        pygame.draw.line(surf, P["desk_edge"], (12, 7), (18, 6))               # carved initials
        pygame.draw.rect(surf, P["paper"], (19, 8, 5, 6))


def classroom_desk(rng):
    surf = new()
    _desk_chair(surf, rng, False, 0, 0)
    return finish_prop(surf, P["outline"])


def classroom_desk_book(rng):
    surf = new()
    _desk_chair(surf, rng, True, 2, 1)
    return finish_prop(surf, P["outline"])


def teacher_desk(rng):
    """Teacher's desk, 2x1: papers, grade book, an apple, a lamp."""
    s = new(2 * TILE, TILE)
    desk_top(s, rng, (3, 4, 58, 24), P["wood"], P["wood_dark"], P["wood_light"])
    pygame.draw.rect(s, P["book_c"], (5, 21, 54, 4))                            # blotter edge
    pygame.draw.rect(s, P["outline"], (7, 7, 13, 11))
    pygame.draw.rect(s, P["book_b"], (8, 8, 11, 9))                              # grade book
    pygame.draw.line(s, P["paper"], (9, 9), (9, 15))
    for pts in ([(24, 7), (33, 6), (34, 17), (25, 18)], [(28, 10), (37, 11), (36, 21), (27, 20)]):
        pygame.draw.polygon(s, P["outline"], pts, 1)
        pygame.draw.polygon(s, P["paper"], pts)
    for y in (13, 15, 17):
        pygame.draw.line(s, P["ink"], (29, y), (34, y + 1))
    pygame.draw.line(s, P["apple"], (32, 14), (34, 16))                          # red mark
    outlined_circle(s, P["apple"], (44, 15), 3, P["outline"])                   # apple
    pygame.draw.line(s, P["wood_dark"], (44, 11), (45, 12))
    s.set_at((43, 14), P["paper"])
    glow(s, (54, 10), 9, P["lamp"], alpha=40)
    outlined_circle(s, P["book_c"], (54, 10), 4, P["outline"])                   # lamp
    pygame.draw.circle(s, shade(P["book_c"], 1.5), (53, 9), 2)
    outlined_circle(s, P["steel"], (52, 21), 2, P["outline"])                    # pen cup
    for dx in (-1, 1):
        s.set_at((52 + dx, 20), P["book_d"])
    return split(finish_prop(s, P["outline"]), 2, 1)


def lab_bench(rng):
    """A black-topped lab bench, 2x1: a steel sink and tap on the left, a microscope right."""
    s = new(2 * TILE, TILE)
    pygame.draw.rect(s, P["wood_dark"], (1, 4, 62, 24))
    pygame.draw.rect(s, P["epoxy"], (1, 4, 62, 21))
    pygame.draw.line(s, P["epoxy_hi"], (1, 4), (62, 4))
    pygame.draw.line(s, P["epoxy_hi"], (1, 4), (1, 24))
    pygame.draw.rect(s, P["wood"], (1, 25, 62, 3))                               # cabinet front
    for x in (16, 32, 48):
        pygame.draw.line(s, P["wood_dark"], (x, 25), (x, 27))
    # sink and gooseneck tap
    pygame.draw.rect(s, P["outline"], (4, 10, 22, 13))
    bevel_rect(s, (5, 11, 20, 11), P["steel"], P["steel_dark"], P["steel_light"])
    pygame.draw.rect(s, P["steel_light"], (6, 20, 18, 1))
    outlined_circle(s, P["steel_dark"], (15, 17), 1, P["outline"])          # drain
    pygame.draw.rect(s, P["outline"], (13, 5, 5, 9))                         # tap
    pygame.draw.rect(s, P["steel_light"], (14, 6, 3, 7))
    for x in (9, 21):                                                        # taps' handles
        outlined_circle(s, P["steel_light"], (x, 7), 2, P["outline"])
        s.set_at((x, 7), P["steel_dark"])
    # microscope and notebook
    outlined_circle(s, P["steel_dark"], (44, 16), 4, P["outline"])
    pygame.draw.rect(s, P["outline"], (42, 8, 5, 9))
    pygame.draw.rect(s, P["steel_light"], (43, 9, 3, 7))
    outlined_circle(s, P["epoxy_hi"], (44, 9), 2, P["outline"])
    pygame.draw.rect(s, P["paper"], (51, 9, 9, 12))
    for y in (12, 14, 16, 18):
        pygame.draw.line(s, P["ink"], (52, y), (58, y))
    return split(finish_prop(s, P["outline"]), 2, 1)


def fume_hood(rng):
    """A steel cabinet with a glass sash, a little from the front, light on inside."""
    surf = new()
    rect_shade(surf, (2, 2, 28, 6), P["steel_light"])
    rect_shade(surf, (2, 8, 28, 21), P["steel"])
    pygame.draw.rect(surf, P["outline"], (4, 10, 24, 15))
    pygame.draw.rect(surf, P["glass"], (5, 11, 22, 13))
    pygame.draw.rect(surf, P["moon_hi"], (5, 11, 22, 2))                        # inside light
    pygame.draw.line(surf, P["glass_hi"], (7, 22), (13, 15))
    pygame.draw.line(surf, P["glass_hi"], (10, 22), (15, 17))
    pygame.draw.rect(surf, P["steel_dark"], (5, 18, 22, 2))                      # sash frame
    pygame.draw.rect(surf, P["steel_light"], (12, 20, 8, 1))                     # sash handle
    for x in (6, 10, 14):
        pygame.draw.line(surf, P["steel_dark"], (x, 4), (x + 2, 4))              # duct vents
    pygame.draw.rect(surf, P["epoxy"], (2, 26, 28, 3))
    return finish_prop(surf, P["outline"])


def _bookshelf(rng, fill: float):
    surf = new()
    pygame.draw.rect(surf, P["wood_dark"], (2, 6, 28, 21))
    pygame.draw.rect(surf, P["wood_light"], (2, 6, 28, 2))
    colours = [P["book_a"], P["book_b"], P["book_c"], P["book_d"], P["book_e"], P["paper"]]
    for shelf_y in (9, 18):
        x = 4
        while x < 28:
            w = int(rng.integers(2, 4))
            if rng.random() < fill:
                c = colours[int(rng.integers(0, len(colours)))]
                h = int(rng.integers(6, 8))
                pygame.draw.rect(surf, c, (x, shelf_y + 8 - h, w, h))
                surf.set_at((x, shelf_y + 8 - h), shade(c, 1.3))
            x += w + (0 if rng.random() < 0.8 else 1)
        pygame.draw.line(surf, P["wood"], (3, shelf_y + 8), (28, shelf_y + 8))
    pygame.draw.rect(surf, P["wood"], (2, 6, 2, 21))
    pygame.draw.rect(surf, P["wood"], (28, 6, 2, 21))
    return finish_prop(surf, P["outline"])


def bookshelf(rng):
    return _bookshelf(rng, 0.95)


def bookshelf_sparse(rng):
    return _bookshelf(rng, 0.45)


def trophy_case(rng):
    """Glass trophy case, 2x1: gold cups and a silver plate behind glass."""
    s = new(2 * TILE, TILE)
    pygame.draw.rect(s, P["wood_dark"], (1, 5, 62, 23))
    pygame.draw.rect(s, P["maroon_dark"], (3, 7, 58, 18))
    glow(s, (32, 12), 28, P["moon_hi"], alpha=30)
    trophies = [(9, P["gold"]), (19, P["silver"]), (30, P["gold"]), (41, P["gold"]),
                (52, P["silver"])]
    for x, c in trophies:
        pygame.draw.rect(s, P["outline"], (x - 3, 20, 7, 4))
        pygame.draw.rect(s, P["wood"], (x - 2, 21, 5, 2))
        pygame.draw.line(s, shade(c, 0.7), (x, 17), (x, 20))
        outlined_circle(s, c, (x, 14), 3, shade(c, 0.55))
        s.set_at((x - 1, 13), P["paper"])
        pygame.draw.line(s, shade(c, 0.7), (x - 4, 13), (x - 3, 15))
        pygame.draw.line(s, shade(c, 0.7), (x + 4, 13), (x + 3, 15))
    outlined_circle(s, P["ball"], (24, 22), 2, P["ball_dark"])
    pygame.draw.line(s, P["glass_hi"], (5, 24), (15, 8))                          # glass glints
    pygame.draw.line(s, P["glass_hi"], (36, 24), (44, 11))
    pygame.draw.rect(s, P["wood_light"], (1, 5, 62, 2))
    pygame.draw.rect(s, P["wood"], (1, 25, 62, 3))
    return split(finish_prop(s, P["outline"]), 2, 1)


def water_fountain(rng):
    """A steel drinking fountain on the wall to the north: basin, spout, a thin arc of water."""
    surf = new()
    pygame.draw.rect(surf, P["steel_dark"], (5, 1, 22, 6))                       # wall plate
    bevel_rect(surf, (4, 5, 24, 17), P["steel"], P["steel_light"], P["steel_dark"], radius=3)
    pygame.draw.rect(surf, P["outline"], (7, 8, 18, 11), border_radius=3)
    pygame.draw.rect(surf, P["steel_dark"], (8, 9, 16, 9), border_radius=3)      # basin
    pygame.draw.line(surf, P["steel_light"], (9, 17), (22, 17))
    surf.set_at((19, 14), P["outline"])                                          # drain
    pygame.draw.rect(surf, P["outline"], (10, 9, 4, 4))                          # spout
    pygame.draw.rect(surf, P["steel_light"], (11, 10, 2, 2))
    pygame.draw.arc(surf, P["glass_hi"], (11, 9, 9, 8), 0.2, 2.6, 1)             # water
    pygame.draw.rect(surf, P["outline"], (24, 10, 4, 6))                          # button
    pygame.draw.rect(surf, P["steel_light"], (25, 11, 2, 4))
    return finish_prop(surf, P["outline"])


def trash_can(rng):
    surf = new()
    outlined_circle(surf, P["plastic_dark"], (16, 16), 10, P["outline"])
    pygame.draw.circle(surf, P["plastic"], (16, 16), 10, 2)
    pygame.draw.circle(surf, P["epoxy"], (16, 16), 7)
    pygame.draw.polygon(surf, P["paper"], [(12, 13), (17, 12), (18, 17), (13, 18)])
    pygame.draw.polygon(surf, P["chair_light"], [(16, 18), (21, 16), (20, 20)])
    pygame.draw.arc(surf, shade(P["plastic"], 1.4), (6, 6, 20, 20), 1.7, 3.0, 1)
    return finish_prop(surf, P["outline"])


def janitor_cart(rng):
    surf = new()
    bevel_rect(surf, (3, 5, 22, 22), P["janitor"], shade(P["janitor"], 1.15), P["janitor_dark"])
    pygame.draw.rect(surf, P["epoxy"], (5, 7, 10, 10))                           # bin
    pygame.draw.polygon(surf, P["paper"], [(7, 9), (11, 8), (12, 12), (8, 13)])
    pygame.draw.rect(surf, P["outline"], (16, 7, 7, 8))                          # spray bottles
    pygame.draw.rect(surf, P["chair_light"], (17, 8, 2, 6))
    pygame.draw.rect(surf, P["book_c"], (20, 8, 2, 6))
    outlined_circle(surf, P["steel_dark"], (11, 22), 4, P["outline"])            # mop bucket
    pygame.draw.circle(surf, P["glass"], (11, 22), 2)
    pygame.draw.line(surf, P["outline"], (20, 20), (30, 30), 3)                  # mop handle
    pygame.draw.line(surf, P["wood_light"], (20, 20), (30, 30), 1)
    pygame.draw.line(surf, P["steel_light"], (3, 5), (24, 5))
    return finish_prop(surf, P["outline"])


def stacked_chairs(rng):
    surf = new()
    for i in range(4):
        o = i * 2
        pygame.draw.rect(surf, P["outline"], (5 + o, 5 + o, 18, 18), border_radius=3)
        bevel_rect(surf, (6 + o, 6 + o, 16, 16), P["chair"], P["chair_light"], P["chair_dark"],
                   radius=3)
        pygame.draw.rect(surf, P["chair_dark"], (6 + o, 19 + o, 16, 3))
    for x, y in ((7, 7), (26, 7), (7, 26), (26, 26)):
        surf.set_at((x, y), P["steel_light"])
    return finish_prop(surf, P["outline"])


def gym_mats(rng):
    """Folded blue gym mats: panels stacked, a little from the front."""
    surf = new()
    for i, y in enumerate((19, 13, 7)):
        pygame.draw.rect(surf, P["outline"], (2, y - 1, 28, 10), border_radius=3)
        bevel_rect(surf, (3, y, 26, 8), P["gym_mat"], P["gym_mat_light"], P["gym_mat_dark"],
                   radius=3)
        for x in (11, 20):
            pygame.draw.line(surf, P["gym_mat_dark"], (x, y + 1), (x, y + 6))
    pygame.draw.rect(surf, P["gym_mat_light"], (5, 8, 22, 2))
    pygame.draw.rect(surf, P["steel_light"], (13, 4, 6, 3))                     # handle
    return finish_prop(surf, P["outline"])


def ball_cart(rng):
    surf = new()
    pygame.draw.rect(surf, P["steel"], (3, 4, 26, 24), 2)
    for y in (10, 16, 22):
        pygame.draw.line(surf, P["steel_dark"], (4, y), (27, y))
    for cx, cy in ((9, 10), (18, 9), (24, 16), (12, 18), (20, 23), (8, 24)):
        outlined_circle(surf, P["ball"], (cx, cy), 4, P["ball_dark"])
        pygame.draw.line(surf, P["ball_dark"], (cx - 3, cy), (cx + 3, cy))
        pygame.draw.line(surf, P["ball_dark"], (cx, cy - 3), (cx, cy + 3))
        surf.set_at((cx - 2, cy - 2), shade(P["ball"], 1.3))
    return finish_prop(surf, P["outline"])


def basketball_hoop(rng):
    """Backboard and rim seen from above, mounted on the wall to the north."""
    surf = new()
    pygame.draw.rect(surf, P["steel_dark"], (13, 0, 6, 8))                       # arm
    bevel_rect(surf, (3, 6, 26, 5), P["backboard"], P["paper"], P["steel"])      # backboard
    pygame.draw.rect(surf, P["rim"], (11, 7, 10, 2))
    pygame.draw.circle(surf, P["rim"], (16, 18), 7, 2)                           # rim
    for k in range(8):
        a = k * math.tau / 8
        pygame.draw.line(surf, P["paper"], (16 + math.cos(a) * 5, 18 + math.sin(a) * 5),
                         (16 + math.cos(a) * 3, 19 + math.sin(a) * 3))
    pygame.draw.line(surf, P["steel_light"], (16, 11), (16, 12))
    return finish_prop(surf, P["outline"])


# ================================================================ 43-48 bleachers
def bleachers(rng):
    """Folding wooden bleachers, 3x2: rows of seat planks climbing north, steel ends."""
    s = new(3 * TILE, 2 * TILE)
    pygame.draw.rect(s, P["bleacher_dark"], (4, 2, 88, 60))
    for i, y in enumerate(range(4, 60, 11)):
        pygame.draw.rect(s, P["outline"], (4, y, 88, 1))
        pygame.draw.rect(s, P["bleacher_light"], (4, y + 1, 88, 1))
        pygame.draw.rect(s, P["bleacher"], (4, y + 2, 88, 4))                    # seat
        pygame.draw.rect(s, shade(P["bleacher"], 0.85), (4, y + 6, 88, 1))
        pygame.draw.rect(s, P["bleacher_dark"], (4, y + 7, 88, 4))               # footboard
        for x in range(16, 96, 32):
            pygame.draw.line(s, P["bleacher_dark"], (x + (i % 2) * 8, y + 2),
                             (x + (i % 2) * 8, y + 5))
    for x0 in (1, 91):                                                           # steel ends
        pygame.draw.rect(s, P["steel_dark"], (x0, 1, 4, 62))
        pygame.draw.line(s, P["steel_light"], (x0 + 1, 1), (x0 + 1, 62))
    pygame.draw.rect(s, P["steel"], (1, 1, 94, 2))                               # back rail
    pygame.draw.rect(s, P["maroon"], (4, 59, 88, 3))                             # front kick
    return split(finish_prop(s, P["outline"]), 3, 2)


# ================================================================ 49-55 small things
def backpack(rng):
    """A school bag dropped on its side: wider than tall, a bright pocket, a loose strap and no
    dark knob on top. Upright, with a dark handle, it read as a crouching figure."""
    surf = new()
    pygame.draw.rect(surf, P["pack_dark"], (5, 10, 22, 15), border_radius=5)
    pygame.draw.rect(surf, P["pack"], (6, 11, 20, 13), border_radius=5)
    bevel_rect(surf, (14, 14, 9, 8), P["pack_pocket"], P["pack_light"], P["pack_dark"], radius=2)
    pygame.draw.line(surf, P["steel_light"], (15, 15), (21, 15))                  # zip
    pygame.draw.arc(surf, P["pack_light"], (1, 12, 8, 10), math.pi / 2, 3 * math.pi / 2, 1)  # handle
    pygame.draw.lines(surf, P["pack_dark"], False, [(10, 24), (14, 29), (22, 28)], 2)  # strap
    return finish_prop(surf, P["outline"])


def scattered_papers(rng):
    layer = new()
    for cx, cy, a in ((9, 10, 0.4), (22, 12, -0.6), (15, 22, 1.0), (26, 25, 0.2)):
        ruled_sheet(layer, cx, cy, a, P["paper"], P["ink"])
    return finish_prop(layer, P["outline"])


def basketball(rng):
    surf = new()
    outlined_circle(surf, P["ball"], (16, 16), 6, P["outline"])
    pygame.draw.line(surf, P["ball_dark"], (10, 16), (22, 16))
    pygame.draw.line(surf, P["ball_dark"], (16, 10), (16, 22))
    pygame.draw.arc(surf, P["ball_dark"], (8, 11, 8, 10), -1.3, 1.3)
    pygame.draw.arc(surf, P["ball_dark"], (16, 11, 8, 10), 1.8, 4.4)
    pygame.draw.circle(surf, shade(P["ball"], 1.3), (14, 13), 1)
    return finish_prop(surf, P["outline"])


def lab_stool(rng):
    surf = new()
    for x, y in ((9, 9), (23, 9), (9, 23), (23, 23)):
        outlined_circle(surf, P["steel_dark"], (x, y), 1, P["outline"])
    pygame.draw.rect(surf, P["steel"], (10, 10, 12, 12), 1)
    outlined_circle(surf, P["wood"], (16, 16), 7, P["outline"])
    pygame.draw.circle(surf, P["wood_light"], (14, 14), 3)
    return finish_prop(surf, P["outline"])


def moonlight_floor(rng):
    """A pale pool of moonlight in the shape of a window (put it on `decor` under a window)."""
    surf = new()
    layer = new()
    pygame.draw.polygon(layer, (*P["moon"], 70), [(2, 0), (30, 0), (31, 31), (4, 31)])
    for y in (10, 21):
        pygame.draw.line(layer, (0, 0, 0, 0), (2, y), (31, y))
    pygame.draw.line(layer, (0, 0, 0, 0), (16, 0), (17, 31))
    surf.blit(layer, (0, 0))
    return surf


def globe(rng):
    surf = new()
    pygame.draw.rect(surf, P["wood_dark"], (9, 22, 14, 5))
    pygame.draw.arc(surf, P["gold_dark"], (6, 4, 20, 20), -1.0, 2.6, 2)
    outlined_circle(surf, P["ocean"], (16, 14), 8, P["outline"])
    for pts in ([(11, 10), (15, 9), (16, 13), (13, 15)], [(17, 15), (21, 14), (20, 19)]):
        pygame.draw.polygon(surf, P["land"], pts)
    pygame.draw.circle(surf, P["glass_hi"], (13, 11), 1)
    return finish_prop(surf, P["outline"])


def lot_light(rng):
    surf = new()
    glow(surf, (18, 14), 15, P["lamp"], alpha=120)
    lamp = new()
    lamp_pole(lamp, (8, 24), (16, 15), P["steel_dark"], P["steel"], P["outline"])
    pygame.draw.ellipse(lamp, P["outline"], (12, 8, 14, 11))
    pygame.draw.ellipse(lamp, P["lamp"], (13, 9, 12, 9))
    pygame.draw.ellipse(lamp, P["lamp_core"], (15, 11, 7, 4))
    surf.blit(finish_prop(lamp, P["outline"]), (0, 0))
    return surf


# ================================================================ order = local tile ids
TILES = [
    (["terrazzo hall floor"], terrazzo_floor),
    (["terrazzo border stripe"], terrazzo_border),
    (["terrazzo moonlit sheen"], terrazzo_sheen),
    (["terrazzo scuffed"], terrazzo_scuffed),
    (["classroom wood floor"], classroom_floor),
    (["classroom wood floor worn"], classroom_floor_worn),
    (["gym floor"], gym_floor),
    (["gym floor line horizontal"], gym_line_h),
    (["gym floor line vertical"], gym_line_v),
    (["gym floor line corner"], gym_line_corner),
    (["gym floor center circle"], gym_center),
    (["gym floor key paint"], gym_key),
    (["lab floor"], lab_floor),
    (["entrance mat"], entrance_mat),
    (["parking asphalt"], parking_asphalt),
    (["parking painted line"], parking_line),
    (["painted block wall"], block_wall),
    (["wall with moonlit window"], window_wall),
    (["chalkboard wall"], chalkboard),
    (["chalkboard wall with diagram"], chalkboard_diagram),
    (["lockers facing south"], lockers_south),
    (["lockers facing north"], lockers_north),
    (["locker ajar"], locker_ajar),
    (["wall with bulletin board"], bulletin_wall),
    (["wall corner pillar"], corner_pillar),
    (["classroom desk"], classroom_desk),
    (["classroom desk with book"], classroom_desk_book),
    (grid_labels("teacher's desk", 2, 1), teacher_desk),
    (grid_labels("lab bench with sink", 2, 1), lab_bench),
    (["fume hood"], fume_hood),
    (["bookshelf"], bookshelf),
    (["bookshelf half empty"], bookshelf_sparse),
    (grid_labels("trophy case", 2, 1), trophy_case),
    (["water fountain"], water_fountain),
    (["trash can"], trash_can),
    (["janitor's cart"], janitor_cart),
    (["stacked chairs"], stacked_chairs),
    (["gym mats"], gym_mats),
    (["ball cart"], ball_cart),
    (["basketball hoop"], basketball_hoop),
    (grid_labels("bleachers", 3, 2), bleachers),
    (["backpack"], backpack),
    (["scattered papers"], scattered_papers),
    (["basketball"], basketball),
    (["lab stool"], lab_stool),
    (["moonlight on floor"], moonlight_floor),
    (["globe"], globe),
    (["parking lot light"], lot_light),
]


def build() -> list:
    """All tiles in id order as (label, Surface) pairs."""
    return build_tiles(TILES, _rng)
