"""Rebinding keys: pick an action, press the key you want for it; saved with the settings.

Each action keeps up to two keys. Esc while waiting for a key cancels; Backspace
on a row restores that action's defaults. A key already used by another action
is moved, so no key does two things.
"""

from __future__ import annotations

from dataclasses import replace

import pygame

from ..input.keyboard import DEFAULT_BINDINGS
from ..input import prompts
from ..render.hud import DIM, TEXT, draw_text
from .menu import HIGHLIGHT
from .stack import Scene

LABELS = {"up": "Move up", "down": "Move down", "left": "Move left", "right": "Move right", "sprint": "Sprint",
          "sneak": "Sneak", "interact": "Interact", "throw": "Throw (aims at the mouse)",
          "skip": "Skip a call", "ask_kim": "Ask Kim for a way"}
PAD_ROWS = {"up": "move", "down": "move", "left": "move", "right": "move"}  # the stick does all four


class ControlsScene(Scene):
    def __init__(self, settings, apply):
        self.settings = settings
        self.apply = apply  # callable(new Settings): saves, and rebuilds the keyboard
        self.actions = list(DEFAULT_BINDINGS)
        self.index = 0
        self.waiting = False

    def bindings(self) -> dict[str, list[str]]:
        return {a: list(self.settings.bindings.get(a) or DEFAULT_BINDINGS[a]) for a in self.actions}

    def handle_event(self, event) -> bool:
        if event.type != pygame.KEYDOWN:
            return False
        if getattr(event, "from_pad", False) and event.key not in (pygame.K_ESCAPE, pygame.K_UP, pygame.K_DOWN):
            return True  # a controller browses this screen and backs out; only a key can be bound to a key
        if self.waiting:
            self.waiting = False
            if event.key != pygame.K_ESCAPE:
                self._bind(self.actions[self.index], pygame.key.name(event.key))
            return True
        if event.key == pygame.K_ESCAPE:
            self.stack.services.ui.play("ui_back")
            self.stack.pop()
        elif event.key in (pygame.K_UP, pygame.K_w):
            self.stack.services.ui.play("ui_move")
            self.index = (self.index - 1) % len(self.actions)
        elif event.key in (pygame.K_DOWN, pygame.K_s):
            self.stack.services.ui.play("ui_move")
            self.index = (self.index + 1) % len(self.actions)
        elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_e):
            self.waiting = True
        elif event.key == pygame.K_BACKSPACE:
            bindings = self.bindings()
            bindings[self.actions[self.index]] = list(DEFAULT_BINDINGS[self.actions[self.index]])
            self._save(bindings)
        return True

    def _bind(self, action: str, key: str) -> None:
        bindings = self.bindings()
        for other, keys in bindings.items():
            if other != action and key in keys:
                keys.remove(key)
        bindings[action] = [key] + [k for k in bindings[action] if k != key][:1]
        self._save(bindings)

    def _save(self, bindings: dict[str, list[str]]) -> None:
        self.settings = replace(self.settings, bindings={a: k for a, k in bindings.items() if k})
        self.apply(self.settings)

    def draw(self, surface, alpha: float) -> None:
        w, h = surface.get_size()
        surface.fill((6, 8, 14))
        draw_text(surface, "Controls", (w // 2, 70), 64, anchor="center")
        bindings = self.bindings()
        keys_x, pad_x = w // 2 - 90, w // 2 + 260
        draw_text(surface, "Keyboard", (keys_x, 130), 24, DIM)
        draw_text(surface, "Gamepad (fixed)", (pad_x, 130), 24, DIM)
        y = 170
        for i, action in enumerate(self.actions):
            selected = i == self.index
            colour = HIGHLIGHT if selected else TEXT
            draw_text(surface, LABELS.get(action, action), (keys_x - 40, y), 32, colour, anchor="topright")
            names = [prompts.key_label(k, short=False) for k in bindings[action]]
            keys = "press a key..." if selected and self.waiting else "  /  ".join(names) or "none"
            draw_text(surface, keys, (keys_x, y), 32, colour)
            draw_text(surface, prompts.PAD_ACTIONS.get(PAD_ROWS.get(action, action), ""), (pad_x, y), 28, DIM)
            y += 50
        draw_text(surface, self.stack.services.prompts.menu(("rebind", "change"), ("default", "default"), ("back", "back")),
                  (w // 2, h - 30), 22, DIM, anchor="center")
