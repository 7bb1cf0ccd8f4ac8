"""One-shot sounds: stings, the thrown wrench, doors, heartbeat, pickup, caught, a light switch,
a noise maker's alarm burst, and the two sounds that lead into a loop (the pickup truck
starting, the tape recorder's button).

Each builder takes the sound's Generator and returns a mono float array (44.1 kHz) at
its final level.
"""
from __future__ import annotations

import numpy as np

from .synth import (RATE, bandpass, bright_tone, colored, convolve, env, fade, filt, lowpass, modes, normalize, peak,
                    place, remove_dc, reverb, reverb_ir, samples, smoothstep, times, tone)

CAR_IDLE_SECONDS = 4.0  # the last 4 s of car_engine.wav loop seamlessly (the idle)


def _finish(x, peak_db, tail=0.05, lead=0.0005):
    x = remove_dc(x, RATE)
    return normalize(fade(x, RATE, lead, tail), peak_db)


def _glide(n, f0, f1, seconds, start=0.0):
    """A frequency curve from f0 to f1 over `seconds` (exponential ease), then holding f1."""
    t = np.clip((times(n) - start) / seconds, 0.0, 1.0)
    return f0 * (f1 / f0) ** smoothstep(t)


def _mallet(n, f, decay, start):
    """A soft mallet note: sine, a little octave, a quick inharmonic 'tink' at the attack."""
    partials = ((1, 1.0), (2, 0.25), (3, 0.08))
    body = tone(n, RATE, f, partials) * env(n, RATE, 0.006, decay, start)
    tink = tone(n, RATE, f, ((2.76, 0.3), (5.4, 0.12))) * env(n, RATE, 0.001, decay * 0.12, start)
    return body + tink


# ---------------------------------------------------------------- stings
def sting_suspicious(rng):
    """"?": two notes rising a tritone (C#4 -> G4), the second bending up like a question."""
    n = samples(1.6)
    x = _mallet(n, 277.18, 0.18, 0.0)
    f2 = 392.0 * _glide(n, 1.0, 2 ** (40 / 1200), 0.35, 0.32)
    second = tone(n, RATE, f2, ((1, 1.0), (2, 0.25), (3, 0.08)))
    tremolo = 1 + 0.12 * np.sin(2 * np.pi * 6.5 * times(n))
    x += 1.1 * second * env(n, RATE, 0.012, 0.32, 0.15) * tremolo
    x += 0.35 * tone(n, RATE, 69.3, ((1, 1.0), (2, 0.4))) * env(n, RATE, 0.004, 0.25, 0.0)  # a low pluck
    x += 0.2 * colored(rng, n, RATE, lambda f: bandpass(f, 2000, 6000, 2)) * env(n, RATE, 0.03, 0.15, 0.15)
    ir = reverb_ir(rng, RATE, 1.2, 0.35, 3500, early=((0.021, 0.3), (0.037, 0.2)))
    return _finish(reverb(x, ir, 0.35), -8.0, 0.3)


def _stab(rng, n, notes, start, cutoff_from, cutoff_to, fall, hold):
    """A brass-like chord stab: bright attack that darkens, fast fall to a lower hold."""
    t = np.maximum(times(n) - start, 0.0)
    cutoff = cutoff_to + (cutoff_from - cutoff_to) * np.exp(-t / fall)
    amp = (0.35 + 0.65 * np.exp(-t / fall)) * env(n, RATE, 0.003, hold, start)
    x = np.zeros(n)
    for i, f in enumerate(notes):
        detune = 1 + rng.uniform(-0.003, 0.003)
        x += bright_tone(n, RATE, f * detune, cutoff, count=28)
    return x * amp / len(notes) ** 0.5


def _boom(n, f0, f1, drop, decay, start=0.0):
    f = _glide(n, f0, f1, drop, start)
    phase = 2 * np.pi * np.cumsum(f) / RATE
    return np.sin(phase - phase[samples(start)]) * env(n, RATE, 0.002, decay, start)


def sting_alert(rng):
    """"!": a sharp, dissonant stab with a crack and a low boom."""
    n = samples(1.8)
    x = _stab(rng, n, (146.83, 207.65, 293.66, 311.13), 0.0, 6500, 700, 0.09, 0.45)
    x += 0.9 * _boom(n, 95, 42, 0.15, 0.22)
    x += 0.55 * colored(rng, n, RATE, lambda f: bandpass(f, 1200, 9000, 2)) * env(n, RATE, 0.0005, 0.025)
    ir = reverb_ir(rng, RATE, 1.5, 0.45, 3000, early=((0.019, 0.35), (0.041, 0.22)))
    return _finish(reverb(x, ir, 0.4), -3.0, 0.35)


def caught(rng):
    """Caught: two heavy hits, the second lower and sagging down a semitone, then a long tail."""
    n = samples(3.0)
    x = _stab(rng, n, (110.0, 155.56, 220.0, 233.08), 0.0, 5000, 600, 0.1, 0.35)
    sag = _glide(n, 1.0, 2 ** (-1 / 12), 1.2, 0.5)
    for f in (92.5, 130.81, 185.0, 196.0):
        x += 0.6 * bright_tone(n, RATE, f * sag, 400 + 3000 * np.exp(-np.maximum(times(n) - 0.38, 0) / 0.15),
                               count=24) * env(n, RATE, 0.004, 0.9, 0.38)
    x += 1.1 * _boom(n, 80, 34, 0.25, 0.5)
    x += 1.0 * _boom(n, 70, 30, 0.3, 0.8, 0.38)
    x += 0.5 * colored(rng, n, RATE, lambda f: bandpass(f, 800, 8000, 2)) * (
        env(n, RATE, 0.0005, 0.05) + env(n, RATE, 0.0005, 0.12, 0.38))
    ir = reverb_ir(rng, RATE, 2.0, 0.6, 2500, early=((0.023, 0.35), (0.047, 0.25)))
    return _finish(reverb(x, ir, 0.45), -3.0, 0.6)


# ---------------------------------------------------------------- objects
def _bar_kernel(rng, f1, length, decays):
    """A steel bar's ring (free-free bar mode ratios), each mode at a random phase."""
    ratios = (1.0, 2.756, 5.404, 8.933, 13.34)
    return modes(samples(length), RATE, [f1 * r for r in ratios], decays, (1.0, 0.8, 0.55, 0.35, 0.2),
                 rng.uniform(0, 2 * np.pi, len(ratios)))


def throw_land(rng):
    """A wrench clattering on concrete: a hard hit, bounces closer and closer, a scrape, a last tink."""
    n = samples(1.4)
    shaft = _bar_kernel(rng, 1150, 0.8, (0.32, 0.2, 0.12, 0.08, 0.05))
    jaw = _bar_kernel(rng, 1730, 0.6, (0.18, 0.12, 0.08, 0.05, 0.03))
    hits, when, gap, amp = [], 0.005, 0.13, 1.0
    for _ in range(7):
        hits.append((when, amp))
        when, gap, amp = when + gap, gap * 0.68, amp * 0.68
    x = np.zeros(n)
    for i, (t, a) in enumerate(hits):
        click = colored(rng, samples(0.004), RATE, lambda f: bandpass(f, 500, 12000, 1))
        click *= np.exp(-times(len(click)) / 0.0008)
        drive = np.zeros(n)
        place(drive, click, samples(t), wrap=False)
        # Each landing strikes the wrench at another spot; once it lies flat, contact damps it.
        damp = np.exp(-times(n) / (0.35 if i < 3 else 0.08))
        ring = rng.uniform(0.4, 1.0) * convolve(drive, shaft) + rng.uniform(0.3, 0.9) * convolve(drive, jaw)
        x += a * 0.05 * ring * np.concatenate([np.ones(samples(t)), damp[:n - samples(t)]])
        x += a * 0.8 * colored(rng, n, RATE, lambda f: bandpass(f, 700, 7000, 2)) * env(n, RATE, 0.0003, 0.004, t)
        x += a * 0.35 * _boom(n, 160, 110, 0.02, 0.012, t)
    # It slides a little on the concrete and comes to rest.
    start = when
    scrape = colored(rng, n, RATE, lambda f: bandpass(f, 1800, 7000, 2))
    rough = 0.5 + 0.5 * colored(rng, n, RATE, lambda f: bandpass(f, 25, 80, 2)).clip(-1, 1)
    x += 0.07 * scrape * rough * env(n, RATE, 0.03, 0.08, start)
    x += 0.12 * convolve(scrape * rough * env(n, RATE, 0.03, 0.08, start) * 0.02, shaft)
    drive = np.zeros(n)
    place(drive, np.array([1.0]), samples(start + 0.2), wrap=False)
    x += 0.006 * convolve(drive, shaft) * np.exp(-np.maximum(times(n) - start - 0.2, 0) / 0.1)
    ir = reverb_ir(rng, RATE, 0.5, 0.12, 5000, early=((0.011, 0.2), (0.023, 0.12)))
    return _finish(reverb(x, ir, 0.18), -3.0, 0.15)


def _creak(rng, n, start, length, rates, body, decays, amp=1.0):
    """Stick-slip friction: a train of ticks at a wandering rate, each ringing `body` modes."""
    drive = np.zeros(n)
    t = start
    knots = np.linspace(0, 1, len(rates))
    while t < start + length:
        u = (t - start) / length
        rate_now = np.interp(u, knots, rates) * rng.uniform(0.85, 1.15)
        swell = np.sin(np.pi * u) ** 0.6
        drive[min(n - 1, samples(t))] += swell * rng.uniform(0.6, 1.0)
        t += 1.0 / rate_now
    kernel = modes(samples(0.08), RATE, body, decays, [1.0, 0.7, 0.5, 0.35][:len(body)],
                   rng.uniform(0, 2 * np.pi, len(body)))
    return amp * convolve(drive, kernel)


def _click(rng, n, start, fs, decay, amp):
    kernel = modes(samples(0.05), RATE, fs, [decay] * len(fs), [1.0, 0.6, 0.4][:len(fs)])
    drive = np.zeros(n)
    place(drive, np.array([1.0, -0.6]), samples(start), wrap=False)
    return amp * convolve(drive, kernel)


def door_open(rng):
    """A handle turns (two latch clicks), the hinge creaks, air moves."""
    n = samples(1.1)
    x = _click(rng, n, 0.0, (2200, 3500, 5100), 0.009, 0.5)
    x += _click(rng, n, 0.05, (1600, 2900), 0.012, 0.3)
    x += _creak(rng, n, 0.14, 0.6, (45, 110, 80, 60), (640, 1080, 1870, 2650), (0.01, 0.008, 0.006, 0.004), 0.18)
    air = colored(rng, n, RATE, lambda f: bandpass(f, 150, 900, 2))
    t = times(n)
    x += 0.12 * air * np.sin(np.pi * np.clip((t - 0.2) / 0.7, 0, 1)) ** 2
    return _finish(x, -6.0, 0.08)


def door_close(rng):
    """A short swing, a heavy wooden thud with the latch snapping in, a small rattle."""
    n = samples(0.9)
    t = times(n)
    air = colored(rng, n, RATE, lambda f: bandpass(f, 120, 800, 2))
    x = 0.25 * air * smoothstep(t / 0.22) * (t < 0.24)
    hit = 0.24
    slab = modes(samples(0.5), RATE, (72, 128, 191, 284, 412), (0.11, 0.09, 0.06, 0.04, 0.025),
                 (1.0, 0.8, 0.6, 0.4, 0.25))
    kick = colored(rng, samples(0.01), RATE, lambda f: lowpass(f, 1500, 2)) * np.exp(-times(samples(0.01)) / 0.002)
    drive = np.zeros(n)
    place(drive, kick, samples(hit), wrap=False)
    x += 0.2 * convolve(drive, slab)
    x += 0.6 * colored(rng, n, RATE, lambda f: bandpass(f, 300, 3000, 2)) * env(n, RATE, 0.0005, 0.012, hit)
    x += _click(rng, n, hit + 0.012, (2500, 3900), 0.01, 0.35)
    x += _click(rng, n, hit + 0.05, (1900, 3100), 0.006, 0.12)
    ir = reverb_ir(rng, RATE, 0.5, 0.15, 3000, early=((0.013, 0.25),))
    return _finish(reverb(x, ir, 0.2), -4.0, 0.1)


def heartbeat(rng):
    """One lub-dub: a dull low thump, then a slightly higher, softer one 0.22 s later.

    Soft onsets (no click); a little energy at 100-300 Hz so small speakers carry it."""
    n = samples(0.6)

    def thump(start, f0, f1, decay, attack):
        body = _glide(n, f0, f1, 0.06, start)
        phase = 2 * np.pi * np.cumsum(body) / RATE
        phase -= phase[samples(start)]
        shape = env(n, RATE, attack, decay, start)
        knock = colored(rng, n, RATE, lambda f: bandpass(f, 70, 300, 2)) * env(n, RATE, attack, decay * 0.5, start)
        return (np.sin(phase) + 0.35 * np.sin(2 * phase)) * shape + 0.35 * knock

    x = thump(0.01, 58, 40, 0.05, 0.012) + 0.7 * thump(0.23, 72, 50, 0.04, 0.01)
    return _finish(x, -6.0, 0.05)


def pickup(rng):
    """Taking an item: a quick cloth rustle and two soft rising bell notes (A5, E6)."""
    n = samples(0.8)
    rustle = colored(rng, n, RATE, lambda f: bandpass(f, 1500, 7000, 2))
    x = 0.25 * rustle * (env(n, RATE, 0.01, 0.03, 0.0) + 0.7 * env(n, RATE, 0.01, 0.04, 0.06))
    x += 0.5 * _mallet(n, 880.0, 0.2, 0.05)
    x += 0.45 * _mallet(n, 1318.5, 0.28, 0.12)
    ir = reverb_ir(rng, RATE, 0.6, 0.2, 5000)
    return _finish(reverb(x, ir, 0.25), -10.0, 0.15)


def switch_click(rng):
    """A wall light switch flipped: a sharp plastic snap, the rocker landing 7 ms later, a tiny
    ring of the switch plate and the box behind it."""
    n = samples(0.09)
    x = 0.5 * colored(rng, n, RATE, lambda f: bandpass(f, 2500, 12000, 2)) * env(n, RATE, 0.0002, 0.0008)
    x += _click(rng, n, 0.0005, (3300, 5200, 7600), 0.004, 0.6)
    x += _click(rng, n, 0.0075, (2600, 4100), 0.003, 0.3)
    x += 0.25 * modes(n, RATE, (420, 910), (0.012, 0.007), (1.0, 0.5)) * env(n, RATE, 0.0005, 0.02)
    return _finish(x, -16.0, 0.03)


ALARM_SECONDS = 0.9  # one burst; the world sounds a noise maker once a second


def alarm_burst(rng):
    """A noise maker going off: a car alarm's two-tone warble (a square-ish wave flipping between
    two pitches 8 times a second, both gliding up) through a small horn that rounds off the top."""
    n = samples(ALARM_SECONDS)
    t = times(n)
    flip = 0.5 + 0.5 * np.tanh(6 * np.sin(2 * np.pi * 8 * t))  # 0 / 1, with soft edges
    f = (820 + 380 * flip) * (1 + 0.12 * smoothstep(t / ALARM_SECONDS))
    x = tone(n, RATE, f, ((1, 1.0), (3, 0.3), (5, 0.16), (7, 0.09), (9, 0.05)))
    x = filt(x, RATE, lambda fr: bandpass(fr, 450, 3800, 2) * peak(fr, 2100, 600, 1.6))
    x *= smoothstep(t / 0.03) * (1 - smoothstep((t - ALARM_SECONDS + 0.06) / 0.06))
    return _finish(x, -15.0, 0.006, 0.004)


# ---------------------------------------------------------------- menus and checkpoints
def ui_move(rng):
    """The selection moving in a menu: one short, quiet wooden tick."""
    n = samples(0.12)
    x = modes(n, RATE, (1900, 3100), (0.018, 0.01), (1.0, 0.4))
    x += 0.15 * colored(rng, n, RATE, lambda f: bandpass(f, 2000, 6000, 2)) * env(n, RATE, 0.0005, 0.006)
    return _finish(x, -18.0, 0.04)


def ui_select(rng):
    """Choosing: two soft mallet notes going up (E5, B5)."""
    n = samples(0.45)
    x = 0.6 * _mallet(n, 659.3, 0.12, 0.0) + 0.55 * _mallet(n, 987.8, 0.16, 0.06)
    return _finish(x, -14.0, 0.1)


def ui_back(rng):
    """Backing out: the same two notes going down (B5, E5), softer."""
    n = samples(0.45)
    x = 0.55 * _mallet(n, 987.8, 0.1, 0.0) + 0.5 * _mallet(n, 659.3, 0.14, 0.06)
    return _finish(x, -17.0, 0.1)


def checkpoint(rng):
    """A checkpoint reached: one low, warm bell (A4 with its fifth), far off in a room."""
    n = samples(1.4)
    x = 0.6 * _mallet(n, 440.0, 0.5, 0.0) + 0.3 * _mallet(n, 659.3, 0.45, 0.0)
    ir = reverb_ir(rng, RATE, 1.0, 0.25, 4000)
    return _finish(reverb(x, ir, 0.3), -15.0, 0.3)


# ---------------------------------------------------------------- the tape recorder
def tape_start(rng, loop):
    """The play button clunks, the pinch roller engages, the motor spins up into `loop`.

    `loop` is tape_loop at its final level; the end of this sound is the periodic
    continuation of the loop, so tape_loop can follow it without a seam."""
    n = samples(0.9)
    t = times(n)
    x = 0.6 * colored(rng, n, RATE, lambda f: bandpass(f, 1000, 6000, 2)) * env(n, RATE, 0.0003, 0.004)
    x += 0.8 * modes(n, RATE, (120, 245, 410), (0.035, 0.025, 0.015), (1.0, 0.6, 0.4))
    x += _click(rng, n, 0.028, (2800, 4300), 0.006, 0.25)
    spin = _glide(n, 60, 320, 0.2, 0.03)
    x += 0.04 * tone(n, RATE, spin, ((1, 1.0), (2, 0.4), (3, 0.2))) * smoothstep((t - 0.03) / 0.08) * np.exp(
        -np.maximum(t - 0.25, 0) / 0.12)
    x = normalize(fade(remove_dc(x, RATE), RATE, 0.0005, 0.3), -12.0)
    running = loop[(np.arange(n) - n) % len(loop)]  # ends exactly where the loop starts over
    return x + running * smoothstep((t - 0.05) / 0.3)


# ---------------------------------------------------------------- the pickup truck
def _exhaust_kernel(rng):
    """One cylinder firing: a pop through the exhaust pipe's resonances."""
    m = samples(0.09)
    pop = colored(rng, m, RATE, lambda f: bandpass(f, 60, 900, 2)) * np.exp(-times(m) / 0.007)
    pipe = modes(m, RATE, (82, 161, 247, 410), (0.03, 0.02, 0.014, 0.008), (1.0, 0.6, 0.4, 0.2))
    return 0.5 * pop + pipe


def car_engine(rng):
    """An old V8 pickup: the starter cranks, two misfires, it catches, revs, settles to a lopey idle.

    The last CAR_IDLE_SECONDS are one period of the idle: they loop seamlessly, and the
    sound before them runs straight into that period."""
    idle_n = samples(CAR_IDLE_SECONDS)
    firings = 8 * round(CAR_IDLE_SECONDS * 44.0 / 8)  # about 660 rpm, whole engine cycles per loop
    interval = idle_n / firings
    intro_n = samples(4.0)
    n = intro_n + idle_n
    t = times(n)
    cylinders = 1.0 + 0.22 * rng.standard_normal(8)
    jitter = 1.0 + 0.07 * rng.standard_normal(firings)
    shift = np.round(0.04 * interval * rng.standard_normal(firings)).astype(int)

    def at(j, offset=0.0):  # sample of idle firing j (j < 0: before the tail); none right on the loop point
        return intro_n + (j * idle_n + round((offset + 0.5) * idle_n)) // firings + int(shift[j % firings])

    # Firing times: cranking (none), then the run-up, then the periodic idle pattern.
    catch, rev_peak = 1.5, 1.8
    drive = np.zeros(n)
    rpm = np.where(t < rev_peak, 250 + (1550 - 250) * smoothstep((t - catch) / (rev_peak - catch)),
                   660 + 890 * np.exp(-(t - rev_peak) / 0.42) - 70 * np.exp(-(t - rev_peak) / 0.7)
                   * np.sin(2 * np.pi * 0.8 * (t - rev_peak)))
    phase = np.cumsum(rpm / 60 * 4) / RATE
    first_idle = None
    k = 0
    last = None
    for i in np.nonzero(np.diff(np.floor(phase)) > 0)[0]:
        if t[i] < catch:
            continue
        j = round((i - intro_n) / interval)  # the idle firing this one would be
        if t[i] > 3.0 and first_idle is None:
            first_idle = j
            break
        load = 1.6 if t[i] < rev_peak + 0.3 else 1.0 + 0.6 * np.exp(-(t[i] - rev_peak - 0.3) / 0.3)
        drive[i] += load * cylinders[k % 8] * rng.uniform(0.85, 1.15)
        k += 1
        last = i
    j = first_idle
    while True:
        pos = at(j)
        if pos >= n:
            break
        if last is None or pos > last + 0.6 * interval:
            drive[pos] += cylinders[j % 8] * jitter[j % firings]
        j += 1
    for misfire in (0.92, 1.24):
        drive[samples(misfire)] += 1.3
    x = convolve(drive, _exhaust_kernel(rng))

    # A noisy lifter ticks once per engine cycle (every 8 firings) at idle.
    ticks = np.zeros(n)
    j = first_idle
    while (pos := at(j, 0.37)) < n:
        if j % 8 == 3:
            ticks[pos] += 1.0
        j += 1
    tick = colored(rng, samples(0.01), RATE, lambda f: bandpass(f, 2500, 6000, 2)) * np.exp(
        -times(samples(0.01)) / 0.0015)
    x += 0.05 * convolve(ticks, tick)

    # Steady mechanical noise: periodic over the idle, so the tail stays a loop.
    bed = colored(rng, idle_n, RATE, lambda f: bandpass(f, 80, 1500, 2))
    bed = bed[(np.arange(n) - intro_n) % idle_n]
    x += 0.05 * bed * smoothstep((t - catch) / 0.2)

    # The starter: a whining motor dragged down by each compression, a 'chug' per stroke.
    crank = (t >= 0.06) & (t < catch + 0.06)
    crank_rpm = 150 + 45 * smoothstep(t / catch)
    stroke = np.cumsum(crank_rpm / 60 * 4) / RATE
    load = (0.5 + 0.5 * np.cos(2 * np.pi * stroke)) ** 3
    whine_f = 360 * (1 - 0.2 * load) * (1 + 0.3 * smoothstep((t - catch) / 0.08))
    out = np.clip((catch + 0.06 - t) / 0.08, 0, 1)
    starter = tone(n, RATE, whine_f, ((1, 1.0), (2, 0.5), (3, 0.3), (5, 0.15), (7, 0.08)))
    x += 0.1 * starter * (0.6 + 0.4 * (1 - load)) * crank * out * smoothstep((t - 0.06) / 0.04)
    chug = colored(rng, n, RATE, lambda f: bandpass(f, 70, 500, 2))
    x += 0.7 * chug * load * crank * out
    x += _click(rng, n, 0.02, (1800, 2700, 4100), 0.012, 0.3)  # the solenoid
    x += _click(rng, n, catch + 0.1, (1500, 2600), 0.01, 0.15)  # the pinion drops out

    x -= x[intro_n:].mean()
    x = fade(x, RATE, 0.0005, 0.0)  # no fade-out: the end runs into the loop
    return normalize(x, -4.0)
