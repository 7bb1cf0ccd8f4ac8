"""The score's instruments and its loop sequencer (numpy only; music.py writes the pieces).

`Track` is one loop being written: notes are placed by beat with wrap-around (synth.place),
so a note still ringing at the loop's end rings on into its start, and the loop is seamless
by construction. The file starts `lead` seconds before the first downbeat, so the loop point
falls in the quiet just before a bar instead of on its attack.

Voices return mono float arrays that start and end at zero: a plucked baritone guitar, a
muted pluck, a detuned pad, a glassy bell, an electric piano tine, a felt piano, sine and
synth basses, and a few drums. Randomness only from the Generator the piece passes in.
"""
from __future__ import annotations

import numpy as np

from .synth import (bandpass, bright_tone, colored, db, filt, highpass, lowpass, modes, place, samples,
                    smoothstep, snap, times)

RATE = 22050  # mono at 22.05 kHz: the score holds little above 8 kHz


def hz(midi: float) -> float:
    return 440.0 * 2.0 ** ((midi - 69.0) / 12.0)


class Track:
    """A loop of `beats` beats at `bpm`; `add(sig, beat)` places a note (wrapping round the end)."""

    def __init__(self, beats: int, bpm: float, lead: float, rng: np.random.Generator, rate: int = RATE):
        self.rate, self.beat = rate, 60.0 / bpm
        self.lead, self.rng = lead, rng
        self.n = samples(beats * self.beat, rate)
        self.buf = np.zeros(self.n)

    def at(self, beat: float) -> int:
        return int(round((beat * self.beat + self.lead) * self.rate)) % self.n

    def add(self, sig: np.ndarray, beat: float, gain: float = 1.0, jitter: float = 0.0) -> None:
        """`jitter`: up to this many seconds early or late, and up to 12% softer (a hand, not a grid)."""
        if jitter:
            beat += self.rng.uniform(-jitter, jitter) / self.beat
            gain *= 1.0 - 0.12 * self.rng.random()
        place(self.buf, sig * gain, self.at(beat))

    def seconds(self, beats: float) -> float:
        return beats * self.beat

    def lfo(self, hz_: float, depth: float, phase: float = 0.0) -> np.ndarray:
        """1 - depth * (0.5 + 0.5 cos): a periodic swell or tremolo (whole cycles per loop)."""
        f = snap(hz_, self.n, self.rate)
        return 1.0 - depth * (0.5 + 0.5 * np.cos(2 * np.pi * f * times(self.n, self.rate) + phase))


# ---------------------------------------------------------------- envelopes
def swell(n: int, rate: int, attack: float, release: float) -> np.ndarray:
    """Raised-cosine rise over `attack`, hold, raised-cosine fall over the last `release`."""
    t = times(n, rate)
    rise = smoothstep(t / max(attack, 1e-4))
    fall = smoothstep((t[-1] - t) / max(release, 1e-4)) if n > 1 else np.ones(n)
    return rise * fall


def _onset(x: np.ndarray, rate: int, attack: float = 0.002) -> np.ndarray:
    return x * smoothstep(times(len(x), rate) / attack)


# ---------------------------------------------------------------- strings
def pluck(rng, midi: float, seconds: float, rate: int = RATE, bright: float = 1.0, ring: float = 1.6,
          position: float = 0.22, muted: bool = False) -> np.ndarray:
    """A plucked steel string: decaying harmonics (the high ones die first), slightly stretched,
    shaped by where it was plucked, with a little pick noise. `muted`: palm-muted, short and dark."""
    f0 = hz(midi)
    n = samples(seconds, rate)
    k = np.arange(1, 25)
    k = k[k * f0 < rate * 0.42]
    cutoff = (900.0 if muted else 2600.0) * bright
    amps = np.abs(np.sin(np.pi * k * position)) / k * lowpass(k * f0, cutoff, 1)
    decay = (0.14 if muted else ring) / (1.0 + 0.45 * (k - 1))
    fs = k * f0 * np.sqrt(1.0 + 1.2e-4 * k * k)
    x = modes(n, rate, fs, decay, amps)
    pick = colored(rng, n, rate, lambda f: bandpass(f, 1200, 5000, 2)) * np.exp(-times(n, rate) / 0.004)
    x = _onset(x + (0.02 if muted else 0.05) * pick * np.max(np.abs(x)), rate)
    return x / (np.max(np.abs(x)) + 1e-12)


def bowed(midi: float, n: int, rate: int = RATE, cutoff: float = 2200.0, detune: float = 0.003) -> np.ndarray:
    """A sustained string-ish tone the whole loop long (snapped: whole cycles per loop), two voices apart."""
    out = np.zeros(n)
    for d in (-detune, detune):
        out += bright_tone(n, rate, snap(hz(midi) * (1 + d), n, rate), cutoff, 16)
    return out / (np.max(np.abs(out)) + 1e-12)


# ---------------------------------------------------------------- keys and pads
def pad(midis, seconds: float, rate: int = RATE, cutoff: float = 1400.0, attack: float = 0.7,
        release: float = 0.9) -> np.ndarray:
    """A chord of three detuned saws each, lowpassed, swelling in and out."""
    n = samples(seconds, rate)
    x = np.zeros(n)
    for m in midis:
        for d in (-0.005, 0.0, 0.0045):
            x += bright_tone(n, rate, hz(m) * (1 + d), cutoff, 14)
    x *= swell(n, rate, attack, release)
    return x / (np.max(np.abs(x)) + 1e-12)


def bell(midi: float, seconds: float, rate: int = RATE) -> np.ndarray:
    """Glass struck softly: a strong fundamental and a few high, quickly dying partials."""
    f0 = hz(midi)
    n = samples(seconds, rate)
    x = modes(n, rate, [f0 * r for r in (1.0, 2.0, 4.02, 6.9)], (2.6, 1.1, 0.45, 0.18), (1.0, 0.22, 0.12, 0.05))
    return _onset(x, rate, 0.003) / (np.max(np.abs(x)) + 1e-12)


def tine(midi: float, seconds: float, rate: int = RATE) -> np.ndarray:
    """An electric piano's tine: round harmonics and a short metallic bell on the attack."""
    f0 = hz(midi)
    n = samples(seconds, rate)
    x = modes(n, rate, [f0, 2 * f0, 3 * f0, 7.1 * f0], (1.8, 0.9, 0.5, 0.06), (1.0, 0.35, 0.08, 0.18))
    return _onset(x, rate, 0.004) / (np.max(np.abs(x)) + 1e-12)


def felt_piano(rng, midi: float, seconds: float, rate: int = RATE) -> np.ndarray:
    """A piano with felt on its hammers: soft, dark, a breath of hammer noise."""
    f0 = hz(midi)
    n = samples(seconds, rate)
    k = np.arange(1, 13)
    k = k[k * f0 < rate * 0.42]
    fs = k * f0 * np.sqrt(1.0 + 3e-4 * k * k)
    x = modes(n, rate, fs, 3.2 / k ** 0.7, lowpass(k * f0, 1100, 2) / k ** 1.2)
    thud = colored(rng, n, rate, lambda f: lowpass(f, 700, 2)) * np.exp(-times(n, rate) / 0.012)
    x = _onset(x + 0.03 * thud * np.max(np.abs(x)), rate, 0.006)
    return x / (np.max(np.abs(x)) + 1e-12)


# ---------------------------------------------------------------- basses
def sine_bass(midi: float, seconds: float, rate: int = RATE) -> np.ndarray:
    """A round bass note: a sine with a touch of the second and third harmonics."""
    f0 = hz(midi)
    n = samples(seconds, rate)
    t = times(n, rate)
    x = np.sin(2 * np.pi * f0 * t) + 0.3 * np.sin(4 * np.pi * f0 * t) + 0.08 * np.sin(6 * np.pi * f0 * t)
    x *= swell(n, rate, 0.03, min(0.3, seconds / 3)) * (0.6 + 0.4 * np.exp(-t / 0.8))
    return x / (np.max(np.abs(x)) + 1e-12)


def synth_bass(midi: float, seconds: float, rate: int = RATE) -> np.ndarray:
    """A short, driving bass note whose filter closes as it sounds: a saw's partials without the
    fifth and seventh, so a low note adds no major third or flat seventh to the harmony."""
    f0 = hz(midi)
    n = samples(seconds, rate)
    t = times(n, rate)
    cutoff = 220.0 + 900.0 * np.exp(-t / 0.05)
    x = np.zeros(n)
    for k in (1, 2, 3, 4, 6, 8, 9, 12):
        if k * f0 < rate * 0.42:
            x += np.sin(2 * np.pi * k * f0 * t) / k * lowpass(k * f0, cutoff, 2)
    x *= swell(n, rate, 0.004, 0.04) * np.exp(-t / 0.35)
    return x / (np.max(np.abs(x)) + 1e-12)


# ---------------------------------------------------------------- drums
def kick(rng, rate: int = RATE) -> np.ndarray:
    n = samples(0.45, rate)
    t = times(n, rate)
    f = 44.0 + 70.0 * np.exp(-t / 0.035)
    body = np.sin(2 * np.pi * np.cumsum(f) / rate) * np.exp(-t / 0.22)
    click = colored(rng, n, rate, lambda f_: bandpass(f_, 800, 3000, 2)) * np.exp(-t / 0.003)
    x = _onset(body + 0.04 * click, rate, 0.0015) * (1 - smoothstep((t - 0.38) / 0.07))
    return x / (np.max(np.abs(x)) + 1e-12)


def tom(rng, midi: float, rate: int = RATE) -> np.ndarray:
    """A big floor tom, almost a taiko: a low drum head and its skin."""
    f0 = hz(midi)
    n = samples(0.6, rate)
    x = modes(n, rate, (f0, f0 * 1.5, f0 * 2.25), (0.32, 0.16, 0.07), (1.0, 0.45, 0.2))
    skin = colored(rng, n, rate, lambda f: bandpass(f, 300, 2000, 2)) * np.exp(-times(n, rate) / 0.02)
    x = _onset(x + 0.12 * skin, rate, 0.002)
    return x / (np.max(np.abs(x)) + 1e-12)


def rim(rng, rate: int = RATE) -> np.ndarray:
    """A dark, dry snare (snares off, more body than rattle)."""
    n = samples(0.3, rate)
    t = times(n, rate)
    body = modes(n, rate, (185.0, 330.0), (0.07, 0.04), (1.0, 0.5))
    rattle = colored(rng, n, rate, lambda f: bandpass(f, 900, 4500, 2)) * np.exp(-t / 0.06)
    x = _onset(body + 0.6 * rattle, rate, 0.001)
    return x / (np.max(np.abs(x)) + 1e-12)


def shaker(rng, rate: int = RATE) -> np.ndarray:
    n = samples(0.12, rate)
    t = times(n, rate)
    x = colored(rng, n, rate, lambda f: bandpass(f, 3500, 9000, 2)) * swell(n, rate, 0.01, 0.08) * np.exp(-t / 0.04)
    return x / (np.max(np.abs(x)) + 1e-12)


# ---------------------------------------------------------------- levels
def level(x: np.ndarray, rms_db: float, peak_db: float) -> np.ndarray:
    """`x` at an RMS of `rms_db` dBFS, or lower if its peak would pass `peak_db`."""
    x = x - x.mean()
    rms = np.sqrt(np.mean(x * x))
    return x * min(db(rms_db) / rms, db(peak_db) / np.max(np.abs(x)))


def darken(x: np.ndarray, rate: int, low: float, high: float) -> np.ndarray:
    """A loop band-limited to low..high Hz (circular, so the loop stays seamless)."""
    return filt(x, rate, lambda f: highpass(f, low, 2) * lowpass(f, high, 2), circular=True)
