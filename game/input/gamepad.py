"""Game controllers through SDL's controller API: play, menus, hot-plugging.

- Left stick moves; how far it is pushed sets the pace (the world sneaks below
  `stick_sneak_below`), RB sprints, B toggles sneaking, A interacts, X throws
  (aimed with the right stick, else straight ahead), Start pauses.
- Menus need no gamepad code of their own: buttons and the D-pad are turned into
  the key presses the menus already understand (`menu_key_for`).
- Controllers plugged in or out while playing are picked up or let go; losing
  the one in use pauses the level (the scene asks `just_unplugged`).
- What each controller holds (sticks, buttons) is learnt from its events, as the
  keyboard's keys are: buttons pressed while a menu is on top never count as held in
  play, `release_all` lets go of everything when the screen changes, and posted events
  (tests, the player's-eye harness) play exactly as a real controller's do.
"""

from __future__ import annotations

import math

import pygame

from ..world.intent import Intent

DEADZONE = 0.18
AIM_RANGE = 6.0  # tiles ahead when throwing with the right stick at full tilt
AXIS_MAX = 32767.0

# Controller button -> the key a menu expects.
MENU_KEYS = {
    pygame.CONTROLLER_BUTTON_A: pygame.K_RETURN,
    pygame.CONTROLLER_BUTTON_B: pygame.K_ESCAPE,
    pygame.CONTROLLER_BUTTON_START: pygame.K_ESCAPE,
    pygame.CONTROLLER_BUTTON_DPAD_UP: pygame.K_UP,
    pygame.CONTROLLER_BUTTON_DPAD_DOWN: pygame.K_DOWN,
    pygame.CONTROLLER_BUTTON_DPAD_LEFT: pygame.K_LEFT,
    pygame.CONTROLLER_BUTTON_DPAD_RIGHT: pygame.K_RIGHT,
}


def stick(x: float, y: float) -> tuple[float, float]:
    """A raw stick reading (-1..1 each) with a radial dead zone, rescaled so just past it is ~0."""
    length = math.hypot(x, y)
    if length < DEADZONE:
        return (0.0, 0.0)
    scaled = min(1.0, (length - DEADZONE) / (1.0 - DEADZONE))
    return (x / length * scaled, y / length * scaled)


def is_deliberate(event) -> bool:
    """A button press or a stick pushed past the dead zone: the player picked up the controller
    (a resting stick's drift does not switch the prompts away from the keyboard)."""
    if event.type == pygame.CONTROLLERBUTTONDOWN:
        return True
    return event.type == pygame.CONTROLLERAXISMOTION and abs(event.value) > DEADZONE * AXIS_MAX


def menu_key_for(event) -> int | None:
    """The key press a controller button stands for in menus, if any."""
    if event.type == pygame.CONTROLLERBUTTONDOWN:
        return MENU_KEYS.get(event.button)
    return None


class PadState:
    """One controller as its events have told it: stick positions and buttons held."""

    def __init__(self, device=None):
        self.device = device  # the opened SDL controller (None for one known only by its events)
        self.axes: dict[int, int] = {}
        self.buttons: set[int] = set()
        self.fresh: set[int] = set()  # pressed since the last read: a quick tap still counts once

    def get_axis(self, axis: int) -> int:
        return self.axes.get(axis, 0)

    def get_button(self, button: int) -> bool:
        return button in self.buttons or button in self.fresh

    def press(self, button: int) -> None:
        self.buttons.add(button)
        self.fresh.add(button)

    def release(self) -> None:
        self.axes.clear()
        self.buttons.clear()
        self.fresh.clear()

    def quit(self) -> None:
        if self.device is not None:
            self.device.quit()


class Gamepad:
    def __init__(self):
        self.pads: dict[int, PadState] = {}  # instance id -> what that controller holds
        self.sneak_toggle = False
        self.unplugged = False
        self.throw_pressed = False
        try:
            from pygame._sdl2 import controller

            controller.init()
            self._controller = controller
            for index in range(controller.get_count()):
                self._open(index)
        except (ImportError, pygame.error):
            self._controller = None  # no controller support here: keyboard only

    @property
    def connected(self) -> bool:
        return bool(self.pads)

    def _open(self, index: int) -> None:
        if self._controller is None or not self._controller.is_controller(index):
            return
        pad = self._controller.Controller(index)
        self.pads[pad.id] = PadState(pad)

    def _pad(self, instance_id: int) -> PadState:
        if instance_id not in self.pads:
            self.pads[instance_id] = PadState()
        return self.pads[instance_id]

    def release_all(self) -> None:
        """Let go of every stick and button held (the sneak toggle is a choice, it stays): another screen took the input."""
        for pad in self.pads.values():
            pad.release()
        self.throw_pressed = False

    def handle_event(self, event, playing: bool = True) -> bool:
        """Hot-plugging and one-shot buttons; True when the event was about a controller.
        `playing`: a level is on top. In menus, B means back and X nothing: neither may toggle
        sneaking or queue a throw for when play resumes."""
        if event.type == pygame.CONTROLLERDEVICEADDED:
            self._open(event.device_index)
            return True
        if event.type == pygame.CONTROLLERDEVICEREMOVED:
            pad = self.pads.pop(event.instance_id, None)
            if pad is not None:
                pad.quit()
                self.unplugged = True
            return True
        if event.type == pygame.CONTROLLERBUTTONDOWN:
            if not playing:
                return True
            self._pad(getattr(event, "instance_id", 0)).press(event.button)
            if event.button == pygame.CONTROLLER_BUTTON_B:
                self.sneak_toggle = not self.sneak_toggle
            elif event.button == pygame.CONTROLLER_BUTTON_X:
                self.throw_pressed = True
            return True
        if event.type == pygame.CONTROLLERBUTTONUP:
            pad = self.pads.get(getattr(event, "instance_id", 0))
            if pad is not None:
                pad.buttons.discard(event.button)
            return True
        if event.type == pygame.CONTROLLERAXISMOTION:
            if playing:  # a stick pushed in a menu is not pushed in play
                self._pad(getattr(event, "instance_id", 0)).axes[event.axis] = int(event.value)
            return True
        return False

    def just_unplugged(self) -> bool:
        was, self.unplugged = self.unplugged, False
        return was

    def intent(self, player_xy: tuple[float, float], facing: float, tile: int) -> Intent | None:
        """This tick's intent from the first controller with any input, else None."""
        found = None
        for pad in self.pads.values():
            found = self._read(pad, player_xy, facing, tile)
            if found is not None:
                break
        for pad in self.pads.values():
            pad.fresh.clear()  # a tap counts for one tick
        if found is None:
            self.throw_pressed = False
        return found

    def aim_point(self, player_xy: tuple[float, float], facing: float, tile: int) -> tuple[float, float] | None:
        """Where a throw would be aimed now (the first controller), for the marker a pad player
        aims by; None without a controller."""
        pad = next(iter(self.pads.values()), None)
        return None if pad is None else self._target(pad, player_xy, facing, tile)

    @staticmethod
    def _target(pad, player_xy, facing: float, tile: int) -> tuple[float, float]:
        """The right stick's direction and tilt set the throw's direction and reach; left
        alone, the throw goes straight ahead at full reach."""
        aim = stick(pad.get_axis(pygame.CONTROLLER_AXIS_RIGHTX) / AXIS_MAX,
                    pad.get_axis(pygame.CONTROLLER_AXIS_RIGHTY) / AXIS_MAX)
        if aim != (0.0, 0.0):
            reach = AIM_RANGE * tile * math.hypot(*aim)
            angle = math.atan2(aim[1], aim[0])
        else:
            reach, angle = AIM_RANGE * tile, facing
        px, py = player_xy
        return (px + math.cos(angle) * reach, py + math.sin(angle) * reach)

    def _read(self, pad, player_xy, facing: float, tile: int) -> Intent | None:
        move = stick(pad.get_axis(pygame.CONTROLLER_AXIS_LEFTX) / AXIS_MAX,
                     pad.get_axis(pygame.CONTROLLER_AXIS_LEFTY) / AXIS_MAX)
        sprint = bool(pad.get_button(pygame.CONTROLLER_BUTTON_RIGHTSHOULDER))
        interact = bool(pad.get_button(pygame.CONTROLLER_BUTTON_A))
        throw = None
        if self.throw_pressed:
            self.throw_pressed = False
            throw = self._target(pad, player_xy, facing, tile)
        if move == (0.0, 0.0) and not (sprint or interact or throw):
            return None
        return Intent(move, sneak=self.sneak_toggle, sprint=sprint, interact=interact, throw=throw)
