"""Interface sounds: a menu's move, select and back.

The App makes one `UiSounds` with its mixer and hands it to the scenes in their services
(`stack.services.ui`); a scene or its menu just calls `play("ui_move")`. With no mixer (tests,
tools) or a silent one, nothing plays.
"""

from __future__ import annotations

SOUNDS = ("ui_move", "ui_select", "ui_back")


class UiSounds:
    def __init__(self, mixer=None):
        self.mixer = mixer

    def play(self, name: str) -> None:
        """One of ui_move, ui_select, ui_back, on the effects volume."""
        if self.mixer is not None:
            self.mixer.play(name, group="effects")
