"""The game's sounds, synthesised with numpy (no recordings), written as 16-bit PCM WAV.

    footsteps   step_<floor>_<pace>_<n>  floors concrete snow wet wood metal sand; paces
                                         sneak walk sprint; 3 variants each (mono, 44.1 kHz)
    stings      sting_suspicious ("?"), sting_alert ("!"), caught
    objects     throw_land, door_open, door_close, pickup, heartbeat (one lub-dub),
                switch_click (a light switch)
    interface   ui_move, ui_select, ui_back (menus), checkpoint
    voices      bark_murmur_1..3, bark_marco (under a bark's subtitle), radio_squelch, phone_ring (a call)
    machines    car_engine (start, then a looping idle: its last CAR_IDLE_SECONDS),
                tape_start (leads without a seam into) tape_loop, siren_loop,
                alarm_burst (a noise maker going off: 0.9 s, played once a second)
    ambience    ambient_<place> for garage, carwash, highschool, desertlab
                (stereo, 22.05 kHz, 16 s, seamless loops)
    music       music_title, music_<place> (each place's calm bed), music_tension, music_alert
                (the layers over it), music_epilogue (mono, 22.05 kHz, seamless loops: music.py)

Deterministic: each sound's randomness comes from a Generator seeded with its name and
the WAV bytes are written by the stdlib `wave` module, so a rerun gives identical files.
Levels: each builder sets its own peak, all below -1 dBFS (the loudest, the stings and the
wrench, at -3 dBFS); the beds sit near -28 dBFS RMS, the music lower (-35 to -39 dBFS RMS,
peaks under -14). Footsteps: three variants on disk for each floor and pace; the game varies
their order and volume a little (no pitch shifting).
Check them with `python -m tools.assetlib.sound_check [--png sheet.png]`.
"""
from __future__ import annotations

import os
from typing import Callable

import numpy as np

from . import music, sound_beds, sound_fx, sound_steps, sound_voice
from .synth import RATE, rng_for, wav_bytes

SOUND_DIR = os.path.join("assets", "sounds")
PLACES = ("garage", "carwash", "highschool", "desertlab")
CAR_IDLE_SECONDS = sound_fx.CAR_IDLE_SECONDS
# Sounds meant to loop: name -> seconds at the end of the file that loop (None: all of it).
LOOPS = {**{f"ambient_{p}": None for p in PLACES}, "siren_loop": None, "tape_loop": None,
         "car_engine": CAR_IDLE_SECONDS, **{name: None for name in music.names()}}

Built = tuple  # (sample rate, float array (n,) or (n, 2))


def _recipes() -> dict[str, Callable[[dict], Built]]:
    """name -> builder(cache); the cache lets tape_start lead into the very tape_loop written."""
    recipes: dict[str, Callable[[dict], Built]] = {}
    for name in sound_steps.names():
        _, floor, pace, _ = name.split("_")
        recipes[name] = lambda cache, n=name, fl=floor, pc=pace: (RATE, sound_steps.build(fl, pc, rng_for(n)))
    for fn in (sound_fx.sting_suspicious, sound_fx.sting_alert, sound_fx.caught, sound_fx.throw_land,
               sound_fx.door_open, sound_fx.door_close, sound_fx.heartbeat, sound_fx.pickup,
               sound_fx.car_engine, sound_fx.ui_move, sound_fx.ui_select, sound_fx.ui_back,
               sound_fx.checkpoint, sound_fx.switch_click, sound_fx.alarm_burst):
        recipes[fn.__name__] = lambda cache, fn=fn: (RATE, fn(rng_for(fn.__name__)))
    for fn in sound_voice.SOUNDS:  # a bark's murmur, the radio's squelch
        recipes[fn.__name__] = lambda cache, fn=fn: (RATE, fn(rng_for(fn.__name__)))
    recipes["tape_loop"] = lambda cache: _cached(cache, "tape_loop", lambda: (RATE, sound_beds.tape_loop(
        rng_for("tape_loop"))))
    recipes["tape_start"] = lambda cache: (RATE, sound_fx.tape_start(rng_for("tape_start"),
                                                                     recipes["tape_loop"](cache)[1]))
    recipes["siren_loop"] = lambda cache: (sound_beds.BED_RATE, sound_beds.siren_loop(rng_for("siren_loop")))
    for place in PLACES:
        fn = getattr(sound_beds, f"ambient_{place}")
        recipes[fn.__name__] = lambda cache, fn=fn: (sound_beds.BED_RATE, fn(rng_for(fn.__name__)))
    for name in music.names():
        recipes[name] = lambda cache, n=name: (music.RATE, music.build(n, rng_for(n)))
    return recipes


def _cached(cache: dict, name: str, make: Callable[[], Built]) -> Built:
    if name not in cache:
        cache[name] = make()
    return cache[name]


def names() -> list[str]:
    return sorted(_recipes())


def build(name: str, cache: dict | None = None) -> Built:
    """(rate, samples) of one sound, as floats in -1..1."""
    return _recipes()[name]({} if cache is None else cache)


def build_all() -> dict[str, Built]:
    cache: dict = {}
    recipes = _recipes()
    return {name: recipes[name](cache) for name in sorted(recipes)}


def write_sounds(root: str) -> list[str]:
    """Write every sound as <root>/assets/sounds/<name>.wav; returns the paths."""
    out_dir = os.path.join(root, SOUND_DIR)
    os.makedirs(out_dir, exist_ok=True)
    written = []
    for name, (rate, x) in build_all().items():
        path = os.path.join(out_dir, name + ".wav")
        with open(path, "wb") as f:
            f.write(wav_bytes(np.asarray(x), rate))
        written.append(path)
    return written
