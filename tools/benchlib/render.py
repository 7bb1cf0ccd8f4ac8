"""The real level scene at 1280x720: how long it takes to load and to draw a frame; and the
canvas presented into a bigger window, per frame."""

from __future__ import annotations

import statistics
from pathlib import Path

from game.sim import wander_player
from game.world.level import load_level
from game.world.tuning import DT

from . import SEED
from .timing import CLOCK, percentiles

WINDOW = (1280, 720)
PRESENT_WINDOWS = ((1920, 1080), (2560, 1440))


def open_window():
    import pygame

    pygame.init()
    return pygame.display.set_mode(WINDOW)


def level_scene(level, assets, seed: int = SEED):
    """The real level scene on a stack, Jesse wandering by script."""
    from game.scenes.level import LevelScene
    from game.scenes.stack import SceneStack

    scene = LevelScene(level, level.path.name, assets, None, seed, scripted_input=wander_player(seed))
    stack = SceneStack()
    stack.push(scene)
    return scene, stack


def bench_load(path: Path, assets, runs: int) -> dict:
    """Median ms of `load_level` alone and of the whole load (level scene entered)."""
    parse, whole = [], []
    for _ in range(runs):
        start = CLOCK()
        level = load_level(path)
        parsed = CLOCK()
        _, stack = level_scene(level, assets)
        done = CLOCK()
        stack.clear()
        parse.append(parsed - start)
        whole.append(done - start)
    return {"parse_ms": round(statistics.median(parse) * 1000, 1), "load_ms": round(statistics.median(whole) * 1000, 1)}


def bench_render(level, screen, assets, frames: int, warmup: int = 30) -> dict:
    """`scene.update` and `scene.draw` times per frame, one tick per frame."""
    scene, stack = level_scene(level, assets)
    updates, draws = [], []
    for n in range(warmup + frames):
        t0 = CLOCK()
        scene.update(DT)
        t1 = CLOCK()
        scene.draw(screen, 0.0)
        t2 = CLOCK()
        if n >= warmup:
            updates.append(t1 - t0)
            draws.append(t2 - t1)
    stack.clear()
    return {"draw_ms": percentiles(draws), "update_ms": percentiles(updates), "frames": frames}


def bench_present(frames: int) -> dict:
    """Per frame, the canvas put into a bigger window (window scale 150%, fullscreen at 1440p)."""
    import pygame

    from game.render.present import Presenter

    rows = {}
    for size in PRESENT_WINDOWS:
        window = pygame.Surface(size)
        presenter = Presenter()
        presenter.layout(size)
        samples = []
        for _ in range(frames):
            t0 = CLOCK()
            presenter.present(window)
            samples.append(CLOCK() - t0)
        rows[f"{size[0]}x{size[1]}"] = percentiles(samples)
    return rows
