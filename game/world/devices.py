"""Things Jesse switches to play the crew: light switches and noise makers, placed in Tiled.

- A `LightSwitch` turns one `Light` zone off and on. While it is off the zone gives no light,
  for the guards' eyes as for the picture (`light_grid` leaves it out), so the dark is real.
  A guard who sees his light go out comes to switch it back on: the classic lure.
- A `NoiseMaker` (a radio, a car alarm, a compressor) sounds for a while once set off: a loud
  noise every `noise_maker_pulse` seconds. Of the guards who hear it, only the nearest `draws`
  come to see; the first to reach it shuts it off.

This module holds their state and answers where they are; the world turns presses and
arrivals into events and noises.
"""

from __future__ import annotations

import math

from .level import Level
from .snapshot import Stateful
from .tmx import MapObject


class Devices(Stateful):
    STATIC = frozenset({"switches", "makers", "_by_id"})

    def __init__(self, level: Level):
        self.switches = level.of_kind("LightSwitch")
        self.makers = level.of_kind("NoiseMaker")
        self._by_id = {d.id: d for d in self.switches + self.makers}
        # Light zone ids switched off, sorted (a tuple: compared cheaply by the renderer).
        self.lights_off: tuple[int, ...] = tuple(sorted(
            {s.props["light"] for s in self.switches if not s.props["starts_on"]}))
        self.sounding: dict[int, int] = {}  # noise maker id -> ticks it still sounds
        self.used: dict[int, int] = {}  # noise maker id -> times Jesse set it off

    def get(self, device_id: int) -> MapObject | None:
        return self._by_id.get(device_id)

    def nearest(self, x: float, y: float, reach: float) -> MapObject | None:
        """The switch or noise maker nearest (x, y) within reach (a spent, silent maker is not)."""
        best, best_d = None, reach
        for d in self.switches + self.makers:
            if d.kind == "NoiseMaker" and not self.can_set_off(d):
                continue
            dist = math.hypot(d.x - x, d.y - y)
            if dist <= best_d:
                best, best_d = d, dist
        return best

    # ------------------------------------------------------------ switches
    def is_on(self, switch: MapObject) -> bool:
        return switch.props["light"] not in self.lights_off

    def switch(self, switch: MapObject, on: bool) -> bool:
        """Set its light on or off; True when that changed anything."""
        light = switch.props["light"]
        off = set(self.lights_off)
        if on == (light not in off):
            return False
        if on:
            off.discard(light)
        else:
            off.add(light)
        self.lights_off = tuple(sorted(off))
        return True

    # ------------------------------------------------------------ noise makers
    def can_set_off(self, maker: MapObject) -> bool:
        return maker.id not in self.sounding and self.used.get(maker.id, 0) < maker.props["uses"]

    def set_off(self, maker: MapObject, ticks: int) -> None:
        self.used[maker.id] = self.used.get(maker.id, 0) + 1
        self.sounding[maker.id] = ticks

    def silence(self, maker: MapObject) -> bool:
        return self.sounding.pop(maker.id, None) is not None

    def tick(self, pulse_ticks: int) -> list[MapObject]:
        """One tick of every sounding maker; those that make their noise this tick. A maker
        sounds at once when set off, then every `pulse_ticks` while it lasts."""
        due = []
        for maker_id in list(self.sounding):
            left = self.sounding[maker_id]
            maker = self._by_id[maker_id]
            total = round(maker.props["seconds"] * 60)
            if (total - left) % pulse_ticks == 0:
                due.append(maker)
            if left <= 1:
                del self.sounding[maker_id]
            else:
                self.sounding[maker_id] = left - 1
        return due
