"""Sound: the mixer (pygame.mixer, or silence without an audio device), the director that
turns the world's events and state into sounds, and the adaptive score (score.py: the layers'
volumes from the crew's mood; music.py: playing it and the title's and epilogue's pieces).
See mixer.py and director.py."""

from .director import PLACES, AudioDirector, place_for_map, sounds_needed
from .mixer import NOTICE, Mixer

__all__ = ["AudioDirector", "Mixer", "NOTICE", "PLACES", "place_for_map", "sounds_needed"]
