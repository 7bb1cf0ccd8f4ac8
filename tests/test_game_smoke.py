"""The real game, headless: it starts, runs frames, and saves a screenshot of itself."""

import pygame
import pytest

from conftest import ROOT, run_module


def test_game_runs_chapter_one_and_saves_a_screenshot(tmp_path):
    shot = tmp_path / "shot.png"
    result = run_module("game", "--chapter", "1", "--frames", "10", "--screenshot", str(shot))
    assert result.returncode == 0, result.stderr
    image = pygame.image.load(str(shot))
    assert image.get_size() == (1280, 720)
    # Not a blank frame: the map and the HUD put many colours on screen.
    colours = {tuple(image.get_at((x, y)))[:3] for x in range(0, 1280, 40) for y in range(0, 720, 40)}
    assert len(colours) > 20


def test_title_screen_starts(tmp_path):
    shot = tmp_path / "title.png"
    result = run_module("game", "--frames", "3", "--screenshot", str(shot))
    assert result.returncode == 0, result.stderr
    assert shot.is_file()


@pytest.mark.slow
def test_assets_on_disk_are_what_the_generator_makes(tmp_path):
    import subprocess
    import sys

    subprocess.run([sys.executable, str(ROOT / "tools" / "build_assets.py"), "--out", str(tmp_path), "-q"],
                   check=True, timeout=120)
    built = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    assert built, "the generator wrote nothing"
    for rel in built:
        assert (ROOT / rel).read_bytes() == (tmp_path / rel).read_bytes(), f"{rel} is stale: run tools/build_assets.py"
