"""The player's hands in a level: keys, buttons and the stick into one `Intent` a tick, the mouse
reticle, and the throw (a click or the throw key aims where the mouse is; a stick aims itself).

The level scene feeds it every event it is given and asks it for the tick's intent; it never
reads SDL's global state (what is held comes from the events, see `input/keyboard.py`).
"""

from __future__ import annotations

from dataclasses import replace

import pygame

from ..input.prompts import GAMEPAD
from ..render.present import CANVAS_SIZE
from ..world.intent import Intent


class PlayInput:
    def __init__(self, keyboard):
        self.keyboard = keyboard
        self.mouse_seen = False  # the reticle shows once the mouse has moved over the window
        self.mouse_pos = (CANVAS_SIZE[0] // 2, CANVAS_SIZE[1] // 2)  # the last mouse position seen, on the canvas
        self.pending_throw: tuple[float, float] | None = None  # a throw asked for, given with the next intent

    def feed(self, event, camera, can_throw: bool) -> None:
        """One event the level was given: the mouse, held keys, a throw aimed where the mouse is."""
        if event.type in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN):
            self.mouse_seen = True
            self.mouse_pos = event.pos  # on the canvas (the App maps window positions onto it)
        elif event.type == pygame.WINDOWLEAVE:
            self.mouse_seen = False
        if self.keyboard is None:
            return
        self.keyboard.feed(event)
        if can_throw and self.keyboard.pressed(event, "throw"):
            pos = event.pos if event.type == pygame.MOUSEBUTTONDOWN else self.mouse_pos
            self.pending_throw = camera.to_world(*pos)

    def drop_throw(self) -> None:
        self.pending_throw = None

    def intent(self, world, services, scripted=None) -> Intent:
        """This tick's intent: the script's (tests, screenshots), else the gamepad's when it is being
        used, else the keyboard's; with the throw asked for since the last tick (one throw, one tick)."""
        if scripted is not None:
            intent = scripted(world)
        else:
            intent = self._device_intent(world, services)
        if self.pending_throw is not None:
            intent = replace(intent, throw=self.pending_throw)
            self.pending_throw = None
        return intent

    def _device_intent(self, world, services) -> Intent:
        gamepad = services.gamepad
        if gamepad is not None and gamepad.connected:
            p = world.player
            pad = gamepad.intent((p.x, p.y), p.facing, world.tile)
            if pad is not None:
                services.prompts.use(GAMEPAD)
                return pad
        return self.keyboard.intent()

    def draw_aim(self, surface, world, camera, overlays, services) -> None:
        """The reticle where a throw would go: the right stick's aim for a controller player, else
        the mouse once it has moved over the window."""
        gamepad = services.gamepad
        if services.prompts.device == GAMEPAD and gamepad is not None:
            p = world.player
            aim = gamepad.aim_point((p.x, p.y), p.facing, world.tile)
            if aim is not None:
                overlays.draw_reticle(surface, camera.to_screen(*aim), world.throwables > 0)
                return
        if self.mouse_seen and pygame.mouse.get_focused():
            overlays.draw_reticle(surface, self.mouse_pos, world.throwables > 0)
