"""Draw where the guards see over one patrol cycle.

    python tools/heatmap.py MAP -o out.png [--scale 1.0] [--step 6]

The picture: the map, heat from yellow (seen a moment) to red (seen the whole
cycle), blue hatch where the floor is dark enough that a sneaking Jesse is not
seen, each guard's route (arrows: direction; labels: waits), the guards' starts,
Jesse's spawn, items, objectives, exits and hiding spots, and a legend. Prints one
line: map, cycle length, share of the floor ever seen, time taken.
A map that does not load: one line on stderr, exit status 2.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from game import cli  # noqa: E402
from game.errors import EXIT_BAD_INPUT, DataError  # noqa: E402


def main(argv=None) -> int:
    parser = cli.Parser(prog="python tools/heatmap.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("map", help="a .tmx map")
    parser.add_argument("-o", "--output", required=True, help="the PNG to write")
    parser.add_argument("--scale", type=cli.number(0.05, 8), default=1.0, help="picture size per map pixel (default 1.0)")
    parser.add_argument("--step", type=cli.whole(1, 3600), default=6, help="ticks between samples (default 6, 0.1 s)")
    args = parser.parse_args(argv)
    if not 0.05 <= args.scale <= 8:
        parser.error("--scale must be between 0.05 and 8")
    if args.step < 1:
        parser.error("--step must be at least 1")

    start = time.perf_counter()
    import pygame

    from game.design.heatmap import compute
    from game.design.heatmap_picture import render
    from game.world.level import load_level

    try:
        level = load_level(args.map)
        pygame.display.init()
        pygame.display.set_mode((1, 1))
        hm = compute(level, step=args.step)
        picture = render(hm, args.scale)
    except DataError as exc:
        print(exc.line(), file=sys.stderr)
        return EXIT_BAD_INPUT
    out = Path(args.output)
    try:
        if out.parent and not out.parent.is_dir():
            out.parent.mkdir(parents=True, exist_ok=True)
        pygame.image.save(picture, str(out))
    except (OSError, pygame.error) as exc:
        print(f"{out}: cannot write the picture ({exc})", file=sys.stderr)
        return EXIT_BAD_INPUT
    took = time.perf_counter() - start
    cycle = (f"cycle {hm.cycle_seconds:.1f} s ({hm.cycle_ticks} ticks, {len(hm.ticks)} samples)"
             if hm.cycle_ticks > 1 else "no patrols (every guard stands still)")
    print(f"{args.map}: {cycle}, "
          f"{hm.seen_share() * 100:.0f}% of walkable cells seen "
          f"({hm.dark_share() * 100:.0f}% of those only in the dark), {took:.1f} s -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
