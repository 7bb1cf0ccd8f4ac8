"""One scenario run: the world stepped with the script's intents, the expectations judged, and the
verdict as the runner and the pytest plugin both print it.

A run lasts the scenario's `seconds`, or less when the level ends (Jesse caught, the level
complete) or the script cannot go on. The first failure in time is the one reported (with the
number of others), with the events around it; a failed run's input is written as a replay
(`game.replay`'s format) that `python -m game --replay FILE` plays in the window.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..replay import Recorder, map_digest
from ..story.jsonfile import os_reason
from ..world.events import EventType
from ..world.tuning import TICK_RATE, tuning_for
from ..world.world import World
from .expect import RunEnd, seconds
from .parse import Scenario
from .pilot import Pilot
from .tell import Teller

AROUND = 2 * TICK_RATE  # ticks either side of a failure whose events are shown
AROUND_MOST = 12  # events shown at most


@dataclass(frozen=True)
class Verdict:
    scenario: Scenario
    failure: str | None  # None: passed; else the expectation (or step) and why
    tick: int | None  # when it failed
    ticks: int  # how long the run lasted
    events: tuple[dict, ...]
    recorder: Recorder

    @property
    def passed(self) -> bool:
        return self.failure is None


def run_scenario(scenario: Scenario) -> Verdict:
    """Play the scenario once (deterministic: the same file gives the same run) and judge it."""
    world = World(scenario.level, scenario.seed, tuning_for(scenario.difficulty))
    recorder = Recorder(str(Path(scenario.map_path).resolve()), scenario.seed, scenario.difficulty,
                        map_sha256=map_digest(scenario.level))
    pilot = Pilot(list(scenario.steps))
    tell = Teller(scenario.places).tell
    judges = [exp.judge(tell) for exp in scenario.expectations]
    events: list[dict] = []
    happened: list[dict] = []  # the last tick's
    end = round(scenario.seconds * TICK_RATE)
    while world.tick <= end and world.outcome is None:  # the last tick is at `seconds` itself
        intent = pilot(world)
        if pilot.stopped is not None:
            break
        recorder.add(intent)
        tick = world.tick
        happened = world.step(intent)
        events.extend(happened)
        for judge in judges:
            judge.observe(tick, world, happened)
    failures = _failures(scenario, judges, pilot, _ending(world, pilot, happened))
    if not failures:
        return Verdict(scenario, None, None, world.tick, tuple(events), recorder)
    failures.sort(key=lambda f: (f[0], f[1]))
    tick, _, first = failures[0]
    more = f" (and {len(failures) - 1} more failed)" if len(failures) > 1 else ""
    return Verdict(scenario, first + more, tick, world.tick, tuple(events), recorder)


def _ending(world: World, pilot: Pilot, happened: list[dict]) -> RunEnd:
    """The last tick played, and why the run stopped there."""
    why = {"caught": "caught", "complete": "level complete"}.get(world.outcome, "time")
    if any(e["type"] == EventType.TIME_UP for e in happened):
        why = "time up: the sirens came"
    if pilot.stopped is not None:
        why = "the script stopped"
    return RunEnd(max(world.tick - 1, 0), why)


def _failures(scenario: Scenario, judges, pilot: Pilot, end: RunEnd) -> list[tuple[int, int, str]]:
    """(tick, line, what failed and why) for each expectation that failed, and for the script."""
    failures = []
    for exp, judge in zip(scenario.expectations, judges):
        failure = judge.verdict(end)
        if failure is not None:
            failures.append((failure.tick, exp.line or 0, f"{_where(exp.line)}{exp.text}: {failure.reason}"))
    stopped, waiting = pilot.stopped, pilot.waiting
    if stopped is not None:
        failures.append((stopped.tick, stopped.step.line or 0,
                         f"{_where(stopped.step.line)}{stopped.step.text}: {stopped.reason} (at {seconds(stopped.tick)})"))
    elif waiting is not None and end.why == "time":
        failures.append((end.tick, waiting.line or 0,
                         f"{_where(waiting.line)}{waiting.text}: still waiting when the run ended at {seconds(end.tick)}"))
    return failures


def _where(line: int | None) -> str:
    return f"line {line}: " if line else ""


def report(verdict: Verdict, replay: Path | None = None, replay_problem: str = "") -> str:
    """PASS or FAIL and the file, then for a failure the events around it (footsteps left out) and
    the replay."""
    scenario = verdict.scenario
    if verdict.passed:
        return f"PASS {scenario.path} ({verdict.ticks / TICK_RATE:.1f} s of play)"
    lines = [f"FAIL {scenario.path}: {verdict.failure}"]
    tick = verdict.tick
    near = [e for e in verdict.events if abs(e["tick"] - tick) <= AROUND and not _footstep(e)]
    if near:
        before = [e for e in near if e["tick"] <= tick][-(AROUND_MOST * 2 // 3):]
        after = [e for e in near if e["tick"] > tick][:AROUND_MOST - len(before)]
        teller = Teller(scenario.places)
        lines.append(f"  events around {seconds(tick)}:")
        lines += [f"    {_line(teller, e)}" for e in before + after]
    else:
        lines.append(f"  no events within {AROUND // TICK_RATE} s of {seconds(tick)}")
    if replay is not None:
        lines.append(f"  replay: {replay}  (watch it: python -m game --replay {replay})")
    elif replay_problem:
        lines.append(f"  no replay: {replay_problem}")
    return "\n".join(lines)


def told_events(verdict: Verdict) -> list[str]:
    """Every event of the run in words, with its time (the footsteps' noises left out)."""
    teller = Teller(verdict.scenario.places)
    return [_line(teller, e) for e in verdict.events if not _footstep(e)]


def _footstep(e: dict) -> bool:
    """A footstep's noise: many a second while he moves; what it did shows in the guards' causes."""
    return e["type"] == EventType.NOISE and e["source"] == "step"


def write_replay(verdict: Verdict, folder: Path) -> tuple[Path | None, str]:
    """The failed run's replay written into `folder`: (its path, "") or (None, why it could not be)."""
    path = Path(folder) / f"{verdict.scenario.name}.replay.json"
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
        verdict.recorder.save(path)
    except OSError as exc:
        return None, f"cannot write {path} ({os_reason(exc)})"
    return path, ""


def _line(teller: Teller, e: dict) -> str:
    return f"{seconds(e['tick']):>9}  {teller.tell(e)}"
