"""What the crew says: one bark at each real state change, a radio call, a door found shut.

Which line: the state change and its cause give a `BarkKey` (`key_for`); the guard's faction
picks the lines (`barks.BarkBook`); the line is drawn with the speech's own generator, seeded
from the world's seed, so barks are deterministic and drawing them moves no other random choice
(search points stay where they were). The same line never comes twice in a row for a faction
and key. Each bark is a `bark` event: guard, line id, text.
"""

from __future__ import annotations

from random import Random

from .ai.states import Cause, GuardState
from .barks import BarkBook, BarkKey
from .events import EventType, event
from .snapshot import Stateful

SPEECH_SALT = 0x5BA4C  # mixed into the world's seed for the speech's own generator

# (new state, cause) -> what he says. A change not listed is said with the cause's own key.
_KEYS = {
    (GuardState.SUSPICIOUS, Cause.HEARD_STEP): BarkKey.HEARD_STEP,
    (GuardState.SUSPICIOUS, Cause.HEARD_THROW): BarkKey.HEARD_THROW,
    (GuardState.SUSPICIOUS, Cause.HEARD_DOOR): BarkKey.HEARD_DOOR,
    (GuardState.SUSPICIOUS, Cause.HEARD_NOISE): BarkKey.HEARD_NOISE,
    (GuardState.SUSPICIOUS, Cause.SAW_MOVEMENT): BarkKey.SAW_MOVEMENT,
    (GuardState.SUSPICIOUS, Cause.DOOR_LOCKED): BarkKey.DOOR_LOCKED,
    (GuardState.SUSPICIOUS, Cause.LIGHT_OUT): BarkKey.LIGHT_OUT,
    (GuardState.SUSPICIOUS, Cause.DOOR_FOUND_OPEN): BarkKey.DOOR_FOUND_OPEN,
    (GuardState.INVESTIGATE, Cause.CHECKING): BarkKey.CHECKING,
    (GuardState.INVESTIGATE, Cause.RADIO): BarkKey.RADIO_ANSWER,
    (GuardState.INVESTIGATE, Cause.SENT): BarkKey.RADIO_ANSWER,
    (GuardState.RETURN, Cause.SENT_MAN): BarkKey.SENDS_MAN,
    (GuardState.INVESTIGATE, Cause.SAW_HIM_HIDE): BarkKey.SAW_HIM_HIDE,
    (GuardState.ALERT, Cause.SAW_PLAYER): BarkKey.SPOTTED,
    (GuardState.ALERT, Cause.FOUND_HIM): BarkKey.FOUND_HIM,
    (GuardState.SEARCH, Cause.LOST_HIM): BarkKey.LOST_HIM,
    (GuardState.SEARCH, Cause.NO_ONE_HERE): BarkKey.NO_ONE_HERE,
    (GuardState.RETURN, Cause.GAVE_UP): BarkKey.GAVE_UP,
    (GuardState.RETURN, Cause.NOTHING_HERE): BarkKey.NOTHING_HERE,
    (GuardState.RETURN, Cause.LOST_INTEREST): BarkKey.LOST_INTEREST,
    (GuardState.PATROL, Cause.BACK_ON_ROUTE): BarkKey.BACK_ON_ROUTE,
}


def key_for(to: GuardState, cause: Cause) -> BarkKey | None:
    return _KEYS.get((to, cause))


class Speech(Stateful):
    STATIC = frozenset({"book", "factions"})

    def __init__(self, book: BarkBook, seed: int, factions: dict[int, str]):
        self.book = book
        self.factions = factions  # guard id -> faction
        self.rng = Random(seed ^ SPEECH_SALT)
        self.last: dict[tuple[str, str], str] = {}  # (faction, key) -> the line said last

    def react(self, events: list[dict], tick: int) -> None:
        """Append a bark for every event of this tick that a guard speaks to."""
        said = []
        for e in events:
            kind = e["type"]
            if kind == EventType.GUARD_STATE:
                key = key_for(e["to"], e["cause"])
                if key is not None:
                    said.append((e["guard"], key))
            elif kind == EventType.RADIO:
                said.append((e["guard"], BarkKey.RADIO_CALL))
            elif kind == EventType.DOOR and e.get("by") is not None:
                said.append((e["by"], BarkKey.DOOR_SHUT))  # his way was shut: he opens it
            elif kind == EventType.LIGHT and e.get("by") is not None:
                said.append((e["by"], BarkKey.LIGHT_FIXED))
        for guard, key in said:
            events.append(self._bark(guard, key, tick))

    def _bark(self, guard: int, key: BarkKey, tick: int) -> dict:
        faction = self.factions.get(guard, "crew")
        last = self.last.get((faction, key))
        bark = self.book.pick(faction, key, self.rng, last)
        self.last[(faction, key)] = bark.id
        return event(tick, EventType.BARK, guard=guard, line=bark.id, text=bark.text)
