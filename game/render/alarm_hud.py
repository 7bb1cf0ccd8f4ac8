"""The crew's alert phase on the HUD: a banner under the top bar with the phase and its timer
(ALERT, EVASION, CAUTION), so being seen has a visible cost and hiding it out a visible end."""

from __future__ import annotations

import pygame

from ..world.alarm import AlertPhase
from .hud import draw_panel, draw_text

ALARM_PALETTES = {
    "default": {AlertPhase.ALERT: (240, 70, 60), AlertPhase.EVASION: (250, 160, 60),
                AlertPhase.CAUTION: (240, 220, 110)},
    "colourblind": {AlertPhase.ALERT: (220, 60, 200), AlertPhase.EVASION: (250, 160, 60),
                    AlertPhase.CAUTION: (250, 245, 170)},
}
LABELS = {AlertPhase.ALERT: "ALERT", AlertPhase.EVASION: "EVASION", AlertPhase.CAUTION: "CAUTION"}
BAR_WIDTH = 220


class AlarmHud:
    def __init__(self, palette: str = "default"):
        self.colours = ALARM_PALETTES.get(palette, ALARM_PALETTES["default"])

    def draw(self, surface: pygame.Surface, world, top: int = 68) -> int:
        """Drawn at the left edge from `top` (under "Carrying", clear of the objective and the tape);
        returns the y under it (`top` when there is nothing to show)."""
        alarm = world.alarm
        if alarm.phase == AlertPhase.CALM or world.outcome is not None:
            return top
        colour = self.colours[alarm.phase]
        seconds = alarm.seconds_left
        box = pygame.Rect(8, top, BAR_WIDTH + 24, 50)
        draw_panel(surface, box, (10, 8, 12, 200))
        pygame.draw.rect(surface, colour, box, 2)
        label = f"{LABELS[alarm.phase]}  {int(seconds) // 60}:{int(seconds) % 60:02d}"
        draw_text(surface, label, (box.centerx, box.top + 4), 30, colour, anchor="midtop")
        bar = pygame.Rect(box.left + 12, box.bottom - 12, BAR_WIDTH, 5)
        pygame.draw.rect(surface, (50, 50, 60), bar)
        bar.width = round(BAR_WIDTH * alarm.fraction_left)
        pygame.draw.rect(surface, colour, bar)
        return box.bottom + 6
