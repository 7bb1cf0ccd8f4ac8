"""Play the whole game from the title screen and photograph every screen on the way.

    xvfb-run -a python tools/tour.py OUTDIR                   # both palettes, keyboard prompts
    xvfb-run -a python tools/tour.py OUTDIR --device gamepad  # the prompts a controller player sees
    xvfb-run -a python tools/tour.py OUTDIR --chapters 2 --every 10 --palettes colourblind

The tour is a player who never gets caught: New game on the title, every chapter card,
conversation and summary read through with Enter, and each level walked along its proven
route (`maps/routes/`). It saves the first frame of each new screen, a frame of the level
every `--every` seconds, and then, per chapter, a second run that walks up to the nearest
guard so the suspicious, alert and caught screens are seen too, and every talk and memory the
map holds, those off the proven route as well. Use it to look at the game
after a change of art, map or HUD: one folder, every screen, named in play order.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

SETTLE_FRAMES = 150  # a new screen is photographed once its text has typed out
PRESS_EVERY = 12  # frames between presses of Enter on a screen already photographed
MAX_FRAMES = 60 * 60 * 30  # a tour that has not ended in half an hour of game time is stuck


class Tour:
    def __init__(self, out: Path, palette: str, device: str, every: float, chapters: set[int]):
        self.out, self.palette, self.device, self.every, self.chapters = out, palette, device, every, chapters
        self.shots: list[Path] = []
        self.count = 0

    # ------------------------------------------------------------ plumbing
    def app(self, **options):
        from game.app import App, Options

        app = App(Options(**options))
        app.settings = app.settings.__class__(**{**app.settings.__dict__, "palette": self.palette})
        app.start()
        app.services.prompts.use(self.device)
        return app

    def shot(self, app, name: str) -> None:
        import pygame

        self.count += 1
        path = self.out / f"{self.count:03d}_{name}.png"
        pygame.image.save(pygame.display.get_surface(), str(path))
        self.shots.append(path)

    def press(self) -> None:
        """Enter, or A on a controller: the device the tour shows prompts for is the one it uses."""
        import pygame

        if self.device == "gamepad":
            for kind in (pygame.CONTROLLERBUTTONDOWN, pygame.CONTROLLERBUTTONUP):
                pygame.event.post(pygame.event.Event(kind, instance_id=-1, button=pygame.CONTROLLER_BUTTON_A))
            return
        for kind in (pygame.KEYDOWN, pygame.KEYUP):
            pygame.event.post(pygame.event.Event(kind, key=pygame.K_RETURN, mod=0, unicode="", scancode=0))

    # ------------------------------------------------------------ the story, start to end
    def campaign(self) -> None:
        """Title -> New game -> every chapter on its proven route -> epilogue."""
        from game.scenes.level import LevelScene
        from game.scenes.title import TitleScene
        from game.world.tuning import DT

        app = self.app()
        seen, since, level_shots = set(), 0, {}
        try:
            for frame in range(MAX_FRAMES):
                if not app.frame(DT):
                    break
                top = app.stack.top
                if isinstance(top, TitleScene) and (id(top), None) in seen and frame > SETTLE_FRAMES * 2:
                    break  # back on the title: the epilogue is over
                if isinstance(top, LevelScene):
                    self._play(app, top, level_shots)
                    continue
                screen = (id(top), getattr(top, "page", None))  # the epilogue turns pages in one scene
                if screen not in seen:
                    seen.add(screen)
                    since = 0
                since += 1
                if since == self._settle(top):
                    self.shot(app, self._name(app, top))
                elif since > self._settle(top) and since % PRESS_EVERY == 0:
                    self.press()  # read on, as a player would
        finally:
            app.close()

    @staticmethod
    def _settle(scene) -> int:
        """Frames before a screen is photographed: its text typed out (a page: all its lines)."""
        pages = getattr(scene, "pages", None)
        if pages:
            from game.scenes.epilogue import LINE_TICKS

            return min(60 * 20, LINE_TICKS * len(pages[scene.page][1]) + 30)
        return SETTLE_FRAMES

    def _name(self, app, scene) -> str:
        level = next((s for s in reversed(app.stack.scenes) if hasattr(s, "chapter") and hasattr(s, "world")), None)
        where = f"ch{level.chapter.number}_" if level is not None and level.chapter else ""
        kind = type(scene).__name__.replace("Scene", "").lower()
        if getattr(scene, "pages", None):
            kind += "_" + scene.pages[scene.page][0]
        if getattr(scene, "chapter", None) is not None:  # the card and the summary
            where = f"ch{scene.chapter.number}_"
        return f"{where}{kind}_{self.palette}"

    def _play(self, app, level, level_shots) -> None:
        """Walk the level's proven route; photograph it every `every` seconds of play."""
        from game.replay import ReplayPlayer, load_replay

        number = level.chapter.number if level.chapter else 0
        if level.scripted_input is None:
            if number not in self.chapters:  # not on this tour: walk it unphotographed
                level_shots[id(level)] = math.inf
            route = ROOT / "maps" / "routes" / (level.level.path.stem + ".json")
            level.scripted_input = ReplayPlayer(load_replay(route)["runs"])
            level_shots.setdefault(id(level), 0.0)
        t = level.world.tick / 60.0
        due = level_shots[id(level)]
        if t >= due and level.world.outcome is None:
            self.shot(app, f"ch{number}_level_{round(t):03d}s_{self.palette}")
            level_shots[id(level)] = due + self.every

    # ------------------------------------------------------------ danger
    def danger(self, number: int) -> None:
        """Half the proven route, then straight to the nearest guard: "?", "!", then caught."""
        from game.replay import ReplayPlayer, load_replay
        from game.render.outcome_view import CAUGHT_HOLD
        from game.world.intent import Intent
        from game.world.tuning import DT

        app = self.app(chapter=number, skip_intro=True)
        try:
            level = app.stack.top
            route = load_replay(ROOT / "maps" / "routes" / (level.level.path.stem + ".json"))["runs"]
            total = sum(run[0] for run in route)
            follow = ReplayPlayer(route)
            path: list = []

            def approach(world):
                if world.tick < total // 2:
                    return follow(world)
                p = world.player
                guard = min(world.guards, key=lambda g: math.hypot(g.x - p.x, g.y - p.y))
                if not path or world.tick % 30 == 0:
                    path[:] = world.grid.find_path((p.x, p.y), (guard.x, guard.y)) or []
                while path and math.hypot(path[0][0] - p.x, path[0][1] - p.y) < 6:
                    path.pop(0)
                if not path:
                    return Intent((0.0, 0.0))
                dx, dy = path[0][0] - p.x, path[0][1] - p.y
                d = math.hypot(dx, dy)
                return Intent((dx / d, dy / d))

            level.scripted_input = approach
            taken = set()
            for _ in range(60 * 120):
                app.frame(DT)
                world = level.world
                if app.stack.top is not level:
                    self.press()  # a memory or a talk on the way: read on
                    continue
                states = {g.state for g in world.guards}
                for state in ("suspicious", "alert"):
                    if state in states and state not in taken:
                        taken.add(state)
                        self.shot(app, f"ch{number}_{state}_{self.palette}")
                if world.outcome == "caught" and level.caught_ticks >= CAUGHT_HOLD + 10:  # the words are up
                    self.shot(app, f"ch{number}_caught_{self.palette}")
                    break
        finally:
            app.close()

    # ------------------------------------------------------------ every conversation in a level
    def conversations(self, number: int) -> None:
        """Each talk and memory the level's map holds, the ones off the proven route too, over
        the level as it starts (the panel is what is being looked at)."""
        from game.story.dialogue import dialogue_exists
        from game.world.tuning import DT

        app = self.app(chapter=number, skip_intro=True)
        try:
            level = app.stack.top
            ids = [o.props.get("on_enter") or o.props.get("dialogue") for o in level.level.objects
                   if o.kind in ("Trigger", "Kim")]
            for dialogue in [d for d in dict.fromkeys(ids) if d and dialogue_exists(d)]:
                level._say(dialogue)
                [app.frame(DT) for _ in range(SETTLE_FRAMES)]
                self.shot(app, f"ch{number}_talk_{dialogue}_{self.palette}")
                while app.stack.top is not level:
                    self.press()
                    app.frame(DT)
        finally:
            app.close()

    # ------------------------------------------------------------ menus
    def menus(self) -> None:
        """Chapter select, options, controls and the pause menu over a level."""
        from game.scenes.chapter_select import ChapterSelect
        from game.scenes.controls import ControlsScene
        from game.world.tuning import DT

        app = self.app()
        try:
            app.stack.push(ChapterSelect(app.campaign))
            [app.frame(DT) for _ in range(5)]
            self.shot(app, f"chapters_{self.palette}")
            app.stack.pop()
            app._open_options(app.stack)
            [app.frame(DT) for _ in range(5)]
            self.shot(app, f"options_{self.palette}")
            app.stack.push(ControlsScene(app.settings, app._apply_settings))
            [app.frame(DT) for _ in range(5)]
            self.shot(app, f"controls_{self.palette}")
        finally:
            app.close()
        app = self.app(chapter=min(self.chapters), skip_intro=True)
        try:
            [app.frame(DT) for _ in range(30)]
            app.stack.top.open_pause()
            [app.frame(DT) for _ in range(3)]
            self.shot(app, f"pause_{self.palette}")
        finally:
            app.close()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--palettes", default="default,colourblind")
    parser.add_argument("--device", default="keyboard", choices=("keyboard", "gamepad"))
    parser.add_argument("--chapters", default="1-4", help="e.g. 1-4 or 2,3")
    parser.add_argument("--every", type=float, default=20.0, help="seconds of play between level photographs")
    parser.add_argument("--no-story", action="store_true", help="skip the full play-through (menus and danger only)")
    args = parser.parse_args(argv)
    chapters: set[int] = set()
    for part in args.chapters.split(","):
        lo, _, hi = part.partition("-")
        chapters.update(range(int(lo), int(hi or lo) + 1))
    args.out.mkdir(parents=True, exist_ok=True)
    import pygame

    for palette in args.palettes.split(","):
        with tempfile.TemporaryDirectory() as home:
            os.environ["REDEMPTION_HOME"] = home  # a first launch: New game starts at chapter 1
            tour = Tour(args.out / palette, palette, args.device, args.every, chapters)
            tour.out.mkdir(parents=True, exist_ok=True)
            tour.menus()
            if not args.no_story:
                tour.campaign()
            for number in sorted(chapters):
                tour.danger(number)
                tour.conversations(number)
            pygame.quit()
        for path in tour.shots:
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
