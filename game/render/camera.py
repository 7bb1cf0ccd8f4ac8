"""The view onto the map: follows a point, never shows outside the map."""

from __future__ import annotations


class Camera:
    def __init__(self, view_w: int, view_h: int, map_w: int, map_h: int):
        self.view_w, self.view_h = view_w, view_h
        self.map_w, self.map_h = map_w, map_h
        self.x = self.y = 0.0

    def follow(self, x: float, y: float) -> None:
        self.x = self._clamp(x - self.view_w / 2, self.map_w, self.view_w)
        self.y = self._clamp(y - self.view_h / 2, self.map_h, self.view_h)

    @staticmethod
    def _clamp(value: float, map_size: int, view_size: int) -> float:
        if map_size <= view_size:  # a small map is centred
            return (map_size - view_size) / 2
        return max(0.0, min(value, map_size - view_size))

    def to_screen(self, x: float, y: float) -> tuple[int, int]:
        return round(x - self.x), round(y - self.y)

    def to_world(self, sx: float, sy: float) -> tuple[float, float]:
        return sx + self.x, sy + self.y
