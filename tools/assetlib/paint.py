"""Supersampled painting for portraits and icons.

A Canvas holds a float RGB + alpha picture at SS times the output size. Shapes are
boolean masks built from coordinates in *output* pixels (floats allowed), so a drawing
reads the same whatever the supersampling. `Canvas.surface()` averages SS x SS blocks
with integer arithmetic only, which keeps the result byte-identical on every run.

Shading is "cel" style: a part's mask is blurred into a pillow-shaped height field,
lit by one key light, nudged by extra shadow shapes and a little brush noise, then cut
into a few flat tones. The noise makes the band edges wobble like paint strokes.
"""
from __future__ import annotations

import math
from contextlib import contextmanager

import numpy as np
import pygame

from .draw import periodic_noise

SS = 4


# ---------------------------------------------------------------- splines
def catmull_rom(pts: list, closed: bool = True, steps: int = 8) -> list:
    """Dense points on a smooth curve through every control point."""
    n = len(pts)
    if n < 3:
        return list(pts)
    out = []
    last = n if closed else n - 1
    for i in range(last):
        p0 = pts[(i - 1) % n] if closed or i > 0 else pts[0]
        p1, p2 = pts[i], pts[(i + 1) % n]
        p3 = pts[(i + 2) % n] if closed or i + 2 < n else pts[-1]
        for s in range(steps):
            t = s / steps
            t2, t3 = t * t, t * t * t
            out.append(tuple(0.5 * (2 * p1[k] + (-p0[k] + p2[k]) * t
                                    + (2 * p0[k] - 5 * p1[k] + 4 * p2[k] - p3[k]) * t2
                                    + (-p0[k] + 3 * p1[k] - 3 * p2[k] + p3[k]) * t3)
                             for k in range(2)))
    if not closed:
        out.append(tuple(pts[-1]))
    return out


# ---------------------------------------------------------------- filters
def box_blur(a: np.ndarray, r: int) -> np.ndarray:
    """Three passes of a (2r+1) box filter along both axes (close to a gaussian)."""
    if r < 1:
        return a.copy()
    out = a.astype(np.float64)
    for _ in range(3):
        for axis in (0, 1):
            pad = [(0, 0), (0, 0)]
            pad[axis] = (r + 1, r)
            c = np.cumsum(np.pad(out, pad, mode="edge"), axis=axis)
            hi = np.take(c, np.arange(2 * r + 1, c.shape[axis]), axis=axis)
            lo = np.take(c, np.arange(0, c.shape[axis] - 2 * r - 1), axis=axis)
            out = (hi - lo) / (2 * r + 1)
    return out


def shift(mask: np.ndarray, dx: int, dy: int) -> np.ndarray:
    """mask moved by (dx, dy) pixels, empty where it came in from outside."""
    out = np.zeros_like(mask)
    h, w = mask.shape
    out[max(dy, 0):h + min(dy, 0), max(dx, 0):w + min(dx, 0)] = \
        mask[max(-dy, 0):h - max(dy, 0), max(-dx, 0):w - max(dx, 0)]
    return out


def unit(v: tuple) -> tuple:
    n = math.sqrt(sum(c * c for c in v))
    return tuple(c / n for c in v)


# ---------------------------------------------------------------- canvas
class Canvas:
    def __init__(self, w: int, h: int, ss: int = SS):
        self.w, self.h, self.ss = w, h, ss
        H, W = h * ss, w * ss
        self.rgb = np.zeros((H, W, 3))
        self.alpha = np.zeros((H, W))
        yy, xx = np.mgrid[0:H, 0:W]
        self.x = (xx + 0.5) / ss
        self.y = (yy + 0.5) / ss
        self._frames = []           # stack of (px, py, sx, sy, cos, sin, angle)

    # -------- frames: scale and turn every shape drawn inside them around a pivot
    @contextmanager
    def frame(self, pivot: tuple, sx: float = 1.0, sy: float = 1.0, angle: float = 0.0):
        """Shapes drawn inside `with cv.frame(...)` are scaled, then rotated (degrees,
        + = clockwise on screen) about pivot. Frames nest (inner applies first); one
        head drawing can so fit many faces."""
        a = math.radians(angle)
        self._frames.append((pivot[0], pivot[1], sx, sy, math.cos(a), math.sin(a), angle))
        try:
            yield self
        finally:
            self._frames.pop()

    def map(self, x: float, y: float) -> tuple:
        for px, py, sx, sy, c, s, _ in reversed(self._frames):
            dx, dy = (x - px) * sx, (y - py) * sy
            x, y = px + dx * c - dy * s, py + dx * s + dy * c
        return x, y

    def _scale(self) -> tuple:
        """(sx, sy, angle) of all frames together (good enough for ellipses)."""
        sx = sy = 1.0
        angle = 0.0
        for f in self._frames:
            sx, sy, angle = sx * f[2], sy * f[3], angle + f[6]
        return sx, sy, angle

    # -------- shapes (all return bool masks in canvas resolution)
    def ellipse(self, cx: float, cy: float, rx: float, ry: float, angle: float = 0.0):
        if self._frames:
            cx, cy = self.map(cx, cy)
            fx, fy, fa = self._scale()
            rx, ry, angle = rx * fx, ry * fy, angle + fa
        dx, dy = self.x - cx, self.y - cy
        if angle:
            c, s = math.cos(math.radians(angle)), math.sin(math.radians(angle))
            dx, dy = dx * c + dy * s, -dx * s + dy * c
        return (dx / rx) ** 2 + (dy / ry) ** 2 <= 1.0

    def poly(self, pts: list, smooth: bool = True):
        """Filled polygon; smooth=True runs a closed spline through the points."""
        pts = catmull_rom(pts) if smooth else pts
        pts = [self.map(x, y) for x, y in pts]
        surf = pygame.Surface((self.w * self.ss, self.h * self.ss), pygame.SRCALPHA)
        surf.fill((0, 0, 0, 0))
        pygame.draw.polygon(surf, (255, 255, 255, 255),
                            [(round(x * self.ss), round(y * self.ss)) for x, y in pts])
        return pygame.surfarray.array_alpha(surf).T > 0

    def stroke(self, pts: list, w0: float, w1: float | None = None, smooth: bool = True):
        """A line through pts whose width tapers from w0 to w1 (output pixels)."""
        w1 = w0 if w1 is None else w1
        pts = catmull_rom(pts, closed=False, steps=6) if smooth and len(pts) > 2 else pts
        pts = [self.map(x, y) for x, y in pts]
        fx, fy, _ = self._scale()
        w0, w1 = w0 * math.sqrt(fx * fy), w1 * math.sqrt(fx * fy)
        lens = [0.0]
        for (ax, ay), (bx, by) in zip(pts, pts[1:]):
            lens.append(lens[-1] + math.sqrt((bx - ax) ** 2 + (by - ay) ** 2))
        total = lens[-1] or 1.0
        out = np.zeros(self.x.shape, bool)
        for i, ((ax, ay), (bx, by)) in enumerate(zip(pts, pts[1:])):
            vx, vy = bx - ax, by - ay
            ll = vx * vx + vy * vy or 1e-9
            t = np.clip(((self.x - ax) * vx + (self.y - ay) * vy) / ll, 0, 1)
            d2 = (self.x - ax - t * vx) ** 2 + (self.y - ay - t * vy) ** 2
            along = (lens[i] + t * (lens[i + 1] - lens[i])) / total
            half = (w0 + (w1 - w0) * along) / 2
            out |= d2 <= half * half
        return out

    def rect(self, x: float, y: float, w: float, h: float):
        """Axis-aligned box (ignores the frame)."""
        return (self.x >= x) & (self.x < x + w) & (self.y >= y) & (self.y < y + h)

    # -------- painting
    def paint(self, mask, color, amount: float = 1.0) -> None:
        """Blend a flat colour (or an (H, W, 3) image) in where mask is set."""
        m = mask.astype(np.float64) * amount
        col = np.asarray(color, np.float64)[..., :3]
        self.rgb = self.rgb * (1 - m[..., None]) + col * m[..., None]
        self.alpha = np.maximum(self.alpha, m)

    def erase(self, mask) -> None:
        """Cut a hole: fully transparent where mask is set."""
        self.alpha[mask] = 0.0
        self.rgb[mask] = 0.0

    def noise(self, seed: tuple, cells: int, amp: float = 1.0) -> np.ndarray:
        rng = np.random.default_rng(list(seed))
        H, W = self.alpha.shape
        return periodic_noise(rng, H, W, cells) * amp

    def cel(self, mask, tones: list, light: tuple, radius: float, cuts: tuple,
            extra=None, jitter=None, amount=1.0) -> np.ndarray:
        """Paint mask with flat tones chosen by a pillow-shaded light value.

        tones run dark -> light (len(cuts) + 1 of them); radius (output px) sets how
        round the part looks; extra (float field) adds light (+) or shadow (-);
        jitter (float field) wobbles the band edges. Returns the light field.
        """
        r = max(1, round(radius * self.ss / 2))
        height = box_blur(mask.astype(np.float64), r)
        gy, gx = np.gradient(height)
        k = r * 2.2
        nx, ny = -gx * k, -gy * k
        lx, ly, lz = unit(light)
        lit = (nx * lx + ny * ly + lz) / np.sqrt(nx * nx + ny * ny + 1.0)
        if extra is not None:
            lit = lit + extra
        if jitter is not None:
            lit = lit + jitter
        idx = np.digitize(lit, cuts)
        self.paint(mask, np.asarray(tones, np.float64)[idx], amount)
        return lit

    def rim(self, mask, color, width: float, direction: tuple = (-1, 0),
            amount: float = 0.9, against=None) -> None:
        """Rim light on the edge of mask that faces `direction`, strongest where the
        edge faces it squarely and fading round the sides. Only edges that border
        empty space in `against` (default: mask itself) get lit."""
        r = max(1, round(width * self.ss))
        soft = box_blur(mask.astype(np.float64), max(1, r // 2))
        gy, gx = np.gradient(soft)
        dx, dy = unit((direction[0], direction[1]))
        glen = np.sqrt(gx * gx + gy * gy) + 1e-9
        facing = (-gx * dx - gy * dy) / glen
        against = mask if against is None else against
        outside = ~shift(against, round(-dx * r * 1.5), round(-dy * r * 1.5))
        band = mask & ~shift(mask, round(-dx * r), round(-dy * r))
        near = mask & (soft < 0.97)
        strength = np.clip((facing - 0.15) / 0.6, 0, 1) * (band | near) * outside
        self.paint(strength > 0, color, strength * amount)

    # -------- output
    def surface(self, opaque: bool = False) -> pygame.Surface:
        """Average SS x SS blocks (integers only) into a per-pixel-alpha Surface."""
        ss, h, w = self.ss, self.h, self.w
        rgb = np.clip(np.rint(self.rgb), 0, 255).astype(np.int64)
        a = np.full(self.alpha.shape, 255, np.int64) if opaque else \
            np.clip(np.rint(self.alpha * 255), 0, 255).astype(np.int64)
        n = ss * ss
        asum = a.reshape(h, ss, w, ss).sum(axis=(1, 3))
        csum = (rgb * a[..., None]).reshape(h, ss, w, ss, 3).sum(axis=(1, 3))
        safe = np.maximum(asum, 1)[..., None]
        col = np.where(asum[..., None] > 0, (csum + safe // 2) // safe, 0)
        alpha = (asum + n // 2) // n
        surf = pygame.Surface((w, h), pygame.SRCALPHA)
        px = pygame.surfarray.pixels3d(surf)
        px[...] = col.transpose(1, 0, 2).astype(np.uint8)
        del px
        pa = pygame.surfarray.pixels_alpha(surf)
        pa[...] = alpha.T.astype(np.uint8)
        del pa
        return surf


def ramp(base: tuple, n: int = 4, dark: float = 0.45, bright: float = 1.2,
         cool: tuple = (0.82, 0.9, 1.18), warm: tuple = (1.08, 1.0, 0.86)) -> list:
    """n tones of base, dark -> light: shadows lean cool, lights lean warm."""
    out = []
    for i in range(n):
        t = i / (n - 1)
        k = dark + (bright - dark) * t
        tint = cool if t < 0.5 else warm
        w = abs(t - 0.5) * 2
        col = [base[c] * k * (1 + w * (tint[c] - 1)) for c in range(3)]
        out.append(tuple(max(0, min(255, round(v))) for v in col))
    return out
