"""Short hints, each shown once per save, the first time it matters; and markers toward unseen danger.

Which hint and when is decided here from what the player sees (the world state);
the words are data (`game/story/hints.toml`), in a keyboard and a gamepad version.
A hint shown once is never shown again on that save, in any chapter or on either road: the
level scene hands `Hints` the ones already seen and is told of each new one (`on_shown`).
"""

from __future__ import annotations

import math
import tomllib
from pathlib import Path

import pygame

from ..input.prompts import GAMEPAD, Prompts
from ..world.ai.states import CURIOUS, GuardState
from ..world.alarm import AlertPhase
from ..paths import HINTS_FILE
from .assets import Assets
from .edge_arrow import arrow_head, draw_marker_shape, edge_point
from .hud import draw_panel, draw_text
from .overlays import OVERLAY_PALETTES

SHOW_TICKS = 300  # each hint stays five seconds...
MIN_TICKS = 150  # ...or two and a half, if what it is about is over by then
FADE_TICKS = 30
NEAR_HIDE = 64.0  # px from a hiding spot that makes it worth a hint
NEAR_ITEM = 56.0
NEAR_DOOR = 40.0  # px from a door's edge
NEAR_DEVICE = 64.0  # px from a light switch or a noise maker
LIGHT_CHANGE = 0.25  # light at Jesse this far from the map's ambient: he has stepped into a light or a dark


def load_hints(path: Path = HINTS_FILE) -> dict[str, dict[str, str]]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


class Hints:
    def __init__(self, enabled: bool = True, seen=(), on_shown=None, cones: bool = True, kim: bool = True):
        """`seen`: hints this save has shown already; `on_shown(hint)`: told of each new one;
        `cones`: whether cones are drawn (not on the harder road, where its own hint says so);
        `kim`: whether Kim can be asked (the option is on)."""
        self.cones, self.kim = cones, kim
        self.texts = load_hints()
        self.enabled = enabled
        self.shown: set[str] = set(seen)
        self.on_shown = on_shown
        self.current: str | None = None
        self.since = 0
        self._image: tuple[str, pygame.Surface] | None = None  # the hint's text, rendered once

    def _due(self, world, camera) -> str | None:
        """The first hint whose moment has come, in the order a new player needs them."""
        p = world.player
        view = pygame.Rect(camera.x, camera.y, camera.view_w, camera.view_h)
        if world.tick > 60:
            yield "sneak"
        if any(view.collidepoint(g.x, g.y) for g in world.guards):
            yield "cones" if self.cones else "no_cones"
        if any(0.0 < g.awareness < 1.0 for g in world.guards):
            yield "awareness"
        if any(math.dist((p.x, p.y), s.center) < NEAR_HIDE for s in world.hiding_spots):
            yield "hide"
        if world.throwables and (world.tick > 60 * 25 or any(g.state in CURIOUS for g in world.guards)):
            yield "throw"
        if p.pace == "walk" and world.tick > 60 * 12:
            yield "sprint"
        if any(math.hypot(p.x - i.x, p.y - i.y) < NEAR_ITEM for i in world.objectives.items_left()):
            yield "take"
        if world.doors.nearest(p.x, p.y, NEAR_DOOR) is not None:
            yield "doors"
        if abs(world.light_at(p.x, p.y) - world.level.ambient) > LIGHT_CHANGE:
            yield "light"
        if world.checkpoint is not None:
            yield "checkpoint"
        if world.alarm.phase != AlertPhase.CALM:
            yield "alert_phase"
        if self.kim and (p.hidden or world.alarm.phase != AlertPhase.CALM):  # in a corner: she can help
            yield "ask_kim"
        device = world.devices.nearest(p.x, p.y, NEAR_DEVICE)
        if device is not None:
            yield "switch" if device.kind == "LightSwitch" else "noise_maker"

    def update(self, world, camera) -> None:
        if not self.enabled:
            return
        if self.current is not None:
            self.since += 1
            if MIN_TICKS <= self.since < SHOW_TICKS - FADE_TICKS and self.current not in self._due(world, camera):
                self.since = SHOW_TICKS - FADE_TICKS  # its moment has passed (the item is taken): fade out now
            if self.since < SHOW_TICKS:
                return
            self.current = None
        if self.shown.issuperset(self.texts):  # a save that has seen them all: nothing to look for
            return
        for hint in self._due(world, camera):
            if hint not in self.shown and hint in self.texts:
                self.shown.add(hint)
                self.current, self.since = hint, 0
                if self.on_shown is not None:
                    self.on_shown(hint)
                return

    def draw(self, surface: pygame.Surface, prompts: Prompts) -> None:
        """The hint due, in the words of `prompts` (the device in use)."""
        if self.current is None:
            return
        texts = self.texts[self.current]
        text = prompts.fill(texts["pad"] if prompts.device == GAMEPAD else texts["keys"])
        w, h = surface.get_size()
        fade = min(1.0, self.since / 15, (SHOW_TICKS - self.since) / FADE_TICKS)
        if self._image is None or self._image[0] != text:  # a font built every frame cost ~1 ms of 5
            self._image = (text, Assets.font(28).render(text, True, (240, 236, 226)))
        image = self._image[1]
        box = image.get_rect(midbottom=(w // 2, h - 44)).inflate(28, 14)
        draw_panel(surface, box, (8, 10, 18, round(200 * fade)))
        image.set_alpha(round(255 * fade))
        surface.blit(image, image.get_rect(center=box.center))


def draw_edge_markers(surface: pygame.Surface, camera, world, palette: str = "default") -> None:
    """An arrow at the screen's edge toward each off-screen guard whose awareness is rising,
    in the badge colours of the player's palette (and an "!" when he is alert: never colour alone)."""
    colours = OVERLAY_PALETTES[palette]
    w, h = surface.get_size()
    for g in world.guards:
        sx, sy = g.x - camera.x, g.y - camera.y
        if 0 <= sx < w and 0 <= sy < h:
            continue
        alert = g.state == GuardState.ALERT
        if not alert and (g.awareness <= 0.05 or not g.sees_player) and g.state not in CURIOUS:
            continue
        x, y, angle = edge_point((w, h), sx, sy)
        colour = colours["alert_badge"] if alert else colours["question_badge"]
        draw_marker_shape(surface, arrow_head(x, y, angle, 12 + 10 * (1.0 if alert else g.awareness)), colour)
        if alert:
            draw_text(surface, "!", (round(x - math.cos(angle) * 14), round(y - math.sin(angle) * 14)), 26, colour,
                      anchor="center")
