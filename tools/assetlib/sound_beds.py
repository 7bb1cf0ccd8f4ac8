"""Loops: one ambient bed per place, the distant sirens and the tape recorder's running hiss.

Every part of a loop is periodic in the loop's length (see synth.py: shaped noise,
`loop_mod`, wrap-around `place`, snapped frequencies, circular reverb), so the last
sample runs into the first without a seam or a crossfade.

Beds are stereo at 22.05 kHz (half the size; they hold little above 8 kHz), 16 s long,
at about -28 dBFS RMS: quiet under the footsteps and stings.
"""
from __future__ import annotations

import numpy as np

from .synth import (RATE, bandpass, colored, convolve, db, filt, highpass, loop_mod, lowpass, modes, normalize,
                    pan, peak, periodic_phase, place, reverb, reverb_ir, samples, smoothstep, snap, tilt,
                    times)

BED_RATE = 22050
BED_SECONDS = 16.0
BED_GAIN_DB = 4.0  # on top of the parts' levels below: the beds end near -28 dBFS RMS
BED_PEAK_DB = -6.0


def _rms(x: np.ndarray, level_db: float) -> np.ndarray:
    """`x` scaled to an RMS of `level_db` dBFS (over the whole loop, both channels)."""
    return x * (db(level_db) / np.sqrt(np.mean(x * x)))


def _peak(x: np.ndarray, level_db: float) -> np.ndarray:
    return normalize(x, level_db)


def _level_bed(x: np.ndarray) -> np.ndarray:
    """The parts are mixed at their own levels in dBFS; raise by BED_GAIN_DB, cap the peak."""
    x = (x - x.mean(axis=0)) * db(BED_GAIN_DB)
    return x * min(1.0, db(BED_PEAK_DB) / np.max(np.abs(x)))


def _stereo_noise(rng, n, rate, gain, width=0.7):
    """Two channels of the same noise colour, partly correlated (0 = mono, 1 = independent)."""
    common = colored(rng, n, rate, gain)
    return np.stack([(1 - width) * common + width * colored(rng, n, rate, gain) for _ in range(2)], axis=1)


# ---------------------------------------------------------------- parts of beds
def _wind(rng, n, rate, low, high, gust_hz, whistle=()):
    """Wind: a body of noise swelling with gusts, brighter as it blows harder, whistles in gaps."""
    gust = loop_mod(rng, n, rate, gust_hz, 0.25, 1.0)
    body = _stereo_noise(rng, n, rate, lambda f: bandpass(f, low, high, 2) * tilt(f, -3, 200))
    bright = _stereo_noise(rng, n, rate, lambda f: bandpass(f, high, high * 4, 2))
    x = body * gust[:, None] + 0.35 * bright * (gust ** 3)[:, None]
    for f0, side in whistle:
        # Three narrow bands around f0 cross-faded by gust strength: the pitch rises as it blows.
        for i, shift in enumerate((-0.08, 0.0, 0.08)):
            band = colored(rng, n, rate, lambda f, c=f0 * (1 + shift): peak(f, c, c * 0.012, 40.0) - 1.0)
            weight = np.clip(1 - abs(gust * 2 - 0.5 - i * 0.5) * 2, 0, 1) * gust ** 2
            x += 0.08 * pan(band * weight, side)
    return x


def _hum(n, rate, base, harmonics, position=0.0):
    """Mains hum or a motor: snapped harmonics of `base` (whole cycles per loop)."""
    x = np.zeros(n)
    t = times(n, rate)
    for k, amp in harmonics:
        x += amp * np.sin(2 * np.pi * snap(base * k, n, rate) * t)
    return pan(x, position)


def _murmur(rng, n, rate):
    """A radio through a wall: talk with no words (a voice-like source through moving vowel
    formants, syllables and pauses), two speakers taking turns, muffled."""
    vowels = ((730, 1090, 2440), (270, 2290, 3010), (300, 870, 2240), (530, 1840, 2480), (570, 840, 2410),
              (440, 1020, 2240), (660, 1720, 2410))
    x = np.zeros(n)
    pos = int(rng.integers(0, n))
    written = 0
    speaker = 0
    while written < n:
        base = (118.0, 205.0)[speaker]
        count = int(rng.integers(5, 13))
        for s in range(count):
            length = samples(rng.uniform(0.11, 0.26), rate)
            # Pitch falls across the phrase, with an accent on some syllables.
            f0 = base * (1.12 - 0.22 * s / count) * (1 + (0.12 if rng.random() < 0.3 else 0.0))
            f = f0 * (1 + 0.05 * np.linspace(1, -1, length) * rng.uniform(-1, 1))
            a, b = vowels[rng.integers(len(vowels))], vowels[rng.integers(len(vowels))]
            mix = np.linspace(0, 1, length)
            syllable = np.zeros(length)
            phase = 2 * np.pi * np.cumsum(f) / rate
            for k in range(1, 30):
                kf = k * f
                if kf.min() > rate / 2 - 500:
                    break
                gain = sum(_formant(kf, (1 - mix) * fa + mix * fb, 80 + 0.06 * fa)
                           for fa, fb in zip(a, b)) / k ** 0.7
                syllable += gain * np.sin(k * phase)
            shape = np.sin(np.pi * np.linspace(0, 1, length)) ** 0.8
            place(x, syllable * shape * rng.uniform(0.6, 1.0), pos)
            pos += length + samples(rng.uniform(0.0, 0.06), rate)
            written += length
        pos += samples(rng.uniform(0.35, 1.1), rate)
        written += samples(0.6, rate)
        if rng.random() < 0.35:
            speaker = 1 - speaker
    # Through a wall and a small speaker: only the low middle survives.
    x = filt(x, rate, lambda f: bandpass(f, 180, 650, 3), circular=True)
    return x / np.sqrt(np.mean(x * x))


def _formant(f, center, width):
    return 1.0 / (1.0 + ((f - center) / width) ** 2)


def _drip(rng, n, rate, start):
    """A water drop into a puddle: a click and a small bubble rising in pitch."""
    m = samples(0.08, rate)
    t = times(m, rate)
    f = rng.uniform(700, 1100) * (1 + rng.uniform(0.4, 0.7) * (1 - np.exp(-t / 0.015)))
    drop = np.sin(2 * np.pi * np.cumsum(f) / rate) * np.exp(-t / rng.uniform(0.02, 0.035))
    drop *= smoothstep(t / 0.001)
    out = np.zeros(n)
    place(out, drop, start)
    return out


def _creaks(rng, n, rate, count, body, decays, rates=(18, 55)):
    """Stick-slip creaks of a metal sheet or a building, each panned somewhere."""
    kernel_len = samples(0.25, rate)
    x = np.zeros((n, 2))
    for _ in range(count):
        drive = np.zeros(n)
        start = rng.uniform(0, n / rate)
        length = rng.uniform(0.5, 1.3)
        t = 0.0
        r0, r1 = rng.uniform(*rates), rng.uniform(*rates)
        while t < length:
            u = t / length
            place(drive, np.array([np.sin(np.pi * u) ** 0.7 * rng.uniform(0.5, 1.0)]), samples(start + t, rate))
            t += 1.0 / ((1 - u) * r0 + u * r1) * rng.uniform(0.8, 1.2)
        kernel = modes(kernel_len, rate, [b * rng.uniform(0.95, 1.05) for b in body], decays,
                       [1.0, 0.7, 0.5, 0.35][:len(body)], rng.uniform(0, 2 * np.pi, len(body)))
        x += pan(convolve(drive, kernel, circular=True), rng.uniform(-0.8, 0.8)) * rng.uniform(0.5, 1.0)
    return x


def _cricket(rng, n, rate, carrier, period, pulses, position):
    """A cricket: chirps of a few pulses of a pure carrier, every `period` seconds (whole chirps per loop)."""
    chirps = max(1, round(n / rate / period))
    m = samples(0.02 * pulses + 0.02, rate)
    t = times(m, rate)
    gate = np.zeros(m)
    for p in range(pulses):
        u = (t - p * 0.022) / 0.013
        gate += np.where((u >= 0) & (u <= 1), np.sin(np.pi * np.clip(u, 0, 1)) ** 2, 0.0)
    chirp = np.sin(2 * np.pi * carrier * t) * gate
    x = np.zeros(n)
    for c in range(chirps):
        start = ((2 * c + 1) * n) // (2 * chirps) + samples(rng.uniform(-0.02, 0.02), rate)
        place(x, chirp * rng.uniform(0.7, 1.0), start)
    return pan(x, position)


# ---------------------------------------------------------------- the beds
def ambient_garage(rng):
    """Alaska garage at night: wind outside with whistles, a radio murmuring through a wall,
    the faint buzz of a sodium lamp."""
    rate, n = BED_RATE, samples(BED_SECONDS, BED_RATE)
    x = _rms(_wind(rng, n, rate, 70, 700, 0.2, whistle=((540, -0.5), (790, 0.6))), -31)
    x += _rms(pan(_murmur(rng, n, rate), 0.35), -43)
    x += _rms(_hum(n, rate, 60, ((2, 1.0), (4, 0.5), (6, 0.3), (8, 0.15)), -0.2), -54)
    x += _peak(_creaks(rng, n, rate, 2, (210, 470, 890), (0.05, 0.03, 0.02), rates=(12, 35)), -30)
    return _level_bed(x)


def ambient_carwash(rng):
    """The car wash at dusk: distant traffic with cars passing, a pump humming and thumping,
    water dripping in a tiled bay."""
    rate, n = BED_RATE, samples(BED_SECONDS, BED_RATE)
    t = times(n, rate)
    traffic = _stereo_noise(rng, n, rate, lambda f: bandpass(f, 35, 450, 2) * tilt(f, -3, 100), 0.5)
    x = _rms(traffic * loop_mod(rng, n, rate, 0.15, 0.6, 1.0)[:, None], -34)
    for _ in range(3):  # cars passing on the road, left to right or back
        centre = rng.uniform(0, BED_SECONDS)
        direction = rng.choice((-1.0, 1.0))
        d = ((t - centre + BED_SECONDS / 2) % BED_SECONDS) - BED_SECONDS / 2  # seconds from the pass, wrapped
        swell = np.exp(-0.5 * (d / 1.3) ** 2)
        car = colored(rng, n, rate, lambda f: bandpass(f, 90, 1400, 2)) + 0.4 * colored(
            rng, n, rate, lambda f: bandpass(f, 1200, 4000, 2))
        x += db(-33) * _moving(car * swell, np.clip(direction * d / 2.5, -0.9, 0.9))
    x += _rms(_hum(n, rate, 60, ((1, 0.4), (2, 1.0), (3, 0.5), (4, 0.3), (20.5, 0.05)), -0.4), -45)
    beat = np.zeros(n)
    thump = modes(samples(0.2, rate), rate, (55, 110), (0.06, 0.03), (1.0, 0.4))
    beats = round(BED_SECONDS * 1.25)  # the pump's stroke
    for k in range(beats):
        place(beat, thump, ((2 * k + 1) * n) // (2 * beats))
    x += _peak(pan(beat, -0.4), -33)
    wet = np.zeros((n, 2))
    for period, side in ((1.3, -0.5), (2.35, 0.4)):  # two leaks, each fairly regular
        count = round(BED_SECONDS / period)
        drips = np.zeros(n)
        for k in range(count):
            drips += _drip(rng, n, rate, ((2 * k + 1) * n) // (2 * count) + samples(rng.uniform(-0.15, 0.15), rate))
        wet += pan(drips, side)
    ir = reverb_ir(rng, rate, 1.4, 0.4, 3000, early=((0.017, 0.3), (0.031, 0.2), (0.052, 0.15)))
    x += _peak(reverb(wet, ir, 0.8, circular=True), -22)
    x += _rms(_hum(n, rate, 120, ((1, 0.3), (3, 0.2), (5, 0.15), (7, 0.1), (9, 0.06)), 0.6), -56)  # the neon sign
    return _level_bed(x)


def _moving(x: np.ndarray, position: np.ndarray) -> np.ndarray:
    """Mono to stereo with a per-sample pan position."""
    angle = (position + 1) * np.pi / 4
    return np.stack([x * np.cos(angle), x * np.sin(angle)], axis=1)


def ambient_highschool(rng):
    """The empty high school at night: ventilation air, a faint electrical hum, a clock ticking
    somewhere down a long hall."""
    rate, n = BED_RATE, samples(BED_SECONDS, BED_RATE)
    air = _stereo_noise(rng, n, rate, lambda f: bandpass(f, 60, 600, 2) * tilt(f, -2, 150), 0.6)
    x = _rms(air * loop_mod(rng, n, rate, 0.08, 0.85, 1.0)[:, None], -35)
    x += _rms(_hum(n, rate, 60, ((2, 1.0), (4, 0.4), (6, 0.25)), 0.1), -50)
    x += _rms(_stereo_noise(rng, n, rate, lambda f: peak(f, 1800, 300, 3.0) * bandpass(f, 900, 4000, 2)), -58)
    clock = np.zeros(n)
    tick = modes(samples(0.05, rate), rate, (2600, 4100, 900), (0.004, 0.003, 0.01), (1.0, 0.6, 0.8))
    ticks = round(BED_SECONDS)  # one a second: tick, tock
    for k in range(ticks):
        place(clock, tick * (1.0 if k % 2 == 0 else 0.75), ((2 * k + 1) * n) // (2 * ticks))
    hall = reverb_ir(rng, rate, 2.2, 0.7, 2500, early=((0.043, 0.4), (0.089, 0.3), (0.151, 0.2)))
    ticking = reverb(pan(clock, -0.3) * 0.35, hall, 1.6, circular=True)
    x += _peak(filt(ticking, rate, lambda f: lowpass(f, 3500, 2), circular=True), -25)
    x += _peak(_creaks(rng, n, rate, 1, (140, 330, 610), (0.06, 0.04, 0.02), rates=(8, 20)), -32)
    return _level_bed(x)


def ambient_desertlab(rng):
    """The desert lab at night: open wind with hissing sand in the gusts, sheet metal
    creaking, crickets, a generator far off."""
    rate, n = BED_RATE, samples(BED_SECONDS, BED_RATE)
    x = _rms(_wind(rng, n, rate, 50, 900, 0.12), -33)
    sand = _stereo_noise(rng, n, rate, lambda f: bandpass(f, 2500, 9000, 2))
    x += _rms(sand * (loop_mod(rng, n, rate, 0.3, 0.0, 1.0) ** 3)[:, None], -44)
    x += _peak(_creaks(rng, n, rate, 3, (180, 410, 730, 1150), (0.08, 0.05, 0.035, 0.02)), -24)
    for carrier, period, pulses, side, level in ((4300, 0.62, 3, -0.6, -31), (4750, 0.81, 4, 0.5, -34),
                                                  (5100, 1.07, 2, 0.1, -37)):
        x += _peak(_cricket(rng, n, rate, carrier, period, pulses, side), level)
    x += _rms(_hum(n, rate, 30, ((1, 1.0), (2, 0.6), (3, 0.4), (4, 0.2)), 0.7), -47)  # a generator far off
    return _level_bed(x)


# ---------------------------------------------------------------- other loops
def siren_loop(rng):
    """Police sirens far away: two wails sweeping at different rates, echoing off buildings."""
    rate, n = BED_RATE, samples(12.0, BED_RATE)
    t = times(n, rate)
    x = np.zeros(n)
    for period, low, high, phase0, amp in ((6.0, 680, 1380, 0.0, 1.0), (4.0, 620, 1250, 0.37, 0.7)):
        u = ((t / period) + phase0) % 1.0
        rise = 0.42
        shape = np.where(u < rise, smoothstep(u / rise) ** 0.7, 1 - smoothstep((u - rise) / (1 - rise)))
        f = low + (high - low) * shape
        ph = periodic_phase(f, rate)
        wail = np.sin(ph) + 0.3 * np.sin(3 * ph) + 0.12 * np.sin(5 * ph)
        x += amp * wail * loop_mod(rng, n, rate, 0.2, 0.55, 1.0)
    x = filt(x, rate, lambda f: lowpass(f, 1700, 2) * highpass(f, 250, 2), circular=True)
    city = reverb_ir(rng, rate, 3.0, 0.9, 1500, early=((0.19, 0.5), (0.43, 0.3), (0.91, 0.18)))
    x = reverb(x * 0.6, city, 1.2, circular=True)
    x += 0.5 * colored(rng, n, rate, lambda f: bandpass(f, 40, 400, 2) * tilt(f, -3, 100)) * np.std(x)
    x -= x.mean()
    return normalize(x, -9.0)


def tape_loop(rng):
    """A cassette recorder running: tape hiss, the motor's faint whine with flutter, reel rumble."""
    n = samples(4.0)
    hiss = colored(rng, n, RATE, lambda f: bandpass(f, 1200, 14000, 1) * tilt(f, 1.5, 4000))
    rumble = colored(rng, n, RATE, lambda f: bandpass(f, 30, 200, 2))
    reel = 0.6 + 0.4 * np.sin(2 * np.pi * snap(1.5, n, RATE) * times(n))
    flutter = 1 + 0.004 * np.sin(2 * np.pi * snap(6.0, n, RATE) * times(n))
    f = snap(310.0, n, RATE) * flutter
    motor = np.sin(periodic_phase(f, RATE)) + 0.3 * np.sin(2 * periodic_phase(f, RATE))
    x = 0.5 * hiss + 0.25 * rumble * reel + 0.05 * motor
    x -= x.mean()
    return normalize(x, -20.0)
