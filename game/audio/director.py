"""The bridge from the simulation to sound: the level scene hands it the world's events and
calls `update` once a frame; it decides what to play and tells the mixer.

    director = AudioDirector(mixer, "garage", floor_of=level_floor)   # floor_of(x, y) -> floor name
    director.on_events(events, world)   # after each World.step
    director.update(world)              # once a frame
    director.stop()                     # leaving the level

What it plays:
- guard_state to "suspicious"/"investigate": the "?" sting; to "alert": the "!" sting. At
  most one sting per STING_GAP_TICKS; a "!" that comes too soon after a "?" is held back
  and played when the gap is over (a "?" too soon after any sting is dropped).
- noise from a step: a footstep for the floor under Jesse (`floor_of` at the noise) and
  his pace, the variants in an order that never repeats one twice in a row;
  noise from a throw: the wrench landing, panned and quieter with distance from Jesse;
  door: the door opening or closing, at the door; item_taken: pickup; caught: caught.
- light: a switch's click, at the switch (flipped by Jesse or by a guard putting it right);
  noise from a machine: a noise maker's alarm burst, at the maker (the world sends one a
  second while it sounds), panned and quieter with distance like the wrench.
- bark: a murmur from where the guard stands (each guard his own of three voices, Marco his),
  a radio call the radio's squelch.
- the heartbeat: silent while every guard's awareness is under HEART_FROM; above it the
  beat speeds up from BPM_CALM to BPM_ALERT (an alert guard counts as full awareness)
  and gets louder.
- the place's ambient bed, looping; while any guard searches or is alert it steps down to
  DUCK_LEVEL over DUCK_DOWN_SECONDS and comes back over DUCK_UP_SECONDS afterwards.
- the place's music (music.py's MusicPlayer): its bed and the tension and alert layers,
  started together on the first tick (the title's music fading out), their volumes following
  the crew's mood on the beat (score.py). A restart keeps it playing, in time. A map that is
  no place has no music (the title's still fades out).
- story loops on request: `start_loop("car_engine" | "siren_loop" | "tape_loop")`,
  `stop_loop(name)`; one-shots by name: `cue(name)`.

Time is the world's tick (60 a second), never the clock: the same events and world states
give the same calls. A restarted world (its tick going back) resets the timers (not the music's).
"""

from __future__ import annotations

import math
from typing import Callable

from . import music
from .mixer import Mixer
from .score import mood_of
from ..world.ai.states import CURIOUS, HUNTING, GuardState
from ..world.events import EventType

TICKS_PER_SECOND = 60
PLACES = ("garage", "carwash", "highschool", "desertlab")
FLOORS = ("concrete", "snow", "wet", "wood", "metal", "sand")
PACES = ("sneak", "walk", "sprint")
STEP_VARIANTS = 3
VARIANT_ORDER = (0, 2, 1, 0, 1, 2)  # every variant, never one twice running (round the end too)
DEFAULT_FLOOR = "concrete"

STING_GAP_TICKS = round(0.3 * TICKS_PER_SECOND)

HEART_FROM = 0.15  # highest awareness below which there is no heartbeat
BPM_CALM, BPM_ALERT = 60.0, 140.0
HEART_VOLUME = (0.35, 1.0)  # at HEART_FROM and at alert

DUCK_LEVEL = 0.35
DUCK_DOWN_SECONDS, DUCK_UP_SECONDS = 2.0, 4.0
AMBIENCE_VOLUME = 1.0

HEAR_HALF = 400.0  # px: a positioned sound this far from Jesse plays at half volume
QUIETEST = 0.25  # ... and never quieter than this (the player made it happen)
PAN_SPAN = 480.0  # px to the side for a full pan

# Story loops: name -> how the mixer plays it.
CAR_IDLE_SECONDS = 4.0  # the last seconds of car_engine.wav loop (tools/assetlib/sound_fx.py)
LOOPS = {
    "car_engine": {"tail": CAR_IDLE_SECONDS},
    "siren_loop": {},
    "tape_loop": {"intro": "tape_start"},
}
MURMURS = ("bark_murmur_1", "bark_murmur_2", "bark_murmur_3")  # a guard's voice: one per guard, by his id
ONE_SHOTS = ("sting_suspicious", "sting_alert", "throw_land", "door_open", "door_close", "pickup", "caught",
             "heartbeat", "checkpoint", *MURMURS, "bark_marco", "radio_squelch", "switch_click", "alarm_burst",
             "phone_ring")


def step_sound(floor: str, pace: str, variant: int) -> str:
    return f"step_{floor}_{pace}_{variant + 1}"


def sounds_needed(place: str | None = None) -> list[str]:
    """Every sound the director can ask for (for one place's bed, or every place's)."""
    steps = [step_sound(f, p, v) for f in FLOORS for p in PACES for v in range(STEP_VARIANTS)]
    places = PLACES if place is None else (place,)
    loops = [*LOOPS, *(spec["intro"] for spec in LOOPS.values() if "intro" in spec)]
    return [*steps, *ONE_SHOTS, *loops, *(f"ambient_{p}" for p in places), *music.sounds_needed(places)]


def place_for_map(map_name: str) -> str | None:
    """The place of a map file ("maps/carwash.tmx" -> "carwash"), None for any other map."""
    stem = map_name.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return stem if stem in PLACES else None


class AudioDirector:
    def __init__(self, mixer: Mixer, place: str | None, floor_of: Callable[[float, float], str] | None = None):
        """`place`: one of PLACES (its ambient bed) or None (no bed). `floor_of(x, y)`: the floor
        name under a point (one of FLOORS; anything else plays as DEFAULT_FLOOR)."""
        if place is not None and place not in PLACES:
            raise ValueError(f"unknown place {place!r} (one of {', '.join(PLACES)})")
        self.mixer = mixer
        self.place = place
        self.floor_of = floor_of or (lambda x, y: DEFAULT_FLOOR)
        self.ambience = f"ambient_{place}" if place else None
        self.music = music.MusicPlayer(mixer, place)  # not reset by a restart
        self.unknown_floors: set[str] = set()  # floor names floor_of gave that we have no steps for
        self._reset()

    def _reset(self) -> None:
        self.ambience_level = 1.0  # 1 normally, DUCK_LEVEL during a search
        self.heart_bpm = 0.0  # 0 when silent
        self.heart_volume = 0.0
        self._ambience_sent: float | None = None
        self._beat_phase = 1.0  # a beat is due when this reaches 1
        self._last_tick: int | None = None
        self._last_sting_tick: int | None = None
        self._last_sting: str | None = None
        self._held_alert: int | None = None  # tick at which a held-back "!" plays
        self._steps = 0
        self._step_counts: dict[tuple[str, str], int] = {}
        self._taping = self._sirens = False  # the story's loops playing now

    def tick(self, events: list[dict], world) -> None:
        """One tick of the level, heard: its events and state, and the story's loops (the tape
        while Marco is being recorded, the sirens while the countdown runs, the truck at the end)."""
        self.on_events(events, world)
        taping = any(c.advancing for c in world.confessions)
        if taping != self._taping:
            (self.start_loop if taping else self.stop_loop)("tape_loop")
            self._taping = taping
        sirens = world.countdown is not None and world.outcome is None
        if sirens != self._sirens:
            (self.start_loop if sirens else self.stop_loop)("siren_loop")
            self._sirens = sirens
        if any(e["type"] == EventType.CHAPTER_COMPLETE for e in events):
            self.start_loop("car_engine")
        self.update(world)

    # ------------------------------------------------------------ events
    def on_events(self, events: list[dict], world) -> None:
        """Sounds for one tick's events (call after each World.step, with its events)."""
        if not events:
            return
        if self._last_tick is not None and events[0]["tick"] < self._last_tick:
            self._reset()  # a new world: the level restarted
        door_spots = [(e["x"], e["y"]) for e in events if e["type"] == EventType.NOISE and e.get("source") == "door"]
        sting = None
        for e in events:
            kind = e["type"]
            if kind == EventType.GUARD_STATE:
                if e["to"] == GuardState.ALERT:
                    sting = "sting_alert"
                elif e["to"] in CURIOUS and sting is None:
                    sting = "sting_suspicious"
            elif kind == EventType.NOISE:
                source = e.get("source")
                if source == "step":
                    self._footstep(e["x"], e["y"], world)
                elif source == "throw":
                    self._positioned("throw_land", e["x"], e["y"], world)
                elif source == "machine":
                    self._positioned("alarm_burst", e["x"], e["y"], world)
            elif kind == EventType.DOOR:
                x, y = door_spots.pop(0) if door_spots else (world.player.x, world.player.y)
                self._positioned("door_open" if e["open"] else "door_close", x, y, world)
            elif kind == EventType.LIGHT:
                switch = world.devices.get(e["switch"])
                x, y = (switch.x, switch.y) if switch is not None else (world.player.x, world.player.y)
                self._positioned("switch_click", x, y, world)
            elif kind == EventType.BARK:
                self._bark(e, world)
            elif kind == EventType.ITEM_TAKEN:
                self.mixer.play("pickup")
            elif kind == EventType.CHECKPOINT:
                self.mixer.play("checkpoint")
            elif kind == EventType.CAUGHT:
                self.mixer.play("caught")
        if sting is not None:
            self._sting(sting, events[0]["tick"])

    def _sting(self, name: str, tick: int) -> None:
        last = self._last_sting_tick
        if last is None or tick - last >= STING_GAP_TICKS:
            self._play_sting(name, tick)
        elif name == "sting_alert" and self._last_sting == "sting_suspicious":
            self._held_alert = last + STING_GAP_TICKS

    def _play_sting(self, name: str, tick: int) -> None:
        self.mixer.play(name)
        self._last_sting_tick, self._last_sting = tick, name
        if name == "sting_alert":
            self._held_alert = None

    def _footstep(self, x: float, y: float, world) -> None:
        floor = self.floor_of(x, y)
        if floor not in FLOORS:
            self.unknown_floors.add(floor)
            floor = DEFAULT_FLOOR
        pace = world.player.pace if world.player.pace in PACES else "walk"
        count = self._step_counts.get((floor, pace), 0)
        self._step_counts[(floor, pace)] = count + 1
        variant = VARIANT_ORDER[count % len(VARIANT_ORDER)]
        volume = (1.0, 0.9, 0.95, 0.86)[self._steps % 4]  # a little unevenness
        self._steps += 1
        self.mixer.play(step_sound(floor, pace, variant), volume)

    def _bark(self, e: dict, world) -> None:
        """A murmur under a bark's subtitle, from where the guard stands; a radio call squelches."""
        guard = next((g for g in world.guards if g.id == e["guard"]), None)
        if guard is None:
            return
        if ".radio_call." in e["line"]:
            name = "radio_squelch"
        elif guard.faction == "marco":
            name = "bark_marco"
        else:
            name = MURMURS[guard.id % len(MURMURS)]
        self._positioned(name, guard.x, guard.y, world)

    def _positioned(self, name: str, x: float, y: float, world) -> None:
        volume, pan = self.placement(x, y, world.player.x, world.player.y)
        self.mixer.play(name, volume, pan)

    @staticmethod
    def placement(x: float, y: float, jesse_x: float, jesse_y: float) -> tuple[float, float]:
        """(volume, pan) of a sound at (x, y) heard by Jesse."""
        distance = math.hypot(x - jesse_x, y - jesse_y)
        volume = max(QUIETEST, 1.0 / (1.0 + distance / HEAR_HALF))
        pan = max(-1.0, min(1.0, (x - jesse_x) / PAN_SPAN))
        return volume, pan

    # ------------------------------------------------------------ every frame
    def update(self, world) -> None:
        """Once a frame: heartbeat, ambience and held stings, by the world's tick."""
        tick = world.tick
        if self._last_tick is not None and tick < self._last_tick:
            self._reset()
        ticks = 0 if self._last_tick is None else min(tick - self._last_tick, 10)
        self._last_tick = tick
        if self._held_alert is not None and tick >= self._held_alert:
            self._play_sting("sting_alert", tick)
        self._update_ambience(world, ticks)
        self._update_heart(world, ticks)
        self.music.tick(mood_of(world))
        self.mixer.update()

    def _update_ambience(self, world, ticks: int) -> None:
        if self.ambience is None:
            return
        searching = any(g.state in HUNTING for g in world.guards)
        if searching:
            step = (1.0 - DUCK_LEVEL) / (DUCK_DOWN_SECONDS * TICKS_PER_SECOND)
            self.ambience_level = max(DUCK_LEVEL, self.ambience_level - step * ticks)
        else:
            step = (1.0 - DUCK_LEVEL) / (DUCK_UP_SECONDS * TICKS_PER_SECOND)
            self.ambience_level = min(1.0, self.ambience_level + step * ticks)
        volume = AMBIENCE_VOLUME * self.ambience_level
        if self._ambience_sent is None:
            self.mixer.loop("ambience", self.ambience, volume, group="music", fade_ms=1500)
            self._ambience_sent = volume
        elif abs(volume - self._ambience_sent) > 1e-6:
            self.mixer.set_loop_volume("ambience", volume)
            self._ambience_sent = volume

    def danger(self, world) -> float:
        """The highest guard awareness, 1 if any guard is alert, 0 once the level is over."""
        if world.outcome is not None:
            return 0.0
        return max((1.0 if g.state == GuardState.ALERT else g.awareness for g in world.guards), default=0.0)

    def _update_heart(self, world, ticks: int) -> None:
        danger = self.danger(world)
        if danger < HEART_FROM:
            self.heart_bpm = self.heart_volume = 0.0
            self._beat_phase = min(1.0, self._beat_phase + ticks * BPM_CALM / (60.0 * TICKS_PER_SECOND))
            return
        level = min(1.0, (danger - HEART_FROM) / (1.0 - HEART_FROM))
        self.heart_bpm = BPM_CALM + (BPM_ALERT - BPM_CALM) * level
        self.heart_volume = HEART_VOLUME[0] + (HEART_VOLUME[1] - HEART_VOLUME[0]) * level
        self._beat_phase += ticks * self.heart_bpm / (60.0 * TICKS_PER_SECOND)
        if self._beat_phase >= 1.0:
            self._beat_phase = min(self._beat_phase - 1.0, 0.5)
            self.mixer.play("heartbeat", self.heart_volume)

    # ------------------------------------------------------------ story
    def start_loop(self, name: str, volume: float = 1.0) -> None:
        """Start a story loop: car_engine (starts, then idles), siren_loop, tape_loop (button, then running)."""
        if name not in LOOPS:
            raise ValueError(f"unknown loop {name!r} (one of {', '.join(LOOPS)})")
        self.mixer.loop(name, name, volume, group="effects", **LOOPS[name])

    def stop_loop(self, name: str, fade_seconds: float = 0.5) -> None:
        self.mixer.stop_loop(name, round(fade_seconds * 1000))

    def stop(self, fade_seconds: float = 0.5) -> None:
        """Leaving the level: fade out the bed and every story loop, and the music more slowly
        (into whatever plays next: the title's music)."""
        for slot in ("ambience", *LOOPS):
            self.mixer.stop_loop(slot, round(fade_seconds * 1000))
        self._ambience_sent = None
        self.music.stop(max(fade_seconds, music.CROSSFADE_SECONDS))
