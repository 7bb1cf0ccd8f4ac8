"""Jesse's body and the walls, in a pymunk space.

Only Jesse is a physical body: guards walk on paths planned on the nav grid,
so they never need collision. Jesse's wanted velocity is applied inside the
body's velocity function, during pymunk's step, where the contact solver sees
it (setting `body.velocity` before `step()` lets a sprinting body sink into
walls). Pymunk only notices a contact once shapes overlap, so a fast body
would still dip a pixel or two into a wall on the tick it arrives; to stop
that, the velocity function first sweeps Jesse's circle along this tick's
motion and removes the part of the velocity that would carry him past the
first wall he touches, keeping the part that slides along it.
"""

from __future__ import annotations

import math

import pymunk

from .level import Level

BORDER = 64.0  # thickness of the invisible walls around the map


class Physics:
    def __init__(self, level: Level, spawn: tuple[float, float], radius: float):
        self.space = pymunk.Space()
        self.space.gravity = (0.0, 0.0)
        # Allowed overlap before the solver pushes back: small, so Jesse visibly
        # touches walls without entering them.
        self.space.collision_slop = 0.05
        self.space.iterations = 10
        self.radius = radius
        self._wanted = (0.0, 0.0)

        width, height = level.pixel_size
        boxes = list(level.walls) + [
            (-BORDER, -BORDER, width + 2 * BORDER, BORDER),
            (-BORDER, height, width + 2 * BORDER, BORDER),
            (-BORDER, 0.0, BORDER, height),
            (width, 0.0, BORDER, height),
        ]
        for x, y, w, h in boxes:
            self.space.add(self._box(x, y, w, h))
        self._extra: dict[int, pymunk.Shape] = {}  # boxes that come and go (closed doors)

        self.body = pymunk.Body(1.0, float("inf"))
        self.body.position = spawn
        self.body.velocity_func = self._apply_wanted_velocity
        self.shape = pymunk.Circle(self.body, radius)
        self.shape.friction = 0.0
        self.shape.elasticity = 0.0
        # Jesse's own group: sweeps and queries with this filter skip his shape.
        self.shape.filter = self._others = pymunk.ShapeFilter(group=1)
        self.space.add(self.body, self.shape)

    def _box(self, x: float, y: float, w: float, h: float) -> pymunk.Poly:
        shape = pymunk.Poly(self.space.static_body, [(x, y), (x + w, y), (x + w, y + h), (x, y + h)])
        shape.friction = 0.0
        return shape

    def add_box(self, key: int, x: float, y: float, w: float, h: float) -> None:
        if key not in self._extra:
            self._extra[key] = self._box(x, y, w, h)
            self.space.add(self._extra[key])

    def remove_box(self, key: int) -> None:
        shape = self._extra.pop(key, None)
        if shape is not None:
            self.space.remove(shape)

    def _apply_wanted_velocity(self, body, gravity, damping, dt):
        # Called by pymunk inside step(); an exception here would be swallowed
        # by the C callback, so this stays simple.
        body.velocity = self._stop_at_walls(body.position, self._wanted, dt)

    def _stop_at_walls(self, pos, velocity, dt):
        vx, vy = velocity
        if vx == 0.0 and vy == 0.0:
            return (0.0, 0.0)
        r = self.radius
        ex, ey = pos.x + vx * dt, pos.y + vy * dt
        # Shapes near the swept circle. (The space's own segment query filters
        # shapes by the thin segment's box, missing walls the circle grazes.)
        box = pymunk.BB(min(pos.x, ex) - r - 1, min(pos.y, ey) - r - 1, max(pos.x, ex) + r + 1, max(pos.y, ey) + r + 1)
        near = self.space.bb_query(box, self._others)
        for _ in range(2):  # a second pass for the other wall of a corner
            if math.hypot(vx, vy) * dt < 1e-9:
                break
            end = (pos.x + vx * dt, pos.y + vy * dt)
            hits = [h for h in (shape.segment_query(pos, end, r) for shape in near) if h is not None]
            changed = False
            for hit in sorted(hits, key=lambda h: h.alpha):
                n = hit.normal
                into = vx * n.x + vy * n.y
                if into >= 0.0:
                    continue
                # Keep the normal motion up to the contact, drop the rest.
                k = 1.0 - hit.alpha
                vx -= k * into * n.x
                vy -= k * into * n.y
                changed = True
            if not changed:
                break
        return (vx, vy)

    def set_velocity(self, vx: float, vy: float) -> None:
        self._wanted = (vx, vy)

    def teleport(self, x: float, y: float) -> None:
        self.body.position = (x, y)
        self.body.velocity = (0.0, 0.0)
        self._wanted = (0.0, 0.0)
        self.space.reindex_shapes_for_body(self.body)

    def step(self, dt: float) -> None:
        self.space.step(dt)

    @property
    def position(self) -> tuple[float, float]:
        p = self.body.position
        return (p.x, p.y)
