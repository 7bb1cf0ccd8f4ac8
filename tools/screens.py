"""Take the game's key screens in a real window, the same way every time.

    python tools/screens.py OUTDIR            # title, level, pause and the objective marker (both palettes),
                                              # dialogue, summary, options
    xvfb-run -a python tools/screens.py OUTDIR    # on a machine with no screen

Each screen is reached by driving the real App frame by frame with scripted input, so the
pictures are deterministic: the screenshot tests compare them with `tests/reference/` and the
README uses them. To accept a deliberate change of look: `python tools/screens.py tests/reference`.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")


def _app(chapter=None, skip_intro=True, palette="default"):
    """A first-time player's game: its own empty data folder, so no screen depends on the one
    before (a hint shown once per save would be missing from the second palette's level)."""
    import tempfile

    from game.app import App, Options

    before = os.environ.get("REDEMPTION_HOME")
    os.environ["REDEMPTION_HOME"] = tempfile.mkdtemp(prefix="redemption-screens-")
    try:
        app = App(Options(chapter=chapter, skip_intro=skip_intro))
    finally:
        if before is None:
            del os.environ["REDEMPTION_HOME"]
        else:
            os.environ["REDEMPTION_HOME"] = before
    app.settings = app.settings.__class__(**{**app.settings.__dict__, "palette": palette})
    app.start()
    return app


def _frames(app, n: int) -> None:
    from game.world.tuning import DT

    for _ in range(n):
        app.frame(DT)


def _save(app, path: Path) -> None:
    import pygame

    pygame.image.save(pygame.display.get_surface(), str(path))


def _level_walk():
    """Jesse walks out of the office into the shop guard's view: he stops and looks ("?")."""
    sys.path.insert(0, str(ROOT / "tests"))
    from scenario import Script

    return Script(("go", [(9, 12), (9, 14), (12, 14)], "walk"))


def take(out: Path) -> list[Path]:
    import pygame

    from game.scenes.pause import PauseScene
    from game.scenes.summary import SummaryScene
    from game.story.save import ChapterRecord

    out.mkdir(parents=True, exist_ok=True)
    shots = []

    def shot(name, app):
        path = out / f"{name}.png"
        _save(app, path)
        shots.append(path)

    app = _app()
    _frames(app, 40)
    shot("title", app)
    app.close()

    for palette in ("default", "colourblind"):
        app = _app(chapter=1, palette=palette)
        app.stack.top.scripted_input = _level_walk()
        _frames(app, 290)
        shot(f"level_{palette}", app)
        level = app.stack.top
        level.open_pause()  # the menu beside the map: the office seen, the go-bag to take
        _frames(app, 2)
        assert isinstance(app.stack.top, PauseScene)
        shot("pause" if palette == "default" else f"pause_{palette}", app)
        app.stack.pop()
        if palette == "default":
            chapter = level.chapter
            # A run that earns three marks, one of them again, and misses one earned before.
            before = ChapterRecord(completed=True, best_time=90.0, spotted=2, alerts=1, distractions=0,
                                   challenges=["no_wrench", "par"], memories=["mem_lift"], memories_total=2)
            record = ChapterRecord(completed=True, best_time=64.0, spotted=0, alerts=0, distractions=1, ghost=True,
                                   challenges=["ghost", "par", "no_restart"], memories=["mem_chain"], memories_total=2)
            app.stack.push(SummaryScene(chapter, record, before.merge(record), lambda: None, before=before))
            _frames(app, 45)
            shot("summary", app)
        app.close()

    for palette in ("default", "colourblind"):  # the school's first objective is off screen, up the hall
        app = _app(chapter=3, palette=palette)
        _frames(app, 60)
        shot(f"marker_{palette}", app)
        app.close()

    app = _app(chapter=1, skip_intro=False)
    _frames(app, 150)
    shot("dialogue", app)
    app.close()

    app = _app()
    app._open_options(app.stack)
    _frames(app, 3)
    shot("options", app)
    app.close()
    pygame.quit()
    return shots


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as home:
        os.environ["REDEMPTION_HOME"] = home  # no save: the title shows a first launch
        for path in take(args.out):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
