"""Between chapters: the chapter's number, title and place on black, then the level."""

from __future__ import annotations

import pygame

from ..render.hud import DIM, draw_text
from .stack import Scene

CARD_TICKS = 180  # three seconds, or a key press


class ChapterCard(Scene):
    def __init__(self, chapter, on_done, road: str = ""):
        self.chapter = chapter
        self.road = road  # "The harder road", on that road
        self.on_done = on_done
        self.ticks = 0

    def handle_event(self, event) -> bool:
        if event.type == pygame.KEYDOWN or (event.type == pygame.MOUSEBUTTONDOWN and event.button == 1):
            if self.ticks > 20:  # a held key from the menu should not skip it at once
                self.on_done()
            return True
        return False

    def update(self, dt: float) -> None:
        self.ticks += 1
        if self.ticks == CARD_TICKS:
            self.on_done()

    def draw(self, surface, alpha: float) -> None:
        w, h = surface.get_size()
        surface.fill((4, 5, 9))
        fade = min(1.0, self.ticks / 40)
        shade = round(255 * fade)
        draw_text(surface, f"Chapter {self.chapter.number}", (w // 2, h // 2 - 80), 34,
                  (shade * 150 // 255, shade * 160 // 255, shade * 180 // 255), anchor="center")
        draw_text(surface, self.chapter.title.upper(), (w // 2, h // 2 - 10), 96,
                  (shade * 236 // 255, shade * 232 // 255, shade * 224 // 255), anchor="center")
        draw_text(surface, self.chapter.place, (w // 2, h // 2 + 60), 30, DIM if fade >= 1 else (90, 96, 110),
                  anchor="center")
        if self.road:
            draw_text(surface, self.road, (w // 2, h // 2 + 110), 26, (200, 120, 100), anchor="center")
