"""24x24 item icons (inventory, pickups): transparent ground, 1px dark outline.

Drawn on a supersampled Canvas for smooth insides, then the silhouette is snapped to
hard alpha and outlined so the icons stay crisp on any floor or panel. Light comes from
the top-left like the tiles. Digits on the safe code use a tiny 3x5 pixel font.

    build() -> {"go_bag": Surface, ..., "unknown": Surface}
"""
from __future__ import annotations

import numpy as np
import pygame

from .draw import mix, outline, shade
from .paint import Canvas

SIZE = 24
OUTLINE = (12, 12, 18)

PALETTE = {
    "bag": (58, 64, 76), "bag_light": (106, 114, 130), "bag_dark": (34, 37, 46),
    "strap": (26, 28, 32), "handle": (78, 84, 98), "zip": (176, 182, 192),
    "steel": (178, 186, 198), "steel_light": (232, 238, 246), "steel_dark": (104, 112, 128),
    "fob": (32, 34, 40), "fob_light": (84, 88, 100), "led": (220, 60, 52),
    "cover": (46, 84, 62), "cover_light": (78, 122, 92), "cover_dark": (28, 52, 40),
    "spine": (126, 40, 40), "page": (232, 222, 196), "page_dark": (186, 172, 142),
    "paper": (238, 234, 222), "paper_dark": (196, 190, 176), "ink": (40, 44, 70),
    "red_ink": (170, 36, 40),
    "brass": (212, 170, 72), "brass_light": (250, 222, 140), "brass_dark": (140, 100, 40),
    "device": (64, 68, 78), "device_light": (112, 118, 132), "device_dark": (36, 38, 46),
    "window": (24, 28, 36), "reel": (200, 204, 210),
    "tape": (34, 34, 40), "tape_light": (70, 72, 82), "label": (230, 220, 190),
    "box": (172, 132, 86), "box_light": (204, 166, 116), "box_dark": (124, 92, 60),
    "box_tape": (214, 196, 150),
}
P = PALETTE

DIGITS = {  # 3x5 pixel font, rows top to bottom
    "1": ("010", "110", "010", "010", "111"), "4": ("101", "101", "111", "001", "001"),
    "7": ("111", "001", "010", "010", "010"), "9": ("111", "101", "111", "001", "111"),
    "3": ("111", "001", "011", "001", "111"), "8": ("111", "101", "111", "101", "111"),
}


def finish(cv: Canvas) -> pygame.Surface:
    """Hard-edge the silhouette and add the 1px dark outline."""
    surf = cv.surface()
    alpha = pygame.surfarray.pixels_alpha(surf)
    alpha[...] = np.where(alpha >= 110, 255, 0).astype(np.uint8)
    del alpha
    return outline(surf, OUTLINE)


def _lit_box(cv, x, y, w, h, fill, light, dark, r=1.0):
    """Rounded box: dark base, lit top-left face."""
    cv.paint(cv.poly(_rounded(x, y, w, h, r), smooth=False), dark)
    cv.paint(cv.poly(_rounded(x, y, w - 0.8, h - 0.8, r), smooth=False), light)
    cv.paint(cv.poly(_rounded(x + 0.8, y + 0.8, w - 1.6, h - 1.6, r), smooth=False), fill)


def _rounded(x, y, w, h, r):
    k = r * 0.3
    return [(x + r, y), (x + w - r, y), (x + w - k, y + k), (x + w, y + r), (x + w, y + h - r),
            (x + w - k, y + h - k), (x + w - r, y + h), (x + r, y + h), (x + k, y + h - k),
            (x, y + h - r), (x, y + r), (x + k, y + k)]


# ================================================================ icons
def go_bag() -> pygame.Surface:
    """A long dark duffel lying on its side: handles over the top, round end caps."""
    cv = Canvas(SIZE, SIZE)
    cv.paint(cv.stroke([(7, 11), (8.5, 6.5), (15.5, 6.5), (17, 11)], 1.5), P["handle"])
    body = cv.poly([(1.2, 15), (2.4, 10.8), (12, 10), (21.6, 10.8), (22.8, 15), (21.6, 19.6),
                    (12, 20.4), (2.4, 19.6)])
    cv.paint(body, P["bag_dark"])
    cv.paint(body & cv.ellipse(12, 14.4, 10.4, 4.2), P["bag"])
    cv.paint(body & cv.ellipse(11, 12.3, 7.5, 1.4), P["bag_light"])
    for x, k in ((2.8, 0.75), (21.2, 1.0)):                                  # end caps
        cv.paint(cv.ellipse(x, 15.2, 1.8, 4.4) & body, shade(P["bag"], k))
        cv.paint(cv.ellipse(x, 15.2, 0.8, 2.4) & body, P["bag_dark"])
    cv.paint(cv.stroke([(5, 11.8), (12, 11.2), (19, 11.8)], 0.8), P["zip"])
    cv.paint(cv.ellipse(15.5, 11.6, 1.0, 1.0), P["steel_light"])             # zip pull
    for x in (7.5, 16.5):                                                      # strap loops
        cv.paint(cv.stroke([(x, 10.6), (x + 0.3, 20)], 1.2), P["strap"])
    return finish(cv)


def truck_keys() -> pygame.Surface:
    """Split ring top-left, a steel key lying to the right, a black fob hanging down."""
    cv = Canvas(SIZE, SIZE)
    ring = cv.ellipse(6.5, 6.5, 3.8, 3.8) & ~cv.ellipse(6.5, 6.5, 2.5, 2.5)
    cv.paint(ring, P["steel_dark"])
    cv.paint(ring & cv.ellipse(5.8, 5.8, 3.8, 3.8), P["steel"])
    _lit_box(cv, 10, 3.5, 6.5, 7, P["steel"], P["steel_light"], P["steel_dark"], 2.0)
    cv.paint(cv.rect(16, 5.2, 6.8, 2.8), P["steel"])                          # blade
    cv.paint(cv.rect(16, 5.2, 6.8, 0.8), P["steel_light"])
    teeth = cv.poly([(16.5, 7.8), (17.5, 10), (18.5, 7.8), (19.5, 9.5), (20.5, 7.8),
                     (21.5, 9.2), (22.8, 7.8)], smooth=False)
    cv.paint(teeth, P["steel_dark"])
    cv.erase(cv.ellipse(12.2, 7, 1.0, 1.0))
    cv.paint(cv.stroke([(6, 10.5), (6, 12.5)], 1.2), P["steel_dark"])          # link
    _lit_box(cv, 2.5, 12, 7, 10, P["fob"], P["fob_light"], shade(P["fob"], 0.7), 2.2)
    cv.paint(cv.ellipse(6, 15.3, 1.4, 1.4), P["led"])
    cv.paint(cv.ellipse(6, 19, 1.4, 1.1), P["fob_light"])
    return finish(cv)


def ledger() -> pygame.Surface:
    cv = Canvas(SIZE, SIZE)
    cv.paint(cv.poly([(4.5, 6), (21, 5), (21.5, 20.5), (5, 21.5)], smooth=False), P["page_dark"])
    for i in range(4):                                                    # page edges
        y = 17.8 + i * 0.9
        cv.paint(cv.stroke([(6, y), (21, y - 0.6)], 0.35), P["page"])
    cv.paint(cv.poly([(19.6, 6), (21, 5), (21.5, 19.5), (20, 18.5)], smooth=False), P["page"])
    cover = cv.poly([(2.5, 3.5), (19.5, 2.5), (20, 17.5), (3, 18.5)], smooth=False)
    cv.paint(cover, P["cover"])
    cv.paint(cv.poly([(2.5, 3.5), (19.5, 2.5), (19.6, 4), (2.6, 5)], smooth=False),
             P["cover_light"])
    cv.paint(cv.poly([(2.5, 3.5), (6, 3.3), (6.5, 18.3), (3, 18.5)], smooth=False), P["spine"])
    cv.paint(cv.stroke([(6.2, 3.4), (6.6, 18.3)], 0.5), shade(P["spine"], 0.6))
    label = cv.poly([(9, 7), (16.5, 6.6), (16.7, 10.6), (9.2, 11)], smooth=False)
    cv.paint(label, P["page"])
    cv.paint(cv.stroke([(10.2, 8.2), (15.4, 7.9)], 0.6), P["ink"])
    cv.paint(cv.stroke([(10.3, 9.6), (14, 9.4)], 0.6), P["ink"])
    cv.paint(cv.poly([(17, 15.5), (19.9, 15.3), (20, 17.5), (17.2, 17.7)], smooth=False),
             P["brass"])                                                      # corner guard
    return finish(cv)


def _digits(surf: pygame.Surface, text: str, x: int, y: int, color: tuple) -> None:
    for ch in text:
        for r, row in enumerate(DIGITS[ch]):
            for c, bit in enumerate(row):
                if bit == "1":
                    surf.set_at((x + c, y + r), color)
        x += 4


def safe_code() -> pygame.Surface:
    cv = Canvas(SIZE, SIZE)
    slip = cv.poly([(1.5, 7.5), (22.5, 6), (22.8, 17), (2, 18.5)], smooth=False)
    cv.paint(slip, P["paper"])
    cv.paint(cv.poly([(12, 6.8), (22.5, 6), (22.8, 17), (12.3, 17.7)], smooth=False),
             P["paper_dark"])                                                 # far half of the fold
    cv.paint(cv.stroke([(12, 6.8), (12.3, 17.7)], 0.5), shade(P["paper_dark"], 0.8))
    surf = finish(cv)
    _digits(surf, "47", 4, 10, P["red_ink"])
    _digits(surf, "19", 14, 9, P["red_ink"])
    return surf


def key() -> pygame.Surface:
    cv = Canvas(SIZE, SIZE)
    bow = cv.ellipse(7, 7, 5, 5)
    cv.paint(bow, P["brass_dark"])
    cv.paint(bow & cv.ellipse(6.3, 6.3, 4.4, 4.4), P["brass"])
    cv.paint(cv.ellipse(5.4, 5.4, 1.8, 1.4, angle=-45), P["brass_light"], 0.9)
    cv.paint(cv.stroke([(10, 10), (20.5, 20.5)], 2.6), P["brass"])
    cv.paint(cv.stroke([(10, 9.2), (20, 19.2)], 0.7), P["brass_light"])
    teeth = cv.poly([(15, 17.5), (13.5, 19), (15, 20.5), (16, 19.5), (17.5, 21), (19, 19.5)],
                    smooth=False)
    cv.paint(teeth, P["brass_dark"])
    cv.erase(cv.ellipse(7, 7, 1.6, 1.6))                                   # the hole
    return finish(cv)


def note() -> pygame.Surface:
    cv = Canvas(SIZE, SIZE)
    paper = cv.poly([(4, 3), (17, 2.5), (20.5, 6), (20.5, 21), (4.5, 21.5)], smooth=False)
    cv.paint(paper, P["paper"])
    cv.paint(cv.poly([(17, 2.5), (20.5, 6), (17.2, 6.2)], smooth=False), P["paper_dark"])  # dog-ear
    for y in (9, 16):                                                         # fold creases
        cv.paint(cv.stroke([(4.2, y), (20.5, y - 0.2)], 0.5), P["paper_dark"])
    for i, (x1, y) in enumerate(((15, 5.5), (17.5, 11.5), (13.5, 13.5), (16.5, 18.5))):
        wobble = [(6.5, y), (9, y - 0.5), (11.5, y + 0.2), (x1, y - 0.3)]
        cv.paint(cv.stroke(wobble, 0.8), P["ink"], 0.9)
    return finish(cv)


def recorder() -> pygame.Surface:
    cv = Canvas(SIZE, SIZE)
    _lit_box(cv, 5, 2.5, 14, 19.5, P["device"], P["device_light"], P["device_dark"], 2.0)
    cv.paint(cv.rect(7.5, 5, 9, 6.5), P["window"])                           # tape window
    for x in (9.8, 14.2):
        cv.paint(cv.ellipse(x, 8.2, 1.8, 1.8), P["reel"])
        cv.paint(cv.ellipse(x, 8.2, 0.7, 0.7), P["window"])
    for y in (14, 16, 18):                                                    # speaker
        for x in (8.5, 10.5, 12.5, 14.5):
            cv.paint(cv.ellipse(x + 0.5, y + 0.5, 0.55, 0.55), P["device_dark"])
    cv.paint(cv.rect(17.5, 5, 2.5, 3), P["led"])                               # record button
    cv.paint(cv.rect(17.5, 9, 2.5, 2.5), P["device_light"])
    cv.paint(cv.ellipse(16.5, 18.5, 0.8, 0.8), P["led"])                       # red light
    return finish(cv)


def tape() -> pygame.Surface:
    cv = Canvas(SIZE, SIZE)
    _lit_box(cv, 1.5, 4.5, 21, 15, P["tape"], P["tape_light"], shade(P["tape"], 0.6), 1.5)
    cv.paint(cv.rect(3.5, 6, 17, 7.5), P["label"])
    cv.paint(cv.rect(3.5, 6, 17, 1.6), P["red_ink"])
    cv.paint(cv.rect(7, 8.5, 10, 3.5), P["window"])
    for x in (9, 15):
        cv.paint(cv.ellipse(x, 10.25, 1.5, 1.5), P["reel"])
        cv.paint(cv.ellipse(x, 10.25, 0.6, 0.6), P["window"])
    cv.paint(cv.poly([(6, 19.5), (7.5, 15.5), (16.5, 15.5), (18, 19.5)], smooth=False),
             P["tape_light"])
    for x in (9, 15):
        cv.paint(cv.ellipse(x, 17.5, 0.8, 0.8), P["window"])
    return finish(cv)


def unknown() -> pygame.Surface:
    cv = Canvas(SIZE, SIZE)
    top = cv.poly([(3, 8), (12, 4), (21, 8), (12, 12)], smooth=False)
    left = cv.poly([(3, 8), (12, 12), (12, 21.5), (3, 17)], smooth=False)
    right = cv.poly([(12, 12), (21, 8), (21, 17), (12, 21.5)], smooth=False)
    cv.paint(top, P["box_light"])
    cv.paint(left, P["box"])
    cv.paint(right, P["box_dark"])
    cv.paint(cv.stroke([(7.5, 6), (16.5, 10)], 1.5), P["box_tape"])
    cv.paint(cv.stroke([(16.5, 10), (16.5, 15)], 1.5), mix(P["box_tape"], P["box_dark"], 0.4))
    return finish(cv)


ICONS = {"go_bag": go_bag, "truck_keys": truck_keys, "ledger": ledger, "safe_code": safe_code,
         "key": key, "note": note, "recorder": recorder, "tape": tape, "unknown": unknown}


def build() -> dict:
    return {name: fn() for name, fn in ICONS.items()}
