"""What players see, against reference pictures: the title, a level with cones and light, the pause
menu with the level's map, the marker toward an objective off screen (each in both palettes), a
dialogue, the summary and the options. Taken in a real X window under
Xvfb when it is installed (CI installs it), else with SDL's dummy driver.

A deliberate change of look: `xvfb-run -a python tools/screens.py tests/reference`, then look at
the new pictures before committing them.
"""

import os
import shutil
import subprocess
import sys

import numpy as np
import pygame
import pytest

from conftest import ROOT

REFERENCE = ROOT / "tests" / "reference"
NAMES = ["title", "level_default", "level_colourblind", "pause", "pause_colourblind", "marker_default",
         "marker_colourblind", "dialogue", "summary", "options"]
CHANNEL_TOLERANCE = 48  # a pixel counts as changed beyond this difference in any channel...
CHANGED_SHARE = 0.005  # ...and a screen fails when more than 0.5% of its pixels changed


@pytest.fixture(scope="module")
def screens(tmp_path_factory):
    out = tmp_path_factory.mktemp("screens")
    env = dict(os.environ)
    command = [sys.executable, str(ROOT / "tools" / "screens.py"), str(out)]
    if shutil.which("xvfb-run"):
        env.pop("SDL_VIDEODRIVER", None)  # a real window on the virtual screen
        command = ["xvfb-run", "-a", "-s", "-screen 0 1280x720x24"] + command
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    return out


def pixels(path) -> np.ndarray:
    return pygame.surfarray.array3d(pygame.image.load(str(path))).astype(np.int16)


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_screen_matches_its_reference(screens, name):
    now, reference = pixels(screens / f"{name}.png"), pixels(REFERENCE / f"{name}.png")
    assert now.shape == reference.shape
    changed = (np.abs(now - reference).max(axis=2) > CHANNEL_TOLERANCE).mean()
    assert changed <= CHANGED_SHARE, f"{name}: {changed:.2%} of pixels changed (see {screens / name}.png)"


def test_the_palettes_really_differ():
    """Each mood's look differs between the default and the colour-blind palette."""
    from game.render.cones import PALETTES
    from game.render.overlays import OVERLAY_PALETTES

    for mood in ("calm", "suspicious", "alert"):
        assert PALETTES["default"][mood]["outline"] != PALETTES["colourblind"][mood]["outline"]
        assert PALETTES["default"][mood]["style"] == PALETTES["colourblind"][mood]["style"]  # patterns stay
    assert OVERLAY_PALETTES["default"]["alert_badge"] != OVERLAY_PALETTES["colourblind"]["alert_badge"]


@pytest.mark.slow
def test_the_tour_photographs_menus_and_each_danger_state(tmp_path):
    """tools/tour.py (a designer's "look at every screen"), on its short path: the menus, then a
    walk into a guard in chapter 1 that is seen as suspicious, alert and caught."""
    env = dict(os.environ, REDEMPTION_HOME=str(tmp_path / "home"))
    command = [sys.executable, str(ROOT / "tools" / "tour.py"), str(tmp_path / "tour"), "--no-story",
               "--chapters", "1", "--palettes", "colourblind", "--device", "gamepad"]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    names = [p.name for p in sorted((tmp_path / "tour" / "colourblind").glob("*.png"))]
    wanted = ["chapters", "options", "controls", "pause", "ch1_suspicious", "ch1_alert", "ch1_caught",
              "ch1_talk_kim_hurry", "ch1_talk_mem_lift", "ch1_talk_mem_chain"]
    assert [n[4:-len("_colourblind.png")] for n in names] == wanted
