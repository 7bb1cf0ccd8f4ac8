"""The adaptive score: the generated music (deterministic, in step, quiet under the effects), the
Score's volumes (following the crew, moving only from the beat, gliding), no click at any
transition, and the music played from the title into a level and in the epilogue."""

import numpy as np
import pygame
import pytest

from conftest import ROOT
from test_audio import live_mixer  # noqa: F401 - the real mixer on SDL's dummy driver (a fixture)
from game.audio import music as player_module
from game.audio import score as score_module
from game.audio.director import AudioDirector
from game.audio.score import BEAT_TICKS, GAINS, LAYERS, RAMP_TICKS, TICKS_PER_SECOND, Mood, Score, mood_of, on_beat
from tools.assetlib import music, sound_check, sounds
from tools.assetlib.synth import rng_for, wav_bytes


# The score's volumes for scripted moods, and layers mixed with them as the mixer would.
def follow(moods) -> list[tuple[float, float, float]]:
    """The volumes a fresh Score gives, tick by tick, for these moods."""
    score = Score()
    return [score.tick(m) for m in moods]


def mixdown(layers, gains, rate: int, hold: bool = False) -> np.ndarray:
    """The layers (loops, started together at sample 0) mixed with the per-tick `gains`, as long as
    the gains (len(gains) / TICKS_PER_SECOND seconds). Each tick's volume is reached at its first
    sample; between ticks the volume follows a straight line, or with `hold` stays put until the
    next tick, as the mixer changes it: a step a frame."""
    gains = np.asarray(gains, dtype=float)
    n = int(len(gains) * rate / TICKS_PER_SECOND)
    ticks_at = np.arange(n) * TICKS_PER_SECOND / rate
    out = np.zeros(n)
    for i, layer in enumerate(layers):
        if hold:
            envelope = gains[np.minimum(np.floor(ticks_at + 1e-9).astype(int), len(gains) - 1), i]
        else:
            envelope = np.interp(ticks_at, np.arange(len(gains)), gains[:, i])
        out += np.resize(np.asarray(layer, dtype=float), n) * envelope
    return out

SOUNDS = ROOT / "assets" / "sounds"
MOODS = list(Mood)


def read(name):
    return sound_check.read_wav(str(SOUNDS / f"{name}.wav"))


def layers(place):
    return [read(name)[1] for name in player_module.layer_sounds(place)]


# ---------------------------------------------------------------- the files
def test_a_piece_builds_the_same_twice_and_as_committed():
    """The quickest piece, built twice here (every piece: the slow test below and test_audio's)."""
    one, two = (wav_bytes(music.build("music_alert", rng_for("music_alert")), music.RATE) for _ in range(2))
    assert one == two == (SOUNDS / "music_alert.wav").read_bytes(), "run tools/build_assets.py"


@pytest.mark.slow
def test_every_piece_builds_the_same_twice_and_as_committed():
    for name in music.names():
        one, two = (wav_bytes(music.build(name, rng_for(name)), music.RATE) for _ in range(2))
        assert one == two, f"{name} differs between two builds"
        assert one == (SOUNDS / f"{name}.wav").read_bytes(), f"{name} is stale: run tools/build_assets.py"


def test_the_pieces_are_registered_seamless_loops():
    for name in music.names():
        assert name in sounds.names() and sounds.LOOPS[name] is None  # test_audio checks the seams
    needed = set(player_module.sounds_needed(music.PLACES))
    assert needed == set(music.names())
    assert tuple(music.PLACES) == tuple(sounds.PLACES)


def test_the_layers_share_the_score_s_tempo_length_and_lead():
    assert music.BPM == score_module.BPM and music.LOOP_BEATS == score_module.LOOP_BEATS
    assert music.LEAD * score_module.TICKS_PER_SECOND == pytest.approx(score_module.LEAD_TICKS)
    assert BEAT_TICKS * score_module.BPM == 60 * score_module.TICKS_PER_SECOND, "a beat is a whole number of ticks"
    loop = score_module.LOOP_BEATS * 60 / score_module.BPM
    for place in music.PLACES:
        for name in player_module.layer_sounds(place):
            rate, x = read(name)
            assert rate == 22050 and x.ndim == 1, "mono at 22.05 kHz: the size budget"
            assert len(x) == round(loop * rate), name
    for name in ("music_title", "music_epilogue"):
        rate, x = read(name)
        assert rate == 22050 and x.ndim == 1 and len(x) == 24 * rate


def test_every_layer_s_first_downbeat_is_lead_seconds_in():
    """The bass and the drums strike on the beat the Score counts: the alert layer's loudest
    onsets fall LEAD + a whole number of sixteenths into the file."""
    rate, x = read("music_alert")
    energy = np.convolve(x * x, np.ones(64) / 64, mode="same")
    rise = np.diff(energy)
    onsets = np.argsort(rise)[::-1][:40]
    sixteenth = 60 / music.BPM / 4
    offsets = ((onsets / rate - music.LEAD) / sixteenth) % 1.0
    near = np.minimum(offsets, 1 - offsets) * sixteenth
    assert np.median(near) < 0.006, "onsets on the grid the score keeps"


# ---------------------------------------------------------------- levels
def loudest(name, window=0.1):
    """An effect as loud as it gets: its RMS over its loudest 100 ms, in dBFS."""
    rate, x = read(name)
    w = int(window * rate)
    power = np.convolve(x * x, np.ones(w) / w, mode="valid") if len(x) >= w else [np.mean(x * x)]
    return 10 * np.log10(np.max(power))


def music_rms(name):
    return sound_check.rms_db(read(name)[1])


def test_the_music_sits_under_the_effects_and_the_speech():
    """Each music file's RMS against an effect at its loudest moment (the effects then also play
    in a group set louder by default: effects 0.8, music 0.6). The title's theme plays under the
    menus only; in play: the beds and the layers."""
    in_play = max(music_rms(n) for n in music.names() if n != "music_title")
    assert in_play <= -36.0 and music_rms("music_title") <= -35.0
    for name in ("sting_alert", "sting_suspicious", "caught", "door_open", "door_close", "pickup"):
        assert loudest(name) - in_play > 15, name
    for name in ("bark_murmur_1", "bark_murmur_2", "bark_murmur_3", "bark_marco", "phone_ring", "radio_squelch"):
        assert loudest(name) - in_play > 6, name
    beds = max(music_rms(f"music_{p}") for p in music.PLACES)
    for floor in ("concrete", "snow", "wet", "wood", "metal", "sand"):
        assert loudest(f"step_{floor}_walk_1") - beds > 2, floor
        assert loudest(f"step_{floor}_sprint_1") - beds > 8, floor
    for name in ("ui_move", "ui_select", "ui_back"):
        assert loudest(name) > music_rms("music_title"), name
    # Everything at once (the alert mix over each bed) is still under a running step.
    for place in music.PLACES:
        mix = mixdown(layers(place), [GAINS[Mood.ALERT]] * 60 * 12, 22050)
        assert min(loudest(f"step_{f}_sprint_1") for f in ("concrete", "wood")) - sound_check.rms_db(mix) > 3


# ---------------------------------------------------------------- the score
def scripted(*pairs):
    """[(mood, ticks), ...] -> the mood of each tick."""
    return [mood for mood, ticks in pairs for _ in range(ticks)]


def test_the_layers_follow_a_scripted_sequence_of_crew_states():
    plan = [(Mood.CALM, 200), (Mood.SUSPICIOUS, 300), (Mood.ALERT, 400), (Mood.EVASION, 400), (Mood.CAUTION, 400),
            (Mood.CALM, 300)]
    gains = follow(scripted(*plan))
    start = 0
    for mood, ticks in plan:
        settled = start + BEAT_TICKS + RAMP_TICKS  # the next beat at the latest, then the glide
        assert all(g == GAINS[mood] for g in gains[settled:start + ticks]), mood
        start += ticks
    bed, tension, alert = np.array(gains).T
    assert alert.max() == 1.0 and alert[:500].max() == 0.0 and alert[-1] == 0.0
    assert tension[250] < tension[450] == 1.0
    assert gains[0] == (0.0, 0.0, 0.0) and gains[RAMP_TICKS] == GAINS[Mood.CALM], "the music rises from silence"


def test_volumes_move_only_from_a_beat_and_never_jump():
    rng = np.random.default_rng(19)
    moods = [MOODS[int(i)] for i in rng.integers(0, len(MOODS), 40) for _ in range(int(rng.integers(5, 130)))]
    gains = np.array(follow(moods))
    moving = np.any(np.diff(gains, axis=0) != 0, axis=1)  # moving[t - 1]: tick t differs from t - 1
    starts = [t for t in range(1, len(gains)) if moving[t - 1] and (t == 1 or not moving[t - 2])]
    assert len(starts) > 10
    assert all(on_beat(t - 1) for t in starts), "a glide starts on a beat"
    assert np.max(np.abs(np.diff(gains, axis=0))) <= np.pi / 2 / RAMP_TICKS + 1e-12, "no step larger than the glide's"


def test_a_mood_changing_mid_glide_is_taken_up_at_the_next_beat_from_where_it_was():
    score = Score()
    gains = [score.tick(Mood.CALM) for _ in range(300)]
    change = next(t for t in range(300, 400) if on_beat(t))
    gains += [score.tick(Mood.ALERT) for _ in range(300, change + 20)]
    gains += [score.tick(Mood.CALM) for _ in range(change + 20, change + 200)]
    alert = [g[2] for g in gains]
    assert alert[change + 20] > 0.0
    turn = change + BEAT_TICKS  # the next beat: the glide back starts from where the volumes are
    assert on_beat(turn) and alert[turn] == max(alert) and alert[turn + 1] < alert[turn]
    assert all(a <= b for a, b in zip(alert[change:turn], alert[change + 1:turn + 1])), "rising until then"
    assert alert[-1] == 0.0


def world_moods():
    """A real crew: Jesse peeks, is seen, runs and hides it out (calm -> suspicious -> alert ->
    evasion -> caution -> calm); the moods and the score's volumes of every tick."""
    from scenario import run, world_for
    from test_ai import PeekThenRun

    world = world_for("ai_watch.tmx")
    score, moods, gains = Score(), [], []

    def each(w):
        moods.append(mood_of(w))
        gains.append(score.tick(moods[-1]))

    run(world, PeekThenRun(world), 120, each_tick=each,
        until=lambda w, ev: w.alarm.phase == "calm" and any(e["type"] == "alert_phase" for e in ev))
    return moods, gains


def test_a_real_crew_s_states_lead_the_layers():
    moods, gains = world_moods()
    order = [m for i, m in enumerate(moods) if i == 0 or moods[i - 1] != m]
    assert order == [Mood.CALM, Mood.SUSPICIOUS, Mood.ALERT, Mood.EVASION, Mood.CAUTION, Mood.CALM]
    changes = [i for i in range(1, len(moods)) if moods[i] != moods[i - 1]]
    for start, end in zip(changes, changes[1:] + [len(moods)]):
        mood = moods[start]
        if end - start > BEAT_TICKS + RAMP_TICKS:
            assert gains[end - 1] == GAINS[mood], mood
        if gains[start] == gains[start - 1]:  # settled when the mood changed: it waits for the beat
            later = next((t for t in range(start, end) if on_beat(t)), end - 1)  # (the run may end first)
            assert all(g == gains[start] for g in gains[start:later + 1]), "nothing moves before the beat"


# ---------------------------------------------------------------- no click
def jumps(place_layers, gains):
    """The mixer changes a layer's volume once a tick: at each tick's first sample, how far the
    change moves the waveform (the mix held at this tick's volumes minus at the last tick's)."""
    gains = np.asarray(gains)
    before = np.vstack([gains[:1], gains[:-1]])
    now, then = (mixdown(place_layers, g, 22050, hold=True) for g in (gains, before))
    firsts = np.ceil(np.arange(len(gains)) * 22050 / 60 - 1e-9).astype(int)
    return np.abs(now - then)[firsts[firsts < len(now)]]


def sharpness(place_layers, gains):
    """The music's own sharpest moments at these volumes: the 99.9th percentile of its second
    differences over a loop (as sound_check.junction measures a loop point against)."""
    x = sum(layer * g for layer, g in zip(place_layers, gains))
    return np.percentile(np.abs(np.diff(x, 2)), 99.9)


def transitions():
    return [(a, b) for a in MOODS for b in MOODS if a != b]


def click_ratios(place, cut=False):
    """For every change of mood, the largest jump it makes over the sharpness of the calmer of
    the two states (a click is far above 1); `cut`: the volumes jump on the beat instead."""
    parts, hold = layers(place), 4 * BEAT_TICKS
    ratios = {}
    for a, b in transitions():
        gains = np.array(follow(scripted((a, hold), (b, hold))))
        if cut:
            gains[hold + 1:] = GAINS[b]  # tick `hold` is not a beat: the first one after it, or later
            first = next(t for t in range(hold, 2 * hold) if on_beat(t))
            gains[hold:first + 1] = GAINS[a]
        own = min(sharpness(parts, GAINS[a]), sharpness(parts, GAINS[b]))
        ratios[(a, b)] = float(jumps(parts, gains)[hold:].max() / own)
    return ratios


@pytest.mark.parametrize("place", music.PLACES)
def test_no_transition_clicks(place):
    ratios = click_ratios(place)
    assert max(ratios.values()) < 1.0, {f"{a}->{b}": round(r, 2) for (a, b), r in ratios.items() if r >= 1.0}


def test_the_click_check_catches_a_hard_cut():
    ratios = click_ratios("carwash", cut=True)
    assert max(ratios.values()) > 5.0
    assert sum(r > 1.0 for r in ratios.values()) >= 0.75 * len(ratios)


# ---------------------------------------------------------------- the player
class FakeMixer:
    """Records loops, volumes and stops as the real mixer would hold them."""

    def __init__(self):
        self.calls, self.loops, self.volumes = [], {}, {}

    def loop(self, slot, name, volume=1.0, group="music", intro=None, tail=None, fade_ms=0):
        self.calls.append(("loop", slot, name))
        if self.loops.get(slot) != name:
            self.loops[slot] = name
        self.volumes[slot] = volume

    def set_loop_volume(self, slot, volume):
        self.calls.append(("volume", slot, volume))
        self.volumes[slot] = volume

    def stop_loop(self, slot, fade_ms=0):
        if slot in self.loops:
            self.calls.append(("stop", slot, fade_ms))
        self.loops.pop(slot, None)

    def play(self, name, volume=1.0, pan=0.0, group="effects"):
        pass

    def update(self):
        pass


def calm_world(tick=0):
    from types import SimpleNamespace

    from game.world.alarm import AlertPhase

    return SimpleNamespace(tick=tick, outcome=None, player=SimpleNamespace(x=0.0, y=0.0, pace="walk"),
                           guards=[SimpleNamespace(state="patrol", awareness=0.0)],
                           alarm=SimpleNamespace(phase=AlertPhase.CALM))


def test_the_director_starts_the_layers_together_and_sets_their_volumes_from_the_score():
    mixer = FakeMixer()
    mixer.loop(player_module.TITLE, player_module.TITLE)
    director = AudioDirector(mixer, "highschool")
    world = calm_world()
    director.update(world)
    assert mixer.loops == {"ambience": "ambient_highschool", "music_bed": "music_highschool",
                           "music_tension": "music_tension", "music_alert": "music_alert"}
    assert ("stop", player_module.TITLE, 1500) in mixer.calls, "the title's theme fades out"
    assert all(mixer.volumes[s] == 0.0 for s in player_module.LAYER_SLOTS), "the layers start silent"
    expected = Score()
    expected.tick(Mood.CALM)
    for tick in range(1, 700):
        world.tick = tick
        world.alarm.phase = "alert" if 300 <= tick < 500 else "calm"
        director.update(world)
        gains = expected.tick(mood_of(world))
        assert tuple(mixer.volumes[s] for s in player_module.LAYER_SLOTS) == gains
    assert [c for c in mixer.calls if c[0] == "loop" and c[1].startswith("music_")] == [
        ("loop", "music_title", "music_title"), *(("loop", s, n) for s, n in zip(
            player_module.LAYER_SLOTS, player_module.layer_sounds("highschool")))], "started once, never again"


def test_a_restart_keeps_the_music_playing_in_time_and_leaving_fades_it():
    mixer = FakeMixer()
    director = AudioDirector(mixer, "garage")
    world = calm_world()
    for tick in range(400):
        world.tick, world.alarm.phase = tick, ("alert" if tick > 100 else "calm")
        director.update(world)
    before = len(mixer.calls)
    for tick in range(200):  # caught: a fresh world from tick 0, the crew calm
        world.tick, world.alarm.phase = tick, "calm"
        director.update(world)
    after = mixer.calls[before:]
    assert not [c for c in after if c[0] in ("loop", "stop") and c[1].startswith("music_")], "never cut"
    assert director.music.score.ticks == 600, "the beat counts on"
    assert mixer.volumes["music_alert"] == 0.0 and mixer.volumes["music_bed"] == 1.0
    director.stop()
    assert {c[1]: c[2] for c in mixer.calls if c[0] == "stop"}.keys() >= set(player_module.LAYER_SLOTS)
    assert all(c[2] >= 1500 for c in mixer.calls if c[0] == "stop" and c[1].startswith("music_"))


def test_a_map_that_is_no_place_has_no_music_but_ends_the_title_s():
    mixer = FakeMixer()
    player_module.play_piece(mixer, player_module.TITLE)
    AudioDirector(mixer, None).update(calm_world())
    assert mixer.loops == {}


def test_a_piece_crossfades_from_whatever_music_was_playing():
    mixer = FakeMixer()
    player_module.play_piece(mixer, player_module.TITLE)
    player_module.play_piece(mixer, player_module.TITLE)  # again: it only keeps playing
    assert mixer.loops == {"music_title": "music_title"}
    player_module.play_piece(mixer, player_module.EPILOGUE)
    assert mixer.loops == {"music_epilogue": "music_epilogue"}
    assert ("stop", "music_title", 1500) in mixer.calls
    player_module.play_piece(None, player_module.TITLE)  # no mixer: nothing, no error
    with pytest.raises(ValueError):
        player_module.play_piece(mixer, "music_lobby")


# ---------------------------------------------------------------- the real mixer and the front door
def test_a_slot_started_again_while_fading_out_takes_another_channel(live_mixer):
    mixer = live_mixer
    mixer.loop("music_bed", "music_garage", 0.5)
    first = mixer._loops["music_bed"].index
    mixer.stop_loop("music_bed", 1500)
    mixer.loop("music_bed", "music_garage", 0.5)
    second = mixer._loops["music_bed"].index
    assert second != first and pygame.mixer.Channel(first).get_busy(), "the fade goes on"
    mixer.loop("music_bed", "music_garage", 0.2)  # the same sound again: only its volume
    assert mixer._loops["music_bed"].index == second


def test_from_the_title_the_theme_plays_and_a_level_brings_in_its_layers(tmp_path, monkeypatch):
    from game.app import App, Options
    from game.scenes.dialogue import DialogueScene
    from game.scenes.epilogue import EpilogueScene
    from game.scenes.level import LevelScene
    from game.scenes.title import TitleScene
    from game.world.tuning import DT

    monkeypatch.setenv("REDEMPTION_HOME", str(tmp_path))
    app = App(Options())
    app.start()

    def frames(n, until=None):
        for _ in range(n):
            assert app.frame(DT)
            if until is not None and until():
                return True
        return False

    def press(key=pygame.K_RETURN):
        for kind in (pygame.KEYDOWN, pygame.KEYUP):
            pygame.event.post(pygame.event.Event(kind, key=key, mod=0, unicode="", scancode=0))
        frames(2)

    try:
        if app.mixer.silent:
            pytest.skip("no audio driver here, not even the dummy one")
        loops = app.mixer.playing_loops
        frames(3)
        assert isinstance(app.stack.top, TitleScene) and loops() == {"music_title": "music_title"}
        press()  # New game: the card, the theme still playing under it
        assert loops() == {"music_title": "music_title"}
        assert frames(400, until=lambda: isinstance(app.stack.top, DialogueScene))
        while isinstance(app.stack.top, DialogueScene):  # the intro
            press()
        level = app.stack.top
        assert isinstance(level, LevelScene) and level.chapter.map_path.stem == "garage"
        frames(30)
        assert loops() == {"ambience": "ambient_garage", "music_bed": "music_garage",
                           "music_tension": "music_tension", "music_alert": "music_alert"}
        bed, tension = (app.mixer._loops[s].channel for s in ("music_bed", "music_tension"))
        assert bed.get_busy() and bed.get_volume() > 0.0 and tension.get_volume() == 0.0
        app.campaign.to_title()  # (the pause menu's Quit to title)
        assert loops() == {"music_title": "music_title"}
        app.campaign.epilogue(app.stack)
        assert isinstance(app.stack.top, EpilogueScene) and loops() == {"music_epilogue": "music_epilogue"}
        press(pygame.K_ESCAPE)
        assert isinstance(app.stack.top, TitleScene) and loops() == {"music_title": "music_title"}
    finally:
        app.close()


def test_every_layer_name_is_in_the_score_s_order():
    assert LAYERS == ("bed", "tension", "alert")
    assert player_module.LAYER_SLOTS == ("music_bed", "music_tension", "music_alert")
