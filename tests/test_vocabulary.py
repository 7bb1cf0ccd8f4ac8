"""The event, state and cause vocabularies are closed: every event the code emits or matches, every
guard state and cause it compares with, anywhere in game/, tools/ and tests/, is a member.

A typo ("gaurd_state", "alret") would otherwise be a silent new word that nothing answers to.
"""

from __future__ import annotations

import ast
import functools
import json
from pathlib import Path

import pytest

from game.world.ai.states import CALM, CURIOUS, HUNTING, WARY, Cause, GuardState
from game.world.events import EventType, event

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(p for d in ("game", "tools", "tests") for p in (ROOT / d).rglob("*.py"))
# The subscript or attribute a word is compared with -> the vocabulary it must belong to.
VOCAB = {"type": EventType, "to": GuardState, "from": GuardState, "state": GuardState, "cause": Cause}


def _key(node) -> str | None:
    """"type" for `e["type"]` / `e.get("type")`, "state" for `g.state`, else None."""
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
        return node.slice.value if isinstance(node.slice.value, str) else None
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get" \
            and node.args and isinstance(node.args[0], ast.Constant):
        return node.args[0].value
    if isinstance(node, ast.Attribute) and node.attr in ("state", "cause"):
        return node.attr
    return None


def _words(node):
    """String constants in a compared expression (a literal, or a tuple/list/set of them)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        for elt in node.elts:
            yield from _words(elt)


@functools.cache
def uses() -> tuple:
    """(file:line, vocabulary, word) for every word compared with a vocabulary or given to event()
    (read once: both tests below look at the same scan)."""
    return tuple(_scan())


def _scan():
    for path in SOURCES:
        tree = ast.parse(path.read_text(), str(path))
        for node in ast.walk(tree):
            where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Compare):
                sides = [node.left, *node.comparators]
                vocabs = {VOCAB[k] for k in map(_key, sides) if k in VOCAB}
                for vocab in vocabs:
                    for side in sides:
                        for word in _words(side):
                            yield where, vocab, word
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "event" \
                    and len(node.args) >= 2:
                for word in _words(node.args[1]):
                    yield where, EventType, word


def test_the_scan_finds_the_code_that_matches_events():
    found = {(vocab, word) for _, vocab, word in uses()}
    assert (EventType, "guard_state") in found  # tests compare with the plain words
    assert (GuardState, "alert") in found


def test_every_word_used_is_in_its_vocabulary():
    strays = [f"{where}: {word!r} is not a {vocab.__name__}" for where, vocab, word in uses()
              if word not in {m.value for m in vocab}]
    assert not strays, "\n".join(strays)


def test_event_refuses_a_word_outside_the_vocabulary():
    with pytest.raises(TypeError):
        event(0, "gaurd" + "_state")  # (built, so the scan above does not see it)


def test_events_serialise_to_the_plain_words():
    e = event(3, EventType.GUARD_STATE, guard=1, to=GuardState.ALERT, cause=Cause.SAW_PLAYER)
    assert json.loads(json.dumps(e)) == {"tick": 3, "type": "guard_state", "guard": 1, "to": "alert",
                                         "cause": "saw_player"}


def test_groupings_are_made_of_states():
    assert CALM | CURIOUS | HUNTING == set(GuardState)
    assert CURIOUS < WARY and GuardState.SEARCH in WARY and not CALM & WARY


def test_every_cause_a_noise_gives_is_heard():
    for source in ("step", "throw", "door", "machine"):
        assert Cause.hearing(source).heard
    assert not Cause.SAW_MOVEMENT.heard
