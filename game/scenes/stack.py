"""The scene stack: push, pop and replace, with a strict lifecycle.

Lifecycle, always in this order:
- push(new):    top.pause(), then new.enter(stack)
- pop():        top.exit(), then the scene below .resume()
- replace(new): top.exit(), then new.enter(stack) (the scene below stays paused)

Only the top scene is updated (one call per fixed simulation tick).

Input belongs to the scene on top, decided here and nowhere else: an event goes to the
top scene and, whatever it does with it, no further, so a key a screen does not use can
never act in the screen beneath it (a step key in play moving the hidden title menu).
An overlay that wants the scene below to hear what it does not use says so with
`passes_input = True`. Whenever the top scene changes, `on_top_changed` is called: the
App lets go of every key and button held so far, so a key held down in one screen is not
still "held" in the next.

Drawing goes bottom-up, starting at the highest opaque scene, and never changes game state.
"""

from __future__ import annotations

from ..services import Services


class Scene:
    """One screen. Override what you need; every hook has a do-nothing default."""

    #: An opaque scene hides everything below it, so those are not drawn.
    opaque = True
    #: Events this scene does not use go on to the scene below (no scene does today).
    passes_input = False
    #: This scene is play: the controller's sticks move Jesse, losing focus pauses it.
    in_play = False

    stack: "SceneStack"

    def enter(self, stack: "SceneStack") -> None:
        self.stack = stack

    def exit(self) -> None:
        pass

    def pause(self) -> None:
        """Another scene was pushed on top of this one."""

    def resume(self) -> None:
        """The scene on top of this one was popped."""

    def handle_event(self, event) -> bool:
        """Return True when the event was used (it then goes no further down)."""
        return False

    def update(self, dt: float) -> None:
        """Advance by one fixed tick of `dt` seconds."""

    def draw(self, surface, alpha: float) -> None:
        """Draw; `alpha` is how far we are between two ticks (0..1). Never changes state."""


class SceneStack:
    def __init__(self, on_top_changed=None, services: Services | None = None):
        self.scenes: list[Scene] = []
        self.on_top_changed = on_top_changed  # called after every push, pop, replace and clear
        self.services = services or Services()  # what every scene shares (game/services.py)

    @property
    def top(self) -> Scene | None:
        return self.scenes[-1] if self.scenes else None

    def __bool__(self) -> bool:
        return bool(self.scenes)

    def push(self, scene: Scene) -> None:
        if self.scenes:
            self.scenes[-1].pause()
        self.scenes.append(scene)
        scene.enter(self)
        self._top_changed()

    def pop(self) -> Scene:
        scene = self.scenes.pop()
        scene.exit()
        if self.scenes:
            self.scenes[-1].resume()
        self._top_changed()
        return scene

    def replace(self, scene: Scene) -> None:
        if self.scenes:
            self.scenes.pop().exit()
        self.scenes.append(scene)
        scene.enter(self)
        self._top_changed()

    def pop_to(self, depth: int) -> None:
        """Pop until `depth` scenes are left: each one above exits, and only the one left on top
        resumes (the scenes in between are not woken on the way)."""
        if len(self.scenes) <= depth:
            return
        while len(self.scenes) > depth:
            self.scenes.pop().exit()
        if self.scenes:
            self.scenes[-1].resume()
        self._top_changed()

    def clear(self) -> None:
        while self.scenes:
            self.scenes.pop().exit()
        self._top_changed()

    def _top_changed(self) -> None:
        if self.on_top_changed is not None:
            self.on_top_changed()

    def handle_event(self, event) -> bool:
        """Give `event` to the top scene (and below it only through scenes that pass input on).
        True when a scene used it."""
        for scene in reversed(list(self.scenes)):
            if scene.handle_event(event):
                return True
            if not scene.passes_input:
                return False
        return False

    def update(self, dt: float) -> None:
        if self.scenes:
            self.scenes[-1].update(dt)

    def draw(self, surface, alpha: float) -> None:
        start = 0
        for i in range(len(self.scenes) - 1, -1, -1):
            if self.scenes[i].opaque:
                start = i
                break
        for scene in self.scenes[start:]:
            scene.draw(surface, alpha)
