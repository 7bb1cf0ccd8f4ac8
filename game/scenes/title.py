"""The title screen: Continue, New game, Chapters, Options, Quit."""

from __future__ import annotations

import math

import pygame

from ..audio.music import TITLE, play_piece, stop_piece
from ..input import prompts
from ..render.assets import Assets
from ..render.hud import DIM, draw_text
from ..version import version
from ..world.tuning import RunMode
from .menu import Menu, MenuItem
from .stack import Scene

HARDER_NOTE = "A new run: no cones drawn, sharper eyes, one wrench fewer. Its records are kept apart."
NOTICE = (230, 190, 120)
NOTICE_SIZE, NOTICE_SPACING = 22, 24  # px: the text, one line to the next
NOTICE_LINES = 4  # at most, between the menu and the footer
NOTICE_MARGIN = 24  # px kept clear at each side of the screen
FOOTNOTE = (96, 104, 120)  # the fan-game line and the version: there to be read, not to be seen
VERSION_SIZE = 16


def wrap_to_width(text: str, font, width: int) -> list[str]:
    """`text` in lines no wider than `width` px in `font`: at spaces, and inside a word (a path,
    a long id) only when the word alone is too wide."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        while font.size(word)[0] > width:  # cut the word where it stops fitting
            room = max(1, _fitting(font, word, width - font.size(line + " ")[0] if line else width))
            if line and room < 4:  # too little room left on this line: start the next
                lines.append(line)
                line = ""
                continue
            lines.append(f"{line} {word[:room]}" if line else word[:room])
            line, word = "", word[room:]
        candidate = f"{line} {word}" if line else word
        if line and font.size(candidate)[0] > width:
            lines.append(line)
            candidate = word
        line = candidate
    if line:
        lines.append(line)
    return lines


def _fitting(font, word: str, width: int) -> int:
    """How many of the first characters of `word` fit in `width` px."""
    low, high = 0, len(word)
    while low < high:
        mid = (low + high + 1) // 2
        if font.size(word[:mid])[0] <= width:
            low = mid
        else:
            high = mid - 1
    return low


class TitleScene(Scene):
    def __init__(self, campaign, open_options=None):
        self.campaign = campaign
        self.open_options = open_options
        self.ticks = 0
        self._glow_image: pygame.Surface | None = None
        self.notices: list[str] = []
        self._notice_lines: tuple[tuple, list[str]] = ((), [])  # (what they were made for, the lines)

    def enter(self, stack) -> None:
        super().enter(stack)
        self._build_menu()
        play_piece(stack.services.mixer, TITLE)  # the theme, under the menus pushed over it too

    def resume(self) -> None:
        self._build_menu()  # progress may have changed what Continue and Chapters offer
        play_piece(self.stack.services.mixer, TITLE)  # back from a level or the epilogue: crossfade

    def exit(self) -> None:
        stop_piece(self.stack.services.mixer, TITLE, 0.3)

    def _build_menu(self) -> None:
        campaign = self.campaign
        self.notices += campaign.take_notices()
        first = campaign.chapters[0]
        items = []
        if campaign.can_continue():
            current = campaign.by_id(campaign.save.current)
            where = "  at your checkpoint" if campaign.has_checkpoint(current) else ""
            items.append(MenuItem("Continue", lambda: campaign.continue_game(self.stack),
                                  note=f"Chapter {current.number}  {current.title}{where}"))
        harder = campaign.mode == RunMode.HARDER
        items += [
            MenuItem("New run" if harder else "New game", lambda: campaign.start(self.stack, first), first.available,
                     first.locked_reason or ""),
            MenuItem("Chapters", self._chapters, len(campaign.unlocked()) > 0),
        ]
        if harder:
            items.append(MenuItem("Back to the story", lambda: self._road(RunMode.STORY),
                                  note="Your story's progress and records."))
        elif campaign.harder_open():
            items.append(MenuItem("The harder road", lambda: self._road(RunMode.HARDER), note=HARDER_NOTE))
        items += [
            MenuItem("Options", self._options, self.open_options is not None),
            MenuItem("Quit", self.stack.clear),
        ]
        self.menu = Menu(items)

    def _road(self, mode: RunMode) -> None:
        """Switch between the story and the harder road: each has its own Continue, chapters and records."""
        self.campaign.take_road(mode)
        self._build_menu()
        self.menu.index = 0

    def _chapters(self) -> None:
        from .chapter_select import ChapterSelect

        self.stack.push(ChapterSelect(self.campaign))

    def _options(self) -> None:
        self.open_options(self.stack)

    def handle_event(self, event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            # Back, on the first screen, means "towards Quit": a stray Esc (or B) never ends the game;
            # a second one, with Quit chosen, does.
            quit_index = len(self.menu.items) - 1
            if self.menu.index == quit_index:
                self.stack.clear()
            else:
                self.stack.services.ui.play("ui_back")
                self.menu.index = quit_index
            return True
        self.menu.handle_event(event, self.stack.services.ui)
        return True

    def update(self, dt: float) -> None:
        self.ticks += 1

    def _notice_lines_for(self, screen_width: int) -> list[str]:
        """The newest notices, each wrapped to the screen, as many whole ones as fit in
        NOTICE_LINES (the newest one always, cut short with "…" if it alone is longer)."""
        key = (tuple(self.notices[-3:]), screen_width)
        if self._notice_lines[0] != key:
            font = Assets.font(NOTICE_SIZE)
            width = screen_width - 2 * NOTICE_MARGIN - 2  # the shadow is drawn 2 px to the right
            shown: list[str] = []
            for note in reversed(self.notices[-3:]):
                lines = wrap_to_width(note, font, width)
                if not shown and len(lines) > NOTICE_LINES:
                    last = lines[NOTICE_LINES - 1]
                    keep = len(last)
                    while keep and font.size(last[:keep] + "…")[0] > width:
                        keep -= 1
                    lines = lines[:NOTICE_LINES - 1] + [last[:keep] + "…"]
                if len(shown) + len(lines) > NOTICE_LINES:
                    break
                shown = lines + shown
            self._notice_lines = (key, shown)
        return self._notice_lines[1]

    def _glow(self, radius: int = 520, rings: int = 52) -> pygame.Surface:
        """A soft round glow: many faint rings, so no edge shows (built once per title screen)."""
        if self._glow_image is None:
            glow = pygame.Surface((radius * 2, radius * 2), pygame.SRCALPHA)
            for i in range(rings):
                pygame.draw.circle(glow, (200, 170, 110, 2), (radius, radius), radius - i * radius // rings)
            self._glow_image = glow
        return self._glow_image

    def draw(self, surface, alpha: float) -> None:
        w, h = surface.get_size()
        surface.fill((6, 8, 14))
        # A slow band of headlight sweeping across the dark: the story's first beat.
        sweep = (math.sin(self.ticks / 170) * 0.5 + 0.5) * w
        glow = self._glow()
        surface.blit(glow, glow.get_rect(center=(int(sweep), int(h * 0.42))))
        draw_text(surface, "REDEMPTION", (w // 2, int(h * 0.24)), 120, (236, 232, 224), anchor="center")
        tagline = "The harder road." if self.campaign.mode == RunMode.HARDER else "Five years on. One last time."
        draw_text(surface, tagline, (w // 2, int(h * 0.24) + 70), 30, DIM, anchor="center")
        self.menu.draw(surface, (w // 2, int(h * 0.47)))
        lines = self._notice_lines_for(w)
        for i, text in enumerate(lines):  # the last line where the third of three one-line notices was
            draw_text(surface, text, (w // 2, h - 62 - (len(lines) - 1 - i) * NOTICE_SPACING), NOTICE_SIZE,
                      NOTICE, anchor="center")
        draw_text(surface, "An unofficial fan game. Every image, sound and word is our own.",
                  (w // 2, h - 18), 20, FOOTNOTE, anchor="midbottom")
        draw_text(surface, f"v{version()}", (24, h - 18), VERSION_SIZE, FOOTNOTE, anchor="bottomleft")
        draw_text(surface, self.stack.services.prompts.menu(("select", "select")), (w - 24, h - 18), 20, DIM, anchor="bottomright")
