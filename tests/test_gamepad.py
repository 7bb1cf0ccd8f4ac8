"""Gamepad: stick to intent (how far pushed sets the pace), buttons, menus, unplugging."""

import math

import pygame

from game.input.gamepad import DEADZONE, Gamepad, PadState, menu_key_for, stick


class FakeDevice:
    """Stands in for an opened SDL controller: only closing it matters here."""

    closed = False

    def quit(self):
        self.closed = True


def pad_with(axes=None, buttons=()):
    """A gamepad whose controller 7 holds these sticks and buttons, told as SDL tells it: by events."""
    gamepad = Gamepad()
    gamepad.pads = {}
    device = FakeDevice()
    for axis, value in (axes or {}).items():
        gamepad.handle_event(pygame.event.Event(pygame.CONTROLLERAXISMOTION, instance_id=7, axis=axis, value=value))
    for button in buttons:
        gamepad.handle_event(pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, instance_id=7, button=button))
    gamepad.pads.setdefault(7, PadState()).device = device
    return gamepad


def test_stick_dead_zone_and_scaling():
    assert stick(DEADZONE * 0.9, 0.0) == (0.0, 0.0)
    x, y = stick(1.0, 0.0)
    assert (x, y) == (1.0, 0.0)
    half = stick(0.0, 0.6)
    assert 0.0 < half[1] < 0.6


def test_a_light_push_sneaks_and_a_full_push_walks_in_the_world():
    from game.world.level import load_level
    from game.world.world import World
    from conftest import TEST_MAPS

    def pace_for(push):
        world = World(load_level(TEST_MAPS / "room.tmx"))
        gamepad = pad_with(axes={pygame.CONTROLLER_AXIS_LEFTX: int(push * 32767)})
        world.step(gamepad.intent((world.player.x, world.player.y), 0.0, 32))
        return world.player.pace

    assert pace_for(0.4) == "sneak"
    assert pace_for(1.0) == "walk"


def test_buttons_sprint_interact_and_throw_with_right_stick_aim():
    gamepad = pad_with(axes={pygame.CONTROLLER_AXIS_RIGHTX: 32767},
                       buttons={pygame.CONTROLLER_BUTTON_RIGHTSHOULDER, pygame.CONTROLLER_BUTTON_A})
    gamepad.handle_event(pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, button=pygame.CONTROLLER_BUTTON_X))
    intent = gamepad.intent((100.0, 100.0), math.pi, 32)
    assert intent.sprint and intent.interact
    assert intent.throw[0] > 100.0 and abs(intent.throw[1] - 100.0) < 1e-6  # aimed right, not at the facing
    assert gamepad.intent((100.0, 100.0), math.pi, 32).throw is None  # one press, one throw


def test_b_toggles_sneak_and_no_input_gives_none():
    gamepad = pad_with()
    assert gamepad.intent((0, 0), 0, 32) is None
    gamepad.handle_event(pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, button=pygame.CONTROLLER_BUTTON_B))
    gamepad.pads[7].axes[pygame.CONTROLLER_AXIS_LEFTY] = 32767
    assert gamepad.intent((0, 0), 0, 32).sneak


def test_b_and_x_in_a_menu_neither_toggle_sneaking_nor_queue_a_throw():
    gamepad = pad_with()
    for button in (pygame.CONTROLLER_BUTTON_B, pygame.CONTROLLER_BUTTON_X):
        gamepad.handle_event(pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, button=button), playing=False)
    gamepad.pads[7].axes[pygame.CONTROLLER_AXIS_LEFTY] = 32767
    intent = gamepad.intent((0, 0), 0, 32)
    assert not intent.sneak and intent.throw is None


def test_menu_buttons_become_keys_and_unplugging_is_noticed():
    down = pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, button=pygame.CONTROLLER_BUTTON_DPAD_DOWN)
    assert menu_key_for(down) == pygame.K_DOWN
    assert menu_key_for(pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, button=pygame.CONTROLLER_BUTTON_A)) == pygame.K_RETURN
    gamepad = pad_with()
    device = gamepad.pads[7].device
    gamepad.handle_event(pygame.event.Event(pygame.CONTROLLERDEVICEREMOVED, instance_id=7))
    assert device.closed and not gamepad.connected
    assert gamepad.just_unplugged() and not gamepad.just_unplugged()


def test_the_aim_marker_shows_where_the_throw_will_go():
    # Right stick half way to the right: the marker and the throw agree, three tiles east.
    gamepad = pad_with(axes={pygame.CONTROLLER_AXIS_RIGHTX: 32767 // 2 + round(DEADZONE * 32767 / 2)})
    aim = gamepad.aim_point((100.0, 100.0), math.pi / 2, 32)
    gamepad.handle_event(pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, button=pygame.CONTROLLER_BUTTON_X))
    thrown = gamepad.intent((100.0, 100.0), math.pi / 2, 32).throw
    assert thrown == aim and aim[0] > 100.0 and abs(aim[1] - 100.0) < 1e-6
    # Stick left alone: straight ahead, the way Jesse faces (south here), at full reach.
    gamepad.pads[7].axes.clear()
    ahead = gamepad.aim_point((100.0, 100.0), math.pi / 2, 32)
    assert abs(ahead[0] - 100.0) < 1e-6 and ahead[1] > aim[0]
    gamepad.pads = {}  # unplugged: no marker
    assert gamepad.aim_point((100.0, 100.0), 0.0, 32) is None


def test_held_sticks_and_buttons_come_from_events_and_are_let_go_when_the_screen_changes():
    gamepad = pad_with(axes={pygame.CONTROLLER_AXIS_LEFTX: 32767}, buttons={pygame.CONTROLLER_BUTTON_A})
    intent = gamepad.intent((0, 0), 0, 32)
    assert intent.move[0] > 0.99 and intent.interact
    gamepad.handle_event(pygame.event.Event(pygame.CONTROLLERBUTTONUP, instance_id=7, button=pygame.CONTROLLER_BUTTON_A))
    assert not gamepad.intent((0, 0), 0, 32).interact
    gamepad.release_all()
    assert gamepad.intent((0, 0), 0, 32) is None
    # Pushed while a menu was on top: not pushed in play.
    gamepad.handle_event(pygame.event.Event(pygame.CONTROLLERAXISMOTION, instance_id=7,
                                            axis=pygame.CONTROLLER_AXIS_LEFTX, value=32767), playing=False)
    gamepad.handle_event(pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, instance_id=7,
                                            button=pygame.CONTROLLER_BUTTON_A), playing=False)
    assert gamepad.intent((0, 0), 0, 32) is None


def test_a_tap_quicker_than_a_frame_still_counts_for_one_tick():
    gamepad = pad_with()
    for kind in (pygame.CONTROLLERBUTTONDOWN, pygame.CONTROLLERBUTTONUP):  # both in one frame's events
        gamepad.handle_event(pygame.event.Event(kind, instance_id=7, button=pygame.CONTROLLER_BUTTON_A))
    assert gamepad.intent((0, 0), 0, 32).interact
    assert gamepad.intent((0, 0), 0, 32) is None  # once
