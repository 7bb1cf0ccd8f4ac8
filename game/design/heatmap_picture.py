"""The heatmap as a picture for designers: the map's tiles (darkened, unlit), the heat
(transparent where never seen, yellow to red as the share of the cycle grows), a blue
hatch over dark floor, each guard's route with its direction and waits, the guards'
starts, the spawn, items, objectives, exits and hiding spots, and a legend strip.

Needs pygame (set SDL_VIDEODRIVER=dummy to run headless).
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from ..world.kinds import ELLIPSE
from ..world.level import Level
from .heatmap import Heatmap

LEGEND_HEIGHT = 56  # px under the map in the picture, whatever the scale

# ------------------------------------------------------------------ drawing

# Heat colours from "seen a moment" to "seen the whole cycle", with their alpha, along the
# colour scale (see `heat_position`).
HEAT_STOPS = (
    (0.0, (255, 240, 120, 70)),
    (0.3, (255, 200, 40, 130)),
    (0.6, (255, 110, 20, 175)),
    (1.0, (215, 0, 20, 215)),
)
# Most of a patrolled floor is seen a few percent of the cycle: a linear scale would paint it
# all the same pale yellow. The scale is logarithmic-ish, labelled at these fractions.
HEAT_K = 40.0
LEGEND_TICKS = (0.01, 0.05, 0.1, 0.25, 0.5, 1.0)
DARK_HATCH = (100, 160, 255)
MAP_COLOUR = 0.25  # how much of the tiles' own colour the picture keeps
DARK_HEAT_ALPHA = 0.55  # heat over dark floor is fainter: sneaking there is safe
ROUTE_COLOURS = ((70, 215, 255), (255, 100, 235), (235, 235, 255), (175, 140, 255), (0, 170, 255),
                 (255, 160, 200))
SPAWN_COLOUR = (110, 255, 110)
ITEM_COLOUR = (255, 225, 90)
OBJECTIVE_COLOUR = (255, 225, 90)
EXIT_COLOUR = (110, 255, 110)
HIDE_COLOUR = (170, 205, 255)
DOOR_COLOUR = (215, 180, 130)


def heat_position(frac):
    """Where a fraction 0..1 of the cycle falls on the colour scale, 0..1 (log-like)."""
    frac = np.clip(np.asarray(frac, dtype=np.float32), 0.0, 1.0)
    return np.log1p(HEAT_K * frac) / np.log1p(HEAT_K)


def heat_rgba(frac: np.ndarray) -> np.ndarray:
    """Fractions 0..1 to RGBA (uint8, last axis); 0 is fully transparent."""
    frac = np.asarray(frac, dtype=np.float32)
    pos = heat_position(frac)
    xs = np.array([s[0] for s in HEAT_STOPS], dtype=np.float32)
    out = np.empty(frac.shape + (4,), dtype=np.float32)
    for ch in range(4):
        out[..., ch] = np.interp(pos, xs, np.array([s[1][ch] for s in HEAT_STOPS], dtype=np.float32))
    out[..., 3] = np.where(frac > 0, out[..., 3], 0)
    return np.clip(out + 0.5, 0, 255).astype(np.uint8)


def _rgba_surface(rgba: np.ndarray):
    """(rows, cols, 4) uint8 to a pygame SRCALPHA surface (cols x rows)."""
    import pygame

    rows, cols = rgba.shape[:2]
    surface = pygame.Surface((cols, rows), pygame.SRCALPHA)
    pygame.surfarray.pixels3d(surface)[...] = rgba[..., :3].transpose(1, 0, 2)
    pygame.surfarray.pixels_alpha(surface)[...] = rgba[..., 3].T
    return surface


def _map_surface(level: Level):
    """The tile layers, unlit, exactly as the game pre-renders them."""
    from ..render.level_view import draw_tiles

    return draw_tiles(level)


def _base_picture(hm: Heatmap):
    """Map, heat and dark hatch at 1 px per map px."""
    import pygame

    level = hm.level
    surface = _map_surface(level)
    # Mostly grey, darker and a little cold, so the heat is the only warm colour; walls darker still.
    width, height = level.pixel_size
    rgb = pygame.surfarray.pixels3d(surface)
    lum = rgb @ np.array([0.30, 0.59, 0.11], dtype=np.float32)
    grey = lum[..., None] * np.array([0.50, 0.53, 0.60], dtype=np.float32)
    rgb[...] = np.clip(grey * (1 - MAP_COLOUR) + rgb * (0.55 * MAP_COLOUR), 0, 255).astype(np.uint8)
    del rgb
    walls = np.repeat(np.repeat(~hm.walkable, hm.cell, axis=0), hm.cell, axis=1)[:height, :width]
    shade = np.zeros((height, width, 4), dtype=np.uint8)
    shade[walls] = (0, 0, 0, 110)
    surface.blit(_rgba_surface(shade), (0, 0))

    # Heat: per cell, scaled up smoothly so the 8 px steps do not show; walls stay clear.
    rgba = heat_rgba(hm.seen * hm.walkable)
    rgba[..., 3][hm.dark] = (rgba[..., 3][hm.dark] * DARK_HEAT_ALPHA).astype(np.uint8)  # seen, but safe
    # Colour from the nearest cell, alpha smoothed: soft edges without a false pale fringe.
    heat = pygame.transform.scale(_rgba_surface(rgba), (width, height))
    soft = pygame.transform.smoothscale(_rgba_surface(rgba), (width, height))
    alpha = pygame.surfarray.pixels_alpha(heat)
    alpha[...] = np.minimum(alpha, pygame.surfarray.pixels_alpha(soft) * 1.6).astype(np.uint8)
    alpha[walls.T] = 0
    del alpha
    surface.blit(heat, (0, 0))

    # Dark floor: thin blue diagonal hatch (a sneaking Jesse is not seen there).
    ys, xs = np.mgrid[0:height, 0:width]
    dark_px = np.repeat(np.repeat(hm.dark & hm.walkable, hm.cell, axis=0), hm.cell, axis=1)[:height, :width]
    on = dark_px & (((xs + ys) % 9) < 2)
    hatch = np.zeros((height, width, 4), dtype=np.uint8)
    hatch[on] = (*DARK_HATCH, 190)
    surface.blit(_rgba_surface(hatch), (0, 0))
    return surface


def _arrow(surface, colour, at, angle, size):
    import pygame

    x, y = at
    tip = (x + math.cos(angle) * size, y + math.sin(angle) * size)
    left = (x + math.cos(angle + 2.5) * size, y + math.sin(angle + 2.5) * size)
    right = (x + math.cos(angle - 2.5) * size, y + math.sin(angle - 2.5) * size)
    pygame.draw.polygon(surface, colour, [tip, left, right], 0)
    pygame.draw.polygon(surface, (0, 0, 0), [tip, left, right], 1)


def _star(x: float, y: float, r: float) -> list[tuple[float, float]]:
    """A five-pointed star's outline, point up."""
    return [(x + math.cos(a) * (r if j % 2 == 0 else r * 0.45), y + math.sin(a) * (r if j % 2 == 0 else r * 0.45))
            for j, a in enumerate((np.arange(10) * math.pi / 5 - math.pi / 2).tolist())]


def _text(surface, font, text, pos, colour=(255, 255, 255), anchor="topleft"):
    image = font.render(text, True, colour)
    shadow = font.render(text, True, (0, 0, 0))
    rect = image.get_rect(**{anchor: (round(pos[0]), round(pos[1]))})
    rect.clamp_ip(surface.get_rect().inflate(-2, -2))  # never cut off at the picture's edge
    for dx, dy in ((1, 1), (-1, 1), (1, -1), (-1, -1), (0, 2)):
        surface.blit(shadow, rect.move(dx, dy))
    surface.blit(image, rect)
    return rect


def _route_arrows(surface, colour, a, b, size, loop):
    """Arrows along one leg, about every 4 tiles' worth of picture: forward ones, and for a route
    walked back and forth, backward ones in a lane beside them (like two-way traffic)."""
    (x0, y0), (x1, y1) = a, b
    length = math.hypot(x1 - x0, y1 - y0)
    if length < size * 3:
        return
    angle = math.atan2(y1 - y0, x1 - x0)
    n = max(1, int(length // (size * 36)))
    nx, ny = -math.sin(angle), math.cos(angle)  # to the right of travel, on screen
    lane = 0 if loop else size * 0.9
    for i in range(n):
        f = (i + 0.5) / n
        x, y = x0 + (x1 - x0) * f, y0 + (y1 - y0) * f
        _arrow(surface, colour, (x + nx * lane, y + ny * lane), angle, size)
        if not loop:
            _arrow(surface, colour, (x - nx * lane, y - ny * lane), angle + math.pi, size)


def render(hm: Heatmap, scale: float = 1.0):
    """The picture: (width * scale) x (height * scale + LEGEND_HEIGHT)."""
    import pygame

    if not pygame.font.get_init():
        pygame.font.init()
    level = hm.level
    width, height = level.pixel_size
    sw, sh = max(1, round(width * scale)), max(1, round(height * scale))
    base = _base_picture(hm)
    if (sw, sh) != (width, height):
        base = pygame.transform.smoothscale(base, (sw, sh))
    out = pygame.Surface((sw, sh + LEGEND_HEIGHT))
    out.fill((16, 18, 24))
    out.blit(base, (0, 0))
    _overlay(out, hm, scale)
    _legend(out, hm, sh)
    return out


def _overlay(out, hm: Heatmap, scale: float) -> None:
    """Routes, guards, spawn and the level's things, drawn over the scaled map."""
    import pygame

    level = hm.level

    def p(x, y):
        return (x * scale, y * scale)

    lw = max(1, round(2 * scale))
    small = pygame.font.Font(None, max(17, round(20 * min(scale, 1.5))))  # "2.5" must not read "25"

    # Zones and things, outlined.
    for obj in level.objects:
        colour = {"HidingSpot": HIDE_COLOUR, "Objective": OBJECTIVE_COLOUR, "Exit": EXIT_COLOUR,
                  "Door": DOOR_COLOUR}.get(obj.kind)
        if colour is None:
            continue
        rect = pygame.Rect(round(obj.x * scale), round(obj.y * scale),
                           max(2, round(obj.width * scale)), max(2, round(obj.height * scale)))
        if obj.shape == ELLIPSE:
            pygame.draw.ellipse(out, (0, 0, 0), rect.inflate(2, 2), lw + 2)
            pygame.draw.ellipse(out, colour, rect, lw)
        else:
            pygame.draw.rect(out, (0, 0, 0), rect.inflate(2, 2), lw + 2)
            pygame.draw.rect(out, colour, rect, lw)
        if obj.kind == "Door":
            label = "door: " + ("open" if obj.props.get("starts_open") else
                                f"locked ({obj.props['locked_by']})" if obj.props.get("locked_by") else "closed")
        else:
            label = {"Exit": "EXIT", "HidingSpot": f"hide: {obj.props.get('kind', 'shadow')}",
                     "Objective": obj.props.get("id", "")}[obj.kind]
        _text(out, small, label, (rect.centerx, rect.top - 2), colour, "midbottom")
    for obj in level.of_kind("Item"):
        x, y = p(obj.x, obj.y)
        r = max(4, round(9 * scale))
        pygame.draw.rect(out, (0, 0, 0), (x - r - 1, y - r - 1, 2 * r + 2, 2 * r + 2), lw + 2)
        pygame.draw.rect(out, ITEM_COLOUR, (x - r, y - r, 2 * r, 2 * r), lw)
        _text(out, small, obj.props.get("label") or obj.props.get("item", "item"), (x, y - r - 2), ITEM_COLOUR,
              "midbottom")

    # Routes: polyline, points (with their waits), arrows for the direction.
    arrow = max(5, round(10 * scale))
    for i, spec in enumerate(level.guards):
        colour = ROUTE_COLOURS[i % len(ROUTE_COLOURS)]
        route = spec.route
        if route is None or len(route.points) < 2:
            continue
        pts = [p(x, y) for x, y in route.points]
        legs = list(zip(pts, pts[1:])) + ([(pts[-1], pts[0])] if route.loop else [])
        for a, b in legs:
            pygame.draw.line(out, (0, 0, 0), a, b, lw + 2)
        for a, b in legs:
            pygame.draw.line(out, colour, a, b, lw)
        for a, b in legs:
            _route_arrows(out, colour, a, b, arrow, route.loop)
        r = max(3, round(5 * scale))
        for (x, y), wait in zip(pts, route.waits):
            pygame.draw.circle(out, (0, 0, 0), (x, y), r + 1)
            pygame.draw.circle(out, colour, (x, y), r)
            if wait > 0:
                _text(out, small, f"wait {wait:g} s", (x + r + 3, y - r - 3), colour, "bottomleft")

    # Guards where they start, facing as they start.
    route_names = {o.id: o.name for o in level.of_kind("PatrolRoute")}
    for i, (spec, facing) in enumerate(zip(level.guards, hm.start_facings)):
        colour = ROUTE_COLOURS[i % len(ROUTE_COLOURS)]
        x, y = p(spec.x, spec.y)
        r = max(5, round(11 * scale))
        tip = (x + math.cos(facing) * r * 2, y + math.sin(facing) * r * 2)
        pygame.draw.line(out, (0, 0, 0), (x, y), tip, lw + 3)
        pygame.draw.line(out, colour, (x, y), tip, lw + 1)
        pygame.draw.circle(out, (0, 0, 0), (x, y), r + 2)
        pygame.draw.circle(out, colour, (x, y), r)
        pygame.draw.circle(out, (0, 0, 0), (x, y), max(2, r // 3))
        name = spec.name or f"guard {spec.id}"
        if spec.route is not None and route_names.get(spec.route.id):
            name += f": {route_names[spec.route.id]}"
        _text(out, small, name, (x, y + r + 3), colour, "midtop")

    # Jesse's spawn: a star.
    x, y = p(*level.spawn)
    r = max(6, round(12 * scale))
    star = _star(x, y, r)
    pygame.draw.polygon(out, SPAWN_COLOUR, star)
    pygame.draw.polygon(out, (0, 0, 0), star, 1)
    _text(out, small, "Jesse", (x, y + r + 2), SPAWN_COLOUR, "midtop")


def _legend(out, hm: Heatmap, top: int) -> None:
    """The strip under the map: colour scale, dark hatch, symbols, and the facts."""
    import pygame

    width = out.get_width()
    font = pygame.font.Font(None, 20)
    pygame.draw.line(out, (70, 75, 90), (0, top), (width, top))
    x0, y = 10, top + 8

    # Colour scale: fraction of the cycle seen, with labelled ticks.
    bar_w = max(120, min(300, width // 3))
    pos = np.linspace(0.0, 1.0, bar_w)
    frac = np.expm1(pos * np.log1p(HEAT_K)) / HEAT_K  # invert heat_position
    bar = pygame.Surface((bar_w, 14))
    bar.fill((84, 88, 100))  # about the grey of the map under the heat
    bar.blit(_rgba_surface(heat_rgba(np.maximum(frac, 1e-4)[None, :].repeat(14, axis=0))), (0, 0))
    out.blit(bar, (x0, y))
    pygame.draw.rect(out, (190, 190, 200), (x0 - 1, y - 1, bar_w + 2, 16), 1)
    tiny = pygame.font.Font(None, 16)
    right = x0 + bar_w + 8
    for f in sorted(LEGEND_TICKS, reverse=True):  # 100% first; skip labels that would collide
        tx = x0 + float(heat_position(f)) * (bar_w - 1)
        label = f"{f * 100:g}%"
        w = tiny.size(label)[0]
        left = tx - w if f == 1.0 else tx - w / 2
        pygame.draw.line(out, (190, 190, 200), (tx, y + 14), (tx, y + 18))
        if left + w + 4 > right:
            continue
        _text(out, tiny, label, (left, y + 19), (210, 210, 220))
        right = left
    x = x0 + bar_w + 16
    _text(out, font, "of the cycle seen", (x, y))

    # The facts, under the caption (shorter when the picture is narrow).
    name = Path(str(hm.level.path)).name
    cycle = f"cycle {hm.cycle_seconds:.1f} s" if hm.cycle_ticks > 1 else "no patrols (static)"
    seen = f"{hm.seen_share() * 100:.0f}%"
    for info in (f"{name}  |  {cycle}  |  {seen} of the floor seen at some time",
                 f"{name} | {cycle} | {seen} seen", f"{cycle} | {seen} seen"):
        if x + font.size(info)[0] <= width - 4:
            break
    _text(out, font, info, (x, y + 20), (235, 235, 240))

    # Keys, left to right while there is room.
    x = max(x + font.size("of the cycle seen")[0], x + font.size(info)[0]) + 28
    keys = [("hatch", "dark: a sneaking Jesse is unseen"), ("route", "patrol route"),
            ("guard", "guard start"), ("spawn", "Jesse"), ("box", "item / objective")]
    for what, text in keys:
        need = 26 + font.size(text)[0] + 22
        if x + need > width:
            break
        cy = y + 7
        if what == "hatch":
            sw = pygame.Surface((22, 14))
            sw.fill((40, 42, 52))
            for i in range(-14, 24, 5):
                pygame.draw.line(sw, DARK_HATCH, (i, 14), (i + 14, 0), 1)
            out.blit(sw, (x, y))
        elif what == "route":
            pygame.draw.line(out, ROUTE_COLOURS[0], (x, cy), (x + 22, cy), 2)
            _arrow(out, ROUTE_COLOURS[0], (x + 11, cy), 0.0, 7)
        elif what == "guard":
            pygame.draw.circle(out, ROUTE_COLOURS[0], (x + 11, cy), 7)
            pygame.draw.circle(out, (0, 0, 0), (x + 11, cy), 2)
        elif what == "spawn":
            pygame.draw.polygon(out, SPAWN_COLOUR, _star(x + 11, cy, 8))
        else:
            pygame.draw.rect(out, ITEM_COLOUR, (x + 4, cy - 7, 14, 14), 2)
        _text(out, font, text, (x + 26, y))
        x += need
