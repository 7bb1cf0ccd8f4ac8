"""The pytest plugin: every `*.scenario.toml` pytest is pointed at is a test, with no Python written.

Registered by the package (a `pytest11` entry point, through the top-level `redemption_scenarios`
module), so `pytest` in this repository collects `tests/**/*.scenario.toml` beside the Python
tests. A scenario's item fails with the runner's own message (`run.report`): the expectation,
the time, the events around it and the replay, written into the session's temporary folder, or
`--scenario-replays DIR`. A bad file fails its item with its one line (file, line, problem).

Nothing is imported from the game until a scenario file is collected, so a project with no
scenarios pays nothing for the plugin and never meets the game's imports.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from . import SUFFIX


def pytest_addoption(parser):
    parser.getgroup("redemption scenarios").addoption(
        "--scenario-replays", metavar="DIR", default=None,
        help=f"where a failed *{SUFFIX} run's replay is written (default: the session's temporary folder)")


def pytest_collect_file(file_path: Path, parent):
    if file_path.name.endswith(SUFFIX):
        return ScenarioFile.from_parent(parent, path=file_path)
    return None


class ScenarioFile(pytest.File):
    def collect(self):
        from .parse import scenario_name

        yield ScenarioItem.from_parent(self, name=scenario_name(self.path))


class ScenarioFailed(Exception):
    """A scenario that ran and failed; its message is the runner's report."""


class ScenarioItem(pytest.Item):
    def runtest(self):
        from .parse import load_scenario
        from .run import report, run_scenario, write_replay

        verdict = run_scenario(load_scenario(self.path))
        if not verdict.passed:
            replay, problem = write_replay(verdict, self._replays())
            raise ScenarioFailed(report(verdict, replay, problem))

    def _replays(self) -> Path:
        chosen = self.config.getoption("scenario_replays")
        if chosen:
            return Path(chosen)
        factory = getattr(self.config, "_tmp_path_factory", None)  # pytest's tmp_path_factory
        if factory is not None:
            return factory.getbasetemp() / "scenario-replays"
        return self.path.parent / "scenario-replays"

    def repr_failure(self, excinfo, style=None):
        from ..errors import DataError

        if isinstance(excinfo.value, (ScenarioFailed, DataError)):
            return excinfo.value.args[0] if isinstance(excinfo.value, ScenarioFailed) else excinfo.value.line()
        return super().repr_failure(excinfo, style)

    def reportinfo(self):
        return self.path, None, f"scenario {self.name}"
