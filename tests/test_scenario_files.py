"""Scenario files (game/scenario/): the runner, the pytest plugin and the command line.

The scenarios that must pass live in tests/scenarios/ and are collected by the plugin as tests of
their own. Here: scenarios written to fail (tests/scenario_failing/, each expectation kind and
each way a script cannot go on, failing once with its message checked), bad files (one line
naming the file, the line and the problem, exit 2), the plugin collecting and reporting, the
replay a failure writes (the same bytes twice, and `game.sim` plays it to the same events), and
the exit codes.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT, TEST_MAPS
from game.scenario import SUFFIX
from game.scenario.__main__ import main
from game.scenario.expect import parse_expectation
from game.scenario.parse import load_scenario
from game.scenario.places import Places
from game.scenario.run import report, run_scenario, write_replay
from game.scenario.source import ScenarioError, Source
from game.scenario.steps import parse_step
from game.scenario.words import Words
from game.world.level import load_level

pytest_plugins = ["pytester"]

SCENARIOS = ROOT / "tests" / "scenarios"
FAILING = ROOT / "tests" / "scenario_failing"

# Each scenario written to fail -> the first line the runner prints for it, after "FAIL <file>: ".
FAILS = {
    "never_happens": 'line 5: guard "lookout" becomes suspicious before 5 s: it never happened before 5 s',
    "happens_too_often": 'line 8: guard "listener" becomes suspicious twice before 4 s: it happened once, not twice '
                         'before 4 s',
    "happens_more_than_at_most": 'line 5: guard "walker" leaves patrol at most 0 times: it happened once, not 0 times '
                                 '(the first at 3.18 s: guard "walker" patrol -> suspicious (saw_movement))',
    "no_guard_leaves_patrol": 'line 5: no guard leaves patrol: it did, at 3.18 s: guard "walker" patrol -> suspicious '
                              '(saw_movement)',
    "caught_within": "line 5: caught within 10 s: it never happened before 10 s",
    "not_caught": 'line 5: not caught: it did, at 5.65 s: caught by guard "walker"',
    "is_within": 'line 8: guard "hall_guard" is within 0.5 tiles of "alcove" between 5 and 12 s: it never was between '
                 '5 and 12 s (nearest: 1.00 tiles, at 6.87 s)',
    "stays_within": 'line 5: guard "hall_guard" stays within 2 tiles of "hall_guard": at 0.90 s it was not (2.02 tiles away)',
    "says_a_bark": 'line 5: guard "lookout" says a bark of kind heard_step: it never happened in the whole run',
    "objective_done": 'line 5: objective "ledger" done: it never happened in the whole run',
    "level_complete": "line 5: level complete: it never happened in the whole run",
    "alert_phase_after_the_end": "line 5: the alert phase becomes evasion before 20 s: it never happened before 20 s "
                                 "(the run ended at 5.65 s: caught)",
    "door_opened_by_a_guard": 'line 8: door "side_door" opens by guard "watcher": it never happened in the whole run',
    "door_stays_shut": 'line 8: door "side_door" stays shut: at 0.00 s it was not',
    "light_goes_off": 'line 5: light "hall_light" goes off: it never happened in the whole run',
    "noise_maker_shut_off": 'line 8: noise maker "car_alarm" is shut off by guard "far": it never happened in the whole '
                            'run (the run ended at 6.75 s: caught)',
    "hides_unseen": 'line 9: Jesse hides in "alcove" unseen: it never happened in the whole run (the run ended at '
                    '7.33 s: caught)',
    "radios": 'line 5: guard "slow" radios guard "partner": it never happened in the whole run',
    "guard_is_alert": 'line 5: guard "lookout" is alert: it never was in the whole run',
    "sees_jesse": 'line 5: guard "lookout" sees Jesse: it never was in the whole run',
    "notices_nothing": "line 5: no guard notices Jesse: it was, at 1.93 s (awareness 0.0039)",
    "no_way_there": 'line 5: walk to "watcher": no way for Jesse to walk to "watcher" from where he stands (a wall or '
                    'a shut door between) (at 0.00 s)',
    "waits_forever": 'line 5: wait until guard "lookout" sees Jesse: still waiting when the run ended at 4.00 s',
    "nothing_to_interact_with": "line 6: interact: nothing within Jesse's reach to interact with (at 1.00 s)",
    "time_runs_out": "line 5: time runs out: it never happened in the whole run",
    "item_taken": 'line 5: item "key" taken: it never happened in the whole run',
    "jesse_is_within": 'line 5: Jesse is within 1 tile of "north_end": it never was in the whole run (nearest: 2.00 '
                       'tiles, at 0.00 s)',
    "phase_stays": "line 5: the alert phase stays calm: at 5.12 s it was not (the phase is alert)",
    "noise_made": "line 5: a noise of kind throw: it never happened in the whole run",
}


def failing(name: str) -> Path:
    return FAILING / f"{name}.fails.toml"


def test_every_failing_scenario_has_its_message_here_and_none_is_collected_as_a_test():
    assert sorted(p.name for p in FAILING.iterdir()) == sorted(failing(n).name for n in FAILS)
    assert not any(p.name.endswith(SUFFIX) for p in FAILING.iterdir())


def test_there_are_scenarios_to_pass():
    assert len(list(SCENARIOS.glob(f"*{SUFFIX}"))) >= 15


@pytest.mark.parametrize("name", sorted(FAILS))
def test_a_scenario_written_to_fail_fails_with_its_message(name, tmp_path):
    verdict = run_scenario(load_scenario(failing(name)))
    assert not verdict.passed
    replay, problem = write_replay(verdict, tmp_path)
    text = report(verdict, replay, problem)
    first, *rest = text.splitlines()
    assert first == f"FAIL {failing(name)}: {FAILS[name]}"
    assert rest[0].startswith("  events around ") or rest[0].startswith("  no events within")
    assert rest[-1] == f"  replay: {replay}  (watch it: python -m game --replay {replay})"
    assert json.loads(replay.read_text())["map"].endswith(".tmx")


def test_the_events_around_a_failure_are_told_with_the_maps_names():
    verdict = run_scenario(load_scenario(failing("not_caught")))
    lines = report(verdict).splitlines()
    assert lines[1] == "  events around 5.65 s:"
    assert '       5.65 s  caught by guard "walker"' in lines
    assert '       5.12 s  alert phase: alert' in lines


def test_the_first_failure_in_time_is_the_one_reported_with_a_count_of_the_others(tmp_path):
    path = tmp_path / f"two{SUFFIX}"
    path.write_text(f'map = "{TEST_MAPS / "ai_open.tmx"}"\nseconds = 10\nexpect = """\nnot caught\n'
                    'no guard leaves patrol\n"""\n')
    verdict = run_scenario(load_scenario(path))
    assert verdict.failure.startswith("line 5: no guard leaves patrol: it did, at 3.18 s")
    assert verdict.failure.endswith("(and 1 more failed)")


# ---------------------------------------------------------------- the replay

def test_the_same_scenario_twice_writes_the_same_replay_bytes(tmp_path):
    replays = []
    for run in ("first", "second"):
        verdict = run_scenario(load_scenario(failing("hides_unseen")))
        replay, _ = write_replay(verdict, tmp_path / run)
        replays.append(replay.read_bytes())
    assert replays[0] == replays[1]
    assert len(json.loads(replays[0])["runs"]) > 2  # a script, not a Jesse standing still


def test_the_replay_plays_in_game_sim_to_the_same_events(tmp_path):
    from game.replay import load_replay
    from game.sim import replay_world, run

    verdict = run_scenario(load_scenario(failing("hides_unseen")))
    replay, _ = write_replay(verdict, tmp_path)
    data = load_replay(replay)
    level = load_level(data["map"])
    result = run(replay_world(level, data["seed"], str(replay), data), data["player"], 60 * 60, retry=True)
    assert result["outcome"] == "caught" and result["events"] == list(verdict.events)


# ---------------------------------------------------------------- bad files

def _scenario(tmp_path, text: str, map_path=TEST_MAPS / "ai_wall.tmx", name=f"bad{SUFFIX}") -> Path:
    path = tmp_path / name
    path.write_text(text.replace("MAP", str(map_path)))
    return path


OK_EXPECT = 'expect = "not caught"\n'


def _script(*lines: str) -> str:
    """A file with the map, nothing in the way of passing, and this script."""
    return 'map = "MAP"\n' + OK_EXPECT + 'script = """\n' + "".join(f"{line}\n" for line in lines) + '"""\n'


def _expect(*lines: str) -> str:
    """A file with the map and these expectations."""
    return 'map = "MAP"\nexpect = """\n' + "".join(f"{line}\n" for line in lines) + '"""\n'


BAD = [  # (what, the file's text, the line named or None, the words of the problem)
    ("not TOML", 'map = "MAP"\nseconds = \n', 2, "not valid TOML (Invalid value)"),
    ("a duplicate key", 'map = "MAP"\nmap = "MAP"\n', 2, "not valid TOML (Cannot overwrite a value)"),
    ("deeply nested", 'map = "MAP"\nx = ' + "[" * 50_000 + "]" * 50_000 + "\n", None, "nested too deeply"),
    ("an integer of 5000 digits", 'map = "MAP"\nseed = ' + "9" * 5000 + "\n", None, "Exceeds the limit"),
    ("an unknown key", 'map = "MAP"\nsed = 3\n' + OK_EXPECT, 2, "unknown key 'sed' (a scenario has: map, seed,"),
    ("no map", OK_EXPECT, None, 'no map: say which, e.g. map = "../maps/ai_open.tmx"'),
    ("a map that is a number", "map = 3\n" + OK_EXPECT, 1, "map should be the map's file name, in quotes, not a whole number"),
    ("a missing map", 'map = "nowhere.tmx"\n' + OK_EXPECT, 1, "the map 'nowhere.tmx' was not found"),
    ("a map that is a folder", 'map = "."\n' + OK_EXPECT, 1, "the map '.' is a folder, not a map file"),
    ("a map that is a binary file", f'map = "{ROOT / "assets" / "sprites" / "jesse.png"}"\n' + OK_EXPECT, 1,
     "the map cannot be played: "),
    ("a seed too big", 'map = "MAP"\nseed = 9223372036854775808\n' + OK_EXPECT, 2, "seed should be a whole number that fits in 64 bits"),
    ("a seed in quotes", 'map = "MAP"\nseed = "1"\n' + OK_EXPECT, 2, "seed should be a whole number, not text"),
    ("seconds NaN", 'map = "MAP"\nseconds = nan\n' + OK_EXPECT, 2, "seconds should be more than 0 and at most 600 (got nan)"),
    ("seconds infinite", 'map = "MAP"\nseconds = inf\n' + OK_EXPECT, 2, "seconds should be more than 0 and at most 600 (got inf)"),
    ("seconds negative", 'map = "MAP"\nseconds = -5\n' + OK_EXPECT, 2, "seconds should be more than 0 and at most 600 (got -5)"),
    ("seconds huge", 'map = "MAP"\nseconds = 1e300\n' + OK_EXPECT, 2, "seconds should be more than 0 and at most 600"),
    ("seconds true", 'map = "MAP"\nseconds = true\n' + OK_EXPECT, 2, "seconds should be a number of seconds, not true or false"),
    ("an unknown difficulty", 'map = "MAP"\ndifficulty = "insane"\n' + OK_EXPECT, 2,
     "difficulty should be one of easy, normal, hard (got 'insane')"),
    ("a script that is a table", 'map = "MAP"\n' + OK_EXPECT + "[script]\nx = 1\n", 3, "script should be text, one line each"),
    ("a script of numbers", 'map = "MAP"\n' + OK_EXPECT + "script = [1, 2]\n", 3, "script should be lines of text; one entry is a whole number"),
    ("no expectations", _expect("# nothing"), 2, "nothing is expected"),
    ("an unknown verb", _script("wait 1 s", 'wlak to "middle"'), 5,
     "unknown verb 'wlak' (the verbs: walk to, sneak to"),
    ("a verb without its word", _script('walk "middle"'), 4, "expected 'walk to', got '\"middle\"'"),
    ("an unknown name", _script('walk to "midle"'), 4,
     'ai_wall.tmx has no object named "midle" (did you mean "middle"?)'),
    ("an unknown id", _script("walk to #99999999999999999999"), 4, "ai_wall.tmx has no object #99999999999999999999"),
    ("a thing of the wrong kind", _script('flip switch "lookout"'), 4,
     '"lookout" is a Guard, not a LightSwitch (flip switch)'),
    ("a time that is not a number", _script("wait NaN s"), 4,
     "how long to wait must be a number of seconds, got 'NaN'"),
    ("a negative time", _script("wait -2 s"), 4, "how long to wait must be from 0 to 600 seconds (got -2)"),
    ("a huge time", _script("wait 1e400 s"), 4, "how long to wait must be from 0 to 600 seconds (got 1e400)"),
    ("a time without its unit", _script("wait 2"), 4, "how long to wait: 2 what? write it with its unit (2 s)"),
    ("a quote not closed", 'map = "MAP"\n' + OK_EXPECT + "script = '''\nwalk to \"middle\n'''\n", 4,
     'the quote " is not closed'),
    ("words after the step", _script("interact twice"), 4, "unexpected 'twice' after 'interact'"),
    ("a line too long", _script("wait " + "9" * 500 + " s"), 4, "a line of 507 characters; at most 400"),
    ("steps after an endless pace", _script('pace between "north_end" and "south_end"', "wait 1 s"), 5,
     "the steps after an endless 'pace between' never come"),
    ("an unknown expectation", _expect('guard "lookout" dances'), 3,
     "expected what the guard does (becomes, goes from"),
    ("an unknown state", _expect('guard "lookout" becomes angry'), 3,
     "expected a guard state (patrol, suspicious, investigate, alert, search, return), got 'angry'"),
    ("an unknown bark", _expect('guard "lookout" says a bark of kind hello'), 3,
     "expected a kind of bark (heard_step, "),
    ("an unknown cause", _expect('guard "lookout" becomes alert because reasons'), 3,
     "expected a cause (saw_movement, "),
    ("an objective the map has not", _expect('objective "ledger" done'), 3,
     'ai_wall.tmx has no objective "ledger" (it has: none)'),
    ("a guard that is not one", _expect('guard "middle" is alert'), 3, '"middle" is a mark, not a Guard or Marco'),
    ("a window after the end", 'map = "MAP"\nseconds = 20\nexpect = """\ncaught before 100 s\n"""\n', 4,
     "100 s is after the scenario's end (seconds = 20)"),
    ("a window the wrong way round", _expect("caught between 5 and 2 s"), 3,
     "the window ends (2 s) before it starts (5 s)"),
    ("any guard stays", _expect("any guard stays on patrol"), 3,
     "'any guard ... stays' is ambiguous: say which guard stays"),
    ("a count on what is", _expect('guard "lookout" is alert twice'), 3, "a count (twice) goes with what happens"),
    ("not with a count", _expect("not caught once"), 3, "'not' or 'never' with a count: say 'at most N times'"),
    ("a count of a fraction", _expect("caught at least 1.5 times"), 3, "a count must be a whole number (got 1.5)"),
    ("an expectation list entry", 'map = "MAP"\nexpect = ["not caught", "caught by guard \\"nobody\\""]\n', 2,
     'ai_wall.tmx has no object named "nobody"'),
]


@pytest.mark.parametrize("what,text,line,words", BAD, ids=[b[0] for b in BAD])
def test_a_bad_scenario_file_is_one_line_naming_the_file_and_line_and_exit_2(tmp_path, capsys, what, text, line, words):
    path = _scenario(tmp_path, text)
    assert main([str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1, err
    where = f"{path}: line {line}: " if line else f"{path}: "
    assert err.startswith(where) and words in err, err
    if line is None:
        assert ": line " not in err


def test_a_binary_or_unreadable_scenario_file_is_one_line(tmp_path, capsys):
    cases = {"zeros.scenario.toml": b"\0\1\2", "latin1.scenario.toml": b"map = '\xe9'\n"}
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "huge.scenario.toml").write_bytes(b"#" * (300 * 1024))
    for name, words in (("zeros.scenario.toml", "not a scenario (binary data, not TOML text)"),
                        ("latin1.scenario.toml", "not a scenario (not UTF-8 text)"),
                        ("huge.scenario.toml", "cannot read the scenario (it is 307200 bytes, more than the 262144 allowed)"),
                        ("missing.scenario.toml", "cannot read the scenario (file not found)")):
        assert main([str(tmp_path / name)]) == 2
        err = capsys.readouterr().err
        assert err == f"{tmp_path / name}: {words}\n"


def test_two_objects_of_one_name_must_be_named_by_their_ids(tmp_path):
    text = (TEST_MAPS / "ai_switch.tmx").read_text().replace('name="back_turned"', 'name="watcher"')
    (tmp_path / "twins.tmx").write_text(text.replace('source="../../maps/', f'source="{ROOT}/maps/'))
    path = _scenario(tmp_path, 'map = "twins.tmx"\nexpect = """\nguard "watcher" is alert\n"""\n')
    with pytest.raises(ScenarioError, match=r'line 3: 2 objects in twins.tmx are named "watcher" \(#3 and #6\): name '
                                            r'one by its id'):
        load_scenario(path)


VOCABULARY = ["walk", "to", "sneak", "sprint", "pace", "between", "and", "wait", "until", "for", "throw", "at",
              "interact", "hide", "in", "flip", "switch", "set", "off", "open", "close", "door", "take", "talk",
              "guard", "any", "no", "not", "never", "becomes", "goes", "from", "is", "stays", "within", "of",
              "tiles", "s", "before", "after", "once", "twice", "times", "least", "most", "caught", "by", "alert",
              "phase", "patrol", "sees", "Jesse", "light", "noise", "maker", '"lookout"', '"middle"', "#2", "#0",
              "1", "-1", "2.5", "1e400", "nan", "'", '"', ",", "#", "¤"]


@pytest.fixture(scope="module")
def wall_places():
    return Places(load_level(TEST_MAPS / "ai_wall.tmx"))


@settings(max_examples=300, deadline=None)
@given(line=st.lists(st.sampled_from(VOCABULARY), max_size=10).map(" ".join))
def test_any_line_of_words_parses_or_is_a_one_line_error(wall_places, line):
    source = Source(Path("fuzz.scenario.toml"), (line,))
    for parse in (lambda w: parse_step(w, wall_places), lambda w: parse_expectation(w, wall_places, 60.0)):
        try:
            words = Words(source, 1, line)
            if not words.at_end():
                parse(words)
        except ScenarioError as exc:
            assert exc.line().startswith("fuzz.scenario.toml: line 1: ") and "\n" not in exc.line()


# ---------------------------------------------------------------- the command line

def test_the_runner_exits_0_1_or_2_and_prints_a_line_per_scenario(tmp_path, capsys):
    passing, fails = SCENARIOS / f"caught_in_his_path{SUFFIX}", failing("not_caught")
    assert main([str(passing), "--replays", str(tmp_path)]) == 0
    assert capsys.readouterr().out == f"PASS {passing} (5.7 s of play)\n"
    assert main([str(passing), str(fails), "--replays", str(tmp_path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"PASS {passing} (5.7 s of play)" and out[1] == f"FAIL {fails}: {FAILS['not_caught']}"
    assert (tmp_path / "not_caught.fails.replay.json").is_file()
    bad = _scenario(tmp_path, 'map = "MAP"\n')
    assert main([str(bad), str(passing), "--replays", str(tmp_path)]) == 2  # the others still run
    captured = capsys.readouterr()
    assert captured.out.startswith("PASS ") and captured.err == f"{bad}: nothing is expected: a scenario needs at least " \
                                                               f"one expectation (expect = ...)\n"


def test_a_folder_is_every_scenario_in_it_and_an_empty_one_is_refused(tmp_path, capsys):
    assert main([str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"{tmp_path}: no *{SUFFIX} files in this folder\n"
    (tmp_path / f"a{SUFFIX}").write_text(f'map = "{TEST_MAPS / "ai_wall.tmx"}"\nseconds = 1\nexpect = "not caught"\n')
    assert main([str(tmp_path)]) == 0
    assert capsys.readouterr().out == f"PASS {tmp_path / ('a' + SUFFIX)} (1.0 s of play)\n"


def test_events_lists_what_happened_to_write_expectations_from(capsys):
    assert main([str(SCENARIOS / f"door_found_open{SUFFIX}"), "--events"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert '       0.50 s  guard "watcher" patrol -> suspicious (door_found_open)' in out


def test_as_a_program_a_bad_argument_is_one_line_and_exit_2():
    from conftest import run_module

    done = run_module("game.scenario")
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "the following arguments are required" in done.stderr
    done = run_module("game.scenario", str(failing("caught_within")), "--replays", "/dev/null/nowhere")
    assert done.returncode == 1, done.stderr
    assert done.stdout.splitlines()[0] == f"FAIL {failing('caught_within')}: {FAILS['caught_within']}"
    assert "  no replay: cannot write /dev/null/nowhere/caught_within.fails.replay.json" in done.stdout


def test_the_example_beside_a_shipped_map_passes():
    examples = sorted((ROOT / "maps").glob(f"*{SUFFIX}"))
    assert examples
    for path in examples:
        verdict = run_scenario(load_scenario(path))
        assert verdict.passed, report(verdict)


# ---------------------------------------------------------------- the pytest plugin

def _copy(pytester, name: str, source: Path) -> Path:
    text = source.read_text().replace('"../maps/', f'"{TEST_MAPS}/')
    return pytester.path.joinpath(name).write_text(text) or pytester.path / name


def test_the_plugin_collects_scenarios_as_tests_and_reports_the_runners_message(pytester):
    _copy(pytester, f"passes{SUFFIX}", SCENARIOS / f"caught_in_his_path{SUFFIX}")
    _copy(pytester, f"fails{SUFFIX}", failing("not_caught"))
    (pytester.path / f"broken{SUFFIX}").write_text("map = 3\n")
    (pytester.path / "settings.toml").write_text("not = 'a scenario'\n")
    result = pytester.runpytest("-p", "no:cacheprovider", "--scenario-replays", str(pytester.path / "replays"))
    result.assert_outcomes(passed=1, failed=2)
    out = result.stdout.str()
    assert f"FAIL {pytester.path / ('fails' + SUFFIX)}: {FAILS['not_caught']}" in out
    assert f"replay: {pytester.path / 'replays' / 'fails.replay.json'}" in out
    assert f"{pytester.path / ('broken' + SUFFIX)}: line 1: map should be the map's file name, in quotes, not a whole " \
           f"number" in out
    assert "Traceback" not in out and "settings" not in out
    listed = pytester.runpytest("-p", "no:cacheprovider", "--collect-only", "-q").stdout.str()
    assert f"passes{SUFFIX}::passes" in listed and f"fails{SUFFIX}::fails" in listed


def test_the_plugin_leaves_a_project_without_scenarios_alone(pytester):
    pytester.makepyfile(test_plain="def test_one():\n    assert True\n")
    (pytester.path / "pyproject.toml").write_text("[tool.pytest.ini_options]\naddopts = ''\n")
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)
    assert "redemption" in result.stdout.str()  # the plugin was loaded there, and changed nothing


def test_pytest_still_starts_in_a_project_with_a_game_package_of_its_own(tmp_path):
    """A project whose own `game` package shadows ours: the entry point must not stop pytest."""
    (tmp_path / "game").mkdir()
    (tmp_path / "game" / "__init__.py").write_text("")
    (tmp_path / "test_theirs.py").write_text(f"import game\n\ndef test_theirs():\n    assert game.__file__.startswith("
                                             f"{str(tmp_path)!r})\n")
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 passed" in done.stdout


# ---------------------------------------------------------------- the designers' guide

GUIDE = ROOT / "maps" / "README.md"


def _guide_examples() -> tuple[list[str], list[str]]:
    """The script steps and the expectations maps/README.md gives as examples: the code in its
    tables' example column (asides in brackets left out), and the conditions of `wait until`."""
    text = GUIDE.read_text()
    section = text[text.index("## Checking a level's behaviour"):text.index("## Tools")]
    script = section[section.index("### The script"):section.index("### The expectations")]
    expectations = section[section.index("### The expectations"):]

    def examples(part: str) -> list[str]:
        cells = [re.split(r"(?<!\\)\|", line)[1:-1] for line in part.splitlines() if line.startswith("| ")]
        return [code for row in cells[1:] for code in re.findall(r"`([^`]*)`", re.sub(r"\([^)]*\)", "", row[1]))]

    conditions = script.split("Conditions for `wait until`:")[1]
    steps = examples(script) + [f"wait until {c}" for c in re.findall(r"`((?:guard|any guard|the alert|door|Jesse)"
                                                                      r"[^`]*)`", conditions)]
    return steps, examples(expectations)


def test_every_example_in_the_designers_guide_reads():
    """The guide's examples are read against a map with the names they use, so the guide cannot say
    what the files do not accept."""
    from game.world.tmx import MapObject

    names = {"pete": "Guard", "sam": "Guard", "locker_2": "HidingSpot", "bay_door": "Door",
             "yard_light": "LightSwitch", "radio": "NoiseMaker", "go_bag": "Item", "ledger": "Objective",
             "crate_3": "HidingSpot", "post": "HidingSpot", "dark_corner": "HidingSpot", "west": "HidingSpot",
             "east": "HidingSpot"}
    props = {"Item": {"item": "go_bag"}, "Objective": {"objective": "ledger"}, "LightSwitch": {"light": 0},
             "Kim": {"dialogue": "kim"}}
    objects = [MapObject(i, kind, name, "point", 32.0 * i, 32.0, 0, 0, (), props.get(kind, {}))
               for i, (name, kind) in enumerate(names.items(), 1)] + [MapObject(24, "Kim", "kim", "point", 0, 0, 0, 0, (),
                                                                                props["Kim"])]
    level = type("Level", (), {"path": Path("guide.tmx"), "objects": objects, "tile": 32})()
    places, source = Places(level), Source(Path("maps/README.md"), ())
    steps, expectations = _guide_examples()
    assert len(steps) >= 20 and len(expectations) >= 25
    for step in steps:
        parse_step(Words(source, 1, step), places)
    for example in expectations:
        parse_expectation(Words(source, 1, example), places, 60.0)


# ---------------------------------------------------------------- the script's verbs

def test_the_script_plays_as_a_players_hands_would(tmp_path):
    """Crouched and standing waits are the intents a player's would be (sneak held, or nothing), a
    press is one tick of interact, and `open door` on an open door does not press (it would shut it)."""
    path = _scenario(tmp_path, f'map = "{TEST_MAPS / "ai_door_watch.tmx"}"\nseconds = 4\nscript = """\ncrouch\n'
                               'wait 0.5 s\nstand\nwait 0.5 s\nopen door "side_door"\nopen door "side_door"\n'
                               'close door "side_door"\n"""\nexpect = """\ndoor "side_door" opens by Jesse once\n'
                               'door "side_door" shuts by Jesse once at 1.03 s\n"""\n')
    verdict = run_scenario(load_scenario(path))
    assert verdict.passed, verdict.failure
    runs = verdict.recorder.runs
    assert runs[:5] == [[30, 0.0, 0.0, 1], [30, 0.0, 0.0, 0], [1, 0.0, 0.0, 4], [1, 0.0, 0.0, 0], [1, 0.0, 0.0, 4]]
    assert runs[5][1:] == [0.0, 0.0, 0]  # released after the last press, and standing


def test_hide_with_no_spot_named_walks_into_the_nearest(tmp_path):
    text = (SCENARIOS / f"hide_unseen{SUFFIX}").read_text().replace('hide in "alcove" sneaking', "hide sneaking")
    path = tmp_path / f"nearest{SUFFIX}"
    path.write_text(text.replace('"../maps/', f'"{TEST_MAPS}/'))
    verdict = run_scenario(load_scenario(path))
    assert verdict.passed, verdict.failure
    assert [e["spot"] for e in verdict.events if e["type"] == "hide"] == [4]
