"""Real X key presses, once: the game in a real window under Xvfb, played with xdotool.

Every other test posts SDL events into the queue; this one goes through the X server, SDL's
X11 driver and the game's own main loop at real time, as a player's keyboard does. Chapter 1,
without its intro: a few accidental keys (S tapped, Enter, E where there is nothing), the walk
to the go-bag in the office, E there; then Esc, "Quit to title", and Quit on the title. The
go-bag must be taken (the recorded replay, run through `game.sim`, says so), and the game must
have run on throughout and ended with exit code 0.

The walk is planned on maps/garage.tmx: Jesse spawns at (272, 304), the go-bag lies at
(432, 336), five tiles right and one down, in the office, out of every guard's sight. The
stray S taps move him down by an amount that depends on how long X holds them, so the walk
takes its height from a wall: right 1.48 s (walking, 3.4 tiles/s: to x = 432), down 1.3 s
(against the office's south wall, y = 406), up 0.65 s (y = 336), E. Checked with `game.sim`:
anything from 1.3 to 1.67 s right, 1.0 to 1.67 s down, 0.5 to 0.8 s up, up to 30 ticks of stray
S and 8 s of standing first reaches the go-bag uncaught, so the test survives frames that come
late.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow

SCREENSHOT = Path("/tmp/redemption-real-keys-go-bag.png")
RIGHT_SECONDS = 1.48  # 160 px at walking pace
DOWN_SECONDS = 1.3  # into the south wall of the office, whatever the stray S taps did
UP_SECONDS = 0.65  # 70 px: level with the go-bag


def _free_display() -> int:
    for n in range(90, 400):
        if not Path(f"/tmp/.X{n}-lock").exists() and not Path(f"/tmp/.X11-unix/X{n}").exists():
            return n
    pytest.skip("no free X display number")


@pytest.fixture
def xserver():
    for tool in ("Xvfb", "xdotool"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed (apt-get install xvfb xdotool)")
    number = _free_display()
    server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1280x720x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        socket = Path(f"/tmp/.X11-unix/X{number}")
        deadline = time.monotonic() + 10
        while not socket.exists():
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.skip(f"Xvfb :{number} did not start")
            time.sleep(0.05)
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


class Keyboard:
    """xdotool on one display: real key events through the X server (XTEST), to the focused window."""

    def __init__(self, display: str, window: str):
        self.env = dict(os.environ, DISPLAY=display)
        self.window = window

    def run(self, *args: str, timeout: float = 10) -> str:
        done = subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=timeout)
        assert done.returncode == 0, f"xdotool {' '.join(args)}: {done.stderr.strip()}"
        return done.stdout

    def tap(self, key: str, pause: float = 0.25) -> None:
        self.hold(key, 0.08)
        time.sleep(pause)

    def hold(self, key: str, seconds: float) -> None:
        self.run("keydown", key)
        time.sleep(seconds)
        self.run("keyup", key)


def _screenshot(display: str, path: Path) -> Path | None:
    env = dict(os.environ, DISPLAY=display)
    if shutil.which("import"):
        command = ["import", "-window", "root", str(path)]
    elif shutil.which("xwd"):
        path = path.with_suffix(".xwd")
        command = ["xwd", "-root", "-silent", "-out", str(path)]
    else:
        return None
    subprocess.run(command, env=env, capture_output=True, timeout=30, check=True)
    return path


def _drawn(display: str) -> bool:
    """Something other than a blank window is on the screen (the level has started drawing)."""
    if shutil.which("import") is None:
        return True  # cannot look: the fixed wait after this has to do
    import pygame

    env = dict(os.environ, DISPLAY=display)
    png = subprocess.run(["import", "-window", "root", "-resize", "160x90!", "png:-"], env=env,
                         capture_output=True, timeout=30).stdout
    if not png:
        return False
    image = pygame.image.load(io.BytesIO(png), "shot.png")
    colours = {image.get_at((x, y))[:3] for x in range(0, 160, 4) for y in range(0, 90, 4)}
    return len(colours) > 20


def test_real_keys_walk_to_the_go_bag_take_it_and_quit(xserver, tmp_path):
    home, replay = tmp_path / "home", tmp_path / "chapter1.replay.json"
    env = dict(os.environ, DISPLAY=xserver, SDL_VIDEODRIVER="x11", SDL_AUDIODRIVER="dummy", REDEMPTION_HOME=str(home))
    game = subprocess.Popen([sys.executable, "-m", "game", "--chapter", "1", "--skip-intro", "--record", str(replay)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        # By its class: `xdotool search --name` does not match the UTF-8 title SDL 2.32 writes
        # (WM_NAME typed "UTF-8"), though `getwindowname` reads it.
        found = subprocess.run(["xdotool", "search", "--sync", "--class", "^redemption$"], env=env,
                               capture_output=True, text=True, timeout=60)
        assert found.returncode == 0 and found.stdout.split(), f"no Redemption window: {found.stderr}"
        keys = Keyboard(xserver, found.stdout.split()[0])
        assert keys.run("getwindowname", keys.window).strip() == "Redemption"
        keys.run("windowfocus", "--sync", keys.window)
        deadline = time.monotonic() + 30
        while not _drawn(xserver):
            assert game.poll() is None, f"the game ended before its first frame: {game.communicate()}"
            assert time.monotonic() < deadline, "the level never appeared on the screen"
            time.sleep(0.3)
        time.sleep(1.0)  # the guards are far: standing at the spawn a while longer is safe

        # What a new player's fingers do first: S a few times, Enter, E with nothing in reach.
        for key in ("s", "s", "s", "Return", "e"):
            keys.tap(key)
        assert game.poll() is None, "a stray key at the start ended the game"

        keys.hold("d", RIGHT_SECONDS)
        keys.hold("s", DOWN_SECONDS)
        keys.hold("w", UP_SECONDS)
        time.sleep(0.2)
        keys.hold("e", 0.35)  # on the go-bag: take it
        time.sleep(0.8)
        shot = _screenshot(xserver, SCREENSHOT)
        print(f"\nscreenshot after E at the go-bag: {shot or 'none (neither import nor xwd is installed)'}")
        assert game.poll() is None, f"the game ended after E at the go-bag: {game.communicate()}"

        # Out through the menus: Esc pauses, Up from Resume goes round to the last item, "Quit to
        # title"; Esc on the title moves to Quit, Enter there quits.
        keys.tap("Escape", 0.5)
        keys.tap("Up")
        keys.tap("Return", 1.0)
        assert game.poll() is None, "Quit to title ended the game"
        keys.tap("Escape", 0.5)
        assert game.poll() is None, "Esc on the title ended the game (it should only move to Quit)"
        keys.tap("Return")
        out, err = game.communicate(timeout=30)
    finally:
        if game.poll() is None:
            game.kill()
            game.communicate()
    assert game.returncode == 0, f"exit code {game.returncode}: {err}"

    runs = json.loads(replay.read_text())["runs"]
    seconds = sum(run[0] for run in runs) / 60 + 2
    sim = subprocess.run([sys.executable, "-m", "game.sim", "maps/garage.tmx", "--player", f"replay:{replay}",
                          "--json", "--seconds", f"{seconds:.1f}"], cwd=ROOT, capture_output=True, text=True,
                         timeout=120)
    assert sim.returncode == 0, sim.stderr
    events = json.loads(sim.stdout)["events"]
    taken = [e for e in events if e["type"] == "item_taken"]
    assert [e["item"] for e in taken] == ["go_bag"], f"items taken: {taken}; Jesse's last steps: {events[-5:]}"
    assert not [e for e in events if e["type"] == "caught"]
