"""A designer's live reload (`--watch`): notice that a map, its tilesets or their images changed
on disk, and load the new map with its view, or say why it cannot be used.

The level scene asks every `WATCH_TICKS` and applies a new map itself (Jesse stays where he
stood if he still can); a broken save leaves the last good map playing, with the reason on screen.
"""

from __future__ import annotations

from ..errors import DataError
from ..render.level_view import LevelView
from ..world.level import load_level

WATCH_TICKS = 30  # look at the files twice a second


def _stamp(level) -> tuple:
    files = [level.path] + [ts.source for ts in level.tilesets] + [ts.image for ts in level.tilesets]
    stamp = []
    for f in files:
        try:
            info = f.stat()
            stamp.append((str(f), info.st_mtime_ns, info.st_size))
        except OSError:
            stamp.append((str(f), None, None))
    return tuple(stamp)


class MapWatcher:
    def __init__(self, level):
        self.path = level.path
        self._stamp = _stamp(level)

    def reload(self, level, assets):
        """(level, view) when the files changed and the new map loads; (None, reason) when they
        changed and it does not; (None, None) when nothing changed."""
        stamp = _stamp(level)
        if stamp == self._stamp:
            return None, None
        self._stamp = stamp
        try:
            new = load_level(self.path)
            return new, LevelView(new, assets)
        except DataError as exc:
            return None, exc.line()
        except Exception as exc:  # a designer's half-saved file must never end the session
            return None, f"{self.path}: cannot use it ({type(exc).__name__}: {str(exc)[:100]})"
