"""Jesse's body and the walls, in a pymunk space.

Only Jesse is a physical body: guards walk on paths planned on the nav grid,
so they never need collision. Jesse's wanted velocity is applied inside the
body's velocity function, during pymunk's step, where the contact solver sees
it (setting `body.velocity` before `step()` lets a sprinting body sink into
walls). Pymunk only notices a contact once shapes overlap, so a fast body
would still dip a pixel or two into a wall on the tick it arrives; to stop
that, the velocity function first sweeps Jesse's circle along this tick's
motion and removes the part of the velocity that would carry him past the
first wall he touches, keeping the part that slides along it. The same lag
means a door closing right in front of him (his velocity, checked against the
walls of the last step, is the one pymunk moves him by next) would let him dip
into it: adding a box therefore sweeps his current velocity against it too.

Speed: pymunk calls a Python velocity function through a C callback, which
costs more than the whole step. So `step()` leaves pymunk's own (C) velocity
update in place whenever ours would change nothing: the body already moves at
the wanted velocity (standing still, or going straight on) and no wall is near
enough for the sweep to find. pymunk integrates the position before it calls
the velocity function, so the velocity Jesse has on entering `step()` is the
one that moves him; when it already equals the wanted one, the built-in update
(v * damping + gravity * dt, with damping 1 and no gravity) leaves it exactly as
ours would set it, and the result is the same to the last bit. A small grid of
the cells that static boxes cover answers "is a wall near?" without asking pymunk,
and the body's position (and, while no wall is near, its velocity) is read from
pymunk once a step and kept.
"""

from __future__ import annotations

import math

import pymunk

from .level import Level
from .shapes import touched_cells
from .tuning import DT

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
        self._dt = DT  # the last step's dt

        width, height = level.pixel_size
        boxes = list(level.walls) + [
            (-BORDER, -BORDER, width + 2 * BORDER, BORDER),
            (-BORDER, height, width + 2 * BORDER, BORDER),
            (-BORDER, 0.0, BORDER, height),
            (width, 0.0, BORDER, height),
        ]
        for x, y, w, h in boxes:
            self.space.add(self._box(x, y, w, h))
        for piece in level.shapes:  # collision shapes inside tiles: convex polygons, or rails
            if len(piece) == 2:
                shape = pymunk.Segment(self.space.static_body, piece[0], piece[1], 0.0)
            else:
                shape = pymunk.Poly(self.space.static_body, list(piece))
            shape.friction = 0.0
            self.space.add(shape)
        self._extra: dict[int, pymunk.Shape] = {}  # boxes that come and go (closed doors)

        # Cells any static shape touches (1) or not (0), row-major: walls are whole solid cells,
        # a collision piece marks the cells its box touches, a door's box every cell it touches.
        # Outside the map counts as covered.
        self.tile = level.tile
        self.cols, self.rows = level.cols, level.rows
        self._wall_cells = bytearray(level.solid.astype("uint8").tobytes())
        for piece in level.shapes:
            for c, r in touched_cells(piece, self.tile, self.cols, self.rows):
                self._wall_cells[r * self.cols + c] = 1
        self._covered = bytearray(self._wall_cells)
        self._extra_cells: dict[int, list[int]] = {}

        self.body = pymunk.Body(1.0, float("inf"))
        self.body.position = spawn
        self.body.velocity_func = self._apply_wanted_velocity
        self.shape = pymunk.Circle(self.body, radius)
        self.shape.friction = 0.0
        self.shape.elasticity = 0.0
        # Jesse's own group: sweeps and queries with this filter skip his shape.
        self.shape.filter = self._others = pymunk.ShapeFilter(group=1)
        self.space.add(self.body, self.shape)
        self._ours = True  # whether the body's velocity function is ours right now
        # The body's position and velocity as of the last step (velocity None: unknown, read it);
        # only step(), teleport() and a new box change them.
        self._position, self._velocity = self._read(self.body.position), None

    def _box(self, x: float, y: float, w: float, h: float) -> pymunk.Poly:
        shape = pymunk.Poly(self.space.static_body, [(x, y), (x + w, y), (x + w, y + h), (x, y + h)])
        shape.friction = 0.0
        return shape

    def add_box(self, key: int, x: float, y: float, w: float, h: float) -> None:
        if key not in self._extra:
            self._extra[key] = self._box(x, y, w, h)
            self.space.add(self._extra[key])
            t, cols, rows = self.tile, self.cols, self.rows
            c0, c1 = max(int(x // t), 0), min(int((x + w) // t), cols - 1)
            r0, r1 = max(int(y // t), 0), min(int((y + h) // t), rows - 1)
            self._extra_cells[key] = [r * cols + c for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)]
            self._cover()
            self._stop_short()

    def _stop_short(self) -> None:
        """A box just appeared (a door closed): pymunk's next step moves Jesse by the velocity he
        has now before it finds any contact, so that velocity must not carry him into the box."""
        body = self.body
        v = body.velocity
        if v.x != 0.0 or v.y != 0.0:
            body.velocity = self._stop_at_walls(body.position, (v.x, v.y), self._dt)
            self._velocity = None  # read it again before the next step

    def remove_box(self, key: int) -> None:
        shape = self._extra.pop(key, None)
        if shape is not None:
            self.space.remove(shape)
            del self._extra_cells[key]
            self._cover()

    def _cover(self) -> None:
        covered = bytearray(self._wall_cells)
        for cells in self._extra_cells.values():
            for i in cells:
                covered[i] = 1
        self._covered = covered

    def _clear_around(self, x: float, y: float, margin: float) -> bool:
        """No static box touches the square of half-size `margin` around (x, y) (conservative:
        whole cells are tested, and the square must lie inside the map)."""
        t, cols = self.tile, self.cols
        c0, c1 = int((x - margin) // t), int((x + margin) // t)
        r0, r1 = int((y - margin) // t), int((y + margin) // t)
        if c0 < 0 or r0 < 0 or c1 >= cols or r1 >= self.rows:
            return False
        covered = self._covered
        for i in range(r0 * cols, r1 * cols + 1, cols):
            if covered.find(1, i + c0, i + c1 + 1) >= 0:
                return False
        return True

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
        """The velocity Jesse wants this tick (px/s). A non-finite one (a NaN or infinite input)
        counts as standing still: it would wreck the body's state for good."""
        if vx - vx != 0.0 or vy - vy != 0.0:  # NaN or +-inf
            vx = vy = 0.0
        self._wanted = (vx, vy)

    def teleport(self, x: float, y: float) -> None:
        self.body.position = (x, y)
        self.body.velocity = (0.0, 0.0)
        self._wanted = (0.0, 0.0)
        self.space.reindex_shapes_for_body(self.body)
        self._position, self._velocity = self._read(self.body.position), (0.0, 0.0)

    def play_state(self) -> dict:
        """Jesse's body is pymunk's: its position and velocity are the play state."""
        return {"position": self.position, "velocity": self.velocity}

    def set_play_state(self, state: dict) -> None:
        self.restore_motion(*state["position"], state["velocity"])

    def restore_motion(self, x: float, y: float, velocity: tuple[float, float]) -> None:
        """Back where a snapshot had him, moving as he was then: pymunk moves a body by the velocity
        it has when a step begins, so a restored Jesse standing still would lag one tick behind."""
        self.teleport(x, y)
        self.body.velocity = velocity
        self._velocity = None  # read it again before the next step

    @property
    def velocity(self) -> tuple[float, float]:
        return self._read(self.body.velocity)

    @staticmethod
    def _read(v) -> tuple[float, float]:
        return (v.x, v.y)

    def step(self, dt: float) -> None:
        body = self.body
        vx, vy = self._wanted
        v = self._velocity
        if v is None:
            v = self._read(body.velocity)
        # Ours would set the velocity it already has: no wanted change, and either standing
        # still (the sweep returns zero at once) or no wall within reach of this tick's sweep
        # (which starts where pymunk's position update puts him: p + v * dt; his last step
        # touched no wall either, so there is no bias velocity from the solver).
        clear = False
        if v[0] == vx and v[1] == vy:
            if vx == 0.0 and vy == 0.0:
                same = True
            else:
                same = clear = self._clear_around(*self._position, self.radius + 2.0 + 2.0 * max(abs(vx), abs(vy)) * dt)
        else:
            same = False
        if same == self._ours:
            body.velocity_func = pymunk.Body.update_velocity if same else self._apply_wanted_velocity
            self._ours = not same
        self._dt = dt
        self.space.step(dt)
        self._position = self._read(body.position)
        # With no wall in reach nothing changed the velocity in the step; otherwise contacts may
        # have (even standing still against a wall): read it again next time.
        self._velocity = v if clear else None

    @property
    def position(self) -> tuple[float, float]:
        return self._position
