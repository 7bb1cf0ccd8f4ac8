"""World events: plain dicts, in tick order, ready for JSON.

Every event has `tick` (the tick that produced it) and `type`, one of `EventType`; the rest
depends on the type (listed beside each member). Tests, the HUD, the story system, the sound
and `game.sim` all read them. `EventType` is a `StrEnum`: the JSON is the plain word, and
`e["type"] == EventType.DOOR` holds for an event read back from JSON too.
"""

from __future__ import annotations

from enum import StrEnum


class EventType(StrEnum):
    GUARD_STATE = "guard_state"            # guard, from, to, cause: a guard changed state
    NOISE = "noise"                        # x, y, radius, source: a sound that guards may hear
    RADIO = "radio"                        # guard, to, x, y: a call, and who it reached
    CAUGHT = "caught"                      # guard: the level is lost
    TIME_UP = "time_up"                    # the sirens arrived: the level is lost
    HIDE = "hide"                          # spot, seen_by: Jesse slipped into a hiding spot
    UNHIDE = "unhide"                      # he left it
    THROW = "throw"                        # x, y, left: a throw, where it will land, throws left
    DOOR = "door"                          # door, open (by: a guard; sealed: the trap)
    DOOR_LOCKED = "door_locked"            # door, needs: Jesse tried a locked door
    TALK = "talk"                          # dialogue, who: Jesse spoke to someone
    ITEM_TAKEN = "item_taken"              # item, label, object
    OBJECTIVE_DONE = "objective_done"      # objective, text
    TRIGGER = "trigger"                    # id, object: Jesse walked into a story trigger
    CHECKPOINT = "checkpoint"              # id, object: ... or a checkpoint
    EXIT_BLOCKED = "exit_blocked"          # exit, missing: at the exit without what it needs
    CHAPTER_COMPLETE = "chapter_complete"  # exit: the level is won
    MARCO_TALKS = "marco_talks"            # Marco started talking (the tape can roll)
    MARCO_SILENT = "marco_silent"          # ... and stopped
    RECORDING = "recording"                # progress: the tape passed a quarter mark
    ALERT_PHASE = "alert_phase"            # phase, seconds (raised): the crew's alert phase changed (alarm.py)
    LIGHT = "light"                        # switch, light, on (by: a guard): a light switched
    NOISE_MAKER = "noise_maker"            # maker, on, label (by: a guard who shut it off)
    BARK = "bark"                          # guard, line, text: a guard said something (barks.py)


def event(tick: int, type_: EventType, **fields) -> dict:
    if not isinstance(type_, EventType):
        raise TypeError(f"not an event type: {type_!r}")  # a typo here would be a silent new event
    return {"tick": tick, "type": type_, **fields}
