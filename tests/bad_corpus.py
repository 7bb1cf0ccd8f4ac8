"""A corpus of maps crafted to break the loader, written by code (not hundreds of committed files).

`write_map_corpus(folder)` writes every case into `folder` and returns them. Each case is a small
room (the test tileset, a spawn, a guard on a route) with one thing wrong, in one class:

- values: numbers the loader must refuse (NaN, infinity, out of range, text for a number);
- hangs: inputs that would block or never end (a named pipe, a device, a folder);
- memory: inputs that would eat the machine (a decompression bomb, a huge image);
- messages: text that would make a message unreadable (a megabyte name, a newline);
- loads: inputs that are odd but playable, which must load quickly (a zone far past the map).

`expect` is what the one line must say; None for the `loads` class.
"""

from __future__ import annotations

import base64
import os
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TILESET = ROOT / "maps" / "tilesets" / "garage.tsx"
COLS, ROWS = 12, 7
WALLS = [[17] * COLS] + [[17] + [0] * (COLS - 2) + [17] for _ in range(ROWS - 2)] + [[17] * COLS]


@dataclass(frozen=True)
class Case:
    name: str
    klass: str  # values, hangs, memory, messages, loads
    path: Path
    expect: str | None  # in the error line; None: the map must load


def csv(rows) -> str:
    return "\n" + ",\n".join(",".join(str(v) for v in row) for row in rows) + "\n"


def room(*, tileset: str | None = None, map_props: str = "", walls: str | None = None, walls_attrs: str = "",
         objects: str = "", spawn: str = 'x="48" y="48"', guard_props: str = "", route_points: str = "0,0 0,64",
         route_props: str = "") -> str:
    """The little room, with the given parts replaced."""
    walls = walls if walls is not None else f'<data encoding="csv">{csv(WALLS)}</data>'
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<map version="1.8" tiledversion="1.8.2" orientation="orthogonal" renderorder="right-down" width="{COLS}" height="{ROWS}" tilewidth="32" tileheight="32" infinite="0" nextlayerid="5" nextobjectid="50">
 <properties>{map_props}</properties>
 <tileset firstgid="1" source="{tileset or TILESET}"/>
 <layer id="1" name="floor" width="{COLS}" height="{ROWS}"><data encoding="csv">{csv([[1] * COLS] * ROWS)}</data></layer>
 <layer id="2" name="walls" width="{COLS}" height="{ROWS}"{walls_attrs}>{walls}</layer>
 <objectgroup id="3" name="actors">
  <object id="1" name="beat" type="PatrolRoute" x="304" y="80"><properties>{route_props}</properties><polyline points="{route_points}"/></object>
  <object id="2" type="PlayerSpawn" {spawn}><point/></object>
  <object id="3" type="Guard" x="304" y="80"><properties><property name="route" type="object" value="1"/>{guard_props}</properties><point/></object>
  {objects}
 </objectgroup>
</map>
"""


def prop(name: str, value: str, type_: str = "float") -> str:
    return f'<property name="{name}" type="{type_}" value="{value}"/>'


def area(kind: str, props: str = "", x: str = "96", y: str = "96", w: str = "64", h: str = "32", oid: int = 10,
         name: str = "") -> str:
    named = f' name="{name}"' if name else ""
    return (f'<object id="{oid}"{named} type="{kind}" x="{x}" y="{y}" width="{w}" height="{h}">'
            f"<properties>{props}</properties></object>")


def point(kind: str, props: str = "", oid: int = 11, x: str = "160", y: str = "48") -> str:
    return f'<object id="{oid}" type="{kind}" x="{x}" y="{y}"><properties>{props}</properties><point/></object>'


def walls_with(value) -> str:
    rows = [list(r) for r in WALLS]
    rows[1][1] = value
    return f'<data encoding="csv">{csv(rows)}</data>'


def bomb(method: str, megabytes: int = 256) -> str:
    """A base64 layer whose data inflates to `megabytes` MiB: about a thousandth of that on disk."""
    packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | (16 if method == "gzip" else 0))
    zero = b"\0" * (1 << 20)
    out = b"".join(packer.compress(zero) for _ in range(megabytes)) + packer.flush()
    return f'<data encoding="base64" compression="{method}">{base64.b64encode(out).decode()}</data>'


def png_header(width: int, height: int) -> bytes:
    """The start of a PNG that claims this size (nothing after the header: it is refused by it)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + ihdr + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))


def tileset(folder: Path, name: str, *, tilecount: str = "56", columns: str = "8", image: str | None = None) -> Path:
    """A copy of the garage tileset's header with these values (its image unless told)."""
    image = image or str(TILESET.with_suffix(".png"))
    path = folder / f"{name}.tsx"
    path.write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="{name}" tilewidth="32" tileheight="32" tilecount="{tilecount}" columns="{columns}">
 <image source="{image}" width="256" height="256"/>
</tileset>
""")
    return path


def write_map_corpus(folder: Path) -> list[Case]:
    folder.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []

    def add(name: str, klass: str, text: str | None, expect: str | None) -> Path:
        path = folder / f"{name}.tmx"
        if text is not None:
            path.write_text(text)
        cases.append(Case(name, klass, path, expect))
        return path

    # -- values ---------------------------------------------------------------------------
    add("tile_negative", "values", room(walls=walls_with(-1)), "tile id '-1'")
    add("tile_past_32_bits", "values", room(walls=walls_with(2**32)), "tile id 4294967296")
    add("tile_text", "values", room(walls=walls_with("wall")), "tile id 'wall'")
    add("spawn_nan", "values", room(spawn='x="nan" y="48"'), "must be a finite number")
    add("spawn_inf", "values", room(spawn='x="48" y="inf"'), "must be a finite number")
    add("route_point_nan", "values", room(route_points="0,0 nan,64"), "must be a finite number")
    add("exit_inf_width", "values", room(objects=area("Exit", w="inf")), "must be a finite number")
    add("door_nan_height", "values", room(objects=area("Door", w="32", h="nan")), "must be a finite number")
    add("countdown_inf", "values", room(objects=area("Objective", prop("objective", "x", "string") + prop("countdown", "inf"))),
        "'countdown' must be a finite")
    add("countdown_1e308", "values", room(objects=area("Objective", prop("objective", "x", "string") + prop("countdown", "1e308"))),
        "'countdown' must be from 0 to 3600")
    add("throwables_text", "values", room(map_props=prop("throwables", "lots", "int")), "not a number")
    add("throwables_float", "values", room(map_props=prop("throwables", "inf")), "must be a int")
    add("throwables_negative", "values", room(map_props=prop("throwables", "-3", "int")), "'throwables' must be from 0 to 99")
    add("ambient_nan", "values", room(map_props=prop("ambient", "nan")), "'ambient' must be a finite number")
    add("facing_nan", "values", room(guard_props=prop("facing", "nan")), "'facing' must be a finite number")
    add("view_range_negative", "values", room(guard_props=prop("view_range", "-8")), "'view_range' must be from")
    add("view_range_inf", "values", room(guard_props=prop("view_range", "inf")), "'view_range' must be a finite")
    add("view_angle_nan", "values", room(guard_props=prop("view_angle", "nan")), "'view_angle' must be a finite")
    add("hearing_inf", "values", room(guard_props=prop("hearing", "inf")), "'hearing' must be a finite")
    add("speed_negative", "values", room(guard_props=prop("speed", "-1")), "'speed' must be from")
    add("mask_factor_inf", "values", room(objects=area("NoiseMask", prop("factor", "inf"))), "'factor' must be a finite")
    add("floor_factor_negative", "values", room(objects=area("NoiseFloor", prop("factor", "-2"))), "'factor' must be from")
    add("light_level_nan", "values", room(objects=area("Light", prop("level", "nan"))), "'level' must be a finite")
    add("dark_level_two", "values", room(objects=area("Dark", prop("level", "2"))), "'level' must be from 0 to 1")
    add("wait_inf", "values", room(route_props=prop("wait", "inf")), "'wait' must be a finite")
    add("waits_inf", "values", room(route_props=prop("waits", "1,inf", "string")), "'waits'")
    add("earshot_inf", "values", room(objects=point("Marco", prop("earshot", "inf"))), "'earshot' must be a finite")
    add("talk_seconds_nan", "values", room(objects=point("Marco", prop("talk_seconds", "nan"))), "'talk_seconds' must be a finite")
    add("opacity_text", "values", room(walls_attrs=' opacity="half"'), "opacity 'half'")
    add("opacity_nan", "values", room(walls_attrs=' opacity="nan"'), "opacity 'nan'")
    add("tilecount_two_billion", "values", room(tileset=str(tileset(folder, "greedy", tilecount="2000000000"))),
        "tilecount=2000000000 must be from 1 to 56")
    add("duplicate_ids", "values", room(objects=area("Dark", oid=3)), "object id '3' is used twice")

    # -- hangs ----------------------------------------------------------------------------
    fifo = add("map_is_a_pipe", "hangs", None, "named pipe")
    os.mkfifo(fifo)
    add("map_is_dev_zero", "hangs", None, "device").symlink_to("/dev/zero")
    add("map_is_a_folder", "hangs", None, "folder").mkdir()
    pipe_ts = folder / "pipe.tsx"
    os.mkfifo(pipe_ts)
    add("tileset_is_a_pipe", "hangs", room(tileset=str(pipe_ts)), "named pipe")
    zero_png = folder / "zero.png"
    zero_png.symlink_to("/dev/zero")
    add("image_is_dev_zero", "hangs", room(tileset=str(tileset(folder, "zeroimage", image="zero.png"))), "device")

    # -- memory ---------------------------------------------------------------------------
    add("zlib_bomb", "memory", room(walls=bomb("zlib")), "inflates to more than")
    add("gzip_bomb", "memory", room(walls=bomb("gzip")), "inflates to more than")
    add("base64_garbage", "memory", room(walls='<data encoding="base64">@@@@not base64@@@@</data>'), "corrupt base64")
    (folder / "huge.png").write_bytes(png_header(20000, 20000) + os.urandom(1024))
    add("image_20000px", "memory", room(tileset=str(tileset(folder, "hugeimage", image="huge.png"))), "20000x20000")
    (folder / "text.png").write_text("this is not an image\n" * 10)
    add("image_not_png", "memory", room(tileset=str(tileset(folder, "textimage", image="text.png"))), "not a PNG")

    # -- messages -------------------------------------------------------------------------
    add("megabyte_kind", "messages", room(objects=point("G" * 1_000_000)), "unknown kind 'GGGG")
    add("newline_in_name", "messages", room(objects=area("Gaurd", name="two&#10;lines")), "unknown kind 'Gaurd'")
    add("megabyte_property", "messages", room(guard_props=prop("x" * 1_000_000, "1")), "unknown property 'xxxx")
    add("newline\nin its name", "messages", room(objects=point("Gaurd")), "unknown kind 'Gaurd'")

    # -- odd but playable -----------------------------------------------------------------
    add("exit_million_px", "loads", room(objects=area("Exit", x="-400000", y="-400000", w="999999", h="999999")), None)
    add("trigger_million_px", "loads", room(objects=area("Trigger", prop("on_enter", "checkpoint_x", "string"),
                                                          w="999999", h="999999")), None)
    add("minimised_csv", "loads", room(walls='<data encoding="csv">' + ",".join(str(v) for r in WALLS for v in r) + "</data>"), None)
    return cases
