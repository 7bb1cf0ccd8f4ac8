"""Golden digests (tools/golden.py): the simulation's output for fixed maps, seeds and players has
not moved since the digests were written. A commit that moves them on purpose rewrites them with
`python tools/golden.py` and says why; anything else is drift."""

import json

import pytest

from conftest import ROOT

import sys

sys.path.insert(0, str(ROOT / "tools"))
import golden  # noqa: E402

COMMITTED = json.loads(golden.DIGESTS.read_text())


def test_every_case_has_a_committed_digest():
    assert set(golden.cases()) == set(COMMITTED)
    assert any(name.endswith("/route") for name in COMMITTED) and len(COMMITTED) >= 20


@pytest.mark.parametrize("name", sorted(COMMITTED))
def test_the_simulation_has_not_drifted(name):
    case = golden.cases()[name]
    assert golden.digest(*case) == COMMITTED[name], f"{name} moved: if on purpose, run python tools/golden.py and say why"


def test_the_same_run_twice_gives_the_same_digest():
    path, seed, player = golden.cases()["garage/wander"]
    assert golden.digest(path, seed, player) == golden.digest(path, seed, player)
