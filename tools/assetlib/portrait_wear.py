"""Clothes, hair and hats for the portraits (see portraits.py).

Painting order per portrait: paint_behind (hood, ponytail) -> neck -> paint_torso ->
face -> paint_hair (hair, beanie, cap) -> rim light -> paint_front (drawstrings, ...).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .draw import mix, shade
from . import portrait_face as face
from .paint import Canvas, box_blur, ramp, shift

KEY = face.KEY
CLOTH_CUTS = (0.1, 0.45, 0.82)
HAIR_CUTS = (0.15, 0.5, 0.86)

TORSO = [(-8, 140), (-6, 120), (4, 108), (20, 100), (36, 94.5), (46, 91), (62, 95),
         (82, 92), (96, 96), (112, 102), (126, 112), (136, 140)]


@dataclass(frozen=True)
class Wear:
    top: str            # hoodie | blazer | shirt | jacket | windbreaker
    top_col: tuple
    hair: str           # beanie | ponytail | shaved | crew | cap
    hair_col: tuple
    under_col: tuple = (200, 200, 204)   # blouse / tee under the top
    accent: tuple = (240, 204, 60)       # drawstrings, chain, letters


LOOKS = {
    "jesse": Wear("hoodie", (128, 30, 36), "beanie", (38, 40, 50), accent=(212, 200, 190)),
    "kim": Wear("blazer", (44, 44, 56), "ponytail", (232, 198, 112), under_col=(226, 228, 234)),
    "marco": Wear("shirt", (232, 234, 238), "shaved", (40, 34, 34), accent=(226, 180, 70)),
    "crew": Wear("jacket", (58, 52, 52), "crew", (24, 20, 20), under_col=(96, 98, 104)),
    "dea": Wear("windbreaker", (36, 50, 102), "cap", (30, 38, 76)),
}


def _tones(col: tuple, dark: float = 0.42, bright: float = 1.3) -> list:
    return ramp(col, dark=dark, bright=bright)


def _jit(cv: Canvas, seed: int) -> np.ndarray:
    return cv.noise((seed, 11), 20, 0.07) + cv.noise((seed, 12), 48, 0.04)


# ================================================================ behind the neck
def paint_behind(cv: Canvas, w: Wear, s) -> None:
    if w.top == "hoodie":
        hood = cv.poly([(14, 108), (20, 92), (30, 82), (42, 79), (50, 86), (54, 100), (36, 110)])
        cv.cel(hood, _tones(shade(w.top_col, 0.8)), KEY, 6, CLOTH_CUTS, jitter=_jit(cv, 1))
        cv.paint(cv.stroke([(26, 96), (34, 88), (44, 86), (49, 92)], 1.3, 0.6),
                 shade(w.top_col, 0.35), 0.8)


def paint_hair_back(cv: Canvas, w: Wear, s) -> None:
    if w.hair == "ponytail":
        tail = cv.poly([(42, 36), (30, 42), (24, 56), (24, 74), (29, 90), (35, 96), (37, 84),
                        (35, 66), (38, 50)])
        tones = _tones(w.hair_col, dark=0.4, bright=1.15)
        cv.cel(tail, tones, KEY, 5, HAIR_CUTS, jitter=_jit(cv, 2))
        for pts in ([(36, 44), (29, 58), (29, 78), (33, 90)], [(38, 48), (33, 64), (33, 82)]):
            cv.paint(cv.stroke(pts, 0.8, 0.4), tones[0], 0.7)
        cv.paint(cv.stroke([(33, 46), (27, 60), (27, 74)], 0.7, 0.3), tones[3], 0.7)


# ================================================================ torso
def paint_torso(cv: Canvas, w: Wear, s) -> np.ndarray:
    body = cv.poly(TORSO)
    tones = _tones(w.top_col, bright=1.45 if max(w.top_col) < 90 else 1.1)
    cv.cel(body, tones, KEY, 14, CLOTH_CUTS, jitter=_jit(cv, 3),
           extra=-0.5 * _below_head(cv))
    {"hoodie": _hoodie, "blazer": _blazer, "shirt": _shirt, "jacket": _jacket,
     "windbreaker": _windbreaker}[w.top](cv, w, s, tones)
    return body


def _below_head(cv: Canvas) -> np.ndarray:
    """Soft shadow the head casts on the chest."""
    m = cv.ellipse(66, 96, 24, 8)
    return box_blur(m.astype(float), 3 * cv.ss)


def _folds(cv: Canvas, tones: list, strokes: list) -> None:
    for pts, width, k in strokes:
        cv.paint(cv.stroke(pts, width, 0.3), tones[k], 0.85)


def _hoodie(cv, w, s, tones):
    roll = [(40, 88), (48, 99), (63, 104), (77, 100.5), (83, 94.5)]
    cv.paint(cv.stroke(roll, 7, 5), tones[1])
    cv.paint(cv.stroke([(48, 96), (63, 101.5), (80, 97)], 2.2, 1.6), tones[2], 0.8)
    cv.paint(cv.stroke([(44, 93), (62, 106.5), (84, 96)], 1.1, 0.8), tones[0], 0.9)
    _folds(cv, tones, [([(22, 112), (30, 120), (34, 128)], 1.4, 0),
                       ([(96, 108), (100, 118)], 1.2, 0),
                       ([(52, 116), (58, 126)], 1.0, 1)])
    # pouch seam
    cv.paint(cv.stroke([(48, 124), (66, 121), (90, 123)], 1.0, 0.8), tones[0], 0.8)


def _blazer(cv, w, s, tones):
    blouse = cv.poly([(56, 95), (66, 92), (80, 94), (74, 112), (69, 120)], smooth=False)
    cv.cel(blouse, _tones(w.under_col, 0.5, 1.05), KEY, 4, CLOTH_CUTS)
    lap_tones = _tones(shade(w.top_col, 1.15), bright=1.6)
    near = cv.poly([(46, 92), (56, 94), (68, 121), (60, 126), (50, 108)], smooth=False)
    far = cv.poly([(79, 94), (88, 96), (82, 112), (71, 122)], smooth=False)
    cv.cel(near, lap_tones, KEY, 3, CLOTH_CUTS, extra=np.full(near.shape, -0.15))
    cv.cel(far, lap_tones, KEY, 3, CLOTH_CUTS, extra=np.full(far.shape, 0.15))
    for pts in ([(56, 94), (68, 121)], [(79, 94), (71, 122)]):
        cv.paint(cv.stroke(pts, 0.9, 0.9, smooth=False), tones[0])
    cv.paint(cv.stroke([(50, 106), (54, 104)], 1.0, 0.8), tones[0])      # lapel notch
    _folds(cv, tones, [([(24, 110), (28, 124)], 1.3, 0), ([(98, 108), (104, 122)], 1.2, 0)])
    cv.paint(cv.ellipse(74, 126, 1.2, 1.2), tones[3], 0.8)                 # button


def _shirt(cv, w, s, tones):
    opening = cv.poly([(58, 94), (70, 112), (82, 93), (70, 96)], smooth=False)
    skin = face.skin_tones(s, bright=1.1)
    cv.cel(opening, skin, KEY, 3, (0.05, 0.42, 0.8), extra=np.full(opening.shape, -0.2))
    cv.paint(cv.stroke([(59, 96), (70, 105), (80, 96)], 0.7, 0.7), w.accent, 0.9)  # chain
    collar_n = cv.poly([(44, 89), (58, 93), (66, 108), (60, 106), (50, 99)], smooth=False)
    collar_f = cv.poly([(80, 91), (88, 94), (76, 106), (74, 101)], smooth=False)
    ct = _tones(w.top_col, 0.55, 1.08)
    cv.cel(collar_n, ct, KEY, 2, CLOTH_CUTS, extra=np.full(collar_n.shape, 0.1))
    cv.cel(collar_f, ct, KEY, 2, CLOTH_CUTS, extra=np.full(collar_f.shape, 0.2))
    for pts in ([(58, 93), (66, 108)], [(80, 92), (76, 106)]):
        cv.paint(cv.stroke(pts, 0.8, 0.6, smooth=False), tones[0], 0.9)
    cv.paint(cv.stroke([(70, 112), (69, 128)], 0.7, 0.7), tones[1], 0.8)    # placket
    for y in (117, 124):
        cv.paint(cv.ellipse(71.5, y, 0.8, 0.8), tones[1])
    _folds(cv, tones, [([(26, 108), (32, 122)], 1.2, 1), ([(92, 104), (100, 114)], 1.2, 1),
                       ([(50, 114), (56, 126)], 1.0, 1)])


def _jacket(cv, w, s, tones):
    tee = cv.poly([(56, 96), (70, 102), (84, 95), (78, 112), (62, 112)], smooth=False)
    cv.cel(tee, _tones(w.under_col, 0.4, 1.1), KEY, 4, CLOTH_CUTS)
    ct = _tones(shade(w.top_col, 1.1), bright=1.5)
    near = cv.poly([(40, 96), (44, 80), (52, 86), (60, 100), (64, 124), (54, 124)])
    far = cv.poly([(80, 100), (86, 84), (92, 90), (90, 104), (82, 124), (76, 122)])
    cv.cel(near, ct, KEY, 4, CLOTH_CUTS, extra=np.full(near.shape, -0.1))
    cv.cel(far, ct, KEY, 4, CLOTH_CUTS, extra=np.full(far.shape, 0.1))
    cv.paint(cv.stroke([(58, 100), (62, 124)], 1.0, 0.8), tones[0])
    cv.paint(cv.stroke([(82, 102), (78, 124)], 1.0, 0.8), tones[0])
    _folds(cv, tones, [([(22, 110), (28, 126)], 1.4, 0), ([(100, 106), (106, 120)], 1.2, 0)])


def _windbreaker(cv, w, s, tones):
    collar = cv.poly([(44, 84), (58, 92), (74, 94), (84, 86), (88, 96), (76, 104), (58, 104),
                      (42, 96)])
    cv.cel(collar, _tones(shade(w.top_col, 1.1), bright=1.5), KEY, 4, CLOTH_CUTS,
           extra=np.full(collar.shape, 0.1))
    cv.paint(cv.stroke([(44, 92), (58, 100), (76, 100), (87, 93)], 0.9, 0.9), tones[0])
    cv.paint(cv.stroke([(76, 95), (78, 112), (80, 128)], 1.0, 1.0), (150, 156, 170), 0.9)
    cv.paint(cv.ellipse(76.5, 97, 1.0, 1.6), (196, 200, 210))              # zip pull
    cv.paint(cv.rect(90, 108, 11, 4), w.accent, 0.95)                       # chest patch
    _folds(cv, tones, [([(24, 108), (30, 124)], 1.4, 0), ([(54, 110), (60, 126)], 1.1, 1),
                       ([(98, 106), (104, 122)], 1.2, 0)])


# ================================================================ hair and hats
def paint_hair(cv: Canvas, w: Wear, s, head) -> np.ndarray:
    fn = {"beanie": _beanie, "ponytail": _pulled_back, "shaved": _shaved, "crew": _crew_cut,
          "cap": _cap}[w.hair]
    return fn(cv, w, s, head)


def _beanie(cv, w, s, head):
    tones = _tones(w.hair_col, bright=1.7)
    # a little dark hair at the sideburn
    cv.paint(cv.stroke([(51, 47), (51.5, 55)], 2.4, 1.2) & head, (44, 36, 32), 0.9)
    hat = cv.poly([(36, 54), (35, 38), (44, 24), (60, 16), (76, 19), (86, 30), (88, 42),
                   (70, 43.5), (52, 47)])
    cv.cel(hat, tones, KEY, 9, HAIR_CUTS, jitter=_jit(cv, 5))
    cuff = hat & ~cv.poly([(30, 46), (34, 30), (60, 8), (92, 20), (96, 35), (70, 37), (52, 40)])
    cv.cel(cuff, _tones(shade(w.hair_col, 1.12), bright=1.7), KEY, 3, HAIR_CUTS,
           extra=np.full(cuff.shape, 0.05))
    for i in range(14):                       # ribbing on the cuff
        x = 38 + i * 3.6
        cv.paint(cv.stroke([(x, 38 + i * -0.3), (x + 0.6, 48 - i * 0.45)], 0.6, 0.6) & cuff,
                 tones[0], 0.6)
    cv.paint(cv.stroke([(36, 46), (52, 40.5), (70, 37.3), (88, 35.5)], 1.0, 0.8) & hat, tones[0])
    cv.paint(cv.stroke([(52, 26), (60, 30), (66, 30)], 1.0, 0.4) & hat, tones[0], 0.7)
    return hat


def _pulled_back(cv, w, s, head):
    tones = _tones(w.hair_col, dark=0.45, bright=1.15)
    hair = cv.poly([(84.5, 38), (80, 25.5), (64, 18.5), (48, 22), (37.5, 34), (35.5, 48),
                    (39, 60), (43.5, 62), (47, 52.5), (52, 45), (58, 38), (68, 32), (78, 31.5)])
    cv.cel(hair, tones, KEY, 7, HAIR_CUTS, jitter=_jit(cv, 6))
    sweep = [[(82, 33), (70, 27), (54, 28), (42, 40)], [(78, 28), (64, 23), (48, 30), (40, 42)],
             [(70, 33.5), (58, 34), (48, 40), (41, 44)], [(56, 40), (48, 46), (42, 48)]]
    for i, pts in enumerate(sweep):
        cv.paint(cv.stroke(pts, 0.8, 0.4) & hair, tones[3 if i % 2 else 0], 0.75)
    cv.paint(cv.ellipse(37.5, 42, 1.6, 3.0, angle=-35), (54, 40, 46))            # hair tie
    return hair


def _shaved(cv, w, s, head):
    scalp = head & cv.poly([(88, 32), (80, 22), (62, 18), (46, 22), (36, 34), (35, 52),
                            (40, 62), (46, 60), (50, 48), (58, 40), (72, 35), (86, 36)])
    soft = np.clip((cv.y - 20) / 30, 0, 1)
    cv.paint(scalp, mix(w.hair_col, (90, 80, 80), 0.2), 0.2 + 0.12 * soft)
    cv.paint(cv.stroke([(56, 23), (68, 22), (78, 26)], 1.6, 0.6), (236, 200, 170), 0.45)
    return np.zeros_like(head)


def _crew_cut(cv, w, s, head):
    """Short buzz cut: the hairline is soft, so it reads as hair, not a helmet."""
    tones = _tones(w.hair_col, dark=0.7, bright=2.8)
    hair = head & cv.poly([(90, 38), (84, 24), (64, 14), (44, 18), (34, 32), (33, 56), (38, 66),
                           (44, 64), (47, 55), (51.5, 46), (56, 40), (66, 35.5), (78, 34.5),
                           (86, 37)])
    soft = box_blur(hair.astype(float), round(1.5 * cv.ss))
    fade = np.clip((soft - 0.2) / 0.5, 0, 1) * 0.95
    fade = np.where(head & ~shift(head, 4, 0), 0.95, fade)       # keep the back edge crisp
    cv.cel(hair, tones, KEY, 6, HAIR_CUTS, jitter=_jit(cv, 7) * 2, amount=fade)
    rng = np.random.default_rng([77, 1])
    bits = (rng.random(cv.alpha.shape) < 0.1) & hair
    cv.paint(bits, tones[2], 0.4 * fade)
    return hair


def _cap(cv, w, s, head):
    tones = _tones(w.hair_col, bright=1.9)
    crown = cv.poly([(87.5, 42), (85, 26), (66, 16), (48, 19.5), (37.5, 31), (36, 46), (40, 52),
                     (48, 49), (62, 45), (76, 42)])
    under = head & cv.poly([(56, 44), (74, 40), (90, 40), (90, 54), (74, 53), (60, 52)])
    cv.rgb[under] *= np.array([0.55, 0.58, 0.72])                            # brim shadow
    cv.cel(crown, tones, KEY, 10, HAIR_CUTS, jitter=_jit(cv, 8))
    cv.paint(cv.stroke([(62, 18), (70, 30), (74, 42)], 0.8, 0.6) & crown, tones[0], 0.8)
    brim = cv.poly([(62, 45), (80, 40), (97, 41.5), (102, 45.5), (95, 49), (80, 48), (66, 47.5)])
    cv.cel(brim, _tones(shade(w.hair_col, 1.1), bright=1.9), KEY, 2, HAIR_CUTS,
           extra=np.full(brim.shape, 0.1))
    cv.paint(cv.stroke([(64, 47.5), (80, 48.4), (95, 49)], 0.8, 0.6), tones[0])
    _letters(cv, 73, 30, w.accent)
    cv.paint(cv.ellipse(64, 17.5, 1.6, 1.0), tones[3])                      # button
    return crown | brim


def _letters(cv: Canvas, x: float, y: float, color: tuple) -> None:
    """Tiny 'DEA' in strokes, 3.5 px tall."""
    d = [(x, y), (x, y + 3.5), (x + 1.4, y + 3.2), (x + 2.1, y + 1.75), (x + 1.4, y + 0.3), (x, y)]
    e = [(x + 5, y), (x + 3, y), (x + 3, y + 3.5), (x + 5, y + 3.5)]
    a = [(x + 5.8, y + 3.6), (x + 7, y), (x + 8.2, y + 3.6)]
    for pts in (d, e, a):
        cv.paint(cv.stroke(pts, 0.7, 0.7, smooth=False), color)
    cv.paint(cv.stroke([(x + 3, y + 1.75), (x + 4.4, y + 1.75)], 0.7, 0.7, smooth=False), color)
    cv.paint(cv.stroke([(x + 6.3, y + 2.3), (x + 7.7, y + 2.3)], 0.6, 0.6, smooth=False), color)


# ================================================================ in front of everything
def paint_front(cv: Canvas, w: Wear, s, figure) -> None:
    if w.top == "hoodie":
        for x0, x1 in ((62, 60), (74, 76)):
            cv.paint(cv.stroke([(x0, 103), (x0 - 0.5, 112), (x1, 120)], 1.1, 0.9), w.accent, 0.95)
            cv.paint(cv.ellipse(x1, 121.5, 0.9, 1.6), shade(w.accent, 0.6))
