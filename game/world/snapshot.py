"""Checkpoint snapshots by construction.

A part of the world (the `World` itself, the brain, the doors, the objectives, the confession)
names what does *not* change during play in `STATIC`; everything else it holds is play state,
saved by `play_state()` and put back by `set_play_state()` without anyone listing it. A field added
later is saved unless someone decides it is static — the safe default. The world deep-copies
all parts' states in one go, so references between them (a radio call naming its guard) stay
references.
"""

from __future__ import annotations

from random import Random


class Stateful:
    STATIC: frozenset[str] = frozenset()  # attributes fixed when the world is built

    def play_state(self) -> dict:
        """The play state by name (a random generator as its state: comparable, and put back in place)."""
        return {name: value.getstate() if isinstance(value, Random) else value
                for name, value in vars(self).items() if name not in self.STATIC}

    def set_play_state(self, state: dict) -> None:
        for name, value in state.items():
            mine = vars(self).get(name)
            if isinstance(mine, Random):
                mine.setstate(value)  # in place: others hold the same generator (the brain does)
            else:
                setattr(self, name, value)
