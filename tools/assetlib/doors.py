"""Door sprite strip (64x32): frame 0 closed, frame 1 open, seen from above.

Drawn for a door in a horizontal wall: steel jamb posts at the left and right edges (they
meet the wall tiles), the slab between them. Closed, the slab fills the tile: a dark
wooden door (warm, against the cold floors and the blue-grey walls) with a lit bevel,
two sunk panels, a steel kick plate, hinges on the left and a bright lever handle on
the right, so it reads on pale snow and on grey concrete alike. Open, the slab
has swung 90 degrees about the left hinge and lies as a thin bar against the left jamb;
the rest of the tile is transparent so the floor shows through.
"""
from __future__ import annotations

import pygame

from .draw import TILE, drop_shadow, new, outline

PALETTE = {
    "jamb": (40, 44, 56), "jamb_light": (104, 112, 130), "jamb_dark": (20, 22, 30),
    "slab": (96, 66, 46), "slab_light": (150, 112, 80), "slab_dark": (52, 34, 26),
    "panel": (82, 56, 40), "panel_light": (128, 94, 66), "grain": (74, 50, 36),
    "hinge": (150, 156, 168), "handle": (226, 214, 170), "handle_dark": (120, 108, 76),
    "kick": (88, 96, 110), "outline": (12, 14, 22),
}
P = PALETTE
JAMB = 4          # width of each jamb post


def _jambs(surf: pygame.Surface) -> None:
    for x in (0, TILE - JAMB):
        pygame.draw.rect(surf, P["jamb"], (x, 0, JAMB, TILE))
        pygame.draw.line(surf, P["jamb_light"], (x + 1, 0), (x + 1, TILE - 1))
        pygame.draw.line(surf, P["jamb_dark"], (x + JAMB - 1, 0), (x + JAMB - 1, TILE - 1))
        for y in (0, TILE - 1):                          # bolt heads at the ends
            pygame.draw.line(surf, P["outline"], (x, y), (x + JAMB - 1, y))
        pygame.draw.rect(surf, P["outline"], (x, 0, JAMB, TILE), 1)
        surf.set_at((x + 2, 3), P["jamb_light"])
        surf.set_at((x + 2, TILE - 4), P["jamb_light"])


def _panel(surf: pygame.Surface, rect: tuple) -> None:
    x, y, w, h = rect
    pygame.draw.rect(surf, P["panel"], rect)
    pygame.draw.line(surf, P["slab_dark"], (x, y), (x + w - 1, y))
    pygame.draw.line(surf, P["slab_dark"], (x, y), (x, y + h - 1))
    pygame.draw.line(surf, P["panel_light"], (x + 1, y + h - 1), (x + w - 1, y + h - 1))
    pygame.draw.line(surf, P["panel_light"], (x + w - 1, y + 1), (x + w - 1, y + h - 1))


def _grain(surf: pygame.Surface, x0: int, w: int) -> None:
    """Broken vertical grain lines (fixed pattern, so no randomness needed)."""
    for i, gx in enumerate(range(x0 + 2, x0 + w - 1, 4)):
        for y in range(1 + i % 3, TILE - 1, 7):
            pygame.draw.line(surf, P["grain"], (gx, y), (gx, y + 3 + i % 2))


def closed() -> pygame.Surface:
    s = new(TILE, TILE)
    x0, x1 = JAMB, TILE - JAMB            # slab spans x0 .. x1-1
    w = x1 - x0
    pygame.draw.rect(s, P["slab"], (x0, 0, w, TILE))
    _grain(s, x0, w)
    pygame.draw.line(s, P["slab_light"], (x0, 1), (x1 - 1, 1))
    pygame.draw.line(s, P["slab_light"], (x0, 1), (x0, TILE - 2))
    pygame.draw.line(s, P["slab_dark"], (x0, TILE - 2), (x1 - 1, TILE - 2))
    pygame.draw.line(s, P["slab_dark"], (x1 - 1, 1), (x1 - 1, TILE - 2))
    _panel(s, (x0 + 3, 4, w - 6, 10))
    _panel(s, (x0 + 3, 17, w - 6, 8))
    pygame.draw.rect(s, P["kick"], (x0 + 2, TILE - 5, w - 4, 2))        # kick plate
    for y in (5, TILE - 8):                                              # hinges
        pygame.draw.rect(s, P["hinge"], (x0, y, 2, 3))
        s.set_at((x0, y + 2), P["slab_dark"])
    # lever handle: a rose and a short bar pointing towards the hinge side
    hx, hy = x1 - 4, 15
    pygame.draw.rect(s, P["handle_dark"], (hx - 5, hy, 6, 2))
    pygame.draw.line(s, P["handle"], (hx - 5, hy), (hx, hy))
    pygame.draw.circle(s, P["handle_dark"], (hx, hy + 1), 2)
    s.set_at((hx - 1, hy), P["handle"])
    s.set_at((hx, hy), P["handle"])
    s.set_at((hx + 1, hy - 8), P["outline"])                             # keyhole above
    # frame: the slab sits in a dark rebate all round
    pygame.draw.line(s, P["outline"], (x0, 0), (x1 - 1, 0))
    pygame.draw.line(s, P["outline"], (x0, TILE - 1), (x1 - 1, TILE - 1))
    _jambs(s)
    return s


def open_() -> pygame.Surface:
    s = new(TILE, TILE)
    thick = 5
    slab = new(TILE, TILE)
    x0 = JAMB
    top, bottom = 2, 2 + (TILE - 2 * JAMB)         # the slab's width, now along y
    pygame.draw.rect(slab, P["slab"], (x0, top, thick, bottom - top))
    pygame.draw.line(slab, P["slab_light"], (x0, top), (x0, bottom - 1))
    pygame.draw.line(slab, P["slab_dark"], (x0 + thick - 1, top), (x0 + thick - 1, bottom - 1))
    pygame.draw.rect(slab, P["hinge"], (x0, top, 2, 2))
    pygame.draw.rect(slab, P["handle"], (x0 + thick - 1, bottom - 7, 2, 4))   # handle nub
    slab.set_at((x0 + thick, bottom - 6), P["handle_dark"])
    slab = drop_shadow(outline(slab, P["outline"]), offset=(2, 1), alpha=110)
    s.blit(slab, (0, 0))
    _jambs(s)
    return s


def build() -> dict:
    """{"door": 64x32 Surface}."""
    strip = new(2 * TILE, TILE)
    strip.blit(closed(), (0, 0))
    strip.blit(open_(), (TILE, 0))
    return {"door": strip}

