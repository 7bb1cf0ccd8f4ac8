"""Chapters: replay any chapter the player has opened; the rest are shown locked, with why.

A chapter with a saved checkpoint asks first: back at the checkpoint, or from the start
(either way, Continue on the title keeps pointing at the furthest chapter)."""

from __future__ import annotations

import pygame

from ..input import prompts
from ..render.hud import DIM, draw_text
from ..render.assets import Assets
from ..render.hud import TEXT
from ..story.challenges import CHALLENGES, load_wording
from ..world.tuning import RunMode
from .menu import Menu, MenuItem
from .summary import EARNED, clock, draw_mark
from .stack import Scene


class ChapterSelect(Scene):
    def __init__(self, campaign):
        self.campaign = campaign
        self.wording = load_wording()

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
                note = "Done"
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

    def _draw_record(self, surface, w: int) -> None:
        """Under the list, what the chosen chapter holds on record: its marks, memories, best time."""
        index = self.menu.index
        if index >= len(self.campaign.chapters):
            return
        record = self.campaign.save.chapters.get(self.campaign.chapters[index].id)
        y = 190 + len(self.menu.items) * 72 + 10
        if record is None or not record.completed:
            draw_text(surface, "Not finished yet: five marks and its memories to find.", (w // 2, y), 24, DIM,
                      anchor="center")
            return
        font, gap, icon = Assets.font(22), 34, 16  # the five in a row, centred, evenly spaced
        names = [self.wording[c].name for c in CHALLENGES]
        x = (w - sum(icon + font.size(n)[0] for n in names) - gap * (len(names) - 1)) // 2
        for challenge, name in zip(CHALLENGES, names):
            has = challenge in record.challenges
            colour = EARNED if has else DIM
            draw_mark(surface, (x + 6, y), has, False, colour, size=7)
            x = draw_text(surface, name, (x + icon, y), 22, colour, anchor="midleft").right - 2 + gap
        memories = f"Memories {len(record.memories)} of {record.memories_total}" if record.memories_total else ""
        best = f"Best time {clock(record.best_time)}" if record.best_time else ""
        marks = f"Marks {len(record.challenges)} of {len(CHALLENGES)}"
        draw_text(surface, "   ·   ".join(t for t in (marks, memories, best) if t), (w // 2, y + 34), 24, TEXT,
                  anchor="center")

    def handle_event(self, event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self._back()
            return True
        self.menu.handle_event(event, self.stack.services.ui)
        return True

    def draw(self, surface, alpha: float) -> None:
        w, h = surface.get_size()
        surface.fill((6, 8, 14))
        heading = f"Chapter {self.asking.number}  {self.asking.title}" if self.asking else \
            ("The harder road" if self.campaign.mode == RunMode.HARDER else "Chapters")
        draw_text(surface, heading, (w // 2, 90), 64, anchor="center")
        self.menu.draw(surface, (w // 2, 190), size=38, spacing=72)
        if self.asking is None:
            self._draw_record(surface, w)
        draw_text(surface, self.stack.services.prompts.menu(("select", "play"), ("back", "back")), (w // 2, h - 30), 22, DIM, anchor="center")
