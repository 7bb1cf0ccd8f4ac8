"""A scenario file read as a TOML document within bounds, and where its parts are in the text.

`tomllib` gives values, not positions, so the line of a key (`map = ...`) and of each entry of a
script or expectation list is found again in the text: the key's line by its name at the start of
a line, each entry by its words, searched in order from the key's line on (an entry that cannot be
found, say one written with escapes, is given its key's line).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..bounded import Unreadable, read_bytes
from ..errors import DataError

MAX_BYTES = 256 * 1024  # a scenario is a page of text; this is a hundred of them


class ScenarioError(DataError):
    """A scenario file that cannot be used: `file: line N: problem`."""

    def __init__(self, path: str | Path, message: str, line: int | None = None):
        super().__init__(path, message, f"line {line}" if line else None)
        self.lineno = line


@dataclass(frozen=True)
class Source:
    path: Path
    lines: tuple[str, ...]

    def error(self, message: str, line: int | None = None) -> ScenarioError:
        return ScenarioError(self.path, message, line)

    def key_line(self, key: str) -> int | None:
        """The line `key = ...` (or a table `[key]`) is on (1-based), or None."""
        name = rf"""(?:{re.escape(key)}|"{re.escape(key)}"|'{re.escape(key)}')"""
        pattern = re.compile(rf"^\s*(?:{name}\s*=|\[\[?\s*{name}\s*\]\]?)")
        return next((n for n, text in enumerate(self.lines, 1) if pattern.match(text)), None)

    def entry_lines(self, key: str, entries: list[str]) -> list[int | None]:
        """For each entry of the text or list under `key`, in order, the line it is written on."""
        text = "\n".join(self.lines)
        start = self.key_line(key)
        at = sum(len(line) + 1 for line in self.lines[:start - 1]) if start else 0
        found = []
        for entry in entries:
            words = entry.strip()
            where = text.find(words, at) if words else -1
            if where < 0:
                found.append(start)
            else:
                found.append(text.count("\n", 0, where) + 1)
                at = where + len(words)
        return found


def read_document(path: Path) -> tuple[Source, dict]:
    """The file's text and its TOML table; ScenarioError for anything that is not a TOML document."""
    try:
        raw = read_bytes(path, MAX_BYTES)
    except Unreadable as exc:
        raise ScenarioError(path, f"cannot read the scenario ({exc})") from None
    if b"\0" in raw:
        raise ScenarioError(path, "not a scenario (binary data, not TOML text)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ScenarioError(path, "not a scenario (not UTF-8 text)") from None
    source = Source(path, tuple(text.splitlines()))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = re.search(r"\(at line (\d+), column \d+\)$", message)
        reason = message[:found.start()].strip() if found else message
        raise source.error(f"not valid TOML ({reason})", int(found.group(1)) if found else None) from None
    except RecursionError:
        raise source.error("not valid TOML (nested too deeply)") from None
    except ValueError as exc:  # an integer with thousands of digits
        raise source.error(f"not valid TOML ({str(exc)[:80]})") from None
    return source, data
