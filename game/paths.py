"""Where the game's own files live (maps, assets), found from the package."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAPS_DIR = ROOT / "maps"
ASSETS_DIR = ROOT / "assets"
