"""The last chapter's machinery: Marco's confession on tape, the trap, the sirens.

- **The confession.** Marco (a `Marco` object) sees and hears like a guard. Once his
  `requires` are met (the recorder planted) he talks while he is calm; the tape only
  advances while Jesse is within `earshot` (walking distance) and no one sees him. When
  Marco turns suspicious he stops talking until he calms down. A full tape completes
  the objective named by `confession`.
- **The trap.** A `Door` with `closes_on` slams shut and stays locked once that
  objective is done (it waits for Jesse to be out of the doorway).
- **The sirens.** An `Objective` with `countdown` starts a visible countdown when done;
  at zero the DEA arrives and the level is lost.
"""

from __future__ import annotations

import math

from .events import event
from .objectives import requirement_ids
from .tuning import DT

SEALED = "\0sealed"  # a lock no item opens
CALM = ("patrol", "return")


class Confession:
    def __init__(self, marco_obj, guard, tile: int):
        self.obj, self.guard = marco_obj, guard
        self.requires = requirement_ids(marco_obj.props["requires"])
        self.seconds = max(1.0, marco_obj.props["talk_seconds"])
        self.earshot = marco_obj.props["earshot"] * tile
        self.objective = marco_obj.props["confession"]
        self.progress = 0.0
        self.talking = False
        self.advancing = False

    def update(self, world, rates, events: list[dict]) -> None:
        if self.progress >= 1.0:
            self.talking = self.advancing = False
            return
        ready = all(r in world.objectives.done for r in self.requires)
        talking = ready and self.guard.state in CALM
        if talking != self.talking:
            self.talking = talking
            events.append(event(world.tick, "marco_talks" if talking else "marco_silent"))
        player = world.player
        self.advancing = False
        if talking and not any(r > 0.0 for r in rates):
            g = self.guard
            if math.hypot(player.x - g.x, player.y - g.y) <= self.earshot:
                walked = world.grid.walk_distance((player.x, player.y), (g.x, g.y), self.earshot)
                self.advancing = walked <= self.earshot
        if self.advancing:
            before = self.progress
            self.progress = min(1.0, self.progress + DT / self.seconds)
            for mark in (0.25, 0.5, 0.75):
                if before < mark <= self.progress:
                    events.append(event(world.tick, "recording", progress=mark))
            if self.progress >= 1.0:
                world.objectives.done.add(self.objective)
                events.append(event(world.tick, "objective_done", objective=self.objective, text="The confession is on tape."))


def seal_doors(world, events: list[dict]) -> None:
    """Doors whose `closes_on` objective is done slam shut and lock (when Jesse is clear of them)."""
    for door in world.doors.doors:
        trigger = door.obj.props["closes_on"]
        if not trigger or door.locked_by == SEALED or trigger not in world.objectives.done:
            continue
        if door.open and not world.doors.toggle(door, world.physics.radius, world.player.x, world.player.y,
                                                [(g.x, g.y) for g in world.guards]):
            continue  # Jesse is in the doorway: it shuts as soon as he steps out
        door.locked_by = SEALED
        events.append(event(world.tick, "door", door=door.id, open=False, sealed=True))


def start_countdowns(world, progress_events: list[dict]) -> None:
    by_id = {o.props["id"]: o for o in world.level.of_kind("Objective")}
    for e in progress_events:
        if e["type"] == "objective_done" and e["objective"] in by_id:
            seconds = by_id[e["objective"]].props["countdown"]
            if seconds > 0 and world.countdown is None:
                world.countdown = round(seconds / DT)
