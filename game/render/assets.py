"""Loading images: tilesets cut into tiles, character sprite strips, fonts.

A missing or unreadable file raises `AssetError` naming it (the entry point
turns that into one line on stderr, never a traceback).
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

import pygame

from ..errors import AssetError, MapError
from ..paths import ASSETS_DIR
from ..world.tmx import FLIP_MASK, TilesetInfo

SPRITE_SIZE = 32
ROTATION_STEPS = 32  # sprites are pre-rotated to this many headings


def load_image(path: Path, error=AssetError) -> pygame.Surface:
    if not path.is_file():
        raise error(path, "image not found")
    try:
        image = pygame.image.load(str(path))
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
