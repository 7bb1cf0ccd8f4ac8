"""Tiled's JSON formats (maps .tmj/.json, tilesets .tsj, templates .tj) read as the TMX they stand for.

Tiled's JSON is its XML, field for field: a layer's `offsetx` is the same attribute, an object's
`polygon` the same points. So a JSON document is turned into the element tree Tiled would have
written as TMX, and every check, placement and message of the TMX reader serves both: one
reader, two spellings. Read bounded, like every file the game reads; a file that is not JSON, or
not shaped as Tiled writes it, is one line naming the file and what is wrong.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from ..bounded import MiB, Unreadable, read_bytes
from ..errors import MapError

MAX_JSON_BYTES = 16 * MiB
LAYER_TAGS = {"tilelayer": "layer", "objectgroup": "objectgroup", "imagelayer": "imagelayer", "group": "group"}
# Plain attributes copied as they are, per element (JSON numbers and bools written as Tiled writes them).
MAP_ATTRS = ("version", "tiledversion", "orientation", "renderorder", "width", "height", "tilewidth", "tileheight",
             "infinite", "nextlayerid", "nextobjectid", "class")
LAYER_ATTRS = ("id", "name", "class", "width", "height", "opacity", "visible", "offsetx", "offsety", "tintcolor")
OBJECT_ATTRS = ("id", "name", "type", "class", "x", "y", "width", "height", "rotation", "gid", "visible", "template")
TILESET_ATTRS = ("firstgid", "source", "name", "class", "tilewidth", "tileheight", "spacing", "margin", "tilecount",
                 "columns")


def read_json(path: Path):
    try:
        raw = read_bytes(path, MAX_JSON_BYTES)
    except Unreadable as exc:
        raise MapError(path, str(exc)) from None
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise MapError(path, "not UTF-8 text (Tiled saves JSON as UTF-8)") from None
    except json.JSONDecodeError as exc:
        raise MapError(path, f"malformed JSON ({exc.msg})", f"line {exc.lineno}, column {exc.colno}") from None
    except RecursionError:
        raise MapError(path, "malformed JSON (nested too deeply for a Tiled file)") from None


def _text(value) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _copy(elem: ET.Element, data: dict, names) -> None:
    for name in names:
        value = data.get(name)
        if value is not None and not isinstance(value, (dict, list)):
            elem.set(name, _text(value))


def _need(data, kind: str, path: Path, where: str = "") -> dict:
    if not isinstance(data, dict):
        raise MapError(path, f"{kind} must be a JSON object, not {type(data).__name__}", where or None)
    return data


def _list(data: dict, key: str, path: Path, where: str) -> list:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise MapError(path, f"{key!r} must be a list", where)
    return value


def _properties(parent: ET.Element, data: dict, path: Path, where: str) -> None:
    props = _list(data, "properties", path, where)
    if not props:
        return
    holder = ET.SubElement(parent, "properties")
    for prop in props:
        _need(prop, "a property", path, where)
        elem = ET.SubElement(holder, "property", name=str(prop.get("name", "")))
        kind = prop.get("type", "string")
        if kind != "string":
            elem.set("type", str(kind))
        value = prop.get("value", "")
        if isinstance(value, bool):
            elem.set("value", "true" if value else "false")
        elif isinstance(value, (dict, list)):
            elem.set("value", json.dumps(value))  # a class value: the TMX reader names the type it cannot use
        else:
            elem.set("value", _text(value) if kind != "string" else str(value))


def _object(parent: ET.Element, data: dict, path: Path) -> None:
    data = _need(data, "an object", path)
    elem = ET.SubElement(parent, "object")
    _copy(elem, data, OBJECT_ATTRS)
    where = f"object {elem.get('id', '?')}"
    _properties(elem, data, path, where)
    if data.get("point"):
        ET.SubElement(elem, "point")
    elif data.get("ellipse"):
        ET.SubElement(elem, "ellipse")
    for shape in ("polygon", "polyline"):
        if shape in data:
            points = _list(data, shape, path, where)
            try:
                text = " ".join(f"{_text(p['x'])},{_text(p['y'])}" for p in points)
            except (TypeError, KeyError):
                raise MapError(path, f"{shape} points must be objects with x and y", where) from None
            ET.SubElement(elem, shape, points=text)
    if "text" in data:
        ET.SubElement(elem, "text").text = str(_need(data["text"], "a text", path, where).get("text", ""))


def _layer(parent: ET.Element, data: dict, path: Path) -> None:
    data = _need(data, "a layer", path)
    kind = data.get("type")
    where = f"layer {str(data.get('name', ''))[:40]!r}"
    if kind not in LAYER_TAGS:
        raise MapError(path, f"unknown layer type {str(kind)[:40]!r}", where)
    if "chunks" in data:
        raise MapError(path, "infinite maps are not supported (Map > Map Properties > Infinite off)", where)
    elem = ET.SubElement(parent, LAYER_TAGS[kind])
    _copy(elem, data, LAYER_ATTRS)
    _properties(elem, data, path, where)
    if kind == "tilelayer":
        tiles = data.get("data")
        out = ET.SubElement(elem, "data")
        if isinstance(tiles, list):
            if not all(isinstance(v, int) and not isinstance(v, bool) for v in tiles):
                raise MapError(path, "layer data must be a list of tile ids (integers)", where)
            out.set("encoding", "csv")
            out.text = ",".join(str(v) for v in tiles)
        elif isinstance(tiles, str):
            out.set("encoding", str(data.get("encoding", "base64")))
            if data.get("compression"):
                out.set("compression", str(data["compression"]))
            out.text = tiles
        else:
            raise MapError(path, "layer has no data", where)
    elif kind == "objectgroup":
        for obj in _list(data, "objects", path, where):
            _object(elem, obj, path)
    elif kind == "imagelayer" and data.get("image"):
        ET.SubElement(elem, "image", source=str(data["image"]))
    elif kind == "group":
        for child in _list(data, "layers", path, where):
            _layer(elem, child, path)


def map_element(data, path: Path) -> ET.Element:
    """A Tiled JSON map as the <map> element of the TMX Tiled would have written."""
    data = _need(data, "a Tiled map", path)
    document = data.get("type", "map")  # Tiled's word for what the file holds, not a game event
    if document != "map":
        raise MapError(path, f"expected a Tiled map, found a {str(document)[:40]}")
    root = ET.Element("map")
    _copy(root, data, MAP_ATTRS)
    _properties(root, data, path, "map")
    for ts in _list(data, "tilesets", path, "map"):
        ts = _need(ts, "a tileset", path, "tileset")
        if "source" in ts:
            ET.SubElement(root, "tileset", firstgid=_text(ts.get("firstgid", 1)), source=str(ts["source"]))
        else:
            root.append(tileset_element(ts, path))
    for layer in _list(data, "layers", path, "map"):
        _layer(root, layer, path)
    return root


def tileset_element(data, path: Path) -> ET.Element:
    """A Tiled JSON tileset (a .tsj, or one embedded in a JSON map) as a <tileset> element."""
    data = _need(data, "a Tiled tileset", path)
    elem = ET.Element("tileset")
    _copy(elem, data, TILESET_ATTRS)
    _properties(elem, data, path, "tileset")
    offset = data.get("tileoffset")
    if isinstance(offset, dict):
        ET.SubElement(elem, "tileoffset", x=_text(offset.get("x", 0)), y=_text(offset.get("y", 0)))
    if data.get("image"):
        ET.SubElement(elem, "image", source=str(data["image"]), width=_text(data.get("imagewidth", 0)),
                      height=_text(data.get("imageheight", 0)))
    for tile in _list(data, "tiles", path, "tileset"):
        tile = _need(tile, "a tile", path, "tileset")
        t = ET.SubElement(elem, "tile", id=_text(tile.get("id", 0)))
        _properties(t, tile, path, f"tile {t.get('id')}")
        if isinstance(tile.get("image"), str):
            ET.SubElement(t, "image", source=tile["image"])
        if tile.get("objectgroup") is not None:  # its shapes from Tiled's collision editor
            group = _need(tile["objectgroup"], "an object layer", path, f"tile {t.get('id')}")
            shapes = ET.SubElement(t, "objectgroup")
            for obj in _list(group, "objects", path, f"tile {t.get('id')}"):
                _object(shapes, obj, path)
    return elem


def template_element(data, path: Path) -> ET.Element:
    """A Tiled JSON template (.tj) as a <template> element."""
    data = _need(data, "a Tiled template", path)
    root = ET.Element("template")
    ts = data.get("tileset")
    if isinstance(ts, dict) and "source" in ts:
        ET.SubElement(root, "tileset", firstgid=_text(ts.get("firstgid", 1)), source=str(ts["source"]))
    _object(root, _need(data.get("object"), "the template's object", path), path)
    return root
