"""A designer's live reload (`--watch`): notice that a map, its tilesets or their images changed
on disk, and load the new map with its view, or say why it cannot be used; and prove every save.

The level scene asks every `WATCH_TICKS` and applies a new map itself (Jesse stays where he
stood if he still can); a broken save leaves the last good map playing, with the reason on screen.
`DesignCompanion` re-lints and re-proves each save in a background process
(`design/background.py`) and keeps the answer for the screen: PROVEN, or NOT PROVEN and why; G
shows the proven route as a ghost path, H the guards' vision heatmap over the level.
"""

from __future__ import annotations

import pygame

from ..design.background import BackgroundProver, Proof
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


ROUTE_KEY, HEAT_KEY = pygame.K_g, pygame.K_h


class DesignCompanion:
    """The prover's side of `--watch`: one proof per version of the map, never waiting for it."""

    def __init__(self, path, seed: int = 0, prover: BackgroundProver | None = None):
        self.path, self.seed = path, seed
        self.prover = prover or BackgroundProver()
        self.proof: Proof | None = None  # the answer for the map on disk (None while it is being worked out)
        self.show_route = self.show_heat = False
        self.saved()

    def saved(self) -> None:
        """The map changed on disk (or the session began): prove it again, from its new version."""
        self.proof = None
        self.prover.start(self.path, self.seed)

    def tick(self) -> None:
        result = self.prover.poll()
        if result is not None:
            self.proof = result

    @property
    def waiting_seconds(self) -> float:
        import time

        started = self.prover.started_at
        return 0.0 if started is None or self.proof is not None else time.monotonic() - started

    def handle_key(self, event) -> bool:
        """G and H: the ghost route and the heatmap, on and off (True when the key was one of them)."""
        if event.type != pygame.KEYDOWN or event.key not in (ROUTE_KEY, HEAT_KEY):
            return False
        if event.key == ROUTE_KEY:
            self.show_route = not self.show_route
        else:
            self.show_heat = not self.show_heat
        return True

    def stop(self) -> None:
        self.prover.stop()
