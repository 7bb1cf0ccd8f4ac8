"""A Tiled map turned into plain, typed level data.

`load_level(path)` reads a `.tmx` file and its external tilesets and returns a
`Level`: the solid grid and the wall rectangles merged from it, the spawn, the
guards with their patrol routes, and every other object checked against
`kinds.KINDS`. No window and no image loading: the renderer loads images
itself from `Level.tilesets`. Anything wrong raises `MapError` with one line
naming the file and the object or XML line.

We decode layer data with pytmx's decoder but read objects ourselves: pytmx
does not keep an object's shape (point, ellipse), refuses properties named
like its attributes (an Objective's `id`), and cannot say which object a bad
value belongs to.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..errors import MapError
from .kinds import KINDS, POLYGON
from .layer_data import LayerDataError, decode_layer
from .mapcheck import check_geometry
from .tmx import (
    FLIP_MASK,
    MapObject,
    Problem,
    ProblemList,
    TILE_SIZE,
    TilesetInfo,
    check_gids,
    check_map_header,
    check_references,
    map_properties,
    quoted,
    read_objects,
    read_tilesets,
    read_xml,
)

WALLS_LAYER = "walls"


@dataclass(frozen=True)
class TileLayer:
    name: str
    gids: np.ndarray  # (rows, cols) uint32 Tiled gids, flip flags kept
    visible: bool = True
    opacity: float = 1.0


@dataclass(frozen=True)
class Route:
    id: int
    points: tuple[tuple[float, float], ...]
    loop: bool
    waits: tuple[float, ...]  # seconds to wait at each point


@dataclass(frozen=True)
class GuardSpec:
    id: int
    name: str
    x: float
    y: float
    route: Route | None
    props: dict


@dataclass
class Level:
    path: Path
    cols: int
    rows: int
    tile: int
    properties: dict
    ambient: float
    solid: np.ndarray  # (rows, cols) bool: True where the walls layer has a tile
    walls: list[tuple[float, float, float, float]]  # merged wall rectangles in px (x, y, w, h)
    spawn: tuple[float, float]
    guards: list[GuardSpec]
    routes: dict[int, Route]
    objects: list[MapObject]
    tilesets: list[TilesetInfo]
    layers: list[TileLayer] = field(default_factory=list)

    @property
    def pixel_size(self) -> tuple[int, int]:
        return self.cols * self.tile, self.rows * self.tile

    def of_kind(self, kind: str) -> list[MapObject]:
        return [o for o in self.objects if o.kind == kind]


def merge_walls(solid: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Cover the solid cells with few rectangles (col, row, w, h), in tiles.

    Greedy: take each horizontal run of solid cells and grow it downward while
    the rows below have exactly the same run. Rectangles never overlap and
    their union is exactly the solid cells.
    """
    rows, cols = solid.shape
    used = np.zeros_like(solid, dtype=bool)
    rects = []
    for r in range(rows):
        c = 0
        while c < cols:
            if not solid[r, c] or used[r, c]:
                c += 1
                continue
            end = c
            while end < cols and solid[r, end] and not used[r, end]:
                end += 1
            bottom = r + 1
            while bottom < rows and solid[bottom, c:end].all() and not used[bottom, c:end].any():
                bottom += 1
            used[r:bottom, c:end] = True
            rects.append((c, r, end - c, bottom - r))
            c = end
    return rects


def _read_layers(root, path: Path, cols: int, rows: int, tilesets, problems: ProblemList) -> list[TileLayer]:
    layers = []
    for elem in root.iter("layer"):
        name = elem.get("name", "")
        where = f"layer {name!r}"
        if (elem.get("width"), elem.get("height")) != (str(cols), str(rows)):
            problems.add(path, f"layer is {elem.get('width')}x{elem.get('height')}, the map is {cols}x{rows}", where)
            continue
        data = elem.find("data")
        if data is None:
            problems.add(path, "layer has no data", where)
            continue
        try:
            grid = decode_layer(data, cols, rows)
        except LayerDataError as exc:
            problems.add(path, f"corrupt layer data ({exc})", where)
            continue
        if data.get("encoding") == "csv":
            ragged = _ragged_row(data.text or "", cols)
            if ragged is not None:
                problems.add(path, f"ragged layer data: row {ragged[0]} has {ragged[1]} tiles, not {cols}", where)
                continue
        opacity = _opacity(elem.get("opacity", "1"))
        if opacity is None:
            problems.add(path, f"opacity {quoted(elem.get('opacity'))} must be a number from 0 to 1", where)
            continue
        check_gids(name, grid, tilesets, path, problems)
        layers.append(TileLayer(name, grid, elem.get("visible", "1") != "0", opacity))
    return layers


def _opacity(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if 0.0 <= value <= 1.0 else None  # NaN fails both


def _ragged_row(text: str, cols: int) -> tuple[int, int] | None:
    """The first CSV row (and its length) that is not `cols` tiles long, when rows are on lines.
    All on one line is Tiled's "Minimize output": not ragged."""
    rows = [line.strip().rstrip(",") for line in text.strip().splitlines() if line.strip()]
    if len(rows) <= 1:
        return None
    for i, row in enumerate(rows):
        n = len(row.split(","))
        if n != cols:
            return i, n
    return None


def _route(obj: MapObject, path: Path, problems: ProblemList) -> Route:
    n = len(obj.points)
    waits = [obj.props["wait"]] * n
    text = obj.props["waits"].strip()
    if text:
        try:
            given = [float(v) for v in text.split(",")]
        except ValueError:
            problems.add(path, f"property 'waits' {quoted(text)} is not a comma-separated list of seconds", obj.label)
            given = []
        wait = KINDS["PatrolRoute"].props["wait"]
        wrong = next((wait.problem(v) for v in given if wait.problem(v)), None)
        if wrong:
            problems.add(path, f"property 'waits': each wait {wrong}", obj.label)
            given = []
        if len(given) > n:
            problems.add(path, f"property 'waits' has {len(given)} values for {n} points", obj.label)
        waits[: len(given)] = given[:n]
    if any(w < 0 or math.isnan(w) for w in waits):
        problems.add(path, "waits must be zero or more seconds", obj.label)
    return Route(obj.id, obj.points, obj.props["loop"] or obj.shape == POLYGON, tuple(waits))


def load_level(path: str | Path) -> Level:
    """Read a map; raise MapError naming the file and the first problem."""
    level, problems = read_level(path)
    if problems:
        first = problems[0]
        more = f" (and {len(problems) - 1} more problems: python tools/lint_maps.py lists them)" if len(problems) > 1 else ""
        raise MapError(first.path, first.message + more, first.where)
    return level


def check_map(path: str | Path) -> list[Problem]:
    """Every problem of a map (empty when it is fine): what the linter prints."""
    try:
        return read_level(path)[1]
    except MapError as exc:
        return [Problem(exc.path, exc.where, exc.message)]


def read_level(path: str | Path) -> tuple[Level | None, ProblemList]:
    """The level and the problems found. A file that cannot be read at all raises MapError."""
    path = Path(path)
    root = read_xml(path, "map")
    cols, rows = check_map_header(root, path)
    tilesets = read_tilesets(root, path)
    problems = ProblemList()
    props = map_properties(root, path, problems)
    layers = _read_layers(root, path, cols, rows, tilesets, problems)
    objects = read_objects(root, path, problems)
    check_references(objects, path, problems)

    walls_layers = [layer for layer in layers if layer.name == WALLS_LAYER]
    if not walls_layers and not problems:
        problems.add(path, f"the map has no tile layer named {WALLS_LAYER!r} (its tiles are the solid walls)")
    solid = (walls_layers[0].gids & FLIP_MASK) != 0 if walls_layers else np.zeros((rows, cols), bool)

    ambient = props.get("ambient", 1.0)
    if not isinstance(ambient, (int, float)) or not 0.0 <= float(ambient) <= 1.0:
        problems.add(path, f"map property 'ambient' is {ambient!r}; it must be a number from 0 to 1")
        ambient = 1.0

    spawns = [o for o in objects if o.kind == "PlayerSpawn"]
    if len(spawns) != 1:
        problems.add(path, f"the map needs exactly one PlayerSpawn, it has {len(spawns)}")
    routes = {o.id: _route(o, path, problems) for o in objects if o.kind == "PatrolRoute"}
    guards = [
        GuardSpec(o.id, o.name, o.x, o.y, routes.get(o.props["route"]), dict(o.props))
        for o in objects
        if o.kind == "Guard"
    ]
    if problems:
        return None, problems

    tile = TILE_SIZE
    walls = [(c * tile, r * tile, w * tile, h * tile) for c, r, w, h in merge_walls(solid)]
    level = Level(
        path=path,
        cols=cols,
        rows=rows,
        tile=tile,
        properties=props,
        ambient=float(ambient),
        solid=solid,
        walls=walls,
        spawn=(spawns[0].x, spawns[0].y),
        guards=guards,
        routes=routes,
        objects=objects,
        tilesets=tilesets,
        layers=layers,
    )
    check_geometry(level, problems)
    return (None if problems else level), problems
