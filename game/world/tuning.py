"""Every number the simulation uses, with its default, in one place.

Distances are in tiles, angles in degrees and times in seconds here, converted
where used, so a designer can read them. Per-guard overrides come from the
guard's Tiled properties (`view_range`, `view_angle`, `hearing`, `speed`,
`group`, `flashlight`: see `kinds.KINDS["Guard"]`); difficulty scales
`awareness_rate` and `search_time`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

TICK_RATE = 60
DT = 1.0 / TICK_RATE


@dataclass(frozen=True)
class Tuning:
    # --- Jesse -----------------------------------------------------------
    player_radius: float = 0.32  # body radius, tiles (about 10 px)
    sneak_speed: float = 1.6  # tiles per second
    walk_speed: float = 3.4
    sprint_speed: float = 6.0
    stick_sneak_below: float = 0.55  # an analogue stick pushed less than this sneaks
    throwables: int = 3  # objects Jesse can throw, unless the map says otherwise
    throwables_fewer: int = 0  # ...less this many (the harder road), never below none
    throw_range: float = 8.0  # tiles
    throw_speed: float = 14.0  # tiles per second in flight
    interact_reach: float = 0.6  # tiles from his body's edge to a door he can open or close
    item_reach: float = 0.3  # ...and this much further for an item to pick up
    talk_reach: float = 0.5  # ...or for someone to talk to

    # --- sight -------------------------------------------------------------
    view_range: float = 8.0  # focus cone length (Tiled: view_range)
    view_angle: float = 90.0  # focus cone width (Tiled: view_angle)
    alert_view_range: float = 10.0  # an alerted guard looks further
    peripheral_range: float = 4.0
    peripheral_angle: float = 160.0
    peripheral_factor: float = 0.4  # awareness fills this much slower in the periphery
    near_range: float = 1.2  # sensed all round, even behind
    fill_time_near: float = 0.75  # seconds from 0 to full awareness at 1 tile...
    fill_time_far: float = 3.0  # ...and at the edge of the cone
    awareness_rate: float = 1.0  # difficulty: multiplies every fill rate
    # Exposure: how visible Jesse is, from light and from his own motion.
    motion_exposure: tuple = (("still", 0.0), ("crouch", 0.0), ("sneak", 0.0), ("walk", 0.35), ("sprint", 0.75))
    exposure_floor: float = 0.2  # at or below this exposure Jesse is invisible
    exposure_full: float = 0.6  # at or above this, fully visible
    # Crouched and still (sneak held, not moving) is the hardest to see; upright and still is
    # between sneaking and walking.
    pace_factor: tuple = (("still", 0.7), ("crouch", 0.5), ("sneak", 0.6), ("walk", 1.0), ("sprint", 1.4))
    sneak_outer_half_factor: float = 0.15  # sneaking or crouching in the outer half of the cone
    flashlight_exposure: float = 0.9  # inside a flashlight beam
    drain_grace: float = 1.0  # seconds out of sight before awareness drains
    drain_rate: float = 0.25  # per second

    # --- hearing (noise radius in tiles) ----------------------------------
    noise_sneak: float = 0.5
    noise_walk: float = 2.0
    noise_sprint: float = 5.0
    noise_throw: float = 6.0
    noise_door: float = 4.0
    noise_maker_pulse: float = 1.0  # seconds between the sounds of a noise maker going off
    step_interval: tuple = (("sneak", 0.6), ("walk", 0.45), ("sprint", 0.3))  # seconds per footstep

    # --- the guard brain ---------------------------------------------------
    suspicious_enter: float = 0.35  # awareness that makes a guard stop and look ("?")
    suspicious_leave: float = 0.12  # ...and below which he lets it go
    alert_enter: float = 1.0  # awareness that makes him give chase ("!")
    suspicious_look: float = 1.5  # seconds of looking before he goes to check
    door_open_time: float = 0.6  # seconds a guard stands at a shut door on his way before he opens it
    door_give_up: float = 3.0  # seconds at a locked door before he finds it suspicious and calls it in
    investigate_look: float = 3.0  # seconds looking around at the spot
    lose_time: float = 2.0  # seconds without seeing Jesse before a chase becomes a search
    search_time: float = 12.0  # seconds of sweeping around the last known position
    search_radius: float = 4.0  # tiles
    search_pause: float = 1.2  # seconds looking about at each search point
    radio_delay: float = 1.0  # seconds from alert to the radio call
    radio_range: float = 12.0  # tiles, for guards with no group
    catch_range: float = 0.8  # tiles between the two bodies' edges
    catch_delay: float = 0.4  # seconds an alerted guard needs before he can grab (time to react)
    # The crew's alert phase (alarm.py): alert, then evasion, then caution, then calm.
    alert_hold: float = 6.0  # seconds the alert lasts after the last chase ends
    evasion_time: float = 15.0  # seconds of evasion (the crew searches)
    caution_time: float = 30.0  # seconds of caution before calm
    caution_awareness: float = 1.25  # awareness fills this much faster in evasion and caution
    caution_look: float = 1.5  # extra seconds looking about at each route point in caution

    # --- guard movement -------------------------------------------------------
    guard_radius: float = 0.32
    patrol_speed: float = 2.2
    investigate_speed: float = 2.6
    chase_speed: float = 5.2
    turn_speed: float = 270.0  # degrees per second
    scan_angle: float = 60.0  # degrees either side when looking around


DEFAULT = Tuning()


# Difficulty: how fast awareness fills and how long searches last.
DIFFICULTY = {
    "easy": {"awareness_rate": 0.7, "search_time": 8.0, "evasion_time": 10.0, "caution_time": 20.0},
    "normal": {},
    "hard": {"awareness_rate": 1.35, "search_time": 16.0, "evasion_time": 20.0, "caution_time": 45.0,
             "caution_awareness": 1.4},
}




class RunMode(StrEnum):
    """The road a run is played on: the story, or the harder road it opens once it is finished
    (as Mark of the Ninja's New Game+: no cones drawn, sharper eyes, one wrench fewer)."""

    STORY = "story"
    HARDER = "harder"


HARDER_AWARENESS = 1.3  # the harder road: awareness fills this much faster, on top of the difficulty
HARDER_FEWER_THROWS = 1


def tuning_for(difficulty: str, mode: RunMode | str = RunMode.STORY) -> Tuning:
    tuning = replace(DEFAULT, **DIFFICULTY.get(difficulty, {}))
    if mode == RunMode.HARDER:
        tuning = replace(tuning, awareness_rate=tuning.awareness_rate * HARDER_AWARENESS,
                         throwables_fewer=HARDER_FEWER_THROWS)
    return tuning
