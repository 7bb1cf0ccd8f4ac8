"""Keyboard (and mouse) state to an `Intent`, through rebindable key bindings."""

from __future__ import annotations

import pygame

from ..world.intent import Intent

DEFAULT_BINDINGS: dict[str, tuple[str, ...]] = {
    "up": ("w", "up"),
    "down": ("s", "down"),
    "left": ("a", "left"),
    "right": ("d", "right"),
    "sprint": ("left shift", "right shift"),
    "sneak": ("left ctrl", "right ctrl", "c"),
    "interact": ("e",),
    "throw": ("q",),
}


class Keyboard:
    def __init__(self, bindings: dict[str, tuple[str, ...]] | None = None):
        names = bindings or DEFAULT_BINDINGS
        self.codes = {action: tuple(pygame.key.key_code(k) for k in keys) for action, keys in names.items()}

    def _held(self, pressed, action: str) -> bool:
        return any(pressed[code] for code in self.codes[action])

    def intent(self) -> Intent:
        pressed = pygame.key.get_pressed()
        mx = float(self._held(pressed, "right")) - float(self._held(pressed, "left"))
        my = float(self._held(pressed, "down")) - float(self._held(pressed, "up"))
        return Intent(
            (mx, my),
            sneak=self._held(pressed, "sneak"),
            sprint=self._held(pressed, "sprint"),
            interact=self._held(pressed, "interact"),
        ).clamped()
