"""Which footstep a floor makes: read from the floor tile's label in its tileset."""

from __future__ import annotations

from ..world.tmx import FLIP_MASK

# First matching word wins; anything else sounds like concrete.
WORDS = (
    ("snow", "snow"), ("puddle", "wet"), ("wet", "wet"), ("gym", "wood"), ("wood", "wood"), ("classroom", "wood"),
    ("rug", "wood"), ("grat", "metal"), ("catwalk", "metal"), ("steel", "metal"), ("sand", "sand"),
    ("gravel", "sand"), ("dirt", "sand"),
)


def floor_name(label: str) -> str:
    label = label.lower()
    for word, floor in WORDS:
        if word in label:
            return floor
    return "concrete"


def floor_lookup(level):
    """A `floor_of(x, y)` for the audio director: the top floor-ish tile under a point."""
    names: dict[int, str] = {}
    for ts in level.tilesets:
        for local, label in ts.labels.items():
            names[ts.firstgid + local] = floor_name(label)
    layers = [layer.gids for layer in level.layers if layer.name != "walls"]

    def floor_of(x: float, y: float) -> str:
        col, row = int(x // level.tile), int(y // level.tile)
        if not (0 <= row < level.rows and 0 <= col < level.cols):
            return "concrete"
        for gids in reversed(layers):
            gid = int(gids[row, col]) & FLIP_MASK
            if gid and gid in names:
                return names[gid]
        return "concrete"

    return floor_of
