"""The targets, the verdict of each figure against its target, and the report as printed."""

from __future__ import annotations

from .render import WINDOW

TARGETS = {
    "x_realtime_min": 500,  # every shipped level simulates at >= 500x real time...
    "ratio_min": 0.5,  # ...at >= half the reference tick's rate
    "draw_p95_ms_max": 5.0,
    "load_ms_max": 300.0,
    "startup_s_max": 1.5,
    "resume_ms_max": 1000.0,  # Continue: the saved checkpoint's input replayed
    "present_p95_ms_max": 5.0,  # the 1280x720 canvas scaled into a bigger window, per frame
    "prove_s_max": 3.0,  # the solver: a route found from the spawn and proven by replay
    "scaling_exponent_max": 1.15,  # marginal cost ~ guards ** exponent: 1.0 is linear
}


def verdicts(report: dict) -> list[dict]:
    t = TARGETS
    checks = []
    for m in report["maps"]:
        name = m["map"]
        checks += [
            (f"{name} x real time", m["x_realtime"], ">=", t["x_realtime_min"]),
            (f"{name} full/reference", m["ratio"], ">=", t["ratio_min"]),
            (f"{name} draw p95 ms", m["render"]["draw_ms"]["p95"], "<=", t["draw_p95_ms_max"]),
            (f"{name} load ms", m["load_ms"], "<=", t["load_ms_max"]),
        ]
        if m.get("resume_ms") is not None:
            checks.append((f"{name} resume ms", m["resume_ms"], "<=", t["resume_ms_max"]))
        if m.get("solver"):
            checks.append((f"{name} proven (1 = yes)", int(m["solver"]["proven"]), ">=", 1))
            checks.append((f"{name} proven in s", m["solver"]["prove_s"], "<=", t["prove_s_max"]))
    checks.append(("start-up s", report["startup"]["startup_s"], "<=", t["startup_s_max"]))
    for size, r in report["present"].items():
        checks.append((f"present {size} p95 ms", r["p95"], "<=", t["present_p95_ms_max"]))
    checks.append(("scaling exponent", report["scaling"]["exponent"], "<=", t["scaling_exponent_max"]))
    return [{"what": w, "value": v, "target": f"{op} {goal}", "ok": v >= goal if op == ">=" else v <= goal}
            for w, v, op, goal in checks]


def print_report(report: dict) -> None:
    print(f"{'map':<14}{'guards':>7}{'idle tps':>10}{'wander tps':>12}{'x real':>8}"
          f"{'ref tps':>10}{'ratio':>7}{'parse ms':>10}{'load ms':>9}{'resume ms':>11}")
    for m in report["maps"]:
        p = m["players"]
        print(f"{m['map']:<14}{m['guards']:>7}{p['idle']['tps']:>10}{p['wander']['tps']:>12}{m['x_realtime']:>8}"
              f"{m['ref_tps']:>10}{m['ratio']:>7}{m['parse_ms']:>10}{m['load_ms']:>9}{str(m.get('resume_ms')):>11}")
    print(f"\nsolver (s, median)   {'prove':>8}{'proven':>8}{'route':>8}{'plan next':>11}{'proven':>8}")
    for m in report["maps"]:
        v = m["solver"]
        print(f"  {m['map']:<18}{v['prove_s']:>8}{str(v['proven']):>8}{v['route_s']:>8}"
              f"{str(v.get('plan_next_s')):>11}{str(v.get('plan_proven')):>8}")
    print(f"\nrender at {WINDOW[0]}x{WINDOW[1]} (ms)   {'median':>8}{'p95':>8}{'p99':>8}")
    for m in report["maps"]:
        for what in ("draw", "update"):
            r = m["render"][f"{what}_ms"]
            print(f"  {m['map']:<14} {what:<12}{r['median']:>9}{r['p95']:>8}{r['p99']:>8}")
    print("\ncanvas into a bigger window (ms)" + "".join(
        f"   {size}: median {r['median']}, p95 {r['p95']}" for size, r in report["present"].items()))
    s = report["startup"]
    print(f"\nstart-up to the title screen: {s['startup_s']} s wall (runs {s['runs']}), {s['cpu_s']} s CPU")
    sc = report["scaling"]
    print(f"\nscaling on a generated {sc['size'][0]}x{sc['size'][1]} map, idle Jesse far away")
    print(f"  {'guards':>6}{'tps':>9}{'us/tick':>10}{'us/guard':>10}{'marginal':>10}{'load ms':>9}")
    for r in sc["rows"]:
        print(f"  {r['guards']:>6}{r['tps']:>9}{r['us_per_tick']:>10}{r.get('us_per_guard', ''):>10}"
              f"{r.get('marginal_us_per_guard', ''):>10}{r['load_ms']:>9}")
    print(f"  growth exponent of the guards' cost: {sc['exponent']} (1.0 = linear)")
    print("\ntargets")
    for v in report["verdicts"]:
        print(f"  {'ok  ' if v['ok'] else 'MISS'} {v['what']:<30}{v['value']:>10}  (target {v['target']})")
    print(f"\nbench ran in {report['bench_seconds']} s")
