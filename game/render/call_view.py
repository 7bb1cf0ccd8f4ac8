"""A call during play, in the bottom-left corner (the right one while Jesse is there): the caller's portrait, who it is, and the line
being said as a subtitle; the level goes on under it. A phone call rings first; the radio and
Marco on the crew's radio crackle. Lines pass on their own at reading speed; the skip key ends
the call. Calls that come while one plays wait their turn.

Draws and times only; what is due comes from `story.calls.CallBook`, the sound through the
`sounds` the scene asks for after each tick.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from ..story.calls import Caller, DueCall
from ..story.dialogue import Line, wrap
from .assets import Assets
from .hud import draw_panel, draw_text

RING_TICKS = 66  # a phone rings 1.1 s before Kim talks
CRACKLE_TICKS = 24  # a radio keys up 0.4 s before the voice
MIN_LINE_TICKS = 150  # a line stays at least 2.5 s...
TICKS_PER_CHAR = 4  # ...or 15 characters a second, whichever is longer
MAX_WAITING = 4  # calls queued behind the one playing (more are dropped: the moment has passed)
PORTRAIT = 88
MARGIN = 12
BOTTOM_CLEAR = 96  # px kept free at the bottom: the hint line and the controls
AVOID_MARGIN = 40  # px: Jesse this close to the corner's panel moves it to the other corner

CALL_PALETTES = {
    "default": {"panel": (8, 10, 16, 215), "kim": (236, 214, 160), "marco": (255, 150, 130), "radio": (150, 230, 170),
                "text": (244, 240, 232), "dim": (170, 172, 180)},
    "colourblind": {"panel": (0, 0, 0, 225), "kim": (250, 250, 250), "marco": (255, 200, 80), "radio": (250, 245, 170),
                    "text": (255, 255, 255), "dim": (200, 200, 200)},
}
CALLER_LABELS = {Caller.KIM: "Kim, on the phone", Caller.MARCO: "Marco", Caller.RADIO: "Radio"}
PORTRAITS = {"Kim": "kim", "Marco": "marco", "Jesse": "jesse", "Crew": "crew", "DEA": "dea"}


@dataclass
class Playing:
    due: DueCall
    lines: tuple[Line, ...]
    index: int = -1  # -1: still ringing
    ticks: int = 0


def line_ticks(line: Line) -> int:
    return max(MIN_LINE_TICKS, TICKS_PER_CHAR * len(line.text))


class CallView:
    def __init__(self, assets, palette: str = "default", text_scale: float = 1.0):
        self.assets = assets
        self.colours = CALL_PALETTES.get(palette, CALL_PALETTES["default"])
        self.scale = text_scale
        self.size = round(24 * text_scale)
        self.playing: Playing | None = None
        self.waiting: list[Playing] = []
        self.sounds: list[str] = []  # to play this tick (the scene hands them to the mixer)
        self._faces: dict[str, pygame.Surface | None] = {}
        self.on_right = False  # drawn in the bottom-right corner: Jesse is in the left one

    def start(self, due: DueCall, lines: tuple[Line, ...]) -> None:
        call = Playing(due, tuple(lines))
        if self.playing is None:
            self._begin(call)
        elif len(self.waiting) < MAX_WAITING:
            self.waiting.append(call)

    def interrupt(self, due: DueCall, lines: tuple[Line, ...]) -> None:
        """Play this now: a call playing is held (it goes on from the line it was at, after this
        one); another of the same `due` playing is replaced."""
        held = self.playing
        if held is not None and held.due != due:
            held.ticks = 0
            self.waiting.insert(0, held)
        self.playing = None
        self._begin(Playing(due, tuple(lines)))

    def _begin(self, call: Playing) -> None:
        self.playing = call
        if not call.due.rings:
            call.index = 0
            return
        self.sounds.append("phone_ring" if call.due.caller == Caller.KIM else "radio_squelch")

    def keep(self, due: DueCall) -> None:
        """The line of `due` playing stays on screen this tick too (Kim is still looking)."""
        if self.playing is not None and self.playing.due == due and self.playing.index >= 0:
            self.playing.ticks = 0

    @property
    def busy(self) -> bool:
        return self.playing is not None

    def tick(self) -> None:
        call = self.playing
        if call is None:
            return
        call.ticks += 1
        lead = 0 if not call.due.rings else RING_TICKS if call.due.caller == Caller.KIM else CRACKLE_TICKS
        if call.index < 0:
            if call.ticks >= lead:
                call.index, call.ticks = 0, 0
        elif call.ticks >= line_ticks(call.lines[call.index]):
            call.index, call.ticks = call.index + 1, 0
        if call.index >= len(call.lines):
            self._next()

    def skip(self) -> bool:
        """The skip key: the call ends (the next one waiting begins). False when none plays."""
        if self.playing is None:
            return False
        self._next()
        return True

    def clear(self) -> None:
        self.playing, self.waiting = None, []

    def _next(self) -> None:
        self.playing = None
        if self.waiting:
            self._begin(self.waiting.pop(0))

    def take_sounds(self) -> list[str]:
        sounds, self.sounds = self.sounds, []
        return sounds

    def _face(self, speaker: str) -> pygame.Surface | None:
        name = PORTRAITS.get(speaker)
        if name is None:
            return None
        if name not in self._faces:
            try:
                image = self.assets.image(f"portraits/{name}.png")
                self._faces[name] = pygame.transform.smoothscale(image, (PORTRAIT, PORTRAIT))
            except Exception:  # a missing portrait: the call goes on without a face
                self._faces[name] = None
        return self._faces[name]

    def draw(self, surface: pygame.Surface, skip_key: str, avoid: tuple[float, float] | None = None) -> None:
        """The call in the bottom-left corner, or the bottom-right one when Jesse (`avoid`, on
        screen) would be under it."""
        call = self.playing
        if call is None:
            return
        w, h = surface.get_size()
        colour = self.colours[call.due.caller.value]
        font = Assets.font(self.size)
        small = round(self.size * 0.8)
        if call.index < 0:
            speaker = {Caller.KIM: "Kim", Caller.MARCO: "Marco"}.get(call.due.caller, "Radio")
            title = {Caller.KIM: "Kim calling...", Caller.MARCO: "Crew radio", Caller.RADIO: "The radio"}[call.due.caller]
            rows: list[str] = []
        else:
            line = call.lines[call.index]
            speaker = line.speaker
            title = line.speaker if call.due.caller != Caller.KIM or line.speaker != "Kim" else CALLER_LABELS[Caller.KIM]
            rows = wrap(line.text)
        face = self._face(speaker)
        line_h = font.get_linesize()
        text_w = max([font.size(r)[0] for r in rows] + [Assets.font(small).size(title)[0], font.size("M" * 24)[0]])
        hint = f"{skip_key}  skip"
        box_w = MARGIN * 3 + PORTRAIT + text_w
        box_h = max(PORTRAIT + 2 * MARGIN, MARGIN * 2 + round(small * 1.4) + line_h * max(3, len(rows)))
        box = pygame.Rect(MARGIN, h - BOTTOM_CLEAR - box_h, min(box_w, w - 2 * MARGIN), box_h)
        if avoid is not None:  # moved over, it comes back only once he is well clear (no flicker)
            margin = AVOID_MARGIN * (3 if self.on_right else 1)
            self.on_right = box.inflate(2 * margin, 2 * margin).collidepoint(avoid)
        if self.on_right:
            box.right = w - MARGIN
        draw_panel(surface, box, self.colours["panel"])
        pygame.draw.rect(surface, colour, (box.left, box.top, 4, box.height))
        px = box.left + MARGIN
        if face is not None:
            surface.blit(face, (px, box.top + MARGIN))
        else:  # the radio: a speaker grille
            grille = pygame.Rect(px, box.top + MARGIN, PORTRAIT, PORTRAIT)
            pygame.draw.rect(surface, colour, grille, 3, border_radius=10)
            for k in range(5):
                y = grille.top + 18 + k * 12
                pygame.draw.line(surface, colour, (grille.left + 14, y), (grille.right - 14, y), 3)
        if call.index < 0 and call.due.caller == Caller.KIM and (call.ticks // 10) % 2 == 0:
            pygame.draw.circle(surface, colour, (px + PORTRAIT - 6, box.top + MARGIN + 6), 7)  # the ringing light
        tx = px + PORTRAIT + MARGIN
        draw_text(surface, title, (tx, box.top + MARGIN - 2), small, colour, shadow=False)
        y = box.top + MARGIN + round(small * 1.4)
        for row in rows:
            draw_text(surface, row, (tx, y), self.size, self.colours["text"])
            y += line_h
        draw_text(surface, hint, (box.right - MARGIN, box.top + MARGIN - 2), small, self.colours["dim"], anchor="topright",
                  shadow=False)
