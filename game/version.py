"""The game's version, read from pyproject.toml: the one place it is written.

Every way the game runs gives the same answer:

- a source checkout, and an editable install (which runs the checkout's own files): the
  pyproject.toml beside the `game` package is read. An editable install's metadata is not
  asked, as it keeps the version of the day it was installed, however often pyproject.toml moved
  on since;
- the frozen build (tools/package.py): the bundle folder holds the `game` package and a copy of
  that pyproject.toml beside it, so the same rule finds it there;
- an installed wheel: no pyproject.toml travels in a wheel, so its metadata (written from
  pyproject.toml when the wheel was built) answers.

A pyproject.toml of another project (one lying in site-packages, say) is passed over. Asked
when needed, never at import time (see STYLE.md, "Avoid" 1).
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import metadata
from pathlib import Path

DISTRIBUTION = "redemption"  # [project] name in pyproject.toml
UNKNOWN = "0+unknown"  # neither a pyproject.toml nor installed metadata: a copied-in source tree


def pyproject_version(pyproject: Path) -> str | None:
    """The version in this pyproject.toml if it is the game's own, else None."""
    try:
        project = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    if not isinstance(project, dict) or project.get("name") != DISTRIBUTION:
        return None
    found = project.get("version")
    return found if isinstance(found, str) and found else None


def find_version(package_dir: Path) -> str:
    """The version for the `game` package in `package_dir`: its pyproject.toml's, else the
    installed distribution's."""
    found = pyproject_version(package_dir.parent / "pyproject.toml")
    if found:
        return found
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return UNKNOWN


@cache
def version() -> str:
    """The game's version: "0.1.0"."""
    return find_version(Path(__file__).resolve().parent)
