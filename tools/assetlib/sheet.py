"""Tileset sheets: pack tiles into a PNG and write a Tiled 1.8 external tileset (.tsx)."""
from __future__ import annotations

import os
from xml.sax.saxutils import quoteattr

import pygame

from .draw import TILE, new


def pack(tiles: list, columns: int = 8, size: int = TILE) -> pygame.Surface:
    """Tiles row-major into a sheet; unused slots up to a full row stay transparent."""
    rows = max(1, -(-len(tiles) // columns))
    sheet = new(columns * size, rows * size)
    for i, tile in enumerate(tiles):
        sheet.blit(tile, ((i % columns) * size, (i // columns) * size))
    return sheet


def tsx_text(name: str, image: str, width: int, height: int, columns: int,
             labels: list, size: int = TILE) -> str:
    """Tiled 1.8 external tileset XML; every drawn tile gets a `label` property."""
    tilecount = (width // size) * (height // size)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<tileset version="1.8" tiledversion="1.8.2" name={quoteattr(name)} '
        f'tilewidth="{size}" tileheight="{size}" tilecount="{tilecount}" columns="{columns}">',
        f' <image source={quoteattr(image)} width="{width}" height="{height}"/>',
    ]
    for tid, label in enumerate(labels):
        lines += [
            f' <tile id="{tid}">',
            '  <properties>',
            f'   <property name="label" value={quoteattr(label)}/>',
            '  </properties>',
            ' </tile>',
        ]
    lines.append('</tileset>')
    return "\n".join(lines) + "\n"


def write_tileset(out_dir: str, name: str, labelled_tiles: list, columns: int = 8) -> list:
    """Write <out_dir>/<name>.png and <name>.tsx; returns the paths written."""
    os.makedirs(out_dir, exist_ok=True)
    labels = [label for label, _ in labelled_tiles]
    sheet = pack([tile for _, tile in labelled_tiles], columns)
    png = os.path.join(out_dir, name + ".png")
    tsx = os.path.join(out_dir, name + ".tsx")
    pygame.image.save(sheet, png)
    text = tsx_text(name, name + ".png", sheet.get_width(), sheet.get_height(), columns, labels)
    with open(tsx, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return [png, tsx]
