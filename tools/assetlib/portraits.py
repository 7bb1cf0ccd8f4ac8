"""128x128 dialogue portraits: head and shoulders, three-quarter view, cel-painted.

Look: graphic-novel shapes in 4 flat tones per material (see paint.Canvas.cel), one
warm key light from the front-right, a coloured rim light from behind, and a dark
vignette background tinted for the character's place. The faces are generic and
invented; only the costume notes come from DESIGN.md section 7.

    build() -> {"jesse": Surface, "kim": ..., "marco": ..., "crew": ..., "dea": ...}
"""
from __future__ import annotations

import numpy as np

from .paint import Canvas
from . import portrait_face as face
from . import portrait_wear as wear

SIZE = 128

# background glow (behind the head), outer dark, rim light colour, iris etc.
PALETTE = {
    "jesse": {"glow": (52, 70, 108), "dark": (9, 11, 18), "rim": (160, 200, 248)},
    "kim": {"glow": (44, 74, 80), "dark": (8, 12, 14), "rim": (236, 214, 170)},
    "marco": {"glow": (112, 50, 52), "dark": (14, 8, 16), "rim": (255, 156, 84)},
    "crew": {"glow": (92, 64, 32), "dark": (12, 9, 8), "rim": (255, 186, 96)},
    "dea": {"glow": (34, 44, 92), "dark": (7, 8, 16), "rim": (120, 160, 255),
            "rim2": (236, 72, 72)},
}

SITTERS = {
    "jesse": face.Sitter("jesse", skin=(214, 170, 140), iris=(78, 96, 118),
                         brow_col=(58, 44, 36), jaw=0.3, lids=0.55, brow_lift=-0.4,
                         bags=1.0, lines=0.8, stubble=0.9, stubble_col=(74, 58, 50),
                         mouth=-0.3, angle=3, eye=0.95),
    "kim": face.Sitter("kim", skin=(230, 190, 162), iris=(70, 96, 96), brow_col=(150, 116, 70),
                       jaw=-1.2, chin=-0.5, lids=0.25, brow_lift=0.6, brow_w=1.3, lips=1.0,
                       lip_col=(168, 86, 84), lashes=True, mouth=0.1, sx=0.92, sy=0.96,
                       angle=-1, nose=0.85, eye=1.1, mouth_w=0.92, plane=0.12),
    "marco": face.Sitter("marco", skin=(176, 122, 90), iris=(48, 32, 24), brow_col=(30, 22, 20),
                         jaw=0.8, chin=0.5, lids=0.45, brow_lift=-0.8, brow_w=1.9,
                         stubble=0.15, stubble_col=(70, 50, 42), tilt=1.0, mouth=0.25,
                         sx=1.02, angle=-6, nose=1.05, eye=0.95,
                         earring=(226, 180, 70)),
    "crew": face.Sitter("crew", skin=(168, 122, 92), iris=(40, 30, 24), brow_col=(26, 20, 18),
                        jaw=1.4, chin=0.3, lids=0.45, brow_lift=-1.0, brow_w=2.1,
                        lines=0.5, stubble=0.8, stubble_col=(52, 40, 34), mouth=-0.5,
                        scar=True, sx=1.08, sy=0.98, angle=4, nose=1.12, eye=0.9,
                        goatee=0.8),
    "dea": face.Sitter("dea", skin=(202, 160, 132), iris=(70, 80, 90), brow_col=(64, 50, 40),
                       jaw=0.6, lids=0.4, brow_lift=-0.2, lines=0.6, stubble=0.3,
                       stubble_col=(90, 74, 64), mouth=-0.2, sx=1.02, nose=1.05,
                       mustache=0.9),
}


def paint_background(cv: Canvas, pal: dict, seed: int) -> None:
    """Opaque vignette: a soft glow behind the head falling off to near black."""
    dx, dy = (cv.x - 66) / 70, (cv.y - 50) / 64
    d = np.sqrt(dx * dx + dy * dy)
    brush = cv.noise((seed, 1), 5, 0.16) + cv.noise((seed, 2), 12, 0.06)
    t = np.clip(d + brush, 0, 1) ** 1.3
    glow, dark = np.array(pal["glow"], float), np.array(pal["dark"], float)
    img = glow * (1 - t[..., None]) + dark * t[..., None]
    cv.paint(np.ones(cv.alpha.shape, bool), img)


def render(name: str) -> object:
    pal, s, look = PALETTE[name], SITTERS[name], wear.LOOKS[name]
    cv = Canvas(SIZE, SIZE)
    paint_background(cv, pal, face.hash_name(name))
    wear.paint_behind(cv, look, s)
    with cv.frame(face.PIVOT, s.sx, s.sy, s.angle):
        wear.paint_hair_back(cv, look, s)
        neck = face.paint_neck(cv, s)
    body = wear.paint_torso(cv, look, s)
    with cv.frame(face.PIVOT, s.sx, s.sy, s.angle):
        head = face.paint_face(cv, s)
        hair = wear.paint_hair(cv, look, s, head)
        if look.hair not in ("beanie",):
            face.paint_ear_side(cv, s)
    figure = head | hair | body | neck
    top = head | hair
    cv.rim(top, pal["rim"], 1.4, (-1, -0.35), against=figure)
    cv.rim(body, pal["rim"], 1.2, (-0.8, -1), amount=0.75, against=figure)
    if "rim2" in pal:
        cv.rim(top, pal["rim2"], 1.1, (1, -0.2), amount=0.85, against=figure)
        cv.rim(body, pal["rim2"], 1.0, (0.8, -1), amount=0.6, against=figure)
    wear.paint_front(cv, look, s, figure)
    return cv.surface(opaque=True)


def build() -> dict:
    return {name: render(name) for name in SITTERS}
