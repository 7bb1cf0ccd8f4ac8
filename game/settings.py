"""The player's settings (volumes, window, difficulty, accessibility, key bindings).

Unlike the save, settings are read field by field: one bad value (a hand edit, a setting
from a newer version) falls back to its default with a notice naming it, and the rest are
kept, because losing every setting over one typo is worse than the typo. Numbers outside
their range are clamped. The file itself is kept safe by the same code as the save.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from .story.jsonfile import JsonFile, Wording

SETTINGS_FILE = "settings.json"
SETTINGS_VERSION = 1  # written for future migrations; reading goes by field, not by version

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
            if problem == "invalid":
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
        ok = isinstance(value, dict) and all(
            isinstance(keys, list) and all(isinstance(k, str) for k in keys) for keys in value.values())
        return ({action: list(keys) for action, keys in value.items()}, None) if ok else (default, "invalid")
    raise AssertionError(f"setting {name} has no check")  # a new field needs a rule here


def _show(value: object) -> str:
    if isinstance(value, bool):
        return "on" if value else "off"
    if value == {}:
        return "the game's keys"
    return str(value)


class SettingsStore:
    """`folder/settings.json` and its backup; `load` and `save` never raise, they return notices."""

    def __init__(self, folder: Path):
        self.file: JsonFile[Settings] = JsonFile(folder, SETTINGS_FILE, Settings.from_json, WORDING)

    @property
    def path(self) -> Path:
        return self.file.path

    def load(self) -> tuple[Settings, list[str]]:
        return self.file.load(Settings)

    def save(self, settings: Settings) -> list[str]:
        return self.file.save(settings.to_json())
