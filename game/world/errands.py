"""What the crew does with the things around them, each tick: a shut door in a guard's way
(he opens it, or calls in a locked one), the doors in his view (one found open that he saw shut
he checks), a light switch Jesse flicks (the guards who see it go dark come, the nearest puts it
back on), a noise maker going off (the nearest who hear it come, the first there shuts it off).

Functions of the `World` (they read its parts and add its events); `world.py` calls them in
the tick's order.
"""

from __future__ import annotations

import math

from .actors import Guard
from .ai.states import CALM, GuardState
from .events import EventType, event
from .sight import sees
from .tuning import DT
from .zones import contains


def guards_at_doors(world, events: list[dict]) -> None:
    """A guard whose way a shut door blocks opens it after a moment (a noise, and it stays open
    until someone shuts it); a locked one (unless the map gave him its key) he calls in."""
    t, tick = world.tuning, world.tick
    for guard in world.guards:
        at = guard.blocked_at
        if at is None:
            continue
        guard.blocked_at = None  # his motion says so again next tick if he is still held
        if guard.blocked_last != tick - 1:
            guard.blocked_since = tick
        guard.blocked_last = tick
        held = (tick - guard.blocked_since + 1) * DT
        if held < t.door_open_time:
            continue
        door = world.doors.at(*at)
        if door is None or door.open:
            continue
        if door.locked_by and door.locked_by not in guard.senses.keys:
            if held >= t.door_give_up and guard.found_locked != door.id:
                world.brain.door_locked(guard, door.id, door.center)
            continue
        world.doors.toggle(door, world.physics.radius, world.player.x, world.player.y)
        door.by_guard = True
        guard.doors_seen[door.id] = True
        guard.blocked_last = -2
        events.append(event(world.tick, EventType.DOOR, door=door.id, open=True, by=guard.id))
        noise = world.noise_at(*door.center, t.noise_door, "door")
        world.noises.append(noise)
        world.spread(noise, events, made_by=guard)


def guards_watch_doors(world) -> None:
    """A guard on his rounds remembers each door in his view as he sees it; one he saw shut
    and now sees open, that none of the crew opened, he goes to check. Looking again at a
    door as he remembers it changes nothing, so only the others are looked at."""
    zone, grid = world.perception.zone, world.grid
    for guard in world.guards:
        if guard.state not in CALM:
            continue
        reach, seen, gx, gy = guard.focus_range, guard.doors_seen, guard.x, guard.y
        for door, oid, x0, y0, x1, y1 in world.door_boxes:
            # The point of the door nearest him, a pixel out of it on his side: what he sees
            # of it, shut (its cells are opaque then) or open.
            nx = x0 if gx < x0 else x1 if gx > x1 else gx
            ny = y0 if gy < y0 else y1 if gy > y1 else gy
            dx, dy = nx - gx, ny - gy
            if dx > reach or -dx > reach or dy > reach or -dy > reach or seen.get(oid) == door.open:
                continue
            d = math.hypot(dx, dy)
            if d > reach or d < 1.0:
                continue
            px, py = nx - dx / d, ny - dy / d
            if zone(guard, dx, dy, d) is None or not sees(grid, guard.x, guard.y, px, py):
                continue
            before = seen.get(door.id)
            seen[door.id] = door.open
            if before is False and door.open and not door.by_guard:
                world.brain.door_found_open(guard, door.center)


def switch(world, switch, on: bool, events: list[dict], by: Guard | None = None) -> None:
    """A light switched; when it goes out, the guards who see it go dark come to see why."""
    if not world.devices.switch(switch, on):
        return
    world.relight()
    extra = {} if by is None else {"by": by.id}
    events.append(event(world.tick, EventType.LIGHT, switch=switch.id, light=switch.props["light"], on=on, **extra))
    if on:
        return
    zone = next(z for z in world.level.of_kind("Light") if z.id == switch.props["light"])
    witnesses = [g for g in world.guards if sees_zone(world, g, zone)]
    witnesses.sort(key=lambda g: math.hypot(g.x - switch.x, g.y - switch.y))
    for i, guard in enumerate(witnesses):
        world.brain.light_out(guard, (switch.x, switch.y), errand=switch.id if i == 0 else None)


def sees_zone(world, guard: Guard, zone) -> bool:
    """He stands in the zone, or its middle is in his view and in sight."""
    if contains(zone, guard.x, guard.y):
        return True
    cx, cy = zone.center
    dx, dy = cx - guard.x, cy - guard.y
    if world.perception.zone(guard, dx, dy, math.hypot(dx, dy)) is None:
        return False
    return sees(world.grid, guard.x, guard.y, cx, cy)


def sound_makers(world, events: list[dict]) -> None:
    """The noise makers due to sound this tick: a noise the nearest few who hear it come to."""
    for maker in world.devices.tick(world._pulse):
        noise = world.noise_at(maker.x, maker.y, maker.props["radius"], "machine")
        world.noises.append(noise)
        for guard in world.spread(noise, events, nearest=maker.props["draws"]):
            if guard.errand is None and guard.state != GuardState.ALERT:
                guard.errand = maker.id


def guards_on_errands(world, events: list[dict]) -> None:
    """A guard who came to a light switch or a noise maker puts it right once he is there."""
    reach = (world.tuning.interact_reach + world.tuning.guard_radius) * world.tile
    for guard in world.guards:
        if guard.errand is None:
            continue
        device = world.devices.get(guard.errand)
        if device is None or math.hypot(device.x - guard.x, device.y - guard.y) > reach:
            continue
        guard.errand = None
        if device.kind == "LightSwitch":
            switch(world, device, True, events, by=guard)
        elif world.devices.silence(device):
            events.append(event(world.tick, EventType.NOISE_MAKER, maker=device.id, on=False,
                                label=device.props["label"], by=guard.id))
