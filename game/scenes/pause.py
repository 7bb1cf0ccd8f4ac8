"""The pause screen, drawn over the level (which stays visible and frozen): the menu on the left,
and, given one, the map of the level on the right (`render/level_map.py`), made once when the
pause opens and again on coming back from Options (the palette may have changed)."""

from __future__ import annotations

import pygame

from ..input import prompts
from ..render.hud import DIM, draw_panel, draw_text
from .menu import Menu, MenuItem
from .stack import Scene

MENU_COLUMN = 450  # px of the canvas's width for the menu when the map is beside it


class PauseScene(Scene):
    opaque = False

    def __init__(self, on_quit_to_title, note: str = "", on_restart=None, on_options=None, on_restart_chapter=None,
                 map_picture=None):
        self.on_quit_to_title = on_quit_to_title
        self.on_restart = on_restart  # back to the last checkpoint
        self.on_restart_chapter = on_restart_chapter  # the chapter from its top (no card, no intro)
        self.on_options = on_options
        self.note = note  # why the game paused by itself, if it did
        self.map_picture = map_picture  # callable() -> the map's Surface (None: no map)
        self.map: pygame.Surface | None = None

    def enter(self, stack) -> None:
        super().enter(stack)
        self.menu = Menu([
            MenuItem("Resume", self.stack.pop),
            MenuItem("Restart from checkpoint", self._restart, self.on_restart is not None),
            MenuItem("Restart chapter", self._restart_chapter, self.on_restart_chapter is not None),
            MenuItem("Options", lambda: self.on_options(self.stack), self.on_options is not None),
            MenuItem("Quit to title", self.on_quit_to_title),
        ])
        self.map = self.map_picture() if self.map_picture is not None else None

    def resume(self) -> None:
        self.map = self.map_picture() if self.map_picture is not None else None

    def _restart(self) -> None:
        self.stack.pop()
        self.on_restart()

    def _restart_chapter(self) -> None:
        self.on_restart_chapter()  # the campaign takes the stack back to the title first

    def handle_event(self, event) -> bool:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_ESCAPE, pygame.K_p):
            self.stack.services.ui.play("ui_back")
            self.stack.pop()
            return True
        self.menu.handle_event(event, self.stack.services.ui)
        # Modal: nothing below the pause screen hears the keyboard.
        return event.type in (pygame.KEYDOWN, pygame.KEYUP, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP)

    def draw(self, surface, alpha: float) -> None:
        w, h = surface.get_size()
        draw_panel(surface, surface.get_rect(), (4, 6, 12, 160))
        # The menu alone in the middle, or beside the map in a darker column as wide as its longest
        # item (a call's panel goes on being drawn below it).
        x = w // 2
        if self.map is not None:
            x = MENU_COLUMN // 2
            draw_panel(surface, pygame.Rect(0, 0, MENU_COLUMN, h), (4, 6, 12, 180))
        draw_text(surface, "Paused", (x, int(h * 0.32)), 72, anchor="center")
        if self.note:
            draw_text(surface, self.note, (x, int(h * 0.32) + 56), 28, (230, 190, 120), anchor="center")
        self.menu.draw(surface, (x, int(h * 0.48)))
        if self.map is not None:
            right = pygame.Rect(MENU_COLUMN, 0, w - MENU_COLUMN, h - 50)
            surface.blit(self.map, self.map.get_rect(center=right.center))
        draw_text(surface, self.stack.services.prompts.menu(("choose", "choose"), ("select", "select"), ("back", "resume")),
                  (w // 2, h - 30), 22, DIM, anchor="center")
