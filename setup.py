"""The one build step pyproject.toml cannot declare: put the top-level maps/ and assets/ in the wheel.

The design card keeps maps/ and assets/ at the top of the repository, where Tiled, the asset
tools and the designers work on them. A wheel carries only what lies inside a package, so
`build_py` copies what the game reads at run time into the built package as game/_data/maps
and game/_data/assets; game/paths.py looks there first. Nothing is copied into the source tree,
and an editable install copies nothing: it reads the repository's own folders.

A copy in the build step rather than a package-dir mapping of the two folders as packages:
the packages stay auto-discovered, no folder has to pose as a Python package, and the editable
install is the plain one.
"""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
# What the game reads at run time: maps with their tilesets (not the routes, the Tiled
# project or the READMEs, which only the tools and the designers use), and every asset.
RUNTIME_DATA = {
    "maps": ("*.tmx", "tilesets/*.tsx", "tilesets/*.png"),
    "assets": ("*/*.png", "*/*.wav"),
}
BUNDLED_AS = ("game", "_data")


def runtime_files() -> list[Path]:
    """The data files to bundle, relative to the repository; fails on a tree without them."""
    found = []
    for folder, patterns in RUNTIME_DATA.items():
        files = sorted({p for pattern in patterns for p in (HERE / folder).glob(pattern) if p.is_file()})
        if not files:
            raise SystemExit(f"{HERE / folder}: no game data to bundle (an sdist without maps/ or assets/?)")
        found += [p.relative_to(HERE) for p in files]
    return found


class BuildWithData(build_py):
    def _bundled(self) -> list[tuple[Path, Path]]:
        target = Path(self.build_lib, *BUNDLED_AS)
        return [(HERE / rel, target / rel) for rel in runtime_files()]

    def run(self):
        super().run()
        if self.editable_mode:  # the editable install reads the repository's folders
            return
        for source, target in self._bundled():
            self.mkpath(str(target.parent))
            self.copy_file(str(source), str(target))

    def get_outputs(self, include_bytecode=True):
        outputs = super().get_outputs(include_bytecode)
        if self.editable_mode:
            return outputs
        return outputs + [str(target) for _, target in self._bundled()]


setup(cmdclass={"build_py": BuildWithData})
