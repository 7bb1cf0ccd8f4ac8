"""The command line, for every entry point: one-line errors and checked values.

`Parser` is an `argparse.ArgumentParser` whose errors are one line on stderr,
`PROG: --option: problem (got value)`, and exit status 2 (`EXIT_BAD_INPUT`), never the usage
block: a player or designer sees what to change, and a script sees a status to act on. `--help`
still prints the whole usage.

The `type=` helpers refuse what would hang or make no sense before anything starts: a number of
seconds that is NaN, infinite, negative or longer than a day of game time; a count outside its
range; a seed beyond 64 bits; an output file whose folder is missing, read-only, or that is
itself a folder (checked by creating and removing a probe file there, which also catches a
read-only disk and works the same for root).
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import tempfile
from pathlib import Path

from .errors import EXIT_BAD_INPUT
from .story.jsonfile import os_reason

DAY_SECONDS = 24 * 60 * 60  # the most game time any run may ask for
SEED_MIN, SEED_MAX = -2**63, 2**63 - 1  # a seed must fit in 64 bits (as a saved checkpoint's does)
QUOTED = 40  # characters of a bad value echoed back
PATH_QUOTED = 200  # ...and of a path
LINE = 300  # characters of an error line at most (a megabyte argument is not echoed whole)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose `error()` prints one line and exits 2."""

    def error(self, message: str):
        if message.startswith("argument "):  # "argument --seconds: ..." -> "--seconds: ..."
            message = message[len("argument "):]
        line = f"{self.prog}: {message}".replace("\r", " ").replace("\n", " ")
        if len(line) > LINE:
            line = line[:LINE - 1] + "…"
        print(line, file=sys.stderr)
        sys.exit(EXIT_BAD_INPUT)


def shown(text: str, limit: int = QUOTED) -> str:
    """A value as echoed in an error: quoted only when it is not a plain word, and cut short."""
    text = text if len(text) <= limit else text[:limit] + "…"
    return text if text and all(c.isprintable() and not c.isspace() for c in text) else repr(text)


def seconds(limit: float = DAY_SECONDS):
    """A `type=` for a finite number of seconds, more than 0 and at most `limit`."""
    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not (math.isfinite(value) and 0 < value <= limit):
            raise argparse.ArgumentTypeError(f"must be a finite number of seconds > 0 and at most {limit:g} "
                                             f"(got {shown(text)})")
        return value

    return parse


def whole(low: int, high: int, what: str = "a whole number"):
    """A `type=` for an integer from `low` to `high`."""
    return _integer(low, high, f"must be {what} from {low} to {high}")


def _integer(low: int, high: int, rule: str):
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = None
        if value is None or not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{rule} (got {shown(text)})")
        return value

    return parse


seed = _integer(SEED_MIN, SEED_MAX, "must be a whole number that fits in 64 bits")
seed.__doc__ = "A `type=` for a seed: any integer that fits in 64 bits."
seed.__name__ = "seed"


def number(low: float, high: float):
    """A `type=` for a finite number from `low` to `high`."""
    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not (math.isfinite(value) and low <= value <= high):
            raise argparse.ArgumentTypeError(f"must be a number from {low:g} to {high:g} (got {shown(text)})")
        return value

    return parse


def output_file(text: str) -> Path:
    """A `type=` for a file to write at the end of a session: refused now, not after the play."""
    problem = unwritable(Path(text))
    if problem:
        raise argparse.ArgumentTypeError(f"{shown(text, PATH_QUOTED)}: {problem}")
    return Path(text)


def unwritable(path: Path) -> str | None:
    """Why `path` cannot be written as a new or replaced file, or None if it can."""
    try:
        return _unwritable(path)
    except (OSError, ValueError) as exc:  # a name too long, a loop of links, a NUL byte
        return f"cannot be used ({os_reason(exc) if isinstance(exc, OSError) else exc})"


def _unwritable(path: Path) -> str | None:
    if not str(path) or str(path) == ".":
        return "needs a file name"
    if path.is_dir():
        return "is a folder, not a file"
    if path.exists() and not os.access(path, os.W_OK):
        return "is read-only"
    folder = path.parent
    name = shown(str(folder), PATH_QUOTED)
    if not folder.exists():
        return f"the folder {name} does not exist"
    if not folder.is_dir():
        return f"{name} is not a folder"
    try:
        fd, probe = tempfile.mkstemp(dir=folder, prefix=".redemption-probe-")
    except OSError as exc:
        return f"cannot write into the folder {name} ({os_reason(exc)})"
    os.close(fd)
    try:
        os.unlink(probe)
    except OSError:
        pass
    return None
