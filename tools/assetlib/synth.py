"""A small numpy synthesis kit for the sound generators (sounds.py and its helpers).

Everything is deterministic: randomness only comes from the numpy Generator the caller
passes in (`rng_for(name)` gives each sound its own fixed seed). Signals are float64
arrays in -1..1, mono `(n,)` or stereo `(n, 2)`.

Filtering is done in the frequency domain with zero-phase gain curves (`lowpass`,
`bandpass`, `peak`, ...). Noise is made directly as a shaped spectrum (`colored`), which
makes it periodic: a buffer of coloured noise loops without a seam. The loop helpers
(`place` with wrap-around, `loop_mod`, `snap`, `periodic_phase`, `reverb(circular=True)`)
keep every part of an ambient bed periodic too, so beds loop seamlessly by construction
instead of by crossfading their ends.
"""
from __future__ import annotations

import io
import wave
import zlib

import numpy as np

RATE = 44100


# ---------------------------------------------------------------- basics
def rng_for(name: str) -> np.random.Generator:
    """A Generator seeded from the sound's name: stable across runs and machines."""
    return np.random.default_rng(zlib.crc32(name.encode("utf-8")))


def samples(seconds: float, rate: int = RATE) -> int:
    return int(round(seconds * rate))


def times(n: int, rate: int = RATE) -> np.ndarray:
    return np.arange(n) / rate


def freqs(n: int, rate: int = RATE) -> np.ndarray:
    return np.fft.rfftfreq(n, 1.0 / rate)


def db(x: float) -> float:
    """Decibels to a linear factor."""
    return 10.0 ** (x / 20.0)


# ---------------------------------------------------------------- gain curves (of frequency in Hz)
def lowpass(f: np.ndarray, fc: float, order: int = 2) -> np.ndarray:
    return 1.0 / np.sqrt(1.0 + (f / fc) ** (2 * order))


def highpass(f: np.ndarray, fc: float, order: int = 2) -> np.ndarray:
    r = (f / fc) ** (2 * order)
    return np.sqrt(r / (1.0 + r))


def bandpass(f: np.ndarray, lo: float, hi: float, order: int = 2) -> np.ndarray:
    return highpass(f, lo, order) * lowpass(f, hi, order)


def peak(f: np.ndarray, f0: float, width: float, gain: float) -> np.ndarray:
    """A bump (gain > 1) or notch (gain < 1) of about `width` Hz at `f0`."""
    return 1.0 + (gain - 1.0) * np.exp(-0.5 * ((f - f0) / width) ** 2)


def tilt(f: np.ndarray, db_per_octave: float, ref: float = 1000.0) -> np.ndarray:
    """-3 dB/octave is pink, -6 brown."""
    return (np.maximum(f, 1.0) / ref) ** (db_per_octave / 6.0206)


# ---------------------------------------------------------------- noise and filtering
def colored(rng: np.random.Generator, n: int, rate: int, gain) -> np.ndarray:
    """Periodic noise of length n with magnitude spectrum `gain(f)`, unit RMS."""
    f = freqs(n, rate)
    spec = (rng.standard_normal(len(f)) + 1j * rng.standard_normal(len(f))) * gain(f)
    spec[0] = 0.0
    x = np.fft.irfft(spec, n)
    rms = np.sqrt(np.mean(x * x))
    return x / rms if rms > 0 else x


def filt(x: np.ndarray, rate: int, gain, circular: bool = False) -> np.ndarray:
    """Zero-phase filter along axis 0. Not circular: padded so the ends do not wrap."""
    n = len(x)
    size = n if circular else _fast_len(n + min(n, samples(0.25, rate)))
    f = freqs(size, rate)
    g = gain(f)
    if x.ndim == 2:
        g = g[:, None]
    y = np.fft.irfft(np.fft.rfft(x, size, axis=0) * g, size, axis=0)
    return y[:n]


def convolve(x: np.ndarray, h: np.ndarray, circular: bool = False) -> np.ndarray:
    """x * h (h mono) along axis 0; the result keeps x's length (tail cut or wrapped)."""
    n = len(x)
    size = n if circular else _fast_len(n + len(h))
    if circular and len(h) > n:
        h = h[:n]
    hs = np.fft.rfft(h, size)
    if x.ndim == 2:
        hs = hs[:, None]
    return np.fft.irfft(np.fft.rfft(x, size, axis=0) * hs, size, axis=0)[:n]


def _fast_len(n: int) -> int:
    return 1 << (n - 1).bit_length()


# ---------------------------------------------------------------- envelopes and shapes
def env(n: int, rate: int, attack: float, decay: float, start: float = 0.0) -> np.ndarray:
    """0 before `start`, a raised-cosine rise over `attack`, then exponential decay."""
    t = times(n, rate) - start
    rise = np.clip(t / max(attack, 1e-6), 0.0, 1.0)
    rise = 0.5 - 0.5 * np.cos(np.pi * rise)
    fall = np.exp(-np.maximum(t - attack, 0.0) / decay)
    return np.where(t < 0, 0.0, rise * fall)


def smoothstep(x: np.ndarray) -> np.ndarray:
    x = np.clip(x, 0.0, 1.0)
    return x * x * (3 - 2 * x)


def fade(x: np.ndarray, rate: int, fade_in: float = 0.001, fade_out: float = 0.02) -> np.ndarray:
    """Taper the ends of a one-shot so it starts and ends at exactly zero."""
    y = x.copy()
    n = len(y)
    a, b = min(n, samples(fade_in, rate)), min(n, samples(fade_out, rate))
    if a > 0:
        ramp_in = 0.5 - 0.5 * np.cos(np.pi * np.arange(a) / a)
        y[:a] *= ramp_in[:, None] if y.ndim == 2 else ramp_in
    if b > 0:
        ramp_out = 0.5 + 0.5 * np.cos(np.pi * (np.arange(b) + 1) / b)
        y[n - b:] *= ramp_out[:, None] if y.ndim == 2 else ramp_out
    return y


def modes(n: int, rate: int, fs, decays, amps, phases=None) -> np.ndarray:
    """A bank of exponentially decaying sines: the ring of a struck object.

    The last fifth is tapered to zero so a kernel cut short does not end in a click."""
    t = times(n, rate)
    out = np.zeros(n)
    phases = np.zeros(len(fs)) if phases is None else phases
    for f, d, a, p in zip(fs, decays, amps, phases):
        if f < rate / 2:
            out += a * np.exp(-t / d) * np.sin(2 * np.pi * f * t + p)
    return out * (1 - smoothstep((t / t[-1] - 0.8) / 0.2)) if n > 1 else out


def tone(n: int, rate: int, f, partials=((1, 1.0),), phase0: float = 0.0) -> np.ndarray:
    """Additive tone; `f` a number or a per-sample frequency array; partials (ratio, amp)."""
    f = np.broadcast_to(np.asarray(f, dtype=float), (n,))
    phase = 2 * np.pi * (np.cumsum(f) - f) / rate + phase0
    out = np.zeros(n)
    for ratio, amp in partials:
        out += amp * np.sin(ratio * phase) * (ratio * f < rate / 2)
    return out


def bright_tone(n: int, rate: int, f, cutoff, count: int = 24) -> np.ndarray:
    """A saw with a per-sample brightness: partial k weighted by lowpass(k*f, cutoff(t))."""
    f = np.broadcast_to(np.asarray(f, dtype=float), (n,))
    cutoff = np.broadcast_to(np.asarray(cutoff, dtype=float), (n,))
    phase = 2 * np.pi * (np.cumsum(f) - f) / rate
    out = np.zeros(n)
    for k in range(1, count + 1):
        kf = k * f
        out += np.sin(k * phase) / k * lowpass(kf, cutoff, 2) * (kf < rate / 2)
    return out


def reverb_ir(rng: np.random.Generator, rate: int, length: float, decay: float,
              damping: float = 4000.0, early=()) -> np.ndarray:
    """A synthetic room: early reflections (time, gain), then a noise tail that darkens."""
    n = samples(length, rate)
    t = times(n, rate)
    bright = colored(rng, n, rate, lambda f: highpass(f, damping, 1)) * np.exp(-t / (decay * 0.4))
    dark = colored(rng, n, rate, lambda f: lowpass(f, damping, 1)) * np.exp(-t / decay)
    tail = (bright + dark) * smoothstep(t / 0.02) * (1 - smoothstep((t - length * 0.85) / (length * 0.15)))
    ir = tail / np.sqrt(np.sum(tail * tail))
    for when, gain in early:
        ir[min(n - 1, samples(when, rate))] += gain
    return ir


def reverb(x: np.ndarray, ir: np.ndarray, wet: float, circular: bool = False) -> np.ndarray:
    return x + wet * convolve(x, ir, circular)


# ---------------------------------------------------------------- loops
def place(buf: np.ndarray, sig: np.ndarray, start: int, wrap: bool = True) -> None:
    """Add `sig` into `buf` at `start`; with wrap, what runs past the end comes in at the start."""
    n = len(buf)
    if not wrap:
        end = min(n, start + len(sig))
        if start < n:
            buf[start:end] += sig[:end - start]
        return
    pos = start % n
    done = 0
    while done < len(sig):
        take = min(n - pos, len(sig) - done)
        buf[pos:pos + take] += sig[done:done + take]
        done += take
        pos = 0


def loop_mod(rng: np.random.Generator, n: int, rate: int, hz: float, lo: float = 0.0,
             hi: float = 1.0) -> np.ndarray:
    """A slow periodic random curve between lo and hi (changes at most about `hz` times a second)."""
    control = max(64, int(n * hz * 16 / rate))
    m = colored(rng, control, control * rate / n, lambda f: lowpass(f, hz, 4))
    m = (m - m.min()) / (m.max() - m.min())
    # Periodic (linear) interpolation up to n samples.
    x = np.arange(n) * control / n
    i = np.floor(x).astype(int)
    frac = x - i
    curve = m[i % control] * (1 - frac) + m[(i + 1) % control] * frac
    return lo + (hi - lo) * curve


def snap(f: float, n: int, rate: int) -> float:
    """The nearest frequency with a whole number of cycles in n samples."""
    return max(1, round(f * n / rate)) * rate / n


def periodic_phase(f: np.ndarray, rate: int) -> np.ndarray:
    """Phase of a per-sample frequency, scaled so the loop holds a whole number of cycles."""
    cycles = np.sum(f) / rate
    scale = max(1, round(cycles)) / cycles
    return 2 * np.pi * (np.cumsum(f) - f) * scale / rate


def pan(x: np.ndarray, position: float) -> np.ndarray:
    """Mono to stereo; position -1 (left) .. 1 (right), equal power."""
    angle = (position + 1) * np.pi / 4
    return np.stack([x * np.cos(angle), x * np.sin(angle)], axis=1)


# ---------------------------------------------------------------- levels and files
def remove_dc(x: np.ndarray, rate: int, circular: bool = False) -> np.ndarray:
    y = filt(x, rate, lambda f: highpass(f, 25.0, 2), circular)
    return y - y.mean(axis=0) if circular else y


def normalize(x: np.ndarray, peak_db: float) -> np.ndarray:
    m = np.max(np.abs(x))
    return x * (db(peak_db) / m) if m > 0 else x


def to_int16(x: np.ndarray) -> np.ndarray:
    return np.clip(np.round(x * 32767.0), -32767, 32767).astype("<i2")


def wav_bytes(x: np.ndarray, rate: int) -> bytes:
    """A 16-bit PCM WAV file (mono or stereo) as bytes; the same input gives the same bytes."""
    data = to_int16(x)
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1 if data.ndim == 1 else data.shape[1])
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(data.tobytes())
    return buf.getvalue()
