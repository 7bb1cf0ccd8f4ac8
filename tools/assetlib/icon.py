"""The application icon (the packaged build's .desktop entry): Jesse in the dark, beside a cone.

Seen from above as in play: a night-blue tile, a guard's pale cone of sight coming in from the
top right, and Jesse (a body, a head and the nose the pause map gives him) crouched in the
dark just outside its edge: the game in one picture, readable at 32 px as at 256.

Drawn with numpy only, as coverage: each shape is a signed distance, sampled 4x4 times a pixel
and averaged, so the edges are smooth without any smoothscale (whose SIMD paths are not
promised to give the same bytes on every machine). Plain float64 arithmetic: the same PNG on
every run and every machine.
"""
from __future__ import annotations

import numpy as np
import pygame

from .draw import from_array

NAME = "redemption"
SIZE = 256
SAMPLES = 4  # per pixel, per axis

NIGHT_TOP, NIGHT_BOTTOM = (22, 30, 52), (8, 10, 20)
CONE = (214, 226, 255)  # the calm cone's pale blue-white
GUARD, GUARD_LAMP = (40, 44, 56), (236, 226, 190)
JACKET, BEANIE, SKIN = (132, 30, 36), (34, 35, 44), (218, 176, 146)  # Jesse's sprite (sprites.py)
RIM = (96, 110, 150)  # the faint light Jesse's outline catches from the cone


def _grid(size: int) -> tuple[np.ndarray, np.ndarray]:
    """Sample positions (y, x) in pixels, shape (size*S, size*S)."""
    step = 1.0 / SAMPLES
    axis = (np.arange(size * SAMPLES) + 0.5) * step
    return np.meshgrid(axis, axis, indexing="ij")


def _coverage(inside: np.ndarray, size: int) -> np.ndarray:
    """Share of each pixel's samples inside (size, size)."""
    return inside.reshape(size, SAMPLES, size, SAMPLES).mean(axis=(1, 3))


def _circle(y, x, cy, cx, r) -> np.ndarray:
    return np.hypot(y - cy, x - cx) - r


def _rounded_square(y, x, size, radius) -> np.ndarray:
    half = size / 2
    qy, qx = np.abs(y - half) - (half - radius), np.abs(x - half) - (half - radius)
    return np.hypot(np.maximum(qy, 0), np.maximum(qx, 0)) + np.minimum(np.maximum(qy, qx), 0) - radius


def _wedge(y, x, apex, facing_deg, half_angle_deg, reach) -> np.ndarray:
    """Negative inside a cone of sight: within `reach` of `apex` and `half_angle` of `facing`."""
    dy, dx = y - apex[0], x - apex[1]
    angle = np.degrees(np.arctan2(dy, dx)) - facing_deg
    off = np.abs((angle + 180) % 360 - 180) - half_angle_deg
    distance = np.hypot(dy, dx)
    return np.maximum(off * distance * np.pi / 180, distance - reach)


def _over(base: np.ndarray, colour, alpha: np.ndarray) -> None:
    """Paint `colour` over the RGB array `base` with per-pixel `alpha` (0..1)."""
    base[...] = base * (1 - alpha[..., None]) + np.asarray(colour, float) * alpha[..., None]


def icon(size: int = SIZE) -> pygame.Surface:
    y, x = _grid(size)
    s = size / 256  # the design is drawn on a 256 px square
    tile = _coverage(_rounded_square(y, x, size, 44 * s) < 0, size)
    shade = np.linspace(0, 1, size)[:, None, None]
    rgb = np.asarray(NIGHT_TOP, float) * (1 - shade) + np.asarray(NIGHT_BOTTOM, float) * shade
    rgb = np.broadcast_to(rgb, (size, size, 3)).copy()

    guard = (46 * s, 46 * s)  # top left, looking down and right across the tile
    cone = _coverage(_wedge(y, x, guard, 38, 23, 280 * s) < 0, size)
    fade = np.clip(1.15 - np.hypot(y - guard[0], x - guard[1])[::SAMPLES, ::SAMPLES] / (300 * s), 0, 1)
    _over(rgb, CONE, cone * fade * 0.6)
    _over(rgb, RIM, _coverage(_circle(y, x, *guard, 25 * s) < 0, size))
    _over(rgb, GUARD, _coverage(_circle(y, x, *guard, 22 * s) < 0, size))
    _over(rgb, GUARD_LAMP, _coverage(_circle(y, x, guard[0] + 9 * s, guard[1] + 12 * s, 7 * s) < 0, size))

    # Jesse, below the cone's lower edge, in the dark, facing up and right (where he is going)
    body = (190 * s, 84 * s)
    shoulders = np.hypot((y - body[0]) / 0.8, x - body[1]) - 32 * s  # wider than deep, as seen from above
    head = _circle(y, x, body[0] - 3 * s, body[1] + 2 * s, 16 * s)
    nose = _circle(y, x, body[0] - 17 * s, body[1] + 12 * s, 6 * s)
    _over(rgb, RIM, _coverage(np.minimum(shoulders, nose) < 4 * s, size))
    _over(rgb, JACKET, _coverage(shoulders < 0, size))
    _over(rgb, SKIN, _coverage(nose < 0, size))
    _over(rgb, BEANIE, _coverage(head < 0, size))
    return from_array(np.dstack([rgb, tile * 255]))


def build() -> dict:
    """{name: Surface} for tools/build_assets.py to save under assets/icon/."""
    return {NAME: icon()}
