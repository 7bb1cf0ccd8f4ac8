"""The enums of the Tiled project a map belongs to, for properties Tiled stores as an int.

Tiled 1.10+ can store an enum property as an int: its place among the enum's values, as the
project that declares the enum orders them (or, with "values as flags", one bit per value). The
map does not say which project that is; Tiled's project is the `.tiled-project` file of the
folder the designer opened, so the nearest one in the map's folder or a folder above is asked.
Without one, the game's own order (the kinds table, which `maps/redemption.tiled-project` is
generated from) holds.
"""

from __future__ import annotations

import functools
from pathlib import Path

from ..errors import MapError
from .tiled_json import read_json

#: How many folders above the map's are searched for its project.
PROJECT_DEPTH = 4


@functools.lru_cache(maxsize=64)
def _enums(project: Path, _stamp: int) -> dict[str, tuple[tuple[str, ...], bool]]:
    data = read_json(project)
    types = data.get("propertyTypes", []) if isinstance(data, dict) else []
    out = {}
    for entry in types if isinstance(types, list) else []:
        declared_as = entry.get("type") if isinstance(entry, dict) else None  # Tiled's word: enum or class
        if declared_as == "enum" and isinstance(entry.get("values"), list):
            out[str(entry.get("name", ""))] = (tuple(str(v) for v in entry["values"]), bool(entry.get("valuesAsFlags")))
    return out


def project_of(map_path: Path) -> Path | None:
    """The nearest `.tiled-project` in the map's folder or up to PROJECT_DEPTH folders above
    (several in one folder: the first by name)."""
    folder = Path(map_path).resolve().parent
    for _ in range(PROJECT_DEPTH + 1):
        found = sorted(p for p in folder.glob("*.tiled-project") if p.is_file())
        if found:
            return found[0]
        if folder.parent == folder:
            break
        folder = folder.parent
    return None


def enum_word(map_path: Path, enum: str, value: int, choices: tuple[str, ...]) -> str:
    """The word an int-stored enum property stands for. Raises ValueError saying why not."""
    project = project_of(map_path)
    values, flags = choices, False
    if project is not None:
        try:
            declared = _enums(project, project.stat().st_mtime_ns)
        except (MapError, OSError) as exc:
            raise ValueError(f"its enum {enum!r} is in the project {project.name}, which cannot be read "
                             f"({getattr(exc, 'message', exc)})") from None
        values, flags = declared.get(enum, (choices, False))
    if flags:
        if value <= 0 or value & (value - 1) or value.bit_length() > len(values):
            raise ValueError(f"is {value}, which is not one value of the flags enum {enum!r} "
                             f"({', '.join(values)}): pick one")
        return values[value.bit_length() - 1]
    if not 0 <= value < len(values):
        raise ValueError(f"is enum value {value}; {enum!r} has {len(values)} values ({', '.join(values)})")
    return values[value]
