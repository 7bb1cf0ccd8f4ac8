"""Footsteps: one short mono sound per floor, pace and variant.

A step is one or two contacts (heel then ball of the foot when walking; a soft toe-first
roll when sneaking; a hard forefoot strike and a scuff when sprinting), each sounded by
the floor's material:

    concrete  dry slap and grit, a dull sole thud, no ring
    snow      a crunch of many tiny grains, a squeaky colour, a soft thud
    wet       a muted slap, a splash and a few droplets
    wood      a hollow board thud (low modes) and a little click
    metal     a grating that rings (inharmonic modes) and rattles
    sand      a soft, dense, low hiss of grains; no crunch

Paces: sneak is soft, short and dark; walk the reference; sprint sharp, bright and loud.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .synth import (RATE, bandpass, colored, convolve, env, fade, filt, highpass, lowpass, modes,
                    normalize, peak, place, remove_dc, samples, times)

FLOORS = ("concrete", "snow", "wet", "wood", "metal", "sand")
PACES = ("sneak", "walk", "sprint")
VARIANTS = 3


@dataclass(frozen=True)
class Pace:
    peak_db: float       # loudest sample of the step
    bright: float        # multiplies every brightness cutoff
    attack: float        # seconds: how hard the foot comes down
    length: float        # multiplies decays and durations
    contacts: tuple      # (seconds, amplitude) for each contact of the foot


PACE = {
    "sneak": Pace(-22.0, 0.5, 0.012, 0.7, ((0.004, 1.0), (0.095, 0.45))),
    "walk": Pace(-13.0, 1.0, 0.0025, 1.0, ((0.004, 1.0), (0.072, 0.6))),
    "sprint": Pace(-6.0, 1.5, 0.0006, 0.85, ((0.004, 1.0), (0.034, 0.35))),
}
# Loudness trims by floor, so that a metal grating with its ring and a sand hiss are as loud
# as each other at the same pace (peak levels alone would make the ringing ones louder).
FLOOR_TRIM = {"concrete": 0.0, "snow": -1.0, "wet": -0.5, "wood": 0.0, "metal": -2.5, "sand": -1.5}
# How long each floor's step lasts at walking pace, in seconds.
FLOOR_LENGTH = {"concrete": 0.22, "snow": 0.32, "wet": 0.34, "wood": 0.3, "metal": 0.5, "sand": 0.34}


def names() -> list[str]:
    return [f"step_{floor}_{pace}_{i}" for floor in FLOORS for pace in PACES for i in range(1, VARIANTS + 1)]


def build(floor: str, pace_name: str, rng: np.random.Generator) -> np.ndarray:
    pace = PACE[pace_name]
    n = samples(FLOOR_LENGTH[floor] * max(pace.length, 0.8) + 0.1)
    # Each variant differs a little in timing, brightness and level of the contacts.
    contacts = [(t * rng.uniform(0.85, 1.15), a * rng.uniform(0.85, 1.1)) for t, a in pace.contacts]
    bright = pace.bright * rng.uniform(0.9, 1.12)
    x = MATERIALS[floor](rng, n, pace, contacts, bright)
    x = filt(x, RATE, lambda f: lowpass(f, 9000 * bright, 1))
    x = remove_dc(x, RATE)
    x = fade(x, RATE, 0.0005, 0.03)
    return normalize(x, pace.peak_db + FLOOR_TRIM[floor])


# ---------------------------------------------------------------- parts
def _burst(rng, n, lo, hi, attack, decay, start=0.0):
    """Band-limited noise under an attack/decay envelope."""
    return colored(rng, n, RATE, lambda f: bandpass(f, lo, hi, 2)) * env(n, RATE, attack, decay, start)


def _thud(n, f0, decay, attack, start=0.0):
    """A low sole-on-floor thump: a sine that drops a little in pitch as it dies."""
    t = np.maximum(times(n) - start, 0.0)
    f = f0 * (1.0 + 0.4 * np.exp(-t / 0.01))
    phase = 2 * np.pi * np.cumsum(f) / RATE
    return np.sin(phase - phase[samples(start)]) * env(n, RATE, attack, decay, start)


def _grains(rng, n, count, start, spread, amp_spread):
    """A sparse train of random clicks: `count` of them, denser at first, over `spread` s."""
    drive = np.zeros(n)
    when = start + spread * rng.beta(1.2, 2.6, count)
    amps = rng.lognormal(0.0, amp_spread, count) * rng.choice((-1.0, 1.0), count)
    amps *= np.exp(-(when - start) / (spread * 0.6))
    for w, a in zip(when, amps):
        i = samples(w)
        if i < n:
            drive[i] += a
    return drive


# ---------------------------------------------------------------- materials
def concrete(rng, n, pace, contacts, bright):
    x = np.zeros(n)
    for t, a in contacts:
        x += a * 0.9 * _burst(rng, n, 350, 3200 * bright, pace.attack, 0.011 * pace.length, t)
        x += a * 0.55 * _thud(n, 105 * rng.uniform(0.9, 1.1), 0.016 * pace.length, pace.attack * 2, t)
        x += a * 0.22 * bright * _burst(rng, n, 2500, 9000 * bright, pace.attack, 0.03 * pace.length, t)
    return x


def snow(rng, n, pace, contacts, bright):
    grain = colored(rng, samples(0.004), RATE, lambda f: bandpass(f, 900, 6500 * bright, 2))
    grain *= np.exp(-times(len(grain)) / 0.0012)
    x = np.zeros(n)
    for t, a in contacts:
        count = int(55 * a * (0.6 + 0.4 * bright))
        drive = _grains(rng, n, count, t + pace.attack, 0.16 * pace.length, 0.7)
        crunch = convolve(drive, grain)
        # Cold snow squeaks: a narrow colour around 1.3 kHz.
        crunch = filt(crunch, RATE, lambda f: peak(f, 1300, 180, 2.5) * highpass(f, 500, 2))
        x += a * crunch * env(n, RATE, 0.01 + pace.attack, 0.09 * pace.length, t)
        x += a * 0.35 * _burst(rng, n, 60, 260, pace.attack + 0.006, 0.035 * pace.length, t)
    return x


def wet(rng, n, pace, contacts, bright):
    x = np.zeros(n)
    for t, a in contacts:
        x += a * 0.5 * _thud(n, 115, 0.012 * pace.length, pace.attack * 2, t)
        x += a * 0.75 * _burst(rng, n, 300, 2400 * bright, pace.attack, 0.01 * pace.length, t)
        x += a * 0.55 * _burst(rng, n, 900, 7500 * bright, pace.attack + 0.003, 0.075 * pace.length, t)
        for _ in range(int(rng.integers(2, 4) + 2 * a * bright)):
            x += a * rng.uniform(0.12, 0.3) * _droplet(rng, n, t + rng.uniform(0.012, 0.14) * pace.length)
    return x


def _droplet(rng, n, start):
    """A water droplet: a tiny bubble whose pitch rises as it closes."""
    f0 = rng.uniform(900, 2200)
    t = np.maximum(times(n) - start, 0.0)
    f = f0 * (1.0 + rng.uniform(0.4, 0.8) * (1 - np.exp(-t / 0.012)))
    phase = 2 * np.pi * np.cumsum(f) / RATE
    return np.sin(phase - phase[min(n - 1, samples(start))]) * env(n, RATE, 0.0008, rng.uniform(0.008, 0.02), start)


def wood(rng, n, pace, contacts, bright):
    k = rng.uniform(0.94, 1.06)
    fs = [95 * k, 178 * k, 305 * k, 520 * k, 860 * k]
    kernel = modes(samples(0.25), RATE, fs, [0.05, 0.04, 0.028, 0.018, 0.011],
                   [1.0, 0.8, 0.55, 0.35, 0.2 * bright])
    x = np.zeros(n)
    for t, a in contacts:
        kick = _burst(rng, samples(0.02), 80, 1800 * bright, pace.attack, 0.003)
        board = np.zeros(n)
        place(board, kick, samples(t), wrap=False)
        x += a * 0.12 * convolve(board, kernel * pace.length)
        x += a * 0.3 * _burst(rng, n, 800, 4000 * bright, pace.attack, 0.006 * pace.length, t)
    return x


def metal(rng, n, pace, contacts, bright):
    k = rng.uniform(0.95, 1.05)
    ratios = (1.0, 2.32, 4.25, 6.63, 9.38, 12.9)
    kernel = modes(samples(0.6), RATE, [330 * k * r for r in ratios],
                   [d * pace.length for d in (0.2, 0.14, 0.1, 0.07, 0.05, 0.035)],
                   (1.0, 0.8, 0.6, 0.45, 0.35, 0.25), rng.uniform(0, 2 * np.pi, len(ratios)))
    x = np.zeros(n)
    strike = lambda: _burst(rng, samples(0.01), 100, 3000 * bright, pace.attack, 0.002)  # noqa: E731
    for t, a in contacts:
        drive = np.zeros(n)
        place(drive, strike(), samples(t), wrap=False)
        # A loose grating rattles: a couple of small secondary knocks.
        for _ in range(2):
            place(drive, rng.uniform(0.15, 0.35) * strike(), samples(t + rng.uniform(0.012, 0.045)), wrap=False)
        x += a * 0.06 * convolve(drive, kernel)
        x += a * 0.5 * _thud(n, 72, 0.025 * pace.length, pace.attack * 2, t)
    return x


def sand(rng, n, pace, contacts, bright):
    grain = colored(rng, samples(0.003), RATE, lambda f: bandpass(f, 350, 3500 * bright, 2))
    grain *= np.exp(-times(len(grain)) / 0.0008)
    x = np.zeros(n)
    for t, a in contacts:
        drive = _grains(rng, n, int(220 * a), t + pace.attack, 0.2 * pace.length, 0.35)
        shh = convolve(drive, grain) * env(n, RATE, 0.02 + pace.attack, 0.1 * pace.length, t)
        hiss = _burst(rng, n, 400, 2500 * bright, 0.02 + pace.attack, 0.08 * pace.length, t)
        x += a * (shh / (np.max(np.abs(shh)) + 1e-9) + 0.45 * hiss / (np.max(np.abs(hiss)) + 1e-9))
        x += a * 0.3 * _burst(rng, n, 50, 200, pace.attack + 0.01, 0.03 * pace.length, t)
    return x


MATERIALS = {"concrete": concrete, "snow": snow, "wet": wet, "wood": wood, "metal": metal, "sand": sand}
