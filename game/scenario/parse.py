"""A scenario file turned into a `Scenario`, every part checked before anything runs.

    map = "../maps/ai_distract.tmx"     # the map, relative to this file
    seed = 0                            # the world's seed (default 0)
    difficulty = "normal"               # easy, normal or hard (default normal)
    seconds = 40                        # how long the run lasts at most (default 60, at most 600)
    description = "..."                 # what it shows, for the reader (optional)
    script = '''
    wait 2.5 s
    throw at "behind_him"
    '''
    expect = '''
    guard "walker" becomes suspicious because heard_throw before 4 s
    not caught
    '''

`script` and `expect` are text, one step or expectation a line (`#` starts a comment), or lists
of such lines. Anything wrong is a `ScenarioError`: the file, the line and the problem.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from ..errors import MapError
from ..world.level import Level, load_level
from ..world.tuning import DIFFICULTY
from . import SUFFIX
from .expect import Expectation, parse_expectation
from .places import Places
from .source import Source, read_document
from .steps import Step, check_script, parse_step
from .words import MAX_SECONDS, Words

MAX_STEPS = 2000
MAX_EXPECTATIONS = 500
SEED_LIMIT = 2**63  # a seed fits in 64 bits
KEYS = ("map", "seed", "difficulty", "seconds", "description", "script", "expect")
TOML_TYPES = {str: "text", int: "a whole number", float: "a number", bool: "true or false", list: "a list",
              dict: "a table"}


@dataclass(frozen=True)
class Scenario:
    path: Path
    name: str
    map_path: Path
    level: Level
    places: Places
    seed: int
    difficulty: str
    seconds: float
    steps: tuple[Step, ...]
    expectations: tuple[Expectation, ...]
    description: str = ""


def scenario_name(path: Path) -> str:
    name = path.name
    return name[:-len(SUFFIX)] if name.endswith(SUFFIX) else path.stem


def _kind(value) -> str:
    return next((words for t, words in TOML_TYPES.items() if type(value) is t), type(value).__name__)


def _value(source: Source, data: dict, key: str, types: tuple[type, ...], wanted: str, default=None):
    if key not in data:
        return default
    value = data[key]
    if type(value) not in types:
        raise source.error(f"{key} should be {wanted}, not {_kind(value)}", source.key_line(key))
    return value


def load_scenario(path: str | Path) -> Scenario:
    """The scenario at `path`, checked; ScenarioError naming the file and line of the first problem."""
    path = Path(path)
    source, data = read_document(path)
    unknown = [k for k in data if k not in KEYS]
    if unknown:
        key = unknown[0]
        raise source.error(f"unknown key {key[:40]!r} (a scenario has: {', '.join(KEYS)})", source.key_line(key))
    map_text = _value(source, data, "map", (str,), "the map's file name, in quotes")
    if map_text is None:
        raise source.error('no map: say which, e.g. map = "../maps/ai_open.tmx"')
    level = _level(source, path, map_text)
    seed = _value(source, data, "seed", (int,), "a whole number", 0)
    if not -SEED_LIMIT <= seed < SEED_LIMIT:
        raise source.error("seed should be a whole number that fits in 64 bits", source.key_line("seed"))
    difficulty = _value(source, data, "difficulty", (str,), f"one of {', '.join(DIFFICULTY)}", "normal")
    if difficulty not in DIFFICULTY:
        raise source.error(f"difficulty should be one of {', '.join(DIFFICULTY)} (got {difficulty[:40]!r})",
                           source.key_line("difficulty"))
    seconds = _value(source, data, "seconds", (int, float), "a number of seconds", 60)
    if not (math.isfinite(seconds) and 0 < seconds <= MAX_SECONDS):
        raise source.error(f"seconds should be more than 0 and at most {MAX_SECONDS:g} (got {seconds})",
                           source.key_line("seconds"))
    description = _value(source, data, "description", (str,), "text", "")
    places = Places(level)
    steps = [parse_step(words, places) for words in _lines(source, data, "script", MAX_STEPS)]
    check_script(steps, source)
    expectations = [parse_expectation(words, places, float(seconds)) for words in _lines(source, data, "expect",
                                                                                          MAX_EXPECTATIONS)]
    if not expectations:
        raise source.error("nothing is expected: a scenario needs at least one expectation (expect = ...)",
                           source.key_line("expect"))
    return Scenario(path, scenario_name(path), level.path, level, places, seed, difficulty, float(seconds),
                    tuple(steps), tuple(expectations), description)


def _level(source: Source, path: Path, text: str) -> Level:
    where = source.key_line("map")
    if not text.strip():
        raise source.error("map is empty: name the map's file", where)
    try:
        map_path = path.parent / text
        if map_path.is_dir():
            raise source.error(f"the map {text[:200]!r} is a folder, not a map file", where)
        if not map_path.exists():
            raise source.error(f"the map {text[:200]!r} was not found (next to this file: {map_path})", where)
        return load_level(map_path)  # a pipe, a device, a huge or binary file: refused by name, never read
    except MapError as exc:
        raise source.error(f"the map cannot be played: {exc.line()}", where) from None
    except (OSError, ValueError) as exc:  # a name with a NUL byte, too long for the system
        raise source.error(f"the map {text[:200]!r} cannot be used ({exc})", where) from None


def _lines(source: Source, data: dict, key: str, most: int) -> list[Words]:
    """The lines of a `script` or `expect` (text, or a list of lines), as words, each with its line."""
    value = data.get(key, "")
    where = source.key_line(key)
    if isinstance(value, str):
        entries = value.splitlines()
    elif isinstance(value, list):
        bad = next((v for v in value if not isinstance(v, str)), None)
        if bad is not None:
            raise source.error(f"{key} should be lines of text; one entry is {_kind(bad)}", where)
        entries = value
    else:
        raise source.error(f"{key} should be text, one line each (a '\'\'\'...\'\'\'' string), not {_kind(value)}", where)
    lines = source.entry_lines(key, entries)
    out = []
    for text, line in zip(entries, lines):
        words = Words(source, line, text)
        if words.at_end():
            continue  # a blank line or a comment
        if len(out) == most:
            raise source.error(f"{key} has more than {most} lines", line)
        out.append(words)
    return out
