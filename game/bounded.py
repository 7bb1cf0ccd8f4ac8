"""Reading what a player or a designer hands us, within bounds.

Every file the game reads that it did not write itself in this run — maps, tilesets, tile
images, saves, settings, replays — comes through here, so none can hang the game or eat the
machine's memory:

- regular files only: a named pipe would block forever on open, a device (a link to
  /dev/zero) reports size 0 and never ends, a folder cannot be read; each is refused by name;
- a hard byte cap, enforced while reading (the reported size is not trusted);
- decompression with a cap on what comes out (a 1 MB zlib bomb inflates to gigabytes);
- an image's width and height read from its header before anything decodes it.

Each refusal is an `Unreadable` with a few words a player or designer can act on; callers add
the file's name (`DataError`) or turn it into a notice (the save).
"""

from __future__ import annotations

import os
import stat
import struct
import zlib
from pathlib import Path

MiB = 1024 * 1024


class Unreadable(ValueError):
    """The file cannot be used; `str(exc)` says why in a few words."""


def read_bytes(path: str | Path, limit: int) -> bytes:
    """The whole of a regular file of at most `limit` bytes."""
    try:
        info = os.stat(path)  # follows links: a link to a device is a device
    except FileNotFoundError:
        raise Unreadable("file not found") from None
    except NotADirectoryError:
        raise Unreadable("file not found (a folder on its path is a file)") from None
    except OSError as exc:
        raise Unreadable(f"cannot read it ({exc.strerror or exc})") from None
    _check_kind(info.st_mode)
    if info.st_size > limit:
        raise Unreadable(f"it is {info.st_size} bytes, more than the {limit} allowed")
    try:
        # Non-blocking: should a pipe be swapped in after the check, opening it does not wait.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise Unreadable(f"cannot read it ({exc.strerror or exc})") from None
    with os.fdopen(fd, "rb", buffering=0) as f:
        _check_kind(os.fstat(f.fileno()).st_mode)
        # The size said, plus one byte to see whether it grew; then on in pieces up to the cap
        # (never a buffer of the cap's size for a small file).
        chunks, total, want = [], 0, min(info.st_size, limit) + 1
        try:
            while total <= limit:
                asked = min(want, limit + 1 - total)
                chunk = f.read(asked)
                chunks.append(chunk)
                total += len(chunk)
                if len(chunk) < asked:  # the end of the file
                    break
                want = 1 << 16
        except OSError as exc:
            raise Unreadable(f"cannot read it ({exc.strerror or exc})") from None
    if total > limit:
        raise Unreadable(f"it is more than the {limit} bytes allowed")
    return b"".join(chunks)


def read_head(path: str | Path, count: int) -> bytes:
    """The first `count` bytes of a regular file (an image's header), with the same refusals."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise Unreadable("file not found" if isinstance(exc, FileNotFoundError) else
                         f"cannot read it ({exc.strerror or exc})") from None
    _check_kind(info.st_mode)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(fd, "rb", buffering=0) as f:
            _check_kind(os.fstat(f.fileno()).st_mode)
            return f.read(count)
    except OSError as exc:
        raise Unreadable(f"cannot read it ({exc.strerror or exc})") from None


def read_text(path: str | Path, limit: int) -> str:
    data = read_bytes(path, limit)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise Unreadable("not UTF-8 text") from None


def _check_kind(mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise Unreadable("it is a folder, not a file")
    if stat.S_ISFIFO(mode):
        raise Unreadable("it is a named pipe, not a file")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        raise Unreadable("it is a device, not a file")
    if not stat.S_ISREG(mode):
        raise Unreadable("it is not a regular file")


def inflate(data: bytes, method: str, limit: int) -> bytes:
    """`data` decompressed by `method` ("zlib", "gzip" or "zstd"), refused past `limit` bytes out."""
    if method == "zstd":
        return _unzstd(data, limit)
    if method not in ("zlib", "gzip"):
        raise Unreadable(f"unknown compression {method[:20]!r}")
    inflater = zlib.decompressobj(zlib.MAX_WBITS | (16 if method == "gzip" else 0))
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error as exc:
        raise Unreadable(f"corrupt {method} data ({exc})") from None
    if len(out) > limit or inflater.unconsumed_tail:
        raise Unreadable(f"{method} data inflates to more than the {limit} bytes expected")
    if not inflater.eof:
        raise Unreadable(f"{method} data is cut short")
    return out


def _unzstd(data: bytes, limit: int) -> bytes:
    try:
        import zstandard
    except ImportError:
        raise Unreadable("zstd compression needs the 'zstandard' package (or save the layer as zlib in Tiled)") from None
    try:
        reader = zstandard.ZstdDecompressor().stream_reader(data)
        out = reader.read(limit + 1)
    except zstandard.ZstdError as exc:
        raise Unreadable(f"corrupt zstd data ({exc})") from None
    if len(out) > limit:
        raise Unreadable(f"zstd data inflates to more than the {limit} bytes expected")
    return out


def image_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's header, before anything decodes it."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR" or len(data) < 24:
        raise Unreadable("not a PNG image")
    width, height = struct.unpack(">II", data[16:24])
    return width, height
