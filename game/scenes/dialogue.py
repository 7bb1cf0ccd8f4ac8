"""A conversation over whatever is below it: portrait, speaker, subtitles, choices.

Text appears a few characters a tick; Enter, Space, E or a click shows the whole
line, the next press moves on; Up/Down pick a choice; Esc skips the rest. The
level below is frozen (only the top scene updates) but stays visible.
"""

from __future__ import annotations

import pygame

from ..errors import AssetError
from ..input import prompts
from ..render.hud import DIM, TEXT, draw_panel, draw_text
from ..story.dialogue import Conversation, wrap
from .menu import HIGHLIGHT
from .stack import Scene

PANEL_HEIGHT = 210
SPEAKER_COLOURS = {"Jesse": (232, 120, 110), "Kim": (236, 214, 150), "Marco": (240, 240, 240),
                   "Memory": (170, 190, 230), "Radio": (150, 200, 160)}
ADVANCE_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE, pygame.K_e)


class DialogueScene(Scene):
    opaque = False

    def __init__(self, lines, assets, on_done=None, text_scale: float = 1.0):
        self.conversation = Conversation(lines)
        self.assets = assets
        self.on_done = on_done
        self.text_size = round(32 * text_scale)
        self._portraits: dict[str, pygame.Surface | None] = {}

    def _finish(self) -> None:
        self.stack.pop()
        if self.on_done:
            self.on_done()

    def handle_event(self, event) -> bool:
        talk = self.conversation
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                talk.skip_all()
            elif event.key in (pygame.K_UP, pygame.K_w):
                talk.move_choice(-1)
            elif event.key in (pygame.K_DOWN, pygame.K_s):
                talk.move_choice(1)
            elif event.key in ADVANCE_KEYS:
                talk.press()
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            talk.press()
        elif event.type not in (pygame.KEYUP, pygame.MOUSEBUTTONUP):
            return False
        if talk.finished:
            self._finish()
        return True

    def update(self, dt: float) -> None:
        self.conversation.tick()

    def portrait(self, speaker: str) -> pygame.Surface | None:
        if speaker not in self._portraits:
            try:
                self._portraits[speaker] = self.assets.image(f"portraits/{speaker.lower()}.png")
            except AssetError:
                self._portraits[speaker] = None  # memories, radio: no face
        return self._portraits[speaker]

    def draw(self, surface, alpha: float) -> None:
        talk = self.conversation
        line = talk.line
        if line is None:
            return
        w, h = surface.get_size()
        panel = pygame.Rect(0, h - PANEL_HEIGHT, w, PANEL_HEIGHT)
        draw_panel(surface, panel, (6, 8, 14, 215))
        pygame.draw.line(surface, (70, 80, 100), panel.topleft, panel.topright, 2)
        x = panel.left + 40
        face = self.portrait(line.speaker)
        if face is not None:
            rect = face.get_rect(topleft=(x, panel.top + 40))
            surface.blit(face, rect)
            pygame.draw.rect(surface, (70, 80, 100), rect, 2)
            x = rect.right + 32
        colour = SPEAKER_COLOURS.get(line.speaker, TEXT)
        draw_text(surface, line.speaker, (x, panel.top + 28), 28, colour)
        y = panel.top + 64
        for sub in wrap(talk.visible_text()):
            draw_text(surface, sub, (x, y), self.text_size)
            y += self.text_size + 6
        if talk.choosing:
            cy = panel.top + 64
            for i, choice in enumerate(line.choices):
                selected = i == talk.choice_index
                label = f"› {choice.text}" if selected else f"  {choice.text}"
                draw_text(surface, label, (w - 60, cy), 30, HIGHLIGHT if selected else DIM, anchor="topright")
                cy += 40
        elif talk.fully_shown:
            draw_text(surface, self.stack.services.prompts.menu(("select", "›")), (w - 40, h - 24), 22, DIM, anchor="bottomright")
        draw_text(surface, self.stack.services.prompts.menu(("skip", "skip")), (w - 40, panel.top + 12), 20, (90, 100, 120), anchor="topright")
