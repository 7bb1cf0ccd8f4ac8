"""The finale, headless: the tape runs only while Jesse listens close and unseen; Marco reacts;
the trap seals him in; the sirens count down. (A Jesse who dawdles after the trap loses to the
sirens: tests/scenarios/sirens_run_out.scenario.toml.)"""

from game.world.intent import IDLE, Intent
from scenario import Script, run, tile_centre, toward, world_for


def marco(world):
    return next(g for g in world.guards if g.faction == "marco")


def plant(world):
    """Take the recorder, walk (quietly) to the planting spot behind Marco, and stay."""
    return run(world, Script(("go", [(3, 1)]), ("press",), ("go", [(8, 3), (10, 3), (11, 5)])), 30,
               until=lambda w, ev: "plant" in w.objectives.done)


def test_a_planted_recorder_is_no_longer_carried():
    world = world_for("finale.tmx")
    run(world, Script(("go", [(3, 1)]), ("press",)), 10, until=lambda w, ev: "recorder" in w.objectives.done)
    assert world.objectives.carried() == ["Recorder"]
    plant(world)
    assert world.objectives.carried() == []  # the objective `leaves` it where Marco talks


def test_the_tape_advances_only_while_jesse_listens_close_and_unseen():
    world = world_for("finale.tmx")
    confession = world.confessions[0]
    # Before the recorder is planted, Marco says nothing worth recording.
    run(world, lambda w: IDLE, 2)
    assert confession.progress == 0.0 and not confession.talking
    events = plant(world)
    assert "plant" in world.objectives.done
    events += run(world, lambda w: IDLE, 2)
    assert confession.talking and 0.0 < confession.progress < 1.0
    # Out of earshot (back in the first room), the tape stops.
    events += run(world, lambda w: toward(w, tile_centre(3, 4), "sneak"), 12)
    held = confession.progress
    events += run(world, lambda w: IDLE, 2)
    assert confession.progress == held and not confession.advancing
    # Back in earshot, it runs to the end: the confession objective is done.
    events += run(world, lambda w: toward(w, tile_centre(11, 5), "sneak"), 30,
                  until=lambda w, ev: "confession" in w.objectives.done)
    assert confession.progress == 1.0
    marks = [e["progress"] for e in events if e["type"] == "recording"]
    assert marks == [0.25, 0.5, 0.75]
    assert not [e for e in events if e["type"] == "guard_state"]


def test_marco_who_hears_jesse_stops_talking():
    world = world_for("finale.tmx")
    plant(world)
    run(world, lambda w: IDLE, 1)
    assert world.confessions[0].talking
    # Sprinting right behind him is heard.
    events = run(world, lambda w: toward(w, tile_centre(15, 4), "sprint"), 3)
    changes = [e for e in events if e["type"] == "guard_state" and e["guard"] == marco(world).id]
    assert changes and changes[0]["to"] == "suspicious"
    assert any(e["type"] == "marco_silent" for e in events)
    held = world.confessions[0].progress
    run(world, lambda w: IDLE, 0.5)
    assert world.confessions[0].progress == held


def test_the_trap_seals_marco_in_and_the_sirens_count_down():
    world = world_for("finale.tmx")
    plant(world)
    run(world, lambda w: IDLE, 30, until=lambda w, ev: "confession" in w.objectives.done)
    events = run(world, Script(("go", [(10, 3), (8, 3), (4, 5), (4, 6), (8, 7)])), 30,
                 until=lambda w, ev: w.countdown is not None)
    sealed = [e for e in events if e["type"] == "door" and e.get("sealed")]
    assert len(sealed) == 1
    door = world.doors.doors[0]
    assert not door.open and world.grid.is_blocked_cell(9, 3)
    # Pressing interact at the sealed door does nothing but say it is locked.
    start = world.countdown
    assert 0 < start <= 20 * 60
    events = run(world, Script(("go", [(17, 7)], "sprint")), 20)
    assert world.outcome == "complete" and world.countdown < start


def test_checkpoint_snapshot_keeps_the_tape_and_the_countdown():
    from game.world.world import World

    world = world_for("finale.tmx")
    plant(world)
    run(world, lambda w: IDLE, 2)
    snap = world.snapshot()
    back = World.restore(world.level, world.seed, snap)
    assert back.confessions[0].progress == world.confessions[0].progress
    assert back.guards[back.confessions[0].guard_index].faction == "marco"
    assert back.snapshot() == snap


def test_the_tape_subtitles_follow_the_players_subtitle_size():
    import pygame

    from game.render.finale_hud import FinaleHud

    pygame.font.init()
    world = world_for("finale.tmx")
    plant(world)
    run(world, lambda w: IDLE, 2)
    assert world.confessions[0].talking

    def subtitle_height(scale):
        surface = pygame.Surface((1280, 720))
        FinaleHud(world, scale).draw(surface, world)
        lower = pygame.surfarray.array3d(surface)[:, 360:]  # the tape's meter is at the top; subtitles below
        rows = lower.max(axis=(0, 2)).nonzero()[0]
        return int(rows.max() - rows.min()) if len(rows) else 0

    small, large = subtitle_height(0.75), subtitle_height(1.5)
    assert 0 < small < large


def test_memories_and_the_tape_take_the_subtitle_size_chosen_in_options_even_mid_level():
    import pygame

    from game.render.assets import Assets
    from game.scenes.dialogue import DialogueScene
    from game.scenes.level import LevelScene
    from game.scenes.stack import SceneStack
    from game.services import Services
    from game.settings import Settings
    from game.world.level import load_level
    from conftest import TEST_MAPS

    pygame.init()
    pygame.display.set_mode((320, 200))

    services = Services(settings=Settings(subtitle_size=1.5))
    scene = LevelScene(load_level(TEST_MAPS / "finale.tmx"), "finale", Assets(), None,
                       scripted_input=lambda w: IDLE)
    stack = SceneStack(services=services)
    stack.push(scene)
    scene._say("kim_hurry")
    assert isinstance(stack.top, DialogueScene) and stack.top.text_size == round(32 * 1.5)
    stack.pop()
    assert scene.finale_hud.scale == 1.5
    services.settings = Settings(subtitle_size=0.75)  # changed in Options over the pause menu
    scene.pause()
    scene.resume()
    assert scene.finale_hud.scale == 0.75
