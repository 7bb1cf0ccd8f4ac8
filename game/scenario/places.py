"""The map's objects as a scenario names them: by their Tiled name, or by their id.

Every object the game loads can be named (a Guard, a Door, a HidingSpot, a LightSwitch...). For a
place that is nothing in the game, a spot to walk to, the designer puts a named object with no
kind on the map's `notes` layer (which the game leaves out): a `Mark`. A place's point is a
point object's position, or the middle of a rectangle or ellipse (`center`, for both).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from ..errors import MapError
from ..world.level import Level
from ..world.tiled_json import map_element, read_json
from ..world.tmx import MapObject, ProblemList, coord, layer_tree, read_xml
from ..world.tmx_objects import NOTES_LAYER, object_kind
from .words import Ref

MARK = "mark"  # the kind a notes-layer place is told as
GUARD_KINDS = ("Guard", "Marco")


@dataclass(frozen=True)
class Mark:
    """A named object with no kind on the `notes` layer: a place for scenarios only."""

    id: int
    name: str
    x: float
    y: float
    kind: str = MARK

    @property
    def center(self) -> tuple[float, float]:
        return (self.x, self.y)


def _marks(path: Path) -> list[Mark]:
    """The named objects with no kind on the visible `notes` layers, where Tiled shows them."""
    try:
        root = map_element(read_json(path), path) if path.suffix.lower() in (".tmj", ".json") else read_xml(path, "map")
    except MapError:
        return []  # the level loaded a moment ago; a map changed since reads as it did then
    marks = []
    for group, place in layer_tree(root, path, ProblemList()):
        if group.tag != "objectgroup" or not place.visible or group.get("name", "").strip().lower() != NOTES_LAYER:
            continue
        for elem in group.findall("object"):
            if not elem.get("name") or object_kind(elem) or elem.get("visible", "1") == "0":
                continue
            try:
                oid = int(elem.get("id", ""))
                x, y = coord(elem.get("x"), "x") + place.dx, coord(elem.get("y"), "y") + place.dy
                w, h = coord(elem.get("width"), "width"), coord(elem.get("height"), "height")
            except ValueError:
                continue
            marks.append(Mark(oid, elem.get("name"), x + w / 2, y + h / 2))
    return marks


class Places:
    """Lookups of a level's objects and marks by name or id, with messages a designer can act on."""

    def __init__(self, level: Level):
        self.map_name = Path(level.path).name
        self.tile = level.tile
        self.all: list = list(level.objects) + _marks(Path(level.path))
        self._by_id = {o.id: o for o in self.all}
        self._by_name: dict[str, list] = {}
        for obj in self.all:
            if obj.name:
                self._by_name.setdefault(obj.name, []).append(obj)
        self.guard_ids = [o.id for o in level.objects if o.kind in GUARD_KINDS]

    def find(self, ref: Ref, kinds: tuple[str, ...] = (), what: str = "") -> MapObject | Mark:
        """The object `ref` names, of one of `kinds` (any kind when empty); LookupError saying
        what is wrong (no such object, two of that name, the wrong kind)."""
        if ref.id is not None:
            obj = self._by_id.get(ref.id)
            if obj is None:
                raise LookupError(f"{self.map_name} has no object #{ref.id}")
        else:
            found = self._by_name.get(ref.name, [])
            if not found:
                raise LookupError(f"{self.map_name} has no object named {ref}{self._hint(ref.name, kinds)}")
            if len(found) > 1:
                ids = " and ".join(f"#{o.id}" for o in found[:4])
                raise LookupError(f"{len(found)} objects in {self.map_name} are named {ref} ({ids}): name one by its id")
            obj = found[0]
        if kinds and obj.kind not in kinds:
            wanted = " or ".join(kinds)
            raise LookupError(f"{ref} is a {obj.kind}, not a {wanted}" + (f" ({what})" if what else ""))
        return obj

    def _hint(self, name: str, kinds: tuple[str, ...]) -> str:
        names = sorted({o.name for o in self.all if o.name and (not kinds or o.kind in kinds)})
        close = difflib.get_close_matches(name, names, n=1)
        if close:
            return f' (did you mean "{close[0]}"?)'
        if names:
            shown = ", ".join(f'"{n}"' for n in names[:8]) + (", …" if len(names) > 8 else "")
            return f" (named there: {shown})"
        return " (no object there has a name: give it one in Tiled, or use its #id)"

    def guard(self, guard_id: int) -> str:
        """A guard as a message names him: `guard "pete"`, or `guard #3` when he has no name."""
        obj = self._by_id.get(guard_id)
        return f'guard "{obj.name}"' if obj is not None and obj.name else f"guard #{guard_id}"

    def named(self, object_id: int) -> bool:
        obj = self._by_id.get(object_id)
        return obj is not None and bool(obj.name)

    def thing(self, object_id: int) -> str:
        """Any object as a message names it."""
        obj = self._by_id.get(object_id)
        return f'"{obj.name}"' if obj is not None and obj.name else f"#{object_id}"
