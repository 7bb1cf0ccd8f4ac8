"""The door pytest comes in by to find scenario files: the `pytest11` entry point of the package.

A top-level module with its own name, not `game.scenario.plugin` itself: in another project that
has a `game` package of its own (a common name), importing ours would fail and stop pytest from
starting at all. Here that costs nothing: no scenarios are collected from there, and pytest runs.
The plugin itself is `game/scenario/plugin.py`.
"""

try:
    from game.scenario.plugin import pytest_addoption, pytest_collect_file  # noqa: F401
except ImportError:  # another `game` shadows ours: no scenarios, and no broken pytest
    pass
