"""Check maps for what Tiled lets through silently.

    python tools/lint_maps.py [MAPS...]      (default: every maps/*.tmx)

One line per problem, `path:object-id: problem` (or `path:layer 'name':` /
`path:map:` when no object is to blame); exit status 1 if there is any. The game
runs the same checks when it loads a map and refuses one that fails them.
"""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from game import cli  # noqa: E402
from game.world.level import check_map  # noqa: E402


def format_problem(problem) -> str:
    where = problem.where or "map"
    found = re.match(r"object (\d+)(?: \((.*)\))?$", where)
    if found:
        where, what = found.group(1), found.group(2)
        return f"{problem.path}:{where}: {what + ': ' if what else ''}{problem.message}"
    return f"{problem.path}:{where}: {problem.message}"


def main(argv=None) -> int:
    parser = cli.Parser(description=__doc__.split("\n\n")[0])
    parser.add_argument("maps", nargs="*", type=Path)
    parser.add_argument("-q", "--quiet", action="store_true", help="print problems only, no summary")
    args = parser.parse_args(argv)
    paths = args.maps or sorted((ROOT / "maps").glob("*.tmx"))
    start = time.perf_counter()
    count = 0
    for path in paths:
        for problem in check_map(path):
            print(format_problem(problem))
            count += 1
    if not args.quiet:
        took = (time.perf_counter() - start) * 1000
        print(f"{len(paths)} map(s), {count} problem(s), {took:.0f} ms", file=sys.stderr)
    return 1 if count else 0


if __name__ == "__main__":
    sys.exit(main())
