"""A corpus of bad inputs other than maps, written by code (tests/bad_corpus.py has the maps).

`write_replay_corpus(folder)` writes replay files; `argument_cases(folder)` lists command lines;
`write_save_corpus(folder)` and `write_settings_corpus(folder)` fill one folder per case with a
player's files. Each command-line case is one class:

- replays: a replay that is not a file, not JSON, too big, too deep, or holds a bad run, seed,
  difficulty, restart or checkpoint, or belongs to another map or seed (through `game.sim`);
- sim_args, game_args: arguments `game.sim` and `python -m game` must refuse (numbers that are
  NaN, infinite, negative or past a day; seeds past 64 bits; unknown chapters and players);
- outputs: `--record` and `--screenshot` into a missing folder, onto a folder, into a read-only
  folder: refused before any window opens;
- plays: odd but good inputs that must play (a replay of a renamed copy of its map, of an edited
  map: a warning line, then the play).

`expect` is what the one line must say and `names` what it must name (the file or the argument);
for `plays` the status is 0 and `expect` is in stderr if given.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAP = ROOT / "maps" / "garage.tmx"
ROUTE = ROOT / "maps" / "routes" / "garage.json"  # a real replay, recorded on MAP with seed 0
MiB = 1024 * 1024


@dataclass(frozen=True)
class Case:
    name: str
    klass: str  # replays, sim_args, game_args, outputs, plays
    argv: list[str]  # after `python`
    expect: str | None  # in the one line (plays: in stderr, or None for nothing said)
    names: str = ""  # the file or argument the line must name


def route() -> dict:
    return json.loads(ROUTE.read_text())


def sim(replay: Path | str, *more: str, map_path: Path = MAP) -> list[str]:
    return ["-m", "game.sim", str(map_path), "--player", f"replay:{replay}", "--seconds", "2", *more]


def read_only_folder(folder: Path) -> Path | None:
    """A folder no file can be created in: a chmod'ed one, or (as root, whom chmod does not
    stop) a read-only system folder; None if this machine has neither."""
    locked = folder / "locked"
    locked.mkdir(exist_ok=True)
    os.chmod(locked, 0o500)
    for candidate in (locked, Path("/sys"), Path("/proc/sys")):
        try:
            fd, probe = tempfile.mkstemp(dir=candidate)
        except OSError:
            return candidate
        os.close(fd)
        os.unlink(probe)
    return None


def write_replay_corpus(folder: Path) -> list[Case]:
    folder.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []

    def add(name: str, content, expect: str | None, klass: str = "replays", more: tuple = (),
            map_path: Path = MAP) -> Path:
        path = folder / f"{name}.json"
        if isinstance(content, (dict, list)):
            path.write_text(json.dumps(content, separators=(",", ":")))
        elif isinstance(content, str):
            path.write_text(content)
        elif isinstance(content, bytes):
            path.write_bytes(content)
        cases.append(Case(name, klass, sim(path, *more, map_path=map_path), expect, path.name))
        return path

    def runs(*bad) -> dict:
        return dict(route(), runs=[[10, 1.0, 0.0, 0], *bad])

    # -- what the file is ----------------------------------------------------------------
    os.mkfifo(add("replay_is_a_pipe", None, "named pipe"))
    add("replay_is_dev_zero", None, "device").symlink_to("/dev/zero")
    add("replay_is_a_folder", None, "folder").mkdir()
    add("replay_missing", None, "file not found")
    add("replay_too_big", b'{"version":1,"runs":[]}' + b" " * (17 * MiB), "more than the")
    add("not_json", "this is no replay\n", "not valid JSON")
    add("not_utf8", b"\xff\xfe\x00garbage", "not a replay")
    add("empty", "", "not valid JSON")
    add("a_list", [[1, 0, 0, 0]], "not a version 1 replay")
    add("version_2", dict(route(), version=2), "not a version 1 replay")
    add("version_true", dict(route(), version=True), "not a version 1 replay")
    add("nested_100000", "[" * 100_000 + "]" * 100_000, "not a replay")
    add("runs_nested_100000", '{"version":1,"runs":' + "[" * 100_000 + "]" * 100_000 + "}", "not a replay")
    add("many_empty_lists", '{"version":1,"runs":[' + ",".join(["[]"] * 700_000) + "]}", "more lists than")
    add("many_objects", '{"version":1,"runs":[' + ",".join(["{}"] * 500_000) + "]}", "more objects than")
    add("many_strings", '{"version":1,"runs":[' + ",".join(['"ab"'] * 500_000) + "]}", "more quotes than")
    add("four_million_numbers", '{"version":1,"runs":[' + ",".join(["0.5"] * 4_000_000) + "]}", "more values than")
    # -- the runs -------------------------------------------------------------------------
    add("run_length_infinity", '{"version":1,"runs":[[Infinity,0,0,0]]}', "Infinity is not a number")
    add("run_flag_nan", '{"version":1,"runs":[[1,0,0,NaN]]}', "NaN is not a number")
    add("run_move_minus_infinity", '{"version":1,"runs":[[1,-Infinity,0,0]]}', "-Infinity is not a number")
    add("run_is_an_object", runs({"n": 1}), "run 2 should be [ticks, x, y, flags]")
    add("run_is_a_string", runs("1,0,0,0"), "run 2 should be [ticks, x, y, flags]")
    add("run_too_short", runs([1, 0, 0]), "run 2 should be")
    add("run_of_five", runs([1, 0, 0, 0, 5]), "run 2 should be")
    add("run_length_true", runs([True, 0, 0, 0]), "run 2: its tick count")
    add("run_length_zero", runs([0, 0, 0, 0]), "run 2: its tick count")
    add("run_length_negative", runs([-5, 0, 0, 0]), "run 2: its tick count")
    add("run_length_float", runs([1.5, 0, 0, 0]), "run 2: its tick count")
    add("run_flags_8", runs([1, 0, 0, 8]), "run 2: its flags")
    add("run_flags_text", runs([1, 0, 0, "sneak"]), "run 2: its flags")
    add("run_move_text", runs([1, "left", 0, 0]), "run 2: its move")
    add("run_move_huge_int", '{"version":1,"runs":[[1,1' + "0" * 400 + ',0,0]]}', "run 1: its move")
    add("run_throw_null", runs([1, 0, 0, 0, None, 3]), "run 2: its move")
    add("run_length_4300_digits", '{"version":1,"runs":[[' + "9" * 5000 + ",0,0,0]]}", "not a replay")
    add("longer_than_a_day", runs([24 * 3600 * 60, 0, 0, 0]), "longer than 24 hours")
    add("runs_missing", {"version": 1, "seed": 0}, "runs should be a list")
    add("runs_an_object", {"version": 1, "runs": {"1": [1, 0, 0, 0]}}, "runs should be a list")
    # -- the rest of the document ---------------------------------------------------------
    add("seed_text", dict(route(), seed="zero"), "seed should be a whole number")
    add("seed_past_64_bits", dict(route(), seed=2**64), "seed should be a whole number")
    add("seed_float", dict(route(), seed=0.5), "seed should be a whole number")
    add("difficulty_unknown", dict(route(), difficulty="nightmare"), "difficulty should be one of")
    add("difficulty_number", dict(route(), difficulty=3), "difficulty should be one of")
    add("restarts_negative", dict(route(), restarts=[-1]), "restarts should be")
    add("restarts_past_the_end", dict(route(), restarts=[10**9]), "restarts should be")
    add("restarts_text", dict(route(), restarts="twice"), "restarts should be")
    add("start_bad_chain", dict(route(), start=[[[-3, 0, 0, 0]]]), "corrupt checkpoint input")
    add("start_huge_int", dict(route(), start=[[[1, 10**400, 0, 0]]]), "corrupt checkpoint input")
    add("start_not_reached", dict(route(), start=[[[5, 0.0, 0.0, 0]]]), "its checkpoint does not fit")
    add("map_a_number", dict(route(), map=5), "map should be a file name")
    add("map_sha256_short", dict(route(), map_sha256="abc"), "map_sha256 should be")
    # -- another map, another seed ----------------------------------------------------------
    add("another_map", dict(route(), map="carwash.tmx", map_sha256="0" * 64), "recorded on the map 'carwash.tmx'")
    add("another_map_no_digest", {k: v for k, v in route().items() if k != "map_sha256"} | {"map": "carwash.tmx"},
        "recorded on the map 'carwash.tmx', not 'garage.tmx'")
    add("played_on_another_map", route(), "recorded on the map 'garage.tmx', not 'highschool.tmx'",
        map_path=ROOT / "maps" / "highschool.tmx")
    add("another_seed", route(), "recorded with seed 0, not 5", more=("--seed", "5"))
    # -- odd but good ---------------------------------------------------------------------
    add("the_same_seed_given", route(), None, "plays", more=("--seed", "0"))
    copy = folder / "copy"
    copy.mkdir()
    shutil.copy(MAP, copy / "renamed.tmx")
    (copy / "tilesets").symlink_to(ROOT / "maps" / "tilesets")
    add("a_renamed_copy_of_its_map", route(), None, "plays", map_path=copy / "renamed.tmx")
    edited = folder / "edited"
    edited.mkdir()
    (edited / "garage.tmx").write_text(MAP.read_text().replace("</map>", "<!-- edited -->\n</map>"))
    (edited / "tilesets").symlink_to(ROOT / "maps" / "tilesets")
    add("its_map_edited_since", route(), "has changed since this replay was recorded", "plays",
        map_path=edited / "garage.tmx")
    add("no_map_no_seed", {"version": 1, "runs": [[30, 1.0, 0.0, 0]]}, None, "plays")
    return cases


def argument_cases(folder: Path) -> list[Case]:
    """Command lines `game.sim` and `python -m game` must refuse in one line naming the argument."""
    folder.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []
    garage = str(MAP)

    def add(name: str, klass: str, argv: list[str], expect: str, names: str) -> None:
        cases.append(Case(name, klass, argv, expect, names))

    for value in ("nan", "inf", "-inf", "-1", "0", "1e12", "86401", "soon"):
        add(f"sim_seconds_{value}", "sim_args", ["-m", "game.sim", garage, f"--seconds={value}"],
            f"must be a finite number of seconds > 0 and at most 86400 (got {value})", "--seconds")
    for value in (str(2**64), "1.5", "nan", "-" + str(2**63 + 1)):
        add(f"sim_seed_{value[:8]}", "sim_args", ["-m", "game.sim", garage, f"--seed={value}"],
            "must be a whole number that fits in 64 bits", "--seed")
    add("sim_player_unknown", "sim_args", ["-m", "game.sim", garage, "--player", "sleepwalk"],
        "unknown player sleepwalk", "--player")
    add("sim_player_replay_without_file", "sim_args", ["-m", "game.sim", garage, "--player", "replay:"],
        "unknown player replay:", "--player")
    add("sim_unknown_option", "sim_args", ["-m", "game.sim", garage, "--turbo"], "unrecognized arguments: --turbo", "--turbo")
    add("sim_no_map", "sim_args", ["-m", "game.sim"], "the following arguments are required: map", "map")
    add("sim_megabyte_argument", "sim_args", ["-m", "game.sim", garage, "--seconds", "9" * 100_000],
        "must be a finite number of seconds", "--seconds")

    game = ["-m", "game"]
    for value in ("0", "-1", "x", "1e12", str(24 * 3600 * 60 + 1)):
        add(f"game_frames_{value}", "game_args", [*game, f"--frames={value}"], f"must be a whole number from 1 to", "--frames")
    for value in (str(2**64), "nan", "0x10"):
        add(f"game_seed_{value[:8]}", "game_args", [*game, "--seed", value], "must be a whole number that fits in 64 bits",
            "--seed")
    for value in ("0", "9", "one"):
        add(f"game_chapter_{value}", "game_args", [*game, "--chapter", value], "chapter", "--chapter")
    add("game_screenshot_without_frames", "game_args", [*game, "--screenshot", str(folder / "a.png")],
        "--screenshot needs --frames N", "--screenshot")
    add("game_unknown_option", "game_args", [*game, "--god-mode"], "unrecognized arguments: --god-mode", "--god-mode")

    # Output paths: the session would be long (a chapter, 10 minutes of frames): the refusal must
    # come before it starts.
    session = [*game, "--chapter", "1", "--skip-intro", "--frames", "36000"]
    (folder / "a_file").write_text("in the way\n")
    (folder / "a_folder").mkdir(exist_ok=True)
    targets = {
        "into_a_missing_folder": (folder / "missing" / "out", "the folder"),
        "onto_a_folder": (folder / "a_folder", "is a folder, not a file"),
        "under_a_file": (folder / "a_file" / "out", "is not a folder"),
    }
    locked = read_only_folder(folder)
    if locked is not None:
        targets["into_a_read_only_folder"] = (locked / "out", "cannot write into the folder")
    for option, suffix in (("--record", ".json"), ("--screenshot", ".png")):
        for what, (target, expect) in targets.items():
            path = str(target) + (suffix if target.name == "out" else "")
            add(f"{option[2:]}_{what}", "outputs", [*session, option, path], expect, option)
    return cases


# -- the player's own files ----------------------------------------------------------------

FIRST = "nobody"


@dataclass(frozen=True)
class HomeCase:
    """A folder of the player's files with one thing wrong with `file` (save or settings)."""

    name: str
    file: str  # "save" or "settings"
    folder: Path
    expect: str  # in the one notice
    result: str  # "backup" (the backup's content), "fresh" (a new game / defaults) or "salvaged"
    left: tuple[str, ...] = ()  # names that must still be there, as they were (not renamed aside)
    moved: bool = False  # the bad file is renamed to .corrupt


def good_save(playtime: float = 812.25) -> dict:
    record = {"completed": True, "best_time": 95.5, "spotted": 2, "alerts": 1, "distractions": 3, "ghost": False}
    return {"version": 1, "unlocked": [FIRST, "clean"], "current": "clean", "chapters": {FIRST: record},
            "playtime": playtime, "started": [FIRST], "checkpoints": {}}


def good_settings(difficulty: str = "easy") -> dict:
    return {"version": 1, "difficulty": difficulty, "master_volume": 0.5}


def _not_a_file(path: Path, kind: str) -> None:
    if kind == "pipe":
        os.mkfifo(path)
    elif kind == "dev_zero":
        path.symlink_to("/dev/zero")
    elif kind == "dev_random":
        path.symlink_to("/dev/urandom")
    elif kind == "folder":
        path.mkdir()
        (path / "inside").write_text("a folder where the file should be\n")


def write_home_corpus(folder: Path) -> list[HomeCase]:
    folder.mkdir(parents=True, exist_ok=True)
    cases: list[HomeCase] = []

    for file, name, good, older in (("save", "save.json", good_save(), good_save(100.0)),
                                    ("settings", "settings.json", good_settings(), good_settings("hard"))):
        def home(case: str) -> Path:
            path = folder / f"{file}_{case}"
            path.mkdir()
            return path

        def add(case: str, home_folder: Path, expect: str, result: str, left=(), moved=False) -> None:
            cases.append(HomeCase(f"{file}_{case}", file, home_folder, expect, result, tuple(left), moved))

        for kind, words in (("pipe", "named pipe"), ("dev_zero", "device"), ("dev_random", "device"),
                            ("folder", "folder")):
            # the file is not a file: with a backup, without one; and the backup is not one
            h = home(f"{kind}_with_backup")
            _not_a_file(h / name, kind)
            (h / f"{name}.bak").write_text(json.dumps(older))
            add(f"{kind}_with_backup", h, words, "backup", [name])
            h = home(f"{kind}_without_backup")
            _not_a_file(h / name, kind)
            add(f"{kind}_without_backup", h, words, "fresh", [name])
            h = home(f"missing_and_backup_{kind}")
            _not_a_file(h / f"{name}.bak", kind)
            add(f"missing_and_backup_{kind}", h, "", "fresh", [f"{name}.bak"])
            h = home(f"damaged_and_backup_{kind}")
            (h / name).write_text("{not json")
            _not_a_file(h / f"{name}.bak", kind)
            add(f"damaged_and_backup_{kind}", h, "no usable backup", "fresh", [f"{name}.bak"], moved=True)

        h = home("too_big")
        (h / name).write_bytes(b" " * (4 * MiB + 1) + json.dumps(good).encode())
        add("too_big", h, "more than the", "fresh", moved=True)
        h = home("nested_100000")
        (h / name).write_text("[" * 100_000 + "]" * 100_000)
        add("nested_100000", h, "nested too deeply", "fresh", moved=True)
        h = home("nested_in_a_field")
        (h / name).write_text(json.dumps(dict(good, unlocked=None))[:-1] + ', "extra": ' + "[" * 900 + "]" * 900 + "}")
        add("nested_in_a_field", h, "unlocked" if file == "save" else "", "salvaged")
        h = home("number_of_5000_digits")
        (h / name).write_text(json.dumps(good)[:-1] + ', "huge": ' + "9" * 5000 + "}")
        add("number_of_5000_digits", h, "not valid JSON", "fresh", moved=True)

    # One bad part of a save: the rest is kept, nothing moved.
    def salvage(case: str, edit, expect: str) -> None:
        h = folder / f"save_{case}"
        h.mkdir()
        doc = good_save()
        edit(doc)
        (h / "save.json").write_text(json.dumps(doc))  # NaN and Infinity as Python writes them
        cases.append(HomeCase(f"save_{case}", "save", h, expect, "salvaged", ("save.json",)))

    salvage("playtime_negative", lambda d: d.update(playtime=-5), "a bad playtime (-5); it was reset, the rest is kept.")
    salvage("playtime_infinity", lambda d: d.update(playtime=float("inf")), "a bad playtime (inf)")
    salvage("playtime_nan", lambda d: d.update(playtime=float("nan")), "a bad playtime (nan)")
    salvage("playtime_huge_int", lambda d: d.update(playtime=10**400), "a bad playtime")
    salvage("count_negative", lambda d: d["chapters"][FIRST].update(alerts=-4), "a bad alerts count")
    salvage("count_infinity", lambda d: d["chapters"][FIRST].update(alerts=float("inf")), "a bad record for chapter")
    salvage("record_a_string", lambda d: d["chapters"].update(clean="done"), "a bad record for chapter 'clean'")
    salvage("unlocked_a_number", lambda d: d.update(unlocked=3), "a bad list of unlocked chapters")
    salvage("unlocked_megabyte_id", lambda d: d["unlocked"].append("x" * 1_000_000), "a bad entry ('xxxx")
    salvage("checkpoint_huge_int", lambda d: d["checkpoints"].update(
        clean={"seed": 0, "difficulty": "normal", "chain": [[[1, 10**400, 0, 0]]]}), "checkpoint could not be read")
    return cases
