"""Prove on save: `python -m game --map MAP --watch` re-lints and re-proves the map in a background
process on every save and shows PROVEN or NOT PROVEN with the reason, while the frames go on.

The scenario is tests/maps/marks.tmx (a corridor with a guard at the far end), saved twice into a
folder of its own: as it is, then with a wall across the corridor, the only way blocked."""

import re
import time

import pygame
import pytest

from conftest import ROOT, TEST_MAPS
from game.app import Options
from game.design.background import BackgroundProver, Proof, prove_map
from player import frame, running, tap

WAIT_SECONDS = 90  # the most a proof may take here, on a busy machine; it is ~1 s


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("REDEMPTION_HOME", str(tmp_path / "home"))
    return tmp_path


def save_map(path, blocked: bool = False, watched: bool = False) -> None:
    """marks.tmx at `path` (its tileset found from there), optionally walled across column 10, or
    lit, with its guard seeing all round the whole corridor (every way is watched)."""
    text = (TEST_MAPS / "marks.tmx").read_text().replace("../../maps/tilesets/", f"{ROOT}/maps/tilesets/")
    if watched:
        text = text.replace('name="ambient" type="float" value="0.05"', 'name="ambient" type="float" value="1"')
        text = text.replace('<property name="facing" type="float" value="180"/>',
                            '<property name="view_angle" type="float" value="360"/>\n'
                            '    <property name="view_range" type="float" value="20"/>')
    if blocked:
        head, walls = text.split('name="walls"', 1)
        data, tail = walls.split("</data>", 1)
        rows = data.split("\n")
        for i, row in enumerate(rows):
            cells = row.split(",")
            if len(cells) > 10:
                cells[10] = "17"
                rows[i] = ",".join(cells)
        text = head + 'name="walls"' + "\n".join(rows) + "</data>" + tail
    path.write_text(text)


def until_proof(app, level, limit: float = WAIT_SECONDS) -> int:
    """Frames run until the level's proof arrives; how many ran while it was being worked out."""
    frames, began = 0, time.monotonic()
    while level.companion.proof is None:
        assert time.monotonic() - began < limit, "no proof in time"
        frame(app)
        frames += 1
        time.sleep(0.005)
    return frames


def test_the_verdict_follows_each_save_and_the_frames_never_wait(home):
    path = home / "marks_copy.tmx"
    save_map(path)
    with running(Options(map_path=path, watch=True)) as app:
        level = app.stack.top
        frames = until_proof(app, level)
        assert frames > 5  # the game went on drawing while the child worked
        assert level.companion.proof.proven, level.companion.proof.reason
        assert level.companion.proof.path[0] == level.level.spawn
        # The designer walls the corridor off and saves.
        time.sleep(0.01)
        save_map(path, blocked=True)
        for _ in range(40):  # the watcher looks twice a second
            frame(app)
            if level.companion.proof is None:
                break
        assert level.companion.proof is None  # the old verdict went with the old map
        until_proof(app, level)
        proof = level.companion.proof
        assert not proof.proven and proof.reason == "object 4 (Exit): cannot be reached from the PlayerSpawn"
        # G and H: the ghost route and the heatmap, on and off; they never reach Jesse.
        before = (level.world.player.x, level.world.player.y)
        tap(pygame.K_g)
        tap(pygame.K_h)
        frame(app)
        assert level.companion.show_route and level.companion.show_heat
        assert (level.world.player.x, level.world.player.y) == before


def test_a_map_whose_every_way_is_watched_is_not_proven_and_says_so(tmp_path):
    path = tmp_path / "watched.tmx"
    save_map(path, watched=True)
    proof = prove_map(str(path))
    assert not proof.proven and "no unseen route" in proof.reason, proof.reason
    assert proof.heat and max(max(row) for row in proof.heat) == 1.0  # the heatmap shows why


def test_a_broken_save_is_not_proven_with_the_linters_words(tmp_path):
    path = tmp_path / "broken.tmx"
    save_map(path)
    path.write_text(path.read_text().replace('type="Exit"', 'type="Exitt"'))
    proof = prove_map(str(path))
    assert not proof.proven and "Exitt" in proof.reason


def test_a_new_save_ends_the_proof_of_the_old_one(tmp_path):
    prover = BackgroundProver()
    first, second = tmp_path / "a.tmx", tmp_path / "b.tmx"
    save_map(first)
    save_map(second, blocked=True)
    prover.start(first)
    prover.start(second)  # saved again before the first answer
    began = time.monotonic()
    while (result := prover.poll()) is None:
        assert time.monotonic() - began < WAIT_SECONDS
        time.sleep(0.02)
    assert result.map == str(second) and not result.proven
    assert prover.poll() is None and not prover.busy
