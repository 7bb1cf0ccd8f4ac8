"""Second contact sheet: portraits, item icons and doors as a player would meet them.

Top: the portraits at 2x. Then a mock dialogue box at real size for each (portrait at
1x beside a line of white subtitle text on a dark panel). Then the item icons at 3x and
1x on concrete and on snow, and the doors at 3x on both floors and at 2x in a wall.
Not shipped with the game.
"""
from __future__ import annotations

import pygame

from .draw import TILE, scaled

BG = (16, 18, 26)
PANEL = (12, 13, 19)
PANEL_EDGE = (70, 76, 96)
TEXT = (240, 240, 240)
NAME = (236, 200, 120)
LINES = {
    "jesse": "I just want to be nobody. That's all.",
    "kim": "Facts first. Your name is on a list.",
    "marco": "My family built this. You burned it.",
    "crew": "Thought I heard something.",
    "dea": "Unit two, hold the perimeter.",
}
CONCRETE, SNOW, WALL = 0, 8, 16      # garage tile ids used as backdrops


def _font(size: int) -> pygame.font.Font:
    pygame.font.init()
    return pygame.font.Font(None, size)


def _dialogue(name: str, portrait: pygame.Surface, width: int = 560) -> pygame.Surface:
    box = pygame.Surface((width, 148))
    box.fill(BG)
    pygame.draw.rect(box, PANEL, (0, 0, width, 148), border_radius=6)
    pygame.draw.rect(box, PANEL_EDGE, (0, 0, width, 148), 1, border_radius=6)
    box.blit(portrait, (10, 10))
    pygame.draw.rect(box, PANEL_EDGE, (9, 9, 130, 130), 1)
    box.blit(_font(24).render(name.upper(), True, NAME), (152, 30))
    box.blit(_font(26).render(LINES.get(name, "..."), True, TEXT), (152, 62))
    return box


def _floor_strip(tile: pygame.Surface, w: int, h: int) -> pygame.Surface:
    out = pygame.Surface((w, h))
    for x in range(0, w, TILE):
        for y in range(0, h, TILE):
            out.blit(tile, (x, y))
    return out


def _icons_row(icons: dict, floor: pygame.Surface, k: int) -> pygame.Surface:
    cell = 24 * k + 8 * k
    row = _floor_strip(floor, cell * len(icons), cell)
    if k > 1:
        row = _floor_strip(scaled(floor, k), cell * len(icons), cell)
    for i, icon in enumerate(icons.values()):
        row.blit(scaled(icon, k) if k > 1 else icon, (i * cell + 4 * k, 4 * k))
    return row


def _door_scene(strip: pygame.Surface, tiles: list, floor: pygame.Surface, frame: int):
    """wall | door | wall with floor above and below, at 2x."""
    scene = _floor_strip(floor, 3 * TILE, 3 * TILE)
    scene.blit(tiles[WALL], (0, TILE))
    scene.blit(tiles[WALL], (2 * TILE, TILE))
    scene.blit(strip, (TILE, TILE), (frame * TILE, 0, TILE, TILE))
    return scaled(scene, 2)


def _doors(strip: pygame.Surface, tiles: list) -> pygame.Surface:
    block = 3 * 2 * TILE + 2 * (6 * TILE + 10) + 20
    out = pygame.Surface((2 * block, 6 * TILE))
    out.fill(BG)
    for j, floor in enumerate((tiles[CONCRETE], tiles[SNOW])):
        x = j * block
        back = _floor_strip(scaled(floor, 3), 2 * TILE * 3, TILE * 3)
        back.blit(scaled(strip, 3), (0, 0))
        out.blit(back, (x, 0))
        x += back.get_width() + 10
        for frame in (0, 1):
            out.blit(_door_scene(strip, tiles, floor, frame), (x, 0))
            x += 6 * TILE + 10
    return out


def _icons_on_panel(icons: dict) -> pygame.Surface:
    row = pygame.Surface((32 * len(icons), 32))
    row.fill(PANEL)
    for i, icon in enumerate(icons.values()):
        row.blit(icon, (i * 32 + 4, 4))
    return row


def ui_sheet(portraits: dict, icons: dict, door_strip: pygame.Surface, tiles: list):
    big = [scaled(p, 2) for p in portraits.values()]
    boxes = [_dialogue(n, p) for n, p in portraits.items()]
    rows = [
        _icons_row(icons, tiles[CONCRETE], 3), _icons_row(icons, tiles[SNOW], 3),
        _icons_row(icons, tiles[CONCRETE], 1), _icons_row(icons, tiles[SNOW], 1),
        _icons_on_panel(icons),
    ]
    doors = _doors(door_strip, tiles)
    width = max(sum(b.get_width() + 10 for b in big), 2 * (boxes[0].get_width() + 10),
                max(r.get_width() for r in rows), doors.get_width()) + 20
    box_h = -(-len(boxes) // 2) * (boxes[0].get_height() + 10)
    height = 20 + big[0].get_height() + 20 + box_h + sum(r.get_height() + 10 for r in rows) \
        + doors.get_height() + 40
    out = pygame.Surface((width, height))
    out.fill(BG)
    x, y = 10, 10
    for b in big:
        out.blit(b, (x, y))
        x += b.get_width() + 10
    y += big[0].get_height() + 20
    for i, b in enumerate(boxes):
        out.blit(b, (10 + (i % 2) * (b.get_width() + 10), y + (i // 2) * (b.get_height() + 10)))
    y += box_h + 10
    for r in rows:
        out.blit(r, (10, y))
        y += r.get_height() + 10
    out.blit(doors, (10, y))
    return out
