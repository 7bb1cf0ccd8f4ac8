"""The heads-up display: chapter title, Jesse's pace, what he can throw, whether he is hidden, a controls hint."""

from __future__ import annotations

import pygame

from ..input.prompts import Prompts
from .assets import Assets

TEXT = (226, 230, 238)
DIM = (150, 160, 180)
PANEL = (10, 14, 24, 170)


# Most text on screen is the same from one frame to the next, and so are the panels: both are
# kept once made. Keys hold the font object, so fonts made anew (after pygame restarts) miss.
_CACHE_LIMIT = 512
_texts: dict[tuple, pygame.Surface] = {}
_panels: dict[tuple, pygame.Surface] = {}


def rendered_text(font: pygame.font.Font, text: str, colour) -> pygame.Surface:
    """`font.render(text, True, colour)`, cached (the surface is shared: blit it, do not change it)."""
    key = (font, text, tuple(colour))
    image = _texts.get(key)
    if image is None:
        if len(_texts) >= _CACHE_LIMIT:
            _texts.clear()
        image = _texts[key] = font.render(text, True, colour)
    return image


def draw_text(surface: pygame.Surface, text: str, pos, size: int = 24, colour=TEXT, anchor: str = "topleft",
              shadow: bool = True) -> pygame.Rect:
    font = Assets.font(size)
    image = rendered_text(font, text, colour)
    rect = image.get_rect(**{anchor: pos})
    if shadow:
        surface.blit(rendered_text(font, text, (0, 0, 0)), rect.move(2, 2))
    surface.blit(image, rect)
    return rect


def draw_panel(surface: pygame.Surface, rect: pygame.Rect, colour=PANEL) -> None:
    rect = pygame.Rect(rect)
    key = (rect.size, tuple(colour))
    panel = _panels.get(key)
    if panel is None:
        if len(_panels) >= _CACHE_LIMIT:
            _panels.clear()
        panel = _panels[key] = pygame.Surface(rect.size, pygame.SRCALPHA)
        panel.fill(colour)
    surface.blit(panel, rect.topleft)


OBJECTIVE = (240, 200, 120)
HIDDEN = (150, 230, 170)
HIDDEN_PANEL = (16, 60, 36)
PACES = {"still": "Still", "crouch": "Crouching", "sneak": "Sneaking", "walk": "Walking", "sprint": "Sprinting"}


NOTICE_TICKS = 180  # a notice ("Locked. ...") stays three seconds
NOTICE = (240, 214, 170)


class Hud:
    def __init__(self, chapter_title: str, assets: Assets | None = None):
        self.chapter_title = chapter_title
        self.notice, self.notice_ticks = "", 0
        self.icon = None
        if assets is not None:  # the wrench, doubled: 32 px reads at a glance
            self.icon = pygame.transform.scale(assets.image("sprites/thrown.png"), (28, 28))
            self.icon_empty = self.icon.copy()  # dimmed: nothing left to throw
            self.icon_empty.set_alpha(110)

    def tell(self, text: str) -> None:
        """A short notice under the top bar: why a way is shut."""
        self.notice, self.notice_ticks = text, NOTICE_TICKS

    def tick(self) -> None:
        self.notice_ticks = max(0, self.notice_ticks - 1)

    def draw(self, surface: pygame.Surface, world, objective: str = "", controls: bool = True,
             prompts: Prompts | None = None) -> None:
        """`controls`: show the control line (not under a menu or a conversation, which have their
        own), in the words of `prompts` (the device in use)."""
        w, h = surface.get_size()
        draw_panel(surface, pygame.Rect(0, 0, w, 36))
        title = draw_text(surface, self.chapter_title, (16, 8), 26)
        if objective:
            draw_text(surface, objective, (title.right + 28, 9), 24, OBJECTIVE)
        carried = world.objectives.carried()
        if carried:
            text = "Carrying: " + ", ".join(carried)
            width = Assets.font(22).size(text)[0]
            draw_panel(surface, pygame.Rect(8, 38, width + 18, 24))  # readable over any floor
            draw_text(surface, text, (16, 42), 22, DIM)
        # Once the level is over (caught, or won and the outro playing) Jesse is not sneaking any more.
        pace = PACES.get(world.player.pace, "") if world.outcome is None else ""
        pace_rect = draw_text(surface, pace, (w - 16, 8), 26, DIM, anchor="topright")
        # Throwables: "<wrench> x 3" left of the pace, dimmed when none are left.
        count = world.throwables
        right = pace_rect.left - 28
        text_rect = draw_text(surface, f"x {count}", (right, 8), 26, TEXT if count else DIM, anchor="topright")
        if self.icon is not None:
            icon = self.icon if count else self.icon_empty
            surface.blit(icon, icon.get_rect(midright=(text_rect.left - 4, 18)))
        if world.player.hidden:
            label = rendered_text(Assets.font(26, bold=True), "Hidden", HIDDEN)
            pill = label.get_rect(midtop=(w // 2, 6)).inflate(22, 6)
            pygame.draw.rect(surface, HIDDEN_PANEL, pill, border_radius=10)
            pygame.draw.rect(surface, HIDDEN, pill, 1, border_radius=10)
            surface.blit(label, label.get_rect(center=pill.center))
        if self.notice_ticks and world.outcome != "caught":  # the catch has the screen's words
            image = rendered_text(Assets.font(28), self.notice, NOTICE)
            box = image.get_rect(midtop=(w // 2, 88)).inflate(28, 14)  # clear of the sirens
            draw_panel(surface, box, (8, 10, 18, 210))
            surface.blit(image, image.get_rect(center=box.center))
        if controls and prompts is not None:
            draw_text(surface, prompts.play_line(), (w // 2, h - 12), 22, DIM, anchor="midbottom")
