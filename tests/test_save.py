"""Save and settings files: round trips, best runs, and never losing valid progress.

Every file that is not a save must load without raising, be kept aside byte for byte as
`.corrupt`, fall back to the backup when there is one, and say so in exactly one notice. A save
with one bad part keeps the rest, in place, and says what was reset in one notice. A failed
write (full disk, read-only folder) must leave the previous save and backup exactly as they were.
"""

import errno
import json
import math
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from game import datadir
from game.datadir import data_dir, ensure_dir
from game.settings import Settings, SettingsStore
from game.story import jsonfile
from game.story.save import SAVE_VERSION, ChapterRecord, SaveData, SaveStore

FIRST = "nobody"


def _progress() -> SaveData:
    """A save a few chapters in, with a best run that differs from the latest one."""
    data = SaveData.new(FIRST)
    data.complete_chapter("nobody", ChapterRecord(True, 95.5, 2, 1, 3, False), "clean")
    data.complete_chapter("clean", ChapterRecord(True, 140.0, 0, 0, 1, True), "chemistry")
    data.playtime = 812.25
    return data


def _saved(folder: Path, data: SaveData) -> bytes:
    assert SaveStore(folder, FIRST).save(data) == []
    return (folder / "save.json").read_bytes()


def _with_backup(folder: Path) -> tuple[SaveData, bytes, bytes]:
    """Two saves, so save.json.bak holds the first: (first data, save bytes, backup bytes)."""
    earlier = _progress()
    store = SaveStore(folder, FIRST)
    assert store.save(earlier) == []
    later = _progress()
    later.complete_chapter("chemistry", ChapterRecord(True, 200.0, 4, 2, 0, False), "fly")
    assert store.save(later) == []
    return earlier, (folder / "save.json").read_bytes(), (folder / "save.json.bak").read_bytes()


# -- the data -------------------------------------------------------------------------------

def test_json_round_trip():
    data = _progress()
    assert SaveData.from_json(json.loads(json.dumps(data.to_json()))) == data


def test_store_round_trip(tmp_path):
    data = _progress()
    _saved(tmp_path, data)
    loaded, notices = SaveStore(tmp_path, FIRST).load()
    assert loaded == data
    assert notices == []


def test_missing_save_is_a_new_game_without_notice(tmp_path):
    data, notices = SaveStore(tmp_path / "nowhere", FIRST).load()
    assert data == SaveData.new(FIRST)
    assert data.unlocked == [FIRST] and data.current == FIRST
    assert notices == []
    assert not (tmp_path / "nowhere").exists()  # loading creates nothing


def test_merge_keeps_the_best_run():
    slow = ChapterRecord(True, 120.0, spotted=0, alerts=0, distractions=5, ghost=True)
    fast = ChapterRecord(True, 80.0, spotted=3, alerts=2, distractions=1, ghost=False)
    best = slow.merge(fast)
    assert best.best_time == 80.0
    assert (best.spotted, best.alerts, best.distractions) == (3, 2, 1)  # counts of the fast run
    assert best.ghost and best.completed  # ghost once is ghost for good
    again = best.merge(ChapterRecord(True, 150.0, 9, 9, 9, False))
    assert again == best  # a slower run changes nothing


def test_merge_keeps_completed_and_prefers_timed_runs():
    unfinished = ChapterRecord(False, None, 5, 5, 5, False)
    finished = ChapterRecord(True, 300.0, 1, 0, 0, False)
    assert unfinished.merge(finished) == finished
    assert finished.merge(unfinished) == finished
    tie = ChapterRecord(True, 300.0, 7, 7, 7, False)
    assert finished.merge(tie) == finished  # a tie keeps the existing record


def test_complete_chapter_unlocks_the_next():
    data = SaveData.new(FIRST)
    data.complete_chapter(FIRST, ChapterRecord(False, 60.0, 0, 0, 0, True), "clean")
    assert data.unlocked == [FIRST, "clean"]
    assert data.current == "clean"
    assert data.chapters[FIRST].completed  # recording a completion marks it completed
    data.complete_chapter(FIRST, ChapterRecord(True, 50.0, 1, 0, 0, False), "clean")
    assert data.unlocked == [FIRST, "clean"]  # no duplicates on a replay
    assert data.chapters[FIRST].best_time == 50.0 and data.chapters[FIRST].ghost
    data.complete_chapter("clean", ChapterRecord(True, 70.0, 0, 0, 0, True), None)
    assert data.unlocked == [FIRST, "clean"]
    assert data.current is None  # the story is over: nothing to continue


def test_load_always_unlocks_the_first_chapter(tmp_path):
    data = _progress()
    data.unlocked = ["clean"]
    _saved(tmp_path, data)
    loaded, _ = SaveStore(tmp_path, FIRST).load()
    assert loaded.unlocked == [FIRST, "clean"]


# -- where the files live -------------------------------------------------------------------

def test_data_dir_precedence(tmp_path):
    env = {"REDEMPTION_HOME": str(tmp_path / "portable"), "XDG_DATA_HOME": str(tmp_path / "xdg"),
           "HOME": str(tmp_path / "home")}
    assert data_dir(env) == tmp_path / "portable"
    del env["REDEMPTION_HOME"]
    assert data_dir(env) == tmp_path / "xdg" / "redemption"
    del env["XDG_DATA_HOME"]
    assert data_dir(env) == tmp_path / "home" / ".local" / "share" / "redemption"
    env["XDG_DATA_HOME"] = "relative/path"  # the XDG spec says to ignore it
    assert data_dir(env) == tmp_path / "home" / ".local" / "share" / "redemption"


def test_data_dir_reads_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.delenv("REDEMPTION_HOME", raising=False)
    assert data_dir() == tmp_path / "home" / ".local" / "share" / "redemption"
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert data_dir() == tmp_path / "xdg" / "redemption"
    monkeypatch.setenv("REDEMPTION_HOME", str(tmp_path / "portable"))
    assert data_dir() == tmp_path / "portable"
    assert not (tmp_path / "portable").exists()  # finding it does not create it


def test_ensure_dir_creates_or_explains(tmp_path):
    assert ensure_dir(tmp_path / "a" / "b") is None
    assert (tmp_path / "a" / "b").is_dir()
    assert ensure_dir(tmp_path / "a" / "b") is None  # already there
    (tmp_path / "file").write_text("in the way")
    notice = ensure_dir(tmp_path / "file" / "redemption")
    assert notice and "\n" not in notice and "file" in notice
    assert datadir.ensure_dir(tmp_path / "file") is not None


# -- damaged saves --------------------------------------------------------------------------

def _garbage(real: bytes) -> bytes:
    return b"\x00\xff\xfe garbage \x89PNG\r\n"


def _truncated(real: bytes) -> bytes:
    return real[: len(real) // 2]


def _empty(real: bytes) -> bytes:
    return b""


def _a_list(real: bytes) -> bytes:
    return b'["nobody", "clean"]'


def _wrong_version(real: bytes) -> bytes:
    doc = json.loads(real)
    doc["version"] = SAVE_VERSION + 1
    return json.dumps(doc).encode()


def _no_version(real: bytes) -> bytes:
    doc = json.loads(real)
    del doc["version"]
    return json.dumps(doc).encode()


DAMAGE = [_garbage, _truncated, _empty, _a_list, _wrong_version, _no_version]


@pytest.mark.parametrize("damage", DAMAGE, ids=lambda f: f.__name__.strip("_"))
def test_damaged_save_restores_the_backup(tmp_path, damage):
    earlier, real, backup = _with_backup(tmp_path)
    bad = damage(real)
    (tmp_path / "save.json").write_bytes(bad)

    data, notices = SaveStore(tmp_path, FIRST).load()

    assert data == earlier  # the backup's progress: nothing that was valid is lost
    assert len(notices) == 1, notices
    assert "damaged" in notices[0] and "backup" in notices[0] and "save.json.corrupt" in notices[0]
    assert (tmp_path / "save.json.corrupt").read_bytes() == bad  # the evidence, byte for byte
    assert (tmp_path / "save.json.bak").read_bytes() == backup
    assert (tmp_path / "save.json").read_bytes() == backup  # put back, so the next start finds it
    assert SaveStore(tmp_path, FIRST).load() == (earlier, [])


@pytest.mark.parametrize("damage", DAMAGE, ids=lambda f: f.__name__.strip("_"))
def test_damaged_save_without_backup_starts_over(tmp_path, damage):
    bad = damage(_saved(tmp_path, _progress()))
    (tmp_path / "save.json").write_bytes(bad)

    data, notices = SaveStore(tmp_path, FIRST).load()

    assert data == SaveData.new(FIRST)
    assert len(notices) == 1, notices
    assert "no usable backup" in notices[0] and "new game" in notices[0]
    assert (tmp_path / "save.json.corrupt").read_bytes() == bad
    assert not (tmp_path / "save.json").exists()


# -- a save with a bad part: the rest is kept ------------------------------------------------

def _edited(real: bytes, edit) -> bytes:
    doc = json.loads(real)
    edit(doc)
    return json.dumps(doc).encode()  # NaN and Infinity written as JSON's extension, as Python reads it


def _set(path, value):
    def edit(doc):
        *parents, last = path
        for key in parents:
            doc = doc[key]
        doc[last] = value
    return edit


def _progress_with(**changes) -> SaveData:
    data = _progress()
    for name, value in changes.items():
        setattr(data, name, value)
    return data


def _without_record(cid: str) -> SaveData:
    data = _progress()
    del data.chapters[cid]
    return data


def _record_with(cid: str, **fields) -> SaveData:
    from dataclasses import replace

    data = _progress()
    data.chapters[cid] = replace(data.chapters[cid], **fields)
    return data


SALVAGE = {  # edit -> (the save as it must load, what the notice names)
    "playtime_negative": (_set(["playtime"], -5), _progress_with(playtime=0.0), "bad playtime (-5)"),
    "playtime_nan": (_set(["playtime"], math.nan), _progress_with(playtime=0.0), "bad playtime (nan)"),
    "playtime_infinite": (_set(["playtime"], math.inf), _progress_with(playtime=0.0), "bad playtime (inf)"),
    "playtime_text": (_set(["playtime"], "long"), _progress_with(playtime=0.0), "bad playtime ('long')"),
    "playtime_missing": (lambda d: d.pop("playtime"), _progress_with(playtime=0.0), "bad playtime (missing)"),
    "count_negative": (_set(["chapters", "nobody", "spotted"], -1), _record_with("nobody", spotted=0),
                       "bad spotted count of chapter 'nobody' (-1)"),
    "best_time_negative": (_set(["chapters", "clean", "best_time"], -3.0), _record_with("clean", best_time=None),
                           "bad best time of chapter 'clean' (-3)"),
    "record_wrong_type": (_set(["chapters", "nobody", "spotted"], "two"), _without_record("nobody"),
                          "bad record for chapter 'nobody'"),
    "record_not_an_object": (_set(["chapters", "clean"], [1, 2]), _without_record("clean"),
                             "bad record for chapter 'clean'"),
    "unlocked_bad_entry": (_set(["unlocked"], [FIRST, 7, "clean", "chemistry"]), _progress(),
                           "bad entry (7) in the list of unlocked chapters"),
    # rebuilt from the records (in the file's order) and the current chapter
    "unlocked_missing": (lambda d: d.pop("unlocked"), _progress_with(unlocked=["clean", FIRST, "chemistry"]),
                         "bad list of unlocked chapters (missing)"),
    "current_bad": (_set(["current"], ["chemistry"]), _progress(), "bad current chapter (a list)"),
    "started_bad": (_set(["started"], "yes"), _progress(), "bad list of chapters started ('yes')"),
}


@pytest.mark.parametrize("name", sorted(SALVAGE))
def test_a_save_with_one_bad_field_keeps_the_rest(tmp_path, name):
    edit, expected, named = SALVAGE[name]
    bad = _edited(_saved(tmp_path, _progress()), edit)
    (tmp_path / "save.json").write_bytes(bad)  # and no backup: the old rule started a new game

    data, notices = SaveStore(tmp_path, FIRST).load()

    assert data == expected
    assert len(notices) == 1, notices
    assert notices[0].startswith("Your save had a " + named) and notices[0].endswith("the rest is kept."), notices
    assert "\n" not in notices[0] and len(notices[0]) < 300
    assert (tmp_path / "save.json").read_bytes() == bad  # not moved aside, not rewritten until the next save
    assert not list(tmp_path.glob("*.corrupt*"))


def test_many_bad_fields_are_one_line(tmp_path):
    def edit(doc):
        doc["playtime"] = -5
        doc["chapters"]["nobody"]["alerts"] = -2
        doc["chapters"]["clean"] = "lost"
        doc["unlocked"] = None
        doc["current"] = 12
    (tmp_path / "save.json").write_bytes(_edited(_saved(tmp_path, _progress()), edit))
    data, notices = SaveStore(tmp_path, FIRST).load()
    assert len(notices) == 1 and "2 more bad values" in notices[0] and notices[0].endswith("the rest is kept.")
    assert data.chapters.keys() == {"nobody"} and data.chapters["nobody"].alerts == 0 and data.playtime == 0.0
    assert data.unlocked == [FIRST] and data.current == FIRST  # rebuilt from the records that were left


def test_a_salvaged_save_is_the_one_kept_over_an_older_backup(tmp_path):
    earlier, real, backup = _with_backup(tmp_path)
    (tmp_path / "save.json").write_bytes(_edited(real, _set(["playtime"], -5)))
    data, notices = SaveStore(tmp_path, FIRST).load()
    assert data.chapters.keys() == {"nobody", "clean", "chemistry"} and data != earlier  # the later progress
    assert len(notices) == 1 and "bad playtime" in notices[0]
    assert (tmp_path / "save.json.bak").read_bytes() == backup


def test_chapter_ids_this_game_does_not_know_are_left_out_when_it_says_which_it_knows(tmp_path):
    doc = _progress().to_json()
    doc["unlocked"].append("from_a_mod")
    (tmp_path / "save.json").write_text(json.dumps(doc))
    assert "from_a_mod" in SaveStore(tmp_path, FIRST).load()[0].unlocked  # kept: nothing said what is known
    data, notices = SaveStore(tmp_path, FIRST, known={FIRST, "clean", "chemistry", "fly"}).load()
    assert data == _progress()
    assert len(notices) == 1 and "'from_a_mod'" in notices[0]


def test_damaged_save_and_damaged_backup_start_over(tmp_path):
    _with_backup(tmp_path)
    (tmp_path / "save.json").write_bytes(b"{")
    (tmp_path / "save.json.bak").write_bytes(b"[]")
    data, notices = SaveStore(tmp_path, FIRST).load()
    assert data == SaveData.new(FIRST)
    assert len(notices) == 1 and "no usable backup" in notices[0]
    assert (tmp_path / "save.json.bak").read_bytes() == b"[]"  # not ours to delete


def test_evidence_is_never_overwritten(tmp_path):
    (tmp_path / "save.json.corrupt").write_bytes(b"first")
    (tmp_path / "save.json.corrupt.1").write_bytes(b"second")
    (tmp_path / "save.json").write_bytes(b"third")
    data, notices = SaveStore(tmp_path, FIRST).load()
    assert data == SaveData.new(FIRST) and len(notices) == 1
    assert "save.json.corrupt.2" in notices[0]
    assert [(tmp_path / f"save.json.corrupt{s}").read_bytes() for s in ("", ".1", ".2")] == \
        [b"first", b"second", b"third"]


def test_a_new_save_after_damage_does_not_back_up_the_damage(tmp_path):
    earlier, _, backup = _with_backup(tmp_path)
    (tmp_path / "save.json").write_bytes(b"not json")
    store = SaveStore(tmp_path, FIRST)
    # Say the damaged file could not be moved aside: the next save must keep the good backup.
    assert store.save(_progress()) == []
    assert (tmp_path / "save.json.bak").read_bytes() == backup
    assert store.load()[0] == _progress()


def test_deleted_save_comes_back_from_the_backup(tmp_path):
    earlier, real, backup = _with_backup(tmp_path)
    (tmp_path / "save.json").unlink()
    data, notices = SaveStore(tmp_path, FIRST).load()
    assert data == earlier
    assert len(notices) == 1 and "missing" in notices[0]
    assert (tmp_path / "save.json").read_bytes() == backup


def test_unreadable_save_is_left_alone(tmp_path):
    earlier, _, backup = _with_backup(tmp_path)
    (tmp_path / "save.json").unlink()
    (tmp_path / "save.json").mkdir()  # reading it fails with an OSError, not bad content
    store = SaveStore(tmp_path, FIRST)
    data, notices = store.load()
    assert data == earlier
    assert len(notices) == 1 and "unreadable" in notices[0]
    assert (tmp_path / "save.json").is_dir() and not (tmp_path / "save.json.corrupt").exists()
    assert len(store.save(data)) == 1  # and it is not written over either
    assert (tmp_path / "save.json.bak").read_bytes() == backup


@hsettings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.one_of(st.binary(max_size=300),
                     st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
                                  lambda inner: st.lists(inner, max_size=4)
                                  | st.dictionaries(st.sampled_from(["version", "unlocked", "current", "chapters",
                                                                     "playtime", "nobody", "best_time"]),
                                                    inner, max_size=6),
                                  max_leaves=12).map(lambda doc: json.dumps(doc).encode())))
def test_any_file_content_loads_without_raising(tmp_path_factory, raw):
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "save.json").write_bytes(raw)
    data, notices = SaveStore(folder, FIRST).load()
    assert isinstance(data, SaveData) and FIRST in data.unlocked
    assert len(notices) <= 1
    settings, _ = SettingsStore(folder).load()
    assert isinstance(settings, Settings)


def test_deeply_nested_json_is_damage_not_a_crash(tmp_path):
    (tmp_path / "save.json").write_bytes(b"[" * 100_000 + b"]" * 100_000)
    data, notices = SaveStore(tmp_path, FIRST).load()
    assert data == SaveData.new(FIRST) and len(notices) == 1


# -- writing --------------------------------------------------------------------------------

def test_save_keeps_the_previous_save_as_backup(tmp_path):
    earlier, _, backup = _with_backup(tmp_path)
    assert SaveData.from_json(json.loads(backup)) == earlier
    assert sorted(p.name for p in tmp_path.iterdir()) == ["save.json", "save.json.bak"]  # no tmp left


def test_save_creates_the_folder(tmp_path):
    folder = tmp_path / "new" / "dir"
    assert SaveStore(folder, FIRST).save(_progress()) == []
    assert SaveStore(folder, FIRST).load() == (_progress(), [])


def _assert_untouched(folder: Path, real: bytes, backup: bytes):
    assert (folder / "save.json").read_bytes() == real
    assert (folder / "save.json.bak").read_bytes() == backup
    assert sorted(p.name for p in folder.iterdir()) == ["save.json", "save.json.bak"]


def _newer() -> SaveData:
    data = _progress()
    data.playtime = 9999.0
    return data


def test_full_disk_keeps_the_previous_files(tmp_path, monkeypatch):
    _, real, backup = _with_backup(tmp_path)
    store = SaveStore(tmp_path, FIRST)

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    data = _newer()
    notices = store.save(data)
    assert len(notices) == 1 and "disk is full" in notices[0] and "\n" not in notices[0]
    _assert_untouched(tmp_path, real, backup)
    assert data == _newer()  # still in memory; the game goes on
    assert store.save(data) == []  # the same notice is not given twice
    _assert_untouched(tmp_path, real, backup)
    monkeypatch.undo()
    assert store.save(data) == []
    assert store.load()[0] == data


def test_full_disk_during_the_write(tmp_path, monkeypatch):
    _, real, backup = _with_backup(tmp_path)

    class HalfWritten:
        def __init__(self, path, mode):
            self.f = open(path, mode)

        def write(self, raw):
            self.f.write(raw[:10])
            raise OSError(errno.ENOSPC, "No space left on device")

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.f.close()

    monkeypatch.setattr(jsonfile, "open", HalfWritten, raising=False)
    notices = SaveStore(tmp_path, FIRST).save(_newer())
    assert len(notices) == 1 and "disk is full" in notices[0]
    _assert_untouched(tmp_path, real, backup)


def test_failing_replace_keeps_the_previous_files(tmp_path, monkeypatch):
    """A read-only filesystem seen at the last step (works as root too, unlike chmod)."""
    _, real, backup = _with_backup(tmp_path)

    def read_only(src, dst):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(os, "replace", read_only)
    notices = SaveStore(tmp_path, FIRST).save(_newer())
    assert len(notices) == 1 and "read-only" in notices[0]
    _assert_untouched(tmp_path, real, backup)


def test_unwritable_folder_keeps_the_previous_files(tmp_path):
    _, real, backup = _with_backup(tmp_path)
    os.chmod(tmp_path, 0o500)
    try:
        if os.access(tmp_path, os.W_OK):
            pytest.skip("running as root: chmod does not stop writes")
        store = SaveStore(tmp_path, FIRST)
        notices = store.save(_newer())
        assert len(notices) == 1 and "permission denied" in notices[0]
        assert store.save(_newer()) == []  # once
        _assert_untouched(tmp_path, real, backup)
        assert store.load()[0] == SaveData.from_json(json.loads(real))
    finally:
        os.chmod(tmp_path, 0o700)


def test_permission_denied_keeps_the_previous_files(tmp_path, monkeypatch):
    """What a read-only folder does to the first write, simulated so it also runs as root."""
    _, real, backup = _with_backup(tmp_path)

    def denied(path, mode):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(jsonfile, "open", denied, raising=False)
    store = SaveStore(tmp_path, FIRST)
    notices = store.save(_newer())
    assert len(notices) == 1 and "permission denied" in notices[0]
    assert store.save(_newer()) == []
    _assert_untouched(tmp_path, real, backup)


def test_a_file_in_the_way_of_the_folder(tmp_path):
    (tmp_path / "blocked").write_text("not a folder")
    store = SaveStore(tmp_path / "blocked", FIRST)
    assert store.load() == (SaveData.new(FIRST), [])
    notices = store.save(_progress())
    assert len(notices) == 1 and "\n" not in notices[0]


def test_directory_fsync_failure_is_ignored(tmp_path, monkeypatch):
    real_fsync = os.fsync
    calls = []

    def only_files(fd):
        calls.append(fd)
        if len(calls) > 2:  # the save's tmp and the backup's tmp succeed; the folder fails
            raise OSError(errno.EINVAL, "Invalid argument")
        real_fsync(fd)

    _saved(tmp_path, _progress())
    monkeypatch.setattr(os, "fsync", only_files)
    assert SaveStore(tmp_path, FIRST).save(_newer()) == []
    assert SaveStore(tmp_path, FIRST).load()[0] == _newer()


# -- settings -------------------------------------------------------------------------------

def test_settings_defaults_and_round_trip(tmp_path):
    store = SettingsStore(tmp_path)
    assert store.load() == (Settings(), [])
    chosen = Settings(master_volume=0.5, fullscreen=True, difficulty="hard", palette="colourblind",
                      subtitle_size=1.25, bindings={"interact": ["f", "return"]})
    assert store.save(chosen) == []
    assert SettingsStore(tmp_path).load() == (chosen, [])


def test_settings_with_one_bad_field_keep_the_others(tmp_path):
    doc = Settings(music_volume=0.3, fullscreen=True, palette="colourblind").to_json()
    doc["difficulty"] = "impossible"
    (tmp_path / "settings.json").write_text(json.dumps(doc))
    settings, notices = SettingsStore(tmp_path).load()
    assert settings == Settings(music_volume=0.3, fullscreen=True, palette="colourblind")
    assert len(notices) == 1 and "difficulty" in notices[0] and "normal" in notices[0]
    assert not (tmp_path / "settings.json.corrupt").exists()  # a bad field is not a bad file


def test_settings_fields_are_checked_one_by_one(tmp_path):
    doc = {"master_volume": 3, "music_volume": "loud", "effects_volume": -1, "fullscreen": 1,
           "window_scale": 2, "subtitle_size": 0.1, "bindings": {"up": "w"}, "palette": None,
           "unknown_from_the_future": 1}
    (tmp_path / "settings.json").write_text(json.dumps(doc))
    settings, notices = SettingsStore(tmp_path).load()
    assert settings == Settings(master_volume=1.0, effects_volume=0.0, window_scale=2.0, subtitle_size=0.75)
    named = {name for name in doc for line in notices if repr(name) in line}
    assert named == set(doc) - {"window_scale", "unknown_from_the_future"}
    assert len(notices) == 7


def test_damaged_settings_restore_the_backup(tmp_path):
    store = SettingsStore(tmp_path)
    assert store.save(Settings(difficulty="easy")) == []
    assert store.save(Settings(difficulty="hard")) == []
    (tmp_path / "settings.json").write_bytes(b'{"difficulty": "ha')
    settings, notices = SettingsStore(tmp_path).load()
    assert settings == Settings(difficulty="easy")
    assert len(notices) == 1 and "settings" in notices[0] and "backup" in notices[0]
    assert (tmp_path / "settings.json.corrupt").read_bytes() == b'{"difficulty": "ha'


def test_damaged_settings_without_backup_use_defaults(tmp_path):
    (tmp_path / "settings.json").write_bytes(b"[1, 2]")
    settings, notices = SettingsStore(tmp_path).load()
    assert settings == Settings()
    assert len(notices) == 1 and "default settings" in notices[0]


def test_settings_on_a_full_disk(tmp_path, monkeypatch):
    store = SettingsStore(tmp_path)
    store.save(Settings(difficulty="easy"))
    store.save(Settings(difficulty="hard"))
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    assert len(store.save(Settings())) == 1
    assert store.save(Settings()) == []
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
