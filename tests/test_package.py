"""The game for players without Python: the folder tools/package.py builds, run as they run it.

The slow tests build the package once (into a tmp folder, never the repository's dist/) and
start the frozen `redemption` the way a player's desktop would: from a read-only copy of the
folder (chmod -R a-w, and its files compared before and after, as root writes through the
mode bits), with a PATH on which no Python can be found, no PYTHONPATH or PYTHONHOME, a fresh
REDEMPTION_HOME, and a real window under Xvfb. It must behave as the installed game does: the
same one-line errors, the same handling of a damaged save, nothing on the console, and
prove-on-save's spawned process running its job instead of a second game.

The fast tests: `--version` from the checkout agrees with pyproject.toml, the version's rules
for each layout, and the tarball's determinism (without PyInstaller).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

import pytest

from conftest import ROOT, TEST_MAPS, run_module
from game.version import UNKNOWN, find_version, pyproject_version
from test_front_door_cli import x_display  # noqa: F401 - a fixture: a fresh Xvfb server
from tools import package

VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
BUILD_SECONDS = 900  # PyInstaller takes 20-30 s alone; a busy two-core machine, far more
RUN_SECONDS = 120
WATCH_FRAMES = 600  # 10 s of play: the spawned proof of the small map takes ~1 s frozen


# ------------------------------------------------------------------ fast: the version
def test_version_from_the_checkout_is_pyprojects():
    done = run_module("game", "--version")
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout == f"python -m game {VERSION}\n"


def test_the_version_is_read_beside_the_package_else_from_metadata(tmp_path):
    from importlib import metadata

    (tmp_path / "game").mkdir()
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "redemption"\nversion = "9.8.7"\n')
    assert find_version(tmp_path / "game") == "9.8.7"  # a checkout, an editable install, the frozen bundle
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "another"\nversion = "1.0"\n')
    assert pyproject_version(tmp_path / "pyproject.toml") is None  # somebody else's (in site-packages, say)
    try:
        installed = metadata.version("redemption")
    except metadata.PackageNotFoundError:
        installed = UNKNOWN
    assert find_version(tmp_path / "game") == installed  # a wheel: its metadata
    (tmp_path / "pyproject.toml").write_text("[project\nnot toml")
    assert pyproject_version(tmp_path / "pyproject.toml") is None


# ------------------------------------------------------------------ fast: the tarball
def _folder(root: Path, stamp: int) -> Path:
    app = root / "redemption"
    (app / "_internal" / "game").mkdir(parents=True)
    (app / "redemption").write_bytes(b"\x7fELF not really")
    (app / "redemption").chmod(0o750)
    (app / "_internal" / "game" / "b.txt").write_text("b")
    (app / "_internal" / "a.txt").write_text("a")
    (app / "_internal" / "link.txt").symlink_to("a.txt")
    for path in [app, *app.rglob("*")]:
        os.utime(path, (stamp, stamp), follow_symlinks=False)
    return app


def test_the_tarball_depends_only_on_the_files_contents(tmp_path):
    one, two = _folder(tmp_path / "one", 1_000_000), _folder(tmp_path / "two", 2_000_000)
    package.archive(one, tmp_path / "one.tar.gz", "redemption-1.0", 1234)
    package.archive(two, tmp_path / "two.tar.gz", "redemption-1.0", 1234)
    assert (tmp_path / "one.tar.gz").read_bytes() == (tmp_path / "two.tar.gz").read_bytes()
    with tarfile.open(tmp_path / "one.tar.gz") as tar:
        members = tar.getmembers()
    assert [m.name for m in members] == ["redemption-1.0", "redemption-1.0/_internal", "redemption-1.0/_internal/a.txt",
                                         "redemption-1.0/_internal/game", "redemption-1.0/_internal/game/b.txt",
                                         "redemption-1.0/_internal/link.txt", "redemption-1.0/redemption"]
    assert {(m.mtime, m.uid, m.gid, m.uname, m.gname) for m in members} == {(1234, 0, 0, "", "")}
    modes = {m.name.rsplit("/", 1)[-1]: (m.type, m.mode) for m in members}
    assert modes["redemption"] == (tarfile.REGTYPE, 0o755) and modes["a.txt"] == (tarfile.REGTYPE, 0o644)
    assert modes["game"] == (tarfile.DIRTYPE, 0o755) and modes["link.txt"][0] == tarfile.SYMTYPE


def test_only_elf_files_with_debugging_sections_are_stripped(tmp_path):
    (tmp_path / "notes.txt").write_text("\x7fELF? no")
    assert not package.has_debug_info(tmp_path / "notes.txt")
    assert not package.has_debug_info(tmp_path / "missing")


# ------------------------------------------------------------------ slow: the built package
@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The dist folder of one build: redemption/, the tarball, the file list."""
    dist = tmp_path_factory.mktemp("dist")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "package.py"), "--dist", str(dist)], env=env,
                          capture_output=True, text=True, timeout=BUILD_SECONDS)
    assert done.returncode == 0, f"package.py exited {done.returncode}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return dist


@pytest.fixture
def read_only_copy(built, tmp_path) -> Path:
    """A copy of the application folder nobody may write to (what a system-wide install is)."""
    app = tmp_path / "opt" / "redemption"
    shutil.copytree(built / "redemption", app, symlinks=True)
    subprocess.run(["chmod", "-R", "a-w", str(app)], check=True)
    yield app
    subprocess.run(["chmod", "-R", "u+w", str(app)], check=True)  # so that tmp_path can be cleaned


def _no_python_path(tmp_path: Path) -> str:
    """A PATH with nothing on it but a folder of what a desktop session has (no Python)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("sh", "ls", "cat"):
        found = shutil.which(tool)
        if found:
            (bin_dir / tool).symlink_to(found)
    path = str(bin_dir)
    assert all(shutil.which(name, path=path) is None for name in ("python", "python3", f"python{sys.version_info[0]}."
                                                                   f"{sys.version_info[1]}"))
    return path


def _player_env(tmp_path: Path, home: Path, **more: str) -> dict[str, str]:
    """A player's environment, from nothing: no Python anywhere, the game's data folder fresh."""
    return {"PATH": _no_python_path(tmp_path), "HOME": str(tmp_path / "user"), "REDEMPTION_HOME": str(home),
            "SDL_AUDIODRIVER": "dummy", **more}


def _tree(folder: Path) -> dict[str, tuple]:
    """Every entry under `folder`: its kind, size and content hash (a write anywhere shows)."""
    found = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if stat.S_ISREG(info.st_mode) else ""
        found[path.relative_to(folder).as_posix()] = (stat.S_IFMT(info.st_mode), info.st_size, digest)
    return found


def _run(command, env, cwd) -> subprocess.CompletedProcess:
    return subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, timeout=RUN_SECONDS)


@pytest.mark.slow
def test_the_folder_holds_the_game_and_the_players_files(built):
    app = built / "redemption"
    assert os.access(app / "redemption", os.X_OK)
    readme = (app / "README.txt").read_text()
    assert f"REDEMPTION {VERSION}" in readme
    for subject in ("CONTROLS", "~/.local/share/redemption", "REDEMPTION_HOME", "crash-N.replay.json", "--version"):
        assert subject in readme
    desktop = (app / "redemption.desktop").read_text()
    assert "Exec=redemption\n" in desktop and "Icon=redemption\n" in desktop and "StartupWMClass=redemption\n" in desktop
    assert (app / "redemption.png").read_bytes() == (ROOT / "assets" / "icon" / "redemption.png").read_bytes()
    data = app / "_internal" / "game"
    for rel in ("_data/maps/garage.tmx", "_data/maps/tilesets/garage.png", "_data/assets/sprites/jesse.png",
                "_data/assets/sounds/music_garage.wav", "story/chapters.toml", "story/dialogue"):
        assert (data / rel).exists(), rel
    assert not list(data.rglob("*.py")), "the game's source goes in compiled, inside the executable's archive"
    assert not (data / "_data" / "maps" / "routes").exists(), "the designers' files stay out, as in the wheel"

    tarball = built / f"redemption-{VERSION}-linux-x86_64.tar.gz"
    with tarfile.open(tarball) as tar:
        names = tar.getnames()
    top = f"redemption-{VERSION}"
    assert names == sorted(names) and names[0] == top
    in_folder = sorted(p.relative_to(app).as_posix() for p in app.rglob("*"))
    assert sorted(n[len(top) + 1:] for n in names[1:]) == in_folder
    listed = (built / f"redemption-{VERSION}-linux-x86_64.files.txt").read_text().splitlines()
    assert len(listed) == sum(1 for p in app.rglob("*") if p.is_file() or p.is_symlink())


@pytest.mark.slow
def test_the_frozen_command_line_answers_as_the_installed_one(read_only_copy, tmp_path):
    exe, env = read_only_copy / "redemption", _player_env(tmp_path, tmp_path / "home")
    done = _run([str(exe), "--version"], env, tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (0, f"redemption {VERSION}\n", "")
    done = _run([str(exe), "--help"], env, tmp_path)
    assert done.returncode == 0 and done.stdout.startswith("usage: redemption ") and "--version" in done.stdout
    for args in (["--chapter", "99"], ["--frames", "-3"], ["--bogus"],
                 ["--map", "nowhere.tmx", "--frames", "1"], ["--replay", str(TEST_MAPS / "room.tmx")]):
        frozen = _run([str(exe), *args], {**env, "SDL_VIDEODRIVER": "dummy"}, tmp_path)
        installed = run_module("game", *args)
        assert frozen.returncode == installed.returncode == 2, (args, frozen.stderr)
        assert frozen.stdout == "" and len(frozen.stderr.splitlines()) == 1, (args, frozen.stderr)
        assert frozen.stderr.replace("redemption: ", "python -m game: ", 1) == installed.stderr, args


@pytest.mark.slow
def test_the_frozen_game_plays_from_a_read_only_folder_without_python(read_only_copy, tmp_path, x_display):
    exe = read_only_copy / "redemption"
    before = _tree(read_only_copy)
    truncated = b'{"version": 1, "unlocked": ["garage"], "playt'
    homes = {}
    for who in ("frozen", "installed"):
        homes[who] = tmp_path / f"home-{who}"
        homes[who].mkdir()
        (homes[who] / "save.json").write_bytes(truncated)
    shot = tmp_path / "shot.png"
    args = ["--chapter", "1", "--skip-intro", "--frames", "60", "--screenshot", str(shot)]
    done = _run([str(exe), *args], _player_env(tmp_path, homes["frozen"], DISPLAY=x_display), tmp_path)
    assert done.returncode == 0, done.stderr
    assert (done.stdout, done.stderr) == ("", ""), "the frozen game printed something"

    import numpy as np
    import pygame

    pixels = pygame.surfarray.array3d(pygame.image.load(str(shot))).reshape(-1, 3)
    assert len(np.unique(pixels, axis=0)) > 200 and pixels.std() > 10, "the screenshot is blank"

    assert (homes["frozen"] / "save.json.corrupt").read_bytes() == truncated, "the damaged save was not put aside"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "SDL_VIDEODRIVER")}
    env.update(REDEMPTION_HOME=str(homes["installed"]), DISPLAY=x_display, SDL_AUDIODRIVER="dummy")
    installed = _run([sys.executable, "-m", "game", *args], env, ROOT)
    assert installed.returncode == 0, installed.stderr
    assert sorted(p.name for p in homes["frozen"].iterdir()) == sorted(p.name for p in homes["installed"].iterdir())
    assert _tree(read_only_copy) == before, "the game wrote inside its own folder"


@pytest.mark.slow
def test_prove_on_save_runs_its_proof_in_the_frozen_game(read_only_copy, tmp_path, x_display):
    """--watch spawns a prover: the frozen executable started again, which must run the job (its
    result, PROVEN, shows in the corner) and not parse the game's arguments (that would print a
    one-line error here, for the prover and for multiprocessing's resource tracker)."""
    from game.render.proof_view import NOT_PROVEN_COLOUR, PROVEN_COLOUR

    level = tmp_path / "maps" / "marks.tmx"
    level.parent.mkdir()
    level.write_text((TEST_MAPS / "marks.tmx").read_text().replace("../../maps/tilesets/", f"{ROOT}/maps/tilesets/"))
    shot = tmp_path / "watch.png"
    env = _player_env(tmp_path, tmp_path / "home", DISPLAY=x_display)
    done = _run([str(read_only_copy / "redemption"), "--map", str(level), "--watch", "--frames", str(WATCH_FRAMES),
                 "--screenshot", str(shot)], env, tmp_path)
    assert done.returncode == 0, done.stderr
    assert (done.stdout, done.stderr) == ("", "")

    import numpy as np
    import pygame

    image = pygame.surfarray.array3d(pygame.image.load(str(shot)))  # [x, y, rgb]
    corner = image[image.shape[0] // 2:, : image.shape[1] // 5]  # the verdict's panel, top right
    count = {colour: int(np.all(corner == colour, axis=-1).sum()) for colour in (PROVEN_COLOUR, NOT_PROVEN_COLOUR)}
    assert count[PROVEN_COLOUR] > 50 and count[NOT_PROVEN_COLOUR] == 0, count
