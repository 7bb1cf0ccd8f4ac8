"""What the guards know and what Jesse did, drawn over the map.

- above each guard: a "?" badge (suspicious, investigating, searching) or a "!"
  badge (alert), and an awareness meter while awareness is filling (0 < a < 1);
- noise rings: each noise grows to its radius and fades over `NOISE_TICKS`,
  timed by `world.tick` only (the renderer keeps no clock of its own);
- thrown objects, in flight (spinning) or landed;
- the throw reticle at the mouse.

Colours are in `OVERLAY_PALETTES`, one dict per palette, like the cones'.
"""

from __future__ import annotations

import pygame

from .assets import Assets
from ..world.ai.states import WARY, GuardState

NOISE_TICKS = 36  # a noise ring lives 0.6 s
BADGE_SIZE = 22  # px, the badge's square
BADGE_LIFT = 34  # px from the guard's centre up to the badge's centre
METER_LIFT = 19  # px from the guard's centre up to the meter's centre
METER_SIZE = (30, 7)
SPIN_STEPS = 8  # pre-rotated frames of a thrown object in flight

OVERLAY_PALETTES: dict[str, dict] = {
    "default": {
        "outline": (12, 12, 18),
        "question_badge": (255, 196, 60),
        "question_glyph": (20, 16, 8),
        "alert_badge": (228, 48, 40),
        "alert_glyph": (255, 255, 255),
        "meter_back": (44, 50, 64),
        "meter_low": (255, 236, 140),  # awareness near 0...
        "meter_high": (255, 120, 40),  # ...and near 1
        "noise": {"step": (225, 232, 245), "throw": (255, 200, 90), "door": (185, 215, 255)},
        "noise_alpha": 200,
        "reticle": (240, 244, 250),
        "reticle_empty": (150, 150, 160),
    },
    "colourblind": {
        "outline": (12, 12, 18),
        "question_badge": (240, 228, 66),
        "question_glyph": (20, 16, 8),
        "alert_badge": (210, 50, 190),
        "alert_glyph": (255, 255, 255),
        "meter_back": (44, 50, 64),
        "meter_low": (250, 245, 170),
        "meter_high": (230, 90, 210),
        "noise": {"step": (235, 235, 235), "throw": (240, 228, 66), "door": (170, 200, 255)},
        "noise_alpha": 200,
        "reticle": (240, 244, 250),
        "reticle_empty": (150, 150, 160),
    },
}


def _lerp(a, b, t: float):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b))


class Overlays:
    def __init__(self, assets: Assets, palette: str = "default"):
        self.assets = assets
        self.palette = OVERLAY_PALETTES[palette]
        self._badges: dict[str, pygame.Surface] = {}
        thrown = assets.image("sprites/thrown.png")
        self._spin = [pygame.transform.rotate(thrown, -i * 360 / SPIN_STEPS) for i in range(SPIN_STEPS)]
        shadow = pygame.Surface((14, 6), pygame.SRCALPHA)
        pygame.draw.ellipse(shadow, (0, 0, 0, 110), shadow.get_rect())
        self._shadow = shadow

    # ------------------------------------------------------------------ guards
    def badge(self, kind: str) -> pygame.Surface:
        """The "?" or "!" badge: a bold glyph on a coloured rounded square with a dark outline."""
        image = self._badges.get(kind)
        if image is None:
            p = self.palette
            fill, ink, glyph = ((p["question_badge"], p["question_glyph"], "?") if kind == "?"
                                else (p["alert_badge"], p["alert_glyph"], "!"))
            s = BADGE_SIZE
            image = pygame.Surface((s, s), pygame.SRCALPHA)
            rect = image.get_rect()
            pygame.draw.rect(image, p["outline"], rect, border_radius=6)
            pygame.draw.rect(image, fill, rect.inflate(-4, -4), border_radius=5)
            text = Assets.font(24, bold=True).render(glyph, True, ink)
            image.blit(text, text.get_rect(center=(s / 2 + 0.5, s / 2 + 1)))
            self._badges[kind] = image
        return image

    def draw_guards(self, surface: pygame.Surface, camera, world) -> None:
        view = surface.get_rect().inflate(64, 64)
        p = self.palette
        for g in world.guards:
            sx, sy = camera.to_screen(g.x, g.y)
            if not view.collidepoint(sx, sy):
                continue
            kind = "!" if g.state == GuardState.ALERT else "?" if g.state in WARY else None
            if kind is not None:
                image = self.badge(kind)
                surface.blit(image, image.get_rect(center=(sx, sy - BADGE_LIFT)))
            a = g.awareness
            if 0.0 < a < 1.0 and g.state != GuardState.ALERT:
                w, h = METER_SIZE
                back = pygame.Rect(0, 0, w, h)
                back.center = (sx, sy - METER_LIFT)
                pygame.draw.rect(surface, p["outline"], back.inflate(2, 2))
                inner = back.inflate(-2, -2)
                pygame.draw.rect(surface, p["meter_back"], inner)
                filled = max(1, round(inner.w * a))
                pygame.draw.rect(surface, _lerp(p["meter_low"], p["meter_high"], a),
                                 (inner.x, inner.y, filled, inner.h))

    # ------------------------------------------------------------------ noises and things
    def draw_noises(self, surface: pygame.Surface, camera, world) -> None:
        view = surface.get_rect()
        p = self.palette
        for n in world.noises:
            age = world.tick - n.tick
            if not 0 <= age < NOISE_TICKS or n.radius <= 0:
                continue
            t = age / NOISE_TICKS
            r = max(2, round(n.radius * (1.0 - (1.0 - t) ** 3)))  # fast out, slowing to the radius
            sx, sy = camera.to_screen(n.x, n.y)
            if not view.colliderect((sx - r, sy - r, 2 * r, 2 * r)):
                continue
            alpha = round(p["noise_alpha"] * (1.0 - t))
            colour = p["noise"].get(n.source, p["noise"]["step"])
            ring = pygame.Surface((2 * r + 4, 2 * r + 4), pygame.SRCALPHA)
            c = (r + 2, r + 2)
            pygame.draw.circle(ring, (0, 0, 0, alpha // 2), c, r + 1, 4)  # dark under-ring: reads on snow
            pygame.draw.circle(ring, (*colour, alpha), c, r, 2)
            surface.blit(ring, (sx - r - 2, sy - r - 2))

    def draw_projectiles(self, surface: pygame.Surface, camera, world, landed: bool | None = None) -> None:
        """Thrown objects; `landed` True or False draws only those (on the floor, under people,
        or in the air, over them), None all."""
        for pr in world.projectiles:
            if landed is not None and pr.landed != landed:
                continue
            sx, sy = camera.to_screen(pr.x, pr.y)
            if pr.landed:
                image = self._spin[0]
            else:
                surface.blit(self._shadow, self._shadow.get_rect(center=(sx, sy + 9)))
                image = self._spin[(world.tick // 3) % SPIN_STEPS]
            surface.blit(image, image.get_rect(center=(sx, sy)))

    def draw_reticle(self, surface: pygame.Surface, pos, ready: bool = True) -> None:
        """Crosshair where a throw would go; greyed when nothing is left to throw."""
        x, y = pos
        p = self.palette
        colour = p["reticle"] if ready else p["reticle_empty"]
        for width, col in ((4, p["outline"]), (2, colour)):
            pygame.draw.circle(surface, col, (x, y), 9, width)
            for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                pygame.draw.line(surface, col, (x + dx * 5, y + dy * 5), (x + dx * 14, y + dy * 14), width)

    def draw_catch(self, surface: pygame.Surface, camera, guard, player, ticks: int) -> None:
        """The moment Jesse is caught, held: a ring closing on the guard who got him (in the
        palette's alert colour, over its dark outline), a line from him to Jesse, and his "!"."""
        p = self.palette
        gx, gy = camera.to_screen(guard.x, guard.y)
        px, py = camera.to_screen(player.x, player.y)
        radius = max(22, 60 - ticks)  # closes in over the first beat, then stays
        for width, colour in ((6, p["outline"]), (3, p["alert_badge"])):
            pygame.draw.line(surface, colour, (gx, gy), (px, py), max(1, width - 2))
            pygame.draw.circle(surface, colour, (gx, gy), radius, width)
        image = self.badge("!")
        surface.blit(image, image.get_rect(center=(gx, gy - BADGE_LIFT - 6)))
