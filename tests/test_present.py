"""The fixed canvas in any window: same view of the level at every size, mouse mapped back."""

import pygame

from game.render.present import CANVAS_SIZE, Presenter, fit


def test_the_canvas_fits_any_window_keeping_its_shape_and_centred():
    assert fit((1280, 720)) == pygame.Rect(0, 0, 1280, 720)
    assert fit((1920, 1080)) == pygame.Rect(0, 0, 1920, 1080)
    tall = fit((1000, 1000))  # bars above and below
    assert tall.width == 1000 and tall.height == 562 and tall.centery == 500
    wide = fit((2560, 1080))  # bars left and right
    assert wide.height == 1080 and wide.width == 1920 and wide.centerx == 1280


def test_mouse_positions_map_back_onto_the_canvas():
    presenter = Presenter()
    presenter.layout((1000, 1000))
    assert presenter.to_canvas(presenter.rect.center) == (640, 360)
    assert presenter.to_canvas(presenter.rect.topleft) == (0, 0)
    click = pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=presenter.rect.bottomright)
    assert presenter.event(click).pos == CANVAS_SIZE and presenter.event(click).button == 1
    key = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_e)
    assert presenter.event(key) is key


def test_a_bigger_window_shows_the_same_stretch_of_the_level_only_larger(tmp_path, monkeypatch):
    from game.app import App, Options
    from game.world.tuning import DT

    monkeypatch.setenv("REDEMPTION_HOME", str(tmp_path))
    app = App(Options(chapter=1, skip_intro=True))
    app.start()
    try:
        level = app.stack.top
        app.frame(DT)
        small = level.camera.view_w, level.camera.view_h
        pygame.display.set_mode((1920, 1080), pygame.RESIZABLE)
        for _ in range(3):
            app.frame(DT)
        assert (level.camera.view_w, level.camera.view_h) == small == CANVAS_SIZE
        window = pygame.display.get_surface()
        assert window.get_size() == (1920, 1080)
        # The picture fills the window: its far corner is drawn, not left black.
        assert pygame.transform.average_color(window, pygame.Rect(1700, 900, 200, 160))[:3] != (0, 0, 0)
        # A click at the window's centre aims at the canvas centre.
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=(960, 540), rel=(0, 0), buttons=(0, 0, 0)))
        app.frame(DT)
        assert level.input.mouse_pos == (640, 360)
    finally:
        app.close()
