"""Helpers shared by the tilesets (tiles_garage, tiles_carwash, tiles_highschool, tiles_desertlab).

Everything is deterministic: randomness only comes from the numpy Generator passed in.
Arrays are float RGBA indexed [y, x], as in draw.py.
"""
from __future__ import annotations

import math
from functools import lru_cache, wraps

import numpy as np
import pygame

from .draw import (TILE, blend, from_array, new, outlined_circle, periodic_noise, shade, texture,
                   to_array)

# ---------------------------------------------------------------- building a tileset
COL_NAMES = {1: [""], 2: ["left", "right"], 3: ["left", "mid", "right"],
             4: ["left", "mid-left", "mid-right", "right"]}
ROW_NAMES = {1: [""], 2: ["top", "bottom"], 3: ["top", "mid", "bottom"],
             4: ["top", "upper", "lower", "bottom"]}


def grid_labels(name: str, cols: int, rows: int) -> list:
    """Labels of a multi-tile picture, row-major: 'van top-left', 'sign mid', ..."""
    out = []
    for r in ROW_NAMES[rows]:
        for c in COL_NAMES[cols]:
            part = "-".join(p for p in (r, c) if p)
            out.append(f"{name} {part}" if part else name)
    return out


def seeded(seed: int):
    """rng(key) for one tileset: a Generator of its own for every key (a tile's id, a base's
    number), so adding a tile or drawing in another order changes no other tile."""
    def rng(key: int) -> np.random.Generator:
        return np.random.default_rng([seed, key])
    return rng


def base_texture(make):
    """Decorator for a place's base texture (its concrete, its sand): drawn once, and every
    call hands out a fresh copy to draw on, so no tile marks another's floor."""
    cached = lru_cache(maxsize=None)(make)

    @wraps(make)
    def fresh(*args) -> np.ndarray:
        return cached(*args).copy()
    return fresh


def build_tiles(tiles: list, rng_for) -> list:
    """[(labels, fn), ...] -> [(label, Surface), ...]; fn(rng) returns a tile or a list."""
    out = []
    for labels, fn in tiles:
        made = fn(rng_for(len(out)))
        made = made if isinstance(made, list) else [made]
        assert len(made) == len(labels), fn.__name__
        for tile in made:
            assert tile.get_size() == (TILE, TILE), fn.__name__
        out.extend(zip(labels, made))
    return out


def doc_table(tiles: list) -> str:
    """The 'id: label' table for a module docstring (used to check the docstrings)."""
    lines, tid = [], 0
    for labels, _ in tiles:
        for label in labels:
            lines.append(f"{tid:3d}  {label}")
            tid += 1
    return "\n".join(lines)


# ---------------------------------------------------------------- masks
def dilate(mask: np.ndarray, r: int = 1, diagonal: bool = True) -> np.ndarray:
    """Grow a bool mask by r pixels (8-neighbour unless diagonal=False); no wrap."""
    out = mask.copy()
    for _ in range(r):
        grow = out.copy()
        grow[1:, :] |= out[:-1, :]
        grow[:-1, :] |= out[1:, :]
        grow[:, 1:] |= out[:, :-1]
        grow[:, :-1] |= out[:, 1:]
        if diagonal:
            grow[1:, 1:] |= out[:-1, :-1]
            grow[:-1, :-1] |= out[1:, 1:]
            grow[1:, :-1] |= out[:-1, 1:]
            grow[:-1, 1:] |= out[1:, :-1]
        out = grow
    return out


def surf_mask(surf: pygame.Surface, threshold: int = 40) -> np.ndarray:
    return pygame.surfarray.array_alpha(surf).T >= threshold


def draw_mask(w: int, h: int, paint) -> np.ndarray:
    """Bool mask of whatever `paint(surface)` draws (in any opaque colour)."""
    s = new(w, h)
    paint(s)
    return surf_mask(s, 1)


# ---------------------------------------------------------------- walls, fences and floors
def bevel_edges(arr: np.ndarray, hi, lo, soft: float = 0.5) -> None:
    """Lit top/left and dark bottom/right 1px edges, with a softer second pixel."""
    hi, lo = np.array(hi[:3], float), np.array(lo[:3], float)
    arr[1, 1:-1, :3] = arr[1, 1:-1, :3] * (1 - soft) + hi * soft
    arr[1:-1, 1, :3] = arr[1:-1, 1, :3] * (1 - soft) + hi * soft
    arr[-2, 1:-1, :3] = arr[-2, 1:-1, :3] * (1 - soft) + lo * soft
    arr[1:-1, -2, :3] = arr[1:-1, -2, :3] * (1 - soft) + lo * soft
    arr[0, :, :3] = hi
    arr[:, 0, :3] = hi
    arr[-1, 1:, :3] = lo
    arr[1:, -1, :3] = lo


def pillow(arr: np.ndarray, hi, lo, depth: int = 5, strength: float = 0.6) -> None:
    """Soft rounded edges: each side fades toward hi (top/left) or lo (bottom/right)."""
    h, w = arr.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float64)
    top = np.clip(1 - yy / depth, 0, 1)
    left = np.clip(1 - xx / depth, 0, 1)
    bot = np.clip(1 - (h - 1 - yy) / depth, 0, 1)
    right = np.clip(1 - (w - 1 - xx) / depth, 0, 1)
    light = np.maximum(top, left) ** 1.6 * strength
    dark = np.maximum(bot, right) ** 1.6 * strength
    blend(arr, light * (light >= dark), hi)
    blend(arr, dark * (dark > light), lo)


def running_bond(h: int, w: int, bw: int, bh: int, offset: int | None = None) -> np.ndarray:
    """Mortar-line mask of a running-bond brick/block pattern."""
    yy, xx = np.mgrid[0:h, 0:w]
    off = np.where((yy // bh) % 2 == 0, 0, bw // 2 if offset is None else offset)
    return (yy % bh == 0) | ((xx + off) % bw == 0)


def gradient(h: int, w: int, top, bottom, vertical: bool = True) -> np.ndarray:
    """Opaque RGBA array fading from `top` to `bottom` (or left to right)."""
    t = np.linspace(0, 1, h if vertical else w)
    arr = np.empty((h, w, 4))
    for c in range(3):
        line = top[c] + (bottom[c] - top[c]) * t
        arr[:, :, c] = line[:, None] if vertical else line[None, :]
    arr[:, :, 3] = 255
    return arr


def worn_stripe(rng: np.random.Generator, x0: int, x1: int, roughness: float, coverage: float,
                vertical: bool = True) -> np.ndarray:
    """Mask of a painted stripe over columns x0..x1-1 (rows if not vertical), worn away in
    patches: the paint stays where smooth noise plus grain of `roughness` is under `coverage`."""
    band = np.zeros((TILE, TILE), bool)
    band[:, x0:x1] = True
    wear = periodic_noise(rng, TILE, TILE, 8) + rng.normal(0, roughness, (TILE, TILE)) < coverage
    mask = band & wear
    return mask if vertical else mask.T


def crack(surf: pygame.Surface, rng: np.random.Generator, pts: list, color, lit,
          jitter: float = 1.0, width: int = 1) -> None:
    """A crack along pts, each point nudged by up to `jitter` px, with a lit lip 1px down-right."""
    pts = [(x + rng.uniform(-jitter, jitter), y + rng.uniform(-jitter, jitter)) for x, y in pts]
    pygame.draw.lines(surf, lit, False, [(x + 1, y + 1) for x, y in pts], width)
    pygame.draw.lines(surf, color, False, pts, width)


def pebble(surf: pygame.Surface, x: float, y: float, w: int, h: int, color, shadow,
           highlight=None) -> None:
    """One pebble on a floor tile: an ellipse with its shadow 1px down-right (and a lit pixel
    on its top, if given), drawn again a tile over on every side so the floor stays seamless."""
    for dx in (-TILE, 0, TILE):
        for dy in (-TILE, 0, TILE):
            r = pygame.Rect(int(x) + dx, int(y) + dy, w, h)
            pygame.draw.ellipse(surf, shadow, r.move(1, 1))
            pygame.draw.ellipse(surf, color, r)
            if highlight is not None and 0 <= r.x + 1 < TILE and 0 <= r.y < TILE:
                surf.set_at((r.x + 1, r.y), highlight)


def diamond_plate(surf: pygame.Surface, lit, start: int, stop: int, row_step: int,
                  shadow=None) -> None:
    """The raised nubs of a diamond steel plate: short diagonals in rows `row_step` apart from
    `start` to before `stop` (px, both ways), 6 px apart in a row, every other row shifted by
    half; each nub a `lit` stroke with, if given, a `shadow` stroke 1px down-right."""
    for j, y in enumerate(range(start, stop, row_step)):
        for i, x in enumerate(range(start + (j % 2) * 3, stop, 6)):
            d = 1 if (i + j) % 2 else -1
            pygame.draw.line(surf, lit, (x - 1, y + d), (x + 1, y - d))
            if shadow is not None:
                pygame.draw.line(surf, shadow, (x, y + d + 1), (x + 2, y - d + 1))


def chain_mesh(surf: pygame.Surface, color, y0: int, y1: int, pitch: int = 4) -> None:
    """Chain-link fence diamonds, one pixel a wire, in the rows y0..y1."""
    yy, xx = np.mgrid[0:TILE, 0:TILE]
    mesh = (((xx + yy) % pitch == 0) | ((xx - yy) % pitch == 0)) & (yy >= y0) & (yy <= y1)
    for y, x in zip(*np.nonzero(mesh)):
        surf.set_at((int(x), int(y)), color)


# ---------------------------------------------------------------- light
def glow(surf: pygame.Surface, center, radius: float, color, alpha: int = 90,
         rings: int = 4) -> None:
    """Soft round glow (concentric translucent discs) blended onto surf."""
    layer = new(*surf.get_size())
    for i in range(rings):
        r = radius * (1 - i / rings)
        a = round(alpha * (i + 1) / rings / 2.2)
        pygame.draw.circle(layer, (*color[:3], a), center, max(1, r))
    surf.blit(layer, (0, 0))


def neon(surf: pygame.Surface, strokes: list, tube, core, halo: int = 2,
         halo_alpha: int = 70, width: int = 1) -> None:
    """Neon tubing along polylines: a soft halo, the coloured tube and a pale hot core."""
    w, h = surf.get_size()

    def paint(s):
        for pts in strokes:
            if len(pts) > 1:
                pygame.draw.lines(s, (255, 255, 255), False, pts, width)
            else:
                s.set_at((round(pts[0][0]), round(pts[0][1])), (255, 255, 255))
    core_m = draw_mask(w, h, paint)
    tube_m = dilate(core_m, 1, diagonal=False)
    arr = to_array(surf)
    for r in range(halo, 0, -1):
        ring = dilate(core_m, r + 1) & ~tube_m
        blend(arr, ring, tube, halo_alpha / 255 * (halo + 1 - r) / halo)
    blend(arr, tube_m, tube, 1.0)
    blend(arr, core_m, core, 1.0)
    surf.blit(from_array(arr), (0, 0))


def lamp_pole(surf: pygame.Surface, foot, head, post, arm, outline) -> None:
    """A lamp post seen from above: its round foot and the arm out to where the head goes."""
    outlined_circle(surf, post, foot, 3, outline)
    pygame.draw.line(surf, outline, foot, head, 3)
    pygame.draw.line(surf, arm, foot, head, 1)


# ---------------------------------------------------------------- a small stroke font for signs
GLYPHS = {
    "A": [[(0, 6), (0, 2), (2, 0), (4, 2), (4, 6)], [(0, 4), (4, 4)]],
    "C": [[(4, 1), (3, 0), (1, 0), (0, 1), (0, 5), (1, 6), (3, 6), (4, 5)]],
    "E": [[(4, 0), (0, 0), (0, 6), (4, 6)], [(0, 3), (3, 3)]],
    "H": [[(0, 0), (0, 6)], [(4, 0), (4, 6)], [(0, 3), (4, 3)]],
    "N": [[(0, 6), (0, 0), (4, 6), (4, 0)]],
    "O": [[(1, 0), (3, 0), (4, 1), (4, 5), (3, 6), (1, 6), (0, 5), (0, 1), (1, 0)]],
    "P": [[(0, 6), (0, 0), (3, 0), (4, 1), (4, 2), (3, 3), (0, 3)]],
    "R": [[(0, 6), (0, 0), (3, 0), (4, 1), (4, 2), (3, 3), (0, 3)], [(2, 3), (4, 6)]],
    "S": [[(4, 1), (3, 0), (1, 0), (0, 1), (0, 2), (1, 3), (3, 3), (4, 4), (4, 5), (3, 6),
           (1, 6), (0, 5)]],
    "W": [[(0, 0), (0, 6), (2, 4), (4, 6), (4, 0)]],
    "T": [[(0, 0), (4, 0)], [(2, 0), (2, 6)]],
    "I": [[(1, 0), (3, 0)], [(2, 0), (2, 6)], [(1, 6), (3, 6)]],
    "X": [[(0, 0), (4, 6)], [(4, 0), (0, 6)]],
    "!": [[(2, 0), (2, 4)], [(2, 6)]],
}


def text_strokes(text: str, x: float, y: float, sx: float, sy: float, gap: float) -> list:
    """Polylines spelling `text` (capitals from GLYPHS) with its top-left at (x, y)."""
    out = []
    for ch in text:
        for stroke in GLYPHS.get(ch, []):
            out.append([(x + px * sx, y + py * sy) for px, py in stroke])
        x += 4 * sx + gap
    return out


def text_width(text: str, sx: float, gap: float) -> float:
    return len(text) * (4 * sx + gap) - gap


# ---------------------------------------------------------------- small shapes
def rect_shade(surf, rect, base, k_hi: float = 1.25, k_lo: float = 0.7, width: int = 1,
               radius: int = 0) -> None:
    """Filled rect in `base` with lighter top/left and darker bottom/right rims."""
    r = pygame.Rect(rect)
    pygame.draw.rect(surf, shade(base, k_lo), r, border_radius=radius)
    pygame.draw.rect(surf, shade(base, k_hi), (r.x, r.y, r.w - width, r.h - width),
                     border_radius=radius)
    pygame.draw.rect(surf, base, (r.x + width, r.y + width, r.w - 2 * width, r.h - 2 * width),
                     border_radius=max(0, radius - width))


def scatter(surf: pygame.Surface, rng: np.random.Generator, color, density: float,
            keep=None) -> None:
    """Set single pixels of surf to `color` over a fraction `density` of it (rust, water beads,
    flowers): the surface twin of draw.speckle. keep(x, y), when given, says which of the chosen
    pixels may change; they change in row order, so keep may look at what surf holds."""
    w, h = surf.get_size()
    for y, x in zip(*np.nonzero(rng.random((h, w)) < density)):
        x, y = int(x), int(y)
        if keep is None or keep(x, y):
            surf.set_at((x, y), color)


def wheels(surf: pygame.Surface, color, ys, x_left: int, x_right: int, w: int = 4, h: int = 14,
           radius: int = 1) -> None:
    """A vehicle's tyres seen from above, drawn before its body: a pair at each y in ys."""
    for y in ys:
        pygame.draw.rect(surf, color, (x_left, y, w, h), border_radius=radius)
        pygame.draw.rect(surf, color, (x_right, y, w, h), border_radius=radius)


def tyre_tread(surf: pygame.Surface, color, center, r_in: float, r_out: float, n: int) -> None:
    """A tyre's tread seen from above: n short spokes between the radii r_in and r_out."""
    cx, cy = center
    for k in range(n):
        a = k * math.tau / n
        pygame.draw.line(surf, color, (cx + math.cos(a) * r_in, cy + math.sin(a) * r_in),
                         (cx + math.cos(a) * r_out, cy + math.sin(a) * r_out))


def ruled_sheet(surf: pygame.Surface, cx: float, cy: float, angle: float, paper, ink) -> None:
    """A sheet of paper, 8x10 px, turned by `angle` radians about (cx, cy), three lines on it."""
    ca, sa = math.cos(angle), math.sin(angle)
    pts = [(cx + ca * x - sa * y, cy + sa * x + ca * y)
           for x, y in ((-4, -5), (4, -5), (4, 5), (-4, 5))]
    pygame.draw.polygon(surf, paper, pts)
    for k in (-2, 0, 2):
        pygame.draw.line(surf, ink, (cx + ca * -2 - sa * k, cy + sa * -2 + ca * k),
                         (cx + ca * 2 - sa * k, cy + sa * 2 + ca * k))


def desk_top(surf: pygame.Surface, rng: np.random.Generator, rect, wood, dark, light) -> None:
    """A wooden desk top filling rect: grained wood, a 2px dark front edge, a lit back edge."""
    x, y, w, h = rect
    top = texture(rng, wood, h - 2, w, blob=4, grain=2.5, cells=2, tint=(1.2, 1.0, 0.8))
    pygame.draw.rect(surf, dark, rect)
    surf.blit(from_array(top), (x, y))
    pygame.draw.line(surf, light, (x, y), (x + w - 1, y))
