"""The simulation: one `World` per level attempt, advanced only by `step()`.

Pure and deterministic: no window, sound, clock or keyboard; randomness only
from the world's own seeded `random.Random`. Same level + seed + intents give
the same events, bit for bit — headless tests, replays and the solver rely on it.

A tick, in order:
1. Jesse moves (pymunk), makes footstep noise, hides or leaves a hiding spot, presses interact
   (an item, a talk, a door, a light switch, a noise maker), throws.
2. Thrown objects fly and land (a loud noise); noise makers going off sound.
3. Every guard's sight is measured from this one snapshot, before anyone acts.
4. Radio calls made last tick arrive; this tick's noises reach who can hear them.
5. Each guard's brain thinks and moves; an alerted guard within reach catches Jesse; guards
   at a shut door open it, guards who reached a light switch or noise maker put it right.
"""

from __future__ import annotations

import copy
import math
from random import Random

import numpy as np

from .actors import Guard, Noise, Player, Projectile
from . import errands
from .devices import Devices
from .doors import Doors
from .finale import Confession, countdown_started, doors_to_seal
from .ai.brain import Brain
from .ai.states import CALM, Cause, GuardState
from .alarm import Alarm
from .barks import BarkBook, default_book
from .events import EventType, event
from .shaped_grid import make_grid
from .intent import Intent
from .level import GuardSpec, Level
from .light import light_grid
from .noise import Acoustics
from .objectives import Objectives
from .zones import cells_under, contains
from .perception import Perception
from .physics import Physics
from .snapshot import Stateful
from .speech import Speech
from .tuning import DEFAULT, DT, Tuning

LIGHT_CELL = 8  # px: resolution of the light lookup
RADIO_NET = {"marco": "crew"}  # faction -> the radio it talks on (Marco calls his own crew; the DEA has its own)
NOISE_MEMORY = 60  # ticks a noise stays in `noises` (for drawing its ring)
LANDED_MEMORY = 120  # ticks a landed object stays visible
THROW_WALL_GAP = 8.0  # px: a throw lands this far short of the wall in its way
SEND_RANGE = 24  # tiles on foot: how far a man Marco sends to look may be from the noise
DOOR_LOOK_TICKS = 10  # how often a guard on his rounds takes in the doors in his view


class World(Stateful):
    # Fixed when the world is built (or parts that save themselves, see `_parts`); every other
    # field is play state and goes into a checkpoint without being listed.
    STATIC = frozenset({"level", "seed", "tuning", "tile", "grid", "physics", "perception", "acoustics", "brain",
                        "confessions", "hiding_spots", "_spots_at", "doors", "_trap_doors",
                        "objectives", "alarm", "speech", "checkpoint", "_speeds", "_step_interval", "_step_noise", "_light",
                        "devices", "_pulse", "door_boxes"})

    def __init__(self, level: Level, seed: int = 0, tuning: Tuning = DEFAULT, barks: BarkBook | None = None):
        self.level = level
        self.seed = seed
        self.tuning = tuning
        self.rng = Random(seed)
        self.tick = 0
        self.outcome: str | None = None  # None while playing, then "caught" or "complete"
        tile = self.tile = level.tile
        self.grid = make_grid(level.solid, tile, level.shapes)
        self.player = Player(*level.spawn)
        self.physics = Physics(level, level.spawn, tuning.player_radius * tile)
        self.perception = Perception(tuning, tile)
        self.acoustics = Acoustics(level, self.grid)
        self.brain = Brain(self.grid, tuning, self.rng, tile)
        self.guards = [Guard.from_spec(spec, tuning, tile) for spec in level.guards]
        # Marco sees and hears like a guard (and the brain treats him as one); he also talks.
        self.confessions = []
        for obj in level.of_kind("Marco"):
            route = level.routes.get(obj.props["route"])
            marco = Guard.from_spec(GuardSpec(obj.id, "Marco", obj.x, obj.y, route, {**obj.props, "faction": "marco"}),
                                    tuning, tile)
            self.confessions.append(Confession(obj, len(self.guards), (marco.x, marco.y), tile))
            self.guards.append(marco)
        self.countdown: int | None = None  # ticks left before the sirens arrive, once started
        self.noises: list[Noise] = []
        self.projectiles: list[Projectile] = []
        self.throwables = max(0, int(level.properties.get("throwables", tuning.throwables)) - tuning.throwables_fewer)
        self.hiding_spots = level.of_kind("HidingSpot")
        # Per tile cell, the hiding spots that may contain a point of it, in map order (most cells: none).
        self._spots_at: dict[tuple[int, int], list] = {}
        for spot in self.hiding_spots:
            for cell in cells_under(spot, tile, level.cols, level.rows, margin=1.0):
                self._spots_at.setdefault(cell, []).append(spot)
        self.doors = Doors(level.of_kind("Door"), self.grid, self.physics, tile)
        self.brain.through = self.doors.through
        self.brain.man_for = self._man_for
        self._trap_doors = any(d.obj.props.get("closes_on") for d in self.doors.doors)  # doors_to_seal has work
        self.door_boxes = [(d, d.obj.id, d.obj.x, d.obj.y, d.obj.x + d.obj.width, d.obj.y + d.obj.height)
                            for d in self.doors.doors]
        self.objectives = Objectives(level)
        self.stats = {"spotted": 0, "alerts": 0, "distractions": 0}  # alerts: alert phases raised
        self.alarm = Alarm(tuning)
        self.speech = Speech(barks or default_book(), seed, {g.id: g.faction for g in self.guards})
        self.checkpoint: dict | None = None  # snapshot taken at the last checkpoint trigger
        self._interact_held = False
        self._radio_inbox: list[tuple[Guard, tuple[float, float]]] = []
        self._speeds = {
            "sneak": tuning.sneak_speed * tile,
            "walk": tuning.walk_speed * tile,
            "sprint": tuning.sprint_speed * tile,
        }
        self._step_interval = dict(tuning.step_interval)
        self._step_noise = {"sneak": tuning.noise_sneak, "walk": tuning.noise_walk, "sprint": tuning.noise_sprint}
        self.devices = Devices(level)
        self._pulse = max(1, round(tuning.noise_maker_pulse / DT))
        self.relight()

    def relight(self) -> None:
        """The light lookup for the lights as they are now switched."""
        width, height = self.level.pixel_size
        xs = (np.arange(0, width, LIGHT_CELL) + LIGHT_CELL / 2)[:, None]
        ys = (np.arange(0, height, LIGHT_CELL) + LIGHT_CELL / 2)[None, :]
        self._light = light_grid(self.level, xs, ys, self.devices.lights_off).tolist()  # [x cell][y cell]

    # ------------------------------------------------------------------ step
    def step(self, intent: Intent) -> list[dict]:
        """Advance one tick (1/60 s) and return the events it produced."""
        events: list[dict] = []
        if self.outcome is not None:
            self.tick += 1
            return events
        brain = self.brain
        brain.events, brain.tick = events, self.tick
        new_noises: list[Noise] = []

        intent = intent.clamped()
        self._move_player(intent, new_noises)
        player = self.player
        if player.hiding_spot is not None or (int(player.x // self.tile), int(player.y // self.tile)) in self._spots_at:
            self._update_hiding(events)
        if intent.interact and not self._interact_held:
            self._interact(events, new_noises)
        self._interact_held = intent.interact
        if intent.throw is not None:
            self._throw(intent.throw, events)
        if self.projectiles:
            self._fly_projectiles(new_noises)
        if self.devices.sounding:
            errands.sound_makers(self, events)

        light = self.light_at(player.x, player.y)
        rates = self.perception.sight_rates(self.guards, player, light, self.grid)
        brain.wary = self.alarm.wary
        if brain.wary:
            rates = [r * self.tuning.caution_awareness for r in rates]

        if self._radio_inbox:
            self._deliver_radio(events)
        for noise in new_noises:
            self.spread(noise, events)

        for guard, rate in zip(self.guards, rates):
            if brain.think(guard, player, rate):
                events.append(event(self.tick, EventType.CAUGHT, guard=guard.id))
                self.outcome = "caught"
                break
        if self.outcome is None:
            errands.guards_at_doors(self, events)
            errands.guards_on_errands(self, events)
            if self.doors.doors and self.tick % DOOR_LOOK_TICKS == 0:
                errands.guards_watch_doors(self)
            self.alarm.update(self.guards, self.tick, events)
        self._radio_inbox, brain.pending_radio = brain.pending_radio, []

        if self.outcome is None:
            for confession in self.confessions:
                said = len(events)
                confession.update(self, rates, events)
                for e in events[said:]:
                    if e["type"] == EventType.OBJECTIVE_DONE:
                        self.objectives.complete(e["objective"])
            progress = self.objectives.update(player.x, player.y, self.tick)
            events.extend(progress)
            if events and self.countdown is None:  # an objective_done (the confession's too) may start it
                self.countdown = countdown_started(self, events)
            if self._trap_doors:
                self._seal_doors(events)
            if progress and any(e["type"] == EventType.CHAPTER_COMPLETE for e in progress):
                self.outcome = "complete"
            elif self.countdown is not None:
                self.countdown -= 1
                if self.countdown <= 0:
                    events.append(event(self.tick, EventType.TIME_UP))
                    self.outcome = "caught"
        if events:
            self.speech.react(events, self.tick)
            self._count(events)
        if self.noises or new_noises:
            self.noises = [n for n in self.noises if self.tick - n.tick < NOISE_MEMORY] + new_noises
        self.tick += 1
        if events and any(e["type"] == EventType.CHECKPOINT for e in events) and self.outcome is None:
            self.checkpoint = self.snapshot()
        return events

    @property
    def checkpoint_tick(self) -> int | None:
        """The tick the last checkpoint was taken at (`== tick` right after the step that reached it)."""
        return None if self.checkpoint is None else self.checkpoint["world"]["tick"]

    def _count(self, events: list[dict]) -> None:
        """The run's counts: each "!" (a guard seeing Jesse for sure), each alert phase raised (the
        crew's, `alarm.py`: guards joining a chase on the radio, or a chase resumed during the
        evasion, are the same alert), each throw."""
        for e in events:
            if e["type"] == EventType.GUARD_STATE and e["to"] == GuardState.ALERT:
                if e["cause"] in (Cause.SAW_PLAYER, Cause.FOUND_HIM):
                    self.stats["spotted"] += 1
            elif e["type"] == EventType.ALERT_PHASE and e.get("raised"):
                self.stats["alerts"] += 1
            elif e["type"] == EventType.THROW:
                self.stats["distractions"] += 1

    def _seal_doors(self, events: list[dict]) -> None:
        """The finale's trap: doors whose `closes_on` objective is done slam shut and lock."""
        others = [(g.x, g.y) for g in self.guards]
        for door in doors_to_seal(self):
            if self.doors.seal(door, self.physics.radius, self.player.x, self.player.y, others):
                events.append(event(self.tick, EventType.DOOR, door=door.id, open=False, sealed=True))

    @property
    def inventory(self) -> set[str]:
        return self.objectives.done

    # ---------------------------------------------------------- checkpoints
    def _parts(self) -> dict:
        """Every part with play state, by name (the world's own fields under "world")."""
        parts = {"world": self, "brain": self.brain, "doors": self.doors, "objectives": self.objectives,
                 "physics": self.physics, "alarm": self.alarm, "speech": self.speech, "devices": self.devices}
        parts.update((f"confession {i}", c) for i, c in enumerate(self.confessions))
        return parts

    def snapshot(self) -> dict:
        """Everything that changes during play, deep-copied in one go: restore() rebuilds the world
        from it. By construction (`snapshot.Stateful`): every field a part holds is saved unless
        the part names it static."""
        return copy.deepcopy({name: part.play_state() for name, part in self._parts().items()})

    @classmethod
    def restore(cls, level: Level, seed: int, snap: dict, tuning: Tuning = DEFAULT) -> "World":
        """A world exactly as it was when `snap` was taken (restarting twice gives the same game)."""
        world = cls(level, seed, tuning)
        copied = copy.deepcopy(snap)  # the world mutates its copy; the original stays the checkpoint
        for name, part in world._parts().items():
            part.set_play_state(copied[name])
        world.relight()
        world.checkpoint = snap
        return world

    def spread(self, noise: Noise, events: list[dict], made_by: Guard | None = None,
               nearest: int | None = None) -> list[Guard]:
        """A noise, as an event and in the ears of every guard who hears it (not the one who made
        it; with `nearest`, only that many of them, nearest first); those who heard it."""
        events.append(event(self.tick, EventType.NOISE, x=round(noise.x, 1), y=round(noise.y, 1),
                            radius=round(noise.radius, 1), source=noise.source))
        heard = [g for g in self.acoustics.listeners(noise, self.guards, nearest) if g is not made_by]
        for guard in heard:
            self.brain.hear(guard, noise)
        return heard

    def light_cells(self) -> list[list[float]]:
        """The light `light_at` looks up, one value per LIGHT_CELL square: [x cell][y cell]. Read
        it, do not change it (the design tools look at it whole)."""
        return self._light

    def light_at(self, x: float, y: float) -> float:
        col = min(max(int(x // LIGHT_CELL), 0), len(self._light) - 1)
        row = min(max(int(y // LIGHT_CELL), 0), len(self._light[0]) - 1)
        return self._light[col][row]

    # --------------------------------------------------------------- Jesse
    def _move_player(self, intent: Intent, noises: list[Noise]) -> None:
        mx, my = intent.move
        push = math.hypot(mx, my)
        player = self.player
        if push < 1e-3:
            # Stopped with sneak held he stays crouched: never easier to see than sneaking.
            player.pace, player.speed = ("crouch" if intent.sneak else "still"), 0.0
            player.step_clock = 0.0
            self.physics.set_velocity(0.0, 0.0)
        else:
            if intent.sprint and not intent.sneak:
                pace = "sprint"
            elif intent.sneak or push < self.tuning.stick_sneak_below:
                pace = "sneak"
            else:
                pace = "walk"
            # A stick pushed part way moves slower; below the sneak threshold its range is the sneak's.
            scale = push / self.tuning.stick_sneak_below if pace == "sneak" and not intent.sneak else push
            speed = self._speeds[pace] * min(1.0, scale)
            player.pace, player.speed = pace, speed
            player.facing = math.atan2(my, mx)
            self.physics.set_velocity(mx / push * speed, my / push * speed)
        self.physics.step(DT)
        player.x, player.y = self.physics.position
        if player.speed > 0.0:
            player.step_clock += DT
            if player.step_clock >= self._step_interval[player.pace]:
                player.step_clock = 0.0
                noises.append(self.noise_at(player.x, player.y, self._step_noise[player.pace], "step"))

    def noise_at(self, x: float, y: float, radius_tiles: float, source: str) -> Noise:
        radius = radius_tiles * self.tile * self.acoustics.floor_factor(x, y)
        return Noise(x, y, radius, source, self.tick)

    def _update_hiding(self, events: list[dict]) -> None:
        player = self.player
        spot = next((s.id for s in self._spots_at.get((int(player.x // self.tile), int(player.y // self.tile)), ())
                     if contains(s, player.x, player.y)), None)
        if spot == player.hiding_spot:
            return
        player.hiding_spot, player.hidden = spot, spot is not None
        if spot is None:
            events.append(event(self.tick, EventType.UNHIDE))
            return
        # Whoever sees him slip in knows where he is.
        witnesses = [g for g in self.guards if g.sees_player]
        for guard in witnesses:
            guard.knows_spot = spot
            if guard.state != GuardState.ALERT:
                self.brain.set_state(guard, GuardState.INVESTIGATE, Cause.SAW_HIM_HIDE, (player.x, player.y))
        events.append(event(self.tick, EventType.HIDE, spot=spot, seen_by=[g.id for g in witnesses]))

    def interaction(self) -> tuple[str, object] | None:
        """What one press of interact would act on now, first match: ("item", the nearest item),
        ("talk", the nearest talker), ("door", the nearest door), or the nearest ("switch", a light
        switch) or ("noise_maker", one Jesse can still set off); None when nothing is in reach.
        The press itself and the on-screen prompt both ask here, so they never disagree."""
        player = self.player
        t = self.tuning
        reach = self.physics.radius + t.interact_reach * self.tile
        item = self.objectives.nearest_item(player.x, player.y, reach + t.item_reach * self.tile)
        if item is not None:
            return ("item", item)
        talker = self.objectives.nearest_talker(player.x, player.y, reach + t.talk_reach * self.tile)
        if talker is not None:
            return ("talk", talker)
        door = self.doors.nearest(player.x, player.y, reach)
        if door is not None:
            return ("door", door)
        device = self.devices.nearest(player.x, player.y, reach)
        if device is None:
            return None
        return ("switch", device) if device.kind == "LightSwitch" else ("noise_maker", device)

    def locked_for_jesse(self, door) -> bool:
        return not door.open and bool(door.locked_by) and door.locked_by not in self.inventory

    def _interact(self, events: list[dict], noises: list[Noise]) -> None:
        """One press of interact: take the nearest item, else talk, else open or close a door."""
        target = self.interaction()
        if target is None:
            return
        kind, thing = target
        if kind == "item":
            events.append(self.objectives.take(thing, self.tick))
            return
        if kind == "talk":
            events.append(event(self.tick, EventType.TALK, dialogue=thing.props["dialogue"], who=thing.kind))
            return
        if kind == "switch":
            errands.switch(self, thing, not self.devices.is_on(thing), events)
            return
        if kind == "noise_maker":
            self.devices.set_off(thing, round(thing.props["seconds"] / DT))
            events.append(event(self.tick, EventType.NOISE_MAKER, maker=thing.id, on=True, label=thing.props["label"]))
            errands.sound_makers(self, events)
            return
        door = thing
        player = self.player
        if self.locked_for_jesse(door):
            events.append(event(self.tick, EventType.DOOR_LOCKED, door=door.id, needs=door.locked_by))
            return
        if self.doors.toggle(door, self.physics.radius, player.x, player.y, [(g.x, g.y) for g in self.guards]):
            door.by_guard = False
            events.append(event(self.tick, EventType.DOOR, door=door.id, open=door.open))
            noises.append(self.noise_at(*door.center, self.tuning.noise_door, "door"))

    def _throw(self, target: tuple[float, float], events: list[dict]) -> None:
        if self.throwables <= 0 or any(not p.landed for p in self.projectiles):
            return
        player = self.player
        dx, dy = target[0] - player.x, target[1] - player.y
        dist = math.hypot(dx, dy)
        if dist < 1.0:
            return
        angle = math.atan2(dy, dx)
        reach = min(dist, self.tuning.throw_range * self.tile)
        # It lands short of the first wall in its way.
        ray = self.grid.cast_ray(player.x, player.y, angle, reach + THROW_WALL_GAP)
        reach = min(reach, max(0.0, ray - THROW_WALL_GAP))
        tx, ty = player.x + math.cos(angle) * reach, player.y + math.sin(angle) * reach
        self.throwables -= 1
        self.projectiles.append(Projectile(player.x, player.y, tx, ty, self.tuning.throw_speed * self.tile * DT))
        events.append(event(self.tick, EventType.THROW, x=round(tx, 1), y=round(ty, 1), left=self.throwables))

    def _fly_projectiles(self, noises: list[Noise]) -> None:
        kept = []
        for p in self.projectiles:
            if p.landed:
                if self.tick - p.landed_tick < LANDED_MEMORY:
                    kept.append(p)
                continue
            dx, dy = p.tx - p.x, p.ty - p.y
            d = math.hypot(dx, dy)
            if d <= p.speed:
                p.x, p.y, p.landed, p.landed_tick = p.tx, p.ty, True, self.tick
                noises.append(self.noise_at(p.x, p.y, self.tuning.noise_throw, "throw"))
            else:
                p.x += dx / d * p.speed
                p.y += dy / d * p.speed
            kept.append(p)
        self.projectiles = kept

    # --------------------------------------------------------------- radio
    def _man_for(self, boss: Guard, point: tuple[float, float]) -> Guard | None:
        """The man a boss sends to look at `point`: one of the crew on his rounds, the nearest to it
        on foot within SEND_RANGE tiles; None if there is none."""
        reach = SEND_RANGE * self.tile
        best, best_d = None, math.inf
        for g in self.guards:
            if g is boss or g.faction != "crew" or g.state not in CALM:
                continue
            d = self.grid.walk_distance((g.x, g.y), point, reach)
            if d < best_d:
                best, best_d = g, d
        return best

    def _deliver_radio(self, events: list[dict]) -> None:
        radio_range = self.tuning.radio_range * self.tile
        for sender, point in self._radio_inbox:
            group, net = sender.senses.group, RADIO_NET.get(sender.faction, sender.faction)
            hearers = [g for g in self.guards if g is not sender and RADIO_NET.get(g.faction, g.faction) == net and (
                g.senses.group == group if group else math.hypot(g.x - sender.x, g.y - sender.y) <= radio_range)]
            events.append(event(self.tick, EventType.RADIO, guard=sender.id, to=[g.id for g in hearers],
                                x=round(point[0], 1), y=round(point[1], 1)))
            for guard in hearers:
                self.brain.radio(guard, sender, point)
        self._radio_inbox = []
