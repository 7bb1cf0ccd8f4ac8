"""The pause menu's map of the level: the level's own pre-rendered picture (light baked in, as in
play) scaled down to fit, what Jesse has not seen yet dimmed, and signs for Jesse (a circle with a
nose), the current objective (a diamond, with its words) and the exit once he knows it (a square:
seen, or the objective now). Every sign is a shape as well as a colour, in the player's palette,
and a legend under the map names them.

The scaled picture is made once (again only when a light is switched); a pause adds the fog and the
signs onto a copy once, and the pause screen just blits the result.
"""

from __future__ import annotations

import math

import numpy as np
import pygame

from .assets import Assets
from .hud import DIM, draw_panel, draw_text, rendered_text
from .objective_marker import WAYFINDING_PALETTES, centre, diamond, places

MAP_SIZE = (800, 560)  # the largest the map is drawn, in canvas px
LEGEND_H = 34  # px under the map for the legend
LABEL_SIZE = 20
JESSE_R = 7
MAP_GAMMA = 0.6  # the darks lifted, the lights kept: a night level read as a map
LIFT = np.round(255 * (np.arange(256) / 255) ** MAP_GAMMA).astype(np.uint8)
EXIT_HALF = 7


class LevelMap:
    def __init__(self, size: tuple[int, int] = MAP_SIZE):
        self.size = size
        self._base: tuple | None = None  # (the picture it was made from, its lights and size, the scaled map)

    def base(self, view) -> pygame.Surface:
        """The LevelView's picture scaled to fit `size`, made again only when its lights changed
        (or the view is another: a designer's live reload)."""
        picture = view.map_surface
        key = (view.lights_off, self.size)
        if self._base is None or self._base[0] is not picture or self._base[1] != key:
            s = min(self.size[0] / picture.get_width(), self.size[1] / picture.get_height())
            scaled = pygame.transform.smoothscale(picture, (max(1, round(picture.get_width() * s)),
                                                            max(1, round(picture.get_height() * s))))
            rgb = pygame.surfarray.pixels3d(scaled)  # lifted out of the night, to be read as a map
            rgb[...] = LIFT[rgb]
            del rgb  # unlocks the surface
            self._base = (picture, key, scaled)
        return self._base[2]

    def picture(self, view, world, explored, objective=None, palette: str = "default") -> pygame.Surface:
        """The map with fog and signs, and the legend under it. `objective`: the chapter's current
        objective (its id and words), or None."""
        colours = WAYFINDING_PALETTES[palette]
        base = self.base(view)
        mw, mh = base.get_size()
        out = pygame.Surface((mw, mh + LEGEND_H), pygame.SRCALPHA)
        out.blit(base, (0, 0))
        grid = world.grid
        known = explored.mask(grid)
        out.blit(self._fog(known, (mw, mh), colours["fog"]), (0, 0))
        s = mw / world.level.pixel_size[0]
        goals = places(world, objective.id) if objective is not None else []
        exits = [e.bounds for e in world.objectives.exits]
        for box in exits:
            if box not in goals and explored.knows(grid, box):
                self._exit(out, box, s, colours)
        for box in goals:
            self._goal(out, box, s, colours)
        player = world.player
        self._jesse(out, player.x * s, player.y * s, player.facing, colours)
        if goals and objective is not None:
            nearest = min(goals, key=lambda b: math.dist(centre(b), (player.x, player.y)))
            self._label(out, objective.text, centre(nearest), s, colours)
        pygame.draw.rect(out, (70, 80, 100), (0, 0, mw, mh), 1)
        self._legend(out, mh, colours)
        return out

    @staticmethod
    def _fog(known: np.ndarray, size: tuple[int, int], fog) -> pygame.Surface:
        """A veil over the cells not known, its edges soft (a cell's mask scaled up smoothly)."""
        rows, cols = known.shape
        cells = pygame.Surface((cols, rows), pygame.SRCALPHA)
        cells.fill(fog)
        alpha = pygame.surfarray.pixels_alpha(cells)
        alpha[known.T] = 0
        del alpha  # unlocks the surface
        return pygame.transform.smoothscale(cells, size)

    @staticmethod
    def _jesse(out, x: float, y: float, facing: float, colours) -> None:
        nose = [(x + math.cos(facing + t) * r, y + math.sin(facing + t) * r)
                for t, r in ((0.0, JESSE_R + 7), (0.7, JESSE_R - 1), (-0.7, JESSE_R - 1))]
        pygame.draw.polygon(out, colours["ink"], nose)
        pygame.draw.circle(out, colours["ink"], (round(x), round(y)), JESSE_R + 2)
        pygame.draw.circle(out, colours["jesse"], (round(x), round(y)), JESSE_R)

    @staticmethod
    def _goal(out, box, s: float, colours) -> None:
        left, top, right, bottom = (v * s for v in box)
        if right - left >= 4 or bottom - top >= 4:  # a zone: its extent too
            rect = pygame.Rect(round(left), round(top), max(2, round(right - left)), max(2, round(bottom - top)))
            pygame.draw.rect(out, colours["ink"], rect.inflate(4, 4), 2)
            pygame.draw.rect(out, colours["objective"], rect, 2)
        x, y = (left + right) / 2, (top + bottom) / 2
        pygame.draw.polygon(out, colours["ink"], diamond(x, y, 11))
        pygame.draw.polygon(out, colours["objective"], diamond(x, y, 8))
        pygame.draw.circle(out, colours["ink"], (round(x), round(y)), 2)

    @staticmethod
    def _exit(out, box, s: float, colours) -> None:
        x, y = centre(tuple(v * s for v in box))
        rect = pygame.Rect(0, 0, 2 * EXIT_HALF, 2 * EXIT_HALF)
        rect.center = (round(x), round(y))
        pygame.draw.rect(out, colours["ink"], rect.inflate(4, 4))
        pygame.draw.rect(out, colours["exit"], rect)
        doorway = pygame.Rect(0, 0, EXIT_HALF, EXIT_HALF + 3)  # a way out cut in its foot
        doorway.midbottom = rect.midbottom
        pygame.draw.rect(out, colours["ink"], doorway)

    @staticmethod
    def _label(out, text: str, at, s: float, colours) -> None:
        """The objective's words beside its sign, on a dark plate, kept inside the map."""
        font = Assets.font(LABEL_SIZE)
        image = rendered_text(font, text, colours["objective"])
        x, y = at[0] * s, at[1] * s
        plate = image.get_rect().inflate(12, 6)
        plate.midleft = (round(x) + 16, round(y))
        if plate.right > out.get_width() - 4:  # no room on the right: on the left
            plate.midright = (round(x) - 16, round(y))
        plate.clamp_ip(pygame.Rect(2, 2, out.get_width() - 4, out.get_height() - LEGEND_H - 4))
        draw_panel(out, plate, (*colours["ink"], 225))
        out.blit(image, image.get_rect(center=plate.center))

    @staticmethod
    def _legend(out, top: int, colours) -> None:
        """The signs and what they mean, in a row under the map."""
        draw_panel(out, pygame.Rect(0, top, out.get_width(), LEGEND_H), (6, 8, 14, 230))
        y = top + LEGEND_H // 2
        x = 8
        for sign, words in (("jesse", "Jesse"), ("objective", "Objective"), ("exit", "Exit"), ("fog", "Not seen yet")):
            if sign == "jesse":
                LevelMap._jesse(out, x + 8, y, 0.0, colours)
            elif sign == "objective":
                pygame.draw.polygon(out, colours["ink"], diamond(x + 9, y, 11))
                pygame.draw.polygon(out, colours["objective"], diamond(x + 9, y, 8))
            elif sign == "exit":
                LevelMap._exit(out, (x + 9, y, x + 9, y), 1.0, colours)
            else:
                swatch = pygame.Rect(x, y - 8, 20, 16)
                pygame.draw.rect(out, (70, 80, 100), swatch)
                draw_panel(out, swatch.inflate(-4, -4), colours["fog"])
            rect = draw_text(out, words, (x + 26, y), 20, DIM, anchor="midleft")
            x = rect.right + 26
