"""The monkey: seeded random input into the real App, from every screen, with the rules of the
game checked after every frame.

The monkey presses keys (every `pygame.K_*` and made-up scancodes, tapped, held, mashed), moves
and clicks the mouse (wheel and right button too), works a gamepad (buttons, sticks, plugging in
and out) and plays with the window (focus, minimise, resize). All of it goes in as SDL events
through `pygame.event.post`, exactly as a player's input does; the screens it starts from are
reached the same way (menu keys from the title, or `--chapter N`). After every frame:

- no exception;
- the stack has one of the shapes `game/campaign.py` states (so at most one level, never deeper
  than five);
- input reaches only the scene on top (or one under an overlay that says it passes input on):
  no key, button or click acts in a screen it was not pressed in;
- the game ends only through a Quit the monkey chose: "Quit" chosen on the title (Esc there moves
  to it, Esc or Enter again quits), or a `pygame.QUIT` it posted. It then starts again on the same
  save folder and goes on;
- `save.json` and `settings.json`, whenever they exist, load with no notice of damage.

The monkey is blind to the screen, but moody: some stretches it taps menu keys, some it holds a
direction to walk, some it mashes everything; so it gets into levels and menus by itself. A run
reports how many frames it spent on each kind of screen, and the test insists every kind was seen.

A failure names the seed, the start and the frame; the run is deterministic, so
`python -m pytest tests/test_monkey.py -k "seed1"` shows it again.
"""

from __future__ import annotations

import json
import random
import sys
import time
from collections import Counter, deque
from pathlib import Path

import pygame
import pytest

from conftest import ROOT, fast_first
from game.app import App, Options
from game.scenes.stack import SceneStack
from game.scenes.title import TitleScene
from game.settings import SETTINGS_FILE, Settings
from game.story.chapters import Chapter, Objective, load_chapters
from game.story.save import SAVE_FILE, SaveData, SaveStore
from game.world.tuning import DT

SEEDS = (1, 2, 3, 4)
FRAMES_PER_START = 140  # monkey frames from each start: 15 starts -> 2100 a seed
SOAK_SEEDS = (101,)  # one long seed in CI; more with -k soak after editing this line
SOAK_FRAMES_PER_START = 500  # 7500 a seed

# Every shape the stack may have (game/campaign.py), by scene class without "Scene".
LEGAL_SHAPES = {
    ("Title",),
    ("Title", "ChapterSelect"),
    ("Title", "Options"),
    ("Title", "Options", "Controls"),
    ("Title", "ChapterCard"),
    ("Title", "Level"),
    ("Title", "Level", "Dialogue"),  # an intro, a memory, a talk, or the outro over the finished level
    ("Title", "Level", "Pause"),
    ("Title", "Level", "Pause", "Options"),
    ("Title", "Level", "Pause", "Options", "Controls"),
    ("Title", "Summary"),
    ("Title", "Epilogue"),
}
MAX_DEPTH = max(len(shape) for shape in LEGAL_SHAPES)  # 5
# The kinds of screen the monkey must have spent frames on, in every seed.
SCREENS = ("Title", "ChapterSelect", "Options", "Controls", "ChapterCard", "Level", "Dialogue", "Pause",
           "Summary", "Epilogue")

# Keys: every named one, plus keys SDL makes from scancodes (no name: SDLK = scancode | 1 << 30).
NAMED_KEYS = sorted({getattr(pygame, name) for name in dir(pygame) if name.startswith("K_")})
MENU_KEYS = [pygame.K_RETURN] * 4 + [pygame.K_UP, pygame.K_DOWN] * 3 + [
    pygame.K_LEFT, pygame.K_RIGHT, pygame.K_w, pygame.K_s, pygame.K_a, pygame.K_d, pygame.K_e, pygame.K_SPACE,
    pygame.K_KP_ENTER, pygame.K_ESCAPE, pygame.K_ESCAPE, pygame.K_BACKSPACE, pygame.K_p]
MOVE_KEYS = [pygame.K_w, pygame.K_a, pygame.K_s, pygame.K_d, pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT]
PLAY_KEYS = [pygame.K_e, pygame.K_q, pygame.K_LSHIFT, pygame.K_RSHIFT, pygame.K_LCTRL, pygame.K_c, pygame.K_SPACE]
MODS = [0] * 6 + [pygame.KMOD_LSHIFT, pygame.KMOD_RSHIFT, pygame.KMOD_LCTRL, pygame.KMOD_LALT, pygame.KMOD_CAPS,
                  pygame.KMOD_NUM, pygame.KMOD_LSHIFT | pygame.KMOD_LCTRL, pygame.KMOD_GUI]
PAD_BUTTONS = list(range(pygame.CONTROLLER_BUTTON_MAX)) + [pygame.CONTROLLER_BUTTON_A] * 4 + [
    pygame.CONTROLLER_BUTTON_DPAD_UP, pygame.CONTROLLER_BUTTON_DPAD_DOWN] * 2
PAD_AXES = list(range(pygame.CONTROLLER_AXIS_MAX))
WINDOW_SIZES = [(1280, 720)] * 6 + [(640, 360), (800, 600), (1920, 1080), (1000, 400), (300, 500), (160, 90)]
# What the monkey can have pressed to quit on the title: Enter/Space/E on "Quit", Esc there
# (a pad's A is Enter, B and Start are Esc).
QUIT_KEYS = {pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE, pygame.K_e, pygame.K_ESCAPE}
QUIT_BUTTONS = {pygame.CONTROLLER_BUTTON_A, pygame.CONTROLLER_BUTTON_B, pygame.CONTROLLER_BUTTON_START}


def shape(app) -> tuple[str, ...]:
    return tuple(type(scene).__name__.removesuffix("Scene") for scene in app.stack.scenes)


def ev(kind, **attrs) -> pygame.event.Event:
    return pygame.event.Event(kind, **attrs)


def key_event(down: bool, key: int, mod: int = 0, scancode: int | None = None) -> pygame.event.Event:
    """A key event with the attributes SDL gives one."""
    text = chr(key) if down and 32 <= key < 127 else ""
    if scancode is None:
        scancode = key & ~(1 << 30) if key & (1 << 30) else 0
    return ev(pygame.KEYDOWN if down else pygame.KEYUP, key=key, mod=mod, unicode=text, scancode=scancode,
              window=None)


# ------------------------------------------------------------------------------ the monkey
class Monkey:
    """Seeded random input. `frame()` returns this frame's events (the caller posts them)."""

    MOODS = {"menu": 5, "walk": 4, "mash": 1.5, "pad": 2, "mouse": 1, "idle": 1}

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.keys: dict[int, int] = {}  # key held -> frames until it is let go (-1: until the mood ends)
        self.buttons: dict[tuple[int, int], int] = {}  # (pad, button) held -> frames left
        self.mouse_buttons: set[int] = set()
        self.mood, self.mood_left = "menu", 0
        self.pads = [0]  # instance ids the monkey's pads use
        self.mouse = (640, 360)

    # -- helpers
    def _tap(self, out, key, hold=None):
        if key in self.keys:
            return
        out.append(key_event(True, key, self.rng.choice(MODS)))
        self.keys[key] = hold if hold is not None else self.rng.choice((0, 1, 1, 2, 3, 6))

    def _release_keys(self, out, every=False):
        for key, left in list(self.keys.items()):
            if every or left == 0:
                out.append(key_event(False, key))
                del self.keys[key]
            elif left > 0:
                self.keys[key] = left - 1

    def _release_buttons(self, out, every=False):
        for (pad, button), left in list(self.buttons.items()):
            if every or left == 0:
                out.append(ev(pygame.CONTROLLERBUTTONUP, instance_id=pad, button=button))
                del self.buttons[(pad, button)]
            else:
                self.buttons[(pad, button)] = left - 1

    def _any_key(self) -> int:
        r = self.rng.random()
        if r < 0.8:
            return self.rng.choice(NAMED_KEYS)
        if r < 0.95:
            return (1 << 30) | self.rng.randrange(0, 512)  # a key known only by its scancode
        return self.rng.choice((0, 1, 0x7FFFFFFF, self.rng.randrange(1 << 31)))

    def _new_mood(self, out):
        rng = self.rng
        moods, weights = zip(*self.MOODS.items())
        self.mood = rng.choices(moods, weights)[0]
        self.mood_left = rng.choice((10, 20, 30, 60, 120, 240))
        if rng.random() < 0.7:  # mostly let go of what was held; sometimes a key stays stuck down
            self._release_keys(out, every=True)
            self._release_buttons(out, every=True)
        if self.mood == "walk":
            for key in rng.sample(MOVE_KEYS, rng.choice((1, 1, 1, 2))):
                self._tap(out, key, hold=rng.choice((15, 40, 90, 200, -1)))

    # -- one frame
    def frame(self) -> list[pygame.event.Event]:
        rng, out = self.rng, []
        self._release_keys(out)
        self._release_buttons(out)
        if self.mood_left <= 0:
            self._new_mood(out)
        self.mood_left -= 1
        getattr(self, "_" + self.mood)(out)
        if rng.random() < 0.004:
            self._window(out)
        if rng.random() < 1 / 2500:
            out.append(ev(pygame.QUIT))
        return out

    def _menu(self, out):
        if self.rng.random() < 0.25:
            self._tap(out, self.rng.choice(MENU_KEYS))

    def _walk(self, out):
        rng = self.rng
        if rng.random() < 0.03:
            self._tap(out, rng.choice(MOVE_KEYS), hold=rng.choice((10, 30, 80)))
        if rng.random() < 0.04:
            self._tap(out, rng.choice(PLAY_KEYS), hold=rng.choice((1, 5, 20, 45)))
        if rng.random() < 0.01:
            self._tap(out, pygame.K_RETURN)
        if rng.random() < 0.004:
            self._tap(out, pygame.K_ESCAPE)

    def _mash(self, out):
        rng = self.rng
        for _ in range(rng.choice((0, 1, 1, 2, 4))):
            r = rng.random()
            if r < 0.6:
                key = self._any_key()
                if key in self.keys:
                    out.append(key_event(False, key))
                    del self.keys[key]
                else:
                    out.append(key_event(True, key, rng.choice(MODS), scancode=rng.randrange(512)))
                    self.keys[key] = rng.choice((0, 2, 10, 60, -1))
            elif r < 0.7:
                out.append(key_event(False, self._any_key()))  # a key let go that was never pressed
            elif r < 0.85:
                self._mouse(out)
            elif r < 0.95:
                self._pad(out)
            else:
                out.append(self._odd_event())

    def _pad(self, out):
        rng = self.rng
        if rng.random() < 0.01:
            if rng.random() < 0.5:
                out.append(ev(pygame.CONTROLLERDEVICEADDED, device_index=rng.randrange(4)))
                self.pads.append(rng.randrange(8))
            else:
                out.append(ev(pygame.CONTROLLERDEVICEREMOVED, instance_id=rng.choice(self.pads + [99])))
        pad = rng.choice(self.pads)
        if rng.random() < 0.12:
            button = rng.choice(PAD_BUTTONS)
            if (pad, button) not in self.buttons:
                out.append(ev(pygame.CONTROLLERBUTTONDOWN, instance_id=pad, button=button))
                self.buttons[(pad, button)] = rng.choice((0, 1, 3, 20, 90))
        if rng.random() < 0.2:
            value = rng.choice((-32768, 32767, 0, 0, rng.randint(-32768, 32767), rng.randint(-6000, 6000)))
            out.append(ev(pygame.CONTROLLERAXISMOTION, instance_id=pad, axis=rng.choice(PAD_AXES), value=value))

    def _mouse(self, out):
        rng = self.rng
        r = rng.random()
        if r < 0.5:
            x, y = self.mouse
            self.mouse = (x + rng.randint(-80, 80), y + rng.randint(-60, 60))
            if rng.random() < 0.05:
                self.mouse = (rng.randint(-50, 2000), rng.randint(-50, 1200))  # off the window, too
            out.append(ev(pygame.MOUSEMOTION, pos=self.mouse, rel=(self.mouse[0] - x, self.mouse[1] - y),
                          buttons=tuple(int(b in self.mouse_buttons) for b in (1, 2, 3)), touch=False, window=None))
        elif r < 0.75:
            button = rng.choice((1, 1, 1, 2, 3, 3, 4, 5, 6, 7))
            kind = pygame.MOUSEBUTTONUP if button in self.mouse_buttons else pygame.MOUSEBUTTONDOWN
            self.mouse_buttons.symmetric_difference_update({button})
            out.append(ev(kind, pos=self.mouse, button=button, touch=False, window=None))
        elif r < 0.9:
            x, y = rng.choice(((0, 1), (0, -1), (1, 0), (0, 3), (-2, -5)))
            out.append(ev(pygame.MOUSEWHEEL, x=x, y=y, precise_x=float(x), precise_y=float(y), flipped=False,
                          touch=False, window=None))
        else:
            out.append(ev(rng.choice((pygame.WINDOWENTER, pygame.WINDOWLEAVE)), window=None))

    def _idle(self, out):
        pass

    def _odd_event(self) -> pygame.event.Event:
        rng = self.rng
        return rng.choice((
            lambda: ev(pygame.TEXTINPUT, text=rng.choice(("e", "é", "\n", "日本", "")), window=None),
            lambda: ev(pygame.JOYBUTTONDOWN, joy=0, instance_id=0, button=rng.randrange(16)),
            lambda: ev(pygame.JOYAXISMOTION, joy=0, instance_id=0, axis=rng.randrange(6), value=rng.uniform(-1, 1)),
            lambda: ev(pygame.JOYHATMOTION, joy=0, instance_id=0, hat=0, value=(rng.choice((-1, 0, 1)), 0)),
            lambda: ev(pygame.USEREVENT, code=rng.randrange(10)),
            lambda: ev(pygame.DROPFILE, file="/tmp/nothing.tmx", window=None),
            lambda: ev(pygame.KEYMAPCHANGED),
            lambda: ev(pygame.ACTIVEEVENT, gain=rng.choice((0, 1)), state=rng.choice((1, 2, 4))),
        ))()

    def _window(self, out):
        rng = self.rng
        r = rng.random()
        if r < 0.3:
            out.append(ev(pygame.WINDOWFOCUSLOST, window=None))
            if rng.random() < 0.8:
                out.append(ev(pygame.WINDOWFOCUSGAINED, window=None))
        elif r < 0.4:
            out += [ev(pygame.WINDOWMINIMIZED, window=None), ev(pygame.WINDOWRESTORED, window=None)]
        elif r < 0.6:
            out.append(ev(rng.choice((pygame.WINDOWFOCUSGAINED, pygame.WINDOWEXPOSED, pygame.WINDOWSHOWN,
                                      pygame.WINDOWMAXIMIZED, pygame.WINDOWTAKEFOCUS)), window=None))
        else:
            # The window manager resizes the window: the surface changes size, then SDL says so.
            w, h = rng.choice(WINDOW_SIZES)
            pygame.display.set_mode((w, h), pygame.RESIZABLE)
            out += [ev(pygame.VIDEORESIZE, size=(w, h), w=w, h=h),
                    ev(pygame.WINDOWRESIZED, x=w, y=h, window=None),
                    ev(pygame.WINDOWSIZECHANGED, x=w, y=h, window=None)]


# --------------------------------------------------------------------- watching the game
class Ending:
    """Who emptied the stack (the game ends when it is empty): recorded by `SceneStack.clear`."""

    def __init__(self):
        self.reason: str | None = None
        self.detail = ""

    def install(self, monkeypatch):
        original = SceneStack.clear
        ending = self

        def clear(stack):
            if ending.reason is None and stack.scenes:
                ending.reason, ending.detail = ending._why(stack)
            original(stack)

        monkeypatch.setattr(SceneStack, "clear", clear)

    @staticmethod
    def _why(stack) -> tuple[str, str]:
        top = stack.top
        caller = sys._getframe(2).f_code
        if caller is App.frame.__code__:  # the App empties it on a QUIT event (whatever is highlighted)
            return "quit event", ""
        if isinstance(top, TitleScene) and top.menu.items[top.menu.index].label == "Quit":
            return "title quit", ""
        if caller is App.close.__code__:
            return "closed", ""
        import traceback

        return "unexpected", "".join(traceback.format_stack(limit=8))


def guard_input(monkeypatch, seen: list) -> None:
    """Every scene's `handle_event` notes an event that reached it while a scene above it does not
    pass input on (the keys that fell through the level to the title menu under it)."""
    from game.scenes import (chapter_card, chapter_select, controls, dialogue, epilogue, level, options,  # noqa: F401
                             pause, summary, title)
    from game.scenes.stack import Scene

    def classes(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from classes(sub)

    for cls in set(classes(Scene)):
        if "handle_event" not in cls.__dict__:
            continue
        original = cls.__dict__["handle_event"]

        def handle_event(self, event, _original=original):
            scenes = self.stack.scenes
            if self in scenes:
                above = scenes[scenes.index(self) + 1:]
                if not all(scene.passes_input for scene in above):
                    seen.append(f"{pygame.event.event_name(event.type)} {event.dict} reached {type(self).__name__} "
                                f"under {[type(s).__name__ for s in above]}")
            return _original(self, event)

        monkeypatch.setattr(cls, "handle_event", handle_event)


class Files:
    """The player's files: each time one changes, it must load with no notice."""

    def __init__(self, folder: Path, first_chapter: str):
        self.folder, self.first_chapter = folder, first_chapter
        self.seen: dict[str, tuple] = {}
        self.loads = 0

    def _changed(self, path: Path) -> bool:
        try:
            st = path.stat()
        except FileNotFoundError:
            return False
        mark = (st.st_ino, st.st_mtime_ns, st.st_size)
        if self.seen.get(path.name) == mark:
            return False
        self.seen[path.name] = mark
        return True

    def check(self) -> None:
        save = self.folder / SAVE_FILE
        if self._changed(save):
            self.loads += 1
            notices: list[str] = []
            SaveData.from_json(json.loads(save.read_text()), notices)  # raises on a damaged save
            assert notices == [], f"the save on disk loads with notices: {notices}"
            _, notices = SaveStore(self.folder, self.first_chapter).load()
            assert notices == [], f"the save on disk loads with notices: {notices}"
        settings = self.folder / SETTINGS_FILE
        if self._changed(settings):
            _, notices = Settings.from_json(json.loads(settings.read_text()))
            assert notices == [], f"the settings on disk load with notices: {notices}"


class Run:
    """One seed: Apps opened on its save folders, frames driven with every rule checked."""

    def __init__(self, seed: int, monkeypatch, home: Path, ending: Ending, campaigns: dict[str, list[Chapter]]):
        self.seed = seed
        self.campaigns = campaigns  # the chapters of each save folder under `home`
        self.misrouted: list[str] = []  # input that reached a scene under the top one
        guard_input(monkeypatch, self.misrouted)
        self.monkeypatch = monkeypatch
        self.home = home
        self.ending = ending
        self.app: App | None = None
        self.chapters = None
        self.files: Files | None = None
        self.screens: Counter = Counter()  # monkey frames by the kind of screen on top
        self.moves: Counter = Counter()  # (shape before, shape after) the monkey caused
        self.restarts = Counter()  # how the monkey ended the game, each followed by a new App
        self.frames = 0  # the monkey's
        self.all_frames = 0  # with those that reached each start
        self.where = ""
        self.recent: deque = deque(maxlen=12)

    def open(self, options: Options | None = None, campaign: str = "story") -> App:
        self.close()
        folder = self.home / campaign
        self.monkeypatch.setenv("REDEMPTION_HOME", str(folder))
        self.chapters = self.campaigns[campaign]
        self.campaign = campaign
        self.files = Files(folder, self.chapters[0].id)
        self.options = options or Options()
        self.app = App(self.options, self.chapters)
        self.app.start()
        self.ending.reason = None
        self.check()
        return self.app

    def close(self) -> None:
        if self.app is not None:
            app, self.app = self.app, None
            app.close()

    def check(self) -> None:
        app = self.app
        now = shape(app)
        assert len(now) <= MAX_DEPTH, f"the stack is {len(now)} deep: {now}"
        assert sum(name == "Level" for name in now) <= 1, f"more than one level on the stack: {now}"
        assert now in LEGAL_SHAPES, f"the stack has a shape campaign.py does not allow: {now}"
        assert not self.misrouted, f"input acted in a screen below the top one: {self.misrouted[0]}"
        self.files.check()

    def frame(self, events=(), elapsed: float = DT) -> bool:
        """Post `events`, run one frame, check everything. False when the game ended (by a Quit)."""
        self.all_frames += 1
        for event in events:
            pygame.event.post(event)
        self.recent.append([pygame.event.event_name(e.type) + (f"({e.key})" if hasattr(e, "key") else "")
                            for e in events])
        if self.app.frame(elapsed):
            self.check()
            return True
        why = self.ending.reason
        quit_posted = any(e.type == pygame.QUIT for e in events)
        pressed = any((e.type == pygame.KEYDOWN and e.key in QUIT_KEYS)
                      or (e.type == pygame.CONTROLLERBUTTONDOWN and e.button in QUIT_BUTTONS) for e in events)
        assert (why == "quit event" and quit_posted) or (why == "title quit" and pressed), (
            f"the game ended ({why}) without the monkey choosing Quit; events this frame: {self.recent[-1]}"
            f"\n{self.ending.detail}")
        self.restarts[why] += 1
        return False

    # -- deliberate moves, by events, to reach a screen
    def tap(self, key: int, frames: int = 1) -> None:
        assert self.frame([key_event(True, key)]), f"{pygame.key.name(key)} ended the game"
        assert self.frame([key_event(False, key)])
        for _ in range(frames - 1):
            assert self.frame()

    def until(self, done, frames: int = 900, each=None) -> None:
        for i in range(frames):
            if done():
                return
            assert self.frame(each(i) if each else ()), "the game ended on the way"
        assert done(), f"{self.where}: not reached in {frames} frames (stack {shape(self.app)})"

    def choose(self, label: str) -> None:
        """Down on the top screen's menu until `label` is chosen, then Enter."""
        menu = self.app.stack.top.menu
        labels = [item.label for item in menu.items]
        assert label in labels, f"{label!r} is not on the menu: {labels}"
        target = labels.index(label)
        for _ in range(len(labels)):
            if self.app.stack.top.menu.index == target:
                break
            self.tap(pygame.K_DOWN)
        assert self.app.stack.top.menu.index == target
        self.tap(pygame.K_RETURN)

    def option_row(self, label: str) -> None:
        scene = self.app.stack.top
        for _ in range(len(scene.rows)):
            if scene.rows[scene.index][0] == label:
                break
            self.tap(pygame.K_DOWN)
        assert scene.rows[scene.index][0] == label
        self.tap(pygame.K_RETURN)

    def on_top(self, *names: str):
        return lambda: shape(self.app)[-1] in names

    # -- the monkey
    def monkey(self, frames: int) -> None:
        rng = random.Random(f"{self.seed}:{self.where}")
        monkey = Monkey(rng)
        for i in range(frames):
            before = shape(self.app)
            self.screens[before[-1]] += 1
            events = monkey.frame()
            elapsed = DT if rng.random() > 0.01 else rng.choice((0.0, 0.25, 1.0))  # a frame of no time, or a stall
            try:
                alive = self.frame(events, elapsed)
            except Exception as exc:
                raise AssertionError(f"seed {self.seed}, start {self.where!r}, monkey frame {i}: {exc!r}\n"
                                     f"last frames' events: {list(self.recent)}") from exc
            self.frames += 1
            if not alive:
                self.open(Options(), self.campaign)  # the player starts the game again
                continue
            after = shape(self.app)
            if after != before:
                self.moves[(before, after)] += 1


def mini_campaign(folder: Path) -> list[Chapter]:
    """Two short rooms (a checkpoint, then the exit four tiles from the spawn): a monkey walking
    right finishes them, and so reaches the summary and the epilogue by itself."""
    cols, rows = 9, 5
    floor = ",\n".join(",".join("1" for _ in range(cols)) for _ in range(rows))
    walls = ",\n".join(",".join("17" if r in (0, rows - 1) or c in (0, cols - 1) else "0" for c in range(cols))
                       for r in range(rows))
    tmx = f"""<?xml version="1.0" encoding="UTF-8"?>
<map version="1.8" tiledversion="1.8.2" orientation="orthogonal" renderorder="right-down"
     width="{cols}" height="{rows}" tilewidth="32" tileheight="32" infinite="0" nextlayerid="5" nextobjectid="4">
 <tileset firstgid="1" source="{ROOT / 'maps' / 'tilesets' / 'garage.tsx'}"/>
 <layer id="1" name="floor" width="{cols}" height="{rows}"><data encoding="csv">
{floor}
</data></layer>
 <layer id="2" name="walls" width="{cols}" height="{rows}"><data encoding="csv">
{walls}
</data></layer>
 <objectgroup id="3" name="zones">
  <object id="1" type="Trigger" x="96" y="32" width="32" height="{(rows - 2) * 32}">
   <properties><property name="on_enter" value="checkpoint_middle"/></properties>
  </object>
  <object id="2" type="Exit" x="{(cols - 3) * 32}" y="32" width="64" height="{(rows - 2) * 32}"/>
 </objectgroup>
 <objectgroup id="4" name="actors">
  <object id="3" type="PlayerSpawn" x="48" y="80"><point/></object>
 </objectgroup>
</map>
"""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "room.tmx"
    path.write_text(tmx)
    leave = (Objective("exit", "Leave."),)
    return [Chapter("first", 1, "First", "A short room.", path, intro="kim_hurry", outro="kim_hurry", objectives=leave),
            Chapter("last", 2, "Last", "Another short room.", path, objectives=leave)]


# --------------------------------------------------------------------------- the starts
def _story(run, options=None):
    return run.open(options, "story")


def start_title(run):
    _story(run)


def _from_title(run, label, screen):
    _story(run)
    run.choose(label)
    run.until(run.on_top(screen), 5)


def start_chapters(run):
    _from_title(run, "Chapters", "ChapterSelect")


def start_options(run):
    _from_title(run, "Options", "Options")


def start_controls(run):
    start_options(run)
    run.option_row("Controls")
    run.until(run.on_top("Controls"), 5)


def start_card(run):
    _from_title(run, "New game", "ChapterCard")


def start_level(number):
    def start(run):
        _story(run, Options(chapter=number, skip_intro=True))
        run.until(run.on_top("Level"), 5)
    start.__name__ = f"start_level_{number}"
    return start


def start_conversation(run):
    _story(run, Options(chapter=1 + run.seed % 4))
    run.until(run.on_top("Dialogue"), 5)


def start_pause(run):
    _story(run, Options(chapter=1 + (run.seed + 1) % 4, skip_intro=True))
    run.tap(pygame.K_ESCAPE)
    run.until(run.on_top("Pause"), 5)


def start_pause_options(run):
    _story(run, Options(chapter=1 + (run.seed + 2) % 4, skip_intro=True))
    run.tap(pygame.K_ESCAPE)
    run.choose("Options")
    run.until(run.on_top("Options"), 5)
    if run.seed % 2:
        run.option_row("Controls")
        run.until(run.on_top("Controls"), 5)


def _press_on(run, names, key=pygame.K_RETURN):
    """Each 8th frame, Enter while one of these screens is on top; else nothing."""
    def each(i):
        if i % 8 == 0 and shape(run.app)[-1] in names:
            return [key_event(True, key)]
        if i % 8 == 1:
            return [key_event(False, key)]
        return []
    return each


def _walk_right_through(run, chapter_number):
    """A short room from its card to its summary: Enter through the card and the talk, walk right."""
    run.until(lambda: shape(run.app)[-1] == "Level" and run.app.stack.top.chapter.number == chapter_number,
              600, _press_on(run, ("ChapterCard", "Dialogue")))
    run.frame([key_event(True, pygame.K_d)])
    run.until(lambda: shape(run.app)[-1] != "Level", 600)
    run.frame([key_event(False, pygame.K_d)])
    run.until(run.on_top("Summary"), 900, _press_on(run, ("Dialogue",)))


def start_summary(run):
    run.open(Options(), "short")
    run.choose("New game")
    _walk_right_through(run, 1)


def start_epilogue(run):
    run.open(Options(chapter=2), "short")  # the last chapter
    _walk_right_through(run, 2)
    run.until(lambda: shape(run.app)[-1] != "Summary", 200, _press_on(run, ("Summary",)))
    run.until(run.on_top("Epilogue"), 5)


def start_short_title(run):
    run.open(Options(), "short")


STARTS = [start_title, start_chapters, start_options, start_controls, start_card, *map(start_level, (1, 2, 3, 4)),
          start_conversation, start_pause, start_pause_options, start_summary, start_epilogue, start_short_title]


@pytest.fixture
def story_chapters():
    return load_chapters()


def play(seed: int, frames_per_start: int, tmp_path, monkeypatch, story) -> Run:
    ending = Ending()
    ending.install(monkeypatch)
    run = Run(seed, monkeypatch, tmp_path, ending, {"story": story, "short": mini_campaign(tmp_path / "short-maps")})
    starts = list(STARTS)
    random.Random(seed).shuffle(starts)  # the save carries over: each order leaves different progress
    t0 = time.perf_counter()
    try:
        for start in starts:
            run.where = start.__name__.removeprefix("start_")
            try:
                start(run)
            except AssertionError as exc:
                raise AssertionError(f"seed {seed}, reaching {run.where!r}: {exc}") from exc
            run.monkey(frames_per_start)
    finally:
        run.close()
    seconds = time.perf_counter() - t0
    table = "  ".join(f"{name} {run.screens[name]}" for name in SCREENS)
    print(f"\nmonkey seed {seed}: {run.frames} monkey frames ({run.all_frames - run.frames} more to reach "
          f"{len(starts)} starts) in {seconds:.1f} s; frames on top: {table}; "
          f"games ended by the monkey: {dict(run.restarts)}; screen changes it made: {sum(run.moves.values())} "
          f"({len(run.moves)} kinds)")
    missing = [name for name in SCREENS if run.screens[name] == 0]
    assert not missing, f"seed {seed}: the monkey never spent a frame on {missing}"
    return run


@pytest.mark.parametrize("seed", fast_first(SEEDS, [f"seed{s}" for s in SEEDS]))
def test_the_monkey_breaks_no_rule_from_any_screen(seed, tmp_path, monkeypatch, story_chapters):
    run = play(seed, FRAMES_PER_START, tmp_path, monkeypatch, story_chapters)
    assert run.frames == FRAMES_PER_START * len(STARTS)
    # It moved between screens by itself, not only where it was put.
    assert sum(run.moves.values()) >= 15, run.moves


@pytest.mark.slow
@pytest.mark.parametrize("seed", SOAK_SEEDS, ids=[f"soak{s}" for s in SOAK_SEEDS])
def test_the_monkey_soak(seed, tmp_path, monkeypatch, story_chapters):
    play(seed, SOAK_FRAMES_PER_START, tmp_path, monkeypatch, story_chapters)
