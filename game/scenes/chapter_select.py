"""Chapters: replay any chapter the player has opened; the rest are shown locked, with why.

A chapter with a saved checkpoint asks first: back at the checkpoint, or from the start
(either way, Continue on the title keeps pointing at the furthest chapter)."""

from __future__ import annotations

import pygame

from ..input import prompts
from ..render.hud import DIM, draw_text
from .menu import Menu, MenuItem
from .stack import Scene


class ChapterSelect(Scene):
    def __init__(self, campaign):
        self.campaign = campaign

    def enter(self, stack) -> None:
        super().enter(stack)
        self.asking = None  # the chapter whose checkpoint-or-start question is showing
        self._list_menu()

    def _list_menu(self) -> None:
        campaign = self.campaign
        unlocked = {c.id for c in campaign.unlocked()}
        items = []
        for chapter in campaign.chapters:
            record = campaign.save.chapters.get(chapter.id)
            if chapter.id not in unlocked:
                note = "Locked: finish the chapter before it."
            elif not chapter.available:
                note = f"Locked: {chapter.locked_reason}."
            elif campaign.has_checkpoint(chapter):
                note = "Checkpoint saved"
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
            if self.campaign.has_checkpoint(chapter):
                self._ask(chapter)
            else:
                self.campaign.start(self.stack, chapter)
        return start

    def _ask(self, chapter) -> None:
        self.asking = chapter
        self.menu = Menu([
            MenuItem("Back at the checkpoint", lambda: self.campaign.resume(self.stack, chapter)),
            MenuItem("From the start", lambda: self.campaign.start(self.stack, chapter),
                     note="The checkpoint stays saved until the chapter is finished."),
            MenuItem("Back", self._unask),
        ])

    def _unask(self) -> None:
        self.asking = None
        self._list_menu()

    def _back(self) -> None:
        self.stack.services.ui.play("ui_back")
        if self.asking is not None:
            self._unask()
        else:
            self.stack.pop()

    def handle_event(self, event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self._back()
            return True
        self.menu.handle_event(event, self.stack.services.ui)
        return True

    def draw(self, surface, alpha: float) -> None:
        w, h = surface.get_size()
        surface.fill((6, 8, 14))
        heading = f"Chapter {self.asking.number}  {self.asking.title}" if self.asking else "Chapters"
        draw_text(surface, heading, (w // 2, 90), 64, anchor="center")
        self.menu.draw(surface, (w // 2, 200), size=38, spacing=78)
        draw_text(surface, self.stack.services.prompts.menu(("select", "play"), ("back", "back")), (w // 2, h - 30), 22, DIM, anchor="center")
