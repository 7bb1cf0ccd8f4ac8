"""A vertical list of choices, shared by the title and pause screens."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pygame

from ..audio.ui import UiSounds

SILENT = UiSounds()  # no mixer: plays nothing
from ..render.hud import DIM, TEXT, draw_text

HIGHLIGHT = (240, 176, 84)


@dataclass
class MenuItem:
    label: str
    action: Callable[[], None]
    enabled: bool = True
    note: str = ""


class Menu:
    def __init__(self, items: list[MenuItem]):
        self.items = items
        self.index = next((i for i, it in enumerate(items) if it.enabled), 0)

    def handle_event(self, event, sounds: UiSounds | None = None) -> bool:
        """Up/down moves, Enter (Space, E) chooses; `sounds` (the scene's services) plays the clicks."""
        if event.type != pygame.KEYDOWN:
            return False
        sounds = sounds or SILENT
        if event.key in (pygame.K_UP, pygame.K_w):
            self._move(-1, sounds)
        elif event.key in (pygame.K_DOWN, pygame.K_s):
            self._move(1, sounds)
        elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE, pygame.K_e):
            item = self.items[self.index]
            if item.enabled:
                sounds.play("ui_select")
                item.action()
        else:
            return False
        return True

    def _move(self, step: int, sounds: UiSounds) -> None:
        sounds.play("ui_move")
        for _ in range(len(self.items)):
            self.index = (self.index + step) % len(self.items)
            if self.items[self.index].enabled:
                return

    def draw(self, surface: pygame.Surface, centre: tuple[int, int], size: int = 40, spacing: int = 52) -> None:
        x, y = centre
        for i, item in enumerate(self.items):
            selected = i == self.index
            colour = HIGHLIGHT if selected else (TEXT if item.enabled else (90, 96, 110))
            label = f"›  {item.label}  ‹" if selected else item.label
            draw_text(surface, label, (x, y + i * spacing), size, colour, anchor="center")
            if item.note and (selected or not item.enabled):
                draw_text(surface, item.note, (x, y + i * spacing + 22), 20, DIM, anchor="center")
