"""The object kinds a designer may place in a Tiled map, and their properties.

This table is the one source of truth for the map format: the loader validates
every object against it, the linter reports against it, and the Tiled project
file and `maps/README.md` describe it. An object whose kind is not listed here
is an error, so a typo fails when the map loads, not in the middle of play.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

POINT, RECT, ELLIPSE, POLYLINE, POLYGON = "point", "rect", "ellipse", "polyline", "polygon"
AREA = frozenset({RECT, ELLIPSE})

# Tiled property types we accept, and the Tiled types a value may be written as.
PROPERTY_TYPES = {
    "bool": {"bool"},
    "int": {"int"},
    "float": {"float", "int"},
    "string": {"string"},
    "object": {"object"},
}


@dataclass(frozen=True)
class Prop:
    """One property of a kind: its Tiled type, default and meaning."""

    type: str
    default: object = None
    doc: str = ""
    required: bool = False
    choices: tuple[str, ...] = ()
    # For an object reference: the kind the referenced object must have.
    refers_to: str | None = None
    # For a number: the range it must be in (inclusive); every number must be finite.
    low: float | None = None
    high: float | None = None

    def problem(self, value) -> str | None:
        """Why `value` cannot be this property's value (None when it can): a number outside its range."""
        if self.type not in ("int", "float") or isinstance(value, bool):
            return None
        if not math.isfinite(value):
            return f"must be a finite number (got {value})"
        if (self.low is not None and value < self.low) or (self.high is not None and value > self.high):
            return f"must be from {number_text(self.low)} to {number_text(self.high)} (got {number_text(value)})"
        return None


def number_text(value) -> str:
    """A number as a designer types it: 40, not 40.0; huge ones short."""
    if value is None:
        return "any"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.6g}"


@dataclass(frozen=True)
class Kind:
    shapes: frozenset[str]
    doc: str
    props: dict[str, Prop] = field(default_factory=dict)


_ZONE_LEVEL = Prop("float", 0.0, "light level inside the zone, 0 (black) to 1 (fully lit)", low=0.0, high=1.0)
_FACING = dict(low=-3600.0, high=3600.0)  # degrees: any turn a designer types, never NaN or huge
_FACTOR = dict(low=0.0, high=10.0)

KINDS: dict[str, Kind] = {
    "PlayerSpawn": Kind(frozenset({POINT}), "where Jesse starts (one per map)"),
    "Guard": Kind(
        frozenset({POINT}),
        "one of Marco's crew (or a DEA watcher), standing where placed",
        {
            "route": Prop("object", None, "the PatrolRoute this guard walks; none: stands guard", refers_to="PatrolRoute"),
            "faction": Prop("string", "crew", "crew or dea", choices=("crew", "dea")),
            "group": Prop("string", "", "radio group: alerts reach guards of the same group"),
            "view_range": Prop("float", 8.0, "focus cone length, in tiles", low=0.5, high=40.0),
            "view_angle": Prop("float", 90.0, "focus cone width, in degrees", low=1.0, high=360.0),
            "hearing": Prop("float", 1.0, "multiplier on every noise radius this guard hears", **_FACTOR),
            "speed": Prop("float", 1.0, "multiplier on walking and running speed", low=0.1, high=5.0),
            "facing": Prop("float", 0.0, "initial facing in degrees (0 east, 90 south) for a guard with no route",
                           **_FACING),
            "flashlight": Prop("bool", False, "carries a flashlight (a moving light)"),
            "keys": Prop("string", "", "comma-separated item ids of locked doors he can open (doors he "
                                       "finds shut and unlocked he always opens)"),
        },
    ),
    "PatrolRoute": Kind(
        frozenset({POLYLINE, POLYGON}),
        "a path a guard walks; a polygon is always a loop",
        {
            "loop": Prop("bool", False, "after the last point, go to the first (else walk back)"),
            "wait": Prop("float", 0.0, "seconds to wait at each point", low=0.0, high=600.0),
            "waits": Prop("string", "", "per-point waits, e.g. \"2,0,3\" (overrides wait)"),
        },
    ),
    "HidingSpot": Kind(
        AREA,
        "Jesse cannot be seen inside, unless a guard saw him go in",
        {"kind": Prop("string", "shadow", "under_car, locker or shadow", choices=("under_car", "locker", "shadow"))},
    ),
    "Dark": Kind(AREA, "an area darker than the map's ambient light",
                 {"level": Prop("float", 0.15, _ZONE_LEVEL.doc, low=0.0, high=1.0)}),
    "Light": Kind(AREA, "an area lit by a lamp", {"level": Prop("float", 1.0, _ZONE_LEVEL.doc, low=0.0, high=1.0)}),
    "NoiseFloor": Kind(AREA, "a loud floor (wet, gravel): noises grow",
                       {"factor": Prop("float", 1.5, "noise radius multiplier", **_FACTOR)}),
    "NoiseMask": Kind(AREA, "running machinery: noises shrink",
                      {"factor": Prop("float", 0.5, "noise radius multiplier", **_FACTOR)}),
    "Door": Kind(
        frozenset({RECT}),
        "a door; closed doors block sight and movement",
        {
            "locked_by": Prop("string", "", "item id that unlocks it; empty: never locked"),
            "starts_open": Prop("bool", False, "open when the level starts"),
            "closes_on": Prop("string", "", "objective id: when it is done, the door slams shut and stays locked"),
        },
    ),
    "Item": Kind(
        frozenset({POINT}),
        "something Jesse picks up",
        {
            "item": Prop("string", "", "item id, used by requires and locked_by", required=True),
            "label": Prop("string", "", "what the HUD calls it"),
        },
    ),
    "Objective": Kind(
        AREA,
        "a place where Jesse completes an objective",
        {
            "objective": Prop("string", "", "objective id (what requires and the chapter's objectives name)",
                              required=True),
            "text": Prop("string", "", "what the HUD says"),
            "requires": Prop("string", "", "comma-separated item/objective ids needed first"),
            "leaves": Prop("string", "", "comma-separated item ids Jesse leaves here once it is done (planted, handed over): "
                                         "no longer carried; each must be in `requires`"),
            "gives": Prop("string", "", "what Jesse carries away once it is done (the HUD's carried line), e.g. Ledger"),
            "countdown": Prop("float", 0.0, "seconds: completing it starts a visible countdown; at zero the level is lost",
                              low=0.0, high=3600.0),
        },
    ),
    "Exit": Kind(
        AREA,
        "leaving the level here completes the chapter",
        {
            "requires": Prop("string", "", "comma-separated ids needed first"),
            "text": Prop("string", "", "what the HUD says when it is still closed to Jesse"),
        },
    ),
    "LightSwitch": Kind(
        frozenset({POINT}),
        "a switch Jesse turns a Light zone off and on with interact; a guard who sees his light go out "
        "comes to switch it back on, and while it is out the dark is real for sight",
        {
            "light": Prop("object", None, "the Light zone it switches", required=True, refers_to="Light"),
            "starts_on": Prop("bool", True, "the light is on when the level starts"),
        },
    ),
    "NoiseMaker": Kind(
        frozenset({POINT}),
        "something loud Jesse sets off with interact (a radio, a car alarm, a compressor): the nearest "
        "guards who hear it come to see, and the first there shuts it off",
        {
            "label": Prop("string", "radio", "what it is, for the prompt (\"E  Radio\")"),
            "radius": Prop("float", 10.0, "how far it is heard, in tiles (walking distance)", low=1.0, high=40.0),
            "seconds": Prop("float", 8.0, "how long it sounds once set off", low=1.0, high=120.0),
            "draws": Prop("int", 2, "how many of the guards who hear it come (the nearest)", low=1, high=20),
            "uses": Prop("int", 1, "how many times Jesse can set it off", low=1, high=99),
        },
    ),
    "Trigger": Kind(AREA, "fires once when Jesse enters", {"on_enter": Prop("string", "", "dialogue, memory or checkpoint id", required=True)}),
    "Kim": Kind(frozenset({POINT}), "Kim Wexler", {"dialogue": Prop("string", "", "dialogue id")}),
    "Marco": Kind(
        frozenset({POINT}),
        "Marco Salamanca: sees and hears like a guard; talks (his confession) once his requirements are met",
        {
            "dialogue": Prop("string", "", "what he says: the lines the recorder picks up"),
            "requires": Prop("string", "", "comma-separated ids needed before he talks (e.g. the planted recorder)"),
            "talk_seconds": Prop("float", 40.0, "seconds of recording needed for the whole confession",
                                 low=1.0, high=3600.0),
            "earshot": Prop("float", 5.0, "tiles: Jesse must be this close (walking) for the recording to advance",
                            low=0.5, high=40.0),
            "confession": Prop("string", "confession", "objective id done when the confession is recorded"),
            "facing": Prop("float", 0.0, "initial facing in degrees (0 east, 90 south)", **_FACING),
            "group": Prop("string", "", "radio group: his alarm reaches these guards"),
            "route": Prop("object", None, "the PatrolRoute he walks between his places while he talks; none: "
                          "he holds court where he stands", refers_to="PatrolRoute"),
            "sealed": Prop("string", "", "dialogue id: what he says through the door when the trap seals him in"),
        },
    ),
}

# Properties of the map itself (Map > Map Properties in Tiled). Others are allowed (a designer's
# own notes) but these are typed and ranged like any object's.
MAP_PROPS: dict[str, Prop] = {
    "ambient": Prop("float", 1.0, "light everywhere no Light or Dark zone says otherwise, 0 (black) to 1",
                    low=0.0, high=1.0),
    "throwables": Prop("int", 3, "how many things Jesse can throw in this level", low=0, high=99),
    "carried": Prop("string", "", "what Jesse brings into this level from before, held from the start (for "
                    "requires and locked_by): comma-separated item ids, each with its HUD label after a colon, "
                    "e.g. walts_key:Walt's key"),
}
