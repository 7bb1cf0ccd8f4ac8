"""Reading Tiled files safely, and checking what Tiled itself lets through.

Tiled saves maps it cannot itself vouch for: tile ids outside every tileset, a
tileset file that has gone missing, a property typed by hand. Everything read
here is checked and reported as `Problem`s that name the file and the object
id or XML line, so the loader can refuse a map with one clear line and the
linter can list every problem at once.

Parsing never expands entities or reads files other than the map's own
tilesets and images: a document type declaration is refused before parsing.
"""

from __future__ import annotations

import math
import os
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..bounded import MiB, Unreadable, image_size, read_bytes, read_head
from ..errors import MapError
from .kinds import MAP_PROPS, PROPERTY_TYPES
from .tiled_json import read_json, tileset_element

MAX_FILE_BYTES = 16 * MiB
MAX_MAP_TILES = 512 * 512
MAX_COORD = 1e6  # px: far beyond any map's edge (512 tiles are 16384 px), still a sane number
MAX_POINTS = 4096  # points of one route
QUOTE = 40  # characters of a designer's text quoted back in a message
MAX_IMAGE_SIDE = 8192  # px: a tileset image bigger than this is refused before it is decoded
TILE_SIZE = 32
FLIP_MASK = 0x1FFFFFFF  # Tiled stores flip flags in the top three bits of a gid


@dataclass(frozen=True)
class Problem:
    path: str
    where: str | None
    message: str

    def line(self) -> str:
        return ": ".join(p for p in (self.path, self.where, self.message) if p).replace("\n", " ").replace("\r", " ")


def quoted(text: str, limit: int = QUOTE) -> str:
    """`text` as a message quotes it: repr'd, and cut to `limit` characters (a 1 MB name stays short)."""
    text = str(text)
    return repr(text) if len(text) <= limit else repr(text[:limit]) + f"... ({len(text)} characters)"


class ProblemList(list):
    def add(self, path, message, where=None):
        self.append(Problem(str(path), where, message))


@dataclass(frozen=True)
class TilesetInfo:
    """An external tileset as the renderer needs it."""

    name: str
    firstgid: int
    tilecount: int
    columns: int
    tile_width: int
    tile_height: int
    margin: int
    spacing: int
    image: Path
    source: Path
    labels: dict = field(default_factory=dict)  # local tile id -> its `label` property (for sounds, tools)
    offset: tuple[int, int] = (0, 0)  # px: the tileset's tile offset (Tiled draws its tiles moved by it)
    # local tile id -> its objects from Tiled's collision editor (read by tmx_objects.tile_outlines)
    collision: dict = field(default_factory=dict)


@dataclass(frozen=True)
class MapObject:
    """One Tiled object, with its kind checked and its properties typed, placed where Tiled shows
    it: its layers' and groups' offsets added, a tile object's box taken from its bottom-left
    anchor, a route's points turned with it. A rectangle or ellipse turned by a right angle is
    stored as the upright box Tiled shows; turned by any other angle it keeps `rotation`
    (degrees, clockwise about (x, y), Tiled's convention) and `zones` turns points into its
    frame."""

    id: int
    kind: str
    name: str
    shape: str
    x: float
    y: float
    width: float
    height: float
    points: tuple[tuple[float, float], ...] = ()
    props: dict = field(default_factory=dict)
    rotation: float = 0.0

    @property
    def label(self) -> str:
        return f"object {self.id} ({self.kind}{' ' + repr(self.name) if self.name else ''})"

    @property
    def center(self) -> tuple[float, float]:
        return turned(self, self.x + self.width / 2, self.y + self.height / 2)

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) of the shape as placed (turned, when it is)."""
        if not self.rotation:
            return self.x, self.y, self.x + self.width, self.y + self.height
        corners = [turned(self, self.x + dx, self.y + dy) for dx in (0, self.width) for dy in (0, self.height)]
        xs, ys = [c[0] for c in corners], [c[1] for c in corners]
        return min(xs), min(ys), max(xs), max(ys)


def turned(obj, x: float, y: float, sign: float = 1.0) -> tuple[float, float]:
    """A point of the object's upright frame, turned with it about (obj.x, obj.y) (sign -1:
    the other way, from the map into its upright frame)."""
    if not obj.rotation:
        return x, y
    a = sign * math.radians(obj.rotation)
    dx, dy = x - obj.x, y - obj.y
    return obj.x + dx * math.cos(a) - dy * math.sin(a), obj.y + dx * math.sin(a) + dy * math.cos(a)


def upright(obj, x: float, y: float) -> tuple[float, float]:
    """A point of the map in the object's upright frame (the inverse of `turned`)."""
    return turned(obj, x, y, -1.0)


@dataclass(frozen=True)
class Place:
    """Where a layer is as Tiled draws it: its offset plus every enclosing group's; shown only
    when it and every group are visible; opacity and tint multiplied down the groups."""

    dx: float = 0.0
    dy: float = 0.0
    visible: bool = True
    opacity: float = 1.0
    tint: tuple[float, float, float, float] = (1.0, 1.0, 1.0, 1.0)

    def inside(self, elem: ET.Element, path: Path, problems: "ProblemList") -> "Place":
        where = f"{elem.tag} {quoted(elem.get('name', ''))}"
        try:
            dx, dy = coord(elem.get("offsetx"), "offsetx"), coord(elem.get("offsety"), "offsety")
        except ValueError as exc:
            problems.add(path, f"bad offset ({exc})", where)
            dx = dy = 0.0
        opacity = opacity_value(elem.get("opacity", "1"))
        if opacity is None:
            problems.add(path, f"opacity {quoted(elem.get('opacity'))} must be a number from 0 to 1", where)
            opacity = 1.0
        tint = self.tint
        if elem.get("tintcolor"):
            mine = colour_value(elem.get("tintcolor"))
            if mine is None:
                problems.add(path, f"tint colour {quoted(elem.get('tintcolor'))} is not #RRGGBB or #AARRGGBB", where)
            else:
                tint = tuple(a * b for a, b in zip(tint, mine))
        return Place(self.dx + dx, self.dy + dy, self.visible and elem.get("visible", "1") != "0",
                     self.opacity * opacity, tint)


LAYER_TAGS = ("layer", "objectgroup", "imagelayer")


def layer_tree(root: ET.Element, path: Path, problems: "ProblemList", place: Place = Place()):
    """Every tile, object and image layer in drawing order, each with its `Place`, groups
    walked into (their own offsets, visibility, opacity and tint passed down)."""
    for elem in root:
        if elem.tag == "group":
            yield from layer_tree(elem, path, problems, place.inside(elem, path, problems))
        elif elem.tag in LAYER_TAGS:
            yield elem, place.inside(elem, path, problems)


def opacity_value(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if 0.0 <= value <= 1.0 else None  # NaN fails both


def colour_value(text: str) -> tuple[float, float, float, float] | None:
    """Tiled's "#RRGGBB" or "#AARRGGBB" as (r, g, b, a), each 0..1."""
    digits = text[1:] if text.startswith("#") else text
    if len(digits) not in (6, 8) or any(ch not in "0123456789abcdefABCDEF" for ch in digits):
        return None
    values = [int(digits[i:i + 2], 16) / 255 for i in range(0, len(digits), 2)]
    if len(values) == 4:
        a, r, g, b = values
    else:
        (r, g, b), a = values, 1.0
    return r, g, b, a


def read_xml(path: Path, expected_root: str) -> ET.Element:
    """Parse one XML file, refusing DTDs; raise MapError with the XML line."""
    try:
        data = read_bytes(path, MAX_FILE_BYTES)
    except Unreadable as exc:
        raise MapError(path, str(exc)) from None
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        # UTF-16 could hide a DTD from a byte search; look at the text, then refuse it anyway.
        if re.search(r"<!(DOCTYPE|ENTITY)", data.decode("utf-16", errors="replace"), re.IGNORECASE):
            raise MapError(path, "document type declarations and entities are not allowed")
        raise MapError(path, "not a UTF-8 XML file (Tiled saves maps and tilesets as UTF-8)")
    if b"\0" in data:
        raise MapError(path, "malformed XML (binary data, not a Tiled file)")
    if re.search(rb"<!(DOCTYPE|ENTITY)", data, re.IGNORECASE):
        raise MapError(path, "document type declarations and entities are not allowed")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        line, col = exc.position
        reason = str(exc).split(": line")[0]
        raise MapError(path, f"malformed XML ({reason})", f"line {line}, column {col + 1}") from None
    if root.tag != expected_root:
        raise MapError(path, f"expected a <{expected_root}> document, found <{root.tag}>")
    return root


def _int_attr(elem: ET.Element, name: str, path: Path, where: str, default: int | None = None,
              low: int = -2**31, high: int = 2**31 - 1) -> int:
    raw = elem.get(name)
    if raw is None:
        if default is not None:
            return default
        raise MapError(path, f"missing attribute {name!r}", where)
    try:
        value = int(raw)
    except ValueError:
        raise MapError(path, f"attribute {name}={quoted(raw)} is not an integer", where) from None
    if not low <= value <= high:
        raise MapError(path, f"attribute {name}={value} must be from {low} to {high}", where)
    return value


def coord(raw: str | None, what: str) -> float:
    """A finite number within `MAX_COORD` (ValueError naming `what` otherwise)."""
    value = float(raw if raw is not None else 0)
    if not math.isfinite(value) or abs(value) > MAX_COORD:
        raise ValueError(f"{what} {quoted(raw)} must be a finite number within {MAX_COORD:.0f} px")
    return value


def check_map_header(root: ET.Element, path: Path) -> tuple[int, int]:
    """The map's size in tiles, after checking it is a map this game can play."""
    if root.get("orientation", "orthogonal") != "orthogonal":
        raise MapError(path, f"orientation {root.get('orientation')!r} is not supported (use orthogonal)")
    if root.get("infinite", "0") != "0":
        raise MapError(path, "infinite maps are not supported (Map > Map Properties > Infinite off)")
    tw = _int_attr(root, "tilewidth", path, "map")
    th = _int_attr(root, "tileheight", path, "map")
    if (tw, th) != (TILE_SIZE, TILE_SIZE):
        raise MapError(path, f"tiles are {tw}x{th}; the game uses {TILE_SIZE}x{TILE_SIZE}")
    width = _int_attr(root, "width", path, "map")
    height = _int_attr(root, "height", path, "map")
    if width <= 0 or height <= 0:
        raise MapError(path, f"map size {width}x{height} is empty")
    if width * height > MAX_MAP_TILES:
        raise MapError(path, f"map size {width}x{height} is larger than the {MAX_MAP_TILES} tiles allowed")
    return width, height


def read_tilesets(root: ET.Element, path: Path) -> list[TilesetInfo]:
    """Every tileset of the map; each must be external and its image present."""
    tilesets = []
    for elem in root.findall("tileset"):
        firstgid = _int_attr(elem, "firstgid", path, "tileset")
        source = elem.get("source")
        if source is None:  # embedded in the map (Tiled's "Embed tilesets"): read where it stands
            ts, tsx = elem, path
        else:
            tsx = (path.parent / source).resolve()
            if not source.lower().endswith((".tsx", ".tsj", ".json")):
                raise MapError(path, f"tileset source {quoted(source)} is not a tileset file (.tsx or .tsj)", "tileset")
            if not os.path.lexists(tsx):  # anything else there (a pipe, a folder) is for the reader to name
                raise MapError(path, f"tileset file {quoted(source, 200)} not found", "tileset")
            ts = read_tileset_file(tsx)
        tile_w, tile_h = _int_attr(ts, "tilewidth", tsx, "tileset"), _int_attr(ts, "tileheight", tsx, "tileset")
        if (tile_w, tile_h) != (TILE_SIZE, TILE_SIZE):
            raise MapError(tsx, f"tiles are {tile_w}x{tile_h}; the game uses {TILE_SIZE}x{TILE_SIZE}")
        image = ts.find("image")
        if image is None or not image.get("source"):
            raise MapError(tsx, "tileset has no image: image collection tilesets are not supported (make it a tileset based on one image: New Tileset > Based on Tileset Image)")
        image_path = (tsx.parent / image.get("source")).resolve()
        if not os.path.lexists(image_path):
            raise MapError(tsx, f"tileset image {quoted(image.get('source'), 200)} not found")
        try:
            width, height = image_size(read_head(image_path, 32))
        except Unreadable as exc:
            raise MapError(tsx, f"tileset image {quoted(image.get('source'), 200)}: {exc}") from None
        if width > MAX_IMAGE_SIDE or height > MAX_IMAGE_SIDE or not width or not height:
            raise MapError(tsx, f"tileset image {quoted(image.get('source'), 200)} is {width}x{height} px; at most "
                                f"{MAX_IMAGE_SIDE}x{MAX_IMAGE_SIDE} (split it into several tilesets)")
        where = "tileset"
        tile_offset = ts.find("tileoffset")
        offset = (0, 0)
        if tile_offset is not None:
            offset = (_int_attr(tile_offset, "x", tsx, "tileoffset", 0, -MAX_IMAGE_SIDE, MAX_IMAGE_SIDE),
                      _int_attr(tile_offset, "y", tsx, "tileoffset", 0, -MAX_IMAGE_SIDE, MAX_IMAGE_SIDE))
        labels = {}
        collision = {int(tile.get("id")): tuple(o for g in tile.findall("objectgroup") for o in g.findall("object"))
                     for tile in ts.findall("tile") if tile.get("id", "").isdigit()}
        collision = {k: v for k, v in collision.items() if v}
        for tile in ts.findall("tile"):
            for prop in tile.iter("property"):
                if prop.get("name") == "label" and tile.get("id", "").isdigit():
                    labels[int(tile.get("id"))] = prop.get("value", "")
        tilesets.append(
            TilesetInfo(
                name=ts.get("name", tsx.stem),
                firstgid=firstgid,
                tilecount=_int_attr(ts, "tilecount", tsx, where, low=1,
                                    high=(width // TILE_SIZE) * (height // TILE_SIZE) or 1),
                columns=max(1, _int_attr(ts, "columns", tsx, where, low=0, high=max(1, width // TILE_SIZE))),
                tile_width=_int_attr(ts, "tilewidth", tsx, where),
                tile_height=_int_attr(ts, "tileheight", tsx, where),
                margin=_int_attr(ts, "margin", tsx, where, 0),
                spacing=_int_attr(ts, "spacing", tsx, where, 0),
                image=image_path,
                source=tsx,
                labels=labels,
                offset=offset,
                collision=collision,
            )
        )
    if not tilesets:
        raise MapError(path, "the map has no tileset")
    return sorted(tilesets, key=lambda t: t.firstgid)


def read_tileset_file(path: Path) -> ET.Element:
    """An external tileset, TSX or Tiled's JSON (.tsj), as a <tileset> element."""
    if path.suffix.lower() in (".tsj", ".json"):
        return tileset_element(read_json(path), path)
    return read_xml(path, "tileset")


def check_gids(layer_name: str, gids, tilesets: list[TilesetInfo], path: Path, problems: ProblemList) -> None:
    """Report tile ids that fall outside every tileset (Tiled saves them silently)."""
    raw = np.asarray(gids, dtype=np.uint32) & FLIP_MASK
    ok = raw == 0
    for ts in tilesets:
        ok |= (raw >= ts.firstgid) & (raw < ts.firstgid + ts.tilecount)
    bad = np.argwhere(~ok)
    if len(bad):
        row, col = (int(v) for v in bad[0])
        problems.add(path, f"tile id {int(raw[row, col])} at ({col},{row}) is in no tileset ({len(bad)} such tiles)", f"layer {layer_name!r}")


def typed_value(prop: ET.Element):
    """The value of a Tiled <property>, as the Python type Tiled declared."""
    tiled_type = prop.get("type", "string")
    raw = prop.get("value")
    if raw is None:
        raw = prop.text or ""
    if tiled_type == "bool":
        if raw not in ("true", "false"):
            raise ValueError(f"{quoted(raw)} is not true or false")
        return tiled_type, raw == "true"
    try:
        if tiled_type in ("int", "object"):
            if len(raw) > 20:
                raise ValueError
            return tiled_type, int(raw)
        if tiled_type == "float":
            return tiled_type, float(raw)
    except ValueError:
        raise ValueError(f"{quoted(raw)} is not a number ({tiled_type})") from None
    return tiled_type, raw


def map_properties(root: ET.Element, path: Path, problems: ProblemList) -> dict:
    """The map's own properties: the ones the game reads (`MAP_PROPS`) typed and ranged; others
    kept as they are (a designer's notes). Absent ones are absent (the tuning has the defaults)."""
    props = {}
    props_elem = root.find("properties")
    for prop in props_elem.findall("property") if props_elem is not None else ():
        name = prop.get("name", "")
        try:
            tiled_type, value = typed_value(prop)
        except ValueError as exc:
            problems.add(path, f"map property {quoted(name)}: {exc}")
            continue
        want = MAP_PROPS.get(name)
        if want is not None:
            if tiled_type not in PROPERTY_TYPES[want.type]:
                problems.add(path, f"map property {name!r} is a {tiled_type}; it must be a {want.type}")
                continue
            wrong = want.problem(value)
            if wrong:
                problems.add(path, f"map property {name!r} {wrong}")
                continue
        props[name] = value
    return props
