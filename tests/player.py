"""A player's-eye harness: the real `App`, driven only by input events posted into SDL's queue.

Nothing here calls a scene or the world to make something happen. What the harness *reads*
(which scene is on top, where Jesse stands, `world.tick`, the line on screen) only decides
what to press next, as a player looking at the screen would.

The small API other tests use:

    post_key(key, down)            KEYDOWN / KEYUP (mod=0, unicode="", scancode=0)
    tap(key)                       a key pressed and let go (both events, same frame)
    post_axis(axis, value, pad)    CONTROLLERAXISMOTION (-32768..32767)
    post_button(button, down, pad) CONTROLLERBUTTONDOWN / UP;  tap_button(button, pad)
    post_mouse_move(pos)           MOUSEMOTION, window pixels (= canvas pixels at window scale 1)
    post_click(pos, button)        MOUSEBUTTONDOWN then MOUSEBUTTONUP
    running(options)               a started App for a `with` block, closed after it
    frame(app)                     one frame of DT (events, one tick, drawing), then the shape check
    run_frames(app, n, until)      up to n frames, stopping early once until() is true
    stack_shape(app)               the scene class names on the stack, bottom first
    assert_shape_ok(app)           the stack has one of the shapes the game promises (game/campaign.py)

`Player` builds on these: it keeps track of what it holds (the game lets go of every key and
stick whenever the top scene changes, so a held key is posted again after a conversation),
and plays a whole screen at a time: menus, cards, conversations, summaries, the epilogue, and
a level along its proven route (`maps/routes/<map>.json`) as keys and left-stick moves.
"""

from __future__ import annotations

import json
import math
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pygame

from game.app import App, Options
from game.input.gamepad import AXIS_MAX, DEADZONE
from game.scenes.chapter_card import ChapterCard
from game.scenes.dialogue import DialogueScene
from game.scenes.epilogue import EpilogueScene
from game.scenes.level import LevelScene
from game.scenes.summary import SummaryScene
from game.scenes.title import TitleScene
from game.world.intent import IDLE, Intent, IntentRuns
from game.world.tuning import DT, tuning_for
from game.world.world import World

ROUTES = Path(__file__).resolve().parent.parent / "maps" / "routes"
PAD = 0  # the instance id of the harness's controller: SDL's dummy driver has none, the first event makes it

# --------------------------------------------------------------------------- posting input


def post_key(key: int, down: bool = True) -> None:
    kind = pygame.KEYDOWN if down else pygame.KEYUP
    pygame.event.post(pygame.event.Event(kind, key=key, mod=0, unicode="", scancode=0))


def tap(key: int) -> None:
    post_key(key, True)
    post_key(key, False)


def post_axis(axis: int, value: int, pad: int = PAD) -> None:
    pygame.event.post(pygame.event.Event(pygame.CONTROLLERAXISMOTION, instance_id=pad, axis=axis, value=int(value)))


def post_button(button: int, down: bool = True, pad: int = PAD) -> None:
    kind = pygame.CONTROLLERBUTTONDOWN if down else pygame.CONTROLLERBUTTONUP
    pygame.event.post(pygame.event.Event(kind, instance_id=pad, button=button))


def tap_button(button: int, pad: int = PAD) -> None:
    post_button(button, True, pad)
    post_button(button, False, pad)


def post_mouse_move(pos: tuple[int, int]) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=tuple(pos), rel=(0, 0), buttons=(0, 0, 0)))


def post_click(pos: tuple[int, int], button: int = 1) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=tuple(pos), button=button))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=tuple(pos), button=button))


# --------------------------------------------------------------------------- running and the stack

MAX_DEPTH = 5  # Title, Level, Pause, Options, Controls
_SHAPE = re.compile(
    r"TitleScene"
    r"( (ChapterSelect|ChapterCard|SummaryScene|EpilogueScene|ReplayScene|OptionsScene( ControlsScene)?"
    r"|LevelScene( (DialogueScene|PauseScene( OptionsScene( ControlsScene)?)?))?))?")


def stack_shape(app) -> tuple[str, ...]:
    return tuple(type(scene).__name__ for scene in app.stack.scenes)


def assert_shape_ok(app, ended: bool = False) -> None:
    """One of the shapes game/campaign.py promises; `ended=True` also accepts the empty stack of a
    game that was quit."""
    shape = stack_shape(app)
    if not shape and ended:
        return
    assert len(shape) <= MAX_DEPTH, f"stack deeper than {MAX_DEPTH}: {shape}"
    assert shape.count("LevelScene") <= 1, f"two levels on the stack: {shape}"
    assert _SHAPE.fullmatch(" ".join(shape)), f"not a shape the game promises: {shape}"


@contextmanager
def running(options: Options | None = None, chapters=None):
    """The real App, started (its window under SDL's dummy driver), and always closed after."""
    app = App(options or Options(), chapters)
    app.start()
    try:
        yield app
    finally:
        app.close()


def frame(app) -> bool:
    """One frame of exactly DT (so exactly one tick), then the shape check. False when the game ended."""
    alive = app.frame(DT)
    assert_shape_ok(app, ended=not alive)
    return alive


def run_frames(app, n: int, until=None) -> bool:
    """Up to `n` frames; True as soon as `until()` holds after a frame (False if it never did)."""
    for _ in range(n):
        assert frame(app), "the game ended"
        if until is not None and until():
            return True
    return False


# --------------------------------------------------------------------------- routes as devices

def _unit(dx: int, dy: int) -> tuple[float, float]:
    length = math.hypot(dx, dy) or 1.0
    return (dx / length, dy / length)


KEY_DIRECTIONS = {(dx, dy): _unit(dx, dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)}  # keys held -> the move
MOVE_KEYS = {(1, 0): pygame.K_d, (-1, 0): pygame.K_a, (0, 1): pygame.K_s, (0, -1): pygame.K_w}


def key_direction(move: tuple[float, float]) -> tuple[int, int] | None:
    """The arrow/WASD combination that gives exactly this move (within 1e-9), if any."""
    for keys, unit in KEY_DIRECTIONS.items():
        if abs(move[0] - unit[0]) < 1e-9 and abs(move[1] - unit[1]) < 1e-9:
            return keys
    return None


def stick_axes(move: tuple[float, float]) -> tuple[int, int]:
    """Left-stick axis values whose reading, after the radial dead zone's rescaling, is `move`
    (up to int16 quantisation). A full push is sent a hair past the rim so it reads as 1.0."""
    length = math.hypot(*move)
    if length < 1e-3:
        return (0, 0)
    raw = 1.0005 if length >= 1 - 1e-9 else DEADZONE + (1 - DEADZONE) * length
    return tuple(max(-32768, min(32767, round(v / length * raw * AXIS_MAX))) for v in move)


@dataclass(frozen=True)
class Hold:
    """What the player's hands hold for one tick: keys, left-stick axes, pad buttons, pad sneak."""

    keys: frozenset = frozenset()
    axes: tuple = (0, 0)
    buttons: frozenset = frozenset()
    pad_sneak: bool | None = None  # the B toggle this tick needs (None: does not matter)


def hold_for(intent: Intent) -> Hold:
    """How a player gives `intent`: keys when a key combination gives the move exactly (the stick
    rests, so the keyboard's intent is the one used), else the left stick with the sneak toggle
    (B), A to interact and RB to sprint (the controller's intent then wins)."""
    keys = key_direction(intent.move)
    if keys is not None:
        held = {MOVE_KEYS[(keys[0], 0)]} if keys[0] else set()
        if keys[1]:
            held.add(MOVE_KEYS[(0, keys[1])])
        held |= {k for k, on in ((pygame.K_LCTRL, intent.sneak), (pygame.K_LSHIFT, intent.sprint),
                                 (pygame.K_e, intent.interact)) if on}
        return Hold(keys=frozenset(held))
    buttons = {b for b, on in ((pygame.CONTROLLER_BUTTON_A, intent.interact),
                               (pygame.CONTROLLER_BUTTON_RIGHTSHOULDER, intent.sprint)) if on}
    return Hold(axes=stick_axes(intent.move), buttons=frozenset(buttons), pad_sneak=intent.sneak)


def load_route(map_name: str) -> dict:
    """maps/routes/<map>.json with `intents`, one Intent per route tick."""
    data = json.loads((ROUTES / f"{Path(map_name).stem}.json").read_text())
    data["intents"] = list(IntentRuns(data["runs"]).intents())
    return data


def reference_path(level, route: dict, difficulty: str = "normal") -> list[tuple[float, float]]:
    """Jesse's position after each route tick in a headless World fed the route's exact intents:
    [spawn, after tick 0, after tick 1, ...]. What the played route is measured against."""
    world = World(level, route["seed"], tuning_for(difficulty))
    path = [(world.player.x, world.player.y)]
    for intent in route["intents"]:
        world.step(intent)
        path.append((world.player.x, world.player.y))
    return path


# --------------------------------------------------------------------------- a player


@dataclass
class LevelWatch:
    """What the player saw of one level scene."""

    scene: LevelScene  # kept, so its log can be read once it has left the stack
    chapter: str | None
    map: str
    reference: list
    drift: float = 0.0  # the furthest Jesse was from the reference path at the same world tick, px
    conversations: int = 0  # conversations that opened over this level (intro, memories, Kim, outro)
    caught: bool = False


@dataclass
class Player:
    """One player at one running App. `act()` does what a player does on the screen on top for one
    frame; `play(until)` repeats it. `choose` is the title item the player picks (then forgets)."""

    app: object
    choose: str | None = "New game"
    pad: int = PAD
    keys: set = field(default_factory=set)
    axes: tuple = (0, 0)
    buttons: set = field(default_factory=set)
    pad_sneak: bool = False  # B toggles it; it outlives screens (a choice, not a button held)
    shapes: list = field(default_factory=list)  # every stack shape seen after a frame, repeats dropped
    watches: dict = field(default_factory=dict)  # id(LevelScene) -> LevelWatch
    routes: dict = field(default_factory=dict)  # map name -> (route, reference path)
    frames: int = 0
    dialogue: DialogueScene | None = None  # the conversation last read
    held_past_change: bool = False  # what was posted after the press that changes the screen still holds

    def __post_init__(self):
        self.top = self.app.stack.top
        self.shapes.append(stack_shape(self.app))

    # ------------------------------------------------------------ hands
    def hold(self, want: Hold) -> None:
        """Post what changed between what is held and `want`."""
        for key in self.keys - want.keys:
            post_key(key, False)
        for key in want.keys - self.keys:
            post_key(key, True)
        self.keys = set(want.keys)
        if want.pad_sneak is not None and want.pad_sneak != self.pad_sneak:
            tap_button(pygame.CONTROLLER_BUTTON_B, self.pad)
            self.pad_sneak = want.pad_sneak
        for axis, old, new in zip((pygame.CONTROLLER_AXIS_LEFTX, pygame.CONTROLLER_AXIS_LEFTY), self.axes, want.axes):
            if old != new:
                post_axis(axis, new, self.pad)
        self.axes = tuple(want.axes)
        for button in self.buttons - want.buttons:
            post_button(button, False, self.pad)
        for button in want.buttons - self.buttons:
            post_button(button, True, self.pad)
        self.buttons = set(want.buttons)

    def _forget(self) -> None:
        """The game let go of everything (a new screen on top): nothing is held any more."""
        self.keys, self.axes, self.buttons = set(), (0, 0), set()

    def press_then_hold(self, key: int, want: Hold) -> None:
        """Press `key`, which puts a new screen on top in this frame's input, then hold `want` in
        that new screen (the top changing lets go of everything before; nothing after)."""
        tap(key)
        self._forget()
        self.hold(want)
        self.held_past_change = True

    def frame(self) -> bool:
        alive = frame(self.app)
        self.frames += 1
        if self.app.stack.top is not self.top:
            self.top = self.app.stack.top
            if not self.held_past_change:
                self._forget()
        self.held_past_change = False
        shape = stack_shape(self.app)
        if shape != self.shapes[-1]:
            self.shapes.append(shape)
        self._look()
        return alive

    # ------------------------------------------------------------ eyes
    def level(self) -> LevelScene | None:
        return next((s for s in self.app.stack.scenes if isinstance(s, LevelScene)), None)

    def watch(self, level: LevelScene) -> LevelWatch:
        key = id(level)
        if key not in self.watches:
            name = level.level.path.name
            if name not in self.routes:
                route = load_route(name)
                self.routes[name] = (route, reference_path(level.level, route, level.difficulty or "normal"))
            self.watches[key] = LevelWatch(level, level.chapter.id if level.chapter else None, name,
                                           self.routes[name][1])
        return self.watches[key]

    def _look(self) -> None:
        level = self.level()
        if level is None:
            return
        watch, world = self.watch(level), level.world
        watch.caught = watch.caught or world.outcome == "caught" or level.restarts > 0
        if world.outcome is None and world.tick < len(watch.reference):
            here = (world.player.x, world.player.y)
            watch.drift = max(watch.drift, math.dist(here, watch.reference[world.tick]))

    def give(self, level: LevelScene, after: int | None = None) -> None:
        """Hold what the route asks for on the world's next tick (route ticks are world ticks, which
        stand still under a conversation); a throw is a left click on its target (window = canvas
        at window scale 1). `after`: a key pressed first, which puts the level on top."""
        self.watch(level)
        route, _ = self.routes[level.level.path.name]
        world = level.world
        intent = route["intents"][world.tick] if world.outcome is None and world.tick < len(route["intents"]) else IDLE
        if after is None:
            self.hold(hold_for(intent))
        else:
            self.press_then_hold(after, hold_for(intent))
        if intent.throw is not None:
            post_click(level.camera.to_screen(*intent.throw))

    # ------------------------------------------------------------ a frame, as a player
    def act(self) -> bool:
        """Look at the screen on top, press what a player would, run one frame."""
        top = self.app.stack.top
        if isinstance(top, TitleScene):
            if self.choose is not None:
                labels = [item.label for item in top.menu.items]
                assert self.choose in labels, f"the title offers {labels}, not {self.choose!r}"
                if labels[top.menu.index] == self.choose:
                    tap(pygame.K_RETURN)
                    self.choose = None
                else:
                    tap(pygame.K_DOWN)
        elif isinstance(top, (ChapterCard, SummaryScene, EpilogueScene)):
            tap(pygame.K_RETURN)  # early presses are swallowed (a card after 20 ticks, a summary after 30)
        elif isinstance(top, DialogueScene):
            self._read(top)
        elif isinstance(top, LevelScene):
            self.give(top)
        else:
            raise AssertionError(f"the player did not expect {stack_shape(self.app)}")
        return self.frame()

    def _read(self, dialogue: DialogueScene) -> None:
        """Enter: the whole line, then the next one (a choice: the one offered first). On the press
        that ends a conversation over a level in play, the level's next tick runs in the same frame,
        so what the route holds for that tick is posted right after it."""
        talk = dialogue.conversation
        line = talk.line
        closes = talk.fully_shown and len(talk.queue) == 1 and (
            not line.choices or not line.choices[talk.choice_index].lines)
        level = self.level()
        if dialogue is not self.dialogue:  # a conversation just opened
            self.dialogue = dialogue
            if level is not None:
                self.watch(level).conversations += 1
        below = self.app.stack.scenes[-2] if len(self.app.stack.scenes) > 1 else None
        if closes and below is level and level is not None and level.world.outcome is None:
            self.give(level, after=pygame.K_RETURN)
        else:
            tap(pygame.K_RETURN)

    def play(self, until, limit: int = 60 * 60 * 30) -> int:
        """act() until `until()` holds; the number of frames it took."""
        start = self.frames
        while not until():
            assert self.frames - start < limit, f"still not there after {limit} frames: {stack_shape(self.app)}"
            assert self.act(), "the game ended"
        return self.frames - start
