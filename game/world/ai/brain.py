"""The guard brain: six states (`GuardState`, in `states.py` with the causes), clear thresholds,
every change an event; one handler per state in an explicit table.

Entering and leaving use different thresholds (``suspicious_enter`` /
``suspicious_leave``) so a guard does not flicker. All side effects of a state
change live in ``set_state``. Guards decide from the snapshot of the tick's
perception; radio calls are delivered a tick or more later, in guard order.
"""

from __future__ import annotations

import math

from ..actors import Guard, Noise, Player
from ..events import EventType, event
from ..grid import Grid
from ..snapshot import Stateful
from ..tuning import DT, Tuning
from .motion import look_around, patrol_step, step_along_path, turn_toward
from .states import CALM, CURIOUS, Cause, GuardState

S = GuardState
REPLAN_DISTANCE = 4.0  # px: a goal that moved further than this gets a new path


class Brain(Stateful):
    STATIC = frozenset({"grid", "t", "rng", "tile", "max_turn", "scan", "speeds", "catch_distance", "blocked",
                        "body", "_handlers", "through", "man_for"})

    def __init__(self, grid: Grid, tuning: Tuning, rng, tile: int):
        self.grid = grid
        self.t = tuning
        self.rng = rng
        self.tile = tile
        self.max_turn = math.radians(tuning.turn_speed) * DT
        self.scan = math.radians(tuning.scan_angle)
        self.speeds = {
            "patrol": tuning.patrol_speed * tile * DT,
            "investigate": tuning.investigate_speed * tile * DT,
            "chase": tuning.chase_speed * tile * DT,
        }
        self.catch_distance = (tuning.catch_range + tuning.player_radius + tuning.guard_radius) * tile
        self.blocked = grid.is_opaque_at  # (x, y) -> a wall or a closed door is there
        self.body = tuning.guard_radius * tile  # px kept clear of walls, as Jesse's are
        self.events: list[dict] = []
        self._handlers = {
            S.PATROL: self._patrol,
            S.RETURN: self._return,
            S.SUSPICIOUS: self._suspicious,
            S.INVESTIGATE: self._investigate,
            S.ALERT: self._alert,
            S.SEARCH: self._search,
        }
        self.pending_radio: list[tuple[Guard, tuple[float, float]]] = []
        self.through: Grid | None = None  # the grid with only locked doors shut (the world sets it)
        # (boss, point) -> the man he sends to look there, or None: go himself (the world sets it)
        self.man_for = None
        self.tick = 0
        self.wary = False  # the crew's alert phase is evasion or caution (set by the world each tick)

    # ------------------------------------------------------------ state changes
    def set_state(self, guard: Guard, new: GuardState, cause: Cause, target: tuple[float, float] | None = None) -> None:
        old = guard.state
        if old in CALM and new not in CALM and guard.breadcrumb is None:
            # Remember where we left the route, to come back to the same point.
            guard.breadcrumb = (guard.x, guard.y, guard.route_index, guard.route_dir, guard.wait_left)
        guard.state = new
        guard.cause = cause
        guard.state_time = 0.0
        guard.path, guard.path_goal = [], None
        guard.look_since, guard.pause = None, 0.0
        if target is not None:
            guard.target = target
        if new == S.SUSPICIOUS:
            guard.look_base = guard.facing
        elif new == S.ALERT:
            guard.radio_due = self.tick + round(self.t.radio_delay / DT)
        elif new == S.SEARCH:
            guard.search_points = self._search_points(guard.last_known or (guard.x, guard.y))
        elif new == S.RETURN:
            guard.target = self._resume_point(guard)
        elif new == S.PATROL:
            self._resume_route(guard)
        if new != S.ALERT:
            guard.radio_due = None
        if new in CALM or new == S.ALERT:
            guard.errand = None  # back on his rounds, or after Jesse: the switch can wait
        self.events.append(event(self.tick, EventType.GUARD_STATE, guard=guard.id, **{"from": old}, to=new, cause=cause))

    def _resume_point(self, guard: Guard) -> tuple[float, float]:
        if guard.breadcrumb is not None:
            return guard.breadcrumb[0], guard.breadcrumb[1]
        return guard.post[0], guard.post[1]

    def _resume_route(self, guard: Guard) -> None:
        if guard.breadcrumb is not None:
            _, _, guard.route_index, guard.route_dir, guard.wait_left = guard.breadcrumb
            guard.breadcrumb = None
        guard.knows_spot = None

    # ------------------------------------------------------------------ senses
    def hear(self, guard: Guard, noise: Noise) -> None:
        """A noise reached this guard: look toward it, or go and check it."""
        point = (noise.x, noise.y)
        if guard.state == S.ALERT:
            return
        if guard.state == S.INVESTIGATE:
            guard.target, guard.look_since = point, None
            guard.state_time = 0.0
            return
        if guard.state == S.SUSPICIOUS:
            # Already looking: turn to the latest sound, but the look does not start over (a run of
            # footsteps used to pin him in place, "?" after "?"): when it is up, he goes to check.
            guard.target = point
            if not guard.cause.heard:
                guard.cause = Cause.hearing(noise.source)
            return
        if guard.state == S.SEARCH:
            # Searching after a chase, he hears something: the search moves there and goes on
            # (a wrench thrown used to make him give up sooner, back to patrol).
            guard.last_known = point
            guard.search_points = [point] + self._search_points(point)
            guard.state_time = min(guard.state_time, self.t.search_time / 2)
            guard.pause = 0.0
            return
        self.set_state(guard, S.SUSPICIOUS, Cause.hearing(noise.source), point)

    def door_found_open(self, guard: Guard, where: tuple[float, float]) -> None:
        """On his rounds he sees a door open that he saw shut, and none of the crew opened it:
        he stops, looks, and goes to check."""
        if guard.state in CALM:
            self.set_state(guard, S.SUSPICIOUS, Cause.DOOR_FOUND_OPEN, where)

    def light_out(self, guard: Guard, point: tuple[float, float], errand: int | None = None) -> None:
        """He saw his light go out: he stops and looks toward its switch; the one given the errand
        (the nearest who saw it) then goes to switch it back on. A hunting guard has no time for it."""
        if guard.state in (S.ALERT, S.SEARCH):
            return
        if guard.state in CURIOUS:
            # Already looking or on his way: the light flicking off again does not start it over
            # (a switch flicked on and off would otherwise pin him where he stands).
            guard.target = point if guard.state == S.SUSPICIOUS or errand is not None else guard.target
        else:
            self.set_state(guard, S.SUSPICIOUS, Cause.LIGHT_OUT, point)
        if errand is not None:
            guard.errand = errand

    def radio(self, guard: Guard, sender: Guard, point: tuple[float, float]) -> None:
        if guard.state == S.ALERT:
            return
        guard.last_known = point
        self.set_state(guard, S.INVESTIGATE, Cause.RADIO, point)

    # ------------------------------------------------------------------- think
    def think(self, guard: Guard, player: Player, rate: float) -> bool:
        """Update one guard for this tick; True when he catches Jesse."""
        t = self.t
        guard.state_time += DT
        guard.sees_player = rate > 0.0
        if guard.sees_player:
            guard.awareness = min(1.0, guard.awareness + rate * DT)
            guard.unseen_time = 0.0
            guard.last_known = (player.x, player.y)
        else:
            guard.unseen_time += DT
            if guard.awareness > 0.0 and guard.unseen_time > t.drain_grace and guard.state != S.ALERT:
                guard.awareness = max(0.0, guard.awareness - t.drain_rate * DT)

        if guard.state != S.ALERT and guard.awareness >= t.alert_enter:
            self.set_state(guard, S.ALERT, Cause.SAW_PLAYER, guard.last_known)
        return self._handlers[guard.state](guard, player)

    def door_locked(self, guard: Guard, door_id: int, where: tuple[float, float]) -> None:
        """His way is shut by a door he cannot open: never a silent wait. He finds it suspicious
        and calls it in (his crew comes to look), once for that door."""
        guard.found_locked = door_id
        self.set_state(guard, S.SUSPICIOUS, Cause.DOOR_LOCKED, where)
        self.pending_radio.append((guard, where))

    def _notice(self, guard: Guard) -> bool:
        """From a calm state: enough seen to stop and look."""
        if guard.sees_player and guard.awareness >= self.t.suspicious_enter:
            self.set_state(guard, S.SUSPICIOUS, Cause.SAW_MOVEMENT, guard.last_known)
            return True
        return False

    def _patrol(self, guard: Guard, player: Player) -> bool:
        if guard.sees_player and self._notice(guard):  # (_notice needs him seen)
            return False
        if guard.pause > 0.0:  # on his guard: a look about at the route point he reached
            guard.pause -= DT
            look_around(guard, self.t.caution_look - guard.pause, self.scan, self.max_turn)
            return False
        reached = patrol_step(guard, self.speeds["patrol"] * guard.senses.speed, self.max_turn, DT, self.blocked)
        if reached and self.wary:
            guard.pause, guard.look_base = self.t.caution_look, guard.facing
        return False

    def _return(self, guard: Guard, player: Player) -> bool:
        if self._notice(guard):
            return False
        if self._walk_to(guard, guard.target, "patrol"):
            if guard.stuck:  # his way back is shut: he waits where he is, looking about
                look_around(guard, guard.state_time, self.scan, self.max_turn)
            else:
                self.set_state(guard, S.PATROL, Cause.BACK_ON_ROUTE)
        return False

    def _suspicious(self, guard: Guard, player: Player) -> bool:
        t = self.t
        if guard.sees_player:
            guard.target = guard.last_known
        tx, ty = guard.target or (guard.x, guard.y)
        guard.facing = turn_toward(guard.facing, math.atan2(ty - guard.y, tx - guard.x), self.max_turn)
        if guard.state_time < t.suspicious_look:
            return False
        if guard.cause.heard and guard.errand is None and guard.awareness < t.suspicious_leave and self._send(guard):
            return False
        if guard.cause.checks or guard.awareness >= t.suspicious_leave or guard.errand is not None:
            self.set_state(guard, S.INVESTIGATE, Cause.CHECKING, guard.target)
        else:
            self.set_state(guard, S.RETURN, Cause.LOST_INTEREST)
        return False

    def _send(self, boss: Guard) -> bool:
        """A boss (Marco) who heard something does not go himself: the nearest of his men on his
        rounds goes to look, and the boss goes back to what he was doing. False when he has no one."""
        man = self.man_for(boss, boss.target) if self.man_for is not None and boss.faction == "marco" else None
        if man is None:
            return False
        man.last_known = boss.target
        self.set_state(man, S.INVESTIGATE, Cause.SENT, boss.target)
        self.set_state(boss, S.RETURN, Cause.SENT_MAN)
        return True

    def _investigate(self, guard: Guard, player: Player) -> bool:
        t = self.t
        if guard.sees_player and guard.awareness >= t.suspicious_enter:
            guard.target, guard.look_since = guard.last_known, None  # follow what he sees
        if guard.look_since is None:
            pace = "chase" if guard.cause == Cause.RADIO else "investigate"
            if self._walk_to(guard, guard.target, pace):
                guard.look_since, guard.look_base = guard.state_time, guard.facing
            return False
        looked = guard.state_time - guard.look_since
        look_around(guard, looked, self.scan, self.max_turn)
        if looked >= t.investigate_look:
            if guard.cause == Cause.RADIO:
                self.set_state(guard, S.SEARCH, Cause.NO_ONE_HERE)
            else:
                self.set_state(guard, S.RETURN, Cause.NOTHING_HERE)
        return False

    def _alert(self, guard: Guard, player: Player) -> bool:
        t = self.t
        if guard.radio_due is not None and self.tick >= guard.radio_due:
            guard.radio_due = None
            self.pending_radio.append((guard, guard.last_known))
        if guard.sees_player:
            close = math.hypot(player.x - guard.x, player.y - guard.y) <= self.catch_distance
            if close and guard.state_time >= t.catch_delay:
                return True
            if self.grid.clear_for(guard.x, guard.y, player.x, player.y, self.body):
                guard.path = [guard.last_known]  # straight at him with room to pass, no planning
                guard.path_goal = guard.last_known
        if guard.unseen_time >= t.lose_time:
            self.set_state(guard, S.SEARCH, Cause.LOST_HIM)
            return False
        if guard.last_known is not None:
            self._walk_to(guard, guard.last_known, "chase")
        return False

    def _search(self, guard: Guard, player: Player) -> bool:
        t = self.t
        if guard.sees_player and guard.awareness >= t.suspicious_enter:
            guard.awareness = max(guard.awareness, t.alert_enter)
            self.set_state(guard, S.ALERT, Cause.FOUND_HIM, guard.last_known)
            return False
        if guard.state_time >= t.search_time:
            self.set_state(guard, S.RETURN, Cause.GAVE_UP)
            return False
        if guard.pause > 0.0:
            guard.pause -= DT
            look_around(guard, guard.pause, self.scan, self.max_turn)
            return False
        if not guard.search_points:
            guard.search_points = self._search_points(guard.last_known or (guard.x, guard.y))
        if self._walk_to(guard, guard.search_points[0], "investigate"):
            guard.search_points.pop(0)
            guard.pause, guard.look_base = self.t.search_pause, guard.facing
        return False

    # ---------------------------------------------------------------- helpers
    def _walk_to(self, guard: Guard, point, pace: str) -> bool:
        """Walk toward `point` along a planned path; True on arrival, or when it cannot be reached
        (then `guard.stuck` is set). A door opening or closing (the grid's version) re-plans."""
        if point is None:
            return True
        goal = guard.path_goal
        if goal is None or math.hypot(goal[0] - point[0], goal[1] - point[1]) > REPLAN_DISTANCE \
                or guard.path_version != self.grid.version:
            guard.path_goal, guard.path_version = point, self.grid.version
            path = self.grid.find_path((guard.x, guard.y), point, radius=self.body)
            if path is None and self.through is not None:
                # Shut in? Through the unlocked doors on the way, then: he opens them as he goes.
                path = self.through.find_path((guard.x, guard.y), point, radius=self.body)
            guard.stuck = path is None
            guard.path = path or []
        if guard.stuck:
            return True
        return step_along_path(guard, self.speeds[pace] * guard.senses.speed, self.max_turn, self.blocked, self._room,
                               self.body)

    def _room(self, x: float, y: float) -> tuple[float, float]:
        return self.grid.room_for(x, y, self.body)

    def _search_points(self, centre: tuple[float, float]) -> list[tuple[float, float]]:
        """A few reachable spots around `centre`, drawn from the world's seeded RNG."""
        points = []
        radius = self.t.search_radius * self.tile
        for _ in range(12):
            if len(points) >= 4:
                break
            angle = self.rng.uniform(0.0, 2.0 * math.pi)
            dist = self.rng.uniform(radius * 0.3, radius)
            x, y = centre[0] + math.cos(angle) * dist, centre[1] + math.sin(angle) * dist
            if self.grid.is_walkable_at(x, y) and self.grid.walk_distance(centre, (x, y), radius * 2) < math.inf:
                points.append((x, y))
        return points or [centre]
