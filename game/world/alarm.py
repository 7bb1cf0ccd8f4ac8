"""The crew-wide alert phase, after Metal Gear: being seen has a lasting, visible cost, and hiding
it out has a visible end.

    calm ──"!"──► alert ──nobody chasing for alert_hold──► evasion ──evasion_time──► caution
      ▲             ▲                                          │                       │
      │             └─────────────── "!" again ────────────────┴───────────────────────┘
      └──────────────────────────────── caution_time ──────────────────────────────────┘

- **alert**: someone is chasing Jesse; the timer is the hold after the last chase ends.
- **evasion**: the crew searches; a new "!" brings the alert back (the same phase, not a new one).
- **caution**: patrols see a little better (`caution_awareness`) and look about at every route
  point (`caution_look`). A "!" now is a new alert phase.

One `alert_phase` event per change (phase, seconds on its timer; `raised` on a new alert). `phases` counts the alert
phases raised: the summary's "alerts". Every number is in `Tuning`, scaled by difficulty.
"""

from __future__ import annotations

from enum import StrEnum

from .ai.states import GuardState
from .events import EventType, event
from .snapshot import Stateful
from .tuning import TICK_RATE, Tuning


class AlertPhase(StrEnum):
    CALM = "calm"        # no one knows Jesse is here
    ALERT = "alert"      # he was seen: the crew is after him
    EVASION = "evasion"  # they lost him and search
    CAUTION = "caution"  # they have stopped searching but are on their guard


class Alarm(Stateful):
    STATIC = frozenset({"_times"})

    def __init__(self, tuning: Tuning):
        self._times = {AlertPhase.ALERT: round(tuning.alert_hold * TICK_RATE),
                       AlertPhase.EVASION: round(tuning.evasion_time * TICK_RATE),
                       AlertPhase.CAUTION: round(tuning.caution_time * TICK_RATE)}
        self.phase = AlertPhase.CALM
        self.left = 0  # ticks on the phase's timer
        self.phases = 0  # alert phases raised so far

    @property
    def seconds_left(self) -> float:
        return self.left / TICK_RATE

    @property
    def fraction_left(self) -> float:
        """How much of the phase's timer is left, 0..1 (for the HUD's bar)."""
        full = self._times.get(self.phase, 0)
        return min(1.0, self.left / full) if full else 0.0

    def update(self, guards, tick: int, events: list[dict]) -> None:
        for g in guards:  # a plain loop: every tick, for every guard
            if g.state == GuardState.ALERT:
                break
        else:
            g = None
        if g is not None:  # someone is chasing Jesse
            if self.phase != AlertPhase.ALERT:
                raised = self.phase in (AlertPhase.CALM, AlertPhase.CAUTION)  # not evasion's chase resumed
                self.phases += raised
                self._enter(AlertPhase.ALERT, tick, events, raised)
            self.left = self._times[AlertPhase.ALERT]  # held while the chase goes on
            return
        if self.phase == AlertPhase.CALM:
            return
        self.left -= 1
        if self.left > 0:
            return
        following = {AlertPhase.ALERT: AlertPhase.EVASION, AlertPhase.EVASION: AlertPhase.CAUTION,
                     AlertPhase.CAUTION: AlertPhase.CALM}[self.phase]
        self._enter(following, tick, events)

    @property
    def wary(self) -> bool:
        """The crew is on its guard: sight fills faster, patrols look about at route points."""
        return self.phase in (AlertPhase.EVASION, AlertPhase.CAUTION)

    def _enter(self, phase: AlertPhase, tick: int, events: list[dict], raised: bool = False) -> None:
        self.phase = phase
        self.left = self._times.get(phase, 0)
        fields = {"raised": True} if raised else {}
        events.append(event(tick, EventType.ALERT_PHASE, phase=phase, seconds=round(self.seconds_left, 2), **fields))
