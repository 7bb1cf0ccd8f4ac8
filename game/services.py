"""What the scenes share, in one explicit object: made by the App, handed to every scene by the
scene stack (`scene.stack.services`), never found by reaching into the App.

A stack built without one (tests, tools) gets headless defaults: default settings, no mixer
(silence), no gamepad, keyboard prompts with the default keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from .audio.ui import UiSounds
from .input.prompts import Prompts
from .settings import Settings


@dataclass
class Services:
    settings: Settings = field(default_factory=Settings)  # the player's settings as they are now
    mixer: object | None = None  # the audio mixer (None: silent)
    gamepad: object | None = None  # the controller, for aiming with the right stick (None: none)
    prompts: Prompts = field(default_factory=Prompts)  # the device in use and the key bindings
    ui: UiSounds = field(default_factory=UiSounds)  # menu sounds
    open_options: Callable | None = None  # open_options(stack): push the options screen (None: not offered)
