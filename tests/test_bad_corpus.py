"""The generated corpus of broken maps (tests/bad_corpus.py), through every door a map comes in by.

The rule for each case, whatever its class (values, hangs, memory, messages): exit status 2 and one
line on stderr naming the file and the problem, no traceback, within a few seconds, with memory
bounded; an odd but playable map (class `loads`) plays. `game.sim` is tried on every case;
`python -m game --map`, the linter and live reload (`--watch`) on every case too, in the slow tier.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from bad_corpus import write_map_corpus
from conftest import ROOT

SECONDS = 5.0  # a refusal, interpreter start included
PEAK_MB = 300  # the largest resident size of any child process that refused a case


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_map_corpus(tmp_path_factory.mktemp("bad_maps"))


def run(args: list[str], home) -> tuple[subprocess.CompletedProcess, float]:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", REDEMPTION_HOME=str(home))
    started = time.perf_counter()
    result = subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    return result, time.perf_counter() - started


def judge(case, result, seconds: float) -> None:
    assert seconds < SECONDS, f"{case.name}: {seconds:.1f} s"
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    if case.expect is None:
        assert result.returncode == 0, f"{case.name}: {result.stderr[-500:]}"
        return
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2, f"{case.name}: status {result.returncode}: {result.stderr[-500:]}"
    assert len(lines) == 1, f"{case.name}: {len(lines)} lines: {result.stderr[:500]}"
    assert case.path.name.replace("\n", " ") in lines[0] or case.path.parent.name in lines[0], lines[0][:300]
    assert case.expect in lines[0], f"{case.name}: {lines[0][:300]}"
    assert len(lines[0]) < 600, f"{case.name}: a {len(lines[0])}-character line"


def sweep(corpus, tmp_path, make_args) -> dict[str, float]:
    """Each case through the command `make_args(case)`, two at a time; the time of each."""
    def one(case):
        result, seconds = run(make_args(case), tmp_path / case.name)
        judge(case, result, seconds)
        return case.name, seconds

    with ThreadPoolExecutor(2) as pool:
        times = dict(pool.map(one, corpus))
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert peak_mb < PEAK_MB, f"a child process peaked at {peak_mb:.0f} MB"
    worst = max(times, key=times.get)
    print(f"\n{len(times)} cases, worst {times[worst]:.2f} s ({worst}), children's peak RSS {peak_mb:.0f} MB")
    return times


def test_every_class_is_in_the_corpus(corpus):
    assert {c.klass for c in corpus} == {"values", "hangs", "memory", "messages", "loads"}
    assert len(corpus) >= 40


@pytest.mark.slow
def test_game_sim_refuses_every_bad_map_in_one_line(corpus, tmp_path):
    sweep(corpus, tmp_path, lambda c: ["-m", "game.sim", str(c.path), "--seconds", "2"])


@pytest.mark.slow
def test_the_game_refuses_every_bad_map_before_a_window_opens(corpus, tmp_path):
    sweep(corpus, tmp_path, lambda c: ["-m", "game", "--map", str(c.path), "--frames", "2"])


@pytest.mark.slow
def test_the_linter_names_the_file_of_every_bad_map(corpus, tmp_path):
    def one(case):
        result, seconds = run([str(ROOT / "tools" / "lint_maps.py"), str(case.path)], tmp_path)
        assert seconds < SECONDS and "Traceback" not in result.stderr, (case.name, result.stderr[-1000:])
        out = (result.stdout + result.stderr).strip().splitlines()
        if case.expect is None:
            assert not any("error" in line.lower() for line in out), out
            return
        assert result.returncode != 0 and out, case.name
        assert any(case.expect in line for line in out), (case.name, out[:3])
        assert all(len(line) < 600 for line in out)

    with ThreadPoolExecutor(2) as pool:
        list(pool.map(one, corpus))


def test_live_reload_keeps_the_last_good_map_whatever_is_saved_over_it(corpus, tmp_path, monkeypatch):
    """--watch: the designer saves a broken map (any case of the corpus); the game plays on with
    the last good one and says why on screen."""
    import shutil

    import pygame

    from conftest import TEST_MAPS
    from game.render.assets import Assets
    from game.scenes.level import LevelScene, WATCH_TICKS
    from game.scenes.stack import SceneStack
    from game.world.intent import Intent
    from game.world.level import load_level

    pygame.init()
    pygame.display.set_mode((1280, 720))
    watched = tmp_path / "room.tmx"
    good = (TEST_MAPS / "room.tmx").read_text().replace("../../maps/tilesets/garage.tsx",
                                                         str(ROOT / "maps" / "tilesets" / "garage.tsx"))
    watched.write_text(good)
    scene = LevelScene(load_level(watched), "room", Assets(), None, scripted_input=lambda w: Intent((0, 0)), watch=True)
    stack = SceneStack()
    stack.push(scene)
    try:
        for n, case in enumerate(c for c in corpus if c.expect is not None):
            started = time.perf_counter()
            if watched.exists() or watched.is_symlink():
                watched.unlink()
            if case.path.is_symlink():
                watched.symlink_to(os.readlink(case.path))
            elif case.path.is_dir():
                watched.mkdir()
            elif not case.path.is_file():
                os.mkfifo(watched)
            else:
                shutil.copy(case.path, watched)
            os.utime(watched, ns=(n * 10**9 + 1, n * 10**9 + 1), follow_symlinks=False) if not watched.is_dir() else None
            level = scene.level
            for _ in range(WATCH_TICKS):
                scene.update(1 / 60)
            assert scene.level is level, case.name  # still the good one
            assert scene.reload_error and case.expect in scene.reload_error, (case.name, scene.reload_error)
            assert time.perf_counter() - started < SECONDS, case.name
            if watched.is_dir():
                watched.rmdir()
    finally:
        stack.clear()


def test_a_damaged_tileset_image_is_one_line_from_the_game_and_no_libpng_noise(tmp_path):
    """The header is a PNG's, the rest is noise: only decoding finds out (the simulation never
    decodes images; the game does), and libpng's own warning must not reach the terminal."""
    from bad_corpus import png_header, room, tileset

    (tmp_path / "damaged.png").write_bytes(png_header(256, 224) + bytes(range(256)) * 16)
    tsx = tileset(tmp_path, "damaged", image="damaged.png")
    path = tmp_path / "damaged.tmx"
    path.write_text(room(tileset=str(tsx)))
    result, seconds = run(["-m", "game", "--map", str(path), "--frames", "2"], tmp_path / "home")
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2 and len(lines) == 1, result.stderr[-1000:]
    assert "damaged.png" in lines[0] and "cannot read image" in lines[0]
    assert seconds < SECONDS
