"""The people and things in the world, as plain state.

Positions are floats in pixels; facing is in radians (0 = east, pi/2 = south,
screen coordinates). The renderer reads these; only the simulation writes them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property

from .ai.states import Cause, GuardState
from .level import GuardSpec, Route
from .tuning import Tuning


@dataclass
class Player:
    x: float
    y: float
    facing: float = 0.0
    pace: str = "still"  # still, crouch (still, sneak held), sneak, walk or sprint
    speed: float = 0.0  # px per second this tick
    hidden: bool = False  # inside a hiding spot
    hiding_spot: int | None = None  # its object id
    step_clock: float = 0.0  # seconds since the last footstep


@dataclass(frozen=True)
class Senses:
    """One guard's senses in pixels and radians: tuning defaults, then the map's overrides."""

    focus_range: float
    focus_half_angle: float
    alert_range: float
    peripheral_range: float
    peripheral_half_angle: float
    near_range: float
    hearing: float
    speed: float  # multiplier on every walking speed
    group: str
    flashlight: bool
    keys: tuple[str, ...] = ()  # item ids of the locked doors he can open (the map's `keys`)

    @cached_property
    def reach(self) -> float:
        """The furthest any of his zones reaches, in any state: beyond it he sees nobody."""
        return max(self.focus_range, self.alert_range, self.peripheral_range, self.near_range)

    @classmethod
    def resolve(cls, props: dict, tuning: Tuning, tile: int) -> "Senses":
        focus = props.get("view_range") or tuning.view_range
        return cls(
            focus_range=focus * tile,
            focus_half_angle=math.radians((props.get("view_angle") or tuning.view_angle) / 2),
            alert_range=max(focus, tuning.alert_view_range * focus / tuning.view_range) * tile,
            peripheral_range=tuning.peripheral_range * tile,
            peripheral_half_angle=math.radians(tuning.peripheral_angle / 2),
            near_range=tuning.near_range * tile,
            hearing=props.get("hearing", 1.0),
            speed=props.get("speed", 1.0),
            group=props.get("group", ""),
            flashlight=bool(props.get("flashlight", False)),
            keys=tuple(k.strip() for k in str(props.get("keys", "")).split(",") if k.strip()),
        )


@dataclass
class Guard:
    id: int
    name: str
    x: float
    y: float
    facing: float
    faction: str
    senses: Senses
    route: Route | None
    state: GuardState = GuardState.PATROL
    awareness: float = 0.0
    # Perception this tick (read by the renderer and the brain).
    sees_player: bool = False
    unseen_time: float = 0.0  # seconds since the player was last seen
    # Where attention goes: the last place Jesse was seen or a noise was heard.
    last_known: tuple[float, float] | None = None
    target: tuple[float, float] | None = None
    cause: Cause | None = None  # why he is in his state (None: patrolling from the start)
    state_time: float = 0.0  # seconds in the current state
    # Patrol bookkeeping: the route point we head for, the direction, the wait left.
    route_index: int = 0
    route_dir: int = 1
    wait_left: float = 0.0
    # Where we left the route (x, y, route_index, route_dir, wait_left): return comes back here.
    breadcrumb: tuple | None = None
    path: list[tuple[float, float]] = field(default_factory=list)
    path_goal: tuple[float, float] | None = None  # where `path` leads
    path_version: int = -1  # the grid's version when the path was planned (doors change it)
    stuck: bool = False  # no way to path_goal: the brain lets him wait
    look_since: float | None = None  # state time at which he arrived and started looking about
    pause: float = 0.0  # seconds left looking about at a search point
    look_base: float = 0.0  # facing around which the guard scans when looking about
    knows_spot: int | None = None  # the hiding spot this guard saw Jesse enter
    radio_due: int | None = None  # tick at which this guard radios its group
    search_points: list[tuple[float, float]] = field(default_factory=list)
    post: tuple[float, float, float] = (0.0, 0.0, 0.0)  # where a guard with no route stands, and faces
    # A shut door in his way: where he could not step this tick (set by his motion, read and
    # cleared by the world), and since when he has stood there (ticks: the first and the last).
    blocked_at: tuple[float, float] | None = None
    blocked_since: int = 0
    blocked_last: int = -2
    found_locked: int | None = None  # the locked door he already called in (once is enough)
    errand: int | None = None  # a light switch or noise maker he is on his way to put right
    doors_seen: dict[int, bool] = field(default_factory=dict)  # door id -> open, when he last saw it

    # The renderer's names for the senses.
    @property
    def focus_range(self) -> float:
        return self.senses.alert_range if self.state == GuardState.ALERT else self.senses.focus_range

    @property
    def focus_half_angle(self) -> float:
        return self.senses.focus_half_angle

    @property
    def peripheral_range(self) -> float:
        return self.senses.peripheral_range

    @property
    def peripheral_half_angle(self) -> float:
        return self.senses.peripheral_half_angle

    @property
    def flashlight(self) -> bool:
        return self.senses.flashlight

    @classmethod
    def from_spec(cls, spec: GuardSpec, tuning: Tuning, tile: int) -> "Guard":
        facing = math.radians(spec.props.get("facing", 0.0))
        route = spec.route
        index = 0
        if route is not None:
            # Head for the route point nearest to where the guard stands, facing it.
            index = min(range(len(route.points)), key=lambda i: math.dist(route.points[i], (spec.x, spec.y)))
            px, py = route.points[index]
            if math.hypot(px - spec.x, py - spec.y) > 1.0:
                facing = math.atan2(py - spec.y, px - spec.x)
            else:
                nx, ny = route.points[(index + 1) % len(route.points)]
                facing = math.atan2(ny - py, nx - px)
        guard = cls(spec.id, spec.name, spec.x, spec.y, facing, spec.props.get("faction", "crew"),
                    Senses.resolve(spec.props, tuning, tile), route, route_index=index)
        guard.post = (spec.x, spec.y, facing)
        guard.look_base = facing
        return guard


@dataclass
class Noise:
    x: float
    y: float
    radius: float  # px, after the floor's factor
    source: str  # step, throw, door
    tick: int


@dataclass
class Projectile:
    x: float
    y: float
    tx: float
    ty: float
    speed: float  # px per tick
    landed: bool = False
    landed_tick: int = 0
