"""After a chapter: how it went. Time against par, times spotted, alerts, distractions, the
memories found, and the five marks: each as earned now (new, or again) or before, or not yet."""

from __future__ import annotations

import pygame

from ..input import prompts
from ..render.hud import DIM, TEXT, draw_text
from ..story.challenges import CHALLENGES, load_wording, par_seconds
from ..world.tuning import RunMode
from .menu import HIGHLIGHT
from .stack import Scene

GHOST = (170, 220, 255)
EARNED = (236, 214, 150)


def clock(seconds: float) -> str:
    minutes, secs = divmod(int(round(seconds)), 60)
    return f"{minutes}:{secs:02d}"


def draw_mark(surface, centre, earned: bool, before: bool, colour, size: int = 8) -> None:
    """A mark's diamond: filled when earned, an outline when earned on an earlier run, a dot
    when not yet (shape as well as colour; the bundled font has no such glyphs)."""
    x, y = centre
    points = [(x, y - size), (x + size, y), (x, y + size), (x - size, y)]
    if earned:
        pygame.draw.polygon(surface, colour, points)
    elif before:
        pygame.draw.polygon(surface, colour, points, 2)
    else:
        pygame.draw.circle(surface, colour, centre, 2)


class SummaryScene(Scene):
    def __init__(self, chapter, record, best, on_done, notices=(), before=None, mode=RunMode.STORY):
        self.chapter = chapter
        self.record = record  # this run (a ChapterRecord)
        self.best = best  # the best run on record, after this one
        self.before = before  # the record before this run (None: the first time through)
        self.mode = mode
        self.wording = load_wording()
        self.par = par_seconds(chapter.map_path)
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

    def mark_status(self, challenge) -> str:
        """"new" (earned for the first time now), "again", "before" (not this time), or ""."""
        now = challenge in self.record.challenges
        was = self.before is not None and challenge in self.before.challenges
        return ("again" if was else "new") if now else ("before" if was else "")

    def draw(self, surface, alpha: float) -> None:
        w, h = surface.get_size()
        surface.fill((6, 8, 12))
        r = self.record
        draw_text(surface, f"Chapter {self.chapter.number}  {self.chapter.title}", (w // 2, 80), 56, anchor="center")
        road = "  ·  the harder road" if self.mode == RunMode.HARDER else ""
        draw_text(surface, f"Complete{road}", (w // 2, 128), 30, DIM, anchor="center")
        time = clock(r.best_time or 0.0)
        found = f"{len(r.memories)} of {r.memories_total}" if r.memories_total else "none here"
        kept = self.best.memories if self.best is not None else r.memories
        if r.memories_total and len(kept) > len(r.memories):
            found += f"   ({len(kept)} in all)"
        rows = [("Time", time), ("Times spotted", str(r.spotted)), ("Alerts raised", str(r.alerts)),
                ("Distractions used", str(r.distractions)), ("Memories found", found),
                ("Kim's help", f"{r.kim_hints} way{'s' * (r.kim_hints != 1)} shown" if r.kim_hints else "none")]
        left = w // 2 - 120
        y = 190
        for label, value in rows:
            draw_text(surface, label, (left - 20, y), 30, DIM, anchor="topright")
            shown = draw_text(surface, value, (left + 4, y), 30, TEXT)
            if label == "Time" and self.par:
                draw_text(surface, f"par {clock(self.par)}", (shown.right + 16, y + 4), 24, DIM)
            y += 44
        if self.best is not None and self.best.best_time and self.best.best_time < (r.best_time or 0.0):
            draw_text(surface, f"Best time {clock(self.best.best_time)}", (left - 20, y + 6), 24, DIM, anchor="topright")
        # The marks, on the right: what each asks, and whether it is earned now or was before.
        x = w // 2 + 150
        draw_text(surface, "Marks", (x, 176), 30, DIM)
        y = 216
        for challenge in CHALLENGES:
            words = self.wording[challenge]
            status = self.mark_status(challenge)
            earned_now = status in ("new", "again")
            colour = (GHOST if challenge == "ghost" else EARNED) if earned_now else (TEXT if status else DIM)
            draw_mark(surface, (x + 8, y + 11), earned_now, bool(status), colour)
            draw_text(surface, words.name, (x + 26, y), 30, colour)
            shown = {"new": "NEW", "again": "again", "before": "earned before", "": ""}[status]
            if shown:
                draw_text(surface, shown, (x + 330, y + 4), 24, colour if status == "new" else DIM, anchor="topright")
            draw_text(surface, words.asks, (x + 26, y + 32), 20, DIM)
            y += 62
        for i, note in enumerate(self.notices):
            draw_text(surface, note, (w // 2, h - 90 + i * 24), 22, (230, 190, 120), anchor="center")
        if self.ticks > 30:
            draw_text(surface, self.stack.services.prompts.menu(("select", "continue")), (w // 2, h - 40), 26, HIGHLIGHT, anchor="center")
