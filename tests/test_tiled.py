"""Every shipped map survives Debian's Tiled 1.8: it exports, and the game loads Tiled's re-save.

Skipped where Tiled is not installed; CI installs it (`.ci/run`).
"""

import os
import shutil
import subprocess

import pytest

from conftest import ROOT
from game.world.level import load_level

TILED = shutil.which("tiled")
MAPS = sorted((ROOT / "maps").glob("*.tmx"))
pytestmark = pytest.mark.skipif(TILED is None, reason="Tiled is not installed (apt-get install tiled)")


def tiled_export(fmt: str, source, target):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([TILED, "--export-map", fmt, str(source), str(target)], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert target.is_file()


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_tiled_exports_the_map_as_json(path, tmp_path):
    tiled_export("json", path, tmp_path / "out.json")


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_the_game_loads_the_map_tiled_resaves(path, tmp_path):
    resaved = tmp_path / path.name
    tiled_export("tmx", path, resaved)
    original, again = load_level(path), load_level(resaved)
    assert (again.cols, again.rows) == (original.cols, original.rows)
    assert (again.solid == original.solid).all()
    assert again.spawn == original.spawn
    assert [(g.id, g.x, g.y, g.route and g.route.points) for g in again.guards] == \
        [(g.id, g.x, g.y, g.route and g.route.points) for g in original.guards]
    assert [(o.id, o.kind, o.shape, o.props) for o in again.objects] == \
        [(o.id, o.kind, o.shape, o.props) for o in original.objects]
