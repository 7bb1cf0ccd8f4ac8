"""tools/bench.py runs and reports what it documents. A smoke test: no timing is asserted here
(speed is measured by the benchmark, never by a timed test)."""

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT


@pytest.mark.slow
def test_quick_bench_prints_every_documented_field():
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "bench.py"), "--quick", "--json"], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)

    shipped = sorted(p.name for p in (ROOT / "maps").glob("*.tmx"))
    assert [m["map"] for m in report["maps"]] == shipped
    for m in report["maps"]:
        for key in ("guards", "tps", "x_realtime", "ref_tps", "ratio", "load_ms", "parse_ms"):
            assert isinstance(m[key], (int, float)), key
        assert set(m["players"]) == {"idle", "wander"}
        for figures in m["players"].values():
            assert {"tps", "ref_tps", "ratio"} <= set(figures)
        assert m["tps"] == min(p["tps"] for p in m["players"].values())  # the slower player counts
        for what in ("draw_ms", "update_ms"):
            stats = m["render"][what]
            assert stats["median"] <= stats["p95"] <= stats["p99"]
    assert report["startup"]["startup_s"] > 0
    rows = report["scaling"]["rows"]
    assert [r["guards"] for r in rows] == [0, 10, 25, 50, 100]
    assert all("us_per_guard" in r and "marginal_us_per_guard" in r for r in rows[1:])
    assert isinstance(report["scaling"]["exponent"], float)
    assert {v["what"] for v in report["verdicts"]} >= {"start-up s", "scaling exponent"}
    assert all(isinstance(v["ok"], bool) for v in report["verdicts"])
    assert report["bench_seconds"] > 0
