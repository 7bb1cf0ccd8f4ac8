"""Errors about the player's or designer's files, reported as one line.

Anything that is wrong with a file we read (a map, a tileset, an image, a save)
raises `DataError`. The command-line entry points catch it, print its one-line
message to stderr and exit with status 2: a designer gets the file and the
problem, never a traceback.
"""

from __future__ import annotations

from pathlib import Path

EXIT_BAD_INPUT = 2


class DataError(Exception):
    """A problem with one file: `path: where: message`."""

    def __init__(self, path: str | Path, message: str, where: str | None = None):
        self.path = str(path)
        self.where = where
        self.message = message
        super().__init__(self.line())

    def line(self) -> str:
        parts = [self.path]
        if self.where:
            parts.append(self.where)
        parts.append(self.message)
        return ": ".join(parts).replace("\n", " ")


class MapError(DataError):
    """A map, tileset or tile image that cannot be used."""


class AssetError(DataError):
    """A sprite, font or sound file that is missing or unreadable."""
