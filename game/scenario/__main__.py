"""Run scenario files headless: `python -m game.scenario FILE_OR_FOLDER...`.

One line per scenario, PASS or FAIL; a failure names the first expectation that failed (or the
step that could not be played), when, and the events around it, and writes the run as a replay
to watch (`python -m game --replay FILE`). A folder stands for every `*.scenario.toml` below it.

Exit status: 0 every scenario passed, 1 some failed, 2 a file or an argument cannot be used (one
line each on stderr, naming the file and line; the other files still run).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from .. import cli  # noqa: E402
from ..datadir import data_dir  # noqa: E402
from ..errors import EXIT_BAD_INPUT, DataError  # noqa: E402
from . import SUFFIX  # noqa: E402

EXIT_FAILED = 1


def scenario_files(args: list[str]) -> tuple[list[Path], list[str]]:
    """The files to run, in the order given (a folder's sorted), and one line per argument that
    names none."""
    files, problems = [], []
    for arg in args:
        path = Path(arg)
        try:
            if path.is_dir():
                found = sorted(path.rglob(f"*{SUFFIX}"))
                if not found:
                    problems.append(f"{cli.shown(arg, cli.PATH_QUOTED)}: no *{SUFFIX} files in this folder")
                files += found
            else:
                files.append(path)  # the loader says what is wrong with it
        except OSError as exc:
            problems.append(f"{cli.shown(arg, cli.PATH_QUOTED)}: cannot be used ({exc.strerror or exc})")
    return files, problems


def main(argv: list[str] | None = None) -> int:
    parser = cli.Parser(prog="python -m game.scenario", description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", metavar="FILE", help=f"a *{SUFFIX} file, or a folder of them")
    parser.add_argument("--replays", metavar="DIR", type=Path, default=None,
                        help="where a failed run's replay is written (default: the game's data folder, scenarios/)")
    parser.add_argument("--events", action="store_true",
                        help="print every event of each run (not the footsteps' noises), to find the times to expect")
    args = parser.parse_args(argv)
    from .parse import load_scenario
    from .run import report, run_scenario, told_events, write_replay

    replays = args.replays if args.replays is not None else data_dir() / "scenarios"
    files, problems = scenario_files(args.files)
    for line in problems:
        print(line, file=sys.stderr)
    bad, failed = bool(problems), False
    for path in files:
        try:
            scenario = load_scenario(path)
        except DataError as exc:
            print(exc.line(), file=sys.stderr)
            bad = True
            continue
        verdict = run_scenario(scenario)
        replay, problem = (None, "") if verdict.passed else write_replay(verdict, replays)
        print(report(verdict, replay, problem), flush=True)
        if args.events:
            print("\n".join(f"    {line}" for line in told_events(verdict)), flush=True)
        failed = failed or not verdict.passed
    return EXIT_BAD_INPUT if bad else EXIT_FAILED if failed else 0


if __name__ == "__main__":
    sys.exit(main())
