"""Kim's eyes: the player asks Kim for help, the solver plans in another process, Kim answers.

    eyes = KimsEyes(level_path, seed)
    eyes.ask(world)              # the ask key: her "let me look" line; a plan starts in the background
    line = eyes.tick(world)      # once a tick: None, or the line she says now (her answer)
    eyes.draw(surface, camera)   # the faint path of her answer, for a few seconds

The plan (`game.design.plan.plan_job`) runs from this tick's world snapshot to the next objective,
with Jesse standing where he is for a few seconds first: the time she takes to answer (`THINK_S`
to begin with, then what her answers took on this machine, half as long again). So her answer is
good when it comes, if he waited for it. One that came after its own first move was due, with
Jesse still waiting and nothing changed, is asked again at once with a longer hold (she keeps
looking: at most `RETRIES` times). It is dropped (she says so) if the world moved on: Jesse
walked off more than `MOVED_TILES`, a guard took notice of something, or the level restarted.
The frames never wait for her: the child process is polled once a tick.

`shown` counts the answers that showed a way (the hints a run used: the summary says how many,
and any rules out the Ghost mark).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..design.background import BackgroundJob
from ..design.plan import Plan, plan_job
from ..render.hint_path import HintPath
from ..story.kim_advice import Advice, KimLines, load_lines
from ..world.ai.states import GuardState
from ..world.tuning import TICK_RATE

THINK_S = 2.0  # seconds Jesse is planned to stand still while she looks, until her answers say otherwise
THINK_MAX = 12.0  # ...never more than this
RETRIES = 2  # answers that came too late asked again before she gives up
MOVED_TILES = 1.0  # he walked further than this from where he asked: the answer is stale
LATE_S = 0.5  # the first move was due this long ago: too late to say it


@dataclass
class _Asked:
    world: object  # the World asked about (a restart or a reload makes a new one)
    tick: int
    where: tuple[float, float]
    guards: list[tuple[float, float]]
    states: list[GuardState]
    hold: int  # ticks the plan keeps him still


class KimsEyes:
    def __init__(self, map_path, seed: int = 0, lines: KimLines | None = None, job=None):
        self.map_path, self.seed = str(map_path), seed
        self.lines = lines or load_lines()
        self.job = BackgroundJob(job or plan_job, lambda: Plan(self.map_path, "next", False, "the planner stopped"))
        self.asked: _Asked | None = None
        self.path = HintPath()
        self.shown = 0  # answers that showed a way
        self.turn = 0  # which of her lines comes next, in turn
        self.think_s = THINK_S
        self.retries = 0

    @property
    def thinking(self) -> bool:
        return self.asked is not None

    def ask(self, world) -> str | None:
        """Jesse asks: her line while she looks (None if she is looking already)."""
        if self.asked is not None:
            return None
        self._start(world)
        self.retries = 0
        self.turn += 1
        return self.lines.pick(self.lines.thinking, self.turn)

    def _start(self, world) -> None:
        p = world.player
        self.asked = _Asked(world, world.tick, (p.x, p.y), [(g.x, g.y) for g in world.guards],
                            [g.state for g in world.guards], round(self.think_s * TICK_RATE))
        self.job.start(self.map_path, world.snapshot(), self.seed, world.tuning, "next", self.think_s)

    def tick(self, world) -> str | None:
        """Her answer, the tick it comes (None otherwise); the path fades on."""
        self.path.tick()
        if self.asked is None:
            return None
        plan = self.job.poll()
        if plan is None:
            return None
        asked, self.asked = self.asked, None
        lines = self.lines
        took_s = (world.tick - asked.tick) / TICK_RATE
        if self._moved_on(world, asked):
            return lines.pick(lines.moved_on, self.turn)
        if not plan.proven or not plan.steps:
            return lines.pick(lines.no_way, self.turn)
        # What her answers take here, half as long again: the hold of the next plan.
        self.think_s = min(THINK_MAX, max(THINK_S, took_s * 1.5))
        advice = Advice.of(plan, world.tick, asked.where, asked.guards, world.level, held_until=asked.tick + asked.hold)
        if world.tick > advice.first_move_tick + LATE_S * TICK_RATE:  # she was too slow for it: look again
            if self.retries < RETRIES:
                self.retries += 1
                self._start(world)
                return None
            return lines.pick(lines.moved_on, self.turn)
        self.shown += 1
        self.path.show([asked.where] + [(s.x, s.y) for s in plan.steps if not s.press])
        return advice.say(lines)

    @staticmethod
    def _moved_on(world, asked: _Asked) -> bool:
        p = world.player
        return (world is not asked.world or math.dist((p.x, p.y), asked.where) > MOVED_TILES * world.tile
                or any(g.state != before and g.state != GuardState.PATROL for g, before in zip(world.guards, asked.states)))

    def draw(self, surface, camera) -> None:
        self.path.draw(surface, camera)

    def stop(self) -> None:
        self.job.stop()
        self.asked = None
