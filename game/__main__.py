"""`python -m game`: play Redemption.

    python -m game                     title screen
    python -m game --chapter 1         straight into chapter 1
    python -m game --chapter 1 --frames 120 --screenshot shot.png
    python -m game --map maps/garage.tmx     play any map
    python -m game --map maps/garage.tmx --watch   ...and reload it whenever Tiled saves it
    python -m game --replay play.json  watch a replay (or maps/routes/garage.json, a proven route)
    python -m game --version           print the version (from pyproject.toml) and exit
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from pathlib import Path

from . import cli
from .display_check import no_display
from .errors import EXIT_BAD_INPUT, DataError
from .version import version

WINDOW_CLASS = "redemption"  # what window managers and task bars group the window by


def program_name(argv0: str | None = None) -> str:
    """The name the user typed: `redemption` (the console script), or `python -m game`."""
    name = os.path.basename(sys.argv[0] if argv0 is None else argv0)
    return "python -m game" if name in ("", "-c", "__main__.py") else name


MAX_FRAMES = cli.DAY_SECONDS * 60  # a day at 60 frames a second


def parse_args(argv: list[str] | None):
    """The options, each checked (a bad one is one line and exit status 2, before any window)."""
    parser = cli.Parser(prog=program_name(), description="Redemption: a top-down stealth game.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {version()}")
    parser.add_argument("--chapter", type=cli.whole(1, 99, "a chapter number"), help="start this chapter directly")
    parser.add_argument("--map", type=Path, help="play this .tmx map directly (for level designers)")
    parser.add_argument("--seed", type=cli.seed, default=0, help="seed of the world's randomness")
    parser.add_argument("--frames", type=cli.whole(1, MAX_FRAMES), help="quit after this many frames")
    parser.add_argument("--screenshot", type=cli.output_file, help="with --frames: save the last frame to this PNG")
    parser.add_argument("--fullscreen", action="store_true")
    parser.add_argument("--record", type=cli.output_file, help="save the last level's input to this replay file on exit")
    parser.add_argument("--watch", action="store_true", help="with --map: reload the map whenever it changes on disk")
    parser.add_argument("--skip-intro", action="store_true", help="with --chapter: start without the opening conversation")
    parser.add_argument("--replay", type=Path, help="watch this replay or proven route play (Space pause, F faster)")
    args = parser.parse_args(argv)
    if args.screenshot and not args.frames:
        parser.error("--screenshot needs --frames N")
    if args.chapter is not None:
        _check_chapter(parser, args.chapter)
    if args.replay is not None and (args.chapter is not None or args.watch or args.record):
        parser.error("--replay plays a recording: it goes with --map at most")
    return args


def _check_chapter(parser: cli.Parser, number: int) -> None:
    from .story.chapters import load_chapters

    try:
        known = [c.number for c in load_chapters()]
    except DataError:
        return  # the chapter list itself is bad: the game says so when it starts
    if number not in known:
        parser.error(f"--chapter: there is no chapter {number} (chapters: {', '.join(map(str, known))})")


def main(argv: list[str] | None = None) -> int:
    # First of all: in the frozen build (tools/package.py) a process spawned by prove-on-save
    # (design/background.py) is this same executable started again; this runs its job and ends
    # it here, instead of its parsing our arguments and opening a second game. Elsewhere a no-op.
    multiprocessing.freeze_support()
    args = parse_args(argv)
    reason = no_display()
    if reason:
        print(reason, file=sys.stderr)
        return EXIT_BAD_INPUT
    # SDL reads these when it opens the window; without them the class is "__main__.py".
    os.environ.setdefault("SDL_VIDEO_X11_WMCLASS", WINDOW_CLASS)
    os.environ.setdefault("SDL_VIDEO_WAYLAND_WMCLASS", WINDOW_CLASS)
    from .app import App, Options  # after argument parsing: --help needs no pygame
    from .audio.mixer import quiet_alsa

    quiet_alsa()  # before App starts pygame, which first tries the sound device

    try:
        app = App(Options(args.chapter, args.frames, args.screenshot, args.seed, args.fullscreen, args.map, args.skip_intro, args.watch, args.record,
                          args.replay))
        return app.run()
    except DataError as exc:
        print(exc.line(), file=sys.stderr)
        return EXIT_BAD_INPUT


if __name__ == "__main__":
    sys.exit(main())
