"""The faint path of Kim's answer: dots along the way she means, for a few seconds, fading out.

Drawn over the floor and under the people, like a line traced on a map with a finger: enough to
read the way, never a bright route to follow blind. The start shows first and the dots grow along
the path over `GROW_TICKS`, so the eye reads which end is which.
"""

from __future__ import annotations

import math
from functools import lru_cache

import pygame

SHOW_TICKS = 360  # six seconds on screen...
FADE_TICKS = 60  # ...the last of them fading
GROW_TICKS = 45  # the dots run out along the path this fast
SPACING = 14.0  # px between dots
COLOUR = (236, 214, 160)  # Kim's colour in her calls
ALPHA = 150


class HintPath:
    def __init__(self):
        self.dots: list[tuple[float, float]] = []
        self.ticks = 0

    def show(self, points: list[tuple[float, float]]) -> None:
        self.dots = _dotted(points, SPACING)
        self.ticks = 0

    def clear(self) -> None:
        self.dots = []

    @property
    def showing(self) -> bool:
        return bool(self.dots)

    def tick(self) -> None:
        if self.dots:
            self.ticks += 1
            if self.ticks >= SHOW_TICKS:
                self.dots = []

    def draw(self, surface, camera) -> None:
        if not self.dots:
            return
        left = SHOW_TICKS - self.ticks
        alpha = round(ALPHA * min(1.0, left / FADE_TICKS))
        shown = self.dots[: max(1, round(len(self.dots) * min(1.0, (self.ticks + 1) / GROW_TICKS)))]
        w, h = surface.get_size()
        for i, (x, y) in enumerate(shown):
            sx, sy = camera.to_screen(x, y)
            if -8 <= sx <= w + 8 and -8 <= sy <= h + 8:
                dot = _dot(7 if i == 0 else 4)
                dot.set_alpha(alpha)
                surface.blit(dot, dot.get_rect(center=(sx, sy)))


@lru_cache(maxsize=2)
def _dot(radius: int) -> pygame.Surface:
    """One dot, drawn once: blitted with the frame's alpha (no screen-sized layer a frame)."""
    dot = pygame.Surface((2 * radius + 1, 2 * radius + 1), pygame.SRCALPHA)
    pygame.draw.circle(dot, COLOUR, (radius, radius), radius)
    return dot


def _dotted(points: list[tuple[float, float]], spacing: float) -> list[tuple[float, float]]:
    """Points every `spacing` px along the polyline (its first point included)."""
    if not points:
        return []
    out = [points[0]]
    carry = 0.0
    for a, b in zip(points, points[1:]):
        d = math.dist(a, b)
        at = spacing - carry  # along this segment, where the next dot falls
        while at <= d:
            t = at / d
            out.append((a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t))
            at += spacing
        carry = d - (at - spacing)  # from the last dot to the segment's end
    return out
