"""Tiled's objects read as the game's: each checked against `KINDS` and placed where Tiled
shows it (its layers' offsets, its rotation, a tile object's bottom-left anchor, its template
merged in), and the references between them checked. The files, tilesets and layers are read in
`tmx.py`; this is what is on the object layers.
"""

from __future__ import annotations

import math
import os
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from ..bounded import MiB
from ..errors import MapError
from .project_enums import enum_word
from .shapes import ellipse, rectangle, turn
from .kinds import ELLIPSE, KINDS, POINT, POLYGON, POLYLINE, PROPERTY_TYPES, RECT
from .tiled_json import read_json, template_element
from .tmx import (FLIP_MASK, MAX_POINTS, QUOTE, MapObject, Place, ProblemList, coord, layer_tree, quoted, read_xml,
                  turned, typed_value)


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
        pts.append((x + coord(px, "point"), y + coord(py, "point")))
    return tuple(pts)


#: Corners of one collision polygon (they are cut into triangles once per tile).
MAX_SHAPE_POINTS = 256


def tile_outlines(objects, path: Path, where: str) -> list[tuple[list[tuple[float, float]], bool]]:
    """A tile's shapes from Tiled's collision editor as (outline, closed), in the tile's own
    pixels (its top-left at 0, 0), turned as Tiled turns them. Points, text and hidden shapes
    are no solid."""
    out = []
    for elem in objects:
        shape = _shape(elem)
        if shape == POINT or elem.find("text") is not None or elem.get("visible") == "0":
            continue
        try:
            x, y = coord(elem.get("x"), "x"), coord(elem.get("y"), "y")
            w, h = coord(elem.get("width"), "width"), coord(elem.get("height"), "height")
            rotation = coord(elem.get("rotation"), "rotation")
            if shape in (POLYGON, POLYLINE):
                pts = list(_points(elem, shape, x, y))
                if len(pts) > MAX_SHAPE_POINTS:
                    raise ValueError(f"{len(pts)} corners; at most {MAX_SHAPE_POINTS}")
            elif w <= 0 or h <= 0:
                continue
            else:
                pts = (ellipse if shape == ELLIPSE else rectangle)(x, y, w, h)
        except ValueError as exc:
            raise MapError(path, f"collision shape {quoted(elem.get('id', '?'))}: {exc}", where) from None
        out.append((turn(pts, x, y, rotation), shape != POLYLINE))
    return out


NOTES_LAYER = "notes"  # an object layer for the designer's notes: its untyped objects are not in the game
RIGHT_ANGLE_EPS = 1e-6


@dataclass(frozen=True)
class TileSprite:
    """A tile object as Tiled draws it (whatever its kind, or none): the renderer draws these."""

    gid: int  # flip flags kept
    x: float  # top-left of the upright box
    y: float
    width: float
    height: float
    rotation: float
    opacity: float
    tint: tuple[float, float, float, float]
    above: int = 0  # how many tile layers Tiled draws before it


def read_objects(root: ET.Element, path: Path, problems: ProblemList,
                 sprites: list | None = None, tilesets: list | None = None) -> list[MapObject]:
    """Every object of every visible object layer, checked against `KINDS`, placed as Tiled shows
    it. Hidden layers and objects are not in the game; text objects, and untyped objects on the
    `notes` layer, are the designer's notes. Tile objects are also added to `sprites`."""
    objects = []
    seen: set[str] = set()
    tile_layers = 0  # drawn before this object layer (Tiled draws its tile objects in their layer's place)
    for group, place in layer_tree(root, path, problems):
        tile_layers += group.tag == "layer"
        if group.tag != "objectgroup" or not place.visible:
            continue
        notes = group.get("name", "").strip().lower() == NOTES_LAYER
        for elem in group.findall("object"):
            oid = elem.get("id", "?")
            if oid in seen:
                problems.add(path, f"object id {quoted(oid)} is used twice (Tiled gives every object its own id)")
                continue
            seen.add(oid)
            if elem.get("template"):
                elem = _with_template(elem, path, problems)
                if elem is None or not _template_gid(elem, tilesets or [], path, problems):
                    continue
            if elem.get("visible", "1") == "0" or elem.find("text") is not None:
                continue
            if notes and not object_kind(elem):
                continue
            obj = _read_object(elem, path, problems, place, sprites, tile_layers)
            if obj is not None:
                objects.append(obj)
    return objects


MAX_TEMPLATE_BYTES = 1 * MiB


def _with_template(elem: ET.Element, path: Path, problems: ProblemList) -> ET.Element | None:
    """The object as Tiled makes it from its template (`.tx`): the template's object, its
    attributes and properties overridden by the instance's, its shape unless the instance has
    its own. A tile object's gid is read against the template's own tileset."""
    source = elem.get("template", "")
    where = f"object {elem.get('id', '?')[:QUOTE]}"
    if not source.lower().endswith((".tx", ".tj", ".json")):
        problems.add(path, f"template {quoted(source)} is not a template file (.tx or .tj)", where)
        return None
    tx = (path.parent / source).resolve()
    if not os.path.lexists(tx):
        problems.add(path, f"template file {quoted(source, 200)} not found", where)
        return None
    try:
        if tx.suffix.lower() == ".tx":
            template = read_xml(tx, "template")
        else:
            template = template_element(read_json(tx), tx)
    except MapError as exc:
        problems.add(exc.path, exc.message, exc.where)
        return None
    base = template.find("object")
    if base is None:
        problems.add(tx, "the template has no object")
        return None
    merged = ET.Element("object", dict(base.attrib))
    merged.attrib.update({k: v for k, v in elem.attrib.items() if k != "template"})
    if base.get("gid") and not elem.get("gid"):
        ts = template.find("tileset")
        merged.set("gid", base.get("gid"))
        merged.set("template-tileset", str((tx.parent / ts.get("source", "")).resolve()) if ts is not None else "")
        merged.set("template-firstgid", ts.get("firstgid", "1") if ts is not None else "1")
    props: dict[str, ET.Element] = {}
    for holder in (base, elem):
        found = holder.find("properties")
        for prop in found.findall("property") if found is not None else ():
            props[prop.get("name", "")] = prop
    if props:
        holder = ET.SubElement(merged, "properties")
        holder.extend(props.values())
    shape_of = elem if any(elem.find(t) is not None for t in (POINT, ELLIPSE, POLYGON, POLYLINE, "text")) else base
    for tag in (POINT, ELLIPSE, POLYGON, POLYLINE, "text"):
        child = shape_of.find(tag)
        if child is not None:
            merged.append(child)
    return merged


def _template_gid(elem: ET.Element, tilesets: list, path: Path, problems: ProblemList) -> bool:
    """A tile object's gid from its template, read against the map's copy of the template's
    tileset (the map must use that tileset too); False when it cannot be."""
    source = elem.attrib.pop("template-tileset", None)
    first = elem.attrib.pop("template-firstgid", "1")
    if source is None:
        return True
    raw = int(elem.get("gid", "0"))
    mine = next((t for t in tilesets if str(t.source) == source), None)
    if mine is None or not first.isdigit():
        problems.add(path, f"the template's tile comes from a tileset the map does not use ({quoted(Path(source).name)}); "
                           f"add that tileset to the map", f"object {elem.get('id', '?')[:QUOTE]}")
        return False
    elem.set("gid", str((raw & ~FLIP_MASK) | ((raw & FLIP_MASK) - int(first) + mine.firstgid)))
    return True


def _right_angle(rotation: float) -> int | None:
    """0, 90, 180 or 270 when `rotation` is (near) a right angle, else None."""
    turns = (rotation % 360.0) / 90.0
    nearest = round(turns)
    return (nearest % 4) * 90 if abs(turns - nearest) < RIGHT_ANGLE_EPS else None


def _read_object(elem: ET.Element, path: Path, problems: ProblemList, place: Place = Place(),
                 sprites: list | None = None, above: int = 0) -> MapObject | None:
    oid = elem.get("id", "?")[:QUOTE]
    kind = object_kind(elem)
    name = elem.get("name", "")
    where = f"object {oid}" + (f" ({quoted(name)})" if name else "")
    gid = elem.get("gid")
    try:
        oid_int = int(oid)
        if not 0 < oid_int < 2**31:
            raise ValueError(f"object id {oid} out of range")
        x, y = coord(elem.get("x"), "x") + place.dx, coord(elem.get("y"), "y") + place.dy
        w, h = coord(elem.get("width"), "width"), coord(elem.get("height"), "height")
        rotation = coord(elem.get("rotation"), "rotation")
        shape = RECT if gid else _shape(elem)
        points = _points(elem, shape, x, y)
        if gid:
            tile_gid = int(gid)
            if not 0 < tile_gid < 2**32:
                raise ValueError(f"tile id {gid} out of range")
    except (ValueError, TypeError) as exc:
        problems.add(path, f"bad geometry ({exc})", where)
        return None
    if gid:
        # Tiled anchors a tile object at its bottom-left corner and turns it about that corner:
        # the same box, turned the same, about its top-left is where Tiled draws it.
        a = math.radians(rotation)
        x, y = x + h * math.sin(a), y - h * math.cos(a)
        if sprites is not None:
            sprites.append(TileSprite(tile_gid, x, y, w, h, rotation, place.opacity, place.tint, above))
        if not kind:
            return None  # decoration: drawn, not in the game
    if kind not in KINDS:
        known = ", ".join(sorted(KINDS))
        problems.add(path, f"unknown kind {quoted(kind)} (known kinds: {known})" if kind else
                     f"has no kind (set its Class/Type to one of: {known}; or put notes on a layer named "
                     f"{NOTES_LAYER!r})", where)
        return None
    spec = KINDS[kind]
    where = f"object {oid} ({kind}{' ' + quoted(name) if name else ''})"
    if shape == RECT and (w <= 0 or h <= 0):
        shape = POINT if w == 0 and h == 0 and not gid else RECT
        if shape == RECT:
            problems.add(path, f"rectangle has no area ({w}x{h})", where)
            return None
    if gid and shape not in spec.shapes and POINT in spec.shapes:
        # A tile object standing for a point kind (an item drawn as its tile): its middle.
        a = math.radians(rotation)
        x, y = x + (w * math.cos(a) - h * math.sin(a)) / 2, y + (w * math.sin(a) + h * math.cos(a)) / 2
        shape, w, h, rotation = POINT, 0.0, 0.0, 0.0
    if shape not in spec.shapes:
        problems.add(path, f"is a {'tile object' if gid else shape}; a {kind} must be a "
                           f"{' or '.join(sorted(spec.shapes))}", where)
        return None
    if shape in (POLYLINE, POLYGON) and len(points) < 2:
        problems.add(path, "a route needs at least two points", where)
        return None
    if rotation and shape in (POLYLINE, POLYGON):  # turned about the object's origin, once for all
        pivot = MapObject(oid_int, kind, name, shape, x, y, 0.0, 0.0, rotation=rotation)
        points, rotation = tuple(turned(pivot, px, py) for px, py in points), 0.0
    elif shape == POINT:
        rotation = 0.0
    elif rotation:
        right = _right_angle(rotation)
        if right is not None:  # the upright box Tiled shows
            box = MapObject(oid_int, kind, name, shape, x, y, w, h, rotation=float(right))
            x, y, x1, y1 = box.bounds
            w, h, rotation = x1 - x, y1 - y, 0.0
        elif kind == "Door":
            problems.add(path, f"is turned by {rotation:g} degrees; a Door fills whole cells, so turn it by "
                               f"a multiple of 90", where)
            return None
    props = {k: p.default for k, p in spec.props.items()}
    given = set()
    props_elem = elem.find("properties")
    for prop in props_elem.findall("property") if props_elem is not None else ():
        pname = prop.get("name", "")
        if kind == "Objective" and pname == "id":  # its name before 2026-12: Tiled's own word for the object id
            problems.add(path, "property 'id' is now called 'objective' (rename it in Tiled's Properties panel)", where)
            continue
        if pname not in spec.props:
            problems.add(path, f"unknown property {quoted(pname)} for a {kind} (known: {', '.join(spec.props) or 'none'})", where)
            continue
        want = spec.props[pname]
        try:
            tiled_type, value = typed_value(prop)
        except ValueError as exc:
            problems.add(path, f"property {pname!r}: {exc}", where)
            continue
        if want.choices and tiled_type == "int" and prop.get("propertytype"):
            # A Tiled enum stored as an int: its place in the enum, as the map's project orders it
            try:
                value = enum_word(path, prop.get("propertytype")[:QUOTE], value, want.choices)
            except ValueError as exc:
                problems.add(path, f"property {pname!r} {exc}", where)
                continue
            tiled_type = "string"
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
    return MapObject(oid_int, kind, name, shape, x, y, w, h, points, props, rotation)


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
