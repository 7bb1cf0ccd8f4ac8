"""Marco's crew, proven headless: every behaviour runs the real simulation on a small map.

The behaviours a scenario file says as well ("Jesse does X, the guard does Y") are in
tests/scenarios/*.scenario.toml (game/scenario/); here are those that need Python: positions on a
route, what was radioed against where Jesse truly is, a guard's keys or faction changed, times
compared with each other, the body's clearance from a wall, the cone drawn."""

import math

import pytest

from game.world.intent import IDLE, Intent
from scenario import Route, run, states_of, tile_centre, world_for


def test_a_distracted_guard_investigates_then_resumes_the_same_route_at_the_same_point():
    world = world_for("ai_distract.tmx")
    guard = world.guards[0]
    # Let him walk part of his loop, then throw the wrench behind him.
    run(world, lambda w: IDLE, 2.5)
    assert guard.state == "patrol"
    target = tile_centre(9, 6)
    events = world.step(Intent(throw=target))
    assert [e["type"] for e in events] == ["throw"]
    left = []  # where he stood, and where he was heading, when the noise pulled him off his route

    def watch(w):
        if guard.state != "patrol" and not left:
            left.append((guard.x, guard.y, guard.route_index, guard.route_dir))

    events += run(world, lambda w: IDLE, 40, until=lambda w, ev: guard.state == "patrol" and left, each_tick=watch)
    assert states_of(events, guard.id) == ["patrol", "suspicious", "investigate", "return", "patrol"]
    investigated = next(e for e in events if e["type"] == "guard_state" and e["to"] == "investigate")
    assert investigated["cause"] == "checking"
    landed = next(e for e in events if e["type"] == "noise" and e["source"] == "throw")
    assert math.dist((landed["x"], landed["y"]), target) < 1.0
    # Back where he left the route, heading for the same point, the same way round.
    assert (guard.x, guard.y) == pytest.approx(left[0][:2], abs=1.0)
    assert (guard.route_index, guard.route_dir) == left[0][2:]
    assert world.throwables == world.tuning.throwables - 1


class PeekThenRun:
    """Step out where guard A sees him, wait for his "!", then run round the wall to the dark room.
    (Guard A has `speed` 0.8 in the map: a man Jesse outruns. He used to lose Jesse only because
    his body stuck on the wall's end for 0.7 s; now he rounds it as Jesse does.)"""

    def __init__(self, world):
        self.a = world.guards[0]
        self.peek = Route([(14, 1), (12, 1)], pace="walk")
        self.escape = Route([(14, 1), (14, 4), (15, 10), (20, 11), (25, 11)], pace="sprint")
        self.running = False

    def __call__(self, world):
        self.running = self.running or self.a.state == "alert"
        return self.escape(world) if self.running else self.peek(world)


def test_radio_passes_the_last_known_position_not_the_true_one():
    world = world_for("ai_watch.tmx")
    a, b = world.guards
    events = run(world, PeekThenRun(world), 20, until=lambda w, ev: any(e["type"] == "radio" for e in ev))
    radio = next(e for e in events if e["type"] == "radio")
    assert radio["guard"] == a.id and radio["to"] == [b.id]
    point = (radio["x"], radio["y"])
    assert math.dist(point, a.last_known) < 0.2
    # Jesse has moved on since A last saw him.
    assert math.dist(point, (world.player.x, world.player.y)) > 32
    assert b.state == "investigate" and b.cause == "radio"
    assert math.dist(b.target, point) < 0.2


def test_the_same_seed_gives_the_same_events():
    from game.sim import wander_player

    def play(seed):
        world = world_for("ai_watch.tmx", seed)
        return run(world, wander_player(seed), 30)

    first = play(4)
    assert first == play(4)
    assert any(e["type"] == "noise" for e in first), "the wander walk should make some noise"


def test_jesse_cannot_walk_through_a_closed_door():
    world = world_for("ai_door.tmx")
    run(world, lambda w: Intent((-1, 0), sprint=True), 3)
    assert world.player.x > tile_centre(11, 3)[0] + 10


def test_radio_reaches_the_senders_faction_only():
    """A DEA watcher left without a radio group answered the crew's radio."""
    for b_faction, answers in (("crew", True), ("dea", False)):
        world = world_for("ai_watch.tmx")
        a, b = world.guards
        b.faction = b_faction
        events = run(world, PeekThenRun(world), 20, until=lambda w, ev: any(e["type"] == "radio" for e in ev))
        radio = next(e for e in events if e["type"] == "radio")
        assert radio["guard"] == a.id and (b.id in radio["to"]) == answers, b_faction
        assert (b.cause == "radio") == answers


def test_crouching_still_in_the_light_at_a_cones_edge_is_at_least_as_hidden_as_sneaking():
    """Stopping used to make Jesse 'still' whether or not sneak was held, and 'still' was seen
    faster than sneaking and missed the outer-half reduction: crouched still at the lit edge of a
    cone was noticed about eight times sooner than sneaking there. Upright and still is between."""

    def noticed_after(player) -> float:
        world = world_for("ai_still.tmx")  # lit; a guard facing Jesse six tiles off (his cone is eight)
        guard = world.guards[0]
        for tick in range(60 * 30):
            world.step(player(tick))
            if guard.state != "patrol":
                return tick / 60
        return math.inf

    def sneaking(tick):  # sneaking to and fro across the same spot
        return Intent((1.0 if tick // 20 % 2 else -1.0, 0.0), sneak=True)

    crouched = noticed_after(lambda tick: Intent(sneak=True))
    sneak = noticed_after(sneaking)
    upright = noticed_after(lambda tick: IDLE)
    walking = noticed_after(lambda tick: Intent((1.0 if tick // 20 % 2 else -1.0, 0.0)))
    assert crouched >= sneak and crouched > upright, (crouched, sneak, upright)
    assert upright < math.inf and walking <= upright, (upright, walking)


def test_a_noise_during_a_search_moves_the_search_there_and_it_goes_on():
    """A wrench thrown at a searching guard sent him through suspicious and investigate back to
    patrol: he gave up after 8 s instead of 12. Now the search moves to the noise and goes on."""
    world = world_for("ai_watch.tmx")
    a = world.guards[0]
    run(world, PeekThenRun(world), 90, until=lambda w, ev: a.state == "search")
    run(world, lambda w: IDLE, 2)
    p = world.player
    away = math.hypot(a.x - p.x, a.y - p.y)
    target = (a.x + (a.x - p.x) / away * 64, a.y + (a.y - p.y) / away * 64)  # two tiles the other way
    assert world.grid.is_walkable_at(*target)
    thrown = world.tick
    events = world.step(Intent(throw=target))
    events += run(world, lambda w: IDLE, 30, until=lambda w, ev: a.state in ("alert", "patrol", "return"))
    changes = [e for e in events if e["type"] == "guard_state" and e["guard"] == a.id]
    assert changes and changes[0]["to"] in ("alert", "return"), changes  # no "?", no going to check
    assert changes[0]["to"] == "alert" or changes[0]["cause"] == "gave_up"
    assert (changes[0]["tick"] - thrown) / 60 >= min(world.tuning.search_time / 2, 3.0)
    assert math.dist(a.last_known, target) < 48 or changes[0]["to"] == "alert"


def _shut_behind(world, guard, door):
    """Crouched in the dark, wait for the guard to pass the open door, then shut it behind him."""
    crouch = Intent(sneak=True)
    while guard.x <= 330:
        world.step(crouch)
    assert world.doors.toggle(door, world.physics.radius, world.player.x, world.player.y)
    return crouch


def test_a_door_shut_on_a_guards_route_is_opened_by_him_on_his_way_back():
    """A guard whose route passed a door that Jesse shut stood facing it for the rest of the level,
    silently (the car wash has such a route). Now he opens it after a moment, with a noise, and
    walks on; it stays open."""
    world = world_for("ai_door_route.tmx")
    guard, door = world.guards[0], world.doors.doors[0]
    crouch = _shut_behind(world, guard, door)
    stood, events = 0, []
    for _ in range(60 * 15):
        events += world.step(crouch)
        stood += guard.blocked_last == world.tick - 1  # a shut door held him this tick
        if door.open:
            break
    opened = next(e for e in events if e["type"] == "door")
    assert opened == {"tick": opened["tick"], "type": "door", "door": door.id, "open": True, "by": guard.id}
    assert any(e["type"] == "noise" and e["source"] == "door" for e in events)
    assert stood / 60 <= world.tuning.door_open_time + 0.05  # held at the door about half a second
    events = run(world, lambda w: Intent(sneak=True), 5, until=lambda w, ev: guard.x < 160)
    assert guard.x < 160 and door.open  # through, on along his route, the door left open
    assert not [e for e in events if e["type"] == "guard_state"]


def test_a_locked_door_on_his_route_is_called_in_not_waited_at_forever():
    world = world_for("ai_door_route.tmx")
    guard, door = world.guards[0], world.doors.doors[0]
    crouch = _shut_behind(world, guard, door)
    door.locked_by = "shop_key"  # as if locked behind him
    events = run(world, lambda w: crouch, 15, until=lambda w, ev: guard.state != "patrol")
    changes = [e for e in events if e["type"] == "guard_state"]
    assert changes and changes[0]["to"] == "suspicious" and changes[0]["cause"] == "door_locked"
    assert not door.open
    assert any(e["type"] == "radio" and e["guard"] == guard.id for e in run(world, lambda w: crouch, 2))


def test_a_guard_with_the_key_opens_a_locked_door():
    world = world_for("ai_door_route.tmx")
    guard, door = world.guards[0], world.doors.doors[0]
    guard.senses = __import__("dataclasses").replace(guard.senses, keys=("shop_key",))
    crouch = _shut_behind(world, guard, door)
    door.locked_by = "shop_key"
    run(world, lambda w: crouch, 15, until=lambda w, ev: door.open)
    assert door.open and guard.state == "patrol"


def _clearance(world, x: float, y: float) -> float:
    """Distance from (x, y) to the nearest wall tile."""
    grid, t = world.grid, world.tile
    c0, r0 = grid.cell_of(x, y)
    best = math.inf
    for r in range(r0 - 2, r0 + 3):
        for c in range(c0 - 2, c0 + 3):
            if grid.is_opaque_cell(c, r):
                nx, ny = min(max(x, c * t), (c + 1) * t), min(max(y, r * t), (r + 1) * t)
                best = min(best, math.hypot(x - nx, y - ny))
    return best


def test_a_chase_past_a_wall_corner_keeps_the_guards_body_out_of_the_wall():
    """He sees Jesse along a line that grazes the pillar's corner by 2.4 px and runs at him: his
    body (radius `guard_radius`) must go round the corner, not through it (before: 3.4 px from
    the corner, 6.8 px of him inside the wall; after: 10.35 px, clear)."""
    world = world_for("ai_corners.tmx")
    guard = world.guards[0]
    body = world.tuning.guard_radius * world.tile
    assert world.grid.line_of_sight(guard.x, guard.y, world.player.x, world.player.y)
    closest = math.inf

    def watch(w):
        nonlocal closest
        closest = min(closest, _clearance(w, guard.x, guard.y))

    events = run(world, lambda w: IDLE, 15, each_tick=watch)
    assert "alert" in states_of(events, guard.id) and world.outcome == "caught"  # he did chase
    assert closest >= body - 0.1, f"his body came {body - closest:.1f} px into the wall"


def test_a_slit_between_two_walls_corners_is_not_seen_through():
    """In the garage an alerted guard's cone ran as a zero-width spike through the gap between two
    wall blocks whose corners lined up with him, out to his full range: a bare ray threads that
    gap, so he could spot Jesse through a crack a tenth of a pixel wide. Sight needs a gap one
    degree wide (sight.SLIT); the cone drawn is the same area."""
    import os

    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    from game.render.cones import ConeRenderer

    world = world_for("ai_slit.tmx")
    guard, p = world.guards[0], world.player
    grid = world.grid
    assert grid.line_of_sight(guard.x, guard.y, p.x, p.y)  # the bare ray threads the slit...
    assert math.hypot(p.x - guard.x, p.y - guard.y) < guard.focus_range  # ...in his focus cone
    events = run(world, lambda w: IDLE, 8)
    assert not [e for e in events if e["type"] == "guard_state"], events
    assert guard.awareness == 0.0
    # The cone drawn stops at the walls there: no vertex past the slit's far corner.
    _, focus, inner = ConeRenderer().polygons(grid, guard.x, guard.y, guard.facing, guard)
    slit = math.atan2(p.y - guard.y, p.x - guard.x)
    near = [q for q in focus[1:] if abs(math.atan2(q[1] - guard.y, q[0] - guard.x) - slit) < math.radians(1)]
    assert near and max(math.dist(q, (guard.x, guard.y)) for q in near) < math.dist((192, 192), (guard.x, guard.y)) + 1
