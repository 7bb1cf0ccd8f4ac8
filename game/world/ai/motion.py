"""Moving a guard: along a path, along his patrol route, turning at a limited rate.

Each function moves one guard by one tick and reports what happened, so the
brain decides and motion only carries it out.
"""

from __future__ import annotations

import math

from ..actors import Guard

_TWO_PI = 2.0 * math.pi
_PI = math.pi
_atan2, _hypot, _copysign = math.atan2, math.hypot, math.copysign  # patrol_step's hot loop


def turn_toward(current: float, target: float, max_step: float) -> float:
    diff = (target - current + math.pi) % _TWO_PI - math.pi
    if abs(diff) <= max_step:
        return target % _TWO_PI
    return (current + math.copysign(max_step, diff)) % _TWO_PI


def step_along_path(guard: Guard, step: float, max_turn: float, blocked=None, room=None, body: float = 0.0) -> bool:
    """Walk `step` px along `guard.path`; True once the path is used up. `room(x, y)` moves a
    step that would take his body into a wall out of it again, as the physics does for Jesse
    (a path cut close past a corner, a corner of a doorway taken from an angle). A path planned
    through a shut door meets it at his body's front (`body` px ahead): there he stops, and
    the world lets him open it."""
    while guard.path and step > 0.0:
        tx, ty = guard.path[0]
        dx, dy = tx - guard.x, ty - guard.y
        d = math.hypot(dx, dy)
        if d > 1e-6:
            guard.facing = turn_toward(guard.facing, math.atan2(dy, dx), max_turn)
        nx, ny = (tx, ty) if d <= step else (guard.x + dx / d * step, guard.y + dy / d * step)
        if blocked is not None and blocked(nx, ny):
            guard.blocked_at = (nx, ny)  # a door shut in his way: the world lets him open it
            return False
        if blocked is not None and body > 0.0 and d > body:
            ax, ay = guard.x + dx / d * body * 1.5, guard.y + dy / d * body * 1.5
            if blocked(ax, ay):  # the way to the next point runs into it: only a door planned through
                guard.blocked_at = (ax, ay)
                return False
        if room is not None and d > step:
            nx, ny = room(nx, ny)
        guard.x, guard.y = nx, ny
        if d <= step:
            guard.path.pop(0)
            step -= d
        else:
            step = 0.0
    return not guard.path


def look_around(guard: Guard, time_in_state: float, amplitude: float, max_turn: float) -> None:
    """Sweep the gaze left and right around `guard.look_base`."""
    target = guard.look_base + amplitude * math.sin(time_in_state * 2.2)
    guard.facing = turn_toward(guard.facing, target, max_turn)


def patrol_step(guard: Guard, step: float, max_turn: float, dt: float, blocked=None) -> bool:
    """Follow the patrol route one tick; True when a route point was just reached."""
    route = guard.route
    if route is None:
        px, py, facing = guard.post
        guard.path = [(px, py)] if math.hypot(px - guard.x, py - guard.y) > 0.5 else []
        if not step_along_path(guard, step, max_turn, blocked):
            return False
        guard.facing = turn_toward(guard.facing, facing, max_turn)
        return False
    # The rest runs for every patrolling guard every tick: turn_toward and step_along_path (on
    # the one-point path [target]) are written out, with the same arithmetic.
    if guard.wait_left > 0.0:
        guard.wait_left -= dt
        nx, ny = route.points[guard.route_index]
        facing, aim, turn = guard.facing, _atan2(ny - guard.y, nx - guard.x), max_turn * 0.5
        diff = (aim - facing + _PI) % _TWO_PI - _PI
        guard.facing = aim % _TWO_PI if abs(diff) <= turn else (facing + _copysign(turn, diff)) % _TWO_PI
        return False
    target = route.points[guard.route_index]
    guard.path = [target]  # what step_along_path leaves there until he arrives
    if step <= 0.0:
        return False
    tx, ty = target
    dx, dy = tx - guard.x, ty - guard.y
    d = _hypot(dx, dy)
    if d > 1e-6:
        facing, aim = guard.facing, _atan2(dy, dx)
        diff = (aim - facing + _PI) % _TWO_PI - _PI
        guard.facing = aim % _TWO_PI if abs(diff) <= max_turn else (facing + _copysign(max_turn, diff)) % _TWO_PI
    if d > step:
        nx, ny = guard.x + dx / d * step, guard.y + dy / d * step
        if blocked is not None and blocked(nx, ny):
            guard.blocked_at = (nx, ny)  # a closed door on his route: he opens it (World)
            return False
        guard.x, guard.y = nx, ny
        return False
    if blocked is not None and blocked(tx, ty):
        guard.blocked_at = (tx, ty)
        return False
    guard.x, guard.y = tx, ty
    guard.path = []
    arrived = guard.route_index
    guard.wait_left = route.waits[arrived]
    n = len(route.points)
    if route.loop:
        guard.route_index = (arrived + 1) % n
    else:
        if not 0 <= arrived + guard.route_dir < n:
            guard.route_dir = -guard.route_dir
        guard.route_index = arrived + guard.route_dir if n > 1 else arrived
    return True
