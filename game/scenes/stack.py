"""The scene stack: push, pop and replace, with a strict lifecycle.

Lifecycle, always in this order:
- push(new):    top.pause(), then new.enter(stack)
- pop():        top.exit(), then the scene below .resume()
- replace(new): top.exit(), then new.enter(stack) (the scene below stays paused)

Only the top scene is updated (one call per fixed simulation tick). Input goes
to the top scene first and down the stack until one consumes it. Drawing goes
bottom-up, starting at the highest opaque scene, and never changes game state.
"""

from __future__ import annotations


class Scene:
    """One screen. Override what you need; every hook has a do-nothing default."""

    #: An opaque scene hides everything below it, so those are not drawn.
    opaque = True

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
    def __init__(self, services=None):
        self.scenes: list[Scene] = []
        # Shared services (window, assets, settings, audio) the scenes may use.
        self.services = services

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

    def pop(self) -> Scene:
        scene = self.scenes.pop()
        scene.exit()
        if self.scenes:
            self.scenes[-1].resume()
        return scene

    def replace(self, scene: Scene) -> None:
        if self.scenes:
            self.scenes.pop().exit()
        self.scenes.append(scene)
        scene.enter(self)

    def clear(self) -> None:
        while self.scenes:
            self.scenes.pop().exit()

    def handle_event(self, event) -> bool:
        for scene in reversed(list(self.scenes)):
            if scene.handle_event(event):
                return True
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
