"""What the story makes of a tick's events in a level: the conversations the world asked for
(someone talked to, a memory at a place; a call plays beside the level instead: story/calls.py), and the short notices that say why a way is shut and
where being caught will start Jesse again. Pure: the level scene opens and shows what it gets.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..story.calls import CALL_PREFIX
from ..story.dialogue import dialogue_exists
from ..world.doors import SEALED
from ..world.events import EventType


@dataclass
class Reactions:
    conversations: list[str] = field(default_factory=list)  # dialogue ids, in order
    notices: list[str] = field(default_factory=list)
    caught_by: int | None = None  # the guard who caught Jesse this tick, if one did


def react(events: list[dict], world, level) -> Reactions:
    out = Reactions()
    for e in events:
        if e["type"] == EventType.CAUGHT:
            out.caught_by = e["guard"]
        elif e["type"] == EventType.TALK:
            out.conversations.append(e["dialogue"])
        elif e["type"] == EventType.TRIGGER and not e["id"].startswith(CALL_PREFIX) and dialogue_exists(e["id"]):
            out.conversations.append(e["id"])
        elif e["type"] in (EventType.EXIT_BLOCKED, EventType.DOOR_LOCKED):
            out.notices.append(why_shut(e, world, level))
        elif e["type"] == EventType.CHECKPOINT and world.outcome is None:
            out.notices.append("Checkpoint.")  # where being caught will start him again
    return out


def why_shut(e: dict, world, level) -> str:
    """The map's own words when it has them (an Exit's `text`), else what is missing."""
    label = world.objectives.label_of
    if e["type"] == EventType.DOOR_LOCKED:
        if e["needs"] == SEALED:
            return "Shut for good. Nothing opens it now."
        return f"Locked. {label(e['needs'])} would open it."
    exit_obj = next((o for o in level.objects if o.id == e["exit"]), None)
    if exit_obj is not None and exit_obj.props["text"]:
        return exit_obj.props["text"]
    return "Not yet: " + ", ".join(label(m) for m in e["missing"])
