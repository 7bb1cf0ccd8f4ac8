"""Character sprite strips and the throwable, seen from directly above.

Each character is a 128x32 strip of four 32x32 frames facing right (+x): frame 0
standing, frames 1-3 a walk cycle (feet and arms swing in opposition). The game rotates
them. Every part carries a 1px dark edge so the figures read on any floor.
"""
from __future__ import annotations

from dataclasses import dataclass

import pygame

from .draw import new, outline, shade

FRAME = 32
OUTLINE = (12, 12, 18)
STRIDES = (0.0, 1.0, 0.0, -1.0)   # frame 0 standing; 1-3: step, pass, other step


@dataclass(frozen=True)
class Look:
    body: tuple                 # jacket / shirt
    head: tuple                 # hair, hat or scalp colour seen from above
    skin: tuple
    style: str                  # beanie | ponytail | shaved | hair | cap
    shoes: tuple = (44, 42, 48)
    legs: tuple = (40, 42, 52)  # trousers, seen when a foot swings out
    span: int = 21              # shoulder width (across, y)
    depth: int = 12             # chest-to-back thickness (along facing, x)
    hood: bool = False          # hood bunched behind the head
    collar: tuple | None = None  # shirt showing at the front (blazer)
    mark: tuple | None = None   # small mark on the back (DEA letters)
    head_r: float = 4.0


LOOKS = {
    "jesse": Look(body=(132, 30, 36), head=(34, 35, 44), skin=(218, 176, 146), style="beanie",
                  hood=True, legs=(54, 66, 96)),
    "kim": Look(body=(40, 40, 50), head=(232, 200, 112), skin=(232, 192, 166), style="ponytail",
                span=19, depth=11, collar=(232, 234, 240), shoes=(24, 22, 26),
                legs=(30, 30, 38)),
    "marco": Look(body=(232, 234, 238), head=(178, 126, 94), skin=(178, 126, 94), style="shaved",
                  span=23, depth=14, shoes=(26, 24, 24), legs=(44, 44, 52), head_r=4.5),
    "crew": Look(body=(74, 64, 60), head=(24, 20, 20), skin=(172, 124, 92), style="hair",
                 span=22, depth=13),
    "dea": Look(body=(36, 52, 104), head=(26, 34, 70), skin=(204, 164, 134), style="cap",
                mark=(240, 204, 60), legs=(84, 80, 68)),
}


def _ellipse(surf, color, cx, cy, w, h, edge=True):
    r = pygame.Rect(0, 0, w, h)
    r.center = (round(cx), round(cy))
    if edge:
        pygame.draw.ellipse(surf, OUTLINE, r.inflate(2, 2))
    pygame.draw.ellipse(surf, color, r)


def _circle(surf, color, cx, cy, r, edge=True):
    if edge:
        pygame.draw.circle(surf, OUTLINE, (cx, cy), r + 1)
    pygame.draw.circle(surf, color, (cx, cy), r)


def _head(surf, look: Look, hx: float, hy: float) -> None:
    r = look.head_r
    if look.style == "ponytail":
        _ellipse(surf, look.head, hx - r - 3, hy, 7, 4)
        _ellipse(surf, shade(look.head, 0.55), hx - r - 0.5, hy, 2, 4, edge=False)
    if look.style == "shaved":                      # ears
        _circle(surf, shade(look.skin, 0.9), hx + 0.5, hy - r, 1.5)
        _circle(surf, shade(look.skin, 0.9), hx + 0.5, hy + r, 1.5)
    if look.style == "cap":                         # brim to the front
        _ellipse(surf, shade(look.head, 0.8), hx + r - 0.5, hy, 6, 2 * r - 1)
    # outline of the whole head (skin face in front, hair/hat behind)
    _circle(surf, look.skin, hx, hy, r)
    if look.style == "shaved":
        _circle(surf, shade(look.skin, 0.85), hx - 1, hy, r - 1.5, edge=False)
        _circle(surf, shade(look.skin, 1.15), hx - 1.5, hy - 1.5, 1.5, edge=False)
        return
    back = {"beanie": 1.5, "ponytail": 1.5, "hair": 1.5, "cap": 1.0}[look.style]
    pygame.draw.circle(surf, look.head, (hx - back, hy), r)
    pygame.draw.circle(surf, OUTLINE, (hx, hy), r + 1, 1)
    if look.style == "beanie":
        pygame.draw.arc(surf, shade(look.head, 1.8), (hx - r - 1, hy - r, 2 * r, 2 * r), -1.2, 1.2)
        pygame.draw.circle(surf, shade(look.head, 1.5), (hx - 2, hy - 1), 1)
    elif look.style == "ponytail":
        pygame.draw.line(surf, shade(look.head, 0.75), (hx - r, hy), (hx - 1, hy))
        pygame.draw.circle(surf, shade(look.head, 1.1), (hx - 2, hy - 2), 1)
    elif look.style == "cap":
        pygame.draw.circle(surf, shade(look.head, 1.4), (hx - 1, hy), 1)
    else:
        pygame.draw.circle(surf, shade(look.head, 1.6), (hx - 2, hy - 2), 1)


def character_frame(look: Look, stride: float) -> pygame.Surface:
    """One 32x32 frame; stride in [-1, 1] sets how far the feet and arms swing."""
    s = new(FRAME, FRAME)
    cx, cy = 14, 16                  # torso centre; the head sits a little forward
    half = look.span / 2
    # feet: the one at -y steps forward when stride > 0; toes peek out in front
    for side, swing in ((-1, stride), (1, -stride)):
        fx, fy = cx + 5 + swing * 5, cy + side * 3.5
        if abs(swing) > 0.1:
            _ellipse(s, look.legs, (cx + fx) / 2, fy, abs(fx - cx) + 3, 4)
        _ellipse(s, look.shoes, fx, fy, 6, 4)
    # arms swing opposite to the foot on the same side; hands in skin tone
    for side, swing in ((-1, -stride), (1, stride)):
        ax, ay = cx + 1 + swing * 3.5, cy + side * (half - 2.5)
        _circle(s, look.skin, ax + 4 + swing, ay, 1.6)
        _ellipse(s, shade(look.body, 0.85), ax, ay, 8, 5)
    # torso: darker rim, body colour, lit shoulders
    _ellipse(s, shade(look.body, 0.75), cx, cy, look.depth, look.span)
    _ellipse(s, look.body, cx, cy, look.depth - 2, look.span - 3, edge=False)
    _ellipse(s, shade(look.body, 1.2), cx - 1, cy, look.depth - 6, look.span - 9, edge=False)
    if look.collar:
        pygame.draw.polygon(s, look.collar, [(cx + 3, cy - 3), (cx + 6, cy), (cx + 3, cy + 3)])
    if look.mark:
        pygame.draw.rect(s, look.mark, (cx - 5, cy - 3, 2, 7))
    if look.hood:
        _ellipse(s, shade(look.body, 0.6), cx - 3, cy, 5, 10)
        _ellipse(s, shade(look.body, 0.85), cx - 3, cy, 3, 7, edge=False)
    _head(s, look, cx + 3, cy)
    return s


def character_strip(look: Look) -> pygame.Surface:
    strip = new(FRAME * len(STRIDES), FRAME)
    for i, stride in enumerate(STRIDES):
        strip.blit(character_frame(look, stride), (i * FRAME, 0))
    return strip


def thrown_wrench() -> pygame.Surface:
    """16x16 wrench lying diagonally: open jaw top-right, ring end bottom-left."""
    s = new(16, 16)
    steel, light, dark = (150, 158, 172), (210, 218, 230), (84, 90, 104)
    pygame.draw.line(s, steel, (3, 12), (11, 4), 3)
    pygame.draw.circle(s, steel, (11, 4), 3)
    pygame.draw.circle(s, steel, (3, 12), 2)
    pygame.draw.polygon(s, (0, 0, 0, 0), [(11, 4), (15, 0), (15, -1), (12, -1)])  # jaw gap
    pygame.draw.line(s, light, (4, 10), (9, 5))
    s.set_at((3, 12), dark)
    s.set_at((12, 6), dark)
    return outline(s, OUTLINE, threshold=128)


def build() -> dict:
    """name -> Surface for everything in assets/sprites/."""
    out = {name: character_strip(look) for name, look in LOOKS.items()}
    out["thrown"] = thrown_wrench()
    return out
