"""Draft a new Tiled map from ASCII art, once.

A designer (or a test author) sketches a map as text, drafts the `.tmx` with
this tool, and from then on edits the `.tmx` in Tiled: the map file is the
source of truth. The tool refuses to overwrite an existing map.

Draft file format (plain text):

    tileset = tilesets/garage.tsx     # relative to the map being written
    ambient = 0.6                     # optional map properties (float)
    legend  . = floor:0               # char = layer:tile_id [layer:tile_id ...]
    legend  # = floor:0 walls:16
    map
    ##########
    #S.....G.#
    ##########
    object G Guard route=@r1 group=front      # kind at the char's tile centres
    object S PlayerSpawn
    route r1 loop=true wait=1 : 2,1 7,1 7,3   # a PatrolRoute through tile centres
    zone Dark 1,1 3x2 level=0.1               # a rectangle: tile col,row and size
    ellipse Light 4,0 5x5 level=0.9           # an ellipse in that rectangle

Property values: true/false are bools, numbers are floats, `@name` is a
reference to a route or object named `name`, anything else is a string.

    python tools/draft_map.py sketch.txt maps/new.tmx
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from xml.sax.saxutils import quoteattr

TILE = 32


def _value(raw: str) -> tuple[str, str]:
    if raw in ("true", "false"):
        return "bool", raw
    if raw.startswith("@"):
        return "object", raw
    try:
        float(raw)
        return "float", raw
    except ValueError:
        return "string", raw


def _props(words: list[str]) -> dict[str, tuple[str, str]]:
    out = {}
    for word in words:
        key, _, raw = word.partition("=")
        out[key] = _value(raw)
    return out


def parse_draft(text: str) -> dict:
    draft = {"tileset": None, "properties": {}, "legend": {}, "rows": [], "objects": [], "routes": [], "zones": []}
    lines = iter(text.splitlines())
    for line in lines:
        line = line.split("  #", 1)[0].rstrip() if not line.startswith("legend") else line.rstrip()
        if not line.strip() or line.lstrip().startswith("# "):
            continue
        head, _, rest = line.partition(" ")
        if head == "map":
            for row in lines:
                if not row.strip():
                    break
                draft["rows"].append(row.rstrip("\n"))
        elif head == "tileset":
            draft["tileset"] = rest.split("=", 1)[1].strip()
        elif head == "legend":
            char, _, spec = rest.partition(" = ")  # `legend   = ...` defines the space character
            draft["legend"][char.strip() or " "] = [(p.split(":")[0], int(p.split(":")[1])) for p in spec.split()]
        elif head == "object":
            words = rest.split()
            draft["objects"].append({"char": words[0], "kind": words[1], "props": _props(words[2:])})
        elif head == "route":
            left, _, pts = rest.partition(":")
            words = left.split()
            points = [tuple(float(v) for v in p.split(",")) for p in pts.split()]
            draft["routes"].append({"name": words[0], "props": _props(words[1:]), "points": points})
        elif head in ("zone", "ellipse"):
            words = rest.split()
            col, row = (float(v) for v in words[1].split(","))
            w, h = (float(v) for v in words[2].split("x"))
            draft["zones"].append({"kind": words[0], "rect": (col, row, w, h), "props": _props(words[3:]), "ellipse": head == "ellipse"})
        else:
            key, _, raw = line.partition("=")
            draft["properties"][key.strip()] = _value(raw.strip())
    return draft


def _props_xml(props: dict[str, tuple[str, str]], ids: dict[str, int], indent: str) -> list[str]:
    if not props:
        return []
    out = [f"{indent}<properties>"]
    for key, (typ, raw) in props.items():
        if typ == "object":
            raw = str(ids[raw[1:]])
        typ_attr = "" if typ == "string" else f' type="{typ}"'
        out.append(f"{indent} <property name={quoteattr(key)}{typ_attr} value={quoteattr(raw)}/>")
    out.append(f"{indent}</properties>")
    return out


def render_tmx(draft: dict) -> str:
    rows = draft["rows"]
    height, width = len(rows), max(len(r) for r in rows)
    layer_names: list[str] = []
    for spec in draft["legend"].values():
        for name, _ in spec:
            if name not in layer_names:
                layer_names.append(name)
    if "walls" in layer_names:  # walls drawn last, over the floor
        layer_names.remove("walls")
        layer_names.append("walls")
    grids = {name: [[0] * width for _ in range(height)] for name in layer_names}
    cells: dict[str, list[tuple[int, int]]] = {}
    for r, row in enumerate(rows):
        for c, ch in enumerate(row.ljust(width)):
            cells.setdefault(ch, []).append((c, r))
            for name, tile in draft["legend"].get(ch, draft["legend"].get(".", [])):
                grids[name][r][c] = tile + 1

    next_id = 1
    ids: dict[str, int] = {}
    for route in draft["routes"]:
        ids[route["name"]] = next_id
        next_id += 1
    obj_lines: list[str] = []
    for route in draft["routes"]:
        x0, y0 = ((v + 0.5) * TILE for v in route["points"][0])
        pts = " ".join(f"{(c + 0.5) * TILE - x0:g},{(r + 0.5) * TILE - y0:g}" for c, r in route["points"])
        obj_lines.append(f'  <object id="{ids[route["name"]]}" name="{route["name"]}" type="PatrolRoute" x="{x0:g}" y="{y0:g}">')
        obj_lines += _props_xml(route["props"], ids, "   ")
        obj_lines.append(f'   <polyline points="{pts}"/>')
        obj_lines.append("  </object>")
    actor_lines: list[str] = []
    for obj in draft["objects"]:
        for c, r in cells.get(obj["char"], []):
            actor_lines.append(f'  <object id="{next_id}" type="{obj["kind"]}" x="{(c + 0.5) * TILE:g}" y="{(r + 0.5) * TILE:g}">')
            actor_lines += _props_xml(obj["props"], ids, "   ")
            actor_lines.append("   <point/>")
            actor_lines.append("  </object>")
            next_id += 1
    zone_lines: list[str] = []
    for zone in draft["zones"]:
        c, r, w, h = zone["rect"]
        zone_lines.append(f'  <object id="{next_id}" type="{zone["kind"]}" x="{c * TILE:g}" y="{r * TILE:g}" width="{w * TILE:g}" height="{h * TILE:g}">')
        zone_lines += _props_xml(zone["props"], ids, "   ")
        if zone.get("ellipse"):
            zone_lines.append("   <ellipse/>")
        zone_lines.append("  </object>")
        next_id += 1

    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<map version="1.8" tiledversion="1.8.2" orientation="orthogonal" renderorder="right-down" width="{width}" height="{height}" '
        f'tilewidth="{TILE}" tileheight="{TILE}" infinite="0" nextlayerid="{len(layer_names) + 4}" nextobjectid="{next_id}">',
    ]
    out += _props_xml(draft["properties"], ids, " ")
    out.append(f' <tileset firstgid="1" source={quoteattr(draft["tileset"])}/>')
    for i, name in enumerate(layer_names, 1):
        out.append(f' <layer id="{i}" name="{name}" width="{width}" height="{height}">')
        out.append('  <data encoding="csv">')
        grid = grids[name]
        out.append(",\n".join(",".join(str(v) for v in row) for row in grid))
        out.append("</data>")
        out.append(" </layer>")
    for j, (name, lines) in enumerate((("zones", zone_lines), ("routes", obj_lines), ("actors", actor_lines)), len(layer_names) + 1):
        out.append(f' <objectgroup id="{j}" name="{name}">')
        out += lines
        out.append(" </objectgroup>")
    out.append("</map>")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Draft a new .tmx map from an ASCII sketch (never overwrites).")
    parser.add_argument("sketch", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    if args.out.exists():
        print(f"{args.out}: exists; edit it in Tiled instead of drafting it again", file=sys.stderr)
        return 2
    args.out.write_text(render_tmx(parse_draft(args.sketch.read_text())))
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
