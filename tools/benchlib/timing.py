"""The clock the measures read, and what they make of its samples.

Everything but the start-up is this thread's CPU time, which other processes on a busy machine
disturb far less than the wall clock (all of it is single-threaded work).
"""

from __future__ import annotations

import math
import statistics
import time

CLOCK = time.thread_time  # everything but the start-up (see the module's docstring)


def percentiles(samples_s: list[float]) -> dict:
    """Median, p95 and p99 of timings in seconds, as milliseconds."""
    ordered = sorted(samples_s)

    def pick(q: float) -> float:
        return ordered[min(len(ordered) - 1, math.ceil(q * len(ordered)) - 1)]

    return {"median": round(statistics.median(ordered) * 1000, 3), "p95": round(pick(0.95) * 1000, 3),
            "p99": round(pick(0.99) * 1000, 3)}


def best_rate(run, repeats: int) -> float:
    """The best of `repeats` calls of run() -> (ticks, seconds), in ticks per second."""
    return max(ticks / seconds for ticks, seconds in (run() for _ in range(repeats)))
