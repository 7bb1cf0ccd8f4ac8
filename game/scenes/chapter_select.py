"""Chapters: replay any chapter the player has opened; the rest are shown locked, with why."""

from __future__ import annotations

import pygame

from ..audio import ui as ui_sounds
from ..input import prompts
from ..render.hud import DIM, draw_text
from .menu import Menu, MenuItem
from .stack import Scene


class ChapterSelect(Scene):
    def __init__(self, campaign):
        self.campaign = campaign

    def enter(self, stack) -> None:
        super().enter(stack)
        campaign = self.campaign
        unlocked = {c.id for c in campaign.unlocked()}
        items = []
        for chapter in campaign.chapters:
            record = campaign.save.chapters.get(chapter.id)
            if chapter.id not in unlocked:
                note = "Locked: finish the chapter before it."
            elif not chapter.available:
                note = f"Locked: {chapter.locked_reason}."
            elif record and record.completed:
                note = "Ghost" if record.ghost else "Done"
            else:
                note = chapter.place
            items.append(MenuItem(f"{chapter.number}  {chapter.title}", self._starter(chapter),
                                  chapter.id in unlocked and chapter.available, note))
        items.append(MenuItem("Back", self.stack.pop))
        self.menu = Menu(items)

    def _starter(self, chapter):
        def start():
            self.stack.pop()
            self.campaign.start(self.stack, chapter)
        return start

    def handle_event(self, event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            ui_sounds.play("ui_back")
            self.stack.pop()
            return True
        self.menu.handle_event(event)
        return event.type == pygame.KEYDOWN

    def draw(self, surface, alpha: float) -> None:
        w, h = surface.get_size()
        surface.fill((6, 8, 14))
        draw_text(surface, "Chapters", (w // 2, 90), 64, anchor="center")
        self.menu.draw(surface, (w // 2, 200), size=38, spacing=78)
        draw_text(surface, prompts.menu(("select", "play"), ("back", "back")), (w // 2, h - 30), 22, DIM, anchor="center")
