"""Interface sounds: a menu's move, select and back.

Menus are made all over the scenes and never hold the mixer; the App hands it here once
(`use`), and a menu just calls `play("ui_move")`. With no mixer given (tests, tools) or a
silent one, nothing plays.
"""

from __future__ import annotations

SOUNDS = ("ui_move", "ui_select", "ui_back")
_state = {"mixer": None}


def use(mixer) -> None:
    _state["mixer"] = mixer


def play(name: str) -> None:
    """One of ui_move, ui_select, ui_back, on the effects volume."""
    mixer = _state["mixer"]
    if mixer is not None:
        mixer.play(name, group="effects")
