"""The measures tools/bench.py takes, one module a kind, and its report.

Modules:
    timing       the clock every measure but the start-up reads, percentiles, best-of rates
    sim          ticks per second of the full World and of the reference tick, per player
    render       the real level scene: load time, frame times; the canvas presented into a bigger window
    routes       what the stored routes time: the solver proving and planning, Continue's rebuild
    startup      `python -m game --frames 1` to the title screen
    scaling_map  the generated map of the scaling series (a draft for tools/draft_map.py)
    scaling      the series itself: ticks per second by the number of guards, and the growth exponent
    report       the targets, the verdicts against them, and the printed report

Each measure returns plain figures (dicts of numbers) that the report and `--json` print.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent  # the repository
SEED = 1  # every measured world's seed
