"""What a level asks of Jesse, in the search's terms: the items, objectives and confessions the
exit needs (and what each needs first), each with the cells to stand in to do it.

    wanted, way_out = level_targets(level, world, grid, walkable)

`walkable(col, row)` says which cells Jesse may stand in (the search's own rule: floor, and the
doors he can open); `world` is the world the search starts from, so what is done already (or
carried in from an earlier chapter) is not asked again, and a confession a snapshot caught
halfway through needs only the rest of it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..world.objectives import requirement_ids
from ..world.zones import contains
from .exposure import UNIT

EXIT = "exit"  # the name of the last target: the way out
LISTEN_SPARE = 6  # units: Marco is listened to this much past the end of his confession, to be safe


class NoTarget(Exception):
    """The level asks for something no object of the map provides."""


@dataclass(eq=False)  # a target is itself: the search takes it off its list by identity
class Target:
    name: str  # the item's, objective's or confession's id; EXIT for the way out
    cells: set = field(default_factory=set)  # where Jesse may stand to do it
    press: bool = False  # done with a press of interact (taking an item)
    hold: int = 0  # units he must stay in one of the cells, unseen (listening to Marco)
    requires: list[str] = field(default_factory=list)  # the targets to do first


def level_targets(level, world, grid, walkable) -> tuple[list[Target], Target]:
    """What the exit needs and is not done yet, in the order needed; and the exit as a target
    that needs them all (of several exits, the one that needs least)."""
    tile = level.tile

    def cells_where(test) -> set[tuple[int, int]]:
        return {(c, r) for r in range(level.rows) for c in range(level.cols)
                if walkable(c, r) and test((c + 0.5) * tile, (r + 0.5) * tile)}

    items = {o.props["item"]: o for o in level.of_kind("Item")}
    objectives = {o.props["objective"]: o for o in level.of_kind("Objective")}
    confessions = {c.objective: c for c in world.confessions}
    exits = level.of_kind("Exit")
    if not exits:
        raise NoTarget("the map has no Exit")
    reach = world.physics.radius + 0.9 * tile - 4.0
    brought = set(world.objectives.done)  # carried in from before (Walt's key), or done by now
    requires = {i: [r for r in requirement_ids(o.props["requires"]) if r not in brought]
                for i, o in objectives.items()}
    requires.update({i: [r for r in c.requires if r not in brought] for i, c in confessions.items()})

    def needs(ids, seen):
        for i in ids:
            if i not in seen and i not in brought:
                seen.append(i)
                needs(requires.get(i, []), seen)
        return seen

    best_exit = min(exits, key=lambda e: len(needs(requirement_ids(e.props["requires"]), [])))
    wanted = []
    for i in needs(requirement_ids(best_exit.props["requires"]), []):
        target = Target(i, requires=requires.get(i, []))
        if i in items:
            item = items[i]
            target.cells = cells_where(lambda x, y, it=item: math.hypot(x - it.x, y - it.y) <= reach)
            target.press = True
        elif i in objectives:
            obj = objectives[i]
            target.cells = cells_where(lambda x, y, o=obj: contains(o, x, y))
        elif i in confessions:
            confession = confessions[i]
            left = 1.0 - confession.progress  # a snapshot may catch him halfway through
            target.cells = _earshot_cells(world, grid, walkable, confession, tile)
            target.hold = math.ceil(left * confession.seconds * 60 / UNIT) + LISTEN_SPARE
        else:
            raise NoTarget(f"the exit needs {i!r}, which no Item, Objective or Marco provides")
        wanted.append(target)
    way_out = Target(EXIT, cells_where(lambda x, y: contains(best_exit, x, y)), requires=[w.name for w in wanted])
    return wanted, way_out


def _earshot_cells(world, grid, walkable, confession, tile: int) -> set[tuple[int, int]]:
    """Cells from which Jesse hears Marco, a tile inside the limit to be safe, wherever on his
    rounds Marco is (he paces between his places while he talks)."""
    marco = world.guards[confession.guard_index]
    places = [confession.home] + (list(marco.route.points) if marco.route is not None else [])
    cells = None
    for x, y in places:
        reach = grid.distance_field(x, y, max(0.0, confession.earshot - tile))
        near = {cell for cell in reach if walkable(*cell) and cell != grid.cell_of(x, y)}
        cells = near if cells is None else cells & near
    return cells or set()
