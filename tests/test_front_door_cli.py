"""The command line as a player meets it: no display, no sound card, --help, the window's class.

Each runs the real `python -m game` in a subprocess with the environment a player would have
(the display and audio variables as the case needs), not the test suite's dummy drivers.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from game.__main__ import program_name
from game.audio.mixer import NOTICE
from game.display_check import NO_DISPLAY, no_display

DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")


def _env(tmp_path: Path, **set_vars: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in DISPLAY_VARIABLES and k != "PYTHONPATH"}
    env.update({"REDEMPTION_HOME": str(tmp_path / "home"), "SDL_AUDIODRIVER": "dummy", **set_vars})
    return env


def _game(tmp_path: Path, *args: str, timeout: float = 60, **set_vars: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "game", *args], cwd=ROOT, env=_env(tmp_path, **set_vars),
                          capture_output=True, text=True, timeout=timeout)


# ------------------------------------------------------------------ no display
def test_without_a_display_it_says_so_in_one_line_and_exits_2(tmp_path):
    done = _game(tmp_path)  # before the check, this ran invisibly until the timeout
    assert done.returncode == 2
    assert done.stderr.splitlines() == [NO_DISPLAY]
    assert done.stdout == ""


def test_help_needs_no_display(tmp_path):
    done = _game(tmp_path, "--help")
    assert done.returncode == 0 and done.stdout.startswith("usage: python -m game ")


def test_a_video_driver_the_user_chose_is_used_without_a_display(tmp_path):
    done = _game(tmp_path, "--frames", "2", SDL_VIDEODRIVER="dummy")
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("env, platform, expected", [
    ({}, "linux", NO_DISPLAY),
    ({"DISPLAY": ":0"}, "linux", None),
    ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", None),
    ({"SDL_VIDEODRIVER": "kmsdrm"}, "linux", None),
    ({"SDL_VIDEODRIVER": ""}, "freebsd14", NO_DISPLAY),
    ({}, "win32", None),
    ({}, "darwin", None),
])
def test_no_display_decides_from_the_environment(env, platform, expected):
    assert no_display(env, platform) == expected


# ------------------------------------------------------------------ no sound card
def test_without_a_sound_card_alsa_says_nothing_and_the_notice_comes_once(tmp_path):
    done = _game(tmp_path, "--chapter", "1", "--skip-intro", "--frames", "5",
                 SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="alsa")
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert [line for line in lines if line.startswith("ALSA lib")] == []
    assert sum(NOTICE in line for line in lines) <= 1


# ------------------------------------------------------------------ the name it calls itself
@pytest.mark.parametrize("argv0, prog", [
    ("/usr/local/bin/redemption", "redemption"),
    ("/home/me/.local/bin/redemption", "redemption"),
    ("/srv/redemption/game/__main__.py", "python -m game"),
    ("-c", "python -m game"),
    ("", "python -m game"),
])
def test_program_name_is_what_the_user_typed(argv0, prog):
    assert program_name(argv0) == prog


def test_the_console_script_calls_itself_redemption(tmp_path):
    script = Path(sys.executable).parent / "redemption"
    if not script.exists():
        pytest.skip("the redemption console script is not installed here (pip install -e . makes it)")
    done = subprocess.run([str(script), "--help"], env=_env(tmp_path), capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.startswith("usage: redemption ")


# ------------------------------------------------------------------ the window's class
@pytest.fixture
def x_display():
    """A fresh Xvfb server; its DISPLAY."""
    if not shutil.which("Xvfb"):
        pytest.skip("Xvfb is not installed (CI installs xvfb)")
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x720x24", "-nolisten", "tcp"],
                              pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as chosen:
        number = chosen.readline().strip()
    try:
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.slow
def test_the_window_class_is_redemption(tmp_path, x_display):
    if not shutil.which("xdotool"):
        pytest.skip("xdotool is not installed (CI installs it)")
    env = _env(tmp_path, DISPLAY=x_display)
    game = subprocess.Popen([sys.executable, "-m", "game", "--frames", "3000"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        found = subprocess.run(["xdotool", "search", "--sync", "--limit", "1", "--classname", "^redemption$"],
                               env=env, capture_output=True, text=True, timeout=60)
        assert found.returncode == 0 and found.stdout.strip(), "no window whose class is redemption"
        window = found.stdout.split()[0]
        if shutil.which("xprop"):
            wm_class = subprocess.run(["xprop", "-id", window, "WM_CLASS"], env=env, capture_output=True,
                                      text=True, timeout=30).stdout
            assert wm_class.strip() == 'WM_CLASS(STRING) = "redemption", "redemption"'
        else:
            by_class = subprocess.run(["xdotool", "search", "--class", "^redemption$"], env=env,
                                      capture_output=True, text=True, timeout=30).stdout.split()
            assert window in by_class
    finally:
        game.terminate()
        game.wait(timeout=30)
