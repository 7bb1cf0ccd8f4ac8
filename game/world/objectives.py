"""Items, objectives, exits and triggers: what Jesse does in a level besides not being seen.

Everything is placed in the map. Picking up an item (interact near it),
standing in an `Objective` whose requirements are met, entering a `Trigger`
and reaching an `Exit` are world events (`item_taken`, `objective_done`,
`trigger`, `checkpoint`, `chapter_complete`). Requirements name item ids and
objective ids, comma-separated; `done` holds every id achieved so far.
"""

from __future__ import annotations

import math

from .events import EventType, event
from .level import Level
from .snapshot import Stateful
from .tmx import MapObject
from .zones import cells_under, contains

CHECKPOINT_PREFIX = "checkpoint"


def requirement_ids(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


class Objectives(Stateful):
    STATIC = frozenset({"items", "objectives", "exits", "triggers", "talkers", "_tile", "_zones_at", "brought"})

    def __init__(self, level: Level):
        self.items = level.of_kind("Item")
        self.objectives = level.of_kind("Objective")
        self.exits = level.of_kind("Exit")
        self.triggers = level.of_kind("Trigger")
        self.talkers = level.of_kind("Kim")  # Marco does not chat: he is listened to (finale.py)
        # item ids taken and objective ids completed; what he brings from before counts as taken
        # ("walts_key:Walt's key": its id, and what the HUD calls it)
        self.brought = tuple((part.partition(":")[0].strip(), part.partition(":")[2].strip())
                             for part in str(level.properties.get("carried", "")).split(",") if part.strip())
        self.done: set[str] = {thing for thing, _ in self.brought}
        self.taken: set[int] = set()  # object ids of items picked up
        self.fired: set[int] = set()  # trigger object ids that have fired
        self._blocked_exit: int | None = None  # the exit Jesse stands in without what it needs
        # Per tile cell: the objectives, triggers and exits that may contain a point of it (their
        # boxes, 1 px wider), in map order. A cell with none (most) needs no test at all.
        self._tile = level.tile
        self._zones_at: dict[tuple[int, int], tuple[list, list, list]] = {}
        for k, group in enumerate((self.objectives, self.triggers, self.exits)):
            for obj in group:
                for cell in cells_under(obj, level.tile, level.cols, level.rows, margin=1.0):
                    self._zones_at.setdefault(cell, ([], [], []))[k].append(obj)

    def complete(self, objective_id: str) -> None:
        """Done by other means than standing in its zone (the confession on tape)."""
        self.done.add(objective_id)

    def missing(self, requires: str) -> list[str]:
        return [r for r in requirement_ids(requires) if r not in self.done]

    def carried(self) -> list[str]:
        """What Jesse has on him, by name: the items taken and not left behind by a completed
        objective, then what completed objectives gave him (the ledger from the safe)."""
        done = [obj for obj in self.objectives if obj.props["objective"] in self.done]
        left = {item for obj in done for item in requirement_ids(obj.props["leaves"])}
        items = [i.props["label"] or i.props["item"] for i in self.items
                 if i.id in self.taken and i.props["item"] not in left]
        brought = [label or self.label_of(thing) for thing, label in self.brought if thing not in left]
        return brought + items + [obj.props["gives"] for obj in done if obj.props["gives"]]

    def label_of(self, thing_id: str) -> str:
        """How the player knows an item or objective id: the item's label, the objective's text."""
        for item in self.items:
            if item.props["item"] == thing_id:
                return item.props["label"] or thing_id
        for obj in self.objectives:
            if obj.props["objective"] == thing_id:
                return obj.props["text"] or thing_id
        return thing_id.replace("_", " ")

    def items_left(self) -> list[MapObject]:
        return [i for i in self.items if i.id not in self.taken]

    def where(self, thing_id: str) -> list[MapObject]:
        """Where to go for `thing_id` (an id a chapter's objectives use): its items not yet taken,
        its Objective zones not yet done, or every Exit for "exit". Nothing for what is done or
        not in the map (Marco's confession is his: `finale.py`)."""
        if thing_id == "exit":
            return list(self.exits)
        if thing_id in self.done:
            return []
        return ([i for i in self.items_left() if i.props["item"] == thing_id]
                + [o for o in self.objectives if o.props["objective"] == thing_id])

    def nearest_item(self, x: float, y: float, reach: float) -> MapObject | None:
        best, best_d = None, reach
        for item in self.items_left():
            d = math.hypot(item.x - x, item.y - y)
            if d <= best_d:
                best, best_d = item, d
        return best

    def nearest_talker(self, x: float, y: float, reach: float) -> MapObject | None:
        near = [(math.hypot(t.x - x, t.y - y), t.id, t) for t in self.talkers if t.props["dialogue"]]
        near = [n for n in near if n[0] <= reach]
        return min(near)[2] if near else None

    def take(self, item: MapObject, tick: int) -> dict:
        self.taken.add(item.id)
        self.done.add(item.props["item"])
        return event(tick, EventType.ITEM_TAKEN, item=item.props["item"], label=item.props["label"], object=item.id)

    def update(self, x: float, y: float, tick: int) -> list[dict]:
        """Zones Jesse stands in this tick: objectives, triggers and exits."""
        near = self._zones_at.get((int(x // self._tile), int(y // self._tile)))
        if near is None:
            self._blocked_exit = None
            return []
        objectives, triggers, exits = near
        events = []
        for obj in objectives:
            oid = obj.props["objective"]
            if oid not in self.done and contains(obj, x, y) and not self.missing(obj.props["requires"]):
                self.done.add(oid)
                events.append(event(tick, EventType.OBJECTIVE_DONE, objective=oid, text=obj.props["text"]))
        for trig in triggers:
            if trig.id not in self.fired and contains(trig, x, y):
                self.fired.add(trig.id)
                what = trig.props["on_enter"]
                kind = EventType.CHECKPOINT if what.startswith(CHECKPOINT_PREFIX) else EventType.TRIGGER
                events.append(event(tick, kind, id=what, object=trig.id))
        in_exit = next((e for e in exits if contains(e, x, y)), None)
        if in_exit is None:
            self._blocked_exit = None
        elif not self.missing(in_exit.props["requires"]):
            events.append(event(tick, EventType.CHAPTER_COMPLETE, exit=in_exit.id))
        elif self._blocked_exit != in_exit.id:
            self._blocked_exit = in_exit.id
            events.append(event(tick, EventType.EXIT_BLOCKED, exit=in_exit.id, missing=self.missing(in_exit.props["requires"])))
        return events
