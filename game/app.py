"""The desktop game: pygame, the window, the fixed-timestep loop and the scene stack."""

from __future__ import annotations

import sys
import tempfile
import traceback
from dataclasses import dataclass
from pathlib import Path

import pygame

from .campaign import Campaign
from .datadir import data_dir, ensure_dir
from .errors import EXIT_BAD_INPUT
from .audio.ui import UiSounds
from .audio.mixer import Mixer
from .input.gamepad import Gamepad, is_deliberate, menu_key_for
from .input.prompts import GAMEPAD, KEYBOARD, Prompts
from .input.keyboard import Keyboard
from .loop import FixedStep
from .paths import ASSETS_DIR
from .render.assets import AssetError, Assets, load_image
from .render.present import CANVAS_SIZE, Presenter
from .scenes.dialogue import DialogueScene
from .replay import check_fits, load_replay
from .scenes.level import LevelScene
from .scenes.replay_view import ReplayScene, replay_map
from .scenes.options import OptionsScene
from .scenes.stack import SceneStack
from .scenes.title import TitleScene
from .services import Services
from .settings import Settings, SettingsStore
from .story.chapters import Chapter, chapter_by_number, load_chapters
from .story.jsonfile import os_reason
from .story.save import SaveStore
from .world.level import load_level
from .world.tuning import DT, RunMode
from .version import version

EXIT_CRASH = 3
WINDOW_SIZE = CANVAS_SIZE  # at window scale 100%: one window pixel per canvas pixel
TITLE = "Redemption"
ICON = ASSETS_DIR / "icon" / "redemption.png"  # drawn by tools/build_assets.py


def window_size(scale: float) -> tuple[int, int]:
    """The window for the canvas at this window scale."""
    return round(WINDOW_SIZE[0] * scale), round(WINDOW_SIZE[1] * scale)


@dataclass
class Options:
    chapter: int | None = None
    frames: int | None = None  # stop after this many frames (screenshots, smoke tests)
    screenshot: Path | None = None
    seed: int = 0
    fullscreen: bool = False
    map_path: Path | None = None  # play this map instead of a chapter
    skip_intro: bool = False  # with --chapter: no opening conversation (screenshots)
    watch: bool = False  # with --map: reload the map when it changes on disk
    record: Path | None = None  # write the last level's input here on exit (a replay for game.sim)
    replay: Path | None = None  # watch this replay (or proven route) play in the window


class App:
    def __init__(self, options: Options, chapters: list[Chapter] | None = None):
        self.options = options
        self.chapters = chapters or load_chapters()
        # Fail early, before a window opens, on a bad chapter or map.
        self.first_level = None
        self.first_chapter = None
        self.replay = None  # (the replay's data, its path), with --replay
        if options.replay is not None:
            self.replay = (load_replay(options.replay), Path(options.replay))
            map_path = options.map_path or replay_map(Path(options.replay), self.replay[0])
            self.first_level = load_level(map_path)
            warning = check_fits(self.replay[0], options.replay, map_path, self.first_level, None)
            if warning:
                print(warning, file=sys.stderr)
        elif options.map_path is not None:
            self.first_level = load_level(options.map_path)
        elif options.chapter is not None:
            self.first_chapter = chapter_by_number(self.chapters, options.chapter)
            self.first_level = load_level(self.first_chapter.map_path)
        self.notices: list[str] = []
        folder = data_dir()
        trouble = ensure_dir(folder)
        if trouble:  # play on, without saving
            self.notices.append(trouble)
            self.settings_store, self.saves = None, None
            self.settings = Settings()
        else:
            self.settings_store = SettingsStore(folder)
            self.settings, notices = self.settings_store.load()
            self.notices += notices
            self.saves = SaveStore(folder, self.chapters[0].id)

    def _level_scene(self, chapter: Chapter | None, level, resume=None) -> LevelScene:
        title = chapter.heading if chapter else level.path.name
        return LevelScene(level, title, self.assets, self.keyboard, self.options.seed, chapter=chapter,
                          campaign=self.campaign if chapter else None, difficulty=self.settings.difficulty,
                          watch=self.options.watch and chapter is None, resume=resume,
                          mode=self.campaign.mode if chapter else RunMode.STORY)

    def _dialogue(self, lines, on_done) -> DialogueScene:
        return DialogueScene(lines, self.assets, on_done, self.settings.subtitle_size)

    def _apply_settings(self, settings: Settings) -> None:
        old = self.settings
        self.settings = settings
        if self.settings_store is not None:
            self.campaign.notices += self.settings_store.save(settings)
        if settings.fullscreen != old.fullscreen:
            try:
                pygame.display.toggle_fullscreen()
            except pygame.error:  # not every video driver can toggle (Wayland, dummy): open the window anew
                scale = 1.0 if settings.fullscreen else settings.window_scale
                flags = pygame.RESIZABLE | (pygame.FULLSCREEN if settings.fullscreen else 0)
                pygame.display.set_mode(window_size(scale), flags)
        if settings.window_scale != old.window_scale and not settings.fullscreen:
            pygame.display.set_mode(window_size(settings.window_scale), pygame.RESIZABLE)
        self.mixer.set_volumes(settings.master_volume, settings.music_volume, settings.effects_volume)
        if settings.bindings != old.bindings:
            self.keyboard.rebind(settings.bindings or None)
            self.services.prompts.use(bindings=settings.bindings)
        self.services.settings = settings

    def _open_options(self, stack) -> None:
        stack.push(OptionsScene(self.settings, self._apply_settings))

    def start(self) -> SceneStack:
        """Open the window and build the first scenes; `frame()` then runs the game."""
        pygame.init()
        fullscreen = self.options.fullscreen or self.settings.fullscreen
        flags = pygame.RESIZABLE | (pygame.FULLSCREEN if fullscreen else 0)
        scale = 1.0 if fullscreen else self.settings.window_scale
        pygame.display.set_caption(TITLE)  # first: the window is created with its name (no "pygame window" moment)
        try:  # and its icon (the one the packaged build's menu entry shows), before the window opens
            pygame.display.set_icon(load_image(ICON))
        except AssetError:
            pass  # a missing icon costs nothing but SDL's own
        pygame.display.set_mode(window_size(scale), flags)
        self.assets = Assets()
        self.keyboard = Keyboard(self.settings.bindings or None)
        self.gamepad = Gamepad()
        self.mixer = Mixer(self.settings)
        if self.mixer.silent:
            self.notices.append(self.mixer.take_notice())
        # What every scene shares, handed down by the stack (game/services.py).
        self.services = Services(settings=self.settings, mixer=self.mixer, gamepad=self.gamepad,
                                 prompts=Prompts(KEYBOARD, self.settings.bindings), ui=UiSounds(self.mixer),
                                 open_options=self._open_options)
        self.presenter = Presenter()
        self.stack = stack = SceneStack(on_top_changed=self._let_go, services=self.services)
        self.campaign = Campaign(self.chapters, self.saves, self._level_scene, self._dialogue)
        self.campaign.notices[:0] = self.notices
        self.campaign.stack = stack
        stack.push(TitleScene(self.campaign, self._open_options))
        if self.first_chapter is not None:  # --chapter N: that chapter from its top, without the card
            self.campaign.start(stack, self.first_chapter, card=False, intro=not self.options.skip_intro,
                                level=self.first_level)  # loaded already, to fail before a window opens
        elif self.replay is not None:  # --replay: watched over the title (Esc goes back to it)
            data, path = self.replay
            stack.push(ReplayScene(self.first_level, self.assets, self.keyboard, data, path))
        elif self.first_level is not None:  # --map: a designer's map, over the title
            stack.push(self._level_scene(None, self.first_level))
        self.step = FixedStep()
        self.frames = 0
        self.last_recorder = None
        return stack

    def frame(self, elapsed: float) -> bool:
        """One frame: input, the ticks `elapsed` real seconds are worth, drawing. False when the game ends."""
        stack = self.stack
        ticks = self.step.advance(elapsed)
        self.presenter.layout(pygame.display.get_surface().get_size())
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                stack.clear()
            elif event.type in (pygame.WINDOWFOCUSLOST, pygame.WINDOWMINIMIZED):
                self._pause_level()
            elif self.gamepad.handle_event(event, playing=stack.top is not None and stack.top.in_play):
                if is_deliberate(event):
                    self.services.prompts.use(GAMEPAD)
                # Menus understand keys: a button the top scene did not use becomes one.
                key = menu_key_for(event)
                if not stack.handle_event(event) and key is not None:
                    stack.handle_event(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0,
                                                          from_pad=True))
            else:
                if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
                    self.services.prompts.use(KEYBOARD)
                stack.handle_event(self.presenter.event(event))
        if self.gamepad.just_unplugged():
            self._pause_level("Controller disconnected.")
        for _ in range(ticks):
            if stack:
                stack.update(DT)
        if not stack:
            return False
        window = pygame.display.get_surface()
        self.presenter.layout(window.get_size())  # again: a setting changed this frame may have resized the window
        stack.draw(self.presenter.target(window), self.step.alpha)
        self.presenter.present(window)
        pygame.display.flip()
        self.frames += 1
        return True

    def run(self) -> int:
        """Play until the game ends: 0; EXIT_CRASH (and one line saying where the report is) on an
        unexpected error; EXIT_BAD_INPUT if the --record file could not be written after all (the
        folder went away during the play: the recording is then kept in the temp folder)."""
        self.start()
        clock = pygame.time.Clock()
        status = 0
        try:
            self._loop(clock)
        except Exception:
            # Never vanish: keep what is needed to reproduce it, and say where. Nothing in here
            # may raise: a crash handler that crashes prints a traceback and loses the report.
            trace = traceback.format_exc()
            try:
                report, why = self._crash_report(trace)
            except Exception as exc:  # noqa: BLE001 - the last line of defence
                report, why = None, f"{type(exc).__name__}: {exc}"
            if report is not None:
                line = f"Redemption hit an unexpected error. A report and a replay are in {report}"
            else:
                last = trace.strip().splitlines()[-1] if trace.strip() else "unknown error"
                line = f"Redemption hit an unexpected error ({last[:200]}) and could not write a report ({why[:200]})"
            print(line.replace("\n", " "), file=sys.stderr)
            status = EXIT_CRASH
        finally:
            try:
                self._save_recording()
            except Exception as exc:  # noqa: BLE001 - checked before the play; the folder went away since
                status = status or EXIT_BAD_INPUT
                print(self._recording_elsewhere(exc), file=sys.stderr)
            self.close()
        return status

    def _recording_elsewhere(self, exc: Exception) -> str:
        """Save the recording in the temp folder instead; the one line that says so."""
        why = os_reason(exc) if isinstance(exc, OSError) else f"{type(exc).__name__}: {exc}"
        head = f"{self.options.record}: could not save the recording ({why[:200]})"
        try:
            fallback = Path(tempfile.mkdtemp(prefix="redemption-recording-")) / Path(self.options.record).name
            self.last_recorder.save(fallback)
        except Exception:  # noqa: BLE001
            return f"{head}; it is lost".replace("\n", " ")
        return f"{head}; it is in {fallback} instead".replace("\n", " ")

    def _let_go(self) -> None:
        """A new screen is on top: nothing held in the last one is held in this one."""
        self.keyboard.release_all()
        self.gamepad.release_all()

    def _pause_level(self, note: str = "") -> None:
        """Losing focus, minimising or unplugging the controller pauses a level being played."""
        top = self.stack.top
        if top is not None and top.in_play:
            top.open_pause(note)

    def _active_level(self) -> LevelScene | None:
        return next((s for s in reversed(self.stack.scenes) if s.in_play), None)

    def _save_recording(self) -> None:
        if self.options.record and self.last_recorder is not None:
            self.last_recorder.save(self.options.record)

    def _crash_report(self, trace: str) -> tuple[Path | None, str]:
        """Write the report (and the level's replay) in the player's folder, or, when that cannot
        be written (REDEMPTION_HOME is a file, a read-only disk), in the temp folder: (the
        report, "") or (None, why neither could be written)."""
        why = "no folder to write it in"
        folders = []
        try:
            folders.append(data_dir() / "crashes")
        except Exception as exc:  # noqa: BLE001 - e.g. no home folder at all
            why = f"{type(exc).__name__}: {exc}"
        folders.append(Path(tempfile.gettempdir()) / "redemption-crashes")
        for folder in folders:
            try:
                return self._write_crash_report(folder, trace), ""
            except OSError as exc:
                why = f"{folder}: {os_reason(exc)}"
        return None, why

    def _write_crash_report(self, folder: Path, trace: str) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        stamp = len(list(folder.glob("crash-*.txt"))) + 1
        while (folder / f"crash-{stamp}.txt").exists():
            stamp += 1
        report = folder / f"crash-{stamp}.txt"
        lines = [f"Redemption crash report {stamp}", f"version: {version()}", f"frames: {getattr(self, 'frames', 0)}"]
        try:
            level = self._active_level()
            if level is not None:
                lines += [f"map: {level.level.path}", f"seed: {level.seed}", f"world tick: {level.world.tick}"]
                replay = folder / f"crash-{stamp}.replay.json"
                level.recorder.save(replay)
                lines.append(f"replay: {replay}  (python -m game.sim {level.level.path} --player replay:{replay})")
        except Exception as exc:  # noqa: BLE001 - the report without its replay is still worth having
            lines.append(f"replay: could not be written ({type(exc).__name__}: {exc})")
        report.write_text("\n".join(lines) + "\n\n" + trace)
        return report

    def _loop(self, clock) -> None:
        while True:
            # Scripted runs (screenshots) advance exactly one tick a frame, so
            # the picture depends on the frame count, not the machine's speed.
            elapsed = clock.tick(60) / 1000.0
            level = self._active_level()
            if level is not None:
                self.last_recorder = level.recorder
            if not self.frame(DT if self.options.frames else elapsed):
                break
            if self.options.frames is not None and self.frames >= self.options.frames:
                if self.options.screenshot:
                    pygame.image.save(pygame.display.get_surface(), str(self.options.screenshot))
                break

    def close(self) -> None:
        self.stack.clear()
        pygame.quit()
        Assets.font.cache_clear()  # fonts die with pygame; a later start makes new ones
