"""Draws a level: the map (pre-rendered once, with its light baked in) and the people on it.

The static map is drawn into one big surface when the level loads, lit by the
same light function the guards use (`world.light`), so a frame only blits the
camera's rectangle of it. People are tinted by the light where they stand.
"""

from __future__ import annotations

import math

import numpy as np
import pygame

from ..errors import MapError
from ..world.level import Level
from ..world.light import light_grid
from ..world.tmx import FLIP_MASK, MapObject
from .assets import Assets, load_image, tile_for_gid, tile_images
from .camera import Camera

LIGHT_CELL = 4  # px: resolution of the baked light before smoothing
NIGHT_TINT = np.array([0.16, 0.22, 0.42])  # darkness is cold blue, not grey


def light_to_rgb(light: np.ndarray) -> np.ndarray:
    """Light 0..1 to an RGB multiplier (0..255) that shades toward night blue."""
    light = light[..., None]
    mult = light + (1.0 - light) * NIGHT_TINT
    return np.clip(mult * 255, 0, 255).astype(np.uint8)


def bake_light(level: Level, area: pygame.Rect | None = None, off=()) -> pygame.Surface:
    """The light as an RGB multiplier picture of `area` (the whole map by default; its corners
    on the LIGHT_CELL grid), with the Light zones in `off` switched off."""
    area = area or pygame.Rect((0, 0), level.pixel_size)
    xs = (np.arange(area.left, area.right, LIGHT_CELL) + LIGHT_CELL / 2)[:, None]
    ys = (np.arange(area.top, area.bottom, LIGHT_CELL) + LIGHT_CELL / 2)[None, :]
    rgb = light_to_rgb(light_grid(level, xs, ys, off))  # (w, h, 3), as surfarray wants
    small = pygame.surfarray.make_surface(rgb)
    return pygame.transform.smoothscale(small, area.size)


def draw_tiles(level: Level) -> pygame.Surface:
    """The map as Tiled draws it, unlit, into one map-sized surface: every visible image and
    tile layer in order, each at its offset (its groups' included) and its tileset's tile
    offset, with its opacity and tint; the tile objects in their object layer's place."""
    tiles = tile_images(level.tilesets)
    shift = {}  # gid -> its tileset's tile offset
    for ts in level.tilesets:
        if ts.offset != (0, 0):
            shift.update((ts.firstgid + i, ts.offset) for i in range(ts.tilecount))
    surface = pygame.Surface(level.pixel_size)
    surface.fill((8, 10, 16))
    # Image layers and tile objects stand between the tile layers (`above`: how many tile layers
    # Tiled draws before them); in the same gap, image layers (backdrops) first.
    for i, layer in enumerate(level.layers + [None]):
        for image in level.images:
            if image.above == i or (layer is None and image.above > i):
                _image_layer(surface, image)
        for sprite in level.sprites:
            if sprite.above == i or (layer is None and sprite.above > i):
                _sprite(surface, sprite, tiles)
        if layer is not None and layer.visible:
            _tile_layer(surface, layer, tiles, shift, level.tile)
    return surface


def _tinted(image: pygame.Surface, opacity: float, tint) -> pygame.Surface:
    """A copy with Tiled's tint (multiplied) and opacity, or the image itself when neither."""
    if opacity >= 1.0 and tint == (1.0, 1.0, 1.0, 1.0):
        return image
    image = image.convert_alpha() if pygame.display.get_surface() else image.copy()
    if tint != (1.0, 1.0, 1.0, 1.0):
        image.fill(tuple(round(255 * v) for v in tint), special_flags=pygame.BLEND_RGBA_MULT)
    if opacity < 1.0:
        image.fill((255, 255, 255, round(255 * opacity)), special_flags=pygame.BLEND_RGBA_MULT)
    return image


def _tile_layer(surface: pygame.Surface, layer, tiles, shift: dict, t: int) -> None:
    plain = layer.opacity >= 1.0 and layer.tint == (1.0, 1.0, 1.0, 1.0)
    target = surface if plain else pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    ox, oy = layer.offset
    rows, cols = np.nonzero(layer.gids)
    for r, c in zip(rows.tolist(), cols.tolist()):
        gid = int(layer.gids[r, c])
        image = tile_for_gid(tiles, gid)
        if image is not None:
            dx, dy = shift.get(gid & FLIP_MASK, (0, 0))
            target.blit(image, (round(c * t + ox + dx), round(r * t + oy + dy)))
    if not plain:  # the whole layer at once: its tiles overlap nothing of their own
        surface.blit(_tinted(target, layer.opacity, layer.tint), (0, 0))


def _image_layer(surface: pygame.Surface, layer) -> None:
    image = _tinted(load_image(layer.image, MapError), layer.opacity, layer.tint)
    surface.blit(image, (round(layer.offset[0]), round(layer.offset[1])))


def _sprite(surface: pygame.Surface, sprite, tiles) -> None:
    """A tile object: its tile stretched to its box, turned as Tiled turns it."""
    image = tile_for_gid(tiles, sprite.gid)
    if image is None or sprite.width <= 0 or sprite.height <= 0:
        return
    image = pygame.transform.smoothscale(image, (max(1, round(sprite.width)), max(1, round(sprite.height))))
    image = _tinted(image, sprite.opacity, sprite.tint)
    if sprite.rotation:
        image = pygame.transform.rotate(image, -sprite.rotation)  # pygame turns counter-clockwise
        left, top, _, _ = MapObject(0, "", "", "rect", sprite.x, sprite.y, sprite.width, sprite.height,
                                    rotation=sprite.rotation).bounds
    else:
        left, top = sprite.x, sprite.y
    surface.blit(image, (round(left), round(top)))


SPRITES = {"crew": "crew", "dea": "dea", "marco": "marco"}  # a guard's faction -> his sprite sheet
RELIGHT_MARGIN = 16  # px around a switched Light zone baked again (the smoothing reaches past its edge)


class LevelView:
    def __init__(self, level: Level, assets: Assets, lights_off=()):
        self.level = level
        self.assets = assets
        self.lights_off = tuple(lights_off)  # the Light zones switched off in the picture
        self._tiles = draw_tiles(level)  # unlit: a switched light is baked again from it
        self.map_surface = self._tiles.copy()
        self.map_surface.blit(bake_light(level, off=self.lights_off), (0, 0), special_flags=pygame.BLEND_MULT)
        if pygame.display.get_surface():
            self.map_surface = self.map_surface.convert()
        self._sprite_light()
        self._shades: dict[float, tuple[int, ...]] = {}  # light -> sprite tint
        self._tinted: dict[tuple, pygame.Surface] = {}  # (sprite image, tint) -> tinted copy

    def _sprite_light(self) -> None:
        level = self.level
        self._light = light_grid(
            level,
            (np.arange(level.cols * 4) * 8 + 4)[:, None].astype(np.float32),
            (np.arange(level.rows * 4) * 8 + 4)[None, :].astype(np.float32),
            self.lights_off,
        )
        self._light_rows = self._light.tolist()  # the same values as plain floats: quick to index

    def sync_lights(self, lights_off) -> None:
        """Show the lights as the world has them switched: the zones that changed are baked
        again (with a margin, so the smoothed edge matches the rest of the picture)."""
        lights_off = tuple(lights_off)
        if lights_off == self.lights_off:
            return
        changed = set(lights_off) ^ set(self.lights_off)
        self.lights_off = lights_off
        whole = self.map_surface.get_rect()
        m, cell = RELIGHT_MARGIN, LIGHT_CELL
        for zone in self.level.of_kind("Light"):
            if zone.id not in changed:
                continue
            # The zone and twice the margin round it, on the LIGHT_CELL grid, in the map.
            x0, y0, x1, y1 = zone.bounds
            left, top = (int(x0) - 2 * m) // cell * cell, (int(y0) - 2 * m) // cell * cell
            right = -(-(math.ceil(x1) + 2 * m) // cell) * cell
            bottom = -(-(math.ceil(y1) + 2 * m) // cell) * cell
            area = pygame.Rect(left, top, right - left, bottom - top).clip(whole)
            if not area.w or not area.h:
                continue
            lit = self._tiles.subsurface(area).copy()
            lit.blit(bake_light(self.level, area, lights_off), (0, 0), special_flags=pygame.BLEND_MULT)
            # Kept: all but the outer margin (there the smoothing sees the area's edge), except
            # where the area ends at the map's own edge.
            keep = pygame.Rect(area.left + (m if area.left > 0 else 0), area.top + (m if area.top > 0 else 0), 0, 0)
            keep.width = area.right - (m if area.right < whole.right else 0) - keep.left
            keep.height = area.bottom - (m if area.bottom < whole.bottom else 0) - keep.top
            if keep.w > 0 and keep.h > 0:
                self.map_surface.blit(lit, keep.topleft, keep.move(-area.left, -area.top))
        self._sprite_light()

    def light_at(self, x: float, y: float) -> float:
        rows = self._light_rows
        cx = min(max(int(x // 8), 0), len(rows) - 1)
        cy = min(max(int(y // 8), 0), len(rows[0]) - 1)
        return rows[cx][cy]

    def draw_map(self, surface: pygame.Surface, camera: Camera) -> None:
        pos = camera.to_screen(0, 0)
        if not self.map_surface.get_rect(topleft=pos).contains(surface.get_rect()):
            surface.fill((0, 0, 0))  # the map leaves a border (smaller than the window)
        surface.blit(self.map_surface, pos)

    def _tint(self, image: pygame.Surface, lit: float) -> pygame.Surface:
        """The sprite image shaded for the light `lit` (< 0.98), cached."""
        shade = self._shades.get(lit)
        if shade is None:
            shade = tuple(int(v) for v in light_to_rgb(np.array([max(lit, 0.55)]))[0])
            self._shades[lit] = shade
        key = (image, shade)
        tinted = self._tinted.get(key)
        if tinted is None:
            if len(self._tinted) >= 2048:  # a bound, in case the light has very many levels
                self._tinted.clear()
            tinted = image.copy()
            tinted.fill((*shade, 255), special_flags=pygame.BLEND_RGBA_MULT)
            self._tinted[key] = tinted
        return tinted

    def draw_guard(self, surface: pygame.Surface, camera: Camera, guard) -> None:
        """A guard standing where he is, in his faction's clothes."""
        self.draw_person(surface, camera, SPRITES.get(guard.faction, "crew"), guard.x, guard.y, guard.facing, 0)

    def draw_person(self, surface: pygame.Surface, camera: Camera, sprite: str, x: float, y: float,
                    facing: float, frame: int) -> None:
        image = self.assets.sprite(sprite).get(frame, facing)
        lit = self.light_at(x, y)
        if lit < 0.98:
            image = self._tint(image, lit)
        sx, sy = camera.to_screen(x, y)
        surface.blit(image, image.get_rect(center=(sx, sy)))
