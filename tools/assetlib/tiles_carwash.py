"""Chapter 2 tileset: an Albuquerque car wash at dusk, seen from above (32 px tiles).

Dusk orange and purple: mauve wet tiles that mirror the sky, peach adobe stucco with
turquoise trim, red desert gravel, pink and cyan neon. Floors (0-15) are opaque and
seamless; walls (16-21) are opaque; everything else is drawn on transparent ground with a
dark outline and a small drop shadow, to go on `walls` (solid) or `decor` over a floor.
Tiles are drawn at full brightness; the game's lighting darkens the scene.

Multi-tile pictures are listed row by row (the car's 6 tiles: top-left, top-right,
mid-left, ...). Gantry pieces compose left to right: post left, any number of spray
bars and roller brushes, post right (the bars are overhead: put them on `decor` to let
people walk under, on `walls` to block).

 id  label
  0  wet tile floor
  1  wet tile floor reflection
  2  wet tile floor puddle
  3  bay floor
  4  bay floor drain channel
  5  bay floor drain crossing
  6  bay guide rail left
  7  bay guide rail right
  8  bay floor arrow
  9  office linoleum
 10  office linoleum worn
 11  asphalt lot
 12  asphalt line vertical
 13  asphalt line horizontal
 14  asphalt oil stain
 15  red gravel bed
 16  stucco wall
 17  stucco wall with window
 18  stucco wall with vigas
 19  stucco pilaster
 20  storefront glass
 21  block lot wall
 22  chain-link fence
 23  chain-link post
 24  floor safe
 25  filing cabinet
 26  vending machine
 27  vacuum station
 28  pay kiosk
 29  soap drums
 30  agave pot
 31  desert shrub planter
 32  dumpster
 33  office desk left
 34  office desk right
 35  register counter left
 36  register counter right
 37  side brush top-left
 38  side brush top-right
 39  side brush bottom-left
 40  side brush bottom-right
 41  gantry post left
 42  gantry spray bar
 43  gantry roller brush
 44  gantry post right
 45  neon sign left
 46  neon sign mid
 47  neon sign right
 48  car top-left
 49  car top-right
 50  car mid-left
 51  car mid-right
 52  car bottom-left
 53  car bottom-right
 54  van top-left
 55  van top-right
 56  van mid-left
 57  van mid-right
 58  van bottom-left
 59  van bottom-right
 60  wet floor sign
 61  hose coil
 62  bucket and sponge
 63  lot lamp
"""
from __future__ import annotations

import math

import numpy as np
import pygame

from .draw import (TILE, bevel_rect, blend, blob_mask, finish_prop, from_array, new,
                   outlined_circle, periodic_noise, shade, soft_edge, speckle, split, texture)
from .tilekit import (base_texture, bevel_edges, build_tiles, chain_mesh, desk_top, dilate, glow,
                      gradient, grid_labels, lamp_pole, neon, pebble, pillow, rect_shade,
                      running_bond, scatter, seeded, text_strokes, text_width, wheels, worn_stripe)

NAME = "carwash"
SEED = 2008

PALETTE = {
    # wet mauve tiles and the dusk sky they mirror
    "tile": (128, 108, 140), "tile_dark": (100, 82, 116), "tile_light": (158, 138, 166),
    "grout": (66, 52, 82), "sky_orange": (248, 150, 82), "sky_pink": (238, 108, 142),
    "sky_violet": (122, 92, 170), "water": (70, 58, 112), "water_hi": (204, 188, 236),
    # bay concrete
    "bay": (116, 106, 120), "bay_dark": (86, 76, 96), "bay_light": (146, 136, 146),
    "groove": (66, 58, 78), "rail": (240, 178, 52), "rail_dark": (150, 100, 30),
    "grate_hole": (22, 16, 30), "paint": (236, 232, 224),
    # metal
    "steel": (156, 152, 168), "steel_dark": (92, 88, 106), "steel_light": (206, 202, 216),
    "chrome": (226, 224, 236),
    # office
    "lino_a": (206, 192, 164), "lino_b": (148, 178, 160), "lino_seam": (120, 118, 110),
    "wood": (146, 98, 62), "wood_dark": (98, 62, 42), "wood_light": (182, 130, 86),
    "paper": (238, 234, 224), "ink": (96, 90, 120), "beige": (206, 196, 170),
    "beige_dark": (150, 140, 118), "screen": (50, 150, 140), "screen_hi": (150, 240, 220),
    # lot
    "asphalt": (74, 64, 78), "asphalt_light": (108, 96, 106), "asphalt_dark": (52, 44, 58),
    "line_white": (232, 226, 214), "line_yellow": (238, 196, 70), "oil": (34, 26, 44),
    "gravel": (156, 88, 62), "gravel_light": (196, 128, 90), "gravel_dark": (104, 58, 48),
    # adobe and trim
    "stucco": (216, 158, 112), "stucco_light": (242, 194, 148), "stucco_dark": (164, 106, 78),
    "stucco_lo": (118, 70, 58), "terracotta": (184, 94, 62), "terracotta_dark": (126, 60, 44),
    "viga": (116, 78, 52), "viga_dark": (72, 46, 34), "viga_end": (168, 120, 80),
    "turquoise": (52, 172, 170), "turquoise_dark": (26, 108, 116),
    "glass_top": (112, 84, 168), "glass_bottom": (250, 152, 86), "glass_hi": (255, 228, 196),
    "block": (186, 160, 134), "block_dark": (140, 114, 96), "block_light": (214, 192, 164),
    "mesh": (176, 170, 186), "post": (64, 58, 74),
    # office props
    "safe": (54, 76, 66), "safe_dark": (30, 42, 38), "safe_light": (98, 124, 108),
    "brass": (234, 190, 84), "brass_dark": (150, 108, 40),
    "cabinet": (152, 146, 116), "cabinet_dark": (104, 98, 78), "cabinet_light": (190, 184, 150),
    "vend": (196, 44, 60), "vend_dark": (124, 24, 42), "vend_light": (234, 96, 100),
    "vacuum": (240, 148, 40), "vacuum_dark": (168, 90, 26), "vacuum_light": (255, 196, 96),
    "hose": (40, 36, 48), "hose_hi": (92, 86, 104),
    "kiosk": (88, 78, 132), "kiosk_dark": (54, 46, 90), "kiosk_light": (132, 120, 176),
    "drum": (44, 98, 192), "drum_dark": (26, 60, 128), "drum_light": (96, 150, 230),
    "jug": (240, 210, 60),
    "pot": (194, 98, 62), "pot_dark": (132, 62, 42), "pot_light": (226, 138, 92),
    "agave": (104, 156, 136), "agave_dark": (58, 102, 92), "agave_light": (164, 206, 180),
    "sage": (132, 142, 90), "sage_dark": (84, 96, 60), "sage_light": (176, 186, 120),
    "dumpster": (52, 82, 156), "dumpster_dark": (30, 48, 100), "dumpster_light": (92, 124, 196),
    "rust": (150, 70, 44),
    # machinery
    "foam_blue": (60, 124, 226), "foam_blue_dark": (34, 74, 160), "foam_pink": (238, 92, 172),
    "foam_pink_dark": (166, 50, 118), "mist": (200, 240, 255),
    "machine": (208, 208, 218), "machine_dark": (128, 128, 146),
    # neon
    "neon_pink": (255, 62, 170), "neon_pink_core": (255, 214, 240),
    "neon_cyan": (40, 230, 240), "neon_cyan_core": (222, 255, 255), "sign_box": (34, 24, 44),
    # vehicles
    "car": (214, 194, 156), "car_dark": (160, 138, 106), "car_light": (244, 230, 198),
    "van": (66, 66, 80), "van_dark": (40, 40, 52), "van_light": (102, 102, 118),
    "car_glass": (42, 32, 62), "car_glass_hi": (236, 146, 150),
    "tyre": (28, 24, 32), "headlight": (244, 238, 204), "taillight": (176, 34, 44),
    "bead": (240, 236, 255),
    # small things
    "caution": (250, 206, 46), "caution_dark": (176, 132, 20), "bucket": (238, 110, 52),
    "sponge": (250, 220, 80), "suds": (244, 240, 255), "lamp": (255, 186, 120),
    "lamp_core": (255, 240, 210),
    "outline": (20, 12, 26),
}
P = PALETTE


_rng = seeded(SEED)


# ================================================================ shared bases
@base_texture
def wet_tile() -> np.ndarray:
    """Mauve 16 px ceramic tiles, glossy: the sheen tints toward the dusk sky."""
    rng = _rng(1000)
    arr = texture(rng, P["tile"], blob=4, grain=2.0, cells=2, tint=(1.0, 0.9, 1.2))
    yy, xx = np.mgrid[0:TILE, 0:TILE]
    tones = rng.uniform(0.93, 1.06, (2, 2))
    arr[:, :, :3] *= tones[yy // 16, xx // 16][:, :, None]
    sheen = periodic_noise(rng, TILE, TILE, 2)
    blend(arr, np.clip(sheen - 0.2, 0, 1) * 0.9, P["sky_violet"], 0.5)
    blend(arr, np.clip(-sheen - 0.35, 0, 1) * 0.9, P["sky_orange"], 0.35)
    # bevelled tile edges: light on top/left of each square, grout between
    blend(arr, (yy % 16 == 1) | (xx % 16 == 1), P["tile_light"], 0.45)
    blend(arr, (yy % 16 == 15) | (xx % 16 == 15), P["tile_dark"], 0.5)
    blend(arr, (yy % 16 == 0) | (xx % 16 == 0), P["grout"], 0.95)
    speckle(arr, rng, P["water_hi"], 0.006, (yy % 16 > 1) & (xx % 16 > 1))
    return arr


@base_texture
def bay() -> np.ndarray:
    """Wet bay concrete with shallow grooves running the length of the bay."""
    rng = _rng(1001)
    arr = texture(rng, P["bay"], blob=6, grain=3.0, cells=4, tint=(1.0, 0.92, 1.15))
    yy, xx = np.mgrid[0:TILE, 0:TILE]
    blend(arr, xx % 8 == 3, P["groove"], 0.45)
    blend(arr, xx % 8 == 4, P["bay_light"], 0.2)
    wet = periodic_noise(rng, TILE, TILE, 4)
    blend(arr, np.clip(wet, 0, 1), P["bay_dark"], 0.6)
    blend(arr, np.clip(-wet - 0.4, 0, 1), P["sky_violet"], 0.5)
    speckle(arr, rng, P["bay_light"], 0.02)
    return arr


@base_texture
def asphalt() -> np.ndarray:
    rng = _rng(1002)
    arr = texture(rng, P["asphalt"], blob=5, grain=3.0, cells=4, tint=(1.05, 0.95, 1.1))
    speckle(arr, rng, P["asphalt_light"], 0.06)
    speckle(arr, rng, P["asphalt_dark"], 0.05)
    speckle(arr, rng, P["gravel_light"], 0.008)
    return arr


@base_texture
def stucco() -> np.ndarray:
    """Peach adobe-style stucco: soft pillowed block edges, sandy grain."""
    rng = _rng(1003)
    arr = texture(rng, P["stucco"], blob=6, grain=5.0, cells=3, tint=(1.1, 1.0, 0.85))
    speckle(arr, rng, P["stucco_light"], 0.05)
    speckle(arr, rng, P["stucco_dark"], 0.04)
    pillow(arr, P["stucco_light"], P["stucco_lo"], depth=5, strength=0.75)
    arr[-1, :, :3] = P["stucco_lo"]
    arr[:, -1, :3] = P["stucco_lo"]
    return arr


def _lino(rng) -> np.ndarray:
    yy, xx = np.mgrid[0:TILE, 0:TILE]
    arr = texture(rng, P["lino_a"], blob=2, grain=1.5, cells=4)
    blend(arr, ((xx // 16) + (yy // 16)) % 2 == 1, P["lino_b"], 0.95)
    speckle(arr, rng, shade(P["lino_a"], 0.85), 0.05)
    blend(arr, (xx % 16 == 15) | (yy % 16 == 15), P["lino_seam"], 0.35)
    return arr


def _streak(rng, arr, cx, cy, rx, ry, color, amount):
    """A vertical smeared reflection, broken by ripples."""
    m = soft_edge(blob_mask(rng, TILE, TILE, cx, cy, rx, ry, wobble=0.2))
    yy = np.arange(TILE)[:, None]
    ripple = np.where((yy + int(cx)) % 4 == 0, 0.35, 1.0)
    fade = np.clip(1 - np.abs(yy - cy) / (ry + 1), 0, 1) ** 0.6
    blend(arr, m * ripple * fade, color, amount)


# ================================================================ 0-15 floors
def wet_floor(rng):
    return from_array(wet_tile())


def wet_floor_reflection(rng):
    arr = wet_tile()
    _streak(rng, arr, 10, 16, 3.5, 13, P["sky_orange"], 0.55)
    _streak(rng, arr, 10, 16, 1.5, 10, P["glass_hi"], 0.5)
    _streak(rng, arr, 23, 14, 2.5, 10, P["neon_pink"], 0.5)
    _streak(rng, arr, 23, 14, 1.0, 7, P["neon_pink_core"], 0.45)
    return from_array(arr)


def wet_floor_puddle(rng):
    arr = wet_tile()
    water = blob_mask(rng, TILE, TILE, 16, 17, 13, 10, wobble=0.3)
    blend(arr, soft_edge(dilate(water, 1) & ~water), P["tile_dark"], 0.6)
    blend(arr, soft_edge(water), P["water"], 0.8)
    _streak(rng, arr, 12, 17, 2.5, 7, P["neon_cyan"], 0.55)
    _streak(rng, arr, 21, 16, 2.0, 6, P["neon_pink"], 0.55)
    surf = from_array(arr)
    pygame.draw.line(surf, P["water_hi"], (8, 11), (13, 9))
    pygame.draw.line(surf, P["water_hi"], (20, 25), (24, 24))
    return surf


def bay_floor(rng):
    return from_array(bay())


def bay_drain_channel(rng):
    """A grated trench down the middle of the bay (runs north-south)."""
    arr = bay()
    xx = np.arange(TILE)[None, :].repeat(TILE, 0)
    blend(arr, np.clip(1 - np.abs(xx - 15.5) / 12, 0, 1), P["bay_dark"], 0.7)
    surf = from_array(arr)
    pygame.draw.rect(surf, P["outline"], (10, 0, 12, TILE))
    pygame.draw.rect(surf, P["grate_hole"], (11, 0, 10, TILE))
    pygame.draw.line(surf, P["steel_dark"], (10, 0), (10, TILE - 1))
    pygame.draw.line(surf, P["steel_light"], (21, 0), (21, TILE - 1))
    for y in range(1, TILE, 4):
        pygame.draw.line(surf, P["steel"], (11, y), (20, y))
        pygame.draw.line(surf, P["steel_dark"], (11, y + 1), (20, y + 1))
    for y in (6, 22):
        pygame.draw.line(surf, P["water_hi"], (13, y + 2), (16, y + 2))
    return surf


def bay_drain_crossing(rng):
    """A grated trench across the bay (runs east-west), at the bay entrance."""
    arr = bay()
    yy = np.arange(TILE)[:, None].repeat(TILE, 1)
    blend(arr, np.clip(1 - np.abs(yy - 15.5) / 12, 0, 1), P["bay_dark"], 0.7)
    surf = from_array(arr)
    pygame.draw.rect(surf, P["outline"], (0, 10, TILE, 12))
    pygame.draw.rect(surf, P["grate_hole"], (0, 11, TILE, 10))
    pygame.draw.line(surf, P["steel_dark"], (0, 10), (TILE - 1, 10))
    pygame.draw.line(surf, P["steel_light"], (0, 21), (TILE - 1, 21))
    for x in range(1, TILE, 4):
        pygame.draw.line(surf, P["steel"], (x, 11), (x, 20))
        pygame.draw.line(surf, P["steel_dark"], (x + 1, 11), (x + 1, 20))
    return surf


def _guide_rail(x0: int):  # x0: left edge of the rail in the tile
    arr = bay()
    surf = from_array(arr)
    pygame.draw.rect(surf, P["outline"], (x0 - 1, 0, 9, TILE))
    pygame.draw.rect(surf, P["rail_dark"], (x0, 0, 7, TILE))
    pygame.draw.rect(surf, P["rail"], (x0, 0, 5, TILE))
    pygame.draw.line(surf, P["stucco_light"], (x0 + 1, 0), (x0 + 1, TILE - 1))
    for y in (5, 21):
        pygame.draw.rect(surf, P["rail_dark"], (x0 + 2, y, 2, 2))
        surf.set_at((x0 + 2, y), P["steel_light"])
    # scuffed black tyre rubber along the rail
    side = x0 + 9 if x0 < 16 else x0 - 5
    for y in range(0, TILE, 3):
        pygame.draw.line(surf, P["groove"], (side, y), (side + 3, y + 1))
    return surf


def bay_rail_left(rng):
    return _guide_rail(2)


def bay_rail_right(rng):
    return _guide_rail(23)


def bay_arrow(rng):
    arr = bay()
    surf = from_array(arr)
    layer = new()
    pygame.draw.polygon(layer, P["paint"], [(16, 4), (27, 15), (21, 15), (21, 28), (11, 28),
                                            (11, 15), (5, 15)])
    a = pygame.surfarray.pixels_alpha(layer)
    a[...] = (a * np.where(rng.random(a.shape) < 0.18, 0.45, 0.92)).astype(np.uint8)
    del a
    surf.blit(layer, (0, 0))
    return surf


def office_floor(rng):
    return from_array(_lino(rng))


def office_floor_worn(rng):
    arr = _lino(rng)
    scuff = blob_mask(rng, TILE, TILE, 15, 18, 12, 8, wobble=0.4)
    blend(arr, soft_edge(scuff), P["beige_dark"], 0.3)
    arr[16:31, 0:15, :3] = shade(P["lino_b"], 0.6)          # one tile lifted
    speckle(arr[16:31, 0:15], rng, P["grout"], 0.2)
    surf = from_array(arr)
    pygame.draw.line(surf, P["lino_seam"], (20, 5), (27, 9))
    pygame.draw.line(surf, P["lino_seam"], (19, 22), (23, 26))
    return surf


def asphalt_lot(rng):
    return from_array(asphalt())


def _painted_line(rng, vertical: bool):
    arr = asphalt()
    blend(arr, worn_stripe(rng, 14, 18, 0.3, 0.6, vertical), P["line_white"], 0.85)
    return from_array(arr)


def asphalt_line_v(rng):
    return _painted_line(rng, True)


def asphalt_line_h(rng):
    return _painted_line(rng, False)


def asphalt_oil(rng):
    arr = asphalt()
    stain = blob_mask(rng, TILE, TILE, 16, 15, 11, 8, wobble=0.35)
    blend(arr, soft_edge(stain), P["oil"], 0.75)
    sheen = blob_mask(rng, TILE, TILE, 13, 13, 5, 2.5, wobble=0.3)
    blend(arr, soft_edge(sheen), P["sky_violet"], 0.5)
    blend(arr, soft_edge(blob_mask(rng, TILE, TILE, 18, 17, 3, 1.5)), P["sky_orange"], 0.35)
    surf = from_array(arr)
    pts = [(2, 28), (8, 25), (12, 27), (18, 24)]
    pygame.draw.lines(surf, P["asphalt_dark"], False, pts)
    return surf


def red_gravel(rng):
    """Xeriscape bed of red crushed stone: pebbles drawn with wrap-around so it tiles."""
    arr = texture(rng, P["gravel_dark"], blob=4, grain=4.0, cells=4)
    surf = from_array(arr)
    tones = [P["gravel"], P["gravel_light"], P["gravel_dark"], shade(P["gravel"], 1.1),
             P["stucco_light"]]
    for _ in range(95):
        x, y = rng.uniform(0, TILE, 2)
        w, h = rng.integers(2, 5), rng.integers(2, 4)
        c = tones[int(rng.integers(0, len(tones)))] if rng.random() > 0.06 else P["paper"]
        pebble(surf, x, y, w, h, c, shade(c, 0.6))
    return surf


# ================================================================ 16-23 walls and fences
def stucco_wall(rng):
    return from_array(stucco())


def stucco_window(rng):
    surf = from_array(stucco())
    pygame.draw.rect(surf, P["outline"], (0, 9, TILE, 14))
    pygame.draw.rect(surf, P["turquoise_dark"], (0, 10, TILE, 12))
    glass = from_array(gradient(8, TILE, P["glass_top"], P["glass_bottom"]))
    surf.blit(glass, (0, 12))
    pygame.draw.line(surf, P["turquoise"], (0, 10), (TILE - 1, 10))
    pygame.draw.rect(surf, P["turquoise"], (15, 10, 2, 12))
    for x in (4, 21):
        pygame.draw.line(surf, P["glass_hi"], (x, 18), (x + 4, 13))
    return surf


def stucco_vigas(rng):
    """Stucco with the round ends of roof beams (vigas) poking out of the wall face."""
    surf = from_array(stucco())
    for x in (6, 22):
        pygame.draw.rect(surf, P["outline"], (x - 4, 15, 10, 17))
        pygame.draw.rect(surf, P["viga"], (x - 3, 15, 8, 16))
        pygame.draw.line(surf, P["viga_end"], (x - 2, 16), (x - 2, 30))
        pygame.draw.line(surf, P["viga_dark"], (x + 3, 16), (x + 3, 30))
        pygame.draw.ellipse(surf, P["outline"], (x - 4, 23, 10, 9))
        pygame.draw.ellipse(surf, P["viga_end"], (x - 3, 24, 8, 7))
        pygame.draw.ellipse(surf, P["viga_dark"], (x - 1, 26, 4, 3), 1)
        pygame.draw.rect(surf, P["stucco_dark"], (x - 4, 14, 10, 2))
    return surf


def stucco_pilaster(rng):
    """A corner post of the wall: a raised stucco pier with a terracotta coping."""
    arr = stucco()
    yy, xx = np.mgrid[0:TILE, 0:TILE]
    pier = (xx >= 3) & (xx <= 28) & (yy >= 3) & (yy <= 28)
    blend(arr, pier, P["stucco_light"], 0.35)
    surf = from_array(arr)
    pygame.draw.rect(surf, P["outline"], (3, 3, 26, 26), 1)
    pygame.draw.rect(surf, P["terracotta"], (4, 4, 24, 24), 3)
    pygame.draw.line(surf, shade(P["terracotta"], 1.3), (4, 4), (27, 4))
    pygame.draw.line(surf, shade(P["terracotta"], 1.3), (4, 4), (4, 27))
    pygame.draw.line(surf, P["terracotta_dark"], (4, 27), (27, 27))
    pygame.draw.line(surf, P["terracotta_dark"], (27, 4), (27, 27))
    for k in range(8, 26, 6):
        for x, y in ((k, 5), (5, k), (k, 26), (26, k)):
            surf.set_at((x, y), P["terracotta_dark"])
    pygame.draw.rect(surf, P["stucco_dark"], (7, 7, 18, 18), 1)
    return surf


def storefront_glass(rng):
    """The office frontage: aluminium mullions and tall panes full of dusk sky."""
    arr = gradient(TILE, TILE, P["glass_top"], P["glass_bottom"])
    surf = from_array(arr)
    pygame.draw.rect(surf, P["outline"], (0, 0, TILE, 4))
    pygame.draw.rect(surf, P["steel"], (0, 1, TILE, 2))
    pygame.draw.rect(surf, P["outline"], (0, 28, TILE, 4))
    pygame.draw.rect(surf, P["steel_dark"], (0, 29, TILE, 2))
    pygame.draw.rect(surf, P["outline"], (14, 0, 4, TILE))
    pygame.draw.rect(surf, P["steel"], (15, 0, 2, TILE))
    for x in (3, 20):
        pygame.draw.line(surf, P["glass_hi"], (x, 24), (x + 8, 8))
        pygame.draw.line(surf, P["glass_hi"], (x + 3, 25), (x + 7, 17))
    return surf


def block_lot_wall(rng):
    """Low tan split-face block wall around the lot, with a pale cap."""
    arr = texture(rng, P["block"], blob=4, grain=5.0, cells=2, tint=(1.1, 1.0, 0.9))
    blend(arr, running_bond(TILE, TILE, 16, 8), P["block_dark"], 0.85)
    speckle(arr, rng, P["block_light"], 0.08)
    speckle(arr, rng, P["block_dark"], 0.05)
    bevel_edges(arr, P["block_light"], P["stucco_lo"])
    return from_array(arr)


def chain_link(rng):
    surf = new()
    chain_mesh(surf, P["mesh"], 12, 19)
    pygame.draw.line(surf, P["outline"], (0, 10), (TILE - 1, 10))
    pygame.draw.line(surf, P["steel_light"], (0, 11), (TILE - 1, 11))
    pygame.draw.line(surf, P["steel_dark"], (0, 20), (TILE - 1, 20))
    return finish_prop(surf, P["outline"])


def chain_link_post(rng):
    surf = new()
    chain_mesh(surf, P["mesh"], 12, 19)
    pygame.draw.line(surf, P["steel_light"], (0, 11), (TILE - 1, 11))
    pygame.draw.line(surf, P["steel_dark"], (0, 20), (TILE - 1, 20))
    outlined_circle(surf, P["post"], (16, 15), 5, P["outline"])
    pygame.draw.circle(surf, P["steel"], (16, 15), 3)
    pygame.draw.circle(surf, P["steel_light"], (15, 14), 1)
    return finish_prop(surf, P["outline"])


# ================================================================ 24-36 solid props
def floor_safe(rng):
    """A heavy green safe, seen a little from the front: big dial, spoked brass handle."""
    surf = new()
    pygame.draw.rect(surf, P["safe_dark"], (2, 1, 28, 29), border_radius=3)
    pygame.draw.rect(surf, P["safe_light"], (2, 1, 28, 6), border_radius=3)   # top face
    pygame.draw.line(surf, shade(P["safe_light"], 1.3), (4, 2), (27, 2))
    pygame.draw.rect(surf, P["safe"], (3, 7, 26, 21))                          # front face
    pygame.draw.line(surf, P["outline"], (2, 7), (29, 7))
    pygame.draw.rect(surf, P["safe_dark"], (5, 9, 22, 17), 1)                  # door seam
    pygame.draw.rect(surf, P["brass"], (6, 10, 20, 15), 1)                     # pinstripe
    for y in (11, 21):                                                         # hinges
        pygame.draw.rect(surf, P["brass_dark"], (3, y, 3, 4))
        surf.set_at((4, y), P["brass"])
    # combination dial: chrome ring, ticks, pointer
    outlined_circle(surf, P["steel_dark"], (13, 17), 6, P["outline"])
    pygame.draw.circle(surf, P["chrome"], (13, 17), 5)
    pygame.draw.circle(surf, P["steel"], (13, 17), 2)
    for k in range(10):
        a = k * math.tau / 10
        surf.set_at((round(13 + math.cos(a) * 4.2), round(17 + math.sin(a) * 4.2)),
                    P["outline"])
    pygame.draw.line(surf, P["outline"], (13, 17), (15, 14))
    pygame.draw.circle(surf, P["steel_light"], (12, 16), 1)
    pygame.draw.polygon(surf, P["brass"], [(12, 9), (14, 9), (13, 10)])        # index mark
    # three-spoke brass handle
    for a in (0.3, 0.3 + math.tau / 3, 0.3 + 2 * math.tau / 3):
        end = (22 + math.cos(a) * 4, 17 + math.sin(a) * 4)
        pygame.draw.line(surf, P["outline"], (22, 17), end, 3)
        pygame.draw.line(surf, P["brass"], (22, 17), end, 1)
        outlined_circle(surf, P["brass"], (round(end[0]), round(end[1])), 1, P["outline"])
    outlined_circle(surf, P["brass"], (22, 17), 1, P["brass_dark"])
    pygame.draw.rect(surf, P["brass"], (11, 3, 10, 3))                         # nameplate
    pygame.draw.line(surf, P["brass_dark"], (12, 4), (19, 4))
    for x in (3, 25):                                                          # feet
        pygame.draw.rect(surf, P["safe_dark"], (x, 28, 4, 2))
    return finish_prop(surf, P["outline"])


def filing_cabinet(rng):
    surf = new()
    rect_shade(surf, (6, 2, 20, 6), P["cabinet_light"])                        # top
    rect_shade(surf, (6, 8, 20, 21), P["cabinet"])
    for y in (8, 15, 22):
        pygame.draw.line(surf, P["cabinet_dark"], (6, y), (25, y))
        pygame.draw.rect(surf, P["paper"], (13, y + 2, 6, 2))
        pygame.draw.rect(surf, P["steel_light"], (13, y + 5, 6, 1))
    pygame.draw.polygon(surf, P["paper"], [(9, 3), (17, 2), (18, 6), (10, 7)])  # memo on top
    return finish_prop(surf, P["outline"])


def vending_machine(rng):
    surf = new()
    rect_shade(surf, (4, 2, 24, 6), P["vend_light"])                           # top
    rect_shade(surf, (4, 8, 24, 21), P["vend"])
    glow(surf, (13, 17), 12, P["neon_cyan"], alpha=70)
    pygame.draw.rect(surf, P["outline"], (6, 10, 14, 14))
    pygame.draw.rect(surf, (40, 70, 96), (7, 11, 12, 12))
    cans = [P["vend_light"], P["jug"], P["drum_light"], P["sage_light"]]
    for r in range(3):
        for c in range(4):
            pygame.draw.rect(surf, cans[(r + c) % 4], (8 + c * 3, 12 + r * 4, 2, 3))
    pygame.draw.line(surf, P["neon_cyan_core"], (7, 11), (18, 11))
    pygame.draw.rect(surf, P["steel_light"], (22, 11, 4, 6))                   # buttons
    for y in (12, 14):
        pygame.draw.line(surf, P["steel_dark"], (23, y), (24, y))
    pygame.draw.rect(surf, P["outline"], (22, 19, 4, 2))                       # coin slot
    pygame.draw.rect(surf, P["outline"], (7, 25, 14, 3))                       # pick-up flap
    return finish_prop(surf, P["outline"])


def vacuum_station(rng):
    surf = new()
    pygame.draw.rect(surf, P["steel_dark"], (20, 4, 3, 12))                   # boom
    outlined_circle(surf, P["vacuum_dark"], (12, 13), 9, P["outline"])
    pygame.draw.circle(surf, P["vacuum"], (11, 12), 8)
    pygame.draw.circle(surf, P["vacuum_light"], (9, 10), 4)
    pygame.draw.circle(surf, P["vacuum"], (10, 11), 3)
    pygame.draw.rect(surf, P["outline"], (8, 17, 8, 3))
    pygame.draw.rect(surf, P["sign_box"], (9, 18, 6, 1))
    # hose coiled on the hook and trailing to a nozzle
    pygame.draw.arc(surf, P["outline"], (14, 10, 16, 16), -1.2, 3.5, 4)
    pygame.draw.arc(surf, P["hose"], (15, 11, 14, 14), -1.2, 3.5, 2)
    pygame.draw.lines(surf, P["outline"], False, [(16, 22), (13, 27), (6, 28)], 4)
    pygame.draw.lines(surf, P["hose_hi"], False, [(16, 22), (13, 27), (6, 28)], 2)
    pygame.draw.rect(surf, P["outline"], (2, 26, 6, 5))
    pygame.draw.rect(surf, P["vacuum_light"], (3, 27, 4, 3))
    return finish_prop(surf, P["outline"])


def pay_kiosk(rng):
    surf = new()
    rect_shade(surf, (8, 4, 16, 5), P["kiosk_light"])
    rect_shade(surf, (8, 9, 16, 18), P["kiosk"])
    glow(surf, (16, 14), 9, P["neon_cyan"], alpha=60)
    pygame.draw.rect(surf, P["outline"], (10, 10, 12, 7))
    pygame.draw.rect(surf, P["screen"], (11, 11, 10, 5))
    pygame.draw.line(surf, P["screen_hi"], (12, 12), (17, 12))
    for y in (19, 21):
        for x in (11, 13, 15):
            surf.set_at((x, y), P["steel_light"])
    pygame.draw.rect(surf, P["outline"], (18, 19, 4, 2))
    pygame.draw.rect(surf, P["rail"], (8, 27, 16, 2))                          # curb paint
    return finish_prop(surf, P["outline"])


def soap_drums(rng):
    surf = new()
    for cx, cy in ((10, 11), (21, 19)):
        outlined_circle(surf, P["drum_dark"], (cx, cy), 8, P["outline"])
        pygame.draw.circle(surf, P["drum"], (cx, cy), 7)
        pygame.draw.circle(surf, P["drum_dark"], (cx, cy), 5, 1)
        pygame.draw.circle(surf, P["drum_light"], (cx - 3, cy - 3), 2)
        outlined_circle(surf, P["paper"], (cx + 3, cy - 2), 1, P["outline"])
    bevel_rect(surf, (3, 21, 8, 8), P["jug"], shade(P["jug"], 1.15), P["caution_dark"])
    pygame.draw.rect(surf, P["outline"], (5, 20, 3, 2))
    return finish_prop(surf, P["outline"])


def agave_pot(rng):
    """Terracotta pot with a blue-green agave rosette."""
    surf = new()
    outlined_circle(surf, P["pot_dark"], (16, 17), 12, P["outline"])
    pygame.draw.circle(surf, P["pot"], (16, 17), 11)
    pygame.draw.circle(surf, P["pot_light"], (16, 17), 11, 2)
    pygame.draw.circle(surf, P["gravel_dark"], (16, 17), 8)
    leaves = new()
    for k in range(9):
        a = k * math.tau / 9 + 0.3
        ln = 13 if k % 2 else 11
        tip = (16 + math.cos(a) * ln, 16 + math.sin(a) * ln)
        side = (math.cos(a + 1.57) * 2.4, math.sin(a + 1.57) * 2.4)
        pts = [(16 + side[0], 16 + side[1]), tip, (16 - side[0], 16 - side[1])]
        pygame.draw.polygon(leaves, P["agave_dark"], pts)
        pygame.draw.line(leaves, P["agave_light"], (16, 16),
                         (16 + math.cos(a) * (ln - 3), 16 + math.sin(a) * (ln - 3)))
    for k in range(5):
        a = k * math.tau / 5
        tip = (16 + math.cos(a) * 7, 16 + math.sin(a) * 7)
        side = (math.cos(a + 1.57) * 2, math.sin(a + 1.57) * 2)
        pygame.draw.polygon(leaves, P["agave"], [(16 + side[0], 16 + side[1]), tip,
                                                 (16 - side[0], 16 - side[1])])
    pygame.draw.circle(leaves, P["agave_light"], (16, 16), 2)
    surf.blit(leaves, (0, 0))
    return finish_prop(surf, P["outline"])


def shrub_planter(rng):
    """A square stucco planter of red gravel with a grey-green desert shrub."""
    surf = new()
    rect_shade(surf, (2, 3, 28, 26), P["stucco"], 1.15, 0.72, 2)
    g = texture(rng, P["gravel"], 20, 22, blob=5, grain=10.0, cells=2)
    surf.blit(from_array(g), (5, 6))
    bush = new()
    for _ in range(70):
        x, y = rng.normal(16, 4.5), rng.normal(16, 4.0)
        c = (P["sage_dark"], P["sage"], P["sage_light"])[int(rng.integers(0, 3))]
        pygame.draw.circle(bush, c, (x, y), 2)
    scatter(bush, rng, P["jug"], 0.02, lambda x, y: bush.get_at((x, y)).a)      # tiny flowers
    surf.blit(bush, (0, 0))
    return finish_prop(surf, P["outline"])


def dumpster(rng):
    surf = new()
    bevel_rect(surf, (2, 5, 28, 22), P["dumpster"], P["dumpster_light"], P["dumpster_dark"])
    for x0 in (3, 17):                                                          # two black lids
        pygame.draw.rect(surf, P["outline"], (x0, 6, 12, 20))
        pygame.draw.rect(surf, P["hose"], (x0 + 1, 7, 10, 18))
        for y in (11, 16, 21):
            pygame.draw.line(surf, P["hose_hi"], (x0 + 2, y), (x0 + 9, y))
    pygame.draw.rect(surf, P["dumpster_dark"], (2, 25, 28, 2))
    scatter(surf, rng, P["rust"], 0.04,                                          # rusty ends
            lambda x, y: 6 < y < 26 and 2 < x < 29 and (x < 4 or x > 27))
    return finish_prop(surf, P["outline"])


def office_desk(rng):
    """Wood desk, 2x1: an old beige computer on the left, papers and a phone on the right."""
    s = new(2 * TILE, TILE)
    desk_top(s, rng, (3, 4, 58, 24), P["wood"], P["wood_dark"], P["wood_light"])
    for y in (10, 17, 23):
        pygame.draw.line(s, shade(P["wood"], 0.85), (5, y), (58, y))
    rect_shade(s, (8, 5, 16, 13), P["beige"])                                  # monitor
    pygame.draw.rect(s, P["outline"], (10, 16, 12, 3))
    pygame.draw.rect(s, P["screen"], (11, 17, 10, 1))
    rect_shade(s, (7, 21, 18, 5), P["beige"])                                  # keyboard
    for x in range(9, 24, 2):
        s.set_at((x, 23), P["beige_dark"])
    for pts in ([(32, 8), (41, 7), (42, 19), (33, 20)], [(36, 13), (45, 15), (43, 25), (34, 23)]):
        pygame.draw.polygon(s, P["outline"], pts, 1)
        pygame.draw.polygon(s, P["paper"], pts)
    for y in (16, 18, 20):
        pygame.draw.line(s, P["ink"], (37, y), (41, y + 1))
    rect_shade(s, (49, 8, 9, 7), P["hose_hi"])                                 # phone
    pygame.draw.rect(s, P["hose"], (50, 6, 7, 3), border_radius=1)
    outlined_circle(s, P["paper"], (54, 21), 3, P["outline"])                 # mug
    pygame.draw.circle(s, P["wood_dark"], (54, 21), 2)
    return split(finish_prop(s, P["outline"]), 2, 1)


def register_counter(rng):
    """Counter, 2x1: the cash register on the left, air fresheners and receipts on the right."""
    s = new(2 * TILE, TILE)
    pygame.draw.rect(s, P["turquoise_dark"], (1, 5, 62, 23))
    pygame.draw.rect(s, P["beige"], (1, 5, 62, 20))
    pygame.draw.line(s, P["paper"], (1, 5), (62, 5))
    pygame.draw.rect(s, P["turquoise"], (1, 24, 62, 3))
    # register
    rect_shade(s, (5, 6, 22, 17), P["steel"])
    pygame.draw.rect(s, P["outline"], (7, 7, 12, 5))
    pygame.draw.rect(s, P["screen"], (8, 8, 10, 3))
    pygame.draw.line(s, P["screen_hi"], (9, 9), (14, 9))
    for y in (14, 17):
        for x in range(8, 18, 3):
            pygame.draw.rect(s, P["steel_light"], (x, y, 2, 2))
    pygame.draw.rect(s, P["outline"], (20, 13, 5, 9))
    pygame.draw.rect(s, P["paper"], (21, 14, 3, 7))
    rect_shade(s, (5, 21, 22, 4), P["steel_dark"])                              # cash drawer
    # air freshener display: little trees
    trees = [P["vend_light"], P["sage_light"], P["jug"], P["neon_pink"], P["drum_light"]]
    for i, c in enumerate(trees):
        x = 33 + i * 5
        pygame.draw.polygon(s, P["outline"], [(x, 7), (x + 3, 14), (x - 3, 14)])
        pygame.draw.polygon(s, c, [(x, 8), (x + 2, 13), (x - 2, 13)])
    rect_shade(s, (31, 15, 26, 3), P["steel_dark"])
    pygame.draw.polygon(s, P["paper"], [(44, 18), (52, 19), (51, 23), (43, 22)])  # receipts
    pygame.draw.line(s, P["ink"], (45, 20), (49, 21))
    return split(finish_prop(s, P["outline"]), 2, 1)


# ================================================================ 37-59 machinery and vehicles
def side_brush(rng):
    """A big spinning side brush, 2x2: blue and pink cloth strips round a motor hub."""
    s = new(2 * TILE, 2 * TILE)
    yy, xx = np.mgrid[0:64, 0:64]
    dx, dy = xx - 31.5, yy - 31.5
    r = np.hypot(dx, dy)
    ang = np.arctan2(dy, dx)
    swirl = ang + r * 0.035                                   # fingers trail as it spins
    wob = 27.5 + 0.8 * np.sin(swirl * 36) + rng.normal(0, 0.3, r.shape)
    body = r < wob
    finger = (swirl * 36 / math.tau) % 1.0
    lit = np.clip(1.05 - (dx + dy) / 90, 0.7, 1.2)
    arr = np.zeros((64, 64, 4))
    tip = r > wob - 6
    for c in range(3):
        core = np.where(finger < 0.5, P["foam_blue"][c], P["foam_blue_dark"][c])
        pink = np.where(finger < 0.5, P["foam_pink"][c], P["foam_pink_dark"][c])
        arr[:, :, c] = np.where(tip, pink, core) * lit
    arr[:, :, 3] = body * 255
    blend(arr, body & (r > wob - 1.5) & (dx + dy < -10), P["mist"], 0.45)
    s.blit(from_array(arr), (0, 0))
    outlined_circle(s, P["machine_dark"], (32, 32), 9, P["outline"])
    outlined_circle(s, P["machine"], (31, 31), 7, P["machine_dark"])
    pygame.draw.circle(s, P["steel_light"], (29, 29), 3)
    pygame.draw.circle(s, P["outline"], (31, 31), 2)
    # pivot arm to the wall (top-left) and a drip of suds
    pygame.draw.line(s, P["outline"], (31, 31), (4, 4), 7)
    pygame.draw.line(s, P["machine_dark"], (31, 31), (4, 4), 5)
    pygame.draw.line(s, P["machine"], (30, 30), (4, 4), 2)
    outlined_circle(s, P["machine_dark"], (5, 5), 4, P["outline"])
    for x, y in ((46, 44), (40, 52), (18, 47), (50, 26)):
        pygame.draw.circle(s, P["suds"], (x, y), 2)
    return split(finish_prop(s, P["outline"]), 2, 2)


def _post(surf, x0: int):
    bevel_rect(surf, (x0, 6, 12, 20), P["rail"], P["vacuum_light"], P["rail_dark"])
    pygame.draw.rect(surf, P["outline"], (x0 + 3, 10, 6, 12))
    pygame.draw.rect(surf, P["steel_dark"], (x0 + 4, 11, 4, 10))
    for y in (8, 23):
        surf.set_at((x0 + 2, y), P["steel_light"])
        surf.set_at((x0 + 9, y), P["steel_light"])


def _bar(surf, x0, x1):
    pygame.draw.rect(surf, P["outline"], (x0, 12, x1 - x0, 8))
    pygame.draw.rect(surf, P["steel"], (x0, 13, x1 - x0, 6))
    pygame.draw.line(surf, P["steel_light"], (x0, 13), (x1 - 1, 13))
    pygame.draw.line(surf, P["steel_dark"], (x0, 18), (x1 - 1, 18))


def gantry_post_left(rng):
    surf = new()
    _bar(surf, 14, TILE)
    _post(surf, 4)
    return finish_prop(surf, P["outline"])


def gantry_post_right(rng):
    surf = new()
    _bar(surf, 0, 18)
    _post(surf, 16)
    return finish_prop(surf, P["outline"])


def gantry_spray_bar(rng):
    """The pressure-wash bar with nozzles spraying fans of mist (repeats sideways)."""
    surf = new()
    mist = new()
    for x in (4, 12, 20, 28):
        pygame.draw.polygon(mist, (*P["mist"], 70), [(x, 19), (x - 5, 30), (x + 5, 30)])
        pygame.draw.polygon(mist, (*P["mist"], 60), [(x, 12), (x - 4, 3), (x + 4, 3)])
    _bar(surf, 0, TILE)
    for x in (4, 12, 20, 28):
        pygame.draw.rect(surf, P["outline"], (x - 1, 18, 3, 3))
        pygame.draw.rect(surf, P["neon_cyan"], (x, 19, 1, 1))
    surf = finish_prop(surf, P["outline"])
    mist.blit(surf, (0, 0))
    scatter(mist, rng, (*P["mist"], 200), 0.03,                                  # droplets
            lambda x, y: (y > 21 or y < 10) and mist.get_at((x, y)).a)
    return mist


def gantry_roller(rng):
    """An overhead roller brush: a cloth cylinder lying across the bay (repeats sideways)."""
    surf = new()
    yy, xx = np.mgrid[0:TILE, 0:TILE]
    body = (yy >= 5) & (yy <= 26)
    arr = np.zeros((TILE, TILE, 4))
    band = (xx + (np.sin(yy * 0.7) * 1.5).astype(int)) % 8 < 4
    roll = np.clip(1.25 - np.abs(yy - 12) / 14, 0.55, 1.25)
    for c in range(3):
        arr[:, :, c] = np.where(band, P["foam_blue"][c], P["foam_pink"][c]) * roll
    arr[:, :, 3] = body * 255
    surf.blit(from_array(arr), (0, 0))
    pygame.draw.line(surf, P["machine"], (0, 16), (TILE - 1, 16), 2)           # axle glint
    pygame.draw.line(surf, P["mist"], (0, 7), (TILE - 1, 7))
    for x in range(0, TILE, 4):
        surf.set_at((x + 1, 5), P["foam_pink_dark"])
        surf.set_at((x + 3, 26), P["foam_blue_dark"])
    return finish_prop(surf, P["outline"])


def neon_sign(rng):
    """CAR WASH in pink tubing in a dark box with a cyan border and a droplet, 3x1."""
    s = new(3 * TILE, TILE)
    pygame.draw.rect(s, P["steel_dark"], (2, 4, 92, 24), border_radius=3)
    pygame.draw.rect(s, P["sign_box"], (3, 5, 90, 22), border_radius=3)
    for x in (5, 90):
        for y in (7, 24):
            s.set_at((x, y), P["steel"])
    neon(s, [[(6, 8), (89, 8), (89, 23), (6, 23), (6, 8)]], P["neon_cyan"],
         P["neon_cyan_core"], halo=1)
    sx, sy, gap = 1.5, 1.6, 3
    text = "CAR WASH"
    w = text_width(text, sx, gap)
    x0 = 12 + (76 - w) / 2
    neon(s, text_strokes(text, round(x0 + 4), 11, sx, sy, gap), P["neon_pink"],
         P["neon_pink_core"], halo=2)
    drop = [(12, 11), (9, 16), (10, 19), (12, 20), (14, 19), (15, 16), (12, 11)]
    neon(s, [drop], P["neon_cyan"], P["neon_cyan_core"], halo=1)
    return split(finish_prop(s, P["outline"]), 3, 1)


def sedan(rng):
    """Champagne 90s sedan, fresh from the wash (water beads), nose up; 2x3."""
    s = new(2 * TILE, 3 * TILE)
    wheels(s, P["tyre"], (14, 66), 9, 51)
    c, d, l = P["car"], P["car_dark"], P["car_light"]
    pygame.draw.rect(s, d, (11, 5, 42, 86), border_radius=8)
    pygame.draw.rect(s, c, (13, 6, 38, 84), border_radius=7)
    pygame.draw.rect(s, P["chrome"], (15, 4, 34, 3), border_radius=1)          # bumpers
    pygame.draw.rect(s, P["chrome"], (15, 89, 34, 3), border_radius=1)
    for x in (15, 42):
        pygame.draw.rect(s, P["headlight"], (x, 7, 7, 3))
        pygame.draw.rect(s, P["taillight"], (x, 86, 7, 3))
    pygame.draw.line(s, l, (18, 10), (45, 10))
    pygame.draw.line(s, d, (32, 11), (32, 24))                                 # hood seam
    pygame.draw.polygon(s, P["car_glass"], [(14, 25), (49, 25), (46, 37), (17, 37)])
    pygame.draw.line(s, P["car_glass_hi"], (19, 34), (26, 27))
    pygame.draw.line(s, P["glass_bottom"], (23, 35), (29, 29))
    pygame.draw.rect(s, l, (17, 37, 30, 29), border_radius=2)                  # roof
    pygame.draw.rect(s, c, (19, 39, 26, 25), border_radius=2)
    pygame.draw.rect(s, P["car_glass"], (24, 44, 16, 11))                      # sunroof
    pygame.draw.line(s, P["car_glass_hi"], (26, 53), (31, 46))
    pygame.draw.rect(s, P["car_glass"], (14, 38, 3, 27))                       # side windows
    pygame.draw.rect(s, P["car_glass"], (47, 38, 3, 27))
    pygame.draw.line(s, d, (13, 52), (16, 52))
    pygame.draw.line(s, d, (47, 52), (50, 52))
    pygame.draw.polygon(s, P["car_glass"], [(17, 66), (46, 66), (49, 75), (14, 75)])
    pygame.draw.line(s, P["car_glass_hi"], (20, 73), (24, 68))
    pygame.draw.line(s, d, (14, 81), (49, 81))                                 # trunk lid
    pygame.draw.rect(s, d, (8, 28, 4, 3))                                      # mirrors
    pygame.draw.rect(s, d, (52, 28, 4, 3))
    scatter(s, rng, P["bead"], 0.025,                                         # water beads
            lambda x, y: 15 <= x <= 48 and 8 <= y <= 88 and s.get_at((x, y))[:3] in (c, l))
    return split(finish_prop(s, P["outline"]), 2, 3)


def van(rng):
    """Charcoal panel van, tinted windscreen, no side windows, nose up; 2x3."""
    s = new(2 * TILE, 3 * TILE)
    wheels(s, P["tyre"], (10, 70), 8, 52, h=15)
    c, d, l = P["van"], P["van_dark"], P["van_light"]
    pygame.draw.rect(s, d, (10, 2, 44, 92), border_radius=5)
    pygame.draw.rect(s, c, (12, 3, 40, 90), border_radius=4)
    pygame.draw.rect(s, P["steel_dark"], (14, 2, 36, 3))
    for x in (14, 43):
        pygame.draw.rect(s, P["headlight"], (x, 5, 7, 3))
    pygame.draw.rect(s, l, (14, 9, 36, 8), border_radius=2)                    # short hood
    pygame.draw.polygon(s, P["car_glass"], [(13, 18), (50, 18), (48, 27), (15, 27)])
    pygame.draw.line(s, P["car_glass_hi"], (18, 25), (23, 20))
    pygame.draw.line(s, P["glass_bottom"], (40, 25), (43, 21))
    pygame.draw.rect(s, l, (14, 28, 36, 62), border_radius=2)                  # long roof
    pygame.draw.rect(s, c, (15, 29, 34, 60))
    for y in range(34, 86, 6):                                                 # roof ribs
        pygame.draw.line(s, l, (16, y), (47, y))
        pygame.draw.line(s, d, (16, y + 1), (47, y + 1))
    rect_shade(s, (26, 44, 12, 8), P["steel"])                                 # roof vent
    pygame.draw.line(s, d, (32, 88), (32, 93))                                 # rear doors
    for x in (14, 45):
        pygame.draw.rect(s, P["taillight"], (x, 90, 5, 3))
    pygame.draw.rect(s, d, (7, 21, 4, 4))
    pygame.draw.rect(s, d, (53, 21, 4, 4))
    pygame.draw.line(s, P["sky_orange"], (14, 30), (14, 88))                   # dusk rim light
    return split(finish_prop(s, P["outline"]), 2, 3)


# ================================================================ 60-63 small things
def wet_floor_sign(rng):
    """Yellow A-frame caution sign (a little from the front): slipping figure and !."""
    surf = new()
    pygame.draw.polygon(surf, P["caution_dark"], [(9, 6), (23, 6), (27, 28), (5, 28)])
    pygame.draw.polygon(surf, P["caution"], [(10, 7), (22, 7), (25, 26), (7, 26)])
    pygame.draw.rect(surf, P["outline"], (13, 3, 6, 4), 1)                     # handle
    pygame.draw.polygon(surf, P["outline"], [(16, 9), (22, 19), (10, 19)], 1)
    pygame.draw.line(surf, P["outline"], (16, 12), (16, 15))
    surf.set_at((16, 17), P["outline"])
    # slipping figure
    pygame.draw.circle(surf, P["outline"], (12, 21), 1)
    pygame.draw.lines(surf, P["outline"], False, [(10, 25), (13, 23), (16, 24), (19, 22)])
    pygame.draw.line(surf, P["outline"], (7, 26), (25, 26))
    return finish_prop(surf, P["outline"])


def hose_coil(rng):
    surf = new()
    for r, w in ((12, 3), (9, 3), (6, 3)):
        pygame.draw.circle(surf, P["outline"], (15, 15), r + 1, w + 1)
        pygame.draw.circle(surf, P["hose"], (15, 15), r, w - 1)
    pygame.draw.arc(surf, P["rail"], (3, 3, 24, 24), 0.4, 2.3, 1)
    pygame.draw.arc(surf, P["rail"], (6, 6, 18, 18), 3.4, 5.0, 1)
    pygame.draw.lines(surf, P["outline"], False, [(26, 20), (29, 26), (24, 30)], 3)
    pygame.draw.line(surf, P["outline"], (24, 30), (14, 30), 3)                # spray wand
    pygame.draw.line(surf, P["steel_light"], (24, 30), (15, 30), 1)
    pygame.draw.rect(surf, P["rail"], (22, 28, 3, 4))
    return finish_prop(surf, P["outline"])


def bucket_sponge(rng):
    surf = new()
    outlined_circle(surf, P["bucket"], (13, 15), 10, P["outline"])
    pygame.draw.circle(surf, shade(P["bucket"], 1.2), (13, 15), 10, 1)
    pygame.draw.circle(surf, P["water"], (13, 15), 8)
    for _ in range(9):
        x, y = rng.normal(11, 2.5), rng.normal(13, 2.5)
        if (x - 13) ** 2 + (y - 15) ** 2 < 40:
            pygame.draw.circle(surf, P["suds"], (x, y), 1)
    pygame.draw.arc(surf, P["steel_light"], (3, 5, 20, 20), 3.5, 5.9, 1)       # handle
    bevel_rect(surf, (20, 20, 10, 7), P["sponge"], shade(P["sponge"], 1.1),
               P["caution_dark"], radius=2)
    for x, y in ((23, 22), (26, 24), (22, 25)):
        surf.set_at((x, y), P["caution_dark"])
    return finish_prop(surf, P["outline"])


def lot_lamp(rng):
    """A lot light on a pole: a shoebox head throwing a warm pool of light."""
    surf = new()
    glow(surf, (17, 16), 16, P["lamp"], alpha=150, rings=5)
    lamp = new()
    lamp_pole(lamp, (7, 25), (14, 17), P["post"], P["steel_dark"], P["outline"])
    pygame.draw.rect(lamp, P["outline"], (10, 9, 16, 11))
    pygame.draw.rect(lamp, P["steel_dark"], (11, 10, 14, 9))
    pygame.draw.rect(lamp, P["lamp"], (12, 12, 12, 5))
    pygame.draw.rect(lamp, P["lamp_core"], (13, 13, 10, 3))
    surf.blit(finish_prop(lamp, P["outline"]), (0, 0))
    return surf


# ================================================================ order = local tile ids
TILES = [
    (["wet tile floor"], wet_floor),
    (["wet tile floor reflection"], wet_floor_reflection),
    (["wet tile floor puddle"], wet_floor_puddle),
    (["bay floor"], bay_floor),
    (["bay floor drain channel"], bay_drain_channel),
    (["bay floor drain crossing"], bay_drain_crossing),
    (["bay guide rail left"], bay_rail_left),
    (["bay guide rail right"], bay_rail_right),
    (["bay floor arrow"], bay_arrow),
    (["office linoleum"], office_floor),
    (["office linoleum worn"], office_floor_worn),
    (["asphalt lot"], asphalt_lot),
    (["asphalt line vertical"], asphalt_line_v),
    (["asphalt line horizontal"], asphalt_line_h),
    (["asphalt oil stain"], asphalt_oil),
    (["red gravel bed"], red_gravel),
    (["stucco wall"], stucco_wall),
    (["stucco wall with window"], stucco_window),
    (["stucco wall with vigas"], stucco_vigas),
    (["stucco pilaster"], stucco_pilaster),
    (["storefront glass"], storefront_glass),
    (["block lot wall"], block_lot_wall),
    (["chain-link fence"], chain_link),
    (["chain-link post"], chain_link_post),
    (["floor safe"], floor_safe),
    (["filing cabinet"], filing_cabinet),
    (["vending machine"], vending_machine),
    (["vacuum station"], vacuum_station),
    (["pay kiosk"], pay_kiosk),
    (["soap drums"], soap_drums),
    (["agave pot"], agave_pot),
    (["desert shrub planter"], shrub_planter),
    (["dumpster"], dumpster),
    (grid_labels("office desk", 2, 1), office_desk),
    (grid_labels("register counter", 2, 1), register_counter),
    (grid_labels("side brush", 2, 2), side_brush),
    (["gantry post left"], gantry_post_left),
    (["gantry spray bar"], gantry_spray_bar),
    (["gantry roller brush"], gantry_roller),
    (["gantry post right"], gantry_post_right),
    (grid_labels("neon sign", 3, 1), neon_sign),
    (grid_labels("car", 2, 3), sedan),
    (grid_labels("van", 2, 3), van),
    (["wet floor sign"], wet_floor_sign),
    (["hose coil"], hose_coil),
    (["bucket and sponge"], bucket_sponge),
    (["lot lamp"], lot_lamp),
]


def build() -> list:
    """All tiles in id order as (label, Surface) pairs."""
    return build_tiles(TILES, _rng)
