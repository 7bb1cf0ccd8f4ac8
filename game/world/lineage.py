"""How a level attempt got where it is: the restart rule, and checkpoints rebuilt from input alone.

The world is deterministic, so a checkpoint kept on disk needs no copy of the world: the input
that reached it is enough, and what it rebuilds is a real world state by construction (nothing
in a save file is trusted as state). A `Lineage` follows one attempt at a level:

- `base`: the chain that produced the checkpoint the current world was restored from (empty
  for a world started fresh);
- `since`: the intents given to the current world.

When the world reaches a checkpoint, that checkpoint's chain is `base + [since]`. When Jesse is
caught the game restores the last checkpoint (`restart`), and its chain becomes the new base.
`rebuild` replays a chain: a fresh world fed the first segment, then for each further segment
the checkpoint just reached restored and fed; each segment must end exactly on a checkpoint.
"""

from __future__ import annotations

import math

from .intent import Intent, IntentRuns
from .level import Level
from .tuning import DEFAULT, TICK_RATE, Tuning
from .world import World

MAX_CHAIN_TICKS = 60 * 60 * TICK_RATE  # an hour of play: longer is not a chain the game wrote
MAX_SEGMENTS = 64


def restart(world: World) -> World:
    """The world as the game restarts it after Jesse is caught: the last checkpoint, or the start.
    The run's counts carry on."""
    checkpoint = world.checkpoint
    fresh = World.restore(world.level, world.seed, checkpoint, world.tuning) if checkpoint else \
        World(world.level, world.seed, world.tuning)
    fresh.stats = dict(world.stats)
    return fresh


class Lineage:
    def __init__(self, base: list | None = None):
        self.base: list[list[list]] = [list(s) for s in base] if base else []
        self.since = IntentRuns()
        self.chain: list[list[list]] | None = self.base or None  # the chain of the last checkpoint

    def add(self, intent: Intent) -> None:
        self.since.add(intent)

    def reached_checkpoint(self) -> list[list[list]]:
        self.chain = self.base + [[list(r) for r in self.since.runs]]
        return self.chain

    def restarted(self) -> None:
        """The world was put back at the last checkpoint (or the start, without one)."""
        self.base = list(self.chain) if self.chain else []
        self.since = IntentRuns()


def check_chain(obj: object) -> list[list[list]]:
    """`obj` as a chain, or ValueError saying what is wrong with it (it comes from a file)."""
    if not isinstance(obj, list) or not obj or len(obj) > MAX_SEGMENTS:
        raise ValueError(f"a checkpoint's input should be 1 to {MAX_SEGMENTS} segments")
    total = 0
    for segment in obj:
        if not isinstance(segment, list) or not segment:
            raise ValueError("a checkpoint's input segment should be a non-empty list of runs")
        for run in segment:
            if not isinstance(run, list) or len(run) not in (4, 6):
                raise ValueError("a run of input should be [ticks, x, y, flags] or with a throw target")
            n, flags, numbers = run[0], run[3], [run[1], run[2], *run[4:]]
            if isinstance(n, bool) or not isinstance(n, int) or n < 1:
                raise ValueError("a run's tick count should be a whole number >= 1")
            if isinstance(flags, bool) or not isinstance(flags, int) or not 0 <= flags < 8:
                raise ValueError("a run's flags should be a whole number 0..7")
            if not all(_finite(v) for v in numbers):
                raise ValueError("a run's move and throw should be finite numbers")
            total += n
            if total > MAX_CHAIN_TICKS:
                raise ValueError("a checkpoint's input is longer than an hour of play")
    return obj


def _finite(value) -> bool:
    """A real number a float can hold (10**400 is an int JSON gives, and no float)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


def rebuild(level: Level, seed: int, chain: list, tuning: Tuning = DEFAULT) -> tuple[World, Lineage]:
    """The world restored at the chain's last checkpoint, and the lineage to go on with.

    ValueError when the chain does not reach a checkpoint at the end of each segment (a map that
    changed since the save was written, or a file that is not what it claims)."""
    chain = check_chain(chain)
    world = World(level, seed, tuning)
    for i, segment in enumerate(chain):
        if i:
            world = World.restore(level, seed, world.checkpoint, tuning)
        for intent in IntentRuns(segment).intents():
            if world.outcome is not None:
                raise ValueError(f"the recorded play ends ({world.outcome}) before its checkpoint")
            world.step(intent)
        if world.checkpoint_tick != world.tick:
            raise ValueError("the recorded play no longer reaches its checkpoint on this map")
    lineage = Lineage(chain)
    return World.restore(level, seed, world.checkpoint, tuning), lineage
