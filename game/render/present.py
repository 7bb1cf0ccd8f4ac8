"""The game draws on a fixed 1280x720 canvas; this puts the canvas in the window, at any size.

Every player sees the same stretch of a level whatever the window: a big monitor or a
fullscreen window is not a wider look at the guards. Window scale and fullscreen only make
the picture larger. The canvas is centred, with dark bars where the window's shape differs
from 16:9, and mouse positions are mapped back onto the canvas for aiming.
"""

from __future__ import annotations

import pygame

CANVAS_SIZE = (1280, 720)
BARS = (0, 0, 0)


def fit(window_size: tuple[int, int], canvas_size: tuple[int, int] = CANVAS_SIZE) -> pygame.Rect:
    """Where the canvas goes in a window: as large as fits, same shape, centred."""
    ww, wh = window_size
    cw, ch = canvas_size
    scale = min(ww / cw, wh / ch)
    w, h = max(1, round(cw * scale)), max(1, round(ch * scale))
    return pygame.Rect((ww - w) // 2, (wh - h) // 2, w, h)


class Presenter:
    def __init__(self):
        self.canvas = pygame.Surface(CANVAS_SIZE)
        self.rect = pygame.Rect((0, 0), CANVAS_SIZE)

    def layout(self, window_size: tuple[int, int]) -> None:
        """Once a frame, before events: where the canvas sits in the window as it is now."""
        self.rect = fit(window_size)

    def target(self, window: pygame.Surface) -> pygame.Surface:
        """The surface to draw this frame on: the window itself when it is canvas-sized (no copy)."""
        return window if window.get_size() == CANVAS_SIZE else self.canvas

    def present(self, window: pygame.Surface) -> None:
        """Scale the canvas into the window (after drawing on `target(window)`)."""
        if window.get_size() == CANVAS_SIZE:
            return
        window.fill(BARS)
        area = window.subsurface(self.rect)  # scaled straight into the window: no copy
        whole = self.rect.width / CANVAS_SIZE[0]
        if whole == int(whole) and self.rect.height == CANVAS_SIZE[1] * int(whole):
            pygame.transform.scale(self.canvas, self.rect.size, area)  # 2x, 3x: crisp pixels
        else:
            pygame.transform.smoothscale(self.canvas, self.rect.size, area)

    def to_canvas(self, pos: tuple[int, int]) -> tuple[int, int]:
        """A window position (the mouse) as a canvas position."""
        x = (pos[0] - self.rect.x) * CANVAS_SIZE[0] / self.rect.width
        y = (pos[1] - self.rect.y) * CANVAS_SIZE[1] / self.rect.height
        return (round(x), round(y))

    def event(self, event):
        """The event with its mouse position moved onto the canvas (others unchanged)."""
        if event.type in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
            return pygame.event.Event(event.type, {**event.dict, "pos": self.to_canvas(event.pos)})
        return event
