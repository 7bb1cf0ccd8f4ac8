"""Is there a screen to open the window on? Asked before pygame starts.

On Linux and the other X11/Wayland systems, with neither DISPLAY nor WAYLAND_DISPLAY set,
SDL quietly falls back to an offscreen driver and the game runs where nobody can see it,
forever. So the game says so in one line and stops, unless the user chose a video driver
(SDL_VIDEODRIVER=dummy for headless runs, kmsdrm for a console, ...): then it is theirs.
Windows and macOS always have their own display.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

NO_DISPLAY = "No display: run it on a desktop, or set SDL_VIDEODRIVER=dummy for headless use"
OWN_DISPLAY = ("win32", "cygwin", "darwin", "emscripten", "ios", "android")


def no_display(env: Mapping[str, str] = os.environ, platform: str = sys.platform) -> str | None:
    """The line to print when there is nowhere to show the window; None when there is."""
    if platform in OWN_DISPLAY or env.get("SDL_VIDEODRIVER"):
        return None
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return NO_DISPLAY
