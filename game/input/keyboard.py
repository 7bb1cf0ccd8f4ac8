"""Keyboard (and mouse) state to an `Intent`, through rebindable key bindings.

What is held is learnt from the key events the level scene is given (`feed`), not from
SDL's keyboard state: a key pressed while another screen was on top was never given to the
level, so it is not held there (the stack lets go of everything when the top scene changes),
and input posted as events (tests, the player's-eye harness) moves Jesse as real keys do.
"""

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
    "skip": ("tab",),  # ends a call during play (not part of an Intent: the level scene reads it)
    "ask_kim": ("k",),  # Kim's eyes: she plans a way to the next objective (the level scene reads it)
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
        self.held: set[int] = set()  # key codes down, as the events told us
        # Pressed since the last intent: a tap quicker than a frame (down and up in one batch of
        # events) still counts for one tick, or a quick E would never take anything.
        self.fresh: set[int] = set()

    def feed(self, event) -> None:
        """Follow a key event given to the scene that reads this keyboard."""
        if event.type == pygame.KEYDOWN:
            self.held.add(event.key)
            self.fresh.add(event.key)
        elif event.type == pygame.KEYUP:
            self.held.discard(event.key)

    def release_all(self) -> None:
        """Forget every key held: another screen took the input."""
        self.held.clear()
        self.fresh.clear()

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

    def _held(self, down: set[int], action: str) -> bool:
        return any(code in down for code in self.codes[action])

    def intent(self) -> Intent:
        """This tick's intent: the keys held, and any pressed since the last tick."""
        down = self.held | self.fresh
        self.fresh = set()
        mx = float(self._held(down, "right")) - float(self._held(down, "left"))
        my = float(self._held(down, "down")) - float(self._held(down, "up"))
        return Intent(
            (mx, my),
            sneak=self._held(down, "sneak"),
            sprint=self._held(down, "sprint"),
            interact=self._held(down, "interact"),
        ).clamped()
