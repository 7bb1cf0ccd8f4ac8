"""Items, doors, objectives, exits and checkpoints, played through the headless simulation."""

from game.world.intent import IDLE, Intent
from game.world.world import World
from scenario import Route, run, tile_centre, toward, world_for


def press(world, n=1):
    """Tap interact once (a press is one tick held, then released)."""
    events = []
    for _ in range(n):
        events += world.step(Intent(interact=True))
        events += world.step(IDLE)
    return events


def walk(world, tiles, pace="sneak", seconds=20):
    route = Route(tiles, pace)
    return run(world, route, seconds, until=lambda w, ev: route.done)


def test_the_exit_is_closed_until_its_requirements_are_met_then_the_chapter_completes():
    world = world_for("progress.tmx")
    events = walk(world, [(3, 1)])
    events += press(world)
    taken = [e for e in events if e["type"] == "item_taken"]
    assert [(e["item"], e["label"]) for e in taken] == [("key", "Key")]
    assert world.objectives.carried() == ["Key"]
    events += walk(world, [(8, 3)])
    events += press(world)
    assert any(e["type"] == "door" and e["open"] for e in events)
    # Straight to the exit first: it stays closed and says what is missing.
    events += walk(world, [(10, 3), (17, 3), (17, 2)])
    blocked = [e for e in events if e["type"] == "exit_blocked"]
    assert len(blocked) == 1 and blocked[0]["missing"] == ["ledger"]
    assert world.outcome is None
    events += walk(world, [(12, 2)])
    assert [e["objective"] for e in events if e["type"] == "objective_done"] == ["ledger"]
    assert world.objectives.carried() == ["Key", "Ledger"]  # what the objective `gives`
    events += walk(world, [(17, 2)])
    assert world.outcome == "complete"
    assert [e["type"] for e in events].count("chapter_complete") == 1


def test_a_locked_door_stays_shut_without_its_item():
    world = world_for("progress.tmx")
    walk(world, [(8, 3)])
    events = press(world)
    assert [e["type"] for e in events if e["type"].startswith("door")] == ["door_locked"]
    assert events[0]["needs"] == "key"
    # What the prompt shows is what the press did: this door, locked for a Jesse without the key.
    kind, door = world.interaction()
    assert kind == "door" and door.id == events[0]["door"] and world.locked_for_jesse(door)
    assert world.objectives.label_of("key") == "Key"


def test_the_level_says_why_a_way_is_shut():
    import pygame

    from game.render.assets import Assets
    from game.scenes.level import LevelScene
    from game.scenes.stack import SceneStack
    from game.world.level import load_level
    from conftest import TEST_MAPS

    pygame.init()
    pygame.display.set_mode((320, 200))
    scene = LevelScene(load_level(TEST_MAPS / "progress.tmx"), "progress", Assets(), None)
    SceneStack().push(scene)
    scene._story([{"type": "door_locked", "door": 5, "needs": "key"}])
    assert scene.hud.notice == "Locked. Key would open it."
    scene._story([{"type": "exit_blocked", "exit": 8, "missing": ["ledger"]}])
    assert scene.hud.notice == "Get_out"  # the Exit's own words from the map
    for _ in range(200):
        scene.hud.tick()
    assert scene.hud.notice_ticks == 0


def test_checkpoint_restart_restores_the_exact_world_and_replays_the_same():
    world = world_for("progress.tmx")
    events = walk(world, [(3, 1)])
    events += press(world)
    events += walk(world, [(7, 2)])
    checkpoints = [e for e in events if e["type"] == "checkpoint"]
    assert [c["id"] for c in checkpoints] == ["checkpoint_hall"]
    snap = world.checkpoint
    assert snap is not None and snap["world"]["tick"] == checkpoints[0]["tick"] + 1
    # Play on: the key is used, the world moves.
    walk(world, [(8, 3)])
    press(world)
    assert world.tick > snap["world"]["tick"]

    restored = World.restore(world.level, world.seed, snap)
    assert restored.snapshot() == snap
    assert (restored.player.x, restored.player.y) == (snap["world"]["player"].x, snap["world"]["player"].y)
    assert "key" in restored.inventory and not restored.doors.doors[0].open

    def replay(w):
        return run(w, Route([(8, 3), (10, 3), (12, 2)], "walk"), 15)

    again = World.restore(world.level, world.seed, snap)
    first, second = replay(restored), replay(again)
    assert first == second
    assert first and first[0]["tick"] >= snap["world"]["tick"]


def test_stats_count_spotting_radio_and_distractions():
    world = world_for("ai_watch.tmx")
    from test_ai import PeekThenRun

    run(world, PeekThenRun(world), 20, until=lambda w, ev: any(e["type"] == "radio" for e in ev))
    assert world.stats["spotted"] == 1 and world.stats["alerts"] == 1
    world.step(Intent(throw=tile_centre(20, 5)))
    assert world.stats["distractions"] == 1


def test_every_catch_is_an_alert_raised_even_by_a_guard_with_no_radio():
    """The summary said "Alerts raised 0" after three catches: a guard without a radio group
    never radioed, and only radio calls were counted."""
    from game.world.lineage import restart

    world = world_for("ai_open.tmx")
    assert not world.guards[0].senses.group  # nobody to call
    for catch in range(1, 4):
        guard = world.guards[0]
        run(world, lambda w: toward(w, (guard.x, guard.y), "walk"), 30, until=lambda w, ev: w.outcome is not None)
        assert world.outcome == "caught"
        assert world.stats["alerts"] == catch and world.stats["spotted"] == catch
        world = restart(world)  # the counts carry on, as in the game
