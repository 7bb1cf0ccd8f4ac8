"""Headless test setup: no window, no sound, before anything imports pygame."""

import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TEST_MAPS = Path(__file__).resolve().parent / "maps"
sys.path.insert(0, str(ROOT))


def fast_first(values, ids=None) -> list:
    """Parameters for a family of like cases: the first is the fast tier's representative, the
    others are marked `slow` (run by `pytest` and CI, left out by `pytest -m "not slow"`)."""
    values = list(values)
    ids = list(ids) if ids is not None else [None] * len(values)
    return [pytest.param(v, id=i, marks=() if n == 0 else pytest.mark.slow)
            for n, (v, i) in enumerate(zip(values, ids))]


def pytest_collection_modifyitems(config, items):
    for item in items:  # a soak is slow by definition
        if item.get_closest_marker("soak") is not None:
            item.add_marker(pytest.mark.slow)


def run_module(module: str, *args: str, timeout: float = 120):
    """Run `python -m module args` headless; return the CompletedProcess."""
    import subprocess

    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    return subprocess.run([sys.executable, "-m", module, *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=timeout)


def crash_the_level_at_frame_30(monkeypatch) -> None:
    """The level scene raises on its 30th update: an unexpected error, for the crash handler's tests."""
    from game.scenes.level import LevelScene

    calls = {"n": 0}
    original = LevelScene.update

    def broken(self, dt):
        calls["n"] += 1
        if calls["n"] == 30:
            raise RuntimeError("boom")
        original(self, dt)

    monkeypatch.setattr(LevelScene, "update", broken)


@pytest.fixture
def room_map() -> Path:
    return TEST_MAPS / "room.tmx"


def pytest_addoption(parser):
    parser.addoption("--soak-full", action="store_true", default=False,
                     help="soak every shipped level for an hour of game time (default: 5 minutes)")


