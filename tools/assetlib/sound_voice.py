"""Voices without words: the murmur that marks a guard's bark, and the radio's squelch.

A murmur is a buzzy glottal source (a saw, pitch gliding as speech does) shaped by vowel
formants that move syllable to syllable, under a syllable envelope: it reads as "someone said
something" without saying anything. Deterministic from the Generator it is given.
"""

from __future__ import annotations

import numpy as np

from .synth import RATE, bandpass, bright_tone, colored, env, fade, filt, normalize, peak, remove_dc, samples, times

# (F1, F2) of a few vowels, Hz: a, e, o, u, i
VOWELS = ((730, 1090), (530, 1840), (570, 840), (440, 1020), (300, 2200))


def _murmur(rng, pitch: float, syllables: int, seconds: float, peak_db: float) -> np.ndarray:
    n = samples(seconds)
    t = times(n)
    # Pitch: a small rise then a fall over the phrase, a little wobble per syllable.
    contour = pitch * (1.0 + 0.12 * np.sin(np.pi * t / seconds) - 0.1 * t / seconds)
    contour *= 1.0 + 0.03 * np.sin(2 * np.pi * (syllables / seconds) * t + rng.uniform(0, 6.28))
    source = bright_tone(n, RATE, contour, 3500.0, 30)
    out = np.zeros(n)
    length = seconds / syllables
    for k in range(syllables):
        f1, f2 = VOWELS[int(rng.integers(len(VOWELS)))]
        shaped = filt(source, RATE, lambda f, a=f1, b=f2: bandpass(f, 120, 4000, 2) * peak(f, a, 90, 9.0)
                      * peak(f, b, 140, 5.0) * peak(f, 2600, 250, 2.0))
        start = k * length
        syll = env(n, RATE, 0.03, length * 0.45, start) * (t < start + length * 1.1)
        out += shaped * syll * rng.uniform(0.7, 1.0)
    out = remove_dc(out, RATE)
    return normalize(fade(out, RATE, 0.002, 0.05), peak_db)


def bark_murmur_1(rng):
    """A crew voice: three syllables, mid pitch."""
    return _murmur(rng, 128.0, 3, 0.42, -16.0)


def bark_murmur_2(rng):
    """Another: four quick syllables, a little higher."""
    return _murmur(rng, 142.0, 4, 0.48, -16.0)


def bark_murmur_3(rng):
    """Another: two syllables, lower."""
    return _murmur(rng, 112.0, 2, 0.34, -16.0)


def bark_marco(rng):
    """Marco: deeper and slower."""
    return _murmur(rng, 92.0, 3, 0.55, -15.0)


def radio_squelch(rng):
    """A radio keyed: a click, a burst of band-limited hiss, a click."""
    n = samples(0.34)
    t = times(n)
    hiss = colored(rng, n, RATE, lambda f: bandpass(f, 900, 3200, 3)) * 0.45
    body = (t > 0.015) & (t < 0.29)
    x = hiss * body
    for at in (0.0, 0.3):
        click = env(n, RATE, 0.0008, 0.004, at) * np.sin(2 * np.pi * 2400 * t)
        x += click
    return normalize(fade(remove_dc(x, RATE), RATE, 0.0005, 0.02), -18.0)


def phone_ring(rng):
    """Jesse's phone, on vibrate and low: two short buzzing trills (a cheap phone's two tones,
    pulsed), then a pause, for one ring."""
    n = samples(1.1)
    t = times(n)
    tone = 0.6 * np.sin(2 * np.pi * 880 * t) + 0.4 * np.sin(2 * np.pi * 1100 * t)
    pulse = (np.sin(2 * np.pi * 18 * t) > 0).astype(float)  # the trill
    x = np.zeros(n)
    for at in (0.0, 0.45):
        gate = np.clip(np.minimum(t - at, at + 0.34 - t) / 0.01, 0.0, 1.0)  # 0.34 s, 10 ms edges
        x += gate * tone * pulse
    return normalize(fade(remove_dc(x, RATE), RATE, 0.005, 0.05), -20.0)


SOUNDS = (bark_murmur_1, bark_murmur_2, bark_murmur_3, bark_marco, radio_squelch, phone_ring)
