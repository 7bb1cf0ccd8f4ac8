"""Headless runner: play a map with no window and no sound, print what happened.

    python -m game.sim maps/garage.tmx --seconds 60 --seed 1 --player idle --json

Players: `idle` (stands still), `wander` (seeded random walk, for soak tests)
and `replay:FILE` (a recorded play-through). Two runs with the same map, seed
and player print the same bytes.

Bad input is one line on stderr and exit status 2: an argument (`--seconds` must be finite,
more than 0 and at most a day of game time; `--seed` must fit in 64 bits), the map, or the
replay. A replay must belong to the map and seed it is played on (`game.replay.check_fits`):
one recorded on another map, or given a `--seed` that is not its own, is refused; one recorded
on this map before it was edited plays on after one warning line on stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from typing import Callable

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from . import cli  # noqa: E402
from .errors import EXIT_BAD_INPUT, DataError  # noqa: E402
from .replay import check_fits, load_replay  # noqa: E402
from .world.intent import IDLE, Intent  # noqa: E402
from .world.level import load_level  # noqa: E402
from .world.lineage import rebuild, restart  # noqa: E402
from .world.tuning import TICK_RATE, tuning_for  # noqa: E402
from .world.world import World  # noqa: E402

PlayerFn = Callable[[World], Intent]


def idle_player(world: World) -> Intent:
    return IDLE


def wander_player(seed: int) -> PlayerFn:
    """A random walk that changes its mind every half second or so."""
    rng = random.Random(seed ^ 0x5EED)
    current = [IDLE, 0]

    def choose(world: World) -> Intent:
        if current[1] <= 0:
            move = (rng.uniform(-1, 1), rng.uniform(-1, 1))
            current[0] = Intent(move, sneak=rng.random() < 0.3, sprint=rng.random() < 0.2)
            current[1] = rng.randint(10, 60)
        current[1] -= 1
        return current[0]

    return choose


def make_player(spec: str, seed: int) -> PlayerFn:
    if spec == "idle":
        return idle_player
    if spec == "wander":
        return wander_player(seed)
    if spec.startswith("replay:"):
        return load_replay(spec.split(":", 1)[1])["player"]
    raise DataError(spec, "unknown player (use idle, wander or replay:FILE)")


def player_spec(text: str) -> str:
    """A `type=` for --player: idle, wander or replay:FILE (with a file)."""
    if text in ("idle", "wander") or (text.startswith("replay:") and len(text) > len("replay:")):
        return text
    raise argparse.ArgumentTypeError(f"unknown player {cli.shown(text)} (use idle, wander or replay:FILE)")


def run(world: World, player: PlayerFn, max_ticks: int, retry: bool = False) -> dict:
    """Step the world until it ends or `max_ticks` pass; return the summary.

    With `retry`, being caught restarts at the last checkpoint (as the game does) for as long as
    the player has input left: how recorded play-throughs with restarts replay exactly."""
    events: list[dict] = []
    stepped = 0
    while world.tick < max_ticks and stepped < max_ticks:
        if world.outcome == "caught" and retry and not getattr(player, "finished", True):
            world = restart(world)
        elif retry and getattr(player, "restart_due", lambda: False)():
            world = restart(world)  # "Restart from checkpoint", chosen in the pause menu
        if world.outcome is not None:
            break
        events.extend(world.step(player(world)))
        stepped += 1
    return {
        "map": str(world.level.path),
        "seed": world.seed,
        "ticks": world.tick,
        "outcome": world.outcome or "timeout",
        "events": events,
    }


def replay_world(level, seed: int, path: str, data: dict) -> World:
    """The world the replay `data` (read from `path`) was played in: its difficulty, and the
    saved checkpoint it began from (a play that started with Continue), rebuilt first."""
    tuning = tuning_for(data["difficulty"], data.get("mode", "story"))
    if "start" not in data:
        return World(level, seed, tuning)
    try:
        return rebuild(level, seed, data["start"], tuning)[0]
    except ValueError as exc:
        raise DataError(path, f"its checkpoint does not fit this map ({exc})") from None


def main(argv: list[str] | None = None) -> int:
    parser = cli.Parser(prog="python -m game.sim", description=__doc__.split("\n\n")[0])
    parser.add_argument("map", help="a .tmx map with a PlayerSpawn")
    parser.add_argument("--seconds", type=cli.seconds(), default=60.0,
                        help=f"game seconds to simulate (default 60, at most {cli.DAY_SECONDS})")
    parser.add_argument("--seed", type=cli.seed, default=None, help="the world's seed (default: a replay's own, else 0)")
    parser.add_argument("--player", type=player_spec, default="idle", help="idle, wander or replay:FILE")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    replaying = args.player.startswith("replay:")
    try:
        level = load_level(args.map)
        if replaying:
            path = args.player.split(":", 1)[1]
            data = load_replay(path)
            warning = check_fits(data, path, args.map, level, args.seed)
            if warning:
                print(warning, file=sys.stderr)
            seed = data["seed"]
            player = data["player"]
            world = replay_world(level, seed, path, data)
        else:
            seed = 0 if args.seed is None else args.seed
            player = make_player(args.player, seed)
            world = World(level, seed)
    except DataError as exc:
        print(exc.line(), file=sys.stderr)
        return EXIT_BAD_INPUT
    result = run(world, player, round(args.seconds * TICK_RATE), retry=replaying)
    result["map"] = args.map
    if args.json:
        print(json.dumps(result, separators=(",", ":"), sort_keys=False))
    else:
        print(f"{args.map}: {result['outcome']} after {result['ticks']} ticks ({result['ticks'] / TICK_RATE:.1f} s), {len(result['events'])} events")
    return 0


if __name__ == "__main__":
    sys.exit(main())
