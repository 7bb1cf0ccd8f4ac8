"""What to press, said in the terms of the device the player last used.

Every on-screen prompt (the HUD's control line, the first-time hints, each menu's
footer) is built here, so a player holding a controller never reads "Press E"
and a player who rebound a key reads the key he chose. A `Prompts` holds the device in
use and the key bindings; the App makes one, records into it with `use()`, and hands it
to the scenes in their services (`stack.services.prompts`); scenes and drawing only ask.
"""

from __future__ import annotations

import pygame

from ..input.keyboard import DEFAULT_BINDINGS

KEYBOARD, GAMEPAD = "keyboard", "gamepad"

# The controller layout is fixed (see game/input/gamepad.py); these are its names.
PAD_ACTIONS = {
    "move": "Left stick",
    "sprint": "RB",
    "sneak": "B",
    "interact": "A",
    "throw": "X",
    "skip": "Y",
    "ask_kim": "LB",
    "aim": "Right stick",
    "pause": "Start",
}
# Menu verbs: the keys a menu reads, and the buttons the App turns into those keys.
MENU = {
    KEYBOARD: {"select": "Enter", "back": "Esc", "skip": "Esc", "choose": "Up/Down", "change": "Left/Right",
               "rebind": "Enter", "default": "Backspace", "pause": "Esc"},
    GAMEPAD: {"select": "A", "back": "B", "skip": "B", "choose": "D-pad", "change": "D-pad ‹ ›",
              "rebind": None, "default": None, "pause": "Start"},  # None: not done with a pad
}
# pygame's key names, as a keyboard's keycaps print them.
_KEY_NAMES = {"left shift": "Shift", "right shift": "Shift", "left ctrl": "Ctrl", "right ctrl": "Ctrl",
              "left alt": "Alt", "right alt": "Alt", "return": "Enter", "escape": "Esc", "space": "Space",
              "backspace": "Backspace", "tab": "Tab"}

def key_label(name: str, short: bool = True) -> str:
    """A pygame key name as printed on the key: "left shift" -> "Shift" ("Left Shift" when not
    `short`, where both sides must be told apart), "e" -> "E"."""
    if len(name) == 1:
        return name.upper()
    if not short and name.split()[0] in ("left", "right") and " " in name:
        side, key = name.split(" ", 1)
        return f"{side.title()} {_KEY_NAMES.get(name, key.title())}"
    return _KEY_NAMES.get(name, name.title())



class Prompts:
    """The device last used and the player's key bindings: the words of every on-screen prompt.
    One is made by the App and shared through the scenes' services."""

    def __init__(self, device: str = KEYBOARD, bindings: dict | None = None):
        self.device = device
        self.bindings: dict = dict(bindings or {})

    def use(self, device: str | None = None, bindings: dict | None = None) -> None:
        """Record the device last used and/or the player's saved key bindings."""
        if device is not None:
            self.device = device
        if bindings is not None:
            self.bindings = dict(bindings)

    def _labels(self, action: str) -> list[str]:
        """The labels of the keys bound to a play action, left and right variants said once. A name
        pygame does not know falls back to the defaults, exactly as the keyboard itself does."""
        names = self.bindings.get(action) or DEFAULT_BINDINGS[action]
        try:
            for name in names:
                pygame.key.key_code(name)
        except ValueError:
            names = DEFAULT_BINDINGS[action]
        return list(dict.fromkeys(key_label(n) for n in names))


    def keys_for(self, action: str) -> str:
        """The keys bound to a play action, e.g. "Ctrl/C"."""
        return "/".join(self._labels(action))


    def _move_keys(self) -> str:
        keys = [self._labels(a)[0] for a in ("up", "left", "down", "right")]
        if keys == ["Up", "Left", "Down", "Right"]:
            return "Arrows"
        return "".join(keys) if all(len(k) == 1 for k in keys) else "/".join(keys)


    def control(self, action: str) -> str:
        """The control for a play action on the device in use ("E" or "A"; "WASD" or "Left stick")."""
        if self.device == GAMEPAD:
            return PAD_ACTIONS[action]
        if action == "move":
            return self._move_keys()
        if action == "throw":
            return "Click/" + self.keys_for("throw")
        if action == "aim":
            return "Mouse"
        if action == "pause":
            return "Esc"
        return self.keys_for(action)


    def play_line(self) -> str:
        """The HUD's control line."""
        parts = [("move", "move"), ("sprint", "sprint"), ("sneak", "sneak"), ("interact", "interact"),
                 ("throw", "throw"), ("pause", "pause")]
        return "   ".join(f"{self.control(action)} {verb}" for action, verb in parts)


    def menu(self, *pairs: tuple[str, str]) -> str:
        """A menu footer from (verb, what it does) pairs: menu(("select", "play"), ("back", "back"))."""
        names = MENU[self.device]
        return "      ".join(f"{names[verb]}  {label}" for verb, label in pairs if names[verb])


    def fill(self, text: str) -> str:
        """A text with {action} placeholders filled with the controls of the device in use."""
        return text.format_map({a: self.control(a) for a in PAD_ACTIONS})
