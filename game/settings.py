"""The player's settings (volumes, window, difficulty, accessibility, key bindings).

Unlike the save, settings are read field by field: one bad value (a hand edit, a setting
from a newer version) falls back to its default with a notice naming it, and the rest are
kept, because losing every setting over one typo is worse than the typo. Numbers outside
their range are clamped. Key bindings are checked action by action: an action whose keys are
not a short list of short key names keeps the game's keys, the others are kept. The file itself
is kept safe by the same code as the save, and is at most `MAX_BYTES` (a pipe, a device or a
folder in its place is said once and left alone; the game goes on with the backup or defaults).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from .story.jsonfile import MiB, JsonFile, Wording

SETTINGS_FILE = "settings.json"
SETTINGS_VERSION = 1  # written for future migrations; reading goes by field, not by version
MAX_BYTES = 1 * MiB
MAX_ACTIONS, MAX_KEYS, MAX_KEY_NAME = 64, 8, 32  # bindings: actions, keys per action, characters a key name

DIFFICULTIES = ("easy", "normal", "hard")
PALETTES = ("default", "colourblind")
RANGES: dict[str, tuple[float, float]] = {
    "master_volume": (0.0, 1.0),
    "music_volume": (0.0, 1.0),
    "effects_volume": (0.0, 1.0),
    "window_scale": (0.5, 4.0),
    "subtitle_size": (0.75, 1.5),
}
CHOICES: dict[str, tuple[str, ...]] = {"difficulty": DIFFICULTIES, "palette": PALETTES}

WORDING = Wording(subject="Your settings were", fresh="using the default settings",
                  write_failed="Could not save your settings")


@dataclass
class Settings:
    master_volume: float = 0.8
    music_volume: float = 0.6
    effects_volume: float = 0.8
    fullscreen: bool = False
    window_scale: float = 1.0
    difficulty: str = "normal"  # one of DIFFICULTIES
    palette: str = "default"  # one of PALETTES
    subtitle_size: float = 1.0
    objective_marker: bool = True  # the arrow at the screen's edge toward the objective
    kims_eyes: bool = True  # the ask key asks Kim for a way (off: she is not there to ask)
    # action -> pygame key names, overriding the game's defaults for that action only;
    # empty means every action keeps its default keys.
    bindings: dict[str, list[str]] = field(default_factory=dict)

    def to_json(self) -> dict:
        return {"version": SETTINGS_VERSION, **asdict(self)}

    @classmethod
    def from_json(cls, obj: object) -> tuple[Settings, list[str]]:
        """Settings from `obj` and a notice per field that was reset or clamped.

        Only a document that is not an object at all raises ValueError. Missing fields take
        their default silently (an older file), unknown ones are ignored (a newer file)."""
        if not isinstance(obj, dict):
            raise ValueError("should be a JSON object")
        settings, notices = cls(), []
        for f in fields(cls):
            if f.name not in obj:
                continue
            default = getattr(settings, f.name)
            value, problem = _check(f.name, obj[f.name], default)
            if isinstance(problem, list):  # bindings: the actions that keep the game's keys
                notices.append(f"Setting 'bindings' for {_actions(problem)} was not valid; "
                               f"using the game's keys for {'it' if len(problem) == 1 else 'them'}.")
            elif problem == "invalid":
                notices.append(f"Setting {f.name!r} was not valid; using the default ({_show(default)}).")
            elif problem == "clamped":
                notices.append(f"Setting {f.name!r} was out of range; using {_show(value)}.")
            setattr(settings, f.name, value)
        return settings, notices


def _check(name: str, value: object, default: object) -> tuple[object, str | None]:
    """(value to use, None | "invalid" | "clamped") for one field."""
    if name in RANGES:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return default, "invalid"
        try:
            number = float(value)
        except OverflowError:
            number = math.inf if value > 0 else -math.inf
        if math.isnan(number):
            return default, "invalid"
        low, high = RANGES[name]
        clamped = min(max(number, low), high)
        return clamped, (None if clamped == number else "clamped")
    if name in CHOICES:
        return (value, None) if isinstance(value, str) and value in CHOICES[name] else (default, "invalid")
    if isinstance(default, bool):
        return (value, None) if isinstance(value, bool) else (default, "invalid")
    if name == "bindings":
        if not isinstance(value, dict) or len(value) > MAX_ACTIONS:
            return default, "invalid"
        good = {action: list(keys) for action, keys in value.items() if _keys_ok(action, keys)}
        bad = [action for action in value if action not in good]
        return good, (bad or None)
    raise AssertionError(f"setting {name} has no check")  # a new field needs a rule here


def _keys_ok(action: str, keys: object) -> bool:
    """A short list of key names pygame could know: printable, short, no more than a few."""
    return (len(action) <= MAX_KEY_NAME and isinstance(keys, list) and len(keys) <= MAX_KEYS
            and all(isinstance(k, str) and 0 < len(k) <= MAX_KEY_NAME and k.isprintable() for k in keys))


def _actions(names: list[str]) -> str:
    shown = ", ".join(repr(n[:MAX_KEY_NAME]) for n in names[:3])
    return shown + (f" and {len(names) - 3} more" if len(names) > 3 else "")


def _show(value: object) -> str:
    if isinstance(value, bool):
        return "on" if value else "off"
    if value == {}:
        return "the game's keys"
    return str(value)


class SettingsStore:
    """`folder/settings.json` and its backup; `load` and `save` never raise, they return notices."""

    def __init__(self, folder: Path):
        self.file: JsonFile[Settings] = JsonFile(folder, SETTINGS_FILE, Settings.from_json, WORDING, MAX_BYTES)

    @property
    def path(self) -> Path:
        return self.file.path

    def load(self) -> tuple[Settings, list[str]]:
        return self.file.load(Settings)

    def save(self, settings: Settings) -> list[str]:
        return self.file.save(settings.to_json())
