"""World events: plain dicts, in tick order, ready for JSON.

Every event has `tick` (the tick that produced it) and `type`; the rest depends
on the type. Tests, the HUD, the story system and `game.sim` all read them.
"""

from __future__ import annotations


def event(tick: int, type_: str, **fields) -> dict:
    return {"tick": tick, "type": type_, **fields}
