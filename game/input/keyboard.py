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
# Mouse buttons per action (1 = left). Throwing aims at the mouse either way.
DEFAULT_MOUSE_BINDINGS: dict[str, tuple[int, ...]] = {
    "throw": (1,),
}


class Keyboard:
    def __init__(self, bindings: dict[str, tuple[str, ...]] | None = None,
                 mouse_bindings: dict[str, tuple[int, ...]] | None = None):
        self.rebind(bindings)
        self.buttons = dict(mouse_bindings or DEFAULT_MOUSE_BINDINGS)

    def rebind(self, bindings: dict[str, tuple[str, ...]] | None) -> None:
        """Saved bindings override the defaults action by action; a key name pygame does not know
        falls back to the default for that action."""
        self.codes = {}
        for action, default in DEFAULT_BINDINGS.items():
            keys = (bindings or {}).get(action) or default
            try:
                self.codes[action] = tuple(pygame.key.key_code(k) for k in keys)
            except ValueError:
                self.codes[action] = tuple(pygame.key.key_code(k) for k in default)

    def pressed(self, event, action: str) -> bool:
        """The event is a press (key down or mouse button down) bound to the action.

        One-shot actions such as throwing are taken from these events, not from held state,
        so one press gives exactly one throw."""
        if event.type == pygame.KEYDOWN:
            return event.key in self.codes.get(action, ())
        if event.type == pygame.MOUSEBUTTONDOWN:
            return event.button in self.buttons.get(action, ())
        return False

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
