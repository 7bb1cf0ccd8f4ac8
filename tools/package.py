#!/usr/bin/env python3
"""Build the game for players without Python: a one-folder Linux application, and its tarball.

    python tools/package.py                    # dist/redemption/ and dist/redemption-<v>-linux-x86_64.tar.gz
    python tools/package.py --dist /tmp/out    # somewhere else (tests build into a tmp folder)

PyInstaller freezes packaging/redemption.py (the `redemption` console script) with the Python
and libraries of the environment it runs in, into `DIST/redemption/`:

    redemption            the executable (what a player runs)
    _internal/            Python, pygame-ce, numpy, pymunk..., and the game's own data laid out as
                          the wheel lays it out (game/_data/maps, game/_data/assets, game/story),
                          so game/paths.py finds it the same way, plus pyproject.toml beside the
                          `game` package, where game/version.py reads the version
    README.txt            for players: running it, the controls, where saves live, crashes
    redemption.desktop    a menu entry, and redemption.png its icon (assets/icon/, drawn by
                          tools/build_assets.py)

What data goes in is what the wheel carries: setup.py's RUNTIME_DATA (read, not run) and
pyproject.toml's package data for the story. Modules the game never imports but its libraries
may (YAML for numpy's config, f2py, the cffi backend of zstandard next to its C one...) are left
out: they only add megabytes.

Reproducible enough to compare: PyInstaller runs with a fixed hash seed and SOURCE_DATE_EPOCH
(the last commit's time, or $SOURCE_DATE_EPOCH), and the tarball is written in sorted order
with that time on every entry, owner 0/0 and modes 755/644 only, and gzip without a name or a
date. `DIST/redemption-<v>-linux-x86_64.files.txt` lists every file with its size and SHA-256,
so two builds can be compared with diff.

Exit status 0 when built; 2 with one line (the problem) when it cannot be built here.
"""

from __future__ import annotations

import ast
import gzip
import hashlib
import os
import platform
import shutil
import struct
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
APP = "redemption"
ICON = ROOT / "assets" / "icon" / f"{APP}.png"

sys.path.insert(0, str(ROOT))
from game import cli  # noqa: E402
from game.errors import EXIT_BAD_INPUT  # noqa: E402
from game.version import pyproject_version  # noqa: E402

# Imported by the libraries only on paths the game never takes; each would add to the download.
EXCLUDES = [
    "yaml",  # numpy.__config__'s show() in YAML
    "numpy.f2py", "charset_normalizer",  # Fortran wrapping, and what it detects encodings with
    "zstandard.backend_cffi", "zstandard._cffi",  # zstandard's cffi backend; its C one is used
    "ssl", "_ssl", "_hashlib",  # TLS and OpenSSL's hashes (libssl, libcrypto): hashlib has its own sha256
    "readline",  # pdb's line editing (libreadline, libtinfo)
    "tkinter", "_tkinter", "pydoc_data",
    "PyInstaller", "pytest", "_pytest", "hypothesis", "setuptools", "pkg_resources", "wheel", "pip",
]


class BuildError(Exception):
    """What stops the build, in one line."""


def source_date_epoch(env=os.environ) -> int:
    """The time stamped on everything: $SOURCE_DATE_EPOCH, else the last commit's, else 0."""
    if env.get("SOURCE_DATE_EPOCH", "").isdigit():
        return int(env["SOURCE_DATE_EPOCH"])
    try:
        done = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%ct"], capture_output=True,
                              text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return 0
    return int(done.stdout.strip()) if done.returncode == 0 and done.stdout.strip().isdigit() else 0


def _runtime_patterns() -> dict[str, tuple[str, ...]]:
    """setup.py's RUNTIME_DATA ({folder: glob patterns}), read from its source: running setup.py
    would run setuptools."""
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "RUNTIME_DATA" for t in node.targets):
            return ast.literal_eval(node.value)
    raise BuildError("setup.py: no RUNTIME_DATA (what the game reads at run time) to bundle")


def bundled_data() -> list[tuple[Path, str]]:
    """(source file, folder inside the bundle) for every data file the game reads, sorted."""
    found: list[tuple[Path, str]] = []
    for folder, patterns in _runtime_patterns().items():
        files = sorted({p for pattern in patterns for p in (ROOT / folder).glob(pattern) if p.is_file()})
        if not files:
            raise BuildError(f"{ROOT / folder}: no game data to bundle")
        found += [(p, str(Path("game", "_data", p.parent.relative_to(ROOT)))) for p in files]
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    package_data = project.get("tool", {}).get("setuptools", {}).get("package-data", {})
    for package, patterns in sorted(package_data.items()):
        where = ROOT.joinpath(*package.split("."))
        files = sorted({p for pattern in patterns for p in where.glob(pattern) if p.is_file()})
        found += [(p, str(p.parent.relative_to(ROOT))) for p in files]
    found.append((ROOT / "pyproject.toml", "."))  # beside the game package: game/version.py reads it
    return found


def freeze(dist: Path, work: Path, epoch: int) -> Path:
    """Run PyInstaller; the one-folder application it made (DIST/redemption)."""
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--onedir", "--name", APP,
               "--distpath", str(dist), "--workpath", str(work / "build"), "--specpath", str(work),
               "--log-level", "WARN", "--paths", str(ROOT), "--collect-submodules", "game"]
    for module in EXCLUDES:
        command += ["--exclude-module", module]
    for source, folder in bundled_data():
        command += ["--add-data", f"{source}{os.pathsep}{folder}"]
    command.append(str(PACKAGING / f"{APP}.py"))
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env.update(PYTHONHASHSEED="0", SOURCE_DATE_EPOCH=str(epoch), PYGAME_HIDE_SUPPORT_PROMPT="1")
    log = work / "pyinstaller.log"
    with open(log, "w", encoding="utf-8") as out:
        done = subprocess.run(command, cwd=work, env=env, stdout=out, stderr=subprocess.STDOUT)
    if done.returncode != 0:
        raise BuildError(f"PyInstaller exited {done.returncode}: see {log}")
    return dist / APP


def has_debug_info(path: Path) -> bool:
    """Whether `path` is a 64-bit little-endian ELF file with .debug_* sections (read from its
    section headers; anything else, or anything unreadable, is False)."""
    try:
        with open(path, "rb") as f:
            head = f.read(64)
            if len(head) < 64 or head[:6] != b"\x7fELF\x02\x01":
                return False
            shoff, = struct.unpack_from("<Q", head, 0x28)
            entsize, count, names_index = struct.unpack_from("<HHH", head, 0x3A)
            f.seek(shoff)
            table = f.read(entsize * count)
            offset, size = struct.unpack_from("<QQ", table, names_index * entsize + 0x18)
            f.seek(offset)
            names = f.read(size)
    except (OSError, struct.error):
        return False
    return b"\0.debug_" in names


def strip_debug(app: Path) -> int:
    """Drop the debugging sections from the libraries that carry them (this Python's own, some
    extensions): bytes saved. Only those: a blanket strip (PyInstaller's --strip) breaks the
    libraries auditwheel re-linked inside the wheels (numpy's OpenBLAS will not load), and
    those ship without debug sections anyway. Without binutils' strip, nothing is stripped."""
    strip = shutil.which("strip")
    if strip is None:
        return 0
    saved = 0
    for path in files_of(app):
        if path.is_file() and not path.is_symlink() and has_debug_info(path):
            before = path.stat().st_size
            subprocess.run([strip, "--strip-debug", str(path)], check=True, capture_output=True, timeout=120)
            saved += before - path.stat().st_size
    return saved


def add_player_files(app: Path, version: str) -> None:
    """README.txt (the version filled in), the .desktop entry and its icon."""
    readme = (PACKAGING / "README.txt").read_text(encoding="utf-8").replace("{version}", version)
    (app / "README.txt").write_text(readme, encoding="utf-8", newline="\n")
    shutil.copyfile(PACKAGING / f"{APP}.desktop", app / f"{APP}.desktop")
    if not ICON.is_file():
        raise BuildError(f"{ICON}: no icon (python tools/build_assets.py draws it)")
    shutil.copyfile(ICON, app / f"{APP}.png")


def files_of(app: Path) -> list[Path]:
    """Everything in the application folder (files, folders, links), sorted by path."""
    return sorted(app.rglob("*"), key=lambda p: p.relative_to(app).as_posix())


def _entry(path: Path, name: str, epoch: int) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.mtime, info.uid, info.gid, info.uname, info.gname = epoch, 0, 0, "", ""
    if path.is_symlink():
        info.type, info.linkname, info.mode = tarfile.SYMTYPE, os.readlink(path), 0o777
    elif path.is_dir():
        info.type, info.mode = tarfile.DIRTYPE, 0o755
    else:
        info.size = path.stat().st_size
        info.mode = 0o755 if os.access(path, os.X_OK) else 0o644
    return info


def archive(app: Path, tarball: Path, top: str, epoch: int) -> None:
    """The application folder as `top/...` in a tar.gz that depends only on its files' contents."""
    with open(tarball, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=epoch) as zipped, \
            tarfile.open(fileobj=zipped, mode="w", format=tarfile.PAX_FORMAT) as tar:
        tar.addfile(_entry(app, top, epoch))
        for path in files_of(app):
            info = _entry(path, f"{top}/{path.relative_to(app).as_posix()}", epoch)
            if info.isreg():
                with open(path, "rb") as f:
                    tar.addfile(info, f)
            else:
                tar.addfile(info)


def manifest(app: Path) -> str:
    """One line per file: SHA-256, size in bytes, path in the folder (links: where they point)."""
    lines = []
    for path in files_of(app):
        rel = path.relative_to(app).as_posix()
        if path.is_symlink():
            lines.append(f"{'link':<64} {0:>10} {rel} -> {os.readlink(path)}")
        elif path.is_file():
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            lines.append(f"{digest} {path.stat().st_size:>10} {rel}")
    return "\n".join(lines) + "\n"


def build(dist: Path, work: Path) -> dict:
    """Build into `dist`, using `work` for PyInstaller's files; what was made, and how big."""
    if not sys.platform.startswith("linux"):
        raise BuildError(f"this builds the Linux package; on {sys.platform} see README.md, "
                         "'A build for Windows or macOS'")
    version = pyproject_version(ROOT / "pyproject.toml")
    if version is None:
        raise BuildError(f"{ROOT / 'pyproject.toml'}: no version of {APP} in it")
    began = time.monotonic()
    epoch = source_date_epoch()
    for folder in (work, dist / APP):
        shutil.rmtree(folder, ignore_errors=True)
    work.mkdir(parents=True)
    dist.mkdir(parents=True, exist_ok=True)
    app = freeze(dist, work, epoch)
    stripped = strip_debug(app)
    add_player_files(app, version)
    stem = f"{APP}-{version}-{sys.platform}-{platform.machine()}"
    tarball = dist / f"{stem}.tar.gz"
    archive(app, tarball, f"{APP}-{version}", epoch)
    (dist / f"{stem}.files.txt").write_text(manifest(app), encoding="utf-8")
    files = [p for p in files_of(app) if p.is_file() and not p.is_symlink()]
    return {"app": app, "tarball": tarball, "version": version, "files": len(files),
            "bytes": sum(p.stat().st_size for p in files), "stripped": stripped, "tar_bytes": tarball.stat().st_size,
            "seconds": round(time.monotonic() - began, 1)}


def main(argv: list[str] | None = None) -> int:
    parser = cli.Parser(description=__doc__.split("\n")[0])  # a bad argument: one line, exit 2
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where to put the application and its tarball")
    parser.add_argument("--work", type=Path,
                        help="PyInstaller's working folder, kept (default: a temporary one, removed once built)")
    args = parser.parse_args(argv)
    work = args.work.resolve() if args.work else Path(tempfile.mkdtemp(prefix="redemption-package-"))
    try:
        made = build(args.dist.resolve(), work)
    except BuildError as exc:
        print(f"package.py: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    mb = 1024 * 1024
    print(f"{made['app']}: {made['files']} files, {made['bytes'] / mb:.1f} MB "
          f"({made['stripped'] / mb:.1f} MB of debugging sections stripped)")
    print(f"{made['tarball']}: {made['tar_bytes'] / mb:.1f} MB")
    print(f"built in {made['seconds']} s")
    return 0

if __name__ == "__main__":
    sys.exit(main())
