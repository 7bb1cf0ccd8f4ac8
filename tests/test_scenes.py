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


def test_only_the_top_updates_and_owns_input_even_what_it_does_not_use():
    log = []
    stack = SceneStack()
    stack.push(Recording("a", log, consumes=True))
    stack.push(Recording("b", log))  # uses nothing
    log.clear()
    stack.update(1 / 60)
    assert stack.handle_event(object()) is False
    assert log == ["b.update", "b.event"]  # the scene below never hears it


def test_an_overlay_that_passes_input_on_says_so():
    log = []
    stack = SceneStack()
    stack.push(Recording("a", log, consumes=True))
    overlay = Recording("b", log, opaque=False)
    overlay.passes_input = True
    stack.push(overlay)
    log.clear()
    assert stack.handle_event(object()) is True
    assert log == ["b.event", "a.event"]


def test_every_change_of_top_is_told_and_pop_to_wakes_only_the_new_top():
    log, told = [], []
    stack = SceneStack(on_top_changed=lambda: told.append(stack.top.name if stack.top else None))
    stack.push(Recording("a", log))
    stack.push(Recording("b", log))
    stack.push(Recording("c", log))
    stack.replace(Recording("d", log))
    log.clear()
    stack.pop_to(1)
    assert log == ["d.exit", "b.exit", "a.resume"]  # b is not resumed on the way down
    stack.pop_to(1)  # already there: nothing happens
    stack.clear()
    assert told == ["a", "b", "c", "d", "a", None]


def test_drawing_starts_at_the_highest_opaque_scene():
    log = []
    stack = SceneStack()
    stack.push(Recording("a", log))
    stack.push(Recording("b", log))
    stack.push(Recording("c", log, opaque=False))
    log.clear()
    stack.draw(None, 0.0)
    assert log == ["b.draw", "c.draw"]
