"""Golden digests: the simulation's output, fixed, so drift between commits cannot go unnoticed.

    python tools/golden.py            rewrite tests/golden/digests.json
    python tools/golden.py --check    exit 1 and list every case whose output moved

For every shipped map and a few scenario maps, `game.sim`'s JSON output (as `python -m game.sim
MAP --json` prints it, the map named from the repository's root) for fixed seeds and players — Jesse idle, a seeded
wanderer, and the map's proven route where there is one — is hashed with SHA-256. The test
(tests/test_golden.py) recomputes them: a change that moves the simulation must rewrite them,
and its commit must say why.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.replay import load_replay  # noqa: E402
from game.sim import idle_player, run, wander_player  # noqa: E402
from game.world.level import load_level  # noqa: E402
from game.world.tuning import TICK_RATE  # noqa: E402
from game.world.world import World  # noqa: E402

DIGESTS = ROOT / "tests" / "golden" / "digests.json"
SCENARIOS = ("ai_watch.tmx", "ai_door_route.tmx", "ai_pillar.tmx", "finale.tmx", "progress.tmx")
SECONDS = 30


def cases() -> dict[str, tuple[Path, int, str]]:
    """name -> (map, seed, player): idle and wander on every map, the proven route where there is one."""
    out = {}
    maps = sorted((ROOT / "maps").glob("*.tmx")) + [ROOT / "tests" / "maps" / n for n in SCENARIOS]
    for path in maps:
        out[f"{path.stem}/idle"] = (path, 1, "idle")
        out[f"{path.stem}/wander"] = (path, 7, "wander")
        route = ROOT / "maps" / "routes" / f"{path.stem}.json"
        if route.is_file() and path.parent == ROOT / "maps":
            out[f"{path.stem}/route"] = (path, load_replay(route)["seed"], f"replay:{route}")
    return out


def digest(path: Path, seed: int, player: str) -> str:
    """SHA-256 of the JSON `python -m game.sim` prints for this run."""
    level = load_level(path)
    if player == "idle":
        fn, ticks, retry = idle_player, SECONDS * TICK_RATE, False
    elif player == "wander":
        fn, ticks, retry = wander_player(seed), SECONDS * TICK_RATE, False
    else:
        fn = load_replay(player.split(":", 1)[1])["player"]
        ticks, retry = fn.ticks + 10 * TICK_RATE, True
    result = run(World(level, seed), fn, ticks, retry=retry)
    result["map"] = str(path.relative_to(ROOT))
    text = json.dumps(result, separators=(",", ":"), sort_keys=False)
    return hashlib.sha256(text.encode()).hexdigest()


def compute() -> dict[str, str]:
    return {name: digest(*case) for name, case in cases().items()}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed digests; exit 1 if any moved")
    args = parser.parse_args(argv)
    now = compute()
    if args.check:
        before = json.loads(DIGESTS.read_text()) if DIGESTS.is_file() else {}
        moved = sorted(k for k in set(now) | set(before) if now.get(k) != before.get(k))
        for name in moved:
            print(f"{name}: the simulation's output moved", file=sys.stderr)
        return 1 if moved else 0
    DIGESTS.parent.mkdir(parents=True, exist_ok=True)
    DIGESTS.write_text(json.dumps(now, indent=1, sort_keys=True) + "\n")
    print(f"wrote {DIGESTS.relative_to(ROOT)} ({len(now)} cases)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
