"""The geometry of a marker at the screen's edge toward something off screen: where it sits, the
arrow's head, and how it is drawn so that it reads on snow and on black. Used by the danger
markers toward guards (`hints.draw_edge_markers`) and the objective marker (`objective_marker.py`)."""

from __future__ import annotations

import math

import pygame

EDGE_MARGIN = 26  # px from the screen's edge to a marker's middle
SHADOW = (10, 10, 14)
INK = (20, 16, 8)


def edge_point(size: tuple[int, int], sx: float, sy: float, margin=EDGE_MARGIN) -> tuple[float, float, float]:
    """Where the ray from the screen's centre toward the off-screen point (sx, sy) leaves the
    screen, pulled in by `margin` (px, or (left, top, right, bottom) px: room for what the edge
    already shows): (x, y, the ray's angle)."""
    w, h = size
    left, top, right, bottom = (margin,) * 4 if isinstance(margin, (int, float)) else margin
    cx, cy = w / 2, h / 2
    angle = math.atan2(sy - cy, sx - cx)
    dx, dy = math.cos(angle), math.sin(angle)
    across = (w - right - cx) / dx if dx > 1e-9 else (left - cx) / dx if dx < -1e-9 else math.inf
    down = (h - bottom - cy) / dy if dy > 1e-9 else (top - cy) / dy if dy < -1e-9 else math.inf
    scale = min(across, down)
    return cx + dx * scale, cy + dy * scale, angle


def arrow_head(x: float, y: float, angle: float, size: float) -> list[tuple[float, float]]:
    """A triangle about (x, y) pointing along `angle`: its tip `size` px ahead, then its two barbs."""
    return [(x + math.cos(angle + turn) * size, y + math.sin(angle + turn) * size) for turn in (0.0, 2.5, -2.5)]


def draw_marker_shape(surface: pygame.Surface, points, colour, ink=INK) -> None:
    """A filled shape with a drop shadow and a dark outline."""
    pygame.draw.polygon(surface, SHADOW, [(px + 2, py + 2) for px, py in points])
    pygame.draw.polygon(surface, colour, points)
    pygame.draw.polygon(surface, ink, points, 2)
