"""A tile layer's data as Tiled writes it, decoded into gids with the standard library.

Every form Tiled 1.8+ saves for a finite map: CSV (one row a line, or all on one line when
"Minimize output" is on), XML `<tile gid=...>` elements, and base64 of little-endian uint32s,
uncompressed or zlib, gzip or zstd. Decoding is bounded: the base64 text and what it inflates
to may be no bigger than the map needs (cols x rows x 4 bytes), so a compressed bomb is refused
before it grows; every gid must fit Tiled's 32 bits. (pytmx's decoder was used before; it pulled
pygame into the headless simulation and had no output cap.)
"""

from __future__ import annotations

import base64
import binascii

import numpy as np

from ..bounded import Unreadable, inflate

MAX_GID = 2**32 - 1


class LayerDataError(ValueError):
    """Why a layer's data cannot be read, in a few words."""


def decode_layer(data, cols: int, rows: int) -> np.ndarray:
    """The layer's (rows, cols) uint32 gids (flip flags kept) from its <data> element."""
    encoding = data.get("encoding")
    compression = data.get("compression")
    need = cols * rows
    if data.find("chunk") is not None:
        raise LayerDataError("chunked data belongs to infinite maps (Map > Map Properties > Infinite off)")
    if encoding is None:
        if compression:
            raise LayerDataError(f"compression {compression[:20]!r} without an encoding")
        gids = [_gid(t.get("gid", "0")) for t in data.findall("tile")]
    elif encoding == "csv":
        text = data.text or ""
        if len(text) > need * 12 + 1024:  # ten digits and a comma a tile, and line breaks
            raise LayerDataError("CSV data is far longer than the map needs")
        gids = [_gid(v) for v in text.replace("\n", ",").replace("\r", ",").split(",") if v.strip()]
    elif encoding == "base64":
        raw = _base64(data.text or "", need)
        if compression:
            try:
                raw = inflate(raw, compression, need * 4)
            except Unreadable as exc:
                raise LayerDataError(str(exc)) from None
        if len(raw) != need * 4:
            raise LayerDataError(f"layer data has {len(raw) // 4} tiles, the map needs {need} ({cols}x{rows})")
        return np.frombuffer(raw, dtype="<u4").astype(np.uint32).reshape(rows, cols)
    else:
        raise LayerDataError(f"unknown encoding {encoding[:20]!r} (Tiled writes csv or base64)")
    if len(gids) != need:
        raise LayerDataError(f"layer data has {len(gids)} tiles, the map needs {need} ({cols}x{rows})")
    return np.asarray(gids, dtype=np.uint32).reshape(rows, cols)


def _gid(text: str) -> int:
    text = text.strip()
    if not text.isdigit() or len(text) > 10:
        raise LayerDataError(f"tile id {text[:20]!r} is not a whole number from 0 to {MAX_GID}")
    value = int(text)
    if value > MAX_GID:
        raise LayerDataError(f"tile id {value} is not a whole number from 0 to {MAX_GID}")
    return value


def _base64(text: str, tiles: int) -> bytes:
    text = "".join(text.split())
    if len(text) > (tiles * 4 * 4) // 3 + 64 and len(text) > 1 << 20:
        # Compressed data is smaller than raw; even raw is 4/3 of 4 bytes a tile.
        raise LayerDataError("base64 data is far longer than the map needs")
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise LayerDataError(f"corrupt base64 data ({exc})") from None
