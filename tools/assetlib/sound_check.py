"""Look at sounds without hearing them: levels, DC, loop seams, and waveform/spectrogram sheets.

    python -m tools.assetlib.sound_check                       # table for assets/sounds/*.wav
    python -m tools.assetlib.sound_check --png /tmp/snd.png    # also sheets (/tmp/snd_1.png, ...)
    python -m tools.assetlib.sound_check --png /tmp/s.png step_metal   # only names containing a word

The table gives each file's peak and RMS (dBFS), DC offset, and for loops two seam numbers:
`join`, the second difference across the loop point over the 99.9th percentile of second
differences inside the loop (a click is far above 1), and `hf`, the high-frequency energy in
a 3 ms window across the loop point over the median of such windows (a click is far above 1;
a tick or chirp that happens to fall on the loop point also raises it a little).
"""
from __future__ import annotations

import argparse
import os
import sys
import wave

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(os.path.dirname(HERE))


def read_wav(path: str) -> tuple[int, np.ndarray]:
    """(rate, float samples (n,) or (n, channels)) of a 16-bit PCM WAV."""
    with wave.open(path, "rb") as w:
        rate, channels, width = w.getframerate(), w.getnchannels(), w.getsampwidth()
        data = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2")
    if width != 2:
        raise ValueError(f"{path}: {width * 8}-bit samples, expected 16")
    x = data.astype(np.float64) / 32768.0
    return rate, (x.reshape(-1, channels) if channels > 1 else x)


def peak_db(x: np.ndarray) -> float:
    return 20 * np.log10(max(np.max(np.abs(x)), 1e-9))


def rms_db(x: np.ndarray) -> float:
    return 20 * np.log10(max(np.sqrt(np.mean(x * x)), 1e-9))


def seam_score(x: np.ndarray, rate: int, tail: float | None = None) -> float:
    """High-frequency energy across the loop point over its median elsewhere (~1 when clean).

    `tail`: only the last `tail` seconds loop (the file's end runs into that point)."""
    if x.ndim == 2:
        return max(seam_score(x[:, c], rate, tail) for c in range(x.shape[1]))
    loop = x if tail is None else x[len(x) - int(round(tail * rate)):]
    rolled = np.roll(loop, len(loop) // 2)  # the loop point is now in the middle
    f = np.fft.rfftfreq(len(rolled), 1 / rate)
    high = np.fft.irfft(np.fft.rfft(rolled) * (f > rate / 8), len(rolled))
    win = max(8, int(0.003 * rate))
    energy = np.convolve(high * high, np.ones(win) / win, mode="same")
    mid = len(rolled) // 2
    return float(np.max(energy[mid - win: mid + win]) / (np.median(energy) + 1e-20))


def junction(before: np.ndarray, after: np.ndarray) -> float:
    """How abrupt the join of `before`'s end to `after`'s start is: the largest second
    difference across it over the 99.9th percentile of second differences inside `after`
    (a smooth join is below ~1; a click is many times that)."""
    if after.ndim == 2:
        return max(junction(before[:, c], after[:, c]) for c in range(after.shape[1]))
    joined = np.concatenate([before[-3:], after[:3]])
    across = np.max(np.abs(np.diff(joined, 2)))
    inside = np.percentile(np.abs(np.diff(after, 2)), 99.9)
    return float(across / (inside + 1e-12))


def loop_junction(x: np.ndarray, rate: int, tail: float | None = None) -> float:
    loop = x if tail is None else x[len(x) - int(round(tail * rate)):]
    return junction(loop, loop)


def edge_steps(x: np.ndarray) -> tuple[float, float]:
    """|first sample| and |last sample| (one-shots should start and end at 0)."""
    return float(np.max(np.abs(x[0]))), float(np.max(np.abs(x[-1])))


# ---------------------------------------------------------------- pictures
def _spectrogram(x: np.ndarray, rate: int, width: int, height: int) -> np.ndarray:
    """(height, width) of dB values, 0 Hz at the bottom, up to 11 kHz on a log-ish axis."""
    mono = x.mean(axis=1) if x.ndim == 2 else x
    size = 1024
    hops = np.linspace(0, max(0, len(mono) - size), width).astype(int)
    window = np.hanning(size)
    frames = np.stack([np.pad(mono[h:h + size], (0, max(0, size - len(mono[h:h + size])))) * window for h in hops])
    mag = 20 * np.log10(np.abs(np.fft.rfft(frames, axis=1)) / (window.sum() / 2) + 1e-9)  # dBFS of a sine
    f = np.fft.rfftfreq(size, 1 / rate)
    # Rows: 40 Hz .. 11 kHz on a log axis.
    rows = np.geomspace(40, min(11000, rate / 2), height)[::-1]
    idx = np.clip(np.searchsorted(f, rows), 0, len(f) - 1)
    return mag[:, idx].T


def sheet(items: list[tuple[str, int, np.ndarray]], path: str, cols: int = 2) -> list[str]:
    """Waveform over spectrogram for each (name, rate, samples); several PNGs of 12 each."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame
    pygame.font.init()
    font = pygame.font.Font(None, 18)
    cell_w, wave_h, spec_h, pad = 600, 70, 120, 22
    cell_h = pad + wave_h + spec_h + 8
    paths = []
    per_sheet = 12
    for page in range(0, len(items), per_sheet):
        chunk = items[page:page + per_sheet]
        rows = (len(chunk) + cols - 1) // cols
        surf = pygame.Surface((cols * cell_w, rows * cell_h))
        surf.fill((16, 16, 20))
        for i, (name, rate, x) in enumerate(chunk):
            ox, oy = (i % cols) * cell_w, (i // cols) * cell_h
            mono = x.mean(axis=1) if x.ndim == 2 else x
            label = f"{name}  {len(mono) / rate:.2f}s  peak {peak_db(x):.1f}  rms {rms_db(x):.1f} dBFS"
            surf.blit(font.render(label, True, (220, 220, 220)), (ox + 4, oy + 4))
            # Waveform: min/max per column, a -1 dBFS line.
            top = oy + pad
            pygame.draw.rect(surf, (28, 30, 36), (ox + 2, top, cell_w - 4, wave_h))
            mid = top + wave_h // 2
            bins = np.array_split(mono, cell_w - 4)
            for c, b in enumerate(bins):
                if len(b):
                    y0 = mid - int(b.max() * wave_h / 2)
                    y1 = mid - int(b.min() * wave_h / 2)
                    pygame.draw.line(surf, (120, 200, 255), (ox + 2 + c, y0), (ox + 2 + c, y1))
            for level in (0.891, -0.891):
                y = mid - int(level * wave_h / 2)
                pygame.draw.line(surf, (200, 60, 60), (ox + 2, y), (ox + cell_w - 3, y))
            # Spectrogram: the loudest bin's level down 80 dB, black..yellow.
            spec = _spectrogram(x, rate, cell_w - 4, spec_h)
            v = np.clip((spec - spec.max() + 80) / 80, 0, 1)
            rgb = np.stack([np.clip(v * 2.2, 0, 1), np.clip(v * 1.6 - 0.4, 0, 1),
                            np.clip(v * 0.8 - 0.5, 0, 1) + 0.15 * v], axis=2)
            img = pygame.surfarray.make_surface((rgb.transpose(1, 0, 2) * 255).astype(np.uint8))
            surf.blit(img, (ox + 2, top + wave_h + 4))
            for hz in (100, 1000, 10000):
                r = np.geomspace(40, min(11000, rate / 2), spec_h)[::-1]
                y = top + wave_h + 4 + int(np.argmin(np.abs(r - hz)))
                surf.blit(font.render(f"{hz}", True, (150, 150, 150)), (ox + 4, y - 6))
        out = f"{os.path.splitext(path)[0]}_{page // per_sheet + 1}.png"
        pygame.image.save(surf, out)
        paths.append(out)
    return paths


def main(argv: list | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("words", nargs="*", help="only files whose name contains one of these")
    parser.add_argument("--dir", default=os.path.join(REPO_ROOT, "assets", "sounds"))
    parser.add_argument("--png", help="write waveform/spectrogram sheets next to this path")
    args = parser.parse_args(argv)
    sys.path.insert(0, os.path.dirname(HERE))
    from assetlib.sounds import LOOPS

    items = []
    total = 0
    print(f"{'name':28s} {'rate':>5s} ch {'sec':>5s} {'peak':>6s} {'rms':>6s} {'dc':>8s} {'join':>6s} {'hf':>6s}")
    for file in sorted(os.listdir(args.dir)):
        name, ext = os.path.splitext(file)
        if ext != ".wav" or (args.words and not any(w in name for w in args.words)):
            continue
        path = os.path.join(args.dir, file)
        total += os.path.getsize(path)
        rate, x = read_wav(path)
        seam = (f"{loop_junction(x, rate, LOOPS[name]):6.2f} {seam_score(x, rate, LOOPS[name]):6.2f}"
                if name in LOOPS else "     -      -")
        ch = 1 if x.ndim == 1 else x.shape[1]
        print(f"{name:28s} {rate:5d} {ch:2d} {len(x) / rate:5.2f} {peak_db(x):6.1f} {rms_db(x):6.1f} "
              f"{float(np.max(np.abs(x.mean(axis=0)))):8.5f} {seam}")
        items.append((name, rate, x))
    print(f"{len(items)} files, {total / 1e6:.2f} MB")
    if args.png:
        for p in sheet(items, args.png):
            print(p)
    return 0


if __name__ == "__main__":
    sys.exit(main())
