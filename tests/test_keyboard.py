"""The keyboard as the level hears it: held keys from its own events, quick taps kept for a tick,
everything let go when another screen takes the input."""

import pygame
import pytest

from game.input.keyboard import Keyboard


@pytest.fixture(autouse=True)
def keys_known():
    pygame.init()  # key names need pygame's key module
    yield


def key(kind, code):
    return pygame.event.Event(kind, key=code, mod=0, unicode="", scancode=0)


def test_held_keys_come_from_events_and_are_let_go_when_the_screen_changes():
    keyboard = Keyboard()
    keyboard.feed(key(pygame.KEYDOWN, pygame.K_d))
    keyboard.feed(key(pygame.KEYDOWN, pygame.K_LCTRL))
    intent = keyboard.intent()
    assert intent.move == (1.0, 0.0) and intent.sneak
    assert keyboard.intent().move == (1.0, 0.0)  # still held
    keyboard.release_all()
    assert keyboard.intent().move == (0.0, 0.0) and not keyboard.intent().sneak
    keyboard.feed(key(pygame.KEYUP, pygame.K_d))  # the release of a key pressed elsewhere: harmless
    assert keyboard.intent().move == (0.0, 0.0)


def test_a_tap_quicker_than_a_frame_still_counts_for_one_tick():
    """xdotool's `key e` (and a light finger) puts the press and the release in one frame's events."""
    keyboard = Keyboard()
    keyboard.feed(key(pygame.KEYDOWN, pygame.K_e))
    keyboard.feed(key(pygame.KEYUP, pygame.K_e))
    assert keyboard.intent().interact
    assert not keyboard.intent().interact  # once, not held


def test_rebound_keys_are_the_ones_held():
    keyboard = Keyboard({"interact": ("f",)})
    keyboard.feed(key(pygame.KEYDOWN, pygame.K_e))
    assert not keyboard.intent().interact
    keyboard.feed(key(pygame.KEYDOWN, pygame.K_f))
    assert keyboard.intent().interact
