"""The heads-up display: chapter title, Jesse's pace, a controls hint."""

from __future__ import annotations

import pygame

from .assets import Assets

TEXT = (226, 230, 238)
DIM = (150, 160, 180)
PANEL = (10, 14, 24, 170)


def draw_text(surface: pygame.Surface, text: str, pos, size: int = 24, colour=TEXT, anchor: str = "topleft",
              shadow: bool = True) -> pygame.Rect:
    font = Assets.font(size)
    image = font.render(text, True, colour)
    rect = image.get_rect(**{anchor: pos})
    if shadow:
        surface.blit(font.render(text, True, (0, 0, 0)), rect.move(2, 2))
    surface.blit(image, rect)
    return rect


def draw_panel(surface: pygame.Surface, rect: pygame.Rect, colour=PANEL) -> None:
    panel = pygame.Surface(rect.size, pygame.SRCALPHA)
    panel.fill(colour)
    surface.blit(panel, rect.topleft)


class Hud:
    def __init__(self, chapter_title: str):
        self.chapter_title = chapter_title

    def draw(self, surface: pygame.Surface, world) -> None:
        w, h = surface.get_size()
        draw_panel(surface, pygame.Rect(0, 0, w, 36))
        draw_text(surface, self.chapter_title, (16, 8), 26)
        pace = world.player.pace
        draw_text(surface, {"still": "Still", "sneak": "Sneaking", "walk": "Walking", "sprint": "Sprinting"}[pace],
                  (w - 16, 8), 26, DIM, anchor="topright")
        draw_text(surface, "WASD move   Shift sprint   Ctrl/C sneak   Esc pause", (w // 2, h - 12), 22, DIM,
                  anchor="midbottom")
