"""Sound output: pygame.mixer behind a small interface that can always go silent.

`Mixer(volumes)` opens the audio device (stereo, 44.1 kHz). Without one (no sound card, a
server, a broken driver) it sets `silent`, keeps `notice` ("No audio device: playing
silently.") for the caller to show once, and every method does nothing: the game goes on.

Sounds are WAV files in assets/sounds, loaded on first use (or by `preload`); a missing or
unreadable file raises `AssetError` naming it when it is loaded.

Two groups, each with its volume under the master volume: "effects" (footsteps, stings,
doors, the heartbeat...) and "music" (the ambient beds and the score). One-shots go to a
pool of effect channels (when all are busy, the one started longest ago is reused);
loops each hold a reserved channel under a slot name, and can start with an intro sound
or with a whole file whose last seconds then loop (`loop(..., intro=..., tail=...)`). A slot
started again while its last sound still fades out gets another free reserved channel, so
the fade runs to its end instead of being cut.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from pathlib import Path

import pygame

from ..errors import AssetError
from ..paths import ASSETS_DIR

SOUNDS_DIR = ASSETS_DIR / "sounds"
NOTICE = "No audio device: playing silently."
GROUPS = ("effects", "music")
# Reserved for loops: the ambient bed, three story loops, the music (a piece, or a level's three
# layers), and as many again fading out while their successors start.
LOOP_CHANNELS = 12
EFFECT_CHANNELS = 20
DEFAULT_VOLUMES = (0.8, 0.6, 0.8)  # master, music, effects (the settings' defaults)
FAR_EAR = 0.25  # at a full pan the far speaker still gets this much


_alsa = None  # alsa-lib, once quieted: kept loaded, so its handler stays set


def quiet_alsa() -> None:
    """Keep alsa-lib's own error lines off the terminal (without a sound card, 8 lines of
    "ALSA lib confmisc.c:855:(parse_card) cannot find card '0'"... for each attempt to open
    the device): the Mixer's one notice says it. Call before pygame.init() and mixer.init().

    alsa-lib prints through a handler that snd_lib_error_set_handler replaces; only its
    messages go, nothing else written to stderr. The replacement must be C, not a ctypes
    callback: SDL's ALSA hotplug thread calls it while the main thread holds the GIL in
    pygame.init(), and a Python callback deadlocks there. getpid takes no argument and changes
    nothing; called with the handler's arguments (the caller clears them, on every C ABI
    Linux uses) it ignores them. SDL opens the same "libasound.so.2" by name, so it gets this
    already-loaded library. Once per process; where there is no alsa-lib it does nothing."""
    global _alsa
    if _alsa is not None:
        return
    try:
        alsa = ctypes.CDLL("libasound.so.2")
        getpid = ctypes.CDLL(None).getpid
        alsa.snd_lib_error_set_handler.argtypes = [ctypes.c_void_p]
        alsa.snd_lib_error_set_handler(ctypes.cast(getpid, ctypes.c_void_p))
    except (OSError, AttributeError):  # no ALSA here (Windows, macOS, a Linux without it)
        alsa = False
    _alsa = alsa


@dataclass
class _Loop:
    channel: object  # pygame.mixer.Channel
    index: int  # the channel's number among the reserved ones
    name: str
    volume: float
    group: str
    repeat: object | None  # the Sound queued again and again after an intro, or None (plain loop)
    intro: str | None


class Mixer:
    def __init__(self, volumes=None, sounds_dir: Path | str = SOUNDS_DIR):
        """`volumes`: the player's Settings (master_volume, music_volume, effects_volume),
        a (master, music, effects) tuple, or None for the defaults."""
        self.sounds_dir = Path(sounds_dir)
        self.silent = False
        self.notice: str | None = None
        self.master, self.music, self.effects = _read_volumes(volumes)
        self._sounds: dict[str, pygame.mixer.Sound] = {}
        self._tails: dict[tuple[str, float], pygame.mixer.Sound] = {}
        self._loops: dict[str, _Loop] = {}
        self._stereo = True
        self._frequency = 44100
        self._next = 0  # round-robin position in the effect channels
        try:
            if pygame.mixer.get_init() is None:
                quiet_alsa()
                pygame.mixer.init(frequency=44100, size=-16, channels=2, buffer=512)
            self._frequency, _, channels = pygame.mixer.get_init()
            self._stereo = channels >= 2
            pygame.mixer.set_num_channels(LOOP_CHANNELS + EFFECT_CHANNELS)
            pygame.mixer.set_reserved(LOOP_CHANNELS)
            self._effect_channels = [pygame.mixer.Channel(i)
                                     for i in range(LOOP_CHANNELS, LOOP_CHANNELS + EFFECT_CHANNELS)]
        except Exception:  # noqa: BLE001 - any failure to open the device means: no sound, keep playing
            self.silent = True
            self.notice = NOTICE

    def take_notice(self) -> str | None:
        """The notice once (then None): for a caller that shows it a single time."""
        notice, self.notice = self.notice, None
        return notice

    # ------------------------------------------------------------ volumes
    def set_volumes(self, master: float, music: float, effects: float) -> None:
        self.master, self.music, self.effects = (_clamp(master), _clamp(music), _clamp(effects))
        if self.silent:
            return
        for loop in self._loops.values():
            self._apply(loop.channel, loop.volume * self.gain(loop.group), 0.0)

    def gain(self, group: str) -> float:
        if group not in GROUPS:
            raise ValueError(f"unknown sound group {group!r} (one of {', '.join(GROUPS)})")
        return self.master * (self.music if group == "music" else self.effects)

    # ------------------------------------------------------------ loading
    def sound(self, name: str):
        """The loaded Sound `name` (assets/sounds/<name>.wav); None when silent."""
        if self.silent:
            return None
        sound = self._sounds.get(name)
        if sound is None:
            path = self.sounds_dir / f"{name}.wav"
            if not path.is_file():
                raise AssetError(path, "sound file not found")
            try:
                sound = pygame.mixer.Sound(str(path))
            except (pygame.error, OSError) as exc:
                raise AssetError(path, f"cannot read the sound ({exc})") from exc
            self._sounds[name] = sound
        return sound

    def preload(self, names) -> None:
        """Load these sounds now (a missing one raises AssetError here, not mid-level)."""
        for name in names:
            self.sound(name)

    # ------------------------------------------------------------ one-shots
    def play(self, name: str, volume: float = 1.0, pan: float = 0.0, group: str = "effects") -> None:
        """Play a sound once; `pan` -1 (left) .. 1 (right)."""
        gain = volume * self.gain(group)
        if self.silent:
            return
        sound = self.sound(name)
        channel = self._free_channel()
        self._apply(channel, gain, pan)
        channel.play(sound)

    def _free_channel(self):
        count = len(self._effect_channels)
        for i in range(count):
            channel = self._effect_channels[(self._next + i) % count]
            if not channel.get_busy():
                self._next = (self._next + i + 1) % count
                return channel
        channel = self._effect_channels[self._next]  # all busy: the one used longest ago
        self._next = (self._next + 1) % count
        return channel

    def _apply(self, channel, gain: float, pan: float) -> None:
        gain = _clamp(gain)
        if not self._stereo:
            channel.set_volume(gain)
            return
        pan = max(-1.0, min(1.0, pan))
        left = gain * (1.0 - (1.0 - FAR_EAR) * max(0.0, pan))
        right = gain * (1.0 - (1.0 - FAR_EAR) * max(0.0, -pan))
        if pan == 0.0:
            channel.set_volume(gain)
        else:
            channel.set_volume(left, right)

    # ------------------------------------------------------------ loops
    def loop(self, slot: str, name: str, volume: float = 1.0, group: str = "music", intro: str | None = None,
             tail: float | None = None, fade_ms: int = 0) -> None:
        """Loop `name` on the slot's channel (replacing what it played).

        intro: a sound played first, then `name` loops. tail: play all of `name` once, then
        loop its last `tail` seconds. Calling again with the same sound only sets the volume."""
        gain = volume * self.gain(group)
        if self.silent:
            return
        current = self._loops.get(slot)
        if current is not None and current.name == name and current.intro == intro and current.channel.get_busy():
            current.volume, current.group = volume, group
            self._apply(current.channel, gain, 0.0)
            return
        index, channel = self._slot_channel(slot)
        sound = self.sound(name)
        first = self.sound(intro) if intro is not None else None
        repeat = None
        if tail is not None:
            first, repeat = sound, self._tail(name, sound, tail)
        elif first is not None:
            repeat = sound
        channel.stop()
        self._apply(channel, gain, 0.0)
        if repeat is None:
            channel.play(sound, loops=-1, fade_ms=fade_ms)
        else:
            channel.play(first, fade_ms=fade_ms)
            channel.queue(repeat)
        self._loops[slot] = _Loop(channel, index, name, volume, group, repeat, intro)

    def set_loop_volume(self, slot: str, volume: float) -> None:
        loop = self._loops.get(slot)
        if self.silent or loop is None:
            return
        loop.volume = volume
        self._apply(loop.channel, volume * self.gain(loop.group), 0.0)

    def stop_loop(self, slot: str, fade_ms: int = 0) -> None:
        loop = self._loops.pop(slot, None)
        if self.silent or loop is None:
            return
        if fade_ms > 0:
            loop.channel.fadeout(fade_ms)
        else:
            loop.channel.stop()

    def playing_loops(self) -> dict[str, str]:
        """slot -> sound name of the loops started and not stopped."""
        return {slot: loop.name for slot, loop in self._loops.items()}

    def update(self) -> None:
        """Once a frame: keep the intro-then-loop sequences fed (the queued part plays once)."""
        if self.silent:
            return
        for loop in self._loops.values():
            if loop.repeat is not None and loop.channel.get_queue() is None:
                loop.channel.queue(loop.repeat)

    def _slot_channel(self, slot: str) -> tuple[int, object]:
        """The slot's channel: the one it plays on, else a reserved one no slot holds, preferring
        one that is silent to one still fading out (which is then cut)."""
        current = self._loops.get(slot)
        if current is not None:
            return current.index, current.channel
        held = {loop.index for loop in self._loops.values()}
        free = [i for i in range(LOOP_CHANNELS) if i not in held]
        if not free:
            raise ValueError(f"no free loop channel for {slot!r} (slots: {', '.join(self._loops)})")
        silent = [i for i in free if not pygame.mixer.Channel(i).get_busy()]
        index = (silent or free)[0]
        return index, pygame.mixer.Channel(index)

    def _tail(self, name: str, sound, seconds: float):
        key = (name, seconds)
        if key not in self._tails:
            samples = pygame.sndarray.array(sound)
            count = min(len(samples), round(seconds * self._frequency))
            self._tails[key] = pygame.sndarray.make_sound(samples[len(samples) - count:].copy())
        return self._tails[key]

    # ------------------------------------------------------------ everything
    def pause(self) -> None:
        if not self.silent:
            pygame.mixer.pause()

    def resume(self) -> None:
        if not self.silent:
            pygame.mixer.unpause()

    def stop_all(self) -> None:
        if self.silent:
            return
        self._loops.clear()
        pygame.mixer.stop()


def _clamp(value: float) -> float:
    return max(0.0, min(1.0, float(value)))


def _read_volumes(volumes) -> tuple[float, float, float]:
    if volumes is None:
        return DEFAULT_VOLUMES
    if isinstance(volumes, (tuple, list)):
        master, music, effects = volumes
    else:
        master, music, effects = volumes.master_volume, volumes.music_volume, volumes.effects_volume
    return _clamp(master), _clamp(music), _clamp(effects)
