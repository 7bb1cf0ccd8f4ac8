"""The last chapter's machinery: Marco's confession on tape, the trap, the sirens.

- **The confession.** Marco (a `Marco` object) sees and hears like a guard. Once his
  `requires` are met (the recorder planted) he talks while he is calm; the tape only
  advances while Jesse is within `earshot` (walking distance) and no one sees him. When
  Marco turns suspicious he stops talking until he calms down. A full tape completes
  the objective named by `confession`.
  He began knowing the crew had been on alert or not (`alerted`): his words answer it.
- **The trap.** A `Door` with `closes_on` slams shut and stays locked once that
  objective is done (it waits for Jesse to be out of the doorway).
- **The sirens.** An `Objective` with `countdown` starts a visible countdown when done;
  at zero the DEA arrives and the level is lost.
"""

from __future__ import annotations

import math

from .ai.states import CALM
from .events import EventType, event
from .doors import SEALED
from .objectives import requirement_ids
from .snapshot import Stateful
from .tuning import DT



class Confession(Stateful):
    """Marco's tape. Reads the world; what it changes it returns as events (the world applies an
    `objective_done` by completing that objective)."""

    STATIC = frozenset({"obj", "guard_index", "home", "requires", "seconds", "earshot", "objective"})

    def __init__(self, marco_obj, guard_index: int, home: tuple[float, float], tile: int):
        self.obj, self.guard_index, self.home = marco_obj, guard_index, home
        self.requires = requirement_ids(marco_obj.props["requires"])
        self.seconds = max(1.0, marco_obj.props["talk_seconds"])
        self.earshot = marco_obj.props["earshot"] * tile
        self.objective = marco_obj.props["confession"]
        self.progress = 0.0
        self.talking = False
        self.advancing = False
        # Whether he began knowing the crew had been on alert: then he talks as a man who knows
        # someone is in his walls (the scene shows the `<dialogue>_alerted` lines, if written).
        self.alerted = False

    def update(self, world, rates, events: list[dict]) -> None:
        if self.progress >= 1.0:
            self.talking = self.advancing = False
            return
        ready = all(r in world.objectives.done for r in self.requires)
        marco = world.guards[self.guard_index]
        talking = ready and marco.state in CALM
        if talking != self.talking:
            if talking and self.progress == 0.0:
                self.alerted = world.alarm.phases > 0
            self.talking = talking
            events.append(event(world.tick, EventType.MARCO_TALKS if talking else EventType.MARCO_SILENT))
        player = world.player
        self.advancing = False
        if talking and not any(r > 0.0 for r in rates):
            g = marco
            if math.hypot(player.x - g.x, player.y - g.y) <= self.earshot:
                walked = world.grid.walk_distance((player.x, player.y), (g.x, g.y), self.earshot)
                self.advancing = walked <= self.earshot
        if self.advancing:
            before = self.progress
            self.progress = min(1.0, self.progress + DT / self.seconds)
            for mark in (0.25, 0.5, 0.75):
                if before < mark <= self.progress:
                    events.append(event(world.tick, EventType.RECORDING, progress=mark))
            if self.progress >= 1.0:
                events.append(event(world.tick, EventType.OBJECTIVE_DONE, objective=self.objective, text="The confession is on tape."))


def doors_to_seal(world) -> list:
    """Doors whose `closes_on` objective is done and that are not sealed yet: the world slams them
    shut and locks them for good (`Doors.seal`, once Jesse is clear of the doorway)."""
    done = world.objectives.done
    return [door for door in world.doors.doors
            if door.obj.props["closes_on"] and door.locked_by != SEALED and door.obj.props["closes_on"] in done]


def countdown_started(world, events: list[dict]) -> int | None:
    """Ticks on the sirens' clock if one of these events completes an Objective with a
    `countdown` (and no clock runs yet), else None."""
    if world.countdown is not None:
        return None
    by_id = {o.props["objective"]: o for o in world.level.of_kind("Objective")}
    for e in events:
        if e["type"] == EventType.OBJECTIVE_DONE and e["objective"] in by_id:
            seconds = by_id[e["objective"]].props["countdown"]
            if seconds > 0:
                return round(seconds / DT)
    return None
