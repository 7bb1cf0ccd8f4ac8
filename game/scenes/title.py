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

    def draw(self, surface, alpha: float) -> None:
        w, h = surface.get_size()
        surface.fill((6, 8, 14))
        # A slow band of headlight sweeping across the dark: the story's first beat.
        sweep = (math.sin(self.ticks / 170) * 0.5 + 0.5) * w
        glow = pygame.Surface((w, h), pygame.SRCALPHA)
        for i in range(12):
            pygame.draw.circle(glow, (200, 170, 110, 6), (int(sweep), int(h * 0.42)), 420 - i * 30)
        surface.blit(glow, (0, 0))
        draw_text(surface, "REDEMPTION", (w // 2, int(h * 0.28)), 120, (236, 232, 224), anchor="center")
        draw_text(surface, "Five years on. One last time.", (w // 2, int(h * 0.28) + 70), 30, DIM, anchor="center")
        self.menu.draw(surface, (w // 2, int(h * 0.58)))
        draw_text(surface, "An unofficial fan game. Every image, sound and word is our own.",
                  (w // 2, h - 18), 20, (96, 104, 120), anchor="midbottom")
