"""Where the player's own files (save, settings) live; kept apart from the game's files.

`$REDEMPTION_HOME` wins so tests and portable installs (a USB stick) can point anywhere;
otherwise the XDG data folder. Nothing is created on import: a game that cannot write its
folder should still start, so `ensure_dir` reports a notice instead of raising.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from .story.jsonfile import os_reason

APP_NAME = "redemption"


def data_dir(env: Mapping[str, str] = os.environ) -> Path:
    home = env.get("REDEMPTION_HOME")
    if home:
        return Path(home).expanduser()
    xdg = env.get("XDG_DATA_HOME")
    if xdg and Path(xdg).is_absolute():  # the XDG spec says to ignore a relative path
        return Path(xdg) / APP_NAME
    user_home = Path(env["HOME"]) if env.get("HOME") else Path.home()
    return user_home / ".local" / "share" / APP_NAME


def ensure_dir(path: str | Path) -> str | None:
    """Create `path` (and its parents) if needed; a one-line notice if it cannot be used."""
    path = Path(path)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return f"Cannot use the folder {path} ({os_reason(exc)}); progress will not be saved."
    if not os.access(path, os.W_OK | os.X_OK):
        return f"Cannot write to the folder {path}; progress will not be saved."
    return None
