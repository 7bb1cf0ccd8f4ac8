"""What the crew says, on screen: each bark as a subtitle over the guard who said it, and radio
calls as a line at the screen's left edge ("Crew radio: Got movement. Come look.") with a radio
mark over every guard who answers.

Fed the world's events once a tick (`on_events`), like the audio director; draws from what it
kept, never changes the world. Readable over any floor (a dark panel, the faction's colour from
the palette) at the player's subtitle size; when guards speak at once, their bubbles are moved
up out of each other's way, newest nearest the head, and at most MAX_BUBBLES show.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from ..world.events import EventType
from .assets import Assets
from .hud import draw_panel, draw_text
from .overlays import BADGE_LIFT

BARK_TICKS = 150  # a bark stays 2.5 s over the head...
FADE_TICKS = 30  # ...fading over its last half second
RADIO_TICKS = 240  # a radio line stays 4 s at the edge, the answering mark as long
MAX_BUBBLES = 4
MAX_RADIO_LINES = 3
LIFT = BADGE_LIFT + 16  # px from the guard's centre up to the bubble's bottom: above the badge
NET_NAMES = {"crew": "Crew radio", "marco": "Crew radio", "dea": "DEA radio"}

BARK_PALETTES = {
    "default": {"crew": (244, 236, 214), "dea": (170, 206, 255), "marco": (255, 150, 130),
                "panel": (8, 10, 16, 200), "radio": (150, 230, 170)},
    "colourblind": {"crew": (250, 250, 250), "dea": (120, 200, 255), "marco": (255, 200, 80),
                    "panel": (0, 0, 0, 215), "radio": (250, 245, 170)},
}


@dataclass
class Said:
    guard: int
    text: str
    tick: int


class BarkView:
    def __init__(self, palette: str = "default", text_scale: float = 1.0):
        self.colours = BARK_PALETTES.get(palette, BARK_PALETTES["default"])
        self.scale = text_scale
        self.size = round(22 * text_scale)
        self.bubbles: list[Said] = []
        self.radio: list[tuple[str, str, int]] = []  # (net name, text, tick)
        self.answering: dict[int, int] = {}  # guard id -> tick his radio answered
        self._last_tick = -1

    def on_events(self, events: list[dict], world) -> None:
        if not events:
            return
        if events[0]["tick"] < self._last_tick:  # a new world (a restart): forget the old one's words
            self.bubbles, self.radio, self.answering = [], [], {}
        self._last_tick = events[0]["tick"]
        factions = {g.id: g.faction for g in world.guards}
        calls = {e["guard"]: e for e in events if e["type"] == EventType.RADIO}
        for e in events:
            if e["type"] != EventType.BARK:
                continue
            call = calls.get(e["guard"])
            if call is not None and ".radio_call." in e["line"]:
                net = NET_NAMES.get(factions.get(e["guard"], "crew"), "Radio")
                self.radio = (self.radio + [(net, e["text"], e["tick"])])[-MAX_RADIO_LINES:]
                for hearer in call["to"]:
                    self.answering[hearer] = e["tick"]
                continue
            self.bubbles = [b for b in self.bubbles if b.guard != e["guard"]]  # one line per head
            self.bubbles.append(Said(e["guard"], e["text"], e["tick"]))
        self.bubbles = self.bubbles[-MAX_BUBBLES:]

    def draw(self, surface: pygame.Surface, camera, world) -> None:
        now = world.tick
        self.bubbles = [b for b in self.bubbles if now - b.tick < BARK_TICKS]
        self.radio = [r for r in self.radio if now - r[2] < RADIO_TICKS]  # (drawn later, over the HUD)
        guards = {g.id: g for g in world.guards}
        placed: list[pygame.Rect] = []
        font = Assets.font(self.size)
        for said in reversed(self.bubbles):  # newest first: it keeps the place nearest the head
            guard = guards.get(said.guard)
            if guard is None:
                continue
            sx, sy = camera.to_screen(guard.x, guard.y)
            tw, th = font.size(said.text)
            box = pygame.Rect(0, 0, tw + 14, th + 6)
            box.midbottom = (sx, sy - LIFT)
            box.clamp_ip(surface.get_rect().inflate(-8, -80))  # on screen, clear of the top and bottom bars
            for _ in range(len(placed)):
                hit = box.collidelist(placed)
                if hit < 0:
                    break
                box.bottom = placed[hit].top - 2
            placed.append(box)
            left = BARK_TICKS - (now - said.tick)
            colour = self.colours.get(guard.faction, self.colours["crew"])
            if left < FADE_TICKS:  # fade toward the panel rather than blink out
                colour = tuple(round(c * (0.35 + 0.65 * left / FADE_TICKS)) for c in colour)
            draw_panel(surface, box, self.colours["panel"])
            draw_text(surface, said.text, box.center, self.size, colour, anchor="center", shadow=False)
        self._draw_answering(surface, camera, guards, now)

    def draw_radio(self, surface: pygame.Surface, top: int) -> None:
        """The radio lines, at the left edge from `top` (over the HUD, under the alert banner)."""
        y = top
        for net, text, _ in self.radio:
            line = f"{net}: {text}"
            tw, th = Assets.font(self.size).size(line)
            box = pygame.Rect(8, y, tw + 20, th + 8)
            draw_panel(surface, box, self.colours["panel"])
            pygame.draw.rect(surface, self.colours["radio"], (box.left, box.top, 4, box.height))
            draw_text(surface, line, (box.left + 12, box.top + 4), self.size, self.colours["radio"], shadow=False)
            y = box.bottom + 4

    def _draw_answering(self, surface, camera, guards, now) -> None:
        for gid, tick in list(self.answering.items()):
            if now - tick >= RADIO_TICKS:
                del self.answering[gid]
                continue
            guard = guards.get(gid)
            if guard is None:
                continue
            sx, sy = camera.to_screen(guard.x, guard.y)
            # Radio waves beside the head: this guard heard the call and is coming.
            for r in (6, 10, 14):
                pygame.draw.arc(surface, self.colours["radio"], (sx + 10 - r, sy - 22 - r, 2 * r, 2 * r),
                                -0.7, 0.7, 2)
