"""The desktop game: pygame, the window, the fixed-timestep loop and the scene stack."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pygame

from .input.keyboard import Keyboard
from .loop import FixedStep
from .render.assets import Assets
from .scenes.level import LevelScene
from .scenes.stack import SceneStack
from .scenes.title import TitleScene
from .story.chapters import Chapter, chapter_by_number, load_chapters
from .world.level import load_level
from .world.tuning import DT

WINDOW_SIZE = (1280, 720)
TITLE = "Redemption"


@dataclass
class Options:
    chapter: int | None = None
    frames: int | None = None  # stop after this many frames (screenshots, smoke tests)
    screenshot: Path | None = None
    seed: int = 0
    fullscreen: bool = False
    map_path: Path | None = None  # play this map instead of a chapter


class App:
    def __init__(self, options: Options):
        self.options = options
        self.chapters = load_chapters()
        # Fail early, before a window opens, on a bad chapter or map.
        self.first_level = None
        if options.map_path is not None:
            self.first_level = (load_level(options.map_path), options.map_path.name)
        elif options.chapter is not None:
            chapter = chapter_by_number(self.chapters, options.chapter)
            self.first_level = (load_level(chapter.map_path), f"{chapter.number}  {chapter.title}")

    def _start_chapter(self, chapter: Chapter) -> LevelScene:
        return self._level_scene(load_level(chapter.map_path), f"{chapter.number}  {chapter.title}")

    def _level_scene(self, level, title: str) -> LevelScene:
        return LevelScene(level, title, self.assets, self.keyboard, self.options.seed)

    def run(self) -> int:
        pygame.init()
        flags = pygame.RESIZABLE | (pygame.FULLSCREEN if self.options.fullscreen else 0)
        screen = pygame.display.set_mode(WINDOW_SIZE, flags)
        pygame.display.set_caption(TITLE)
        self.assets = Assets()
        self.keyboard = Keyboard()
        stack = SceneStack()
        stack.push(TitleScene(self.chapters, self._start_chapter))
        if self.first_level is not None:
            stack.push(self._level_scene(*self.first_level))

        clock = pygame.time.Clock()
        step = FixedStep()
        frames = 0
        try:
            while stack:
                # Scripted runs (screenshots) advance exactly one tick a frame, so
                # the picture depends on the frame count, not the machine's speed.
                elapsed = clock.tick(60) / 1000.0
                ticks = step.advance(DT if self.options.frames else elapsed)
                for event in pygame.event.get():
                    if event.type == pygame.QUIT:
                        stack.clear()
                    else:
                        stack.handle_event(event)
                for _ in range(ticks):
                    if stack:
                        stack.update(DT)
                if not stack:
                    break
                screen = pygame.display.get_surface()
                stack.draw(screen, step.alpha)
                pygame.display.flip()
                frames += 1
                if self.options.frames is not None and frames >= self.options.frames:
                    if self.options.screenshot:
                        pygame.image.save(screen, str(self.options.screenshot))
                    break
        finally:
            stack.clear()
            pygame.quit()
        return 0
