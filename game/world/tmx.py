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
from .kinds import ELLIPSE, KINDS, MAP_PROPS, POINT, POLYGON, POLYLINE, PROPERTY_TYPES, RECT

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


@dataclass(frozen=True)
class MapObject:
    """One Tiled object, with its kind checked and its properties typed."""

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

    @property
    def label(self) -> str:
        return f"object {self.id} ({self.kind}{' ' + repr(self.name) if self.name else ''})"

    @property
    def center(self) -> tuple[float, float]:
        return (self.x + self.width / 2, self.y + self.height / 2)


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


def _coord(raw: str | None, what: str) -> float:
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
        if source is None:
            raise MapError(path, f"tileset {elem.get('name', firstgid)!r} is embedded; export it to a .tsx file (external tilesets only)")
        if not source.lower().endswith(".tsx"):
            raise MapError(path, f"tileset source {source!r} is not a .tsx tileset file", "tileset")
        tsx = (path.parent / source).resolve()
        if not os.path.lexists(tsx):  # anything else there (a pipe, a folder) is for read_xml to name
            raise MapError(path, f"tileset file {quoted(source, 200)} not found", "tileset")
        ts = read_xml(tsx, "tileset")
        tile_w, tile_h = _int_attr(ts, "tilewidth", tsx, "tileset"), _int_attr(ts, "tileheight", tsx, "tileset")
        if (tile_w, tile_h) != (TILE_SIZE, TILE_SIZE):
            raise MapError(tsx, f"tiles are {tile_w}x{tile_h}; the game uses {TILE_SIZE}x{TILE_SIZE}")
        image = ts.find("image")
        if image is None or not image.get("source"):
            raise MapError(tsx, "tileset has no image (image collection tilesets are not supported)")
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
        labels = {}
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
            )
        )
    if not tilesets:
        raise MapError(path, "the map has no tileset")
    return sorted(tilesets, key=lambda t: t.firstgid)


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


def object_kind(elem: ET.Element) -> str:
    """Tiled 1.8 writes an object's kind as `type`; 1.9 and newer as `class`."""
    return elem.get("type") or elem.get("class") or ""


def _shape(elem: ET.Element) -> str:
    for tag in (POINT, ELLIPSE, POLYGON, POLYLINE):
        if elem.find(tag) is not None:
            return tag
    return RECT


def _points(elem: ET.Element, shape: str, x: float, y: float) -> tuple[tuple[float, float], ...]:
    if shape not in (POLYGON, POLYLINE):
        return ()
    text = elem.find(shape).get("points", "")
    pairs = text.split()
    if len(pairs) > MAX_POINTS:
        raise ValueError(f"{len(pairs)} points; at most {MAX_POINTS}")
    pts = []
    for pair in pairs:
        px, py = pair.split(",")
        pts.append((x + _coord(px, "point"), y + _coord(py, "point")))
    return tuple(pts)


def _typed_value(prop: ET.Element):
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


def read_objects(root: ET.Element, path: Path, problems: ProblemList) -> list[MapObject]:
    """Every object of every object layer, checked against `KINDS`."""
    objects = []
    seen: set[str] = set()
    for group in root.iter("objectgroup"):
        for elem in group.findall("object"):
            oid = elem.get("id", "?")
            if oid in seen:
                problems.add(path, f"object id {quoted(oid)} is used twice (Tiled gives every object its own id)")
                continue
            seen.add(oid)
            obj = _read_object(elem, path, problems)
            if obj is not None:
                objects.append(obj)
    return objects


def _read_object(elem: ET.Element, path: Path, problems: ProblemList) -> MapObject | None:
    oid = elem.get("id", "?")[:QUOTE]
    kind = object_kind(elem)
    name = elem.get("name", "")
    where = f"object {oid}" + (f" ({quoted(name)})" if name else "")
    if elem.get("template"):
        problems.add(path, "object templates are not supported; detach the template in Tiled", where)
        return None
    if elem.get("gid"):
        problems.add(path, "tile objects are not supported; draw tiles on a tile layer", where)
        return None
    if kind not in KINDS:
        known = ", ".join(sorted(KINDS))
        problems.add(path, f"unknown kind {quoted(kind)} (known kinds: {known})" if kind else f"has no kind (set its Class/Type to one of: {known})", where)
        return None
    spec = KINDS[kind]
    where = f"object {oid} ({kind}{' ' + quoted(name) if name else ''})"
    try:
        oid_int = int(oid)
        if not 0 < oid_int < 2**31:
            raise ValueError(f"object id {oid} out of range")
        x, y = _coord(elem.get("x"), "x"), _coord(elem.get("y"), "y")
        w, h = _coord(elem.get("width"), "width"), _coord(elem.get("height"), "height")
        shape = _shape(elem)
        points = _points(elem, shape, x, y)
    except (ValueError, TypeError) as exc:
        problems.add(path, f"bad geometry ({exc})", where)
        return None
    if shape == RECT and (w <= 0 or h <= 0):
        shape = POINT if w == 0 and h == 0 else RECT
        if shape == RECT:
            problems.add(path, f"rectangle has no area ({w}x{h})", where)
            return None
    if shape not in spec.shapes:
        problems.add(path, f"is a {shape}; a {kind} must be a {' or '.join(sorted(spec.shapes))}", where)
        return None
    if shape in (POLYLINE, POLYGON) and len(points) < 2:
        problems.add(path, "a route needs at least two points", where)
        return None
    props = {k: p.default for k, p in spec.props.items()}
    given = set()
    props_elem = elem.find("properties")
    for prop in props_elem.findall("property") if props_elem is not None else ():
        pname = prop.get("name", "")
        if pname not in spec.props:
            problems.add(path, f"unknown property {quoted(pname)} for a {kind} (known: {', '.join(spec.props) or 'none'})", where)
            continue
        want = spec.props[pname]
        try:
            tiled_type, value = _typed_value(prop)
        except ValueError as exc:
            problems.add(path, f"property {pname!r}: {exc}", where)
            continue
        if tiled_type not in PROPERTY_TYPES[want.type]:
            problems.add(path, f"property {pname!r} is a {tiled_type}; it must be a {want.type}", where)
            continue
        if want.type == "float":
            value = float(value)
        if want.choices and value not in want.choices:
            problems.add(path, f"property {pname!r} is {quoted(value)}; expected one of {', '.join(want.choices)}", where)
            continue
        wrong = want.problem(value)
        if wrong:
            problems.add(path, f"property {pname!r} {wrong}", where)
            continue
        props[pname] = value
        given.add(pname)
    for pname, want in spec.props.items():
        if want.required and (pname not in given or props[pname] in ("", None)):
            problems.add(path, f"missing required property {pname!r} ({want.doc})", where)
    return MapObject(oid_int, kind, name, shape, x, y, w, h, points, props)


def check_references(objects: list[MapObject], path: Path, problems: ProblemList) -> None:
    """Object-reference properties must point at an object of the right kind."""
    by_id = {o.id: o for o in objects}
    for obj in objects:
        for pname, spec in KINDS[obj.kind].props.items():
            if spec.type != "object" or not obj.props.get(pname):
                continue
            target = by_id.get(obj.props[pname])
            if target is None:
                problems.add(path, f"property {pname!r} points at object {obj.props[pname]}, which does not exist", obj.label)
            elif spec.refers_to and target.kind != spec.refers_to:
                problems.add(path, f"property {pname!r} points at {target.label}; it must be a {spec.refers_to}", obj.label)
        if obj.props.get("leaves"):
            needed = {part.strip() for part in str(obj.props.get("requires", "")).split(",")}
            for item in (part.strip() for part in obj.props["leaves"].split(",")):
                if item and item not in needed:
                    problems.add(path, f"leaves {item!r}, which is not in its 'requires': Jesse must carry it here first",
                                 obj.label)


def map_properties(root: ET.Element, path: Path, problems: ProblemList) -> dict:
    """The map's own properties: the ones the game reads (`MAP_PROPS`) typed and ranged; others
    kept as they are (a designer's notes). Absent ones are absent (the tuning has the defaults)."""
    props = {}
    props_elem = root.find("properties")
    for prop in props_elem.findall("property") if props_elem is not None else ():
        name = prop.get("name", "")
        try:
            tiled_type, value = _typed_value(prop)
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
