"""Mock scenes for eyeballing the chapter 2-4 tilesets (not shipped with the game).

    cd tools && python -m assetlib.preview_places /tmp/places      # writes <place>.png

Each picture: the tileset with ids (3x), then a small room built from the tiles at full
brightness and under a rough stand-in for the game's lighting (the same formula as
game/render/level_view.py: light + (1 - light) * NIGHT_TINT), both at 2x. Scenes name
tiles by label, so they survive a reordering of the tileset.
"""
from __future__ import annotations

import os
import sys

import numpy as np
import pygame

from .draw import TILE, from_array, new, scaled, to_array

BG = (16, 18, 26)
NIGHT_TINT = np.array([0.16, 0.22, 0.42])

# Each scene: floor rows + legend, prop rows + legend (label, or (first label, cols, rows)),
# ambient light, and light pools (x tile, y tile, radius in tiles, level).
SCENES = {
    "carwash": dict(
        floor=[
            "aaa|aaa|aagggaa-aaaa",
            "aaa|aaa|aagggaa-aaaa",
            "aaeaaaaaaaaaaaaaaaaa",
            "aaaaaaaabbbbbbaaaaaa",
            "oooooooobXXXXbbbbbbb",
            "ooooooo.b[]bDb......",
            "oooOooo.b[]bDb..r...",
            "ooooooo.b[]bDb.....p",
            "ooooooo.b[]bDb..p...",
            "ooooooo.b[]bDb......",
            "ooooooo.b[]bDbr.....",
            "ooooooo.bAAbDb......",
            "ggg.....bXXXXb......",
            "gggaaa|abbbbbbaaaagg",
        ],
        floor_legend={".": "wet tile floor", "r": "wet tile floor reflection",
                      "p": "wet tile floor puddle", "b": "bay floor",
                      "D": "bay floor drain channel", "X": "bay floor drain crossing",
                      "[": "bay guide rail left", "]": "bay guide rail right",
                      "A": "bay floor arrow", "o": "office linoleum", "O": "office linoleum worn",
                      "a": "asphalt lot", "|": "asphalt line vertical",
                      "-": "asphalt line horizontal", "e": "asphalt oil stain",
                      "g": "red gravel bed"},
        props=[
            " C  M   L  a     *  ",
            "           u   v v  ",
            "                    ",
            "ccc+                ",
            "#WW####Y      #N..#Y",
            "#F$    #1<<2  #V  T#",
            "#d.    #      #    #",
            "#      #1==2  #    #",
            "#      #    B.#h.  #",
            "#  f   #    ..# !  #",
            "#      #    H W    #",
            "#      #     f#    #",
            "###GG##Y      Y#GG #",
            "a      k  L       a ",
        ],
        prop_legend={"#": "stucco wall", "W": "stucco wall with window",
                     "Y": "stucco pilaster", "G": "storefront glass", "V": "vending machine",
                     "c": "chain-link fence", "+": "chain-link post",
                     "$": "floor safe", "F": "filing cabinet",
                     "v": "vacuum station", "k": "pay kiosk", "T": "soap drums",
                     "a": "agave pot", "u": "desert shrub planter", "*": "dumpster",
                     "d": ("office desk left", 2, 1), "h": ("register counter left", 2, 1),
                     "B": ("side brush top-left", 2, 2),
                     "1": "gantry post left", "=": "gantry roller brush",
                     "2": "gantry post right", "<": "gantry spray bar",
                     "N": ("neon sign left", 3, 1), "C": ("car top-left", 2, 3),
                     "M": ("van top-left", 2, 3), "L": "lot lamp", "!": "wet floor sign",
                     "H": "hose coil", "f": "bucket and sponge"},
        ambient=0.45,
        lights=[(16.5, 4.5, 3.5, 0.95), (8.5, 0.5, 4, 0.9), (10.5, 13.5, 3.5, 0.85),
                (3.5, 7.5, 3.5, 0.8), (17, 8, 3.5, 0.75), (10, 8, 3, 0.7)],
    ),
    "highschool": dict(
        floor=[
            "aaaaLaaaaLaaaaaaaaaa",
            "aaaaLaaaaLaaaaaaaaaa",
            "tttttttttttttttttttt",
            "wwwwwwwwttttsMsttttt",
            "wwwwwwwwtttttttttttt",
            "wwwWwwwmtttttttttttt",
            "wwwwwwwwTTTTTTTTTTTT",
            "llllllllgggggggggggg",
            "llllllllgggg|gggKKKg",
            "llllllllgggg|gggKKKg",
            "llllllllggggvggggggg",
            "llllllllgggg|ggggggg",
            "llllllll------------",
            "tttttttttttttttttttt",
        ],
        floor_legend={"a": "parking asphalt", "L": "parking painted line",
                      "t": "terrazzo hall floor", "T": "terrazzo border stripe",
                      "M": "terrazzo moonlit sheen", "s": "terrazzo scuffed",
                      "w": "classroom wood floor", "W": "classroom wood floor worn",
                      "g": "gym floor", "-": "gym floor line horizontal",
                      "|": "gym floor line vertical", "v": "gym floor center circle",
                      "K": "gym floor key paint", "l": "lab floor", "m": "entrance mat",
                      ".": "terrazzo hall floor"},
        props=[
            "  Q       Q         ",
            "                    ",
            "#CC#W#D#LLAL#W#ULLW#",
            "# T.  d#    fm  b  #",
            "#k K k #           #",
            "#k k K             #",
            "#      #     z.  p #",
            "#######YNNN NNNYNNN#",
            "#s.  H # B..     G #",
            "#s.  r # ...       #",
            "#s. r  #      ~    #",
            "#   r  #     e  h  #",
            "#X x   #           #",
            "#######Y####  ####WY",
        ],
        prop_legend={"#": "painted block wall", "W": "wall with moonlit window",
                     "C": "chalkboard wall", "D": "chalkboard wall with diagram",
                     "L": "lockers facing south", "N": "lockers facing north",
                     "A": "locker ajar", "U": "wall with bulletin board",
                     "Y": "wall corner pillar", "k": "classroom desk",
                     "K": "classroom desk with book",
                     "T": ("teacher's desk left", 2, 1), "s": ("lab bench with sink left", 2, 1),
                     "H": "fume hood", "X": "bookshelf", "x": "bookshelf half empty",
                     "Q": "parking lot light", "o": "globe",
                     "z": ("trophy case left", 2, 1), "f": "water fountain", "b": "trash can",
                     "p": "janitor's cart", "h": "stacked chairs", "e": "gym mats",
                     "B": ("bleachers top-left", 3, 2), "r": "lab stool", "~": "basketball",
                     "d": "backpack", "G": "basketball hoop",
                     "m": "moonlight on floor"},
        ambient=0.28,
        lights=[(4.5, 2.8, 2.5, 0.8), (12, 2.8, 2.5, 0.7), (10, 0.5, 4, 0.85), (17, 2.8, 2, 0.7)],
    ),
    "desertlab": dict(
        floor=[
            "ssss|ssrrrsssssggsss",
            "ssps|ssrrrssssgggsss",
            "ssss|ssssssspsggssss",
            "ssss|sssssssssssssss",
            "dddddddddddddddsssss",
            "cccccccccccccccsssss",
            "ccKcccccc####ccsssrs",
            "cCccccKcc#~~#cc=====",
            "ccccbcccc####Kcsspss",
            "c--------Ccccccsssss",
            "cKcccvccccPPPccssssg",
            "cccccccKccPPPccsssgg",
            "cccccccccccccccssggg",
            "ssssssssssssssssssgg",
        ],
        floor_legend={"s": "black sand", "r": "black sand ripples", "p": "sand with pebbles",
                      "|": "sand tyre tracks vertical", "=": "sand tyre tracks horizontal",
                      "g": "gravel", "c": "concrete floor", "K": "concrete floor cracked",
                      "C": "concrete floor rust stain", "b": "concrete floor broken",
                      "#": "grated floor", "~": "grated floor over pipes",
                      "P": "steel plate floor", "v": "floor vent grate",
                      "-": "catwalk horizontal", "d": "sand drift on concrete"},
        props=[
            "  k         T     o ",
            "         k       ~  ",
            "                    ",
            "FFFF=FFFFFFFFF L    ",
            " u           w     k",
            "ZCC%CCCCECC%CCZ R   ",
            "B1   SS      OB     ",
            "B 2 l  u            ",
            "V        aaa9 B     ",
            "B             P     ",
            "B x       H   B   ^ ",
            "Br w  q      iB  n  ",
            "ZBBBBBBVBBBBBBZ s  t",
            "      o             ",
        ],
        prop_legend={"F": "chain-link fence barbed", "=": "chain-link gate chained",
                     "%": "corrugated wall vent", "C": "corrugated metal wall",
                     "E": "corrugated metal wall patched", "Z": "bunker wall corner",
                     "B": "bunker wall", "V": "bunker wall vent", "P": "bunker wall with pipes",
                     "1": "rusted barrel", "2": "rusted barrels", "S": "steel shelving",
                     "H": ("generator left", 2, 1), "O": "vent fan housing",
                     "T": ("rusty tank top-left", 2, 2), "R": ("RV top-left", 2, 4),
                     "u": "work light", "L": "work light", "x": "crates on pallet",
                     "w": "crate", "i": "electrical panel", "9": "pipes and valve",
                     "a": "pipe horizontal", "k": "scrub brush", "o": "small rocks",
                     "s": "small rocks", "^": "boulder", "n": "old tyre",
                     "r": "barrel on its side", "t": "tumbleweed", "~": "scrap metal",
                     "q": "cable run", "l": "oil spill"},
        ambient=0.22,
        lights=[(7.8, 7.6, 4.5, 1.0), (1.8, 4.5, 3.5, 1.0), (15.8, 3.5, 4, 1.0)],
    ),
}


def _index(labelled: list) -> dict:
    return {label: i for i, (label, _) in enumerate(labelled)}


def _blit_spec(out, tiles, index, spec, x, y):
    first, cols, rows = spec if isinstance(spec, tuple) else (spec, 1, 1)
    base = index[first]
    for r in range(rows):
        for c in range(cols):
            out.blit(tiles[base + r * cols + c], ((x + c) * TILE, (y + r) * TILE))


def scene(labelled: list, spec: dict) -> pygame.Surface:
    tiles = [t for _, t in labelled]
    index = _index(labelled)
    floor, props = spec["floor"], spec["props"]
    w, h = len(floor[0]), len(floor)
    out = new(w * TILE, h * TILE)
    for y, row in enumerate(floor):
        for x, ch in enumerate(row):
            _blit_spec(out, tiles, index, spec["floor_legend"][ch], x, y)
    for y, row in enumerate(props):
        for x, ch in enumerate(row[:w]):
            if ch not in " .":
                _blit_spec(out, tiles, index, spec["prop_legend"][ch], x, y)
    return out


def night(surf: pygame.Surface, ambient: float, lights: list) -> pygame.Surface:
    arr = to_array(surf)
    h, w = arr.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w] / TILE
    light = np.full((h, w), ambient)
    for cx, cy, r, level in lights:
        f = np.clip(1 - np.hypot(xx - cx, yy - cy) / r, 0, 1) ** 0.8
        light = np.maximum(light, ambient + (level - ambient) * f)
    mult = light[..., None] + (1 - light[..., None]) * NIGHT_TINT
    arr[:, :, :3] *= mult
    return from_array(arr)


def sheet_with_ids(labelled: list, columns: int = 8) -> pygame.Surface:
    pygame.font.init()
    font = pygame.font.Font(None, 16)
    rows = -(-len(labelled) // columns)
    out = pygame.Surface((columns * TILE * 3, rows * TILE * 3))
    out.fill((70, 72, 84))
    for i, (_, tile) in enumerate(labelled):
        x, y = (i % columns) * TILE * 3, (i // columns) * TILE * 3
        out.blit(scaled(tile, 3), (x, y))
        pygame.draw.rect(out, (40, 42, 54), (x, y, TILE * 3, TILE * 3), 1)
        out.blit(font.render(str(i), True, (255, 255, 0), (0, 0, 0)), (x + 2, y + 2))
    return out


def place_picture(name: str, labelled: list) -> pygame.Surface:
    spec = SCENES[name]
    day = scene(labelled, spec)
    dark = night(day, spec["ambient"], spec["lights"])
    big = sheet_with_ids(labelled)
    d2, n2 = scaled(day, 2), scaled(dark, 2)
    width = max(big.get_width(), d2.get_width()) + 20
    height = big.get_height() + d2.get_height() * 2 + 40
    out = pygame.Surface((width, height))
    out.fill(BG)
    out.blit(big, (10, 10))
    out.blit(d2, (10, big.get_height() + 20))
    out.blit(n2, (10, big.get_height() + d2.get_height() + 30))
    return out


def main(argv: list | None = None) -> int:
    import importlib
    args = argv if argv is not None else sys.argv[1:]
    out_dir = args[0] if args else "/tmp/places"
    names = args[1:] or list(SCENES)
    os.makedirs(out_dir, exist_ok=True)
    for name in names:
        labelled = importlib.import_module(f".tiles_{name}", __package__).build()
        path = os.path.join(out_dir, name + ".png")
        pygame.image.save(place_picture(name, labelled), path)
        day = scene(labelled, SCENES[name])
        pygame.image.save(scaled(day, 2), os.path.join(out_dir, name + "_day.png"))
        spec = SCENES[name]
        pygame.image.save(scaled(night(day, spec["ambient"], spec["lights"]), 2),
                          os.path.join(out_dir, name + "_night.png"))
        print(path)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    sys.exit(main())
