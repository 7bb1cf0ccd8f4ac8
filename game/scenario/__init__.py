"""Headless AI scenarios as data: a check on a level's behaviour that a designer writes without Python.

A scenario file (`NAME.scenario.toml`) names a map, a seed, a difficulty, Jesse's script and the
expectations the run must meet. The script addresses the map's objects by their Tiled names (or
`#id`), never by coordinates, and walks between them along the game's own navigation grid, so a
scenario survives the map being edited around it. The format, every verb and every expectation
are in maps/README.md ("Checking a level's behaviour").

    python -m game.scenario FILE_OR_FOLDER...     PASS or FAIL per scenario; exit 0, 1, or 2

and under pytest every `*.scenario.toml` below the test paths is a test (`plugin.py`).

- `source.py`: the TOML document read within bounds, and the line each key and entry is on;
- `words.py`: a script or expectation line as words, and its one-line errors;
- `places.py`: the map's objects by name and id, and the named marks of its `notes` layer;
- `facts.py`: what can be observed, as types: what happens (an event) and what is (the world);
- `steps.py`: Jesse's verbs, the steps a script is made of, and the grammar reading a line into one;
- `pilot.py`: the pilot that plays the steps in a `World`, walking along the game's own paths;
- `expect.py`: the expectations (a fact, a count, a time window) and their judges;
- `parse.py`: the whole file turned into a `Scenario`;
- `run.py`: one run, its verdict, the failure's message and its replay; `tell.py`: events in words;
- `plugin.py`: the pytest plugin (a `pytest11` entry point, through `redemption_scenarios.py`).

Nothing is imported here: the pytest plugin loads this package in every test session.
"""

SUFFIX = ".scenario.toml"
