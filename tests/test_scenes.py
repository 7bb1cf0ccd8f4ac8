"""The scene stack's lifecycle: push, pop and replace call the hooks in order."""

from game.scenes.stack import Scene, SceneStack


class Recording(Scene):
    def __init__(self, name, log, opaque=True, consumes=False):
        self.name, self.log, self.opaque, self.consumes = name, log, opaque, consumes

    def enter(self, stack):
        super().enter(stack)
        self.log.append(f"{self.name}.enter")

    def exit(self):
        self.log.append(f"{self.name}.exit")

    def pause(self):
        self.log.append(f"{self.name}.pause")

    def resume(self):
        self.log.append(f"{self.name}.resume")

    def update(self, dt):
        self.log.append(f"{self.name}.update")

    def handle_event(self, event):
        self.log.append(f"{self.name}.event")
        return self.consumes

    def draw(self, surface, alpha):
        self.log.append(f"{self.name}.draw")


def test_push_pop_replace_order():
    log = []
    stack = SceneStack()
    a, b, c = Recording("a", log), Recording("b", log), Recording("c", log)
    stack.push(a)
    stack.push(b)
    stack.replace(c)
    stack.pop()
    assert log == ["a.enter", "a.pause", "b.enter", "b.exit", "c.enter", "c.exit", "a.resume"]
    assert stack.top is a


def test_every_pause_is_matched_by_a_resume_and_clear_exits_all():
    log = []
    stack = SceneStack()
    stack.push(Recording("a", log))
    stack.push(Recording("b", log))
    stack.pop()
    stack.push(Recording("c", log))
    stack.clear()
    assert log.count("a.pause") == 2 and log.count("a.resume") == 1
    assert log[-2:] == ["c.exit", "a.exit"] and not stack


def test_only_the_top_updates_and_input_goes_down_until_consumed():
    log = []
    stack = SceneStack()
    stack.push(Recording("a", log, consumes=True))
    stack.push(Recording("b", log))
    log.clear()
    stack.update(1 / 60)
    stack.handle_event(object())
    assert log == ["b.update", "b.event", "a.event"]


def test_drawing_starts_at_the_highest_opaque_scene():
    log = []
    stack = SceneStack()
    stack.push(Recording("a", log))
    stack.push(Recording("b", log))
    stack.push(Recording("c", log, opaque=False))
    log.clear()
    stack.draw(None, 0.0)
    assert log == ["b.draw", "c.draw"]
