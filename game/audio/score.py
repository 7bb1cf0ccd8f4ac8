"""The adaptive score, as numbers: from the crew's state each tick, the volume of each layer.

A level's music is three loops started together and never restarted: the place's calm bed
(`music_<place>`), a tension layer and an alert layer (tools/assetlib/music.py), one tempo and
one length, so they stay in step. Only their volumes move, and only like this:

- The crew's state is one `Mood` a tick (`mood_of`), the strongest that holds:

  | mood         | when                                                   | bed  | tension | alert |
  |--------------|--------------------------------------------------------|------|---------|-------|
  | `alert`      | the alert phase, or any guard alert ("!")              | 0.35 | 0.70    | 1.00  |
  | `evasion`    | the evasion phase: the crew searches                   | 0.50 | 1.00    | 0.45  |
  | `suspicious` | any guard wary (suspicious, investigating, searching)  | 0.75 | 1.00    | 0.00  |
  | `caution`    | the caution phase                                      | 0.85 | 0.45    | 0.00  |
  | `calm`       | otherwise, and once the level is over                  | 1.00 | 0.00    | 0.00  |

- A change of mood waits for the next beat (BEAT_TICKS = 45 ticks: 80 bpm at 60 ticks a second,
  counted from the score's own start), then every layer glides to its new volume over
  RAMP_BEATS beats (1.5 s) along a raised cosine. A mood that changes again during a glide is
  taken up at the following beat, from wherever the volumes are: they never jump.
- At the start the layers rise from silence the same way (the start counts as a beat).
- The score counts its own ticks, not the world's: a level restarted after Jesse is caught
  (the world's tick going back) keeps the music playing and in time; the fresh, calm crew
  simply brings it back to the bed on the beat.

The runtime has no clock: the same moods give the same volumes (tests/test_music.py mixes the
layers with them, as the mixer would, and checks a transition never clicks).
"""

from __future__ import annotations

import math
from enum import StrEnum

from ..world.ai.states import WARY, GuardState
from ..world.alarm import AlertPhase

TICKS_PER_SECOND = 60
BPM = 80  # the level music's tempo (tools/assetlib/music.py: BPM)
BEAT_TICKS = TICKS_PER_SECOND * 60 // BPM  # 45
LOOP_BEATS = 16  # four bars: 12 s (tools/assetlib/music.py: LOOP_BEATS)
LEAD_TICKS = 9  # each loop starts this long before its first downbeat (music.py: LEAD = 0.15 s)
RAMP_BEATS = 2
RAMP_TICKS = RAMP_BEATS * BEAT_TICKS

LAYERS = ("bed", "tension", "alert")


class Mood(StrEnum):
    CALM = "calm"
    SUSPICIOUS = "suspicious"
    ALERT = "alert"
    EVASION = "evasion"
    CAUTION = "caution"


GAINS: dict[Mood, tuple[float, float, float]] = {  # bed, tension, alert
    Mood.CALM: (1.0, 0.0, 0.0),
    Mood.SUSPICIOUS: (0.75, 1.0, 0.0),
    Mood.ALERT: (0.35, 0.7, 1.0),
    Mood.EVASION: (0.5, 1.0, 0.45),
    Mood.CAUTION: (0.85, 0.45, 0.0),
}
SILENT = (0.0, 0.0, 0.0)


def mood_of(world) -> Mood:
    """The crew's state this tick, the strongest that holds (see the table above)."""
    if world.outcome is not None:
        return Mood.CALM
    phase, guards = world.alarm.phase, world.guards
    if phase == AlertPhase.ALERT or any(g.state == GuardState.ALERT for g in guards):
        return Mood.ALERT
    if phase == AlertPhase.EVASION:
        return Mood.EVASION
    if any(g.state in WARY for g in guards):
        return Mood.SUSPICIOUS
    if phase == AlertPhase.CAUTION:
        return Mood.CAUTION
    return Mood.CALM


def on_beat(tick: int) -> bool:
    """Whether the score's `tick` (counted from its start) is a beat of the music."""
    return tick == 0 or (tick - LEAD_TICKS) % BEAT_TICKS == 0


class Score:
    """The layers' volumes, one `tick(mood)` a world tick."""

    def __init__(self):
        self.ticks = 0  # ticks since the score started (its own clock)
        self.gains = SILENT
        self.mood: Mood | None = None
        self._from = self._to = SILENT
        self._ramp_start: int | None = None  # tick the glide in progress began

    def tick(self, mood: Mood) -> tuple[float, float, float]:
        """This tick's volumes (bed, tension, alert) with the crew in `mood`."""
        t = self.ticks
        self.mood = mood
        target = GAINS[mood]
        if on_beat(t) and target != (self._to if self._ramp_start is not None else self.gains):
            self._from, self._to, self._ramp_start = self.gains, target, t
        if self._ramp_start is not None:
            u = min(1.0, (t - self._ramp_start) / RAMP_TICKS)
            shape = 0.5 - 0.5 * math.cos(math.pi * u)
            self.gains = tuple(a + (b - a) * shape for a, b in zip(self._from, self._to))
            if u >= 1.0:
                self.gains, self._ramp_start = self._to, None
        self.ticks = t + 1
        return self.gains
