"""Drawing helpers shared by the asset generators.

Everything here is deterministic: randomness only comes from the numpy Generator
the caller passes in. Arrays are indexed [y, x] (row-major, like images).
"""
from __future__ import annotations

import math

import numpy as np
import pygame

TILE = 32
Color = tuple  # (r, g, b) or (r, g, b, a)


# ---------------------------------------------------------------- colours
def shade(color: Color, k: float) -> tuple:
    """Scale brightness: k < 1 darker, k > 1 lighter (clamped)."""
    return tuple(max(0, min(255, round(c * k))) for c in color[:3])


def mix(a: Color, b: Color, t: float) -> tuple:
    """Linear blend from a (t=0) to b (t=1)."""
    return tuple(round(a[i] + (b[i] - a[i]) * t) for i in range(3))


# ---------------------------------------------------------------- surfaces <-> arrays
def new(w: int = TILE, h: int = TILE) -> pygame.Surface:
    """A fully transparent per-pixel-alpha surface (no display needed)."""
    surf = pygame.Surface((w, h), pygame.SRCALPHA)
    surf.fill((0, 0, 0, 0))
    return surf


def to_array(surf: pygame.Surface) -> np.ndarray:
    """Copy of the surface as a float (h, w, 4) RGBA array."""
    rgb = pygame.surfarray.array3d(surf).transpose(1, 0, 2)
    alpha = pygame.surfarray.array_alpha(surf).T
    return np.dstack([rgb, alpha]).astype(np.float64)


def from_array(arr: np.ndarray) -> pygame.Surface:
    """Surface from an (h, w, 3|4) array (floats are rounded and clamped)."""
    arr = np.clip(np.rint(arr), 0, 255).astype(np.uint8)
    h, w = arr.shape[:2]
    surf = new(w, h)
    px = pygame.surfarray.pixels3d(surf)
    px[...] = arr[:, :, :3].transpose(1, 0, 2)
    del px
    pa = pygame.surfarray.pixels_alpha(surf)
    pa[...] = arr[:, :, 3].T if arr.shape[2] == 4 else 255
    del pa
    return clean_transparent(surf)


def clean_transparent(surf: pygame.Surface) -> pygame.Surface:
    """Zero the RGB of fully transparent pixels (tidier, smaller PNGs)."""
    alpha = pygame.surfarray.array_alpha(surf)
    px = pygame.surfarray.pixels3d(surf)
    px[alpha == 0] = 0
    del px
    return surf


# ---------------------------------------------------------------- noise and textures
def periodic_noise(rng: np.random.Generator, h: int, w: int, cells: int) -> np.ndarray:
    """Smooth value noise in [-1, 1] that tiles seamlessly over an h x w tile."""
    grid = rng.random((cells, cells)) * 2 - 1

    def axis(n):
        pos = np.arange(n) * cells / n
        i0 = np.floor(pos).astype(int)
        t = pos - i0
        t = t * t * (3 - 2 * t)
        return i0 % cells, (i0 + 1) % cells, t

    y0, y1, ty = axis(h)
    x0, x1, tx = axis(w)
    top = grid[y0][:, x0] * (1 - tx) + grid[y0][:, x1] * tx
    bot = grid[y1][:, x0] * (1 - tx) + grid[y1][:, x1] * tx
    return top * (1 - ty[:, None]) + bot * ty[:, None]


def texture(rng: np.random.Generator, base: Color, h: int = TILE, w: int = TILE,
            blob: float = 6.0, grain: float = 4.0, cells: int = 4,
            tint: Color = (1.0, 1.0, 1.0)) -> np.ndarray:
    """Opaque RGBA float array: base colour + smooth blotches + per-pixel grain.

    `tint` weights the noise per channel so blotches can lean blue or brown.
    """
    n = periodic_noise(rng, h, w, cells) * blob + periodic_noise(rng, h, w, cells * 2) * blob * 0.5
    g = rng.normal(0.0, grain, (h, w))
    arr = np.empty((h, w, 4))
    for c in range(3):
        arr[:, :, c] = base[c] + (n + g) * tint[c]
    arr[:, :, 3] = 255
    return arr


def speckle(arr: np.ndarray, rng: np.random.Generator, color: Color, density: float,
            mask: np.ndarray | None = None) -> None:
    """Scatter single pixels of `color` over a fraction `density` of the array."""
    hit = rng.random(arr.shape[:2]) < density
    if mask is not None:
        hit &= mask
    arr[hit, 0:3] = color[:3]


def blob_mask(rng: np.random.Generator, h: int, w: int, cx: float, cy: float,
              rx: float, ry: float, wobble: float = 0.25, lobes: int = 5) -> np.ndarray:
    """Boolean mask of an irregular round blob (stains, puddles, patches)."""
    phases = rng.random(lobes) * 2 * math.pi
    amps = rng.random(lobes) * wobble
    yy, xx = np.mgrid[0:h, 0:w]
    dx, dy = (xx + 0.5 - cx) / rx, (yy + 0.5 - cy) / ry
    ang = np.arctan2(dy, dx)
    r = np.ones_like(ang)
    for k in range(lobes):
        r += amps[k] * np.sin((k + 2) * ang + phases[k]) / (k + 1)
    return np.hypot(dx, dy) < r


def blend(arr: np.ndarray, mask: np.ndarray, color: Color, amount: float = 1.0) -> None:
    """Blend `color` into arr where mask (bool or float 0..1) is set; raises alpha too."""
    m = mask.astype(np.float64) * amount
    for c in range(3):
        arr[:, :, c] = arr[:, :, c] * (1 - m) + color[c] * m
    arr[:, :, 3] = np.maximum(arr[:, :, 3], m * 255)


def soft_edge(mask: np.ndarray) -> np.ndarray:
    """Float version of a bool mask with a 1px averaged rim (cheap anti-alias)."""
    m = mask.astype(np.float64)
    acc = m.copy()
    for dy, dx in ((0, 1), (0, -1), (1, 0), (-1, 0)):
        acc += np.roll(np.roll(m, dy, 0), dx, 1)
    return np.where(mask, 1.0, acc / 5.0)


# ---------------------------------------------------------------- outlines and shadows
def _alpha_mask(surf: pygame.Surface, threshold: int = 40) -> np.ndarray:
    return pygame.surfarray.array_alpha(surf).T >= threshold


def outline(surf: pygame.Surface, color: Color, threshold: int = 40) -> pygame.Surface:
    """Add a 1px (4-neighbour) outline in `color` around the opaque shape."""
    arr = to_array(surf)
    solid = arr[:, :, 3] >= threshold
    grow = solid.copy()
    grow[1:, :] |= solid[:-1, :]
    grow[:-1, :] |= solid[1:, :]
    grow[:, 1:] |= solid[:, :-1]
    grow[:, :-1] |= solid[:, 1:]
    ring = grow & ~solid
    arr[ring, 0:3] = color[:3]
    arr[ring, 3] = 255
    return from_array(arr)


def drop_shadow(surf: pygame.Surface, offset: tuple = (2, 2), alpha: int = 96,
                color: Color = (0, 0, 8)) -> pygame.Surface:
    """Put a flat shadow of the shape, shifted by `offset`, underneath it."""
    w, h = surf.get_size()
    mask = _alpha_mask(surf)
    shifted = np.zeros_like(mask)
    ox, oy = offset
    shifted[max(oy, 0):h + min(oy, 0), max(ox, 0):w + min(ox, 0)] = \
        mask[max(-oy, 0):h - max(oy, 0), max(-ox, 0):w - max(ox, 0)]
    shadow = np.zeros((h, w, 4))
    shadow[shifted, 0:3] = color[:3]
    shadow[shifted, 3] = alpha
    out = from_array(shadow)
    out.blit(surf, (0, 0))
    return clean_transparent(out)


def finish_prop(surf: pygame.Surface, outline_color: Color, shadow: bool = True) -> pygame.Surface:
    """Standard treatment for props on transparent ground: dark outline + drop shadow."""
    surf = outline(surf, outline_color)
    return drop_shadow(surf) if shadow else surf


# ---------------------------------------------------------------- shapes
def outlined_circle(surf, fill: Color, center, radius: float, edge: Color) -> None:
    pygame.draw.circle(surf, edge, center, radius + 1)
    pygame.draw.circle(surf, fill, center, radius)


def bevel_rect(surf, rect, fill: Color, light: Color, dark: Color, width: int = 1,
               radius: int = 0) -> None:
    """Filled rect with lighter top/left and darker bottom/right edges."""
    r = pygame.Rect(rect)
    pygame.draw.rect(surf, dark, r, border_radius=radius)
    pygame.draw.rect(surf, light, (r.x, r.y, r.w - width, r.h - width), border_radius=radius)
    pygame.draw.rect(surf, fill, (r.x + width, r.y + width, r.w - 2 * width, r.h - 2 * width),
                     border_radius=max(0, radius - width))


# ---------------------------------------------------------------- sheets
def split(surf: pygame.Surface, cols: int, rows: int, size: int = TILE) -> list:
    """Cut a (cols*size) x (rows*size) picture into tiles, row-major."""
    out = []
    for r in range(rows):
        for c in range(cols):
            tile = new(size, size)
            tile.blit(surf, (0, 0), (c * size, r * size, size, size))
            out.append(tile)
    return out


def scaled(surf: pygame.Surface, k: int) -> pygame.Surface:
    """Nearest-neighbour integer upscale (for previews)."""
    w, h = surf.get_size()
    return pygame.transform.scale(surf, (w * k, h * k))
