"""Checkpoints on disk: the input that reached a checkpoint rebuilds the world exactly as it was,
a file that is not what it claims is refused, and Continue always points at the furthest chapter."""

import json

import pytest

from conftest import ROOT, TEST_MAPS
from game.replay import ReplayPlayer, load_replay
from game.story.save import CheckpointRecord, SaveData, SaveStore
from game.world.intent import Intent
from game.world.level import load_level
from game.world.lineage import Lineage, check_chain, rebuild, restart
from game.world.world import World
from scenario import progress_map_solution

GARAGE = ROOT / "maps" / "garage.tmx"


def play_until_checkpoints(world, lineage, player, count, restart_after_first=False):
    """Step `world` with `player` until `count` checkpoints are reached; the world and each chain."""
    chains, snaps = [], []
    for _ in range(60 * 200):
        intent = player(world)
        lineage.add(intent)
        world.step(intent)
        assert world.outcome is None
        if world.checkpoint_tick == world.tick:
            chains.append(lineage.reached_checkpoint())
            snaps.append(world.checkpoint)
            if len(chains) == count:
                return world, chains, snaps
            if restart_after_first and len(chains) == 1:
                world = restart(world)  # as "Restart from checkpoint" does
                lineage.restarted()
    raise AssertionError("not enough checkpoints reached")


def same_world(a: World, b: World) -> None:
    """Field by field: what a restore would give from each is the same."""
    sa, sb = a.snapshot(), b.snapshot()
    assert sa.keys() == sb.keys()
    for key in sa:
        assert sa[key] == sb[key], key


def test_the_input_that_reached_a_checkpoint_rebuilds_it_exactly():
    level = load_level(TEST_MAPS / "progress.tmx")
    world, (chain,), (snap,) = play_until_checkpoints(World(level, 3), Lineage(), progress_map_solution(), 1)
    rebuilt, lineage = rebuild(level, 3, chain)
    same_world(rebuilt, World.restore(level, 3, snap))
    assert rebuilt.tick == snap["world"]["tick"] and lineage.chain == chain
    # And it plays on the same: the rest of the level gives the same events from both.
    again = World.restore(level, 3, snap)
    for _ in range(60 * 10):
        intent = Intent((1.0, 0.0))
        assert rebuilt.step(intent) == again.step(intent)


def test_a_chain_through_a_restart_rebuilds_the_second_checkpoint_of_the_garage():
    level = load_level(GARAGE)
    route = load_replay(ROOT / "maps" / "routes" / "garage.json")
    seed = route["seed"]
    world, chains, snaps = play_until_checkpoints(World(level, seed), Lineage(), ReplayPlayer(route["runs"]), 2,
                                                  restart_after_first=True)
    assert len(chains[1]) == 2  # from the start to the first checkpoint, then from its restore
    rebuilt, _ = rebuild(level, seed, json.loads(json.dumps(chains[1])))  # as read back from the file
    same_world(rebuilt, World.restore(level, seed, snaps[1]))
    assert rebuilt.objectives.taken and rebuilt.objectives.taken == snaps[1]["objectives"]["taken"]  # what he carried


@pytest.mark.parametrize("chain, why", [
    ("runs", "segments"), ([], "segments"), ([[]], "non-empty"), ([[[1, 0, 0]]], "ticks, x, y, flags"),
    ([[[0, 1.0, 0.0, 0]]], "tick count"), ([[[True, 1.0, 0.0, 0]]], "tick count"),
    ([[[5, float("nan"), 0.0, 0]]], "finite"), ([[[5, 1.0, 0.0, 9]]], "flags"),
    ([[[5, "1", 0.0, 0]]], "finite"), ([[[10**9, 1.0, 0.0, 0]]], "hour"),
])
def test_a_chain_that_is_not_what_it_claims_is_refused_with_a_reason(chain, why):
    with pytest.raises(ValueError, match=why):
        check_chain(chain)


def test_a_chain_that_no_longer_ends_on_a_checkpoint_is_refused():
    level = load_level(TEST_MAPS / "progress.tmx")
    _, (chain,), _ = play_until_checkpoints(World(level), Lineage(), progress_map_solution(), 1)
    short = json.loads(json.dumps(chain))
    short[-1][-1][0] -= 1  # a tick short: the map "changed"
    if short[-1][-1][0] == 0:
        short[-1].pop()
    with pytest.raises(ValueError, match="no longer reaches its checkpoint"):
        rebuild(level, 0, short)


def test_an_old_save_without_checkpoints_loads_and_a_bad_checkpoint_costs_only_itself(tmp_path):
    old = {"version": 1, "unlocked": ["nobody"], "current": "nobody", "chapters": {}, "playtime": 12.0}
    (tmp_path / "save.json").write_text(json.dumps(old))
    data, notices = SaveStore(tmp_path, "nobody").load()
    assert notices == [] and data.checkpoints == {} and data.started == [] and data.playtime == 12.0

    good = CheckpointRecord(seed=0, difficulty="normal", chain=[[[30, 1.0, 0.0, 0]]], elapsed=0.5).to_json()
    bad = dict(good, chain=[[[-3, 1.0, 0.0, 0]]])
    doc = dict(old, started=["nobody", "clean"], checkpoints={"nobody": good, "clean": bad})
    (tmp_path / "save.json").write_text(json.dumps(doc))
    data, notices = SaveStore(tmp_path, "nobody").load()
    assert list(data.checkpoints) == ["nobody"] and data.playtime == 12.0 and data.started == ["nobody", "clean"]
    assert len(notices) == 1 and "checkpoint" in notices[0] and "\n" not in notices[0]
    assert not (tmp_path / "save.json.corrupt").exists()  # the save itself was kept


def test_finishing_a_chapter_forgets_its_checkpoint():
    data = SaveData.new("a")
    data.checkpoints["a"] = CheckpointRecord(seed=0, difficulty="normal", chain=[[[1, 0.0, 0.0, 0]]])
    from game.story.save import ChapterRecord

    data.complete_chapter("a", ChapterRecord(best_time=3.0), "b")
    assert data.checkpoints == {} and data.to_json()["checkpoints"] == {}
    assert SaveData.from_json(data.to_json()).current == "b"


def test_a_number_too_big_for_a_float_is_refused_not_raised():
    with pytest.raises(ValueError, match="finite"):
        check_chain([[[5, 10**400, 0.0, 0]]])
