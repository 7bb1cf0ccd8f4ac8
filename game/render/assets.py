"""Loading images: tilesets cut into tiles, character sprite strips, fonts.

A missing or unreadable file raises `AssetError` naming it (the entry point
turns that into one line on stderr, never a traceback).
"""

from __future__ import annotations

import io
import math
import os
import sys
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import pygame

from ..bounded import MiB, Unreadable, image_size, read_bytes
from ..errors import AssetError, MapError
from ..paths import ASSETS_DIR
from ..world.tmx import FLIP_MASK, TilesetInfo

SPRITE_SIZE = 32
ROTATION_STEPS = 32  # sprites are pre-rotated to this many headings


MAX_IMAGE_BYTES = 64 * MiB
MAX_IMAGE_SIDE = 8192


@contextmanager
def _quiet_c_stderr():
    """libpng writes its own warnings about a damaged file straight to fd 2 (raw bytes of the
    file among them); the game says what is wrong in its own one line instead."""
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except OSError:  # no fd 2 to speak of: nothing to keep quiet
        yield
        return
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def load_image(path: Path, error=AssetError) -> pygame.Surface:
    """A PNG, read through the bounded reader; its size is checked from its header before
    anything decodes it."""
    try:
        data = read_bytes(path, MAX_IMAGE_BYTES)
        width, height = image_size(data)
    except Unreadable as exc:
        raise error(path, "image not found" if "not found" in str(exc) else f"cannot read image ({exc})") from None
    if not 0 < width <= MAX_IMAGE_SIDE or not 0 < height <= MAX_IMAGE_SIDE:
        raise error(path, f"image is {width}x{height} px; at most {MAX_IMAGE_SIDE}x{MAX_IMAGE_SIDE}")
    try:
        with _quiet_c_stderr():
            image = pygame.image.load(io.BytesIO(data), path.name)
    except (pygame.error, OSError, ValueError) as exc:
        raise error(path, f"cannot read image ({exc})") from None
    return image.convert_alpha() if pygame.display.get_surface() else image


def tile_images(tilesets: list[TilesetInfo]) -> dict[int, pygame.Surface]:
    """Every tile of the tilesets, by Tiled gid."""
    tiles: dict[int, pygame.Surface] = {}
    for ts in tilesets:
        sheet = load_image(ts.image, MapError)
        for local in range(ts.tilecount):
            col, row = local % ts.columns, local // ts.columns
            x = ts.margin + col * (ts.tile_width + ts.spacing)
            y = ts.margin + row * (ts.tile_height + ts.spacing)
            if x + ts.tile_width > sheet.get_width() or y + ts.tile_height > sheet.get_height():
                raise MapError(ts.source, f"tile {local} lies outside the image {ts.image.name} ({sheet.get_width()}x{sheet.get_height()})")
            tiles[ts.firstgid + local] = sheet.subsurface((x, y, ts.tile_width, ts.tile_height))
    return tiles


def tile_for_gid(tiles: dict[int, pygame.Surface], gid: int) -> pygame.Surface | None:
    """The image of a layer cell, with Tiled's flip flags applied."""
    image = tiles.get(gid & FLIP_MASK)
    if image is None or gid == gid & FLIP_MASK:
        return image
    flip_h, flip_v, diag = bool(gid & 0x80000000), bool(gid & 0x40000000), bool(gid & 0x20000000)
    if diag:
        image = pygame.transform.flip(pygame.transform.rotate(image, -90), True, False)
    return pygame.transform.flip(image, flip_h, flip_v)


class SpriteSheet:
    """A horizontal strip of 32x32 frames, facing east, rotated on demand (cached)."""

    def __init__(self, path: Path):
        strip = load_image(path)
        n = max(1, strip.get_width() // SPRITE_SIZE)
        self.frames = [strip.subsurface((i * SPRITE_SIZE, 0, SPRITE_SIZE, SPRITE_SIZE)) for i in range(n)]
        self._rotated: dict[tuple[int, int], pygame.Surface] = {}

    def get(self, frame: int, facing: float) -> pygame.Surface:
        step = round(facing / (2 * math.pi) * ROTATION_STEPS) % ROTATION_STEPS
        key = (frame % len(self.frames), step)
        image = self._rotated.get(key)
        if image is None:
            # pygame rotates counter-clockwise; our angles grow clockwise on screen.
            image = pygame.transform.rotate(self.frames[key[0]], -step * 360 / ROTATION_STEPS)
            self._rotated[key] = image
        return image


class Assets:
    """Shared, lazily loaded images and fonts for every scene."""

    def __init__(self, root: Path = ASSETS_DIR):
        self.root = root
        self._sheets: dict[str, SpriteSheet] = {}

    def sprite(self, name: str) -> SpriteSheet:
        if name not in self._sheets:
            self._sheets[name] = SpriteSheet(self.root / "sprites" / f"{name}.png")
        return self._sheets[name]

    def image(self, relative: str) -> pygame.Surface:
        return load_image(self.root / relative)

    @staticmethod
    @lru_cache(maxsize=32)
    def font(size: int, bold: bool = False) -> pygame.font.Font:
        font = pygame.font.Font(None, size)  # pygame's bundled font: ours to ship
        font.set_bold(bold)
        return font
