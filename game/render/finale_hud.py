"""The finale's HUD: the tape (an eavesdrop meter and what it has caught) and the sirens' countdown."""

from __future__ import annotations

import pygame

from ..story.dialogue import dialogue_exists, load_dialogue, wrap
from .assets import Assets
from .hud import DIM, draw_panel, draw_text

REC = (235, 70, 60)
TAPE = (220, 200, 160)
SUBTITLE_BOTTOM = 92  # px from the bottom: clear of the first-time hint and the control line


class FinaleHud:
    def __init__(self, world, text_scale: float = 1.0):
        self.scale = text_scale
        self.text_size = round(28 * text_scale)  # the player's subtitle size, as in conversations
        self.lines = {}  # (Marco's id, alerted) -> his lines: what he says knowing someone is in his walls differs
        for confession in world.confessions:
            dialogue = confession.obj.props["dialogue"]
            calm = load_dialogue(dialogue) if dialogue else ()
            self.lines[confession.obj.id, False] = calm
            alerted = f"{dialogue}_alerted"
            self.lines[confession.obj.id, True] = load_dialogue(alerted) if dialogue and dialogue_exists(alerted) else calm

    def draw(self, surface: pygame.Surface, world) -> None:
        w, h = surface.get_size()
        for confession in world.confessions:
            if confession.progress <= 0.0 and not confession.talking:
                continue
            self._tape(surface, world, confession, w, h)
        if world.countdown is not None:
            seconds = max(0, world.countdown) / 60
            urgent = seconds < 15 and world.tick % 30 < 15
            label = f"SIRENS  {int(seconds) // 60}:{int(seconds) % 60:02d}"
            draw_text(surface, label, (w // 2, 44), 44, (255, 90, 80) if urgent else (255, 200, 190), anchor="midtop")

    def _tape(self, surface, world, confession, w, h) -> None:
        box = pygame.Rect(w - 300, 46, 284, 64)
        draw_panel(surface, box, (12, 8, 8, 200))
        done = confession.progress >= 1.0
        if done:
            status, colour = "Confession on tape", TAPE
        elif confession.advancing:
            status, colour = "REC  recording", REC
        elif confession.talking:
            status, colour = "paused: get closer, stay unseen", DIM
        else:
            status, colour = "Marco is silent", DIM
        if confession.advancing and world.tick % 40 < 26:
            pygame.draw.circle(surface, REC, (box.left + 16, box.top + 18), 6)
        draw_text(surface, status, (box.left + 30, box.top + 8), 22, colour)
        bar = pygame.Rect(box.left + 12, box.top + 38, box.width - 24, 14)
        pygame.draw.rect(surface, (50, 40, 40), bar)
        fill = bar.copy()
        fill.width = round(bar.width * confession.progress)
        pygame.draw.rect(surface, TAPE if done else REC, fill)
        pygame.draw.rect(surface, (120, 100, 100), bar, 1)
        # What the tape has caught so far: the line being spoken, as a subtitle.
        lines = self.lines.get((confession.obj.id, confession.alerted), ())
        if lines and confession.talking and not done:
            line = lines[min(len(lines) - 1, int(confession.progress * len(lines)))]
            subs = wrap(line.text)
            step = self.text_size + 4
            # Bottom-up, above the hint line and the control line, on a panel that reads over any floor.
            y = h - SUBTITLE_BOTTOM - step * len(subs)
            width = max(Assets.font(self.text_size).size(s)[0] for s in subs) + 40
            draw_panel(surface, pygame.Rect(w // 2 - width // 2, y - 34, width, step * len(subs) + 42), (6, 6, 10, 150))
            draw_text(surface, "Marco (on tape)", (w // 2, y - 28), 22, (200, 200, 200), anchor="midtop")
            for sub in subs:
                draw_text(surface, sub, (w // 2, y), self.text_size, TAPE if confession.advancing else DIM, anchor="midtop")
                y += step
