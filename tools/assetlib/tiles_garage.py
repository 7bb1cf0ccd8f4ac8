"""Chapter 1 tileset: an Alaskan garage at night, seen from above (32 px tiles).

Floors (ids 0-15, 49-51, 53) are opaque and tile seamlessly with themselves and with
their variants (they share one base texture). Walls (16-18, 20-22) are opaque. Props and
everything that stands on a floor (19, 23-48, 52, 54, 55) are drawn on transparent
ground with a dark outline and a small drop shadow, so they go on a layer above the floor.
Tiles are drawn at full brightness; the game's lighting darkens the scene.
"""
from __future__ import annotations

import math

import numpy as np
import pygame

from .draw import (TILE, bevel_rect, blend, blob_mask, finish_prop, from_array, mix, new,
                   outlined_circle, periodic_noise, shade, soft_edge, speckle, split, texture,
                   drop_shadow)
from .tilekit import (base_texture, build_tiles, chain_mesh, crack, diamond_plate, lamp_pole,
                      running_bond, ruled_sheet, scatter, seeded, tyre_tread, wheels, worn_stripe)

NAME = "garage"
SEED = 1971

PALETTE = {
    # concrete, blue cast
    "concrete": (94, 102, 116), "concrete_dark": (70, 77, 92), "concrete_light": (120, 128, 142),
    "crack": (50, 55, 68), "oil": (26, 28, 38), "oil_sheen": (70, 82, 116),
    "bay_yellow": (204, 170, 62),
    # office
    "lino_a": (124, 132, 138), "lino_b": (90, 99, 110), "rug": (112, 38, 42),
    "rug_dark": (74, 24, 32), "rug_pattern": (150, 74, 62), "rug_blue": (54, 66, 100),
    # metal
    "steel": (122, 130, 144), "steel_dark": (66, 73, 88), "steel_light": (166, 176, 190),
    "grate_hole": (18, 20, 28),
    # outside
    "snow": (212, 225, 240), "snow_shadow": (170, 190, 218), "snow_deep": (138, 160, 196),
    "snow_bright": (240, 246, 253), "asphalt": (54, 59, 70), "asphalt_light": (86, 92, 104),
    "paint_white": (198, 204, 212), "mud": (80, 70, 64), "ice": (162, 190, 214),
    # walls
    "wall_top": (42, 46, 60), "wall_block": (50, 55, 70), "wall_mortar": (30, 33, 45),
    "wall_hi": (112, 122, 144), "wall_lo": (18, 20, 28),
    "glass": (146, 188, 222), "glass_hi": (214, 234, 248), "frame": (86, 94, 112),
    "post": (28, 31, 40), "mesh": (136, 146, 162),
    "shutter": (94, 104, 122), "shutter_dark": (56, 63, 78), "shutter_hi": (134, 144, 160),
    # wood, rust, red
    "wood": (110, 86, 66), "wood_dark": (70, 53, 44), "wood_light": (142, 114, 86),
    "rust": (130, 56, 40), "rust_dark": (84, 36, 30), "rust_light": (166, 82, 56),
    "red": (166, 42, 40), "red_dark": (104, 26, 28), "red_light": (204, 72, 62),
    # props
    "tyre": (26, 27, 33), "tyre_wall": (42, 44, 52), "rim": (132, 138, 152),
    "cardboard": (150, 118, 82), "cardboard_dark": (110, 84, 60),
    "locker": (108, 118, 134), "paper": (222, 228, 234), "ink": (88, 96, 114),
    "lamp_green": (46, 86, 70),
    # vehicles
    "car": (82, 110, 150), "car_dark": (52, 72, 104), "car_light": (120, 148, 184),
    "car_glass": (32, 44, 64), "car_glass_hi": (98, 128, 162),
    "headlight": (236, 232, 196), "taillight": (150, 32, 36),
    "pickup": (68, 80, 58), "pickup_dark": (42, 50, 38), "pickup_light": (96, 108, 82),
    "bed": (32, 36, 32),
    "lift_yellow": (214, 176, 52), "lift_dark": (132, 104, 32),
    "dumpster": (44, 76, 62), "dumpster_dark": (28, 48, 42), "dumpster_light": (72, 108, 90),
    # light and water
    "sodium": (255, 170, 60), "sodium_core": (255, 236, 176),
    "water": (46, 64, 92), "water_hi": (124, 156, 196),
    "cord": (216, 112, 40), "cone": (234, 104, 40), "cone_white": (232, 234, 240),
    "bucket": (198, 168, 58),
    "outline": (12, 14, 22),
}
P = PALETTE


_rng = seeded(SEED)


# ================================================================ shared bases
@base_texture
def concrete() -> np.ndarray:
    rng = _rng(1000)
    arr = texture(rng, P["concrete"], blob=7, grain=3.0, tint=(0.9, 1.0, 1.15))
    speckle(arr, rng, P["concrete_dark"], 0.025)
    speckle(arr, rng, P["concrete_light"], 0.015)
    return arr


@base_texture
def snow() -> np.ndarray:
    rng = _rng(1001)
    arr = texture(rng, P["snow"], blob=9, grain=2.0, cells=3, tint=(1.3, 1.0, 0.6))
    speckle(arr, rng, P["snow_bright"], 0.012)
    speckle(arr, rng, P["snow_shadow"], 0.006)
    return arr


@base_texture
def asphalt() -> np.ndarray:
    rng = _rng(1002)
    arr = texture(rng, P["asphalt"], blob=5, grain=2.5, cells=4, tint=(0.95, 1.0, 1.1))
    speckle(arr, rng, P["asphalt_light"], 0.04)
    speckle(arr, rng, shade(P["asphalt"], 0.75), 0.04)
    speckle(arr, rng, P["snow_shadow"], 0.012)
    return arr


@base_texture
def wall() -> np.ndarray:
    """Top of a cinder-block wall: dark, running-bond blocks, bevelled lit edge."""
    rng = _rng(1003)
    arr = texture(rng, P["wall_block"], blob=3, grain=2.0, cells=4)
    blend(arr, running_bond(TILE, TILE, 16, 8), P["wall_mortar"])
    arr[0, :, :3] = P["wall_hi"]
    arr[:, 0, :3] = P["wall_hi"]
    arr[1, 1:, :3] = mix(P["wall_hi"], P["wall_block"], 0.5)
    arr[1:, 1, :3] = mix(P["wall_hi"], P["wall_block"], 0.5)
    arr[-1, 1:, :3] = P["wall_lo"]
    arr[1:, -1, :3] = P["wall_lo"]
    return arr


# ================================================================ 0-7 garage and office floors
def concrete_floor(rng):
    return from_array(concrete())


def concrete_cracked(rng):
    arr = concrete()
    stain = blob_mask(rng, TILE, TILE, 20, 11, 9, 6, wobble=0.4)
    blend(arr, soft_edge(stain), P["concrete_dark"], 0.45)
    surf = from_array(arr)
    crack(surf, rng, [(1, 27), (7, 23), (11, 24), (16, 18), (21, 16), (24, 11), (31, 7)],
          P["crack"], P["concrete_light"])
    crack(surf, rng, [(16, 18), (18, 23), (17, 28)], P["crack"], P["concrete_light"], 0.6)
    return surf


def concrete_oil(rng):
    arr = concrete()
    stain = blob_mask(rng, TILE, TILE, 15, 17, 10, 8, wobble=0.35)
    blend(arr, soft_edge(stain), P["oil"], 0.85)
    sheen = blob_mask(rng, TILE, TILE, 13, 15, 4, 2.5, wobble=0.3)
    blend(arr, soft_edge(sheen), P["oil_sheen"], 0.6)
    drip = blob_mask(rng, TILE, TILE, 27, 6, 2.5, 2, wobble=0.2)
    blend(arr, drip, P["oil"], 0.8)
    return from_array(arr)


def _bay_stripe(rng, vertical: bool):
    arr = concrete()
    blend(arr, worn_stripe(rng, 2, 8, 0.25, 0.55, vertical), P["bay_yellow"], 0.9)
    return from_array(arr)


def bay_stripe_left(rng):
    return _bay_stripe(rng, True)


def bay_stripe_top(rng):
    return _bay_stripe(rng, False)


def _linoleum(rng):
    yy, xx = np.mgrid[0:TILE, 0:TILE]
    checker = ((xx // 8) + (yy // 8)) % 2 == 0
    arr = texture(rng, P["lino_b"], blob=2, grain=1.5, cells=4)
    blend(arr, checker, P["lino_a"], 0.95)
    seam = (xx % 8 == 7) | (yy % 8 == 7)
    blend(arr, seam, shade(P["lino_b"], 0.85), 0.35)
    return arr


def office_floor(rng):
    return from_array(_linoleum(rng))


def office_floor_worn(rng):
    arr = _linoleum(rng)
    scuff = blob_mask(rng, TILE, TILE, 16, 17, 11, 8, wobble=0.4)
    blend(arr, soft_edge(scuff), shade(P["lino_b"], 0.85), 0.18)  # foot traffic dulls, it does not bleach
    arr[8:16, 24:32, :3] = shade(P["lino_b"], 0.78)  # one tile missing: the glue shows, not a hole
    speckle(arr[8:16, 24:32], rng, shade(P["lino_b"], 0.65), 0.3)
    surf = from_array(arr)
    for a, b in (((5, 6), (11, 9)), ((18, 25), (25, 22)), ((9, 26), (12, 27))):
        pygame.draw.line(surf, shade(P["lino_b"], 0.6), a, b)
    return surf


def threshold_plate(rng):
    """Diamond-pattern steel plate for door thresholds."""
    arr = texture(rng, P["steel_dark"], blob=4, grain=2.0)
    surf = from_array(arr)
    bevel_rect(surf, (0, 0, TILE, TILE), P["steel_dark"], P["steel"], P["outline"])
    diamond_plate(surf, P["steel_light"], 4, 30, 6, P["outline"])
    return surf


# ================================================================ 8-15 outside grounds, rug, drain
def snow_floor(rng):
    return from_array(snow())


def snow_tracks(rng):
    arr = snow()
    yy, xx = np.mgrid[0:TILE, 0:TILE]
    for x0 in (5, 21):
        track = (xx >= x0) & (xx < x0 + 7)
        blend(arr, track, P["snow_shadow"], 0.75)
        tread = track & (yy % 4 < 2) & ((xx - x0) % 6 != 0)
        blend(arr, tread, P["snow_deep"], 0.55)
        blend(arr, xx == x0 - 1, P["snow_bright"], 0.9)
        blend(arr, xx == x0 + 7, P["snow_bright"], 0.6)
    return from_array(arr)


def snow_footprints(rng):
    surf = from_array(snow())
    steps = [(7, 27, -1), (13, 19, 1), (19, 13, -1), (25, 5, 1)]
    for x, y, side in steps:
        cx, cy = x + side * 2, y + side * 2
        pygame.draw.ellipse(surf, P["snow_shadow"], (cx - 2, cy - 3, 5, 7))
        pygame.draw.ellipse(surf, P["snow_deep"], (cx - 1, cy - 2, 3, 4))
        pygame.draw.line(surf, P["snow_bright"], (cx - 2, cy + 4), (cx + 2, cy + 4))
    return surf


def frozen_yard(rng):
    return from_array(asphalt())


def asphalt_line(rng):
    arr = asphalt()
    blend(arr, worn_stripe(rng, 13, 19, 0.3, 0.5), P["paint_white"], 0.8)
    return from_array(arr)


def dirt_ice(rng):
    arr = asphalt()
    mud = blob_mask(rng, TILE, TILE, 11, 20, 9, 8, wobble=0.4)
    blend(arr, soft_edge(mud), P["mud"], 0.8)
    speckle(arr, rng, shade(P["mud"], 0.7), 0.2, mud)
    ice = blob_mask(rng, TILE, TILE, 21, 11, 9, 7, wobble=0.3)
    blend(arr, soft_edge(ice), P["ice"], 0.8)
    surf = from_array(arr)
    pygame.draw.line(surf, P["snow_bright"], (17, 8), (22, 6))
    pygame.draw.line(surf, P["snow_bright"], (19, 13), (25, 10))
    return surf


def office_rug(rng):
    yy, xx = np.mgrid[0:TILE, 0:TILE]
    arr = texture(rng, P["rug"], blob=4, grain=3.0, cells=4)
    lattice = ((xx + yy) % 16 == 0) | ((xx - yy) % 16 == 0)
    blend(arr, lattice, P["rug_pattern"], 0.85)
    d = np.abs((xx + 0.5) % 16 - 8) + np.abs((yy + 0.5) % 16 - 8)
    blend(arr, d < 3.5, P["rug_blue"], 0.9)
    d2 = np.abs((xx + 0.5 + 8) % 16 - 8) + np.abs((yy + 0.5) % 16 - 8)
    blend(arr, d2 < 2, P["rug_dark"], 0.9)
    return from_array(arr)


def drain_grate(rng):
    arr = concrete()
    wet = blob_mask(rng, TILE, TILE, 16, 16, 14, 13, wobble=0.25)
    blend(arr, soft_edge(wet), P["concrete_dark"], 0.55)
    surf = from_array(arr)
    bevel_rect(surf, (7, 7, 18, 18), P["steel_dark"], P["outline"], P["steel"])
    pygame.draw.rect(surf, P["grate_hole"], (9, 9, 14, 14))
    for x in range(10, 23, 3):
        pygame.draw.line(surf, P["steel"], (x, 9), (x, 22))
    return surf


# ================================================================ 16-23 walls and barriers
def wall_block(rng):
    return from_array(wall())


def wall_pipe(rng):
    surf = from_array(wall())
    rows = [P["outline"], P["steel_dark"], P["steel"], P["steel_light"], P["steel"],
            P["steel_dark"], P["outline"]]
    for i, c in enumerate(rows):
        pygame.draw.line(surf, c, (0, 13 + i), (TILE - 1, 13 + i))
    for x in (7, 23):
        pygame.draw.rect(surf, P["outline"], (x - 1, 11, 4, 11))
        pygame.draw.rect(surf, P["steel_dark"], (x, 12, 2, 9))
    pygame.draw.line(surf, P["rust"], (12, 18), (15, 18))
    return surf


def wall_window(rng):
    surf = from_array(wall())
    pygame.draw.rect(surf, P["outline"], (0, 10, TILE, 12))
    pygame.draw.rect(surf, P["frame"], (0, 11, TILE, 10))
    pygame.draw.rect(surf, P["glass"], (0, 13, TILE, 6))
    pygame.draw.line(surf, P["glass_hi"], (0, 13), (TILE - 1, 13))
    for x in (6, 20):
        pygame.draw.line(surf, P["glass_hi"], (x, 18), (x + 5, 14))
    pygame.draw.rect(surf, P["frame"], (15, 11, 2, 10))
    return surf


def chain_link_fence(rng):
    surf = new()
    chain_mesh(surf, P["mesh"], 11, 20, pitch=5)
    pygame.draw.line(surf, P["steel_light"], (0, 10), (TILE - 1, 10))
    pygame.draw.line(surf, P["steel_dark"], (0, 21), (TILE - 1, 21))
    outlined_circle(surf, P["post"], (16, 15), 3, P["outline"])
    pygame.draw.circle(surf, P["steel"], (15, 14), 1)
    for x in (3, 4, 26, 27):
        surf.set_at((x, 10), P["snow_bright"])
    return drop_shadow(surf, (2, 3), 80)


def roller_shutter(rng):
    surf = new()
    for y in range(TILE):
        c = (P["shutter_dark"], P["shutter_hi"], P["shutter"], P["shutter"])[y % 4]
        pygame.draw.line(surf, c, (0, y), (TILE - 1, y))
    pygame.draw.rect(surf, P["wall_top"], (0, 0, TILE, 4))
    pygame.draw.line(surf, P["wall_hi"], (0, 0), (TILE - 1, 0))
    pygame.draw.rect(surf, P["outline"], (0, 27, TILE, 5))
    pygame.draw.rect(surf, P["bay_yellow"], (0, 28, TILE, 3))
    for x in range(0, TILE, 8):
        pygame.draw.polygon(surf, P["outline"], [(x, 31), (x + 4, 28), (x + 7, 28), (x + 3, 31)])
    pygame.draw.rect(surf, P["outline"], (13, 24, 6, 3))
    for x, y in ((5, 9), (22, 17), (9, 21)):
        pygame.draw.line(surf, P["rust"], (x, y), (x + 2, y))
    return surf


def wooden_fence(rng):
    arr = texture(rng, P["wood"], blob=6, grain=3.0, cells=2, tint=(1.2, 1.0, 0.8))
    yy, xx = np.mgrid[0:TILE, 0:TILE]
    for plank in range(4):
        tone = rng.uniform(0.88, 1.08)
        cols = slice(plank * 8, plank * 8 + 8)
        arr[:, cols, :3] *= tone
    streak = (np.sin(xx * 2.3 + np.sin(yy * 0.4) * 1.5) > 0.85) & (xx % 8 != 7)
    blend(arr, streak, P["wood_dark"], 0.35)
    blend(arr, xx % 8 == 7, P["outline"], 0.9)
    blend(arr, xx % 8 == 0, P["wood_light"], 0.5)
    speckle(arr, rng, P["snow_bright"], 0.05, yy < 6)
    surf = from_array(arr)
    for x in range(3, TILE, 8):
        surf.set_at((x, 5), P["steel_light"])
        surf.set_at((x, 26), P["steel_light"])
    return surf


def wall_corner_post(rng):
    surf = from_array(wall())
    pygame.draw.rect(surf, P["outline"], (3, 3, 27, 27))
    bevel_rect(surf, (4, 4, 24, 24), P["concrete_dark"], P["wall_hi"], P["wall_lo"], 2)
    pygame.draw.rect(surf, P["wall_top"], (9, 9, 14, 14))
    pygame.draw.rect(surf, P["wall_block"], (10, 10, 12, 12))
    return surf


def steel_pillar(rng):
    surf = new()
    foot = new()
    for k in range(-32, 32, 6):                 # yellow/black hazard paint on the footing
        pygame.draw.polygon(foot, P["bay_yellow"], [(k, 32), (k + 3, 32), (k + 35, 0), (k + 32, 0)])
    pygame.draw.rect(surf, P["outline"], (3, 3, 26, 26))
    pygame.draw.rect(surf, P["outline"], (4, 4, 24, 24))
    surf.blit(foot, (4, 4), (4, 4, 24, 24))
    pygame.draw.rect(surf, P["concrete"], (7, 7, 18, 18))
    beam = [(8, 8, 16, 4), (8, 20, 16, 4), (14, 11, 4, 10)]
    for r in beam:
        pygame.draw.rect(surf, P["outline"], pygame.Rect(r).inflate(2, 2))
    for r in beam:
        pygame.draw.rect(surf, P["steel"], r)
    pygame.draw.line(surf, P["steel_light"], (8, 8), (23, 8))
    pygame.draw.line(surf, P["steel_light"], (8, 20), (23, 20))
    pygame.draw.line(surf, P["steel_light"], (14, 12), (14, 19))
    return finish_prop(surf, P["outline"])


# ================================================================ 24-31 furniture
def workbench(rng):
    surf = new(2 * TILE, TILE)
    pygame.draw.rect(surf, P["steel_dark"], (2, 6, 60, 22))
    arr_top = texture(rng, P["wood"], 18, 56, blob=5, grain=3, cells=2, tint=(1.2, 1.0, 0.8))
    top = from_array(arr_top)
    for y in range(2, 18, 4):
        pygame.draw.line(top, P["wood_dark"], (0, y), (55, y))
    surf.blit(top, (4, 8))
    pygame.draw.line(surf, P["wood_light"], (4, 8), (59, 8))
    # vise on the left end
    bevel_rect(surf, (7, 2, 10, 10), P["steel"], P["steel_light"], P["outline"])
    pygame.draw.line(surf, P["steel_light"], (12, 0), (12, 3))
    pygame.draw.line(surf, P["outline"], (8, 11), (15, 11))
    # rag and a coffee can on the left half
    pygame.draw.polygon(surf, P["red_dark"], [(22, 16), (29, 14), (31, 20), (24, 23)])
    outlined_circle(surf, P["steel"], (40, 14), 3, P["outline"])
    pygame.draw.circle(surf, P["steel_dark"], (40, 14), 2)
    # tools on the right half
    pygame.draw.line(surf, P["steel_light"], (36, 22), (46, 19), 2)   # wrench
    pygame.draw.circle(surf, P["steel_light"], (47, 19), 2)
    pygame.draw.line(surf, P["wood_light"], (48, 11), (57, 11), 2)     # hammer handle
    pygame.draw.rect(surf, P["steel_dark"], (47, 8, 3, 7))
    pygame.draw.line(surf, P["red_light"], (51, 20), (54, 22), 2)      # screwdriver
    pygame.draw.line(surf, P["steel_light"], (55, 23), (58, 25))
    return split(finish_prop(surf, P["outline"]), 2, 1)


def tyre_stack(rng):
    surf = new()
    pygame.draw.circle(surf, P["outline"], (17, 17), 14)       # lower tyre peeking out
    pygame.draw.circle(surf, P["tyre"], (16, 16), 13)
    tyre_tread(surf, P["tyre_wall"], (16, 16), 10.5, 12.5, 24)
    pygame.draw.circle(surf, P["tyre_wall"], (16, 16), 9)
    pygame.draw.arc(surf, shade(P["tyre_wall"], 1.6), (7, 7, 18, 18), 1.7, 3.0)
    pygame.draw.circle(surf, P["rim"], (16, 16), 6)
    pygame.draw.circle(surf, P["grate_hole"], (16, 16), 3)
    pygame.draw.circle(surf, P["outline"], (16, 16), 6, 1)
    return finish_prop(surf, P["outline"])


def shelving(rng):
    surf = new()
    bevel_rect(surf, (1, 5, 30, 22), P["steel"], P["steel_light"], P["steel_dark"])
    boxes = [((3, 7, 9, 8), P["cardboard"]), ((13, 7, 7, 9), P["cardboard_dark"]),
             ((21, 8, 8, 7), P["rug_blue"]), ((3, 17, 7, 8), P["cardboard_dark"]),
             ((11, 17, 10, 8), P["cardboard"])]
    for r, c in boxes:
        pygame.draw.rect(surf, P["outline"], pygame.Rect(r).inflate(2, 2))
        pygame.draw.rect(surf, c, r)
        x, y, w, h = r
        pygame.draw.line(surf, shade(c, 1.25), (x, y + h // 2), (x + w - 1, y + h // 2))
    outlined_circle(surf, P["red"], (25, 21), 3, P["outline"])
    pygame.draw.circle(surf, P["steel_light"], (25, 21), 1)
    for x, y in ((1, 5), (29, 5), (1, 25), (29, 25)):
        pygame.draw.rect(surf, P["outline"], (x, y, 2, 2))
    return finish_prop(surf, P["outline"])


def oil_drum(rng):
    surf = new()
    pygame.draw.circle(surf, P["rust_light"], (16, 16), 12)
    pygame.draw.circle(surf, P["rust"], (16, 16), 10)
    pygame.draw.circle(surf, P["rust_dark"], (16, 16), 7, 1)
    outlined_circle(surf, P["steel_dark"], (11, 12), 2, P["outline"])
    pygame.draw.circle(surf, P["outline"], (21, 20), 1)
    scatter(surf, rng, P["rust_dark"], 0.08, lambda x, y: (x - 16) ** 2 + (y - 16) ** 2 < 80)
    pygame.draw.arc(surf, P["sodium_core"], (6, 6, 20, 20), 1.9, 2.8)
    return finish_prop(surf, P["outline"])


def tool_chest(rng):
    surf = new()
    bevel_rect(surf, (4, 5, 24, 22), P["red"], P["red_light"], P["red_dark"], 1, radius=2)
    for y in (21, 24):
        pygame.draw.line(surf, P["red_dark"], (5, y), (26, y))
        pygame.draw.line(surf, P["steel_light"], (13, y + 1), (18, y + 1))
    pygame.draw.rect(surf, P["steel"], (6, 7, 20, 2))
    pygame.draw.line(surf, P["steel_light"], (9, 14), (19, 12), 2)
    pygame.draw.circle(surf, P["steel_light"], (20, 12), 2)
    return finish_prop(surf, P["outline"])


def lockers(rng):
    surf = new()
    bevel_rect(surf, (1, 7, 30, 18), P["locker"], shade(P["locker"], 1.3), shade(P["locker"], 0.6))
    for x in (8, 16, 24):
        pygame.draw.line(surf, P["outline"], (x, 8), (x, 23))
    for x in (2, 9, 17, 25):
        for y in (11, 13, 15):
            pygame.draw.line(surf, shade(P["locker"], 0.65), (x + 1, y), (x + 4, y))
        surf.set_at((x + 5, 20), P["steel_light"])
    pygame.draw.rect(surf, shade(P["locker"], 0.55), (1, 22, 30, 3))
    return finish_prop(surf, P["outline"])


def desk(rng):
    surf = new()
    bevel_rect(surf, (2, 4, 28, 24), P["wood"], P["wood_light"], P["wood_dark"])
    for pts in ([(6, 8), (15, 7), (16, 19), (7, 20)], [(12, 14), (21, 16), (19, 25), (10, 23)]):
        pygame.draw.polygon(surf, P["outline"], pts, 1)
        pygame.draw.polygon(surf, P["paper"], pts)
    for y in (10, 12, 14, 16):
        pygame.draw.line(surf, P["ink"], (8, y), (13, y - 1 + (y > 12)))
    for y in (18, 20, 22):
        pygame.draw.line(surf, P["ink"], (13, y), (18, y + 1))
    glow = new()
    pygame.draw.circle(glow, (*P["sodium"], 60), (24, 10), 7)
    surf.blit(glow, (0, 0))
    outlined_circle(surf, P["lamp_green"], (24, 10), 4, P["outline"])
    pygame.draw.circle(surf, shade(P["lamp_green"], 1.5), (23, 9), 2)
    outlined_circle(surf, P["paper"], (25, 22), 2, P["outline"])
    surf.set_at((25, 22), P["wood_dark"])
    return finish_prop(surf, P["outline"])


# ================================================================ 32-47 vehicles and big props
def sedan(rng):
    """Faded blue sedan, nose up; 64x96 cut into 2x3 tiles."""
    s = new(2 * TILE, 3 * TILE)
    wheels(s, P["tyre"], (14, 68), 9, 52, w=3, radius=0)
    c, d, l = P["car"], P["car_dark"], P["car_light"]
    pygame.draw.rect(s, d, (11, 4, 42, 88), border_radius=11)
    pygame.draw.rect(s, c, (13, 5, 38, 86), border_radius=10)
    pygame.draw.line(s, l, (22, 8), (22, 25))                                  # hood creases
    pygame.draw.line(s, l, (41, 8), (41, 25))
    pygame.draw.polygon(s, P["car_glass"], [(14, 26), (49, 26), (45, 38), (18, 38)])
    pygame.draw.line(s, P["car_glass_hi"], (20, 35), (27, 28))
    pygame.draw.line(s, P["car_glass_hi"], (24, 36), (30, 30))
    pygame.draw.rect(s, l, (18, 38, 28, 27), border_radius=3)                  # roof
    pygame.draw.rect(s, P["car_glass"], (14, 39, 3, 24))                       # side windows
    pygame.draw.rect(s, P["car_glass"], (47, 39, 3, 24))
    pygame.draw.polygon(s, P["car_glass"], [(18, 65), (45, 65), (48, 74), (15, 74)])
    pygame.draw.line(s, P["car_glass_hi"], (20, 72), (24, 67))
    pygame.draw.line(s, d, (13, 84), (50, 84))                                 # trunk lid
    for x in (14, 43):
        pygame.draw.rect(s, P["headlight"], (x, 5, 7, 3))
        pygame.draw.rect(s, P["taillight"], (x, 89, 7, 2))
    pygame.draw.rect(s, d, (8, 29, 4, 3))                                      # mirrors
    pygame.draw.rect(s, d, (52, 29, 4, 3))
    # faded paint, a rust spot and a dusting of snow on the roof
    spots = blob_mask(rng, 96, 64, 44, 80, 3, 2, 0.3)
    for y, x in zip(*np.nonzero(spots)):
        s.set_at((int(x), int(y)), P["rust"])
    for x, y, w in ((22, 42, 5), (33, 47, 7), (27, 56, 4), (38, 58, 3)):
        pygame.draw.line(s, mix(P["car_light"], P["snow"], 0.6), (x, y), (x + w, y))
        pygame.draw.line(s, mix(P["car_light"], P["snow"], 0.3), (x + 1, y + 1), (x + w - 2, y + 1))
    return split(finish_prop(s, P["outline"]), 2, 3)


def pickup(rng):
    """Dark olive pickup, cab at top, open bed below; 64x96 cut into 2x3 tiles."""
    s = new(2 * TILE, 3 * TILE)
    wheels(s, P["tyre"], (10, 66), 8, 53, w=3, radius=0)
    c, d, l = P["pickup"], P["pickup_dark"], P["pickup_light"]
    pygame.draw.rect(s, d, (10, 3, 44, 90), border_radius=7)
    pygame.draw.rect(s, c, (12, 4, 40, 48), border_radius=6)
    pygame.draw.rect(s, P["steel"], (14, 3, 36, 3))                             # grille/bumper
    for x in (14, 44):
        pygame.draw.rect(s, P["headlight"], (x, 6, 6, 3))
    pygame.draw.line(s, l, (24, 9), (24, 21))
    pygame.draw.line(s, l, (39, 9), (39, 21))
    pygame.draw.polygon(s, P["car_glass"], [(14, 22), (49, 22), (46, 31), (17, 31)])
    pygame.draw.line(s, P["car_glass_hi"], (21, 29), (27, 24))
    pygame.draw.rect(s, l, (17, 31, 30, 17), border_radius=2)                  # cab roof
    pygame.draw.rect(s, P["car_glass"], (18, 48, 28, 2))                       # rear window
    pygame.draw.rect(s, d, (7, 26, 4, 3))
    pygame.draw.rect(s, d, (53, 26, 4, 3))
    # bed
    pygame.draw.rect(s, c, (12, 53, 40, 38))
    pygame.draw.rect(s, P["bed"], (15, 55, 34, 33))
    for x in range(19, 48, 5):
        pygame.draw.line(s, shade(P["bed"], 1.6), (x, 56), (x, 86))
    pygame.draw.rect(s, l, (12, 88, 40, 4))                                    # tailgate
    pygame.draw.line(s, d, (12, 88), (51, 88))
    for x in (13, 46):
        pygame.draw.rect(s, P["taillight"], (x, 90, 5, 2))
    # rust and snow in the bed
    for y, x in zip(*np.nonzero(blob_mask(rng, 96, 64, 15, 40, 2, 4, 0.3))):
        s.set_at((int(x), int(y)), P["rust"])
    for r in ((17, 78, 10, 7), (30, 57, 12, 6), (38, 72, 6, 5)):
        pygame.draw.ellipse(s, P["snow_shadow"], r)
        pygame.draw.ellipse(s, P["snow"], pygame.Rect(r).inflate(-2, -2).move(-1, -1))
    return split(finish_prop(s, P["outline"]), 2, 3)


def lift_post(rng):
    surf = new()
    bevel_rect(surf, (4, 4, 22, 22), P["steel_dark"], P["steel"], P["outline"])
    for x, y in ((6, 6), (22, 6), (6, 22), (22, 22)):
        surf.set_at((x, y), P["steel_light"])
    bevel_rect(surf, (8, 8, 14, 14), P["lift_yellow"], P["sodium_core"], P["lift_dark"], 2)
    pygame.draw.rect(surf, P["outline"], (21, 13, 10, 5))
    pygame.draw.rect(surf, P["steel"], (21, 14, 9, 3))
    pygame.draw.rect(surf, P["tyre"], (27, 12, 4, 7))
    return finish_prop(surf, P["outline"])


def crate(rng):
    surf = new()
    arr = texture(rng, P["wood"], 26, 26, blob=5, grain=3, cells=2, tint=(1.2, 1.0, 0.8))
    surf.blit(from_array(arr), (3, 3))
    for y in (9, 15, 21):
        pygame.draw.line(surf, P["wood_dark"], (3, y), (28, y))
    pygame.draw.rect(surf, P["wood_light"], (3, 3, 26, 26), 3)
    pygame.draw.rect(surf, P["wood_dark"], (3, 3, 26, 26), 1)
    pygame.draw.line(surf, P["wood_dark"], (6, 25), (25, 6), 5)
    pygame.draw.line(surf, P["wood_light"], (6, 25), (25, 6), 3)
    for x, y in ((4, 4), (27, 4), (4, 27), (27, 27)):
        surf.set_at((x, y), P["steel_light"])
    return finish_prop(surf, P["outline"])


def snowbank(rng):
    """Plowed snow pile: a lumpy heap per tile, lit from the top-left, flat tones. Opaque.

    Side by side the heaps read as a ridge of shovelled snow with shallow valleys."""
    yy, xx = np.mgrid[0:TILE, 0:TILE]
    r2 = ((xx - 15.5) ** 2 + (yy - 15.5) ** 2) / 17.5 ** 2
    h = 14 * np.sqrt(np.clip(1 - r2, 0, 1)) + 2.0 * periodic_noise(rng, TILE, TILE, 4) \
        + 0.8 * periodic_noise(rng, TILE, TILE, 8)
    gy, gx = np.gradient(h)
    n = np.dstack([-gx, -gy, np.ones_like(h)])
    n /= np.linalg.norm(n, axis=2, keepdims=True)
    sun = np.array([-1.0, -1.0, 1.3]) / np.linalg.norm([-1.0, -1.0, 1.3])
    light = (n @ sun) * (0.55 + 0.45 * np.clip(h / 14, 0, 1))
    level = np.digitize(light, [0.35, 0.55, 0.78])
    tones = [P["snow_deep"], P["snow_shadow"], P["snow"], P["snow_bright"]]
    arr = np.zeros((TILE, TILE, 4))
    for i, tone in enumerate(tones):
        arr[level == i, :3] = tone
    arr[:, :, 3] = 255
    speckle(arr, rng, P["mud"], 0.02, level == 0)
    speckle(arr, rng, P["snow_bright"], 0.03, level == 2)
    return from_array(arr)


def dumpster(rng):
    surf = new()
    bevel_rect(surf, (1, 4, 30, 24), P["dumpster"], P["dumpster_light"], P["dumpster_dark"])
    pygame.draw.line(surf, P["outline"], (16, 5), (16, 26))
    pygame.draw.rect(surf, P["dumpster_dark"], (1, 4, 30, 3))
    for x in (5, 10, 21, 26):
        pygame.draw.line(surf, P["dumpster_light"], (x, 9), (x, 25))
    scatter(surf, rng, P["rust"], 0.03, lambda x, y: 5 < y < 27 and 1 < x < 30)
    pygame.draw.ellipse(surf, P["snow"], (18, 11, 9, 5))
    pygame.draw.ellipse(surf, P["snow"], (4, 17, 6, 4))
    return finish_prop(surf, P["outline"])


# ================================================================ 48-55 small things
def sodium_lamp(rng):
    surf = new()
    glow = new()
    for r, a in ((13, 40), (9, 70), (6, 120)):
        pygame.draw.circle(glow, (*P["sodium"], a), (21, 11), r)
    lamp_pole(surf, (9, 23), (20, 12), P["post"], P["steel_dark"], P["outline"])
    pygame.draw.ellipse(surf, P["outline"], (15, 7, 12, 9))
    pygame.draw.ellipse(surf, P["sodium"], (16, 8, 10, 7))
    pygame.draw.ellipse(surf, P["sodium_core"], (18, 9, 5, 4))
    surf = drop_shadow(surf, (2, 2), 90)
    glow.blit(surf, (0, 0))
    return glow


def puddle(rng):
    arr = concrete()
    water = blob_mask(rng, TILE, TILE, 16, 17, 12, 9, wobble=0.35)
    rim = blob_mask(_rng(77), TILE, TILE, 16, 17, 14, 11, wobble=0.2)
    blend(arr, soft_edge(rim | water), P["concrete_dark"], 0.6)
    blend(arr, soft_edge(water), P["water"], 0.85)
    surf = from_array(arr)
    pygame.draw.line(surf, P["water_hi"], (10, 13), (15, 11))
    pygame.draw.line(surf, P["water_hi"], (18, 21), (21, 20))
    for x, y in ((6, 20), (25, 12), (22, 25)):
        pygame.draw.rect(surf, P["snow_shadow"], (x, y, 2, 2))
    return surf


def scattered_papers(rng):
    layer = new()
    sheets = [(9, 10, 0.3), (21, 13, -0.5), (14, 22, 0.9), (25, 25, 0.1)]
    for cx, cy, a in sheets:
        ruled_sheet(layer, cx, cy, a, P["paper"], P["ink"])
    outlined_circle(layer, P["paper"], (5, 25), 2, P["ink"])
    surf = from_array(concrete())
    surf.blit(drop_shadow(layer, (1, 1), 110), (0, 0))
    return surf


def extension_cord(rng):
    surf = from_array(concrete())
    pts = [(t * 0.8, 18 + 7 * math.sin(t / 26 * 5.5)) for t in range(0, 33)]
    pygame.draw.lines(surf, P["outline"], False, pts, 4)
    pygame.draw.lines(surf, P["cord"], False, pts, 2)
    end = pts[-1]
    pygame.draw.rect(surf, P["outline"], (end[0] - 1, end[1] - 3, 6, 7))
    pygame.draw.rect(surf, P["steel_dark"], (end[0], end[1] - 2, 4, 5))
    pygame.draw.line(surf, P["steel_light"], (end[0] + 5, end[1] - 1), (end[0] + 7, end[1] - 1))
    pygame.draw.line(surf, P["steel_light"], (end[0] + 5, end[1] + 1), (end[0] + 7, end[1] + 1))
    return surf


def traffic_cone(rng):
    surf = new()
    bevel_rect(surf, (6, 6, 20, 20), P["cone"], shade(P["cone"], 1.15), shade(P["cone"], 0.6),
               radius=3)
    outlined_circle(surf, P["cone"], (16, 16), 7, shade(P["cone"], 0.55))
    pygame.draw.circle(surf, P["cone_white"], (16, 16), 5, 2)
    pygame.draw.circle(surf, P["outline"], (16, 16), 2)
    return finish_prop(surf, P["outline"])


def snow_drift_edge(rng):
    """Snow blown in over concrete: snow at the top, a wavy edge that tiles sideways."""
    arr = concrete()
    x = np.arange(TILE)
    edge = 14 + 3.5 * np.sin(x * math.tau / TILE + 0.7) + 1.5 * np.sin(x * 2 * math.tau / TILE)
    yy = np.arange(TILE)[:, None]
    snowy = yy < edge[None, :]
    shadow = (yy >= edge[None, :]) & (yy < edge[None, :] + 2)
    blend(arr, shadow, P["concrete_dark"], 0.7)
    s = snow()
    arr[snowy] = s[snowy]
    rim = snowy & ~(np.roll(snowy, -1, 0) | (yy == TILE - 1))
    blend(arr, rim, P["snow_shadow"], 0.9)
    loose = (yy >= edge[None, :] + 2) & (yy < edge[None, :] + 9)
    speckle(arr, rng, P["snow"], 0.06, loose)
    return from_array(arr)


def bucket_mop(rng):
    surf = new()
    outlined_circle(surf, P["bucket"], (12, 18), 9, P["outline"])
    pygame.draw.circle(surf, shade(P["bucket"], 1.2), (12, 18), 9, 1)
    pygame.draw.circle(surf, P["water"], (12, 18), 7)
    pygame.draw.rect(surf, P["steel_dark"], (5, 11, 14, 4))
    for k in range(7):
        pygame.draw.line(surf, P["paper"], (13, 19), (13 + (k - 3) * 2, 24 + (k % 2)), 1)
    pygame.draw.line(surf, P["outline"], (13, 19), (29, 3), 3)
    pygame.draw.line(surf, P["wood_light"], (13, 19), (29, 3), 1)
    return finish_prop(surf, P["outline"])


def radio_table(rng):
    surf = new()
    bevel_rect(surf, (3, 5, 26, 23), P["wood"], P["wood_light"], P["wood_dark"])
    bevel_rect(surf, (7, 10, 18, 11), (44, 48, 58), P["steel"], P["outline"])
    for x in range(9, 16, 2):
        for y in range(12, 19, 2):
            surf.set_at((x, y), P["grate_hole"])
    outlined_circle(surf, P["steel"], (20, 15), 2, P["outline"])
    pygame.draw.rect(surf, P["sodium"], (18, 19, 4, 1))
    pygame.draw.line(surf, P["steel_light"], (23, 10), (28, 2))
    outlined_circle(surf, P["paper"], (8, 24), 2, P["outline"])
    return finish_prop(surf, P["outline"])


# ================================================================ order = local tile ids
TILES = [
    (["concrete floor"], concrete_floor),
    (["concrete floor cracked"], concrete_cracked),
    (["concrete floor oil stain"], concrete_oil),
    (["concrete bay stripe left"], bay_stripe_left),
    (["concrete bay stripe top"], bay_stripe_top),
    (["office linoleum"], office_floor),
    (["office linoleum worn"], office_floor_worn),
    (["door threshold plate"], threshold_plate),
    (["snow"], snow_floor),
    (["snow tyre tracks"], snow_tracks),
    (["snow footprints"], snow_footprints),
    (["frozen gravel yard"], frozen_yard),
    (["asphalt painted line"], asphalt_line),
    (["dirt and ice patch"], dirt_ice),
    (["office rug"], office_rug),
    (["drain grate"], drain_grate),
    (["wall"], wall_block),
    (["wall with pipe"], wall_pipe),
    (["wall with window"], wall_window),
    (["chain-link fence"], chain_link_fence),
    (["roller shutter door"], roller_shutter),
    (["wooden fence"], wooden_fence),
    (["wall corner post"], wall_corner_post),
    (["steel pillar"], steel_pillar),
    (["workbench left", "workbench right"], workbench),
    (["tyre stack"], tyre_stack),
    (["metal shelving"], shelving),
    (["oil drum"], oil_drum),
    (["tool chest"], tool_chest),
    (["lockers"], lockers),
    (["desk"], desk),
    (["car top-left", "car top-right", "car mid-left", "car mid-right",
      "car bottom-left", "car bottom-right"], sedan),
    (["car lift post"], lift_post),
    (["wooden crate"], crate),
    (["pickup top-left", "pickup top-right", "pickup mid-left", "pickup mid-right",
      "pickup bottom-left", "pickup bottom-right"], pickup),
    (["snowbank"], snowbank),
    (["dumpster"], dumpster),
    (["sodium lamp post"], sodium_lamp),
    (["puddle"], puddle),
    (["scattered papers"], scattered_papers),
    (["extension cord"], extension_cord),
    (["traffic cone"], traffic_cone),
    (["snow drift edge"], snow_drift_edge),
    (["bucket and mop"], bucket_mop),
    (["radio on table"], radio_table),
]


def build() -> list:
    """All tiles in id order as (label, Surface) pairs."""
    return build_tiles(TILES, _rng)
