"""A Tiled map turned into plain, typed level data.

`load_level(path)` reads a `.tmx` file and its external tilesets and returns a
`Level`: the solid grid and the wall rectangles merged from it, the spawn, the
guards with their patrol routes, and every other object checked against
`kinds.KINDS`. No window and no image loading: the renderer loads images
itself from `Level.tilesets`. Anything wrong raises `MapError` with one line
naming the file and the object or XML line.

We read the layers and objects ourselves (see docs/ARCHITECTURE.md): pytmx does
not keep an object's shape (point, ellipse) and cannot say which object a bad
value belongs to. A JSON map (.tmj) is read as the TMX it stands for.
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
from .tiled_json import map_element, read_json
from .shapes import ShapeError, pieces, rectangle
from .tmx_objects import check_references, read_objects, tile_outlines
from .tmx import (
    FLIP_MASK,
    MAX_IMAGE_SIDE,
    Place,
    MapObject,
    Problem,
    ProblemList,
    TILE_SIZE,
    TilesetInfo,
    check_gids,
    check_map_header,
    map_properties,
    quoted,
    read_tilesets,
    read_xml,
    layer_tree,
)
from ..bounded import Unreadable, image_size, read_head

WALLS_LAYER = "walls"


@dataclass(frozen=True)
class TileLayer:
    name: str
    gids: np.ndarray  # (rows, cols) uint32 Tiled gids, flip flags kept
    visible: bool = True
    opacity: float = 1.0
    offset: tuple[float, float] = (0.0, 0.0)  # px, its groups' included: where Tiled draws it
    tint: tuple[float, float, float, float] = (1.0, 1.0, 1.0, 1.0)


@dataclass(frozen=True)
class ImageLayer:
    name: str
    above: int  # how many tile layers Tiled draws before it
    image: Path
    offset: tuple[float, float]
    opacity: float
    tint: tuple[float, float, float, float]


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
    images: list[ImageLayer] = field(default_factory=list)  # image layers, drawn under the tiles
    sprites: list = field(default_factory=list)  # tmx_objects.TileSprite: tile objects, drawn over the tiles
    # convex collision pieces in px (shapes.py): walls tiles with shapes, walls drawn off the grid
    shapes: tuple = ()

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


def _read_layers(root, path: Path, cols: int, rows: int, tilesets, problems: ProblemList):
    """The tile layers and image layers, in drawing order, each placed as Tiled draws it."""
    layers, images = [], []
    for elem, place in layer_tree(root, path, problems):
        if elem.tag == "imagelayer":
            image = _image_layer(elem, place, len(layers), path, problems)
            if image is not None:
                images.append(image)
            continue
        if elem.tag != "layer":
            continue
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
        check_gids(name, grid, tilesets, path, problems)
        layers.append(TileLayer(name, grid, place.visible, place.opacity, (place.dx, place.dy), place.tint))
    return layers, images


def _image_layer(elem, place: Place, above: int, path: Path, problems: ProblemList) -> ImageLayer | None:
    """An image layer Tiled shows; a hidden one or one without an image is not drawn."""
    image = elem.find("image")
    if not place.visible or image is None or not image.get("source"):
        return None
    where = f"image layer {quoted(elem.get('name', ''))}"
    source = (path.parent / image.get("source")).resolve()
    try:
        width, height = image_size(read_head(source, 32))
    except (Unreadable, OSError) as exc:
        problems.add(path, f"image {quoted(image.get('source'), 200)}: {exc}", where)
        return None
    if not (0 < width <= MAX_IMAGE_SIDE and 0 < height <= MAX_IMAGE_SIDE):
        problems.add(path, f"image {quoted(image.get('source'), 200)} is {width}x{height} px; at most "
                           f"{MAX_IMAGE_SIDE}x{MAX_IMAGE_SIDE}", where)
        return None
    return ImageLayer(elem.get("name", ""), above, source, (place.dx, place.dy), place.opacity, place.tint)


#: Collision pieces a map may have in all (a tile's shapes count once per cell it is drawn in).
MAX_PIECES = 20000
_FLIP_H, _FLIP_V, _FLIP_D = 0x80000000, 0x40000000, 0x20000000


def _flipped(piece, gid: int) -> tuple:
    """A tile's piece as Tiled draws the tile with the gid's flip flags: the diagonal flip (x and
    y swapped) first, then the horizontal and the vertical (Tiled's order). An odd number of
    flips is a mirror image: the corners are put back in the pieces' turning order."""
    t = TILE_SIZE
    out = []
    for x, y in piece:
        if gid & _FLIP_D:
            x, y = y, x
        if gid & _FLIP_H:
            x = t - x
        if gid & _FLIP_V:
            y = t - y
        out.append((x, y))
    mirrored = bool(gid & _FLIP_D) + bool(gid & _FLIP_H) + bool(gid & _FLIP_V)
    return tuple(reversed(out)) if mirrored % 2 else tuple(out)


def _walls(layers: list[TileLayer], tilesets, path: Path, cols: int, rows: int, problems: ProblemList):
    """The walls where Tiled draws them, from every visible tile layer named `walls` (several
    are all solid): (solid cells, collision pieces). A tile is solid whole, in the cell where
    Tiled draws it (the layer's offset, its groups' and its tileset's tile offset included),
    unless Tiled's collision editor gave it shapes: then its shapes are what is solid, flipped
    with the tile. Tiles drawn off the grid (an offset of part of a tile) are solid where they
    are drawn, as rectangles."""
    solid = np.zeros((rows, cols), bool)
    found: list = []
    for layer in layers:
        if layer.name != WALLS_LAYER or not layer.visible:
            continue
        raw = layer.gids & FLIP_MASK
        where = f"layer {layer.name!r}"
        for ts in tilesets:
            mine = (raw >= ts.firstgid) & (raw < ts.firstgid + ts.tilecount)
            if not mine.any():
                continue
            ox, oy = layer.offset[0] + ts.offset[0], layer.offset[1] + ts.offset[1]
            if ts.collision:
                shaped = mine & np.isin(raw - ts.firstgid, list(ts.collision))
                cut: dict[int, list] = {}  # local id -> pieces in the tile's own pixels
                flipped: dict[int, list] = {}  # gid with its flags -> the same, as drawn
                for r, c in np.argwhere(shaped).tolist():
                    gid = int(layer.gids[r, c])
                    if gid not in flipped:
                        local = (gid & FLIP_MASK) - ts.firstgid
                        if local not in cut:
                            cut[local] = _tile_pieces(ts, local, problems)
                        flipped[gid] = [_flipped(piece, gid) for piece in cut[local]]
                    found.extend(tuple((x + c * TILE_SIZE + ox, y + r * TILE_SIZE + oy) for x, y in piece)
                                 for piece in flipped[gid])
                    if len(found) > MAX_PIECES:
                        problems.add(path, f"more than {MAX_PIECES} collision shapes in the walls; give fewer "
                                           f"tiles shapes, or simpler ones", where)
                        return solid, ()
                mine = mine & ~shaped
            if ox % TILE_SIZE == 0 and oy % TILE_SIZE == 0:
                solid |= _shifted(mine, int(oy // TILE_SIZE), int(ox // TILE_SIZE))
            else:
                found.extend(tuple(rectangle(c * TILE_SIZE + ox, r * TILE_SIZE + oy, w * TILE_SIZE, h * TILE_SIZE))
                             for c, r, w, h in merge_walls(mine))
    return solid, tuple(found)


def _tile_pieces(ts, local: int, problems: ProblemList) -> list:
    """The collision pieces of one walls tile, in its own pixels, cut once however often it is drawn."""
    try:
        outlines = tile_outlines(ts.collision[local], ts.source, f"tileset {ts.name!r}, tile {local}")
        return [piece for outline, closed in outlines for piece in pieces(outline, closed)]
    except MapError as exc:  # a bad number in the tileset: its file and tile are named
        problems.add(exc.path, exc.message, exc.where)
    except ShapeError as exc:
        problems.add(ts.source, f"a collision polygon {exc}; redraw it in Tiled's collision editor",
                     f"tile {local}")
    return []


def _shifted(cells: np.ndarray, down: int, right: int) -> np.ndarray:
    """`cells` moved by whole cells; what leaves the map is gone."""
    rows, cols = cells.shape
    out = np.zeros_like(cells)
    if abs(down) >= rows or abs(right) >= cols:
        return out
    src = cells[max(0, -down):rows - max(0, down), max(0, -right):cols - max(0, right)]
    out[max(0, down):max(0, down) + src.shape[0], max(0, right):max(0, right) + src.shape[1]] = src
    return out


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
    if path.suffix.lower() in (".tmj", ".json"):  # Tiled's JSON map: read as the TMX it stands for
        root = map_element(read_json(path), path)
    else:
        root = read_xml(path, "map")
    cols, rows = check_map_header(root, path)
    tilesets = read_tilesets(root, path)
    problems = ProblemList()
    props = map_properties(root, path, problems)
    layers, images = _read_layers(root, path, cols, rows, tilesets, problems)
    sprites: list = []
    objects = read_objects(root, path, problems, sprites, tilesets)
    check_references(objects, path, problems)

    walls_layers = [layer for layer in layers if layer.name == WALLS_LAYER]
    if not walls_layers and not problems:
        problems.add(path, f"the map has no tile layer named {WALLS_LAYER!r} (its tiles are the solid walls)")
    elif walls_layers and not any(layer.visible for layer in walls_layers) and not problems:
        problems.add(path, f"the {WALLS_LAYER!r} layer is hidden; show it in Tiled (hidden layers are not in the game)")
    solid, shapes = _walls(layers, tilesets, path, cols, rows, problems)

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
        shapes=shapes,
        spawn=(spawns[0].x, spawns[0].y),
        guards=guards,
        routes=routes,
        objects=objects,
        tilesets=tilesets,
        layers=layers,
        images=images,
        sprites=sprites,
    )
    check_geometry(level, problems)
    return (None if problems else level), problems
