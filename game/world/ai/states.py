"""The guard brain's vocabulary: the states a guard is in, why he changed, and the groupings of
states that the HUD, the cones, the sound and the finale read. Defined once, here.

Both are `StrEnum`s, so an event still serialises to the same JSON ("to": "alert") and a test
may compare with the plain word.
"""

from __future__ import annotations

from enum import StrEnum


class GuardState(StrEnum):
    PATROL = "patrol"            # walks the route from the map, waiting at its points
    SUSPICIOUS = "suspicious"    # stops and turns to look at what caught his eye or ear ("?")
    INVESTIGATE = "investigate"  # walks to the noise or the last seen point and looks around
    ALERT = "alert"              # runs at Jesse ("!"), radios his group; catches him within reach
    SEARCH = "search"            # sweeps around the last known position for a while
    RETURN = "return"            # walks back to where he left the route, then patrols on


# Groupings, each read by more than one module.
CALM = frozenset({GuardState.PATROL, GuardState.RETURN})                # going about his rounds
CURIOUS = frozenset({GuardState.SUSPICIOUS, GuardState.INVESTIGATE})   # checking something ("?" sting)
WARY = CURIOUS | {GuardState.SEARCH}                                   # shows "?" over his head
HUNTING = frozenset({GuardState.ALERT, GuardState.SEARCH})             # after Jesse: the music ducks


class Cause(StrEnum):
    """Why a guard changed state (the `cause` of a `guard_state` event)."""
    SAW_MOVEMENT = "saw_movement"    # a glimpse: enough seen to stop and look
    SAW_PLAYER = "saw_player"        # seen for sure: "!"
    SAW_HIM_HIDE = "saw_him_hide"    # watched Jesse slip into a hiding spot
    FOUND_HIM = "found_him"          # seen again while searching
    HEARD_STEP = "heard_step"        # footsteps
    HEARD_THROW = "heard_throw"      # something thrown landing
    HEARD_DOOR = "heard_door"        # a door opening or shutting
    HEARD_NOISE = "heard_noise"      # any other noise (a machine, an alarm)
    RADIO = "radio"                  # a call from his group
    CHECKING = "checking"            # the look is over: he goes to see
    LOST_INTEREST = "lost_interest"  # the "?" faded
    NOTHING_HERE = "nothing_here"    # checked the spot, found nothing
    NO_ONE_HERE = "no_one_here"      # came on the radio's word, nobody there: he searches
    LOST_HIM = "lost_him"            # out of sight too long in a chase
    GAVE_UP = "gave_up"              # the search is over
    BACK_ON_ROUTE = "back_on_route"  # walked back to where he left the route
    DOOR_LOCKED = "door_locked"      # his way is locked, and he has no key
    LIGHT_OUT = "light_out"          # saw his light go out
    DOOR_FOUND_OPEN = "door_found_open"  # a door he saw shut is open, and none of the crew opened it
    SENT = "sent"                    # his boss heard something and sent him to look
    SENT_MAN = "sent_man"            # the boss: he sent one of his men instead of going himself

    @property
    def heard(self) -> bool:
        """He changed state because of a sound (he goes to check it, whatever he saw)."""
        return self in HEARD

    @property
    def checks(self) -> bool:
        """Once he has looked he goes to check, whatever he saw: a sound, a door found open."""
        return self in HEARD or self == Cause.DOOR_FOUND_OPEN

    @staticmethod
    def hearing(source: str) -> "Cause":
        """The cause for hearing a noise of this source."""
        return _HEARD_BY_SOURCE.get(source, Cause.HEARD_NOISE)


HEARD = frozenset({Cause.HEARD_STEP, Cause.HEARD_THROW, Cause.HEARD_DOOR, Cause.HEARD_NOISE})
_HEARD_BY_SOURCE = {"step": Cause.HEARD_STEP, "throw": Cause.HEARD_THROW, "door": Cause.HEARD_DOOR}
