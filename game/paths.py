"""Where the game's own files live (maps, assets, story data), found from the package.

The design card keeps maps/ and assets/ at the top of the repository, where Tiled and the
asset tools work on them. An installed wheel has no repository: its build step (setup.py)
copies the two folders into the package as game/_data/maps and game/_data/assets. So the
package's own folder is found with importlib.resources, and its bundled copy is used when
there is one; in a source checkout or an editable install there is none (nothing is ever
copied into the source tree) and the repository's folders are used, the ones a designer edits.

The story data (chapters.toml, hints.toml, dialogue/) is package data in both layouts.

The frozen build (tools/package.py) is laid out as the wheel is, inside its bundle folder
(sys._MEIPASS, the application's _internal/): game/_data/maps, game/_data/assets and
game/story sit there as files, and PyInstaller's importer answers importlib.resources with that
folder, so the same rule finds them, read-only, with no case of its own.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

PACKAGE_DIR = Path(str(resources.files(__package__)))  # game/, wherever it was imported from
CHECKOUT_DIR = Path(__file__).resolve().parent.parent  # the repository, in a source checkout


def _data_dir(name: str) -> Path:
    bundled = PACKAGE_DIR / "_data" / name
    return bundled if bundled.is_dir() else CHECKOUT_DIR / name


MAPS_DIR = _data_dir("maps")
ASSETS_DIR = _data_dir("assets")
STORY_DIR = PACKAGE_DIR / "story"
CHAPTERS_FILE = STORY_DIR / "chapters.toml"
HINTS_FILE = STORY_DIR / "hints.toml"
DIALOGUE_DIR = STORY_DIR / "dialogue"
BARKS_FILE = STORY_DIR / "barks.toml"
