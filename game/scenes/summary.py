"""After a chapter: how it went. Time, times spotted, alerts, distractions, and the Ghost mark."""

from __future__ import annotations

import pygame

from ..input import prompts
from ..render.hud import DIM, TEXT, draw_text
from .menu import HIGHLIGHT
from .stack import Scene

GHOST = (170, 220, 255)


def clock(seconds: float) -> str:
    minutes, secs = divmod(int(round(seconds)), 60)
    return f"{minutes}:{secs:02d}"


class SummaryScene(Scene):
    def __init__(self, chapter, record, best, on_done, notices=()):
        self.chapter = chapter
        self.record = record  # this run (a ChapterRecord)
        self.best = best  # the best run on record, after this one
        self.on_done = on_done
        self.notices = list(notices)
        self.ticks = 0

    def handle_event(self, event) -> bool:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE,
                                                          pygame.K_e, pygame.K_ESCAPE):
            if self.ticks > 30:
                self.on_done()
            return True
        return event.type == pygame.KEYDOWN

    def update(self, dt: float) -> None:
        self.ticks += 1

    def draw(self, surface, alpha: float) -> None:
        w, h = surface.get_size()
        surface.fill((6, 8, 12))
        r = self.record
        draw_text(surface, f"Chapter {self.chapter.number}  {self.chapter.title}", (w // 2, 110), 56, anchor="center")
        draw_text(surface, "Complete", (w // 2, 160), 30, DIM, anchor="center")
        rows = [("Time", clock(r.best_time or 0.0)), ("Times spotted", str(r.spotted)),
                ("Alerts raised", str(r.alerts)), ("Distractions used", str(r.distractions))]
        y = 240
        for label, value in rows:
            draw_text(surface, label, (w // 2 - 20, y), 34, DIM, anchor="topright")
            draw_text(surface, value, (w // 2 + 20, y), 34, TEXT)
            y += 52
        if r.ghost:
            draw_text(surface, "GHOST", (w // 2, y + 30), 64, GHOST, anchor="center")
            draw_text(surface, "Never seen.", (w // 2, y + 76), 26, DIM, anchor="center")
        elif self.best is not None and self.best.best_time:
            draw_text(surface, f"Best time {clock(self.best.best_time)}", (w // 2, y + 30), 26, DIM, anchor="center")
        for i, note in enumerate(self.notices):
            draw_text(surface, note, (w // 2, h - 90 + i * 24), 22, (230, 190, 120), anchor="center")
        if self.ticks > 30:
            draw_text(surface, self.stack.services.prompts.menu(("select", "continue")), (w // 2, h - 40), 26, HIGHLIGHT, anchor="center")
