"""The head of a portrait: skull, ear, neck, face planes and features.

Every sitter shares one three-quarter head facing right (towards the dialogue text),
lit by a key light from the front-right ("short lighting": the near cheek falls into
shadow, which gives strong graphic shapes) and rimmed by a cold light from behind-left.
A Sitter's numbers (jaw width, brow height, lid weight, ...) change the shapes.
Coordinates are 128 x 128 output pixels; the Canvas supersamples them.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .draw import mix, shade
from .paint import Canvas, box_blur, ramp

KEY = (0.62, -0.55, 0.58)           # towards the key light: right, up, out of the picture
SKIN_CUTS = (0.05, 0.42, 0.8)       # light values that split the four skin tones
SCLERA = (206, 198, 190)
SCLERA_SHADE = (120, 108, 104)
INK = (22, 16, 20)
SKIN_COOL = (1.02, 0.86, 0.9)       # tint of skin shadows
SKIN_WARM = (1.04, 1.0, 0.9)        # tint of skin lights


@dataclass(frozen=True)
class Sitter:
    name: str
    skin: tuple
    iris: tuple = (70, 52, 40)
    brow_col: tuple = (40, 30, 26)
    jaw: float = 0.0          # + wider, heavier jaw; - narrower, softer
    chin: float = 0.0         # + longer chin
    lids: float = 0.3         # 0 open .. 1 heavy, tired lids
    brow_lift: float = 0.0    # + raised/arched, - low and straight
    brow_w: float = 1.6       # brow thickness
    bags: float = 0.0         # tired under-eye shadows
    lines: float = 0.0        # age lines (nasolabial, forehead)
    stubble: float = 0.0      # 0..1 beard shadow
    stubble_col: tuple = (60, 48, 44)
    lips: float = 0.0         # + fuller lips (and a little colour)
    lip_col: tuple | None = None
    mouth: float = 0.0        # + corners up, - corners down
    sneer: float = 0.0        # near corner pulled down
    tilt: float = 0.0         # + chin raised (proud): features shift up, jaw shows
    lashes: bool = False
    scar: bool = False
    sx: float = 1.0           # head width and height scale (about the neck)
    sy: float = 1.0
    angle: float = 0.0        # head turn on screen, degrees: - chin up, + head bowed
    nose: float = 1.0         # nose size
    eye: float = 1.0          # eye size
    mouth_w: float = 1.0      # mouth width
    mustache: float = 0.0     # 0..1
    goatee: float = 0.0       # 0..1
    earring: tuple | None = None
    plane: float = 0.3        # depth of the shadowed near-cheek plane (bony vs soft face)


PIVOT = (62, 90)              # heads scale and turn about the base of the skull/neck


# ---------------------------------------------------------------- outlines
def head_outline(s: Sitter) -> list:
    j, c, t = s.jaw, s.chin, s.tilt
    return [(62, 22), (48, 27), (40, 38), (38, 52), (40.5, 64), (45 - j * 2, 75 + j),
            (55 - j, 84.5 + c), (65, 89 + c - t), (73, 88.5 + c - t), (78 + j * 0.5, 83 + c - t),
            (79.5, 77 - t * 0.5), (81, 70 - t * 0.5), (84, 61), (83, 53), (85.5, 45.5),
            (83.5, 35), (75, 25)]


def nose_outline(s: Sitter) -> list:
    t = s.tilt
    return [(76, 50), (80, 53), (86.5, 63.5 - t), (86.5, 66.5 - t), (82.5, 68.5 - t),
            (78, 67.5 - t)]


def neck_outline(s: Sitter) -> list:
    return [(47, 66), (72, 82), (75, 92), (78, 112), (44, 112), (45, 90)]


# ---------------------------------------------------------------- helpers
def _soft(cv: Canvas, mask, r: float) -> np.ndarray:
    return box_blur(mask.astype(np.float64), max(1, round(r * cv.ss / 2)))


def _jitter(cv: Canvas, s: Sitter, amp: float = 0.06) -> np.ndarray:
    seed = hash_name(s.name)
    return cv.noise((seed, 7), 24, amp) + cv.noise((seed, 8), 60, amp * 0.6)


def hash_name(name: str) -> int:
    """Stable small integer for a name (Python's hash() is salted per process)."""
    return sum((i + 1) * ord(ch) for i, ch in enumerate(name))


# ---------------------------------------------------------------- parts
def paint_neck(cv: Canvas, s: Sitter) -> np.ndarray:
    tones = skin_tones(s, dark=0.38, bright=1.1)
    mask = cv.poly(neck_outline(s))
    jaw_shadow = cv.poly([(40, 60), (82, 78), (82, 94), (60, 93), (40, 80)])
    extra = -0.55 * _soft(cv, jaw_shadow, 4)
    cv.cel(mask, tones, KEY, 8, SKIN_CUTS, extra=extra, jitter=_jitter(cv, s))
    # the throat / tendon line catching light
    cv.paint(cv.stroke([(70, 86), (73, 96), (75, 106)], 1.2, 0.4) & mask, tones[2], 0.7)
    return mask


def face_shadows(cv: Canvas, s: Sitter) -> np.ndarray:
    """Extra light field on the face: sockets, nose side, cheek plane, under lip."""
    t = s.tilt
    shapes = [
        (cv.ellipse(64, 54 - t * 0.5, 8, 5), -0.35, 2),          # near eye socket
        (cv.ellipse(80.5, 53.5 - t * 0.5, 4, 4.5), -0.3, 2),     # far eye socket
        (cv.poly([(73.5, 50), (77.5, 56), (80, 66 - t), (74, 68 - t), (71, 60)]), -0.55, 1.5),
        (cv.poly([(42, 56), (56, 62), (62, 72), (58, 84), (46, 78)]), -s.plane, 4),  # cheek
        (cv.ellipse(77, 71 - t, 4.5, 1.8), -0.35, 1.2),            # under the nose
        (cv.ellipse(75, 80.5 - t, 5, 1.8), -0.4, 1.5),             # under the lower lip
        (cv.ellipse(75, 43, 7, 5), 0.18, 4),                       # forehead catches light
        (cv.ellipse(81, 62, 3, 5), 0.2, 3),                        # far cheekbone
    ]
    extra = np.zeros(cv.alpha.shape)
    for mask, amount, soft in shapes:
        extra += amount * _soft(cv, mask, soft)
    return extra


def paint_head(cv: Canvas, s: Sitter) -> np.ndarray:
    """Skull + face + nose in cel tones; returns the head mask."""
    tones = skin_tones(s)
    head = cv.poly(head_outline(s))
    with cv.frame((77, 52), s.nose, s.nose):
        head |= cv.poly(nose_outline(s))
    cv.cel(head, tones, KEY, 10, SKIN_CUTS, extra=face_shadows(cv, s), jitter=_jitter(cv, s))
    if s.stubble:
        paint_stubble(cv, s, head)
    return head


def paint_stubble(cv: Canvas, s: Sitter, head) -> None:
    t = s.tilt
    area = cv.poly([(44, 66), (56, 70), (66, 74), (70, 71 - t), (82, 70 - t), (80, 86 - t),
                    (70, 92), (52, 86), (44, 76)])
    area &= head & ~cv.ellipse(75, 77 - t, 5.5, 2.4)
    fade = _soft(cv, area, 3) * area
    rng = np.random.default_rng([hash_name(s.name), 31])
    dots = rng.random(cv.alpha.shape) < 0.35
    cv.paint(fade > 0, s.stubble_col, fade * 0.35 * s.stubble)
    cv.paint(dots & (fade > 0.3), shade(s.stubble_col, 0.8), 0.5 * s.stubble)


def paint_ear(cv: Canvas, s: Sitter) -> None:
    tones = skin_tones(s, mix(s.skin, (226, 120, 110), 0.18))
    ear = cv.ellipse(47, 60, 3.6, 7, angle=-12)
    cv.paint(cv.ellipse(48.3, 60.5, 3.9, 7.5, angle=-12) & ~ear, tones[0], 0.8)
    cv.cel(ear, tones, KEY, 3, SKIN_CUTS, extra=np.full(ear.shape, 0.25))
    cv.paint(cv.stroke([(47.8, 55.5), (46.3, 58), (46.8, 62.5), (48.6, 64.5)], 1.1, 0.6),
             tones[0], 0.85)
    cv.paint(cv.stroke([(44.4, 56), (43.9, 60), (45, 65)], 0.8, 0.5) & ear, tones[3], 0.8)


def paint_eye(cv: Canvas, s: Sitter, cx: float, cy: float, w: float, far: bool) -> None:
    skin = skin_tones(s)
    h = 1.9 if far else 2.3
    lid = s.lids
    white = cv.poly([(cx - w / 2, cy), (cx - w * 0.1, cy - h), (cx + w / 2, cy - 0.2),
                     (cx + w * 0.1, cy + h * 0.55)])
    cv.paint(white, mix(SCLERA, SCLERA_SHADE, 0.35 if far else 0.15))
    ix = cx + w * 0.16
    iris = cv.ellipse(ix, cy - 0.2, 1.7 if far else 2.0, 2.0) & white
    cv.paint(iris, s.iris)
    cv.paint(cv.ellipse(ix + 0.2, cy - 0.2, 0.9, 1.0) & white, INK)
    # heavy lids cover the top of the eye
    top = cy - h + lid * h * 0.9
    cover = white & (cv.y < top)
    cv.paint(cover, skin[1])
    if not far:
        cv.paint(cv.ellipse(ix - 0.7, cy - 0.7 + lid * 0.5, 0.45, 0.45) & white & ~cover,
                 (236, 232, 224))
    # upper lid line (thick, dark) and crease, lower lid
    lw = 1.5 if s.lashes else 1.1
    upper = [(cx - w / 2 - 0.3, cy + 0.2), (cx - w * 0.1, top - 0.1),
             (cx + w / 2 + 0.5, cy - 0.2 + lid * 0.4)]
    cv.paint(cv.stroke(upper, lw * 0.6, lw), INK)
    crease = [(cx - w / 2 + 0.5, cy - h - 0.6), (cx, top - 1.9 - 0.6 * (1 - lid)),
              (cx + w / 2, cy - h)]
    cv.paint(cv.stroke(crease, 0.7, 0.5), skin[0], 0.8)
    lower = [(cx - w / 2 + 0.8, cy + 0.6), (cx, cy + h * 0.7), (cx + w / 2, cy + 0.3)]
    cv.paint(cv.stroke(lower, 0.5, 0.8), skin[0], 0.6)
    if s.bags:
        bag = [(cx - w / 2 + 1, cy + 2.2), (cx, cy + h + 1.6), (cx + w / 2 - 0.5, cy + 1.8)]
        cv.paint(cv.stroke(bag, 0.6, 0.9), skin[0], 0.7 * s.bags)


def paint_brows(cv: Canvas, s: Sitter) -> None:
    b, t = s.brow_lift, s.tilt * 0.5
    near = [(56, 50.5 - t), (62, 48 - b - t), (69, 48.5 - b * 0.6 - t)]
    far = [(76.5, 48.8 - b * 0.6 - t), (80, 47.6 - b - t), (84, 48.5 - t)]
    cv.paint(cv.stroke(near, s.brow_w * 0.7, s.brow_w * 1.2), s.brow_col)
    cv.paint(cv.stroke(far, s.brow_w * 1.1, s.brow_w * 0.6), s.brow_col)


def paint_nose(cv: Canvas, s: Sitter) -> None:
    skin = skin_tones(s)
    t = s.tilt
    cv.paint(cv.stroke([(78.5, 67.5 - t), (80.5, 67 - t)], 1.4, 0.9), shade(skin[0], 0.8))
    cv.paint(cv.stroke([(84.5, 63 - t), (85.3, 64.8 - t)], 0.9, 0.6), skin[3], 0.8)   # tip light
    cv.paint(cv.stroke([(80, 56), (83, 61 - t)], 0.8, 0.5), skin[3], 0.45)           # bridge light
    cv.paint(cv.stroke([(75.5, 67 - t), (77, 64.5 - t)], 0.9, 0.5), skin[0], 0.6)     # wing


def paint_mouth(cv: Canvas, s: Sitter) -> None:
    skin = skin_tones(s)
    t, m, sn = s.tilt, s.mouth, s.sneer
    y = 75.5 - t
    line = [(67, y + 0.6 - m + sn), (72, y + 0.3), (77, y), (80.5, y - 0.2 - m * 0.5)]
    lip_col = s.lip_col or mix(skin[1], (150, 70, 70), 0.3)
    lower = cv.ellipse(75, y + 2.0 + s.lips * 0.3, 4.8, 1.4 + s.lips * 0.5)
    cv.paint(lower, mix(lip_col, skin[2], 0.35), 0.8)
    cv.paint(cv.stroke([(73, y + 2.4), (77.5, y + 2.2)], 0.6, 0.4), skin[3], 0.6)
    upper = cv.poly([(68, y + 0.4), (74, y - 1.3 - s.lips * 0.5), (79.5, y - 0.8),
                     (80.5, y), (74, y + 0.4)])
    cv.paint(upper, lip_col, 0.75)
    cv.paint(cv.stroke(line, 1.0, 0.8), shade(INK, 1.6))


def paint_lines(cv: Canvas, s: Sitter) -> None:
    skin = skin_tones(s)
    t = s.tilt
    if s.lines:
        cv.paint(cv.stroke([(74, 67 - t), (69.5, 72 - t), (68, 77 - t)], 0.9, 0.4),
                 skin[0], 0.55 * s.lines)
        cv.paint(cv.stroke([(65, 39), (72, 38), (78, 39)], 0.6, 0.4), skin[1], 0.6 * s.lines)
        cv.paint(cv.stroke([(58, 57.5), (56, 59.5)], 0.5, 0.3), skin[0], 0.7 * s.lines)
    if s.scar:
        cv.paint(cv.stroke([(60, 46), (63, 51.5)], 0.9, 0.5), mix(skin[3], (220, 190, 190), 0.4))


def paint_facial_hair(cv: Canvas, s: Sitter) -> None:
    t = s.tilt
    if s.mustache:
        m = cv.poly([(67.5, 75.5 - t), (71, 72.3 - t), (77, 71 - t), (81, 72.2 - t),
                     (81.5, 74.6 - t), (77, 73.6 - t), (71, 74.6 - t)])
        cv.paint(m, s.brow_col, 0.9 * s.mustache)
        cv.paint(cv.stroke([(72, 72.6 - t), (79, 71.6 - t)], 0.6, 0.4), shade(s.brow_col, 1.8),
                 0.5 * s.mustache)
    if s.goatee:
        g = cv.poly([(69, 80.5 - t), (74, 78.8 - t), (79, 79.5 - t), (79, 85 - t), (74, 88 - t),
                     (70, 85.5 - t)])
        cv.paint(g, s.brow_col, 0.85 * s.goatee)
        cv.paint(cv.ellipse(74.5, 79.6 - t, 2.4, 1.0), skin_tones(s)[1], 0.8)


def paint_ear_side(cv: Canvas, s: Sitter) -> None:
    """The near ear (painted after the hair, which passes behind it)."""
    paint_ear(cv, s)
    if s.earring:
        cv.paint(cv.ellipse(47.8, 67.8, 1.0, 1.0), s.earring)
        cv.paint(cv.ellipse(47.5, 67.4, 0.4, 0.4), (255, 246, 220))


def skin_tones(s: Sitter, base: tuple | None = None, dark: float = 0.4,
               bright: float = 1.16) -> list:
    """Four skin tones; shadows stay warm (blood under skin) rather than grey."""
    return ramp(base or s.skin, dark=dark, bright=bright, cool=SKIN_COOL, warm=SKIN_WARM)


def paint_face(cv: Canvas, s: Sitter) -> np.ndarray:
    """Head and features (the ear comes later, over the hair); returns the head mask."""
    head = paint_head(cv, s)
    t = s.tilt * 0.5
    for cx, cy, w, far in ((63.5, 56 - t, 8.5, False), (80.3, 55.5 - t, 4.8, True)):
        with cv.frame((cx, cy), s.eye, s.eye):
            paint_eye(cv, s, cx, cy, w, far)
    paint_brows(cv, s)
    with cv.frame((77, 52), s.nose, s.nose):
        paint_nose(cv, s)
    with cv.frame((75, 76 - s.tilt), s.mouth_w, 1.0):
        paint_mouth(cv, s)
        paint_facial_hair(cv, s)
    paint_lines(cv, s)
    return head
