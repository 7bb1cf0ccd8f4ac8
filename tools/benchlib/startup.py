"""Start-up: `python -m game --frames 1` to the title screen's first frame, wall and CPU time."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

from . import ROOT


def bench_startup(runs: int) -> dict:
    """Wall time of `python -m game --frames 1` (to the title screen's first frame), median;
    and the child's CPU time, which a busy machine does not inflate."""
    walls, cpus = [], []
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", REDEMPTION_HOME=home)
        for _ in range(runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "game", "--frames", "1"], cwd=ROOT, env=env, check=True,
                           capture_output=True, timeout=60)
            walls.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return {"startup_s": round(statistics.median(walls), 3), "runs": [round(t, 3) for t in walls],
            "cpu_s": round(statistics.median(cpus), 3)}
