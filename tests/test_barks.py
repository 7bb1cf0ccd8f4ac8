"""Barks: the crew says one line at every real state change, chosen by the change and its cause,
per faction, never the same line twice in a row, from the data file; deterministic; a bad bark
file is one line naming it."""

import subprocess
import sys
from random import Random

import pytest

from game.errors import DataError
from game.world.ai.states import Cause, GuardState
from game.world.barks import FACTIONS, MAX_CHARS, MIN_VARIANTS, BarkBook, BarkKey, default_book
from game.world.speech import key_for
from scenario import run, world_for
from test_ai import PeekThenRun


def test_every_faction_says_every_key_in_several_short_lines():
    book = default_book()
    for faction in FACTIONS:
        for key in BarkKey:
            lines = book.lines(faction, key)
            assert len(lines) >= MIN_VARIANTS and all(len(b.text) <= MAX_CHARS for b in lines), (faction, key)
            assert len({b.text for b in lines}) == len(lines)


def test_pick_never_repeats_the_last_line_and_is_deterministic():
    book, rng, last = default_book(), Random(7), None
    said = []
    for _ in range(200):
        bark = book.pick("crew", BarkKey.HEARD_STEP, rng, last)
        assert bark.id != last
        last = bark.id
        said.append(bark.id)
    again, last = Random(7), None
    for expected in said:
        last = book.pick("crew", BarkKey.HEARD_STEP, again, last).id
        assert last == expected
    assert len(set(said)) == len(book.lines("crew", BarkKey.HEARD_STEP))  # every variant comes up


def test_a_guard_barks_at_every_real_state_change_and_never_the_same_line_twice_running():
    world = world_for("ai_watch.tmx")
    events = run(world, PeekThenRun(world), 60)
    changes = [e for e in events if e["type"] == "guard_state"]
    barks = [e for e in events if e["type"] == "bark"]
    assert len(changes) >= 5
    for change in changes:
        key = key_for(change["to"], change["cause"])
        said = [b for b in barks if b["tick"] == change["tick"] and b["guard"] == change["guard"]]
        assert key is not None and len(said) >= 1, change
        assert any(b["line"].startswith(f"crew.{key}.") for b in said)
    radio = [e for e in events if e["type"] == "radio"]
    assert radio and any(b["line"].startswith("crew.radio_call.") and b["tick"] == radio[0]["tick"] for b in barks)
    by_key = {}
    for b in barks:
        key = b["line"].rsplit(".", 1)[0]
        assert by_key.get(key) != b["line"], f"{b['line']} twice in a row"
        by_key[key] = b["line"]
    # The same seed and input say the same things.
    again = world_for("ai_watch.tmx")
    assert [e for e in run(again, PeekThenRun(again), 60) if e["type"] == "bark"] == barks


def test_every_state_change_the_brain_makes_has_a_line():
    made = {(GuardState.SUSPICIOUS, c) for c in (Cause.HEARD_STEP, Cause.HEARD_THROW, Cause.HEARD_DOOR,
                                                  Cause.HEARD_NOISE, Cause.SAW_MOVEMENT, Cause.DOOR_LOCKED)}
    made |= {(GuardState.INVESTIGATE, Cause.CHECKING), (GuardState.INVESTIGATE, Cause.RADIO),
             (GuardState.INVESTIGATE, Cause.SAW_HIM_HIDE), (GuardState.ALERT, Cause.SAW_PLAYER),
             (GuardState.ALERT, Cause.FOUND_HIM), (GuardState.SEARCH, Cause.LOST_HIM),
             (GuardState.SEARCH, Cause.NO_ONE_HERE), (GuardState.RETURN, Cause.GAVE_UP),
             (GuardState.RETURN, Cause.NOTHING_HERE), (GuardState.RETURN, Cause.LOST_INTEREST),
             (GuardState.PATROL, Cause.BACK_ON_ROUTE)}
    assert all(key_for(to, cause) is not None for to, cause in made)


def test_barks_draw_from_their_own_generator_so_nothing_else_moves():
    world = world_for("ai_watch.tmx")
    before = world.rng.getstate()
    world.speech.react([{"tick": 0, "type": "guard_state", "guard": world.guards[0].id, "from": "patrol",
                         "to": GuardState.SUSPICIOUS, "cause": Cause.HEARD_STEP}], 0)
    assert world.rng.getstate() == before


GOOD = "\n".join(f"{k} = ['one', 'two', 'three']" for k in BarkKey)


@pytest.mark.parametrize("text, why", [
    ("[crew\n", "not valid TOML"),
    ("[crew]\n" + GOOD + "\n[gang]\n" + GOOD, "unknown faction"),
    ("[crew]\n" + GOOD + "\nshouting = ['a', 'b', 'c']", "unknown bark"),
    ("[crew]\n" + GOOD.replace("heard_step = ['one', 'two', 'three']", ""), "says nothing for: heard_step"),
    ("[crew]\n" + GOOD.replace("heard_step = ['one', 'two', 'three']", "heard_step = ['one', 'two']"), "at least 3"),
    ("[crew]\n" + GOOD.replace("heard_step = ['one', 'two', 'three']", "heard_step = 'one'"), "list of lines"),
    ("[crew]\n" + GOOD.replace("heard_step = ['one', 'two', 'three']", "heard_step = [1, 2, 3]"), "list of lines"),
    ("[crew]\n" + GOOD.replace("'three'", "'   '", 1), "empty line"),
    ("[crew]\n" + GOOD.replace("'three'", "'" + "x" * 60 + "'", 1), "longer than 36"),
    ("[dea]\n" + GOOD, "no [crew] table"),
    ("crew = 3", "must be a table"),
])
def test_a_bad_bark_file_is_one_line_naming_it(tmp_path, text, why):
    path = tmp_path / "barks.toml"
    path.write_text(text)
    with pytest.raises(DataError) as caught:
        BarkBook.load(path)
    assert str(path) in caught.value.line() and why in caught.value.line() and "\n" not in caught.value.line()


def test_a_missing_or_huge_or_binary_bark_file_is_refused(tmp_path):
    for name, data in (("huge.toml", b"#" * (300 * 1024)), ("binary.toml", b"\xff\xfe\x00[crew]")):
        (tmp_path / name).write_bytes(data)
        with pytest.raises(DataError):
            BarkBook.load(tmp_path / name)
    with pytest.raises(DataError, match="not found"):
        BarkBook.load(tmp_path / "none.toml")


def test_the_bark_loader_needs_no_pygame():
    code = "import sys, game.world.barks as b; b.default_book(); assert 'pygame' not in sys.modules"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True).returncode == 0
