"""Barks and radio calls on screen: readable in both palettes at every subtitle size, never stacked
unreadably when three guards speak at once, gone after their time, and a radio call shown at the
edge with the guards who answer marked. Fed the real world's events from a headless run."""

import copy

import pygame
import pytest

from game.render.alarm_hud import AlarmHud
from game.render.barks import BARK_TICKS, MAX_BUBBLES, BarkView
from game.render.camera import Camera
from game.scenes.options import SUBTITLE_SIZES
from game.world.alarm import AlertPhase
from scenario import world_for
from test_ai import PeekThenRun


FLOOR = (90, 96, 104)


@pytest.fixture(scope="module")
def screen():
    pygame.init()
    yield pygame.Surface((1280, 720))


def camera_on(world):
    w, h = world.level.pixel_size
    camera = Camera(1280, 720, w, h)
    camera.follow(world.guards[0].x, world.guards[0].y)
    return camera


def bark(tick, guard, text, line="crew.heard_step.0"):
    return {"tick": tick, "type": "bark", "guard": guard, "line": line, "text": text}


@pytest.mark.parametrize("palette", ["default", "colourblind"])
@pytest.mark.parametrize("size", SUBTITLE_SIZES)
def test_three_guards_speaking_at_once_do_not_overlap(screen, palette, size):
    world = world_for("ai_watch.tmx")
    a, b = world.guards
    c = copy.copy(a)
    c.id = 999
    world.guards.append(c)
    b.x, b.y, c.x, c.y = a.x + 6, a.y + 4, a.x - 5, a.y + 2  # three heads nearly on top of each other
    view = BarkView(palette, size)
    view.on_events([bark(0, a.id, "Thought I heard something."), bark(0, b.id, "Who's there?"),
                    bark(0, c.id, "Check the back.")], world)
    boxes = lit_boxes(screen, view, world)
    assert len(boxes) == 3
    assert not any(p.colliderect(q) for i, p in enumerate(boxes) for q in boxes[i + 1:])
    assert all(screen.get_rect().contains(box) for box in boxes)


def lit_boxes(screen, view, world) -> list[pygame.Rect]:
    """The bubbles drawn on a plain grey floor, as the bounding boxes of what changed."""
    screen.fill(FLOOR)
    view.draw(screen, camera_on(world), world)
    mask = pygame.mask.from_threshold(screen, FLOOR, (1, 1, 1, 255))
    mask.invert()
    return [r for r in mask.get_bounding_rects() if r.width > 20 and r.height > 10]


def test_a_bark_is_gone_after_its_time(screen):
    world = world_for("ai_watch.tmx")
    view = BarkView()
    view.on_events([bark(0, world.guards[0].id, "Hey. Hello?")], world)
    world.tick = BARK_TICKS + 1
    view.draw(screen, camera_on(world), world)
    assert view.bubbles == []


def test_at_most_a_few_bubbles_and_one_per_head(screen):
    world = world_for("ai_watch.tmx")
    g = world.guards[0].id
    view = BarkView()
    view.on_events([bark(0, g, "One."), bark(0, g, "Two.")], world)
    assert [b.text for b in view.bubbles] == ["Two."]
    others = [bark(1, i, f"Line {i}.") for i in range(100, 110)]
    view.on_events(others, world)
    assert len(view.bubbles) == MAX_BUBBLES


def test_a_real_chase_shows_the_radio_line_and_who_answers(screen):
    world = world_for("ai_watch.tmx")
    view, player = BarkView(), PeekThenRun(world)
    for _ in range(60 * 20):
        view.on_events(world.step(player(world)), world)
        if view.radio:
            break
    assert view.radio, "the chase should call it in"
    net, text, _ = view.radio[-1]
    assert net == "Crew radio" and text
    assert set(view.answering) == {world.guards[1].id}  # guard B heard it and is marked
    screen.fill((0, 0, 0))
    view.draw_radio(screen, 68)
    assert screen.get_at((10, 80))[:3] != (0, 0, 0)


@pytest.mark.parametrize("palette", ["default", "colourblind"])
def test_the_alert_banner_shows_the_phase_and_its_timer(screen, palette):
    world = world_for("ai_watch.tmx")
    hud = AlarmHud(palette)
    screen.fill((0, 0, 0))
    assert hud.draw(screen, world, 68) == 68  # calm: nothing
    assert pygame.mask.from_threshold(screen, (0, 0, 0), (1, 1, 1, 255)).count() == 1280 * 720
    world.alarm.phase, world.alarm.left = AlertPhase.EVASION, 600
    assert hud.draw(screen, world, 68) > 68
    assert screen.get_at((9, 70))[:3] == hud.colours[AlertPhase.EVASION]  # the banner's frame
