"""The music through the mixer: one thing at a time, always faded, never cut.

- A whole piece, `play_piece(mixer, TITLE)` (the title screen and the menus over it) or
  `EPILOGUE` (the epilogue): it loops in the "music" group; any other piece and any level's
  layers fade out over CROSSFADE_SECONDS while it fades in.
- A level's music, `MusicPlayer(mixer, place)`, driven once a world tick by the audio director
  with the crew's mood: on its first tick it fades the pieces out and starts the place's three
  layers together (the bed `music_<place>`, `music_tension`, `music_alert`), each on its own
  loop slot, silent; from then on only their volumes move, as the `Score` says (on the beat,
  gliding; game/audio/score.py). `stop` fades them out. A map that is no place (a designer's
  or a test's) has no music: the pieces still fade out when it starts.

Each piece and layer is a slot of the same name in the mixer (see Mixer.loop); the mixer gives
a slot whose sound is still fading out a different channel when it starts again, so a crossfade
back (a level left for the title and a new level begun at once) is never cut short.
"""

from __future__ import annotations

from .score import LAYERS, Mood, Score

TITLE, EPILOGUE = "music_title", "music_epilogue"
PIECES = (TITLE, EPILOGUE)
TENSION, ALERT = "music_tension", "music_alert"
LAYER_SLOTS = tuple(f"music_{layer}" for layer in LAYERS)  # music_bed, music_tension, music_alert
CROSSFADE_SECONDS = 1.5


def bed_for(place: str) -> str:
    return f"music_{place}"


def layer_sounds(place: str) -> tuple[str, str, str]:
    """The sounds of a place's layers, in LAYERS order."""
    return bed_for(place), TENSION, ALERT


def sounds_needed(places) -> list[str]:
    return [*PIECES, TENSION, ALERT, *(bed_for(p) for p in places)]


def _ms(seconds: float) -> int:
    return round(seconds * 1000)


def play_piece(mixer, name: str, fade_seconds: float = CROSSFADE_SECONDS) -> None:
    """Loop the piece `name` (TITLE or EPILOGUE), crossfading from whatever music was playing.
    Nothing happens without a mixer; a piece already playing only keeps playing."""
    if name not in PIECES:
        raise ValueError(f"unknown piece {name!r} (one of {', '.join(PIECES)})")
    if mixer is None:
        return
    for other in (*PIECES, *LAYER_SLOTS):
        if other != name:
            mixer.stop_loop(other, _ms(fade_seconds))
    mixer.loop(name, name, 1.0, group="music", fade_ms=_ms(fade_seconds))


def stop_piece(mixer, name: str, fade_seconds: float = CROSSFADE_SECONDS) -> None:
    if mixer is not None:
        mixer.stop_loop(name, _ms(fade_seconds))


class MusicPlayer:
    """A level's layers, following the Score one tick at a time."""

    def __init__(self, mixer, place: str | None):
        self.mixer = mixer
        self.sounds = layer_sounds(place) if place is not None else ()
        self.score = Score()
        self.gains = (0.0, 0.0, 0.0)  # the volumes last sent
        self.playing = False

    def tick(self, mood: Mood) -> None:
        gains = self.score.tick(mood)
        if not self.playing:
            for piece in PIECES:
                self.mixer.stop_loop(piece, _ms(CROSSFADE_SECONDS))
            for slot, name, gain in zip(LAYER_SLOTS, self.sounds, gains):
                self.mixer.loop(slot, name, gain, group="music")
            self.gains, self.playing = gains, True
            return
        for slot, gain, sent in zip(LAYER_SLOTS, gains, self.gains):
            if gain != sent:  # a layer the glide leaves alone keeps its exact value
                self.mixer.set_loop_volume(slot, gain)
        self.gains = gains

    def stop(self, fade_seconds: float = CROSSFADE_SECONDS) -> None:
        """Fade the layers out; a later tick starts them again from the top, with a new score."""
        for slot in LAYER_SLOTS:
            self.mixer.stop_loop(slot, _ms(fade_seconds))
        self.score, self.gains, self.playing = Score(), (0.0, 0.0, 0.0), False
