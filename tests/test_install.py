"""The game as a player installs it: built, installed into a fresh environment, started elsewhere.

The wheel is built the way `python -m build` does, through an sdist (so the sdist is proved
to rebuild a whole wheel too), without build isolation so no network is needed. It is
installed with `--no-deps` into a new virtual environment that borrows this one's packages
(pygame-ce, pytmx, ...) but not the repository: the game is started from an empty folder, with
no PYTHONPATH, and must find its maps, assets and story inside the installed package.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow


def _run(command, **kwargs) -> subprocess.CompletedProcess:
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, **kwargs)
    assert done.returncode == 0, f"{command} exited {done.returncode}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-c", "import sys; from setuptools import build_meta; build_meta.build_sdist(sys.argv[1])",
          str(dist)], cwd=ROOT)
    (sdist,) = dist.glob("redemption-*.tar.gz")
    safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}  # Python 3.11.4+
    with tarfile.open(sdist) as archive:
        archive.extractall(dist, **safe)
    (source,) = (p for p in dist.iterdir() if p.is_dir())
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
          "-w", str(dist / "wheels"), str(source)])
    (built,) = (dist / "wheels").glob("redemption-*.whl")
    return built


def test_the_wheel_holds_everything_the_game_reads(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    needed = ["game/story/chapters.toml", "game/story/hints.toml"]
    needed += [f"game/story/dialogue/{p.name}" for p in (ROOT / "game" / "story" / "dialogue").glob("*.toml")]
    needed += [f"game/_data/maps/{p.relative_to(ROOT / 'maps').as_posix()}"
               for p in sorted((ROOT / "maps").glob("*.tmx")) + sorted((ROOT / "maps" / "tilesets").iterdir())]
    needed += [f"game/_data/assets/{p.relative_to(ROOT / 'assets').as_posix()}"
               for p in sorted((ROOT / "assets").glob("*/*")) if p.is_file()]
    assert "game/_data/maps/garage.tmx" in needed and "game/_data/maps/tilesets/garage.png" in needed
    assert "game/_data/assets/sprites/jesse.png" in needed
    assert [n for n in needed if n not in names] == []


def test_the_installed_game_plays_from_another_folder(wheel, tmp_path):
    if not shutil.which("xvfb-run"):
        pytest.skip("xvfb-run is not installed (CI installs xvfb): the installed game needs a real window")
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)])
    python, script = venv / "bin" / "python", venv / "bin" / "redemption"
    _run([str(python), "-m", "pip", "install", "--no-deps", "--no-index", str(wheel)])
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "SDL_VIDEODRIVER", "DISPLAY")}
    env.update(REDEMPTION_HOME=str(tmp_path / "home"), SDL_AUDIODRIVER="dummy")

    where = _run([str(python), "-c", "import game.paths as p; print(p.__file__); print(p.MAPS_DIR); print(p.ASSETS_DIR)"],
                 cwd=elsewhere, env=env).stdout.split()
    assert all(Path(w).is_relative_to(venv) for w in where), f"the venv does not use the installed game: {where}"
    assert _run([str(script), "--help"], cwd=elsewhere, env=env).stdout.startswith("usage: redemption ")

    shot = elsewhere / "shot.png"
    _run(["xvfb-run", "-a", "-s", "-screen 0 1280x720x24",
          str(script), "--chapter", "1", "--skip-intro", "--frames", "60", "--screenshot", shot.name],
         cwd=elsewhere, env=env)
    import numpy as np
    import pygame

    from game.render.present import CANVAS_SIZE
    from game.settings import Settings

    image = pygame.image.load(str(shot))
    scale = Settings().window_scale
    assert image.get_size() == (round(CANVAS_SIZE[0] * scale), round(CANVAS_SIZE[1] * scale))
    pixels = pygame.surfarray.array3d(image).reshape(-1, 3)
    assert len(np.unique(pixels, axis=0)) > 50 and pixels.std() > 10, "the screenshot is blank"
