"""Playing a level: input to intents, the world stepped each tick, the view drawn."""

from __future__ import annotations

import pygame

from ..render.camera import Camera
from ..render.hud import Hud
from ..render.level_view import LevelView
from ..world.intent import IDLE
from ..world.world import World
from .pause import PauseScene
from .stack import Scene

WALK_FRAME_TICKS = 9  # ticks per walk-cycle frame at walking speed


class LevelScene(Scene):
    def __init__(self, level, title: str, assets, keyboard, seed: int = 0, on_quit=None, scripted_input=None):
        self.level = level
        self.title = title
        self.assets = assets
        self.keyboard = keyboard
        self.seed = seed
        self.on_quit = on_quit
        # For screenshots and tests: a callable(world) -> Intent used instead of the keyboard.
        self.scripted_input = scripted_input

    def enter(self, stack) -> None:
        super().enter(stack)
        self.world = World(self.level, self.seed)
        self.view = LevelView(self.level, self.assets)
        w, h = self.level.pixel_size
        self.camera = Camera(1280, 720, w, h)
        self.hud = Hud(self.title)
        self.stride = 0.0

    def handle_event(self, event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.stack.push(PauseScene(self._quit_to_title))
            return True
        return False

    def _quit_to_title(self) -> None:
        self.stack.pop()  # the pause screen
        self.stack.pop()  # this level
        if self.on_quit:
            self.on_quit()

    def update(self, dt: float) -> None:
        if self.scripted_input is not None:
            intent = self.scripted_input(self.world)
        else:
            intent = self.keyboard.intent() if pygame.key.get_focused() else IDLE
        self.world.step(intent)
        # Walk-cycle phase advances with distance, so feet match speed.
        self.stride += self.world.player.speed * dt

    def _frame(self) -> int:
        if self.world.player.speed <= 0:
            return 0
        return 1 + int(self.stride / 14) % 3

    def draw(self, surface, alpha: float) -> None:
        self.camera.view_w, self.camera.view_h = surface.get_size()
        player = self.world.player
        self.camera.follow(player.x, player.y)
        self.view.draw_map(surface, self.camera)
        for guard in self.world.guards:
            self.view.draw_person(surface, self.camera, "dea" if guard.faction == "dea" else "crew",
                                  guard.x, guard.y, guard.facing, 0)
        self.view.draw_person(surface, self.camera, "jesse", player.x, player.y, player.facing, self._frame())
        self.hud.draw(surface, self.world)
