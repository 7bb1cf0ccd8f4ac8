"""The title screen: the game's name, and a way in."""

from __future__ import annotations

import math

import pygame

from ..render.hud import DIM, draw_text
from .menu import Menu, MenuItem
from .stack import Scene


class TitleScene(Scene):
    def __init__(self, chapters, start_chapter):
        self.chapters = chapters
        self.start_chapter = start_chapter  # callable(chapter) -> Scene
        self.ticks = 0

    def enter(self, stack) -> None:
        super().enter(stack)
        first = self.chapters[0]
        self.menu = Menu([
            MenuItem("New game", lambda: self.stack.push(self.start_chapter(first)), first.available,
                     first.locked_reason or ""),
            MenuItem("Quit", self.stack.clear),
        ])

    def handle_event(self, event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.stack.clear()
            return True
        return self.menu.handle_event(event)

    def update(self, dt: float) -> None:
        self.ticks += 1

    @staticmethod
    def _glow(radius: int = 520, rings: int = 52) -> pygame.Surface:
        """A soft round glow: many faint rings, so no edge shows (built once)."""
        if TitleScene._glow_cache is None:
            glow = pygame.Surface((radius * 2, radius * 2), pygame.SRCALPHA)
            for i in range(rings):
                pygame.draw.circle(glow, (200, 170, 110, 2), (radius, radius), radius - i * radius // rings)
            TitleScene._glow_cache = glow
        return TitleScene._glow_cache

    _glow_cache = None

    def draw(self, surface, alpha: float) -> None:
        w, h = surface.get_size()
        surface.fill((6, 8, 14))
        # A slow band of headlight sweeping across the dark: the story's first beat.
        sweep = (math.sin(self.ticks / 170) * 0.5 + 0.5) * w
        glow = self._glow()
        surface.blit(glow, glow.get_rect(center=(int(sweep), int(h * 0.42))))
        draw_text(surface, "REDEMPTION", (w // 2, int(h * 0.28)), 120, (236, 232, 224), anchor="center")
        draw_text(surface, "Five years on. One last time.", (w // 2, int(h * 0.28) + 70), 30, DIM, anchor="center")
        self.menu.draw(surface, (w // 2, int(h * 0.58)))
        draw_text(surface, "An unofficial fan game. Every image, sound and word is our own.",
                  (w // 2, h - 18), 20, (96, 104, 120), anchor="midbottom")
