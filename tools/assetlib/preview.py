"""Contact sheet for eyeballing the generated art (not shipped with the game).

Shows the garage tileset with tile ids (3x), a small mock garage scene built from the
tiles with the characters standing in it (2x), the same scene darkened roughly like the
game's night lighting, and every sprite strip (4x) on concrete and on snow.
"""
from __future__ import annotations

import numpy as np
import pygame

from .draw import TILE, from_array, new, scaled, to_array

BG = (16, 18, 26)

# mock scene: floor layer and a prop/wall layer, one char per tile
FLOOR = [
    "ssssssssfsssssssssss",
    "ssTssssfsssssssggggs",
    "ssTsssssssssssssgags",
    "........tt..........",
    ".,....~~~~~~..|.....",
    "....o.........|.....",
    "...........p..|..D..",
    "--------......|.....",
    "......c.......|.....",
    "tlllllLllll.........",
    ".lrrllllPll.........",
    ".lrrlllllll....,....",
    ".lllllllllt.........",
]
PROPS = [
    "FFFFL FFFFFFK FNN   ",
    "  C            N  U ",
    "                    ",
    "+##PP#SSSS##WW#####+",
    "#b yhkk  I         #",
    "#          Y  C    #",
    "#O   c        Y   x#",
    "#  X           I   #",
    "#O       m         #",
    " ##WW#####+##  ###X#",
    "#  e R    #         ",
    "#         #  Y      ",
    "+#########+##########",
]
PROP_IDS = {"#": 16, "P": 17, "W": 18, "F": 19, "S": 20, "w": 21, "+": 22, "I": 23,
            "b": (24, 2, 1), "y": 26, "h": 27, "O": 28, "x": 29, "k": 30, "e": 31,
            "C": (32, 2, 3), "Y": 38, "X": 39, "K": (40, 2, 3), "N": 46, "U": 47, "L": 48,
            "c": 52, "m": 54, "R": 55}
FLOOR_IDS = {".": 0, ",": 1, "o": 2, "|": 3, "-": 4, "l": 5, "L": 6, "t": 7, "s": 8, "T": 9,
             "f": 10, "g": 11, "a": 12, "d": 13, "r": 14, "D": 15, "p": 49, "P": 50, "c": 51,
             "~": 53}
ACTORS = [("jesse", 5, 6, 0, 0), ("kim", 8, 8, 90, 1), ("marco", 12, 5, 180, 2),
          ("crew", 16, 7, 225, 3), ("dea", 3, 1, -45, 1), ("crew", 7, 11, 0, 2)]


def _scene(tiles: list, sprites: dict) -> pygame.Surface:
    w, h = len(FLOOR[0]), len(FLOOR)
    out = new(w * TILE, h * TILE)
    for y, row in enumerate(FLOOR):
        for x, ch in enumerate(row):
            out.blit(tiles[FLOOR_IDS[ch]], (x * TILE, y * TILE))
    for y, row in enumerate(PROPS):
        for x, ch in enumerate(row[:w]):
            spec = PROP_IDS.get(ch)
            if spec is None:
                continue
            base, cols, rows = spec if isinstance(spec, tuple) else (spec, 1, 1)
            for r in range(rows):
                for c in range(cols):
                    out.blit(tiles[base + r * cols + c], ((x + c) * TILE, (y + r) * TILE))
    for name, tx, ty, angle, frame in ACTORS:
        spr = new(TILE, TILE)
        spr.blit(sprites[name], (0, 0), (frame * TILE, 0, TILE, TILE))
        spr = pygame.transform.rotate(spr, angle)
        out.blit(spr, spr.get_rect(center=(tx * TILE + 16, ty * TILE + 16)))
    return out


def _night(scene: pygame.Surface) -> pygame.Surface:
    """Very rough stand-in for the game's lighting: cold ambient + sodium lamp pools."""
    arr = to_array(scene)
    h, w = arr.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w]
    light = np.ones((h, w, 3)) * (0.30, 0.36, 0.52)
    lamps = ((4 * TILE + 21, 11, 170), (10 * TILE, 6 * TILE, 190), (3 * TILE, 10 * TILE, 120))
    for cx, cy, r in lamps:
        f = np.clip(1 - np.hypot(xx - cx, yy - cy) / r, 0, 1) ** 1.5
        light += f[:, :, None] * (1.0, 0.70, 0.38)
    arr[:, :, :3] *= light
    return from_array(arr)


def contact_sheet(sheet: pygame.Surface, tiles: list, sprites: dict) -> pygame.Surface:
    pygame.font.init()
    font = pygame.font.Font(None, 16)
    big = scaled(sheet, 3)
    scene = _scene(tiles, sprites)
    scene2 = scaled(scene, 2)
    night2 = scaled(_night(scene), 2)
    strips = [scaled(s, 4) for s in sprites.values()]
    sw = max(s.get_width() for s in strips)
    width = max(big.get_width() + 40 + sw * 2 + 20, scene2.get_width() * 2 + 30)
    strips_h = sum(s.get_height() + 8 for s in strips)
    height = max(big.get_height(), strips_h) + scene2.get_height() + 40
    out = pygame.Surface((width, height))
    out.fill(BG)
    out.blit(big, (10, 10))
    cols = sheet.get_width() // TILE
    for i in range(len(tiles)):
        x, y = 10 + (i % cols) * TILE * 3, 10 + (i // cols) * TILE * 3
        pygame.draw.rect(out, (60, 64, 80), (x, y, TILE * 3, TILE * 3), 1)
        label = font.render(str(i), True, (255, 255, 0), (0, 0, 0))
        out.blit(label, (x + 2, y + 2))
    floors = [tiles[0], tiles[8]]
    y = 10
    for strip in strips:
        for j, floor in enumerate(floors):
            x0 = big.get_width() + 30 + j * (sw + 10)
            for k in range(0, strip.get_width(), TILE * 3):
                out.blit(scaled(floor, 3), (x0 + k, y), (0, 0, TILE * 3, strip.get_height()))
            out.blit(strip, (x0, y))
        y += strip.get_height() + 8
    top = max(big.get_height(), y) + 20
    out.blit(scene2, (10, top))
    out.blit(night2, (20 + scene2.get_width(), top))
    return out
