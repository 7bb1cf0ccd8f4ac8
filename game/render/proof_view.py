"""What `--watch` shows of the prover: its verdict in a corner, and on request the proven route as
a ghost path and the guards' vision heatmap over the level (see scenes/live_reload.py)."""

from __future__ import annotations

import pygame

from ..story.dialogue import wrap
from .hud import draw_panel, draw_text

PROVEN_COLOUR = (150, 230, 160)
NOT_PROVEN_COLOUR = (255, 150, 130)
WORKING_COLOUR = (230, 210, 150)
ROUTE_COLOUR = (150, 230, 255, 170)
HEAT_COLOUR = (255, 70, 40)
HEAT_MOST = 110
DETAIL_CHARS = 60  # the reason, in at most two lines of this many characters  # alpha of a tile seen the whole cycle


class ProofView:
    def __init__(self):
        self._heat: tuple[int, pygame.Surface] | None = None  # (id of the heat it was made from, the map-sized picture)

    def draw_under(self, surface, camera, companion, tile: int) -> None:
        """Over the floor, under the people: the heatmap, then the ghost route."""
        proof = companion.proof
        if proof is None:
            return
        if companion.show_heat and proof.heat:
            heat = self._heat_picture(proof.heat, tile)
            surface.blit(heat, (-round(camera.x), -round(camera.y)))
        if companion.show_route and len(proof.path) > 1:
            points = [camera.to_screen(x, y) for x, y in proof.path]
            layer = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
            pygame.draw.lines(layer, ROUTE_COLOUR, False, points, 4)
            for point in points[:: max(1, len(points) // 40)]:
                pygame.draw.circle(layer, ROUTE_COLOUR, point, 4)
            surface.blit(layer, (0, 0))

    def _heat_picture(self, heat: list[list[float]], tile: int) -> pygame.Surface:
        if self._heat is None or self._heat[0] != id(heat):
            rows, cols = len(heat), len(heat[0]) if heat else 0
            picture = pygame.Surface((cols * tile, rows * tile), pygame.SRCALPHA)
            for r, row in enumerate(heat):
                for c, share in enumerate(row):
                    if share > 0:
                        picture.fill((*HEAT_COLOUR, round(HEAT_MOST * min(1.0, share))), (c * tile, r * tile, tile, tile))
            self._heat = (id(heat), picture)
        return self._heat[1]

    def draw_reload_error(self, surface, problem: str) -> int:
        """Under the HUD's bar: the save that could not be loaded, and why (the last good map plays
        on). Returns the panel's bottom."""
        w, _ = surface.get_size()
        box = pygame.Rect(0, 36, w, 64)
        draw_panel(surface, box, (90, 10, 10, 220))
        draw_text(surface, "Map not reloaded (still playing the last good one):", (16, 42), 22, (255, 220, 210))
        draw_text(surface, problem[:150], (16, 68), 22, (255, 255, 255))
        return box.bottom

    def draw_verdict(self, surface, companion, top: int = 40) -> None:
        """Top right, under the HUD's bar: PROVEN (and the route's time), NOT PROVEN and why, or
        that the proof is being worked out; and the two keys."""
        w, _ = surface.get_size()
        proof = companion.proof
        if proof is None:
            head, colour, detail = f"PROVING…  {companion.waiting_seconds:.0f} s", WORKING_COLOUR, "the new save, in the background"
        elif proof.proven:
            head, colour = "PROVEN", PROVEN_COLOUR
            detail = f"an unseen route of {proof.route_seconds:g} s (proved in {proof.took:g} s)"
        else:
            head, colour, detail = "NOT PROVEN", NOT_PROVEN_COLOUR, proof.reason
        lines = wrap(detail, DETAIL_CHARS)
        if len(lines) > 2:
            lines = [lines[0], lines[1][:DETAIL_CHARS - 1] + "…"]
        box = pygame.Rect(w - 560, top, 546, 64 + 22 * len(lines))
        draw_panel(surface, box, (8, 10, 18, 215))
        draw_text(surface, head, (box.left + 12, box.top + 6), 30, colour)
        for i, line in enumerate(lines):
            draw_text(surface, line, (box.left + 12, box.top + 38 + 22 * i), 20, (220, 222, 228))
        keys = f"G route {'on' if companion.show_route else 'off'}    H heatmap {'on' if companion.show_heat else 'off'}"
        draw_text(surface, keys, (box.left + 12, box.bottom - 24), 18, (160, 168, 184))
