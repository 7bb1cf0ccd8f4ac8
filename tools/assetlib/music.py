"""The score: a title theme, a bed per place, the layers that follow the crew, the epilogue.

    music_title                 the title theme: a tremolo baritone guitar over a pad (8 bars, 24 s)
    music_<place>               the calm bed of each place (garage, carwash, highschool, desertlab)
    music_tension               the layer for a suspicious crew: a muted pedal and high tremolo strings
    music_alert                 the layer for the alert phase: toms, kick, rim, a driving bass
    music_epilogue              a quiet waltz for felt piano, in F (8 bars of 3/4 at 60, 24 s)

The beds and the two layers share one tempo (BPM), one length (LOOP_BEATS beats, 12 s) and one
key (D minor: every bed sits on D, the layers hold D as a pedal), so any bed plays with either
layer in sync: the game starts them together and only moves their volumes (game/audio/score.py,
which repeats BPM, LOOP_BEATS and LEAD; a test holds them equal). Each file starts LEAD seconds
before its first downbeat, so the loop point falls in the quiet before a bar, not on an attack.

Mono at 22.05 kHz, quiet under the effects and the speech (the beds at -37 dBFS RMS, peaks
under -14 dBFS); every part is placed with wrap-around and every filter and reverb is circular,
so each loop is seamless by construction.
"""
from __future__ import annotations

import numpy as np

from . import music_kit as kit
from .music_kit import RATE, Track, hz
from .synth import reverb, reverb_ir, samples, smoothstep, snap, times

BPM = 80
LOOP_BEATS = 16  # four bars of 4/4: 12 s
LEAD = 0.15  # s of the loop before its first downbeat (9 ticks at 60 a second)
PLACES = ("garage", "carwash", "highschool", "desertlab")
BED_RMS = -37.0


def _hall(rng, length=2.6, decay=0.8, damping=2800.0):
    return reverb_ir(rng, RATE, length, decay, damping, early=((0.023, 0.3), (0.041, 0.22), (0.067, 0.15)))


def _spring(rng):
    """A guitar amp's spring: dense early echoes, a bright short tail."""
    return reverb_ir(rng, RATE, 1.6, 0.45, 3200, early=((0.019, 0.45), (0.038, 0.35), (0.057, 0.25), (0.076, 0.15)))


def _wet(x: np.ndarray, ir: np.ndarray, amount: float) -> np.ndarray:
    return reverb(x, ir, amount, circular=True)


def _pads(t: Track, chords, cutoff=1300.0, beats=4.6):
    """One pad chord per bar, each swelling over the bar line into the next."""
    for bar, chord in enumerate(chords):
        t.add(kit.pad(chord, t.seconds(beats), cutoff=cutoff, attack=0.9, release=1.1), bar * 4 - 0.3)


def _basses(t: Track, roots, beats=3.6):
    for bar, root in enumerate(roots):
        t.add(kit.sine_bass(root, t.seconds(beats)), bar * 4, jitter=0.004)


def _notes(t: Track, voice, notes, jitter=0.006):
    """(beat, midi, length in beats) for any voice(midi, seconds)."""
    for beat, midi, length in notes:
        t.add(voice(midi, t.seconds(length)), beat, jitter=jitter)


# ---------------------------------------------------------------- the title
def title_parts(rng):
    """The theme: a lonely tune on a tremolo baritone guitar, Dm Bb F C / Dm Bb Gm A."""
    guitar, keys, low = (Track(32, BPM, LEAD, rng) for _ in range(3))
    tune = ((0, 57, 1.5), (1.5, 62, 0.5), (2, 65, 1), (3, 64, 1), (4, 62, 2.5), (7.5, 60, 0.5),
            (8, 60, 1.5), (9.5, 57, 0.5), (10, 60, 1), (11, 62, 1), (12, 64, 2), (14, 62, 0.5), (14.5, 60, 1.5),
            (16, 57, 1.5), (17.5, 62, 0.5), (18, 65, 1), (19, 69, 1), (20, 67, 1.5), (21.5, 65, 0.5), (22, 62, 2),
            (24, 58, 1), (25, 62, 1), (26, 67, 1), (27, 65, 1), (28, 64, 2), (30, 61, 1))
    _notes(guitar, lambda m, s: kit.pluck(rng, m, s + 1.2, ring=2.2), tune)
    chords = ((50, 53, 57), (46, 50, 53), (53, 57, 60), (48, 52, 55), (50, 53, 57), (46, 50, 53), (55, 58, 62),
              (57, 61, 64))
    for bar, chord in enumerate(chords):  # a second guitar, softly arpeggiated on beats 2 and 3
        for beat, note in ((1, chord[0]), (1.5, chord[2]), (2.5, chord[1])):
            guitar.add(kit.pluck(rng, note - 12, 2.0, bright=0.7, ring=1.4), bar * 4 + beat, 0.3, jitter=0.008)
    _pads(keys, chords, cutoff=1100.0)
    _basses(low, (38, 34, 41, 36, 38, 34, 43, 33))
    for bar in range(8):  # a brush on beats 2 and 4
        for beat in (1, 3):
            low.add(kit.shaker(rng), bar * 4 + beat, 0.08, jitter=0.004)
    trem = guitar.lfo(BPM / 60 * 3, 0.45)  # tremolo in eighth-note triplets
    return {"guitar": _wet(guitar.buf * trem, _spring(rng), 0.5), "pad": 0.45 * _wet(keys.buf, _hall(rng), 0.6),
            "low": 0.5 * low.buf}


# ---------------------------------------------------------------- the beds
def _bed(rng, chords, roots):
    melody, keys, low = (Track(LOOP_BEATS, BPM, LEAD, rng) for _ in range(3))
    _pads(keys, chords)
    _basses(low, roots)
    return melody, keys, low


def garage_parts(rng):
    """The snowed-in garage: glass bells over a cold pad, Dm9 Bbmaj7 Gm9 Asus4."""
    melody, keys, low = _bed(rng, ((50, 57, 64, 65), (46, 53, 57, 62), (43, 50, 57, 58), (45, 52, 57, 62)),
                             (38, 34, 31, 33))
    arps = ((0, 69), (1.5, 76), (2.5, 74), (3, 72), (4, 70), (5.5, 77), (6.5, 74), (7, 69), (8, 67), (9.5, 74),
            (10.5, 70), (11, 69), (12, 69), (13.5, 74), (14.5, 73))
    _notes(melody, kit.bell, [(b, m, 3.0) for b, m in arps])
    trem = melody.lfo(5.0, 0.3)  # a vibraphone's motor, slow
    return {"bells": 0.5 * _wet(melody.buf * trem, _hall(rng, 3.2, 1.1), 0.8),
            "pad": 0.7 * _wet(keys.buf, _hall(rng), 0.5), "low": 0.45 * low.buf}


def carwash_parts(rng):
    """The car wash at dusk: a twangy tremolo guitar picking Dm C Bb A, a slide far off."""
    melody, keys, low = _bed(rng, ((50, 53, 57), (48, 52, 55), (46, 50, 53), (45, 49, 52)), (38, 36, 34, 33))
    shapes = ((38, (45, 50, 53)), (36, (43, 48, 52)), (34, (41, 46, 50)), (33, (40, 45, 49)))
    for bar, (root, (a, b, c)) in enumerate(shapes):
        picks = ((0, root, 0.9), (1, a, 0.6), (1.5, c, 0.5), (2, b, 0.6), (2.5, c, 0.45), (3, a, 0.55))
        for beat, note, gain in picks:
            melody.add(kit.pluck(rng, note, 2.4, ring=1.8), bar * 4 + beat, gain, jitter=0.006)
    slide = Track(LOOP_BEATS, BPM, LEAD, rng)  # a slide: bar 1 rises F -> A, bar 3 falls F -> E
    for start, frm, to in ((0, 65, 69), (8, 65, 64)):
        n = samples(slide.seconds(6), RATE)
        t = times(n, RATE)
        f = hz(frm + (to - frm) * smoothstep(t / slide.seconds(1.5))) * (1 + 0.004 * np.sin(2 * np.pi * 5.5 * t))
        phase = 2 * np.pi * np.cumsum(f) / RATE
        tone = np.sin(phase) + 0.3 * np.sin(2 * phase) + 0.12 * np.sin(3 * phase)
        slide.add(tone * kit.swell(n, RATE, 1.2, 2.5), start)
    trem = melody.lfo(BPM / 60 * 3, 0.5)
    return {"guitar": 0.6 * _wet(melody.buf * trem, _spring(rng), 0.45),
            "slide": 0.05 * _wet(slide.buf, _hall(rng, 3.0), 1.0), "pad": 0.18 * _wet(keys.buf, _hall(rng), 0.5),
            "low": 0.3 * low.buf}


def highschool_parts(rng):
    """The empty school at night: an electric piano alone in a hall, Dm Gm/D Bb/D A over a D pedal."""
    melody, keys, low = _bed(rng, ((50, 53, 57), (50, 55, 58), (50, 53, 58), (49, 52, 57)), (38, 38, 38, 37))
    motif = ((0, 77, 1.5), (1.5, 76, 0.5), (2, 74, 2), (4, 74, 1.5), (5.5, 70, 0.5), (6, 67, 2),
             (8, 77, 1.5), (9.5, 74, 0.5), (10, 70, 2), (12, 73, 1.5), (13.5, 76, 0.5), (14, 69, 1.5))
    _notes(melody, kit.tine, [(b, m, n + 1.5) for b, m, n in motif], jitter=0.01)
    return {"piano": 0.55 * _wet(melody.buf, _hall(rng, 3.4, 1.2, 2200), 0.9),
            "pad": 0.6 * _wet(keys.buf, _hall(rng), 0.6), "low": 0.4 * low.buf}


def desertlab_parts(rng):
    """The desert lab, the end: a low drone, a baritone riff on D with its flat second."""
    melody, keys, low = _bed(rng, ((50, 53, 57), (51, 55, 58), (50, 53, 57), (48, 52, 55)), (38, 39, 38, 36))
    riff = ((0, 38), (0.5, 38), (1, 41), (1.5, 38), (2, 39), (3, 38), (3.5, 45))
    for bar in range(4):
        for beat, note in riff if bar < 3 else riff[:5]:
            lifted = 1 if bar == 1 and note == 38 else 0  # under bar 2's Eb chord the riff leans on Eb
            melody.add(kit.pluck(rng, note + lifted, 1.2, ring=1.0, bright=0.8),
                       bar * 4 + beat, 0.8 if beat in (0, 3) else 0.5, jitter=0.004)
    for bar in (0, 2):  # a far-off drum, a heartbeat under the riff
        low.add(kit.tom(rng, 33), bar * 4, 0.35)
    n = melody.n
    drone = sum(np.sin(2 * np.pi * snap(hz(26) * r, n, RATE) * times(n, RATE)) * a
                for r, a in ((1.0, 1.0), (1.003, 0.7), (2.0, 0.35), (3.0, 0.12)))
    drone *= melody.lfo(1 / 6, 0.5)
    trem = melody.lfo(BPM / 60 * 2, 0.3)
    return {"guitar": 0.55 * _wet(melody.buf * trem, _spring(rng), 0.4), "pad": 0.15 * _wet(keys.buf, _hall(rng), 0.5),
            "low": 0.3 * low.buf, "drone": 0.12 * drone}


# ---------------------------------------------------------------- the layers
def tension_parts(rng):
    """Someone is looking: a palm-muted pedal on D in eighths, high strings trembling on A and D,
    a flat second (Eb) swelling in to rub against them in the loop's middle."""
    pulse = Track(LOOP_BEATS, BPM, LEAD, rng)
    for eighth in range(LOOP_BEATS * 2 - 1):  # the last eighth before the loop point stays empty
        beat = eighth / 2
        note = 39 if beat % 8 == 7.5 else 38
        accent = 1.0 if beat % 4 in (0, 2.5) else 0.6
        pulse.add(kit.pluck(rng, note, 0.6, muted=True), beat, accent, jitter=0.003)
    n = pulse.n
    tremolo = pulse.lfo(BPM / 60 * 4, 0.7)  # bowed in sixteenths
    strings = (kit.bowed(69, n) + 0.8 * kit.bowed(74, n)) * pulse.lfo(1 / 6, 0.6)
    rub = kit.bowed(75, n) * pulse.lfo(1 / 12, 1.0)  # Eb: silent at the loop point, loudest mid-loop
    high = kit.darken((strings + 0.5 * rub) * tremolo, RATE, 300, 4500)
    return {"pulse": 0.6 * pulse.buf, "strings": 0.18 * _wet(high, _hall(rng), 0.7)}


def alert_parts(rng):
    """The crew is after him: big toms and a kick, a dry rim on 2 and 4, a shaker in sixteenths and a
    bass driving eighths on D; a fill into the loop's end that stops short of it."""
    drums, bass = Track(LOOP_BEATS, BPM, LEAD, rng), Track(LOOP_BEATS, BPM, LEAD, rng)
    low_tom, kick, rim = kit.tom(rng, 38), kit.kick(rng), kit.rim(rng)
    for bar in range(4):
        b = bar * 4
        for beat in ((0, 0.75, 2, 2.5) if bar < 3 else (0, 0.75, 2)):
            drums.add(kick, b + beat, 0.9)
        for beat in (1, 3):
            drums.add(rim, b + beat, 0.45)
        drums.add(low_tom, b, 0.7)
        sixteenths = range(16) if bar < 3 else range(13)
        for s in sixteenths:
            drums.add(kit.shaker(rng), b + s / 4, 0.25 if s % 2 else 0.4)
    for beat, midi in ((14.5, 45), (14.75, 43), (15.0, 41), (15.25, 38)):  # the fill
        drums.add(kit.tom(rng, midi), beat, 0.6)
    line = [38] * 8
    for bar in range(4):
        for eighth, note in enumerate(line if bar < 3 else [38, 38, 38, 38, 36, 36, 41]):
            bass.add(kit.synth_bass(note + (12 if eighth in (3, 7) else 0), bass.seconds(0.45)),
                     bar * 4 + eighth / 2, 0.9 if eighth % 2 == 0 else 0.65)
    stab = Track(LOOP_BEATS, BPM, LEAD, rng)
    for bar in (0, 2):  # a low swell of brass on D and A at the top of bars 1 and 3
        stab.add(kit.pad((38, 45, 50), stab.seconds(2.5), cutoff=500.0, attack=0.05, release=0.8), bar * 4)
    return {"drums": _wet(drums.buf, _hall(rng, 1.8, 0.5), 0.35), "bass": 0.55 * bass.buf,
            "brass": 0.3 * _wet(stab.buf, _hall(rng), 0.5)}


# ---------------------------------------------------------------- the epilogue
EPILOGUE_BPM, EPILOGUE_BEATS = 60, 24  # eight bars of 3/4


def epilogue_parts(rng):
    """After it all: a waltz for felt piano in F, F C/E Dm Bb F/A Gm7 Bb C, very quiet."""
    piano, keys = (Track(EPILOGUE_BEATS, EPILOGUE_BPM, LEAD, rng) for _ in range(2))
    tune = ((0, 69, 2), (2, 72, 1), (3, 67, 2), (5, 64, 1), (6, 65, 1.5), (7.5, 64, 0.5), (8, 62, 1),
            (9, 62, 2), (11, 65, 1), (12, 72, 2), (14, 69, 1), (15, 70, 1.5), (16.5, 69, 0.5), (17, 67, 1),
            (18, 65, 2), (20, 62, 1), (21, 67, 2))
    _notes(piano, lambda m, s: kit.felt_piano(rng, m, s + 0.9), tune, jitter=0.012)
    chords = ((53, 57, 60), (52, 55, 60), (50, 53, 57), (50, 53, 58), (53, 57, 60), (50, 53, 58), (50, 53, 58),
              (53, 55, 60))
    roots = (41, 40, 38, 34, 33, 31, 34, 36)
    for bar, (chord, root) in enumerate(zip(chords, roots)):
        piano.add(kit.felt_piano(rng, root, 3.5), bar * 3, 0.6, jitter=0.01)
        for beat in (1, 2):
            for note in chord:
                piano.add(kit.felt_piano(rng, note, 1.6), bar * 3 + beat, 0.18, jitter=0.01)
        keys.add(kit.pad(chord, keys.seconds(3.4), cutoff=900.0, attack=1.2, release=1.4), bar * 3 - 0.2)
    return {"piano": _wet(piano.buf, _hall(rng, 3.4, 1.3, 2400), 0.7), "pad": 0.7 * _wet(keys.buf, _hall(rng), 0.7)}


# ---------------------------------------------------------------- the files
# name -> (its parts, RMS dBFS, peak cap dBFS, the band it is kept to in Hz)
PIECES = {
    "music_title": (title_parts, -35.0, -14.0, (40, 7000)),
    **{f"music_{p}": (make, BED_RMS, -14.0, (35, 7000)) for p, make in (
        ("garage", garage_parts), ("carwash", carwash_parts), ("highschool", highschool_parts),
        ("desertlab", desertlab_parts))},
    "music_tension": (tension_parts, -39.0, -14.0, (35, 7000)),
    "music_alert": (alert_parts, -36.0, -14.0, (35, 8000)),
    "music_epilogue": (epilogue_parts, -37.0, -16.0, (35, 6000)),
}


def names() -> list[str]:
    return list(PIECES)


def parts(name: str, rng) -> dict[str, np.ndarray]:
    """The piece's parts as they are mixed (for looking at its balance)."""
    return PIECES[name][0](rng)


def build(name: str, rng) -> np.ndarray:
    """The piece `name` at RATE, mono, levelled."""
    make, rms, peak, (low, high) = PIECES[name]
    return kit.level(kit.darken(sum(make(rng).values()), RATE, low, high), rms, peak)
