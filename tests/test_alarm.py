"""The crew's alert phase, run headless: a "!" raises an alert, the crew's search is the evasion,
then caution, then calm, each on its Tuning timer (scaled by difficulty); a chase picked up again
during the evasion is the same alert, one in caution is a new one; caution makes patrols look
about at their route points."""

from game.world.alarm import AlertPhase
from game.world.ai.states import GuardState
from game.world.intent import IDLE
from game.world.tuning import DEFAULT, TICK_RATE, tuning_for
from scenario import run, world_for
from test_ai import PeekThenRun


def phases(events):
    return [(e["tick"], e["phase"], bool(e.get("raised"))) for e in events if e["type"] == "alert_phase"]


def test_seen_then_hidden_out_goes_alert_evasion_caution_calm_on_its_timers():
    world = world_for("ai_watch.tmx")
    events = run(world, PeekThenRun(world), 120, until=lambda w, ev: w.alarm.phase == AlertPhase.CALM and ev
                 and any(e["type"] == "alert_phase" for e in ev))
    assert world.outcome is None, "Jesse should get away"
    seen = phases(events)
    assert [p for _, p, _ in seen] == ["alert", "evasion", "caution", "calm"]
    assert [r for _, _, r in seen] == [True, False, False, False]
    (alert, _, _), (evasion, _, _), (caution, _, _), (calm, _, _) = seen
    # The last tick anyone chased: the tick before the last guard left the chase.
    last_chase = max(e["tick"] for e in events if e["type"] == "guard_state" and e["from"] == "alert") - 1
    t = world.tuning
    assert evasion - last_chase == round(t.alert_hold * TICK_RATE)
    assert caution - evasion == round(t.evasion_time * TICK_RATE)
    assert calm - caution == round(t.caution_time * TICK_RATE)
    assert world.stats["alerts"] == 1 and world.stats["spotted"] >= 1  # the summary counts the phase


def test_difficulty_scales_the_phases():
    easy, hard = tuning_for("easy"), tuning_for("hard")
    assert easy.evasion_time < DEFAULT.evasion_time < hard.evasion_time
    assert easy.caution_time < DEFAULT.caution_time < hard.caution_time


def stub_guard(state):
    return type("G", (), {"state": state})()


def test_a_chase_resumed_in_evasion_is_the_same_alert_one_in_caution_is_a_new_one():
    world = world_for("ai_watch.tmx")
    alarm, events = world.alarm, []
    chasing, searching = [stub_guard(GuardState.ALERT)], [stub_guard(GuardState.SEARCH)]
    alarm.update(chasing, 0, events)
    for tick in range(1, round(DEFAULT.alert_hold * TICK_RATE) + 2):
        alarm.update(searching, tick, events)
    assert alarm.phase == AlertPhase.EVASION
    alarm.update(chasing, 1000, events)
    assert alarm.phase == AlertPhase.ALERT and alarm.phases == 1
    ticks = round((DEFAULT.alert_hold + DEFAULT.evasion_time) * TICK_RATE) + 2
    for tick in range(1001, 1001 + ticks):
        alarm.update(searching, tick, events)
    assert alarm.phase == AlertPhase.CAUTION
    alarm.update(chasing, 9999, events)
    assert alarm.phases == 2 and [e.get("raised", False) for e in events if e["phase"] == "alert"] == [True, False, True]


def route_point_waits(world, seconds):
    """Ticks the patrolling guard spends standing (not walking) over `seconds` of idle play
    (Jesse stays where he is, out of sight)."""
    g, still, last = world.guards[0], 0, None
    for _ in range(round(seconds * TICK_RATE)):
        world.step(IDLE)
        if last == (g.x, g.y) and g.state == GuardState.PATROL:
            still += 1
        last = (g.x, g.y)
    return still


def test_in_caution_patrols_look_about_at_their_route_points():
    calm = world_for("ai_distract.tmx")  # a guard on a loop with a short wait at each corner
    wary = world_for("ai_distract.tmx")
    wary.alarm.phase, wary.alarm.left = AlertPhase.CAUTION, 10 ** 6
    assert route_point_waits(wary, 30) > route_point_waits(calm, 30) + DEFAULT.caution_look * TICK_RATE
