"""The epilogue: the letter for Kim, the last tape, the whole run, and the credits.

Four pages, each revealed line by line; Enter moves on (or shows the rest of a
page at once), Esc skips to the end. Its music is its own quiet piece (`music_epilogue`).
"""

from __future__ import annotations

import pygame

from ..audio.music import EPILOGUE, play_piece, stop_piece
from ..input import prompts
from ..render.hud import DIM, TEXT, draw_text
from ..story.dialogue import wrap
from .stack import Scene
from ..story.challenges import CHALLENGES
from .summary import clock

PAPER = (226, 218, 196)
INK = (40, 36, 44)
TAPE = (220, 200, 160)
LINE_TICKS = 150  # a line every 2.5 s
LETTER_WIDTH = 44  # characters: a handwritten page is wider than a subtitle
CREDITS = [
    "REDEMPTION",
    "",
    "An unofficial, non-commercial fan game.",
    "Every image, sound and word was made for it by its own tools.",
    "",
    "Design, code, art, sound and words: the Redemption team",
    "Built with pygame-ce, pytmx, pymunk and numpy. Maps made in Tiled.",
    "",
    "Thank you for playing.",
]


class EpilogueScene(Scene):
    def __init__(self, letter, tape, chapters, save, on_done):
        self.pages = [("letter", [line.text for line in letter]), ("tape", [line.text for line in tape]),
                      ("run", self._run_lines(chapters, save)), ("credits", CREDITS)]
        self.on_done = on_done
        self.page = 0
        self.ticks = 0

    def enter(self, stack) -> None:
        super().enter(stack)
        play_piece(stack.services.mixer, EPILOGUE)  # the title's theme fades out under it

    def exit(self) -> None:
        stop_piece(self.stack.services.mixer, EPILOGUE)

    @staticmethod
    def _run_lines(chapters, save) -> list[str]:
        lines, total = [], 0.0
        for chapter in chapters:
            record = save.chapters.get(chapter.id)
            if record is None or not record.completed:
                lines.append(f"{chapter.number}  {chapter.title}:  not played")
                continue
            total += record.best_time or 0.0
            ghost = "   GHOST" if record.ghost else ""
            memories = f", memories {len(record.memories)}/{record.memories_total}" if record.memories_total else ""
            lines.append(f"{chapter.number}  {chapter.title}:  {clock(record.best_time or 0)}, spotted {record.spotted}"
                         f", marks {len(record.challenges)}/{len(CHALLENGES)}{memories}{ghost}")
        records = [save.chapters[c.id] for c in chapters if c.id in save.chapters]
        ghosts = sum(1 for r in records if r.ghost)
        marks = sum(len(r.challenges) for r in records)
        found, held = sum(len(r.memories) for r in records), sum(r.memories_total for r in records)
        lines += ["", f"Best times together: {clock(total)}", f"Chapters never seen in: {ghosts} of {len(chapters)}",
                  f"Marks earned: {marks} of {len(CHALLENGES) * len(chapters)}   ·   Memories found: {found} of {held}"]
        return lines

    @property
    def shown(self) -> int:
        return 1 + self.ticks // LINE_TICKS

    def handle_event(self, event) -> bool:
        if event.type != pygame.KEYDOWN:
            return False
        if event.key == pygame.K_ESCAPE:
            self._finish()
        elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE, pygame.K_e):
            _, lines = self.pages[self.page]
            if self.shown < len(lines):
                self.ticks = LINE_TICKS * len(lines)
            elif self.page + 1 < len(self.pages):
                self.page, self.ticks = self.page + 1, 0
            else:
                self._finish()
        return True

    def _finish(self) -> None:
        self.stack.pop()
        self.on_done()

    def update(self, dt: float) -> None:
        self.ticks += 1

    def draw(self, surface, alpha: float) -> None:
        w, h = surface.get_size()
        kind, lines = self.pages[self.page]
        visible = lines[: self.shown]
        if kind == "letter":
            surface.fill((10, 10, 14))
            paper = pygame.Rect(w // 2 - 330, 60, 660, h - 120)
            pygame.draw.rect(surface, PAPER, paper)
            y = paper.top + 50
            for text in visible:
                for sub in wrap(text, LETTER_WIDTH):
                    draw_text(surface, sub, (paper.left + 60, y), 30, INK, shadow=False)
                    y += 34
                y += 18
            draw_text(surface, "J.", (paper.right - 90, paper.bottom - 60), 34, INK, shadow=False)
        elif kind == "tape":
            surface.fill((6, 6, 8))
            draw_text(surface, "THE LAST TAPE", (w // 2, 80), 40, TAPE, anchor="center")
            if self.ticks % 60 < 40:
                pygame.draw.circle(surface, (220, 60, 50), (w // 2 - 140, 80), 8)
            y = 170
            for text in visible:
                for sub in wrap(text):
                    draw_text(surface, sub, (w // 2, y), 32, TEXT, anchor="midtop")
                    y += 38
                y += 16
        else:
            surface.fill((6, 8, 12))
            title = "The whole road" if kind == "run" else ""
            if title:
                draw_text(surface, title, (w // 2, 90), 52, anchor="center")
            y = 170 if title else 140
            for text in visible:
                big = kind == "credits" and text == "REDEMPTION"
                draw_text(surface, text, (w // 2, y), 64 if big else 30, TEXT if text else DIM, anchor="midtop")
                y += 72 if big else 40
        draw_text(surface, self.stack.services.prompts.menu(("select", "continue"), ("skip", "skip")), (w // 2, h - 24), 22, DIM, anchor="center")
