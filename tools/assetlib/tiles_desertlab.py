"""Chapter 4 tileset: the abandoned desert lab at night, seen from above (32 px tiles).

Black desert sand and gravel, bleached cracked concrete, rust everywhere, harsh white work
lights. Floors (0-16) are opaque and seamless (catwalks have their yellow rails drawn in);
walls (17-23) are opaque; fences, gate and everything else are drawn on transparent
ground with a dark outline and a small drop shadow, to go on `walls` (solid) or `decor`.
Vents are the point of this place: a floor grate (13), two wall vents (19, 21) and a fan
housing (37). Tiles are drawn at full brightness; the game's lighting darkens the scene.

Multi-tile pictures are listed row by row: the tank is 2x2, the generator 2x1 and the
derelict RV 2x4 (nose up).

 id  label
  0  black sand
  1  black sand ripples
  2  sand tyre tracks vertical
  3  sand tyre tracks horizontal
  4  gravel
  5  sand with pebbles
  6  concrete floor
  7  concrete floor cracked
  8  concrete floor rust stain
  9  concrete floor broken
 10  grated floor
 11  grated floor over pipes
 12  steel plate floor
 13  floor vent grate
 14  catwalk horizontal
 15  catwalk vertical
 16  sand drift on concrete
 17  corrugated metal wall
 18  corrugated metal wall patched
 19  corrugated wall vent
 20  bunker wall
 21  bunker wall vent
 22  bunker wall with pipes
 23  bunker wall corner
 24  chain-link fence barbed
 25  chain-link gate chained
 26  rusted barrel
 27  rusted barrels
 28  pipes and valve
 29  pipe horizontal
 30  pipe vertical
 31  steel shelving
 32  work light
 33  crate
 34  crates on pallet
 35  boulder
 36  electrical panel
 37  vent fan housing
 38  generator left
 39  generator right
 40  rusty tank top-left
 41  rusty tank top-right
 42  rusty tank bottom-left
 43  rusty tank bottom-right
 44  RV top-left
 45  RV top-right
 46  RV upper-left
 47  RV upper-right
 48  RV lower-left
 49  RV lower-right
 50  RV bottom-left
 51  RV bottom-right
 52  scrub brush
 53  small rocks
 54  barrel on its side
 55  old tyre
 56  cable run
 57  oil spill
 58  scrap metal
 59  tumbleweed
"""
from __future__ import annotations

import math

import numpy as np
import pygame

from .draw import (TILE, bevel_rect, blend, blob_mask, finish_prop, from_array, mix, new,
                   outlined_circle, periodic_noise, shade, soft_edge, speckle, split, texture)
from .tilekit import (base_texture, bevel_edges, build_tiles, chain_mesh, crack, diamond_plate,
                      glow, grid_labels, pebble, rect_shade, scatter, seeded, tyre_tread, wheels)

NAME = "desertlab"
SEED = 2013

PALETTE = {
    # black desert
    "sand": (62, 54, 52), "sand_dark": (42, 36, 36), "sand_light": (100, 88, 80),
    "sand_grain": (140, 124, 110), "gravel": (96, 90, 88), "gravel_dark": (58, 54, 54),
    "gravel_light": (142, 134, 128), "pebble": (120, 108, 100),
    # concrete
    "concrete": (120, 112, 102), "concrete_dark": (90, 84, 78), "concrete_light": (152, 144, 132),
    "crack": (48, 44, 42), "bunker": (172, 168, 156), "bunker_dark": (128, 124, 114),
    "bunker_hi": (212, 208, 196), "bunker_lo": (54, 50, 48), "tie_hole": (44, 40, 40),
    # metal and rust
    "steel": (124, 126, 128), "steel_dark": (72, 74, 78), "steel_light": (172, 174, 176),
    "grate_hole": (12, 11, 12), "rust": (152, 72, 38), "rust_dark": (96, 44, 28),
    "rust_light": (198, 110, 58), "corr": (128, 118, 110), "corr_dark": (82, 74, 70),
    "corr_light": (166, 156, 146), "hazard": (214, 176, 44), "hazard_dark": (140, 110, 24),
    "valve": (196, 40, 36), "valve_dark": (120, 24, 24), "pipe": (110, 112, 106),
    "pipe_dark": (66, 68, 64), "pipe_light": (156, 158, 150),
    # light
    "work_light": (255, 255, 246), "work_glow": (236, 242, 255),
    # props
    "wood": (132, 104, 74), "wood_dark": (86, 66, 48), "wood_light": (168, 136, 98),
    "panel": (112, 120, 116), "panel_dark": (70, 76, 74), "panel_light": (150, 158, 152),
    "gen": (190, 158, 56), "gen_dark": (126, 100, 34), "gen_light": (224, 196, 98),
    "tyre": (30, 28, 30), "tyre_wall": (50, 48, 50),
    "rock": (100, 92, 88), "rock_dark": (62, 56, 54), "rock_light": (142, 132, 124),
    "scrub": (104, 108, 74), "scrub_dark": (66, 70, 48), "scrub_light": (144, 146, 100),
    "weed": (150, 124, 86), "weed_dark": (104, 84, 56),
    "cable": (30, 30, 34), "cable_hi": (80, 80, 88), "oil": (20, 18, 22), "oil_sheen": (70, 66, 96),
    "cardboard": (150, 118, 80), "cardboard_dark": (106, 82, 56),
    # RV
    "rv": (208, 198, 174), "rv_dark": (150, 140, 120), "rv_light": (232, 226, 206),
    "rv_brown": (110, 70, 42), "rv_orange": (196, 112, 48), "rv_glass": (40, 44, 52),
    "rv_glass_hi": (130, 140, 156), "headlight": (210, 206, 180),
    "outline": (12, 9, 9),
}
P = PALETTE


_rng = seeded(SEED)


# ================================================================ shared bases
@base_texture
def sand() -> np.ndarray:
    rng = _rng(1000)
    arr = texture(rng, P["sand"], blob=6, grain=3.0, cells=3, tint=(1.1, 1.0, 0.9))
    speckle(arr, rng, P["sand_light"], 0.06)
    speckle(arr, rng, P["sand_dark"], 0.06)
    speckle(arr, rng, P["sand_grain"], 0.012)
    return arr


@base_texture
def concrete() -> np.ndarray:
    rng = _rng(1001)
    arr = texture(rng, P["concrete"], blob=7, grain=3.0, cells=3, tint=(1.05, 1.0, 0.95))
    speckle(arr, rng, P["concrete_dark"], 0.04)
    speckle(arr, rng, P["concrete_light"], 0.03)
    stain = periodic_noise(rng, TILE, TILE, 2)
    blend(arr, np.clip(stain - 0.2, 0, 1), P["concrete_dark"], 0.6)
    return arr


@base_texture
def grate() -> np.ndarray:
    """Industrial bar grating: steel bars on a 4 px pitch over a black void."""
    rng = _rng(1002)
    arr = texture(rng, P["steel_dark"], blob=4, grain=3.0, cells=2)
    yy, xx = np.mgrid[0:TILE, 0:TILE]
    holes = (xx % 4 != 0) & (yy % 8 != 0)
    blend(arr, holes, P["grate_hole"], 0.92)
    blend(arr, (xx % 4 == 0) & (yy % 8 != 0), P["steel"], 0.5)
    rust = np.clip(periodic_noise(rng, TILE, TILE, 4) - 0.25, 0, 1) * 1.6
    blend(arr, rust * ~holes, P["rust"], 0.7)
    return arr


@base_texture
def corrugated() -> np.ndarray:
    """Rusty corrugated sheet: ridges every 4 px, rust running down from the top rivets."""
    rng = _rng(1003)
    arr = texture(rng, P["corr"], blob=5, grain=2.5, cells=2)
    yy, xx = np.mgrid[0:TILE, 0:TILE]
    wave = np.sin((xx + 0.5) * math.tau / 4)
    for c, k in zip(range(3), (1.0, 1.0, 1.0)):
        arr[:, :, c] *= 1 + 0.2 * wave * k
    rust = np.clip(periodic_noise(rng, TILE, TILE, 3) + 0.25 * np.sin(xx * 0.7) - 0.05, 0, 1)
    blend(arr, rust * 1.4, P["rust"], 0.8)
    blend(arr, np.clip(rust - 0.45, 0, 1) * 2, P["rust_dark"], 0.8)
    speckle(arr, rng, P["rust_light"], 0.03)
    arr[0:2, :, :3] = P["corr_light"]
    arr[-2:, :, :3] = P["corr_dark"]
    arr[-1, :, :3] = P["outline"]
    for x in range(2, TILE, 8):
        arr[4, x, :3] = P["steel_light"]
        arr[27, x, :3] = P["rust_dark"]
    return arr


@base_texture
def bunker() -> np.ndarray:
    """Top of a poured concrete bunker wall: big pale slab, form-tie holes, water stains."""
    rng = _rng(1004)
    arr = texture(rng, P["bunker"], blob=6, grain=2.5, cells=2)
    speckle(arr, rng, P["bunker_dark"], 0.05)
    speckle(arr, rng, P["bunker_hi"], 0.03)
    yy, xx = np.mgrid[0:TILE, 0:TILE]
    streak = np.clip(np.sin(xx * 1.3) * 0.5 + periodic_noise(rng, TILE, TILE, 4), 0, 1)
    blend(arr, streak * (yy / TILE), P["bunker_dark"], 0.5)
    for x, y in ((7, 7), (24, 7), (7, 24), (24, 24)):
        arr[y:y + 2, x:x + 2, :3] = P["tie_hole"]
    arr[15, :, :3] = mix(P["bunker"], P["bunker_dark"], 0.8)           # form joint
    arr[-4:-1, :, :3] = arr[-4:-1, :, :3] * 0.72                        # shadowed south face
    bevel_edges(arr, P["bunker_hi"], P["bunker_lo"])
    return arr


def _crack(surf, rng, pts):
    crack(surf, rng, pts, P["crack"], P["concrete_light"], jitter=0.8)


# ================================================================ 0-15 floors
def black_sand(rng):
    return from_array(sand())


def sand_ripples(rng):
    arr = sand()
    yy, xx = np.mgrid[0:TILE, 0:TILE]
    phase = (yy + 2.0 * np.sin(xx * math.tau / TILE) + 1.0 * np.sin(xx * 2 * math.tau / TILE)) % 8
    blend(arr, phase < 1.2, P["sand_light"], 0.55)
    blend(arr, (phase >= 1.2) & (phase < 2.6), P["sand_dark"], 0.5)
    return from_array(arr)


def _tracks(rng, vertical: bool):
    arr = sand()
    yy, xx = np.mgrid[0:TILE, 0:TILE]
    a, b = (xx, yy) if vertical else (yy, xx)
    for x0 in (4, 20):
        track = (a >= x0) & (a < x0 + 8)
        blend(arr, track, P["sand_dark"], 0.55)
        tread = track & ((b + (a - x0) // 2) % 5 < 2) & ((a - x0) % 7 != 0)
        blend(arr, tread, P["gravel_dark"], 0.6)
        blend(arr, a == x0 - 1, P["sand_light"], 0.6)
        blend(arr, a == x0 + 8, P["sand_light"], 0.5)
    return from_array(arr)


def tracks_v(rng):
    return _tracks(rng, True)


def tracks_h(rng):
    return _tracks(rng, False)


def _pebbles(surf, rng, n, tones, size=(1, 4)):
    for _ in range(n):
        x, y = rng.uniform(0, TILE, 2)
        w = int(rng.integers(size[0] + 1, size[1] + 1))
        h = max(1, w - int(rng.integers(0, 2)))
        c = tones[int(rng.integers(0, len(tones)))]
        pebble(surf, x, y, w, h, c, P["sand_dark"], shade(c, 1.3) if w > 2 else None)


def gravel(rng):
    arr = texture(rng, P["gravel_dark"], blob=4, grain=5.0, cells=4)
    surf = from_array(arr)
    tones = [P["gravel"], P["gravel_light"], P["pebble"], P["gravel_dark"]]
    _pebbles(surf, rng, 120, tones, (1, 3))
    return surf


def sand_pebbles(rng):
    surf = from_array(sand())
    _pebbles(surf, rng, 16, [P["pebble"], P["rock_light"], P["rock"]], (2, 4))
    return surf


def concrete_floor(rng):
    """Weathered slab: dust, a few hairline marks (the plain floor, repeats quietly)."""
    surf = from_array(concrete())
    for a, b in (((4, 6), (8, 8)), ((20, 22), (23, 21)), ((13, 27), (15, 29))):
        pygame.draw.line(surf, P["concrete_dark"], a, b)
    return surf


def cracked_concrete(rng):
    surf = from_array(concrete())
    _crack(surf, rng, [(0, 9), (6, 11), (12, 10), (17, 15), (22, 16), (31, 21)])
    _crack(surf, rng, [(17, 15), (15, 22), (17, 31)])
    return surf


def concrete_stain(rng):
    """Rust rings where drums stood and leaked, and an ochre smudge."""
    arr = concrete()
    yy, xx = np.mgrid[0:TILE, 0:TILE]
    for cx, cy, r in ((12, 13, 8.5), (22, 22, 6.5)):
        d = np.hypot(xx - cx, yy - cy)
        blend(arr, np.clip(1 - np.abs(d - r) / 1.6, 0, 1), P["rust"], 0.7)
        blend(arr, (d < r - 1) * 0.35, P["rust_light"], 0.35)
    blend(arr, soft_edge(blob_mask(rng, TILE, TILE, 21, 9, 5, 3)), P["hazard_dark"], 0.35)
    surf = from_array(arr)
    _crack(surf, rng, [(22, 0), (24, 6), (29, 9), (31, 10)])
    return surf


def concrete_broken(rng):
    """Concrete smashed open: a hole of sand and rubble in the slab."""
    arr = concrete()
    hole = blob_mask(rng, TILE, TILE, 16, 16, 11, 9, wobble=0.5)
    s = sand()
    arr[hole] = s[hole]
    rim = hole & ~np.roll(hole, 1, 0) | hole & ~np.roll(hole, 1, 1)
    blend(arr, rim, P["crack"], 0.9)
    surf = from_array(arr)
    for _ in range(9):
        x, y = rng.normal(16, 5), rng.normal(16, 4)
        w = int(rng.integers(3, 6))
        pts = [(x, y), (x + w, y + rng.uniform(-1, 1)), (x + w - 1, y + w - 1), (x + 1, y + w - 2)]
        pygame.draw.polygon(surf, P["concrete_light"], pts)
        pygame.draw.polygon(surf, P["crack"], pts, 1)
    _crack(surf, rng, [(27, 16), (31, 13)])
    _crack(surf, rng, [(6, 22), (1, 27)])
    return surf


def grated_floor(rng):
    return from_array(grate())


def grated_pipes(rng):
    """Grating with two pipes visible in the dark below."""
    arr = grate()
    yy, xx = np.mgrid[0:TILE, 0:TILE]
    holes = (xx % 4 != 0) & (yy % 8 != 0)
    for y0, c in ((7, P["pipe"]), (20, P["rust"])):
        band = (yy >= y0) & (yy < y0 + 6)
        blend(arr, band & holes, c, 0.55)
        blend(arr, (yy == y0 + 1) & holes, P["pipe_light"], 0.35)
    return from_array(arr)


def steel_plate(rng):
    arr = texture(rng, P["steel"], blob=4, grain=2.0)
    rust = np.clip(periodic_noise(rng, TILE, TILE, 4) - 0.2, 0, 1) * 1.5
    blend(arr, rust, P["rust"], 0.7)
    surf = from_array(arr)
    diamond_plate(surf, P["steel_light"], 3, 31, 5)
    pygame.draw.line(surf, P["steel_dark"], (0, 31), (31, 31))
    pygame.draw.line(surf, P["steel_dark"], (31, 0), (31, 31))
    return surf


def floor_vent(rng):
    """A square vent grate in the concrete: louvres over a black shaft."""
    surf = from_array(concrete())
    pygame.draw.rect(surf, P["outline"], (4, 4, 24, 24))
    bevel_rect(surf, (5, 5, 22, 22), P["steel_dark"], P["steel_light"], P["outline"], 2)
    pygame.draw.rect(surf, P["grate_hole"], (8, 8, 16, 16))
    for y in range(9, 24, 3):
        pygame.draw.line(surf, P["steel"], (8, y), (23, y))
        pygame.draw.line(surf, P["steel_dark"], (8, y + 1), (23, y + 1))
    for x, y in ((6, 6), (25, 6), (6, 25), (25, 25)):
        surf.set_at((x, y), P["steel_light"])
    return surf


def _catwalk(vertical: bool):
    rng = _rng(1005)
    arr = texture(rng, P["steel_dark"], blob=3, grain=2.0, cells=2)
    yy, xx = np.mgrid[0:TILE, 0:TILE]
    holes = ((xx % 3 != 0) & (yy % 3 != 0))
    blend(arr, holes, P["grate_hole"], 0.8)
    blend(arr, ~holes, P["steel"], 0.4)
    if not vertical:
        arr = arr.transpose(1, 0, 2).copy()
    surf = from_array(arr)
    for a in (0, 29):                                                   # yellow handrails
        rect = (a, 0, 3, TILE) if vertical else (0, a, TILE, 3)
        pygame.draw.rect(surf, P["outline"], rect)
        inner = (a, 0, 2, TILE) if vertical else (0, a, TILE, 2)
        pygame.draw.rect(surf, P["hazard"], inner)
        for k in (4, 20):
            post = (a, k, 3, 3) if vertical else (k, a, 3, 3)
            pygame.draw.rect(surf, P["hazard_dark"], post)
    return surf


def catwalk_h(rng):
    return _catwalk(False)


def catwalk_v(rng):
    return _catwalk(True)


def sand_drift(rng):
    """Sand blown over the slab's edge: sand at the top, concrete below, a wavy margin."""
    arr = concrete()
    x = np.arange(TILE)
    edge = 14 + 3 * np.sin(x * math.tau / TILE + 0.4) + 1.5 * np.sin(x * 2 * math.tau / TILE)
    yy = np.arange(TILE)[:, None]
    sandy = yy < edge[None, :]
    s = sand()
    arr[sandy] = s[sandy]
    blend(arr, sandy & ~np.roll(sandy, -1, 0), P["sand_light"], 0.6)
    loose = (yy >= edge[None, :]) & (yy < edge[None, :] + 7)
    speckle(arr, rng, P["sand"], 0.25, loose)
    return from_array(arr)


# ================================================================ 16-24 walls and fences
def corrugated_wall(rng):
    return from_array(corrugated())


def corrugated_patched(rng):
    """A sheet rusted through, patched with a bolted plate."""
    surf = from_array(corrugated())
    hole = blob_mask(rng, TILE, TILE, 9, 20, 5, 4, wobble=0.4)
    for y, x in zip(*np.nonzero(hole)):
        surf.set_at((int(x), int(y)), P["grate_hole"])
    pygame.draw.rect(surf, P["outline"], (15, 7, 15, 15))
    bevel_rect(surf, (16, 8, 13, 13), P["steel"], P["steel_light"], P["steel_dark"])
    for x, y in ((17, 9), (27, 9), (17, 19), (27, 19)):
        surf.set_at((x, y), P["outline"])
    pygame.draw.line(surf, P["rust"], (18, 21), (18, 27))
    return surf


def corrugated_vent(rng):
    surf = from_array(corrugated())
    pygame.draw.rect(surf, P["outline"], (6, 7, 20, 18))
    bevel_rect(surf, (7, 8, 18, 16), P["steel"], P["steel_light"], P["steel_dark"])
    for y in range(10, 23, 3):
        pygame.draw.line(surf, P["grate_hole"], (9, y), (22, y))
        pygame.draw.line(surf, P["steel_light"], (9, y + 1), (22, y + 1))
    return surf


def bunker_wall(rng):
    return from_array(bunker())


def bunker_vent(rng):
    """A big louvred vent set in the bunker wall."""
    surf = from_array(bunker())
    pygame.draw.rect(surf, P["outline"], (5, 5, 22, 22))
    bevel_rect(surf, (6, 6, 20, 20), P["steel_dark"], P["steel"], P["outline"])
    pygame.draw.rect(surf, P["grate_hole"], (8, 8, 16, 16))
    for y in range(9, 24, 3):
        pygame.draw.line(surf, P["steel"], (8, y), (23, y))
        pygame.draw.line(surf, P["steel_light"], (8, y), (15, y))
    pygame.draw.line(surf, P["rust"], (12, 26), (12, 30))
    pygame.draw.line(surf, P["rust"], (20, 26), (21, 31))
    return surf


def bunker_pipes(rng):
    surf = from_array(bunker())
    _pipe(surf, (0, 8, TILE, 6), False)
    _pipe(surf, (0, 18, TILE, 6), False, (P["rust"], P["rust_dark"], P["rust_light"]))
    for x in (6, 24):
        pygame.draw.rect(surf, P["outline"], (x - 1, 5, 4, 22))
        pygame.draw.rect(surf, P["steel_dark"], (x, 6, 2, 20))
    return surf


def bunker_corner(rng):
    surf = from_array(bunker())
    pygame.draw.rect(surf, P["outline"], (3, 3, 26, 26))
    bevel_rect(surf, (4, 4, 24, 24), P["bunker_dark"], P["bunker_hi"], P["bunker_lo"], 2)
    pygame.draw.rect(surf, P["bunker"], (8, 8, 16, 16))
    pygame.draw.rect(surf, P["bunker_lo"], (8, 8, 16, 16), 1)
    for x, y in ((10, 10), (20, 10), (10, 20), (20, 20)):
        pygame.draw.rect(surf, P["tie_hole"], (x, y, 2, 2))
    return surf


def fence_barbed(rng):
    surf = new()
    chain_mesh(surf, P["steel"], 11, 20)
    pygame.draw.line(surf, P["rust"], (0, 10), (TILE - 1, 10))
    pygame.draw.line(surf, P["steel_dark"], (0, 21), (TILE - 1, 21))
    for x in range(0, TILE, 4):                                        # barbed wire coil
        pygame.draw.arc(surf, P["steel_light"], (x - 1, 5, 6, 6), 0, math.pi * 1.6)
        surf.set_at((x + 2, 4), P["steel_light"])
    outlined_circle(surf, P["rust_dark"], (16, 15), 2, P["outline"])
    scatter(surf, rng, P["rust"], 0.05, lambda x, y: surf.get_at((x, y)).a)
    return finish_prop(surf, P["outline"])


def fence_gate(rng):
    """An old chain-link gate, chained and padlocked in the middle."""
    surf = new()
    chain_mesh(surf, P["steel_dark"], 11, 20)
    pygame.draw.rect(surf, P["rust_dark"], (0, 9, TILE, 3))
    pygame.draw.rect(surf, P["rust_dark"], (0, 20, TILE, 3))
    for x in (0, 15, 17, 30):
        pygame.draw.rect(surf, P["rust"], (x, 9, 2, 14))
    for k in range(6):                                                 # chain links
        x, y = 11 + k * 2, 12 + (k % 2) * 2
        pygame.draw.ellipse(surf, P["steel_light"], (x, y, 3, 4), 1)
    pygame.draw.rect(surf, P["outline"], (14, 17, 5, 6))               # padlock
    pygame.draw.rect(surf, P["hazard"], (15, 18, 3, 4))
    pygame.draw.arc(surf, P["steel_light"], (14, 14, 5, 6), 0, math.pi, 1)
    return finish_prop(surf, P["outline"])


# ================================================================ 25-38 solid props
def _barrel(surf, cx, cy, r, tone):
    base, dark, light = tone
    outlined_circle(surf, dark, (cx, cy), r, P["outline"])
    pygame.draw.circle(surf, base, (cx, cy), r - 1)
    pygame.draw.circle(surf, dark, (cx, cy), r - 3, 1)
    pygame.draw.circle(surf, dark, (cx, cy), max(1, r - 6), 1)
    outlined_circle(surf, P["steel_dark"], (cx - r // 2, cy - r // 3), 1, P["outline"])
    pygame.draw.arc(surf, light, (cx - r + 2, cy - r + 2, 2 * r - 4, 2 * r - 4), 1.9, 2.9)


def rusted_barrel(rng):
    surf = new()
    _barrel(surf, 16, 16, 11, (P["rust"], P["rust_dark"], P["rust_light"]))
    for y, x in zip(*np.nonzero(rng.random((TILE, TILE)) < 0.1)):
        if (x - 16) ** 2 + (y - 16) ** 2 < 90:
            surf.set_at((int(x), int(y)), P["rust_dark"] if rng.random() < 0.6 else P["rust_light"])
    return finish_prop(surf, P["outline"])


def rusted_barrels(rng):
    surf = new()
    tones = [(P["rust"], P["rust_dark"], P["rust_light"]),
             (P["steel_dark"], P["outline"], P["steel"]),
             (P["gen_dark"], P["rust_dark"], P["gen"])]
    for (cx, cy), tone in zip(((10, 10), (22, 12), (14, 22)), tones):
        _barrel(surf, cx, cy, 8, tone)
    scatter(surf, rng, P["rust"], 0.07, lambda x, y: surf.get_at((x, y)).a)
    return finish_prop(surf, P["outline"])


def _pipe(surf, rect, vertical, tone=None):
    c, d, l = tone or (P["pipe"], P["pipe_dark"], P["pipe_light"])
    x, y, w, h = rect
    pygame.draw.rect(surf, P["outline"], (x - 1, y - 1, w + 2, h + 2))
    pygame.draw.rect(surf, c, rect)
    if vertical:
        pygame.draw.line(surf, l, (x + 1, y), (x + 1, y + h - 1))
        pygame.draw.line(surf, d, (x + w - 1, y), (x + w - 1, y + h - 1))
    else:
        pygame.draw.line(surf, l, (x, y + 1), (x + w - 1, y + 1))
        pygame.draw.line(surf, d, (x, y + h - 1), (x + w - 1, y + h - 1))


def _valve(surf, cx, cy, r=5):
    pygame.draw.circle(surf, P["outline"], (cx, cy), r + 1, 3)
    pygame.draw.circle(surf, P["valve"], (cx, cy), r, 2)
    for a in (0, math.pi / 2):
        pygame.draw.line(surf, P["valve_dark"], (cx - math.cos(a) * r, cy - math.sin(a) * r),
                         (cx + math.cos(a) * r, cy + math.sin(a) * r))
    outlined_circle(surf, P["steel_light"], (cx, cy), 1, P["outline"])


def pipes_valve(rng):
    """A pipe manifold: two pipes join at a flanged tee with a red valve wheel."""
    surf = new()
    _pipe(surf, (0, 8, TILE, 7), False)
    _pipe(surf, (18, 8, 7, 24), True, (P["rust"], P["rust_dark"], P["rust_light"]))
    for x in (8, 14):
        pygame.draw.rect(surf, P["outline"], (x - 1, 6, 3, 11))
        pygame.draw.rect(surf, P["steel_light"], (x, 7, 1, 9))
    pygame.draw.rect(surf, P["outline"], (16, 23, 11, 3))
    _valve(surf, 21, 12, 6)
    return finish_prop(surf, P["outline"])


def pipe_h(rng):
    surf = new()
    _pipe(surf, (0, 11, TILE, 9), False)
    for x in (5, 26):
        pygame.draw.rect(surf, P["outline"], (x - 1, 9, 4, 13))
        pygame.draw.rect(surf, P["steel"], (x, 10, 2, 11))
    for x in range(8, 24, 5):
        surf.set_at((x, 17), P["rust"])
    pygame.draw.rect(surf, P["steel_dark"], (14, 20, 4, 6))            # support
    return finish_prop(surf, P["outline"])


def pipe_v(rng):
    surf = new()
    _pipe(surf, (11, 0, 9, TILE), True)
    for y in (5, 26):
        pygame.draw.rect(surf, P["outline"], (9, y - 1, 13, 4))
        pygame.draw.rect(surf, P["steel"], (10, y, 11, 2))
    for y in range(8, 24, 5):
        surf.set_at((17, y), P["rust"])
    pygame.draw.rect(surf, P["steel_dark"], (20, 14, 6, 4))
    return finish_prop(surf, P["outline"])


def steel_shelving(rng):
    surf = new()
    bevel_rect(surf, (1, 5, 30, 22), P["steel_dark"], P["steel"], P["outline"])
    items = [((3, 7, 8, 7), P["cardboard"]), ((12, 8, 6, 6), P["cardboard_dark"]),
             ((3, 17, 6, 8), P["gen_dark"]), ((20, 16, 9, 9), P["cardboard"])]
    for r, c in items:
        pygame.draw.rect(surf, P["outline"], pygame.Rect(r).inflate(2, 2))
        pygame.draw.rect(surf, c, r)
        pygame.draw.line(surf, shade(c, 1.25), (r[0], r[1]), (r[0] + r[2] - 1, r[1]))
    pygame.draw.circle(surf, P["outline"], (24, 10), 4, 2)             # coil of wire
    pygame.draw.circle(surf, P["rust_light"], (24, 10), 3, 1)
    outlined_circle(surf, P["steel"], (13, 21), 2, P["outline"])       # paint can
    pygame.draw.line(surf, P["steel_light"], (1, 15), (30, 15))
    scatter(surf, rng, P["rust"], 0.04, lambda x, y: 5 < y < 27 and (x < 3 or x > 28))
    return finish_prop(surf, P["outline"])


def work_light(rng):
    """A floodlight on a tripod, harsh white, throwing a beam to the south-east."""
    surf = new()
    beam = new()
    pygame.draw.polygon(beam, (*P["work_glow"], 70), [(18, 14), (31, 20), (31, 31), (22, 31)])
    pygame.draw.polygon(beam, (*P["work_glow"], 60), [(18, 14), (29, 24), (25, 29)])
    surf.blit(beam, (0, 0))
    glow(surf, (16, 14), 11, P["work_glow"], alpha=160, rings=4)
    lamp = new()
    for end in ((5, 27), (27, 27), (16, 3)):
        pygame.draw.line(lamp, P["steel"], (16, 16), end, 1)
        outlined_circle(lamp, P["steel_dark"], end, 1, P["outline"])
    pygame.draw.polygon(lamp, P["outline"], [(10, 9), (21, 9), (23, 20), (12, 20)])
    pygame.draw.polygon(lamp, P["hazard"], [(11, 10), (20, 10), (22, 19), (13, 19)])
    pygame.draw.polygon(lamp, P["work_light"], [(13, 12), (19, 12), (20, 17), (14, 17)])
    pygame.draw.line(lamp, P["cable"], (12, 20), (4, 31), 2)
    surf.blit(finish_prop(lamp, P["outline"]), (0, 0))
    return surf


def _crate(surf, rng, rect):
    x, y, w, h = rect
    arr = texture(rng, P["wood"], h, w, blob=5, grain=3, cells=2, tint=(1.2, 1.0, 0.8))
    surf.blit(from_array(arr), (x, y))
    for k in range(y + 5, y + h - 3, 5):
        pygame.draw.line(surf, P["wood_dark"], (x, k), (x + w - 1, k))
    pygame.draw.rect(surf, P["wood_light"], rect, 2)
    pygame.draw.rect(surf, P["wood_dark"], rect, 1)
    pygame.draw.line(surf, P["wood_dark"], (x + 2, y + h - 3), (x + w - 3, y + 2), 3)
    pygame.draw.line(surf, P["wood_light"], (x + 2, y + h - 3), (x + w - 3, y + 2), 1)


def crate(rng):
    surf = new()
    _crate(surf, rng, (3, 3, 26, 26))
    return finish_prop(surf, P["outline"])


def crates_pallet(rng):
    surf = new()
    pygame.draw.rect(surf, P["wood_dark"], (1, 2, 30, 28))
    for y in range(3, 30, 5):
        pygame.draw.line(surf, P["wood_light"], (1, y), (30, y), 2)
    _crate(surf, rng, (3, 4, 15, 14))
    _crate(surf, rng, (15, 13, 14, 15))
    pygame.draw.rect(surf, P["cardboard"], (4, 20, 9, 8))
    pygame.draw.line(surf, P["cardboard_dark"], (4, 24), (12, 24))
    return finish_prop(surf, P["outline"])


def boulder(rng):
    surf = new()
    yy, xx = np.mgrid[0:TILE, 0:TILE]
    mask = blob_mask(rng, TILE, TILE, 16, 16, 13, 11, wobble=0.3)
    h = np.clip(1 - np.hypot((xx - 13) / 13, (yy - 13) / 11), 0, 1) \
        + 0.25 * periodic_noise(rng, TILE, TILE, 4)
    level = np.digitize(h, [0.25, 0.5, 0.75])
    tones = [P["rock_dark"], P["rock"], mix(P["rock"], P["rock_light"], 0.5), P["rock_light"]]
    arr = np.zeros((TILE, TILE, 4))
    for i, t in enumerate(tones):
        arr[level == i, :3] = t
    arr[:, :, 3] = mask * 255
    surf.blit(from_array(arr), (0, 0))
    pygame.draw.line(surf, P["rock_dark"], (12, 8), (17, 16))
    return finish_prop(surf, P["outline"])


def electrical_panel(rng):
    surf = new()
    rect_shade(surf, (5, 3, 22, 5), P["panel_light"])
    rect_shade(surf, (5, 8, 22, 20), P["panel"])
    pygame.draw.line(surf, P["panel_dark"], (16, 9), (16, 26))
    pygame.draw.polygon(surf, P["outline"], [(10, 11), (14, 18), (6, 18)])   # warning sign
    pygame.draw.polygon(surf, P["hazard"], [(10, 12), (13, 17), (7, 17)])
    pygame.draw.line(surf, P["outline"], (10, 14), (10, 15))
    pygame.draw.rect(surf, P["steel_light"], (18, 16, 2, 4))                # handle
    for x in (8, 13, 20, 24):                                              # conduits
        pygame.draw.rect(surf, P["outline"], (x - 1, 0, 3, 4))
        pygame.draw.rect(surf, P["steel"], (x, 0, 1, 4))
    scatter(surf, rng, P["rust"], 0.05,
            lambda x, y: 9 < y < 27 and 6 < x < 26 and surf.get_at((x, y))[:3] == P["panel"])
    return finish_prop(surf, P["outline"])


def vent_fan(rng):
    """A ventilation fan housing: a square steel box with the fan behind a guard."""
    surf = new()
    bevel_rect(surf, (2, 2, 28, 28), P["steel_dark"], P["steel"], P["outline"], 2)
    outlined_circle(surf, P["grate_hole"], (16, 16), 11, P["outline"])
    for k in range(5):
        a = k * math.tau / 5
        pts = [(16, 16), (16 + math.cos(a) * 10, 16 + math.sin(a) * 10),
               (16 + math.cos(a + 0.7) * 9, 16 + math.sin(a + 0.7) * 9)]
        pygame.draw.polygon(surf, P["steel"], pts)
    outlined_circle(surf, P["steel_light"], (16, 16), 2, P["outline"])
    for r in (5, 8, 11):                                                     # guard rings
        pygame.draw.circle(surf, P["steel_dark"], (16, 16), r, 1)
    pygame.draw.line(surf, P["steel_dark"], (5, 16), (27, 16))
    for x, y in ((4, 4), (27, 4), (4, 27), (27, 27)):
        surf.set_at((x, y), P["steel_light"])
    scatter(surf, rng, P["rust"], 0.05,                                   # rust on the rim
            lambda x, y: (x < 5 or x > 26 or y < 5 or y > 26) and surf.get_at((x, y)).a)
    return finish_prop(surf, P["outline"])


def generator(rng):
    """A faded yellow diesel generator on a skid, 2x1: louvres, panel, exhaust."""
    s = new(2 * TILE, TILE)
    pygame.draw.rect(s, P["steel_dark"], (2, 24, 60, 4))                      # skid
    bevel_rect(s, (3, 4, 58, 21), P["gen"], P["gen_light"], P["gen_dark"], radius=2)
    for x in range(7, 28, 3):                                               # louvres
        pygame.draw.line(s, P["gen_dark"], (x, 8), (x, 20))
    pygame.draw.rect(s, P["outline"], (32, 8, 12, 9))                        # control panel
    pygame.draw.rect(s, P["panel_dark"], (33, 9, 10, 7))
    pygame.draw.circle(s, P["valve"], (36, 12), 1)
    pygame.draw.circle(s, P["hazard"], (40, 12), 1)
    outlined_circle(s, P["steel_dark"], (52, 10), 3, P["outline"])            # exhaust stack
    pygame.draw.circle(s, P["grate_hole"], (52, 10), 1)
    outlined_circle(s, P["steel"], (52, 20), 2, P["outline"])                 # fuel cap
    for k in range(0, 58, 6):                                                # hazard stripe
        pygame.draw.line(s, P["outline"], (3 + k, 24), (6 + k, 21), 2)
    scatter(s, rng, P["rust"], 0.04, lambda x, y: 4 < y < 25 and 3 < x < 61)
    return split(finish_prop(s, P["outline"]), 2, 1)


# ================================================================ 39-50 tank and RV
def rusty_tank(rng):
    """A big upright tank seen from above, 2x2: welded rings, hatch, ladder, rust."""
    s = new(2 * TILE, 2 * TILE)
    yy, xx = np.mgrid[0:64, 0:64]
    dx, dy = xx - 31.5, yy - 31.5
    r = np.hypot(dx, dy)
    body = r < 29
    arr = texture(rng, P["steel"], 64, 64, blob=6, grain=3, cells=3)
    lit = np.clip(1.1 - (dx + dy) / 110 - r / 160, 0.6, 1.2)
    arr[:, :, :3] *= lit[:, :, None]
    rust = np.clip(periodic_noise(rng, 64, 64, 5) + 0.3 * (r / 29) - 0.1, 0, 1) * 1.4
    blend(arr, rust, P["rust"], 0.8)
    blend(arr, np.clip(rust - 0.5, 0, 1) * 2, P["rust_dark"], 0.8)
    for ring in (12, 22):
        blend(arr, np.abs(r - ring) < 0.7, P["steel_dark"], 0.8)
    blend(arr, np.abs(r - 27.5) < 1.2, P["steel_light"], 0.4)
    arr[:, :, 3] = body * 255
    s.blit(from_array(arr), (0, 0))
    outlined_circle(s, P["steel_dark"], (31, 31), 5, P["outline"])             # hatch
    pygame.draw.circle(s, P["steel"], (30, 30), 3)
    pygame.draw.line(s, P["steel_light"], (28, 31), (34, 31))
    for x in (44, 50):                                                     # ladder rails
        pygame.draw.line(s, P["outline"], (x, 30), (x + 8, 58), 3)
        pygame.draw.line(s, P["hazard_dark"], (x, 30), (x + 8, 58), 1)
    for k in range(6):
        t = k / 5
        pygame.draw.line(s, P["hazard_dark"], (44 + 8 * t, 30 + 28 * t), (50 + 8 * t, 30 + 28 * t))
    outlined_circle(s, P["pipe_dark"], (15, 18), 3, P["outline"])            # vent pipe
    pygame.draw.circle(s, P["grate_hole"], (15, 18), 1)
    return split(finish_prop(s, P["outline"]), 2, 2)


def rv(rng):
    """A derelict motorhome, nose up, 2x4: cab-over bunk, brown-orange stripes, rust,
    broken windscreen, a flat tyre, roof vents and a ladder at the back."""
    s = new(2 * TILE, 4 * TILE)
    c, d, l = P["rv"], P["rv_dark"], P["rv_light"]
    wheels(s, P["tyre"], (16, 96), 7, 53)
    pygame.draw.rect(s, P["tyre"], (52, 97, 6, 12), border_radius=2)        # flat tyre bulge
    # cab nose
    pygame.draw.rect(s, d, (12, 2, 40, 26), border_radius=8)
    pygame.draw.rect(s, c, (14, 3, 36, 24), border_radius=7)
    for x in (16, 42):
        pygame.draw.rect(s, P["headlight"], (x, 4, 6, 3))
    pygame.draw.rect(s, P["steel_dark"], (24, 3, 16, 3))
    pygame.draw.polygon(s, P["rv_glass"], [(15, 14), (49, 14), (47, 22), (17, 22)])
    for pts in ([(25, 15), (29, 18), (27, 21)], [(29, 18), (35, 16)], [(29, 18), (33, 21)]):
        pygame.draw.lines(s, P["rv_glass_hi"], False, pts)                   # cracked glass
    pygame.draw.rect(s, d, (8, 16, 4, 4))
    pygame.draw.rect(s, d, (52, 16, 4, 4))
    # coach body
    pygame.draw.rect(s, d, (9, 22, 46, 104), border_radius=4)
    pygame.draw.rect(s, c, (11, 23, 42, 102), border_radius=3)
    pygame.draw.rect(s, l, (14, 25, 36, 12), border_radius=5)               # cab-over bunk
    for y0, col in ((40, P["rv_brown"]), (44, P["rv_orange"])):              # roof stripes
        pygame.draw.rect(s, col, (11, y0, 42, 3))
    rect_shade(s, (22, 56, 20, 14), P["rv_light"])                           # roof A/C
    for y in range(59, 68, 3):
        pygame.draw.line(s, P["rv_dark"], (25, y), (38, y))
    for y in (80, 104):                                                     # roof vents
        pygame.draw.rect(s, P["outline"], (26, y, 12, 9))
        pygame.draw.rect(s, P["rv_glass"], (27, y + 1, 10, 7))
        pygame.draw.line(s, P["rv_glass_hi"], (28, y + 2), (32, y + 2))
    pygame.draw.rect(s, P["grate_hole"], (28, 105, 5, 3))                   # a broken vent lid
    for x in (17, 21):                                                     # rear ladder
        pygame.draw.line(s, P["steel_light"], (x, 96), (x, 124))
    for y in range(98, 124, 4):
        pygame.draw.line(s, P["steel"], (17, y), (21, y))
    pygame.draw.rect(s, P["rv_brown"], (11, 119, 42, 3))
    pygame.draw.rect(s, P["valve"], (13, 123, 5, 2))
    pygame.draw.rect(s, P["valve"], (46, 123, 5, 2))
    # weathering: dust on the roof, rust streaks running from the seams and vents
    body = pygame.surfarray.array_alpha(s).T > 0
    dust = np.clip(periodic_noise(rng, 128, 64, 6) + 0.2, 0, 1)
    for y, x in zip(*np.nonzero((rng.random((128, 64)) < dust * 0.35) & body)):
        if 24 < y < 124 and 11 < x < 53 and s.get_at((int(x), int(y)))[:3] in (c, l):
            s.set_at((int(x), int(y)), P["rv_dark"] if rng.random() < 0.8 else P["sand_light"])
    for _ in range(16):
        x = int(rng.integers(12, 52))
        y0 = int(rng.choice([37, 47, 70, 89, 113]))
        ln = int(rng.integers(3, 10))
        col = P["rust"] if rng.random() < 0.6 else P["rust_light"]
        pygame.draw.line(s, col, (x, y0), (x, min(123, y0 + ln)))
        s.set_at((x, min(123, y0 + ln)), P["rust_dark"])
    pygame.draw.line(s, P["sand_light"], (12, 120), (52, 120))              # sand on the bumper
    return split(finish_prop(s, P["outline"]), 2, 4)


# ================================================================ 51-58 small things
def scrub_brush(rng):
    surf = new()
    for _ in range(14):                                                   # twiggy branches
        a = rng.uniform(0, math.tau)
        ln = rng.uniform(6, 12)
        end = (16 + math.cos(a) * ln, 16 + math.sin(a) * ln)
        pygame.draw.line(surf, P["weed_dark"], (16, 16), end)
    for _ in range(80):
        x, y = rng.normal(16, 5), rng.normal(16, 4.5)
        c = (P["scrub_dark"], P["scrub"], P["scrub_light"])[int(rng.integers(0, 3))]
        pygame.draw.circle(surf, c, (x, y), 1 if rng.random() < 0.6 else 2)
    return finish_prop(surf, P["outline"])


def small_rocks(rng):
    surf = new()
    for cx, cy, rx, ry in ((10, 12, 5, 4), (21, 18, 4, 3), (13, 23, 3, 2), (24, 8, 2, 2)):
        pygame.draw.ellipse(surf, P["rock_dark"], (cx - rx, cy - ry, 2 * rx + 1, 2 * ry + 1))
        pygame.draw.ellipse(surf, P["rock"], (cx - rx, cy - ry, 2 * rx, 2 * ry))
        pygame.draw.ellipse(surf, P["rock_light"], (cx - rx + 1, cy - ry + 1, rx, ry))
    return finish_prop(surf, P["outline"])


def barrel_side(rng):
    """A rusted barrel lying on its side, lid knocked off."""
    surf = new()
    bevel_rect(surf, (4, 9, 22, 15), P["rust"], P["rust_light"], P["rust_dark"], radius=2)
    for x in (10, 18):
        pygame.draw.line(surf, P["rust_dark"], (x, 10), (x, 22))
    pygame.draw.ellipse(surf, P["outline"], (22, 8, 7, 17))
    pygame.draw.ellipse(surf, P["grate_hole"], (23, 9, 5, 15))
    pygame.draw.ellipse(surf, P["rust_dark"], (23, 9, 5, 15), 1)
    pygame.draw.ellipse(surf, P["oil"], (27, 17, 5, 4))
    return finish_prop(surf, P["outline"])


def old_tyre(rng):
    surf = new()
    pygame.draw.circle(surf, P["tyre"], (16, 16), 11)
    tyre_tread(surf, P["tyre_wall"], (16, 16), 8.5, 10.5, 20)
    pygame.draw.circle(surf, P["sand"], (16, 16), 6)
    pygame.draw.circle(surf, P["outline"], (16, 16), 6, 1)
    pygame.draw.arc(surf, P["tyre_wall"], (7, 7, 18, 18), 1.8, 3.0)
    return finish_prop(surf, P["outline"])


def cable_run(rng):
    surf = new()
    pts = [(t, 16 + 5 * math.sin(t / 32 * math.tau) + 2 * math.sin(t / 8)) for t in range(0, 33)]
    pygame.draw.lines(surf, P["cable"], False, pts, 3)
    pygame.draw.lines(surf, P["cable_hi"], False, [(x, y - 1) for x, y in pts], 1)
    return finish_prop(surf, P["outline"])


def oil_spill(rng):
    arr = np.zeros((TILE, TILE, 4))
    stain = blob_mask(rng, TILE, TILE, 16, 16, 12, 9, wobble=0.4)
    blend(arr, soft_edge(stain), P["oil"], 0.8)
    blend(arr, soft_edge(blob_mask(rng, TILE, TILE, 13, 14, 4, 2.5)), P["oil_sheen"], 0.8)
    return from_array(arr)


def scrap_metal(rng):
    surf = new()
    pygame.draw.polygon(surf, P["corr"], [(3, 8), (17, 5), (19, 14), (6, 17)])    # a sheet
    for k in range(4):
        pygame.draw.line(surf, P["corr_dark"], (5 + k * 3, 8), (8 + k * 3, 16))
    pygame.draw.line(surf, P["rust"], (6, 12), (16, 9), 2)
    pygame.draw.line(surf, P["steel"], (14, 24), (28, 18), 2)                     # rebar
    pygame.draw.line(surf, P["rust_dark"], (16, 28), (27, 26), 2)
    for x, y in ((22, 10), (25, 12), (9, 25)):                                    # bolts
        outlined_circle(surf, P["steel_light"], (x, y), 1, P["outline"])
    return finish_prop(surf, P["outline"])


def tumbleweed(rng):
    surf = new()
    for _ in range(26):
        a, b = rng.uniform(0, math.tau, 2)
        r1, r2 = rng.uniform(3, 9, 2)
        pygame.draw.line(surf, P["weed"] if rng.random() < 0.6 else P["weed_dark"],
                         (16 + math.cos(a) * r1, 16 + math.sin(a) * r1),
                         (16 + math.cos(b) * r2, 16 + math.sin(b) * r2))
    pygame.draw.circle(surf, P["weed_dark"], (16, 16), 9, 1)
    return finish_prop(surf, P["outline"])


# ================================================================ order = local tile ids
TILES = [
    (["black sand"], black_sand),
    (["black sand ripples"], sand_ripples),
    (["sand tyre tracks vertical"], tracks_v),
    (["sand tyre tracks horizontal"], tracks_h),
    (["gravel"], gravel),
    (["sand with pebbles"], sand_pebbles),
    (["concrete floor"], concrete_floor),
    (["concrete floor cracked"], cracked_concrete),
    (["concrete floor rust stain"], concrete_stain),
    (["concrete floor broken"], concrete_broken),
    (["grated floor"], grated_floor),
    (["grated floor over pipes"], grated_pipes),
    (["steel plate floor"], steel_plate),
    (["floor vent grate"], floor_vent),
    (["catwalk horizontal"], catwalk_h),
    (["catwalk vertical"], catwalk_v),
    (["sand drift on concrete"], sand_drift),
    (["corrugated metal wall"], corrugated_wall),
    (["corrugated metal wall patched"], corrugated_patched),
    (["corrugated wall vent"], corrugated_vent),
    (["bunker wall"], bunker_wall),
    (["bunker wall vent"], bunker_vent),
    (["bunker wall with pipes"], bunker_pipes),
    (["bunker wall corner"], bunker_corner),
    (["chain-link fence barbed"], fence_barbed),
    (["chain-link gate chained"], fence_gate),
    (["rusted barrel"], rusted_barrel),
    (["rusted barrels"], rusted_barrels),
    (["pipes and valve"], pipes_valve),
    (["pipe horizontal"], pipe_h),
    (["pipe vertical"], pipe_v),
    (["steel shelving"], steel_shelving),
    (["work light"], work_light),
    (["crate"], crate),
    (["crates on pallet"], crates_pallet),
    (["boulder"], boulder),
    (["electrical panel"], electrical_panel),
    (["vent fan housing"], vent_fan),
    (grid_labels("generator", 2, 1), generator),
    (grid_labels("rusty tank", 2, 2), rusty_tank),
    (grid_labels("RV", 2, 4), rv),
    (["scrub brush"], scrub_brush),
    (["small rocks"], small_rocks),
    (["barrel on its side"], barrel_side),
    (["old tyre"], old_tyre),
    (["cable run"], cable_run),
    (["oil spill"], oil_spill),
    (["scrap metal"], scrap_metal),
    (["tumbleweed"], tumbleweed),
]


def build() -> list:
    """All tiles in id order as (label, Surface) pairs."""
    return build_tiles(TILES, _rng)
