"""How lit a point of the level is, from the map's `ambient` and its zones.

One function serves both sides: the guards' eyes (is Jesse lit?) and the
renderer, which bakes the same light into the map picture, so what looks dark
to the player is dark to the guards.

Model: start from `ambient`; each `Light` zone raises the light to its `level`
(an ellipse fades smoothly from its centre to its rim, a rectangle is even);
then each `Dark` zone caps the light at its `level`. A `Light` zone switched off
(a `LightSwitch`) gives no light while it is off.
"""

from __future__ import annotations

import numpy as np

from .kinds import ELLIPSE
from .level import Level


def light_grid(level: Level, xs: np.ndarray, ys: np.ndarray, off=()) -> np.ndarray:
    """Light 0..1 at the points (xs, ys) (arrays of the same shape, pixels); the `Light` zones
    whose ids are in `off` are switched off (`devices.py`)."""
    light = np.full(np.broadcast(xs, ys).shape, level.ambient, dtype=np.float64)  # 0.2 stays 0.2
    for zone in level.of_kind("Light"):
        if zone.id in off:
            continue
        light = np.maximum(light, _zone_weight(zone, xs, ys) * zone.props["level"])
    for zone in level.of_kind("Dark"):
        inside = _zone_weight(zone, xs, ys) > 0.5
        light = np.where(inside, np.minimum(light, zone.props["level"]), light)
    return light


def _zone_weight(zone, xs, ys) -> np.ndarray:
    if zone.rotation:  # the points in the zone's upright frame
        a = -np.radians(zone.rotation)
        dx, dy = xs - zone.x, ys - zone.y
        xs, ys = zone.x + dx * np.cos(a) - dy * np.sin(a), zone.y + dx * np.sin(a) + dy * np.cos(a)
    if zone.shape == ELLIPSE:
        cx, cy = zone.x + zone.width / 2, zone.y + zone.height / 2
        d2 = ((xs - cx) / (zone.width / 2)) ** 2 + ((ys - cy) / (zone.height / 2)) ** 2
        # Full light in the inner third, fading to nothing at the rim.
        return np.clip((1.0 - d2) / (1.0 - 1 / 9), 0.0, 1.0)
    inside = (xs >= zone.x) & (xs < zone.x + zone.width) & (ys >= zone.y) & (ys < zone.y + zone.height)
    return inside.astype(np.float64)
