"""Where the current objective is, and the marker toward it at the screen's edge while it is off
screen (Options: "Objective marker", for players who would rather find their own way).

The marker is a diamond, the objective's sign on the pause map too, with an arrowhead beyond it
toward the objective: not the guards' danger arrows (plain triangles in the badge colours), by
shape as well as by colour, in either palette.
"""

from __future__ import annotations

import math

import pygame

from .edge_arrow import arrow_head, draw_marker_shape, edge_point

# The pause map's signs and the marker, per palette (the names of `overlays.OVERLAY_PALETTES`).
# Default: the objective cyan, away from the guards' amber and red; colour-blind: sky blue, away from
# their yellow and magenta (Okabe and Ito's colours), with the exit orange and Jesse white.
WAYFINDING_PALETTES: dict[str, dict] = {
    "default": {"objective": (86, 214, 236), "exit": (124, 226, 112), "jesse": (238, 84, 66),
                "ink": (8, 16, 22), "fog": (4, 6, 12, 200)},
    "colourblind": {"objective": (86, 180, 233), "exit": (230, 159, 0), "jesse": (250, 250, 250),
                    "ink": (8, 16, 22), "fog": (4, 6, 12, 200)},
}
# px from each edge of the screen (left, top, right, bottom) to the diamond's middle: inside the
# guards' arrows, clear of the top bar and of the controls line along the bottom
MARKER_MARGIN = (50, 72, 50, 80)
DIAMOND = 15  # px from the diamond's middle to its corners
ON_SCREEN_MARGIN = 16  # px: a place this far inside the screen's edge is seen, and needs no marker

Box = tuple[float, float, float, float]  # left, top, right, bottom in map px


def places(world, thing_id: str) -> list[Box]:
    """Where to go for `thing_id`: what `Objectives.where` says, or Marco himself while his
    confession is the objective (he paces about as he talks)."""
    boxes = [obj.bounds for obj in world.objectives.where(thing_id)]
    if not boxes:
        for confession in world.confessions:
            if confession.objective == thing_id and confession.progress < 1.0:
                marco = world.guards[confession.guard_index]
                boxes.append((marco.x, marco.y, marco.x, marco.y))
    return boxes


def centre(box: Box) -> tuple[float, float]:
    return (box[0] + box[2]) / 2, (box[1] + box[3]) / 2


def diamond(x: float, y: float, size: float = DIAMOND) -> list[tuple[float, float]]:
    return [(x, y - size), (x + size, y), (x, y + size), (x - size, y)]


def marker_target(size: tuple[int, int], camera, boxes: list[Box]) -> tuple[float, float] | None:
    """The screen point the marker points at (the nearest place's middle), or None when there is
    no place or one of them is on screen."""
    if not boxes:
        return None
    w, h = size
    view = pygame.Rect(0, 0, w, h).inflate(-2 * ON_SCREEN_MARGIN, -2 * ON_SCREEN_MARGIN)
    on_screen = []
    for left, top, right, bottom in boxes:
        x0, y0 = left - camera.x, top - camera.y
        on_screen.append(view.colliderect(pygame.Rect(x0, y0, max(1.0, right - left), max(1.0, bottom - top))))
    if any(on_screen):
        return None
    points = [(cx - camera.x, cy - camera.y) for cx, cy in map(centre, boxes)]
    return min(points, key=lambda p: math.hypot(p[0] - w / 2, p[1] - h / 2))


def draw_objective_marker(surface: pygame.Surface, camera, boxes: list[Box], palette: str = "default") -> bool:
    """The marker toward the objective's nearest place when none is on screen; whether it drew."""
    target = marker_target(surface.get_size(), camera, boxes)
    if target is None:
        return False
    colours = WAYFINDING_PALETTES[palette]
    x, y, angle = edge_point(surface.get_size(), *target, margin=MARKER_MARGIN)
    draw_marker_shape(surface, diamond(x, y), colours["objective"], colours["ink"])
    pygame.draw.polygon(surface, colours["ink"], diamond(x, y, DIAMOND // 2))  # a diamond in a diamond
    pygame.draw.circle(surface, colours["objective"], (round(x), round(y)), 2)
    ahead = DIAMOND + 11  # the arrowhead stands clear of the diamond, toward the objective
    draw_marker_shape(surface, arrow_head(x + math.cos(angle) * ahead, y + math.sin(angle) * ahead, angle, 13),
                      colours["objective"], colours["ink"])
    return True
