"""The world's events in words, with the map's names for guards and things: what a failure's
report and `--events` print (`3.18 s  guard "walker" patrol -> suspicious (saw_movement)`)."""

from __future__ import annotations

from ..world.events import EventType
from .places import Places


def _by(p: Places, e: dict) -> str:
    return f" by {p.guard(e['by'])}" if e.get("by") is not None else ""


def _light(p: Places, e: dict) -> str:
    light = e["light"] if p.named(e["light"]) else e["switch"]  # the Light zone's name, else its switch's
    return f"light {p.thing(light)} goes {'on' if e['on'] else 'off'}{_by(p, e)}"


def _hide(p: Places, e: dict) -> str:
    seen = ", ".join(p.guard(g) for g in e["seen_by"])
    return f"Jesse hides in {p.thing(e['spot'])}" + (f", seen by {seen}" if seen else ", unseen")


_TOLD = {
    EventType.GUARD_STATE: lambda p, e: f"{p.guard(e['guard'])} {e['from']} -> {e['to']} ({e['cause']})",
    EventType.BARK: lambda p, e: f"{p.guard(e['guard'])} says {e['text']!r} ({e['line'].split('.')[1]})",
    EventType.RADIO: lambda p, e: f"{p.guard(e['guard'])} radios {', '.join(p.guard(g) for g in e['to']) or 'nobody'}",
    EventType.CAUGHT: lambda p, e: f"caught by {p.guard(e['guard'])}",
    EventType.NOISE: lambda p, e: f"noise ({e['source']}), heard {e['radius'] / p.tile:.1f} tiles round",
    EventType.DOOR: lambda p, e: f"door {p.thing(e['door'])} {'opens' if e['open'] else 'shuts'}{_by(p, e)}",
    EventType.LIGHT: _light,
    EventType.NOISE_MAKER: lambda p, e: f"noise maker {p.thing(e['maker'])} "
                                        f"{'sounds' if e['on'] else 'is shut off'}{_by(p, e)}",
    EventType.HIDE: _hide,
    EventType.THROW: lambda p, e: f"Jesse throws: it lands at ({e['x'] / p.tile:.1f}, {e['y'] / p.tile:.1f}) tiles, "
                                  f"{e['left']} left",
    EventType.ITEM_TAKEN: lambda p, e: f"Jesse takes {p.thing(e['object'])} ({e['item']})",
    EventType.OBJECTIVE_DONE: lambda p, e: f"objective {e['objective']!r} done",
    EventType.CHAPTER_COMPLETE: lambda p, e: "level complete",
    EventType.TIME_UP: lambda p, e: "time up: the sirens came",
    EventType.ALERT_PHASE: lambda p, e: f"alert phase: {e['phase']}",
}


class Teller:
    """Tells one map's events."""

    def __init__(self, places: Places):
        self.places = places

    def tell(self, e: dict) -> str:
        told = _TOLD.get(e["type"])
        if told is not None:
            return told(self.places, e)
        fields = ", ".join(f"{k}={v}" for k, v in e.items() if k not in ("tick", "type"))
        return f"{e['type']}" + (f" ({fields})" if fields else "")
