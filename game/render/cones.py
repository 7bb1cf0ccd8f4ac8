"""The guards' vision cones: exactly what each guard can see, clipped by the walls.

Each guard shows three nested shapes, all made of `Grid.fan` rays with the slits
closed (`world/sight.py`: the rule the guards' eyes use, so the cone on screen is
the truth, to a pixel: tests/test_sight.py checks points inside and out against
`sight.sees`, tests/test_render.py the shapes against `sight_polygon`):

- the peripheral zone (wide, short): faintest;
- the focus cone (full range): faint. Sneaking out here barely registers;
- the focus cone cut at half range: stronger. Here even a sneaking Jesse is seen.

Colour AND pattern tell the guard's mood, so the cones read in greyscale too:
calm is a thin solid outline, suspicious a dashed one, alert a thick outline over
diagonal hatching. Every colour and width lives in `PALETTES` (one dict per
palette), so a colour-blind palette is one more entry.

Speed: the three shapes come from one fan of rays (see `ConeRenderer.polygons`);
each cone is drawn once onto its own small SRCALPHA surface (the size of its
bounding box) and cached per guard under (x, y, facing, state, ranges,
grid.version), rounded to a pixel and half a degree; a frame only blits the cones
that can reach the screen. A guard that stands still costs one blit.
"""

from __future__ import annotations

import math

import pygame

from ..world.ai.states import WARY, GuardState
from ..world.sight import SLIT, opened, sight_polygon

# How a guard's state maps onto the three looks.
MOOD = {state: "alert" if state == GuardState.ALERT else "suspicious" if state in WARY else "calm"
        for state in GuardState}

# Per mood: RGBA fills for the three zones, the outline colour, width and style, and the
# hatching (alert only). Styles: "solid", "dashed"; hatch: None or (light RGBA, dark RGBA,
# spacing, width): each stripe is a light line beside a dark one, like hazard tape, so it
# shows over a black floor and over snow alike.
PALETTES: dict[str, dict[str, dict]] = {
    "default": {
        "calm": {
            "peripheral": (190, 215, 255, 18),
            "outer": (200, 225, 255, 26),
            "inner": (210, 232, 255, 58),
            "outline": (215, 235, 255, 150),
            "outline_width": 1,
            "style": "solid",
            "hatch": None,
        },
        "suspicious": {
            "peripheral": (255, 190, 60, 22),
            "outer": (255, 185, 50, 38),
            "inner": (255, 190, 60, 84),
            "outline": (255, 200, 70, 230),
            "outline_width": 2,
            "style": "dashed",
            "hatch": None,
        },
        "alert": {
            "peripheral": (255, 70, 55, 26),
            "outer": (255, 60, 45, 44),
            "inner": (255, 70, 55, 92),
            "outline": (255, 80, 60, 245),
            "outline_width": 4,
            "style": "solid",
            "hatch": ((255, 150, 130, 120), (60, 0, 0, 150), 12, 2),
        },
    },
    # For red-green colour blindness: calm white, suspicious yellow, alert magenta (apart in
    # brightness and hue for every common deficiency), and the outlines still differ.
    "colourblind": {
        "calm": {
            "peripheral": (220, 220, 220, 16),
            "outer": (230, 230, 230, 24),
            "inner": (240, 240, 240, 54),
            "outline": (245, 245, 245, 150),
            "outline_width": 1,
            "style": "solid",
            "hatch": None,
        },
        "suspicious": {
            "peripheral": (240, 228, 66, 22),
            "outer": (240, 228, 66, 38),
            "inner": (240, 228, 66, 84),
            "outline": (250, 238, 80, 235),
            "outline_width": 2,
            "style": "dashed",
            "hatch": None,
        },
        "alert": {
            "peripheral": (220, 60, 200, 26),
            "outer": (220, 60, 200, 44),
            "inner": (230, 70, 210, 92),
            "outline": (240, 90, 225, 245),
            "outline_width": 4,
            "style": "solid",
            "hatch": ((250, 170, 240, 120), (50, 0, 50, 150), 12, 2),
        },
    },
}

# Fills are blended partly like light (BLEND_PREMULTIPLIED: dst = src + dst * (1 - alpha)):
# a fill adds its colour times its alpha times GLOW, and dims what is under it by only COVER
# times its alpha. So a cone lifts the floor toward its colour instead of greying it (a warm
# colour at low alpha over the cold blue night otherwise reads as a muddy shadow, worst over
# snow). Outlines and hatching are plain alpha.
GLOW = 1.5
COVER = 0.5

DEA_TINT = (110, 150, 255)  # the DEA's cones lean steel blue, whatever the palette
DASH_ON = 9  # px of line, then...
DASH_OFF = 7  # ...px of gap, continuing across the polygon's corners
SAG = 0.5  # px: most a cone's arc may stray from the true circle between two rays
POS_STEP = 1.0  # px: cache rounding of the guard's position
FACING_STEP = math.radians(0.5)  # cache rounding of the facing


def mood_of(state: str) -> str:
    return MOOD.get(state, "calm")


def ray_step(radius: float) -> float:
    """Degrees between rays so that the chord between two stays within SAG px of the arc."""
    if radius <= SAG:
        return 10.0
    return min(10.0, max(1.0, math.degrees(2.0 * math.acos(1.0 - SAG / radius))))


def premultiplied(colour, glow: float = 1.0, cover: float = 1.0) -> tuple[int, int, int, int]:
    """An RGBA colour for a surface blitted with BLEND_PREMULTIPLIED (dst = src + dst * (1 - a)).

    glow = cover = 1 is ordinary alpha blending; glow > cover adds light."""
    r, g, b, a = colour
    k = a / 255 * glow
    return min(255, round(r * k)), min(255, round(g * k)), min(255, round(b * k)), round(a * cover)


def dashed_polygon(surface: pygame.Surface, colour, points, width: int, on: float = DASH_ON,
                   off: float = DASH_OFF) -> None:
    """A closed dashed outline; the dash pattern runs on around the corners."""
    n = len(points)
    if n < 2:
        return
    period = on + off
    phase = 0.0  # distance along the pattern where the current segment starts
    for i in range(n):
        x0, y0 = points[i]
        x1, y1 = points[(i + 1) % n]
        dx, dy = x1 - x0, y1 - y0
        length = math.hypot(dx, dy)
        if length <= 1e-9:
            continue
        ux, uy = dx / length, dy / length
        s = 0.0
        while s < length:
            p = phase % period
            if p < on:  # inside a dash: draw to its end or the segment's end
                e = min(length, s + on - p)
                pygame.draw.line(surface, colour, (x0 + ux * s, y0 + uy * s), (x0 + ux * e, y0 + uy * e), width)
            else:
                e = min(length, s + period - p)
            phase += e - s
            s = e


REFINE_STEPS = 4  # bisections where a wall crosses a cut circle: the chord then spans 1/16 of a ray gap


def _crossings(rel: list, dist: list, x: float, y: float, facing: float, radius: float, full: float,
               cast, within: float, outside: float = -1.0) -> list[tuple[float, float]]:
    """Extra rays (angle from the facing, distance) where a wall face crosses the circle of
    `radius` between two rays (one ends short of it, the next goes past), found by bisection,
    so a shape cut at that circle still follows the wall up to it (within a pixel; without
    them it could cut the corner by 5 px). The rays found are cast out to `full` like the
    rest, so every shape can use them. Only for rays within +-`within` of the facing and
    not within +-`outside` (another shape covers that part)."""
    out = []
    probe = radius * 1.001 + 0.01  # only "past the circle or not" matters: short casts suffice
    for i in range(len(rel) - 1):
        a0, d0, a1, d1 = rel[i], dist[i], rel[i + 1], dist[i + 1]
        if (d0 > radius) == (d1 > radius) or d0 <= 0.0 or d1 <= 0.0:
            continue
        if not (-within <= a0 and a1 <= within) or -outside < a0 < outside:
            continue
        lo, dlo, hi, dhi = a0, d0, a1, d1
        for _ in range(REFINE_STEPS):
            mid = (lo + hi) / 2
            dm = cast(x, y, facing + mid, probe)
            if (dm > radius) == (dlo > radius):
                lo, dlo = mid, dm
            else:
                hi, dhi = mid, dm
        out += [(lo, cast(x, y, facing + lo, full)), (hi, cast(x, y, facing + hi, full))]
    return out


def _points(x: float, y: float, rays, radius: float) -> list[tuple[float, float]]:
    """The origin, then each ray's end, cut at `radius` (rays: (distance, cos, sin))."""
    out = [(float(x), float(y))]
    for d, c, s in rays:
        if d > radius:
            d = radius
        out.append((x + d * c, y + d * s))
    return out


class ConeRenderer:
    """Draws every guard's cones; keeps one cached picture per guard."""

    def __init__(self, palette: str = "default"):
        self.set_palette(palette)
        self._cache: dict[object, tuple[tuple, pygame.Surface | None, int, int]] = {}
        self._hatch: dict[tuple, pygame.Surface] = {}

    def set_palette(self, name: str) -> None:
        self.palette_name = name
        self.palette = PALETTES[name]
        self._cache = {}

    # ------------------------------------------------------------------ drawing
    def draw(self, surface: pygame.Surface, camera, world) -> None:
        grid = world.grid
        view = pygame.Rect(math.floor(camera.x), math.floor(camera.y), *surface.get_size())
        seen = set()
        for g in world.guards:
            seen.add(g.id)
            reach = max(g.focus_range, g.peripheral_range) + 8
            if not view.colliderect((g.x - reach, g.y - reach, 2 * reach, 2 * reach)):
                continue  # cannot reach the screen: not even its polygons are computed
            image, left, top = self.cone_image(g, grid)
            if image is not None and view.colliderect((left, top, *image.get_size())):
                surface.blit(image, camera.to_screen(left, top), special_flags=pygame.BLEND_PREMULTIPLIED)
        if len(self._cache) > len(seen):  # guards gone (a new world): forget them
            for gid in [k for k in self._cache if k not in seen]:
                del self._cache[gid]

    def cone_image(self, g, grid) -> tuple[pygame.Surface | None, int, int]:
        """The guard's cone picture and its top-left in world px (cached)."""
        x = round(g.x / POS_STEP) * POS_STEP
        y = round(g.y / POS_STEP) * POS_STEP
        facing = round(g.facing / FACING_STEP) * FACING_STEP
        key = (x, y, facing, g.state, grid.version, g.focus_range, g.focus_half_angle, g.peripheral_range,
               g.peripheral_half_angle)
        hit = self._cache.get(g.id)
        if hit is not None and hit[0] == key:
            return hit[1], hit[2], hit[3]
        image, left, top = self._render(grid, x, y, facing, g)
        self._cache[g.id] = (key, image, left, top)
        return image, left, top

    def polygons(self, grid, x: float, y: float, facing: float, g) -> tuple[list, list, list]:
        """(peripheral, focus, inner half of the focus) sight polygons in world px.

        One fan of rays (`Grid.fan`, as wide as the periphery, at the focus range) gives all
        three: it has a ray at every wall corner in range and along each zone's edges, and
        every point is exact on its ray, so the shapes follow the walls. Extra rays where a
        wall crosses the half-range and peripheral circles keep the cut shapes on the walls
        too. Then the slits are closed (`sight.opened`): the shapes are what the guard sees,
        not what a bare ray threads. Rays are spaced so that an arc between two strays under
        SAG px from the circle (walls are followed exactly whatever the spacing)."""
        fh, fr = g.focus_half_angle, g.focus_range
        ph, pr = g.peripheral_half_angle, g.peripheral_range
        if not (fh < ph < math.pi and pr <= fr):  # unusual senses (periphery narrower or longer)
            return (sight_polygon(grid, x, y, facing, ph, pr, step_deg=ray_step(pr)),
                    sight_polygon(grid, x, y, facing, fh, fr, step_deg=ray_step(fr)),
                    sight_polygon(grid, x, y, facing, fh, fr / 2, step_deg=ray_step(fr / 2)))
        rel, dist = grid.fan(x, y, facing, ph + SLIT, fr, step_deg=ray_step(fr), extra=(-ph, -fh, fh, ph),
                             shoulder=SLIT)
        rel = rel.tolist()
        cast = grid.cast_ray
        extra = (_crossings(rel, dist, x, y, facing, fr / 2, fr, cast, within=fh)
                 + _crossings(rel, dist, x, y, facing, pr, fr, cast, within=ph, outside=fh))
        if extra:
            rays = sorted(set(zip(rel, dist)) | set(extra))
            rel, dist = [r[0] for r in rays], [r[1] for r in rays]
        cos, sin = math.cos, math.sin
        focus_rays, side_rays = [], []
        for r, d in zip(rel, opened(rel, dist).tolist()):
            if -ph <= r <= ph:
                ray = (d, cos(facing + r), sin(facing + r))
                side_rays.append(ray)
                if -fh <= r <= fh:
                    focus_rays.append(ray)
        return (_points(x, y, side_rays, pr), _points(x, y, focus_rays, fr),
                _points(x, y, focus_rays, fr / 2))

    def _style(self, g) -> dict:
        """The look for a guard's mood; the DEA's cones are steel blue, and dotted when calm."""
        style = self.palette[mood_of(g.state)]
        if getattr(g, "flashlight", False):
            # A flashlight's beam: the focus cone glows warm, brighter near the guard.
            style = dict(style, outer=(255, 232, 160, 46), inner=(255, 236, 175, 96))
        if getattr(g, "faction", "crew") != "dea":
            return style

        def tint(colour):
            r, gr, b, *a = colour
            return (round(r * 0.4 + DEA_TINT[0] * 0.6), round(gr * 0.4 + DEA_TINT[1] * 0.6),
                    round(b * 0.4 + DEA_TINT[2] * 0.6), *a)

        dea = {k: tint(v) if k in ("peripheral", "outer", "inner", "outline") else v for k, v in style.items()}
        if dea["style"] == "solid" and dea["hatch"] is None:
            dea["style"] = "dotted"
        return dea

    def _render(self, grid, x: float, y: float, facing: float, g):
        style = self._style(g)
        peripheral, focus, inner = self.polygons(grid, x, y, facing, g)
        pad = style["outline_width"] + 2
        xs = [p[0] for p in focus] + [p[0] for p in peripheral]
        ys = [p[1] for p in focus] + [p[1] for p in peripheral]
        left, top = math.floor(min(xs)) - pad, math.floor(min(ys)) - pad
        w, h = math.ceil(max(xs)) + pad - left, math.ceil(max(ys)) + pad - top
        if w <= 2 * pad or h <= 2 * pad:
            return None, left, top
        image = pygame.Surface((w, h), pygame.SRCALPHA)

        def local(points):
            return [(px - left, py - top) for px, py in points]

        lf, li, lp = local(focus), local(inner), local(peripheral)
        # pygame.draw writes pixels (no blending): each later fill replaces the one below.
        # The image holds premultiplied colours (see GLOW and COVER).
        if len(lp) >= 3:
            pygame.draw.polygon(image, premultiplied(style["peripheral"], GLOW, COVER), lp)
        if len(lf) >= 3:
            pygame.draw.polygon(image, premultiplied(style["outer"], GLOW, COVER), lf)
        if len(li) >= 3:
            pygame.draw.polygon(image, premultiplied(style["inner"], GLOW, COVER), li)
        if style["hatch"] is not None and len(lf) >= 3:
            self._hatch_into(image, lf, left, top, *style["hatch"])
        if len(lf) >= 3:
            width = style["outline_width"]
            outline = premultiplied(style["outline"])
            if style["style"] == "dashed":
                dashed_polygon(image, outline, lf, width)
            elif style["style"] == "dotted":
                dashed_polygon(image, outline, lf, width + 1, on=3, off=6)
            else:
                pygame.draw.polygon(image, outline, lf, width)
        return image, left, top

    # ------------------------------------------------------------------ hatching
    def _pattern(self, light, dark, spacing: int, width: int, w: int, h: int) -> pygame.Surface:
        """Diagonal stripes ("/") at least w x h, tiling every `spacing` px both ways."""
        key = (light, dark, spacing, width)
        pattern = self._hatch.get(key)
        if pattern is None or pattern.get_width() < w or pattern.get_height() < h:
            size = max(w, h, 256 if pattern is None else max(pattern.get_size()))
            size = (size + spacing - 1) // spacing * spacing
            pattern = pygame.Surface((size, size), pygame.SRCALPHA)
            for k in range(0, 2 * size + spacing, spacing):
                pygame.draw.line(pattern, premultiplied(light), (k, 0), (k - size, size), width)
                pygame.draw.line(pattern, premultiplied(dark), (k + width, 0), (k + width - size, size), width)
            self._hatch[key] = pattern
        return pattern

    def _hatch_into(self, image: pygame.Surface, points, left: int, top: int, light, dark, spacing: int,
                    width: int) -> None:
        """Hatching anchored to the map (it does not swim as the guard moves), clipped to the polygon."""
        w, h = image.get_size()
        pattern = self._pattern(light, dark, spacing, width, w + spacing, h + spacing)
        layer = pygame.Surface((w, h), pygame.SRCALPHA)
        pygame.draw.polygon(layer, (255, 255, 255, 255), points)
        # The shape is opaque white: multiplying by the pattern keeps the stripes inside it only.
        # Stripes lie on x + y = k * spacing in map pixels whatever the cone's position.
        layer.blit(pattern, (0, 0), pygame.Rect((left + top) % spacing, 0, w, h), special_flags=pygame.BLEND_RGBA_MULT)
        image.blit(layer, (0, 0), special_flags=pygame.BLEND_PREMULTIPLIED)
