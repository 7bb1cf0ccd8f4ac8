"""Sound: the generated WAVs (deterministic, present, clean levels, seamless loops), the audio
director's choices (with a fake mixer that records calls) and the mixer's silent fallback."""

import math
import time
import wave
from types import SimpleNamespace

import numpy as np
import pygame
import pytest

from conftest import ROOT
from game.audio import NOTICE, AudioDirector, Mixer, place_for_map, sounds_needed
from game.audio import director as director_module
from game.world.alarm import AlertPhase
from game.errors import AssetError
from game.settings import Settings
from tools.assetlib import sound_check, sound_fx, sounds

SOUNDS = ROOT / "assets" / "sounds"


def read(path):
    return sound_check.read_wav(str(path))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The generator's output in a fresh directory."""
    root = tmp_path_factory.mktemp("sounds_a")
    sounds.write_sounds(str(root))
    return root / "assets" / "sounds"


# ---------------------------------------------------------------- the files
@pytest.mark.slow
def test_the_generator_is_deterministic_and_the_committed_sounds_are_fresh(built, tmp_path):
    sounds.write_sounds(str(tmp_path))
    again = tmp_path / "assets" / "sounds"
    names = sorted(p.name for p in built.glob("*.wav"))
    assert names == sorted(p.name for p in again.glob("*.wav"))
    assert names == sorted(p.name for p in SOUNDS.glob("*.wav")), "run tools/build_assets.py"
    for name in names:
        data = (built / name).read_bytes()
        assert data == (again / name).read_bytes(), f"{name} differs between two runs"
        assert data == (SOUNDS / name).read_bytes(), f"{name} is stale: run tools/build_assets.py"


def test_every_sound_the_director_can_ask_for_exists():
    missing = [n for n in sounds_needed() if not (SOUNDS / f"{n}.wav").is_file()]
    assert not missing
    assert set(sounds_needed()) <= set(sounds.names())
    assert director_module.CAR_IDLE_SECONDS == sound_fx.CAR_IDLE_SECONDS
    assert set(director_module.PLACES) == set(sounds.PLACES)


def test_the_sounds_fit_in_the_size_budget():
    # 15 MB before the score; its eight mono 22.05 kHz loops add 5.3 MB (tests/test_music.py keeps them
    # mono, at that rate, and 12 or 24 s long).
    total = sum(p.stat().st_size for p in SOUNDS.glob("*.wav"))
    assert total < 17_000_000


@pytest.mark.parametrize("name", sounds.names())
def test_levels_are_clean(name):
    rate, x = read(SOUNDS / f"{name}.wav")
    with wave.open(str(SOUNDS / f"{name}.wav")) as w:
        assert w.getsampwidth() == 2 and w.getframerate() in (22050, 44100)
    assert sound_check.peak_db(x) < -1.0, "peaks must stay below -1 dBFS"
    assert np.all(np.abs(x.mean(axis=0)) < 0.002), "DC offset"
    if name in sounds.LOOPS:
        # The loop point is no more abrupt than the sound's own sharpest moments.
        assert sound_check.loop_junction(x, rate, sounds.LOOPS[name]) < 1.0
        assert sound_check.seam_score(x, rate, sounds.LOOPS[name]) < 4.0
    else:
        first, last = sound_check.edge_steps(x)
        # One-shots start and end at silence (tape_start ends where tape_loop begins).
        assert first < 0.002
        assert last < 0.002 or name == "tape_start"


def test_ambient_beds_are_stereo_loops_of_ten_to_twenty_seconds_at_a_quiet_level():
    for place in sounds.PLACES:
        rate, x = read(SOUNDS / f"ambient_{place}.wav")
        assert x.ndim == 2 and x.shape[1] == 2
        assert 10.0 <= len(x) / rate <= 20.0
        assert -36.0 < sound_check.rms_db(x) < -24.0


def test_tape_start_runs_into_tape_loop_and_the_engine_into_its_idle():
    _, start = read(SOUNDS / "tape_start.wav")
    _, loop = read(SOUNDS / "tape_loop.wav")
    assert sound_check.junction(start, loop) < 1.0
    rate, car = read(SOUNDS / "car_engine.wav")
    tail = round(sound_fx.CAR_IDLE_SECONDS * rate)
    # The idle is periodic: what comes before the looping tail equals the tail's end.
    k = rate // 2
    assert np.array_equal(car[len(car) - tail - k:len(car) - tail], car[len(car) - k:])


def test_footsteps_get_louder_from_sneak_to_walk_to_sprint_on_every_floor():
    for floor in director_module.FLOORS:
        peaks = [sound_check.peak_db(read(SOUNDS / f"step_{floor}_{pace}_1.wav")[1])
                 for pace in director_module.PACES]
        assert peaks[0] + 5 < peaks[1] < peaks[2] - 4, (floor, peaks)


def test_the_switch_clicks_briefly_and_the_alarm_burst_fits_between_a_noise_maker_s_pulses():
    from game.world.tuning import Tuning

    rate, click = read(SOUNDS / "switch_click.wav")
    assert 0.06 <= len(click) / rate <= 0.12
    rate, burst = read(SOUNDS / "alarm_burst.wav")
    assert 0.8 <= len(burst) / rate < Tuning().noise_maker_pulse, "one burst ends before the next"
    for x in (click, burst):
        assert -18.5 < sound_check.peak_db(x) < -14.5, "as loud as the other cues"


def test_floors_sound_different():
    """Each floor's walking step has its own spectrum: the centroids are spread apart."""
    centroids = {}
    for floor in director_module.FLOORS:
        rate, x = read(SOUNDS / f"step_{floor}_walk_1.wav")
        mag = np.abs(np.fft.rfft(x))
        f = np.fft.rfftfreq(len(x), 1 / rate)
        centroids[floor] = float(np.sum(f * mag) / np.sum(mag))
    values = sorted(centroids.values())
    assert min(b - a for a, b in zip(values, values[1:])) > 50, centroids


# ---------------------------------------------------------------- the director
class FakeMixer:
    def __init__(self):
        self.calls = []

    def play(self, name, volume=1.0, pan=0.0, group="effects"):
        self.calls.append(("play", name, volume, pan))

    def loop(self, slot, name, volume=1.0, group="music", intro=None, tail=None, fade_ms=0):
        self.calls.append(("loop", slot, name, volume, intro, tail))

    def set_loop_volume(self, slot, volume):
        self.calls.append(("volume", slot, volume))

    def stop_loop(self, slot, fade_ms=0):
        self.calls.append(("stop", slot))

    def update(self):
        pass

    def played(self):
        return [c[1] for c in self.calls if c[0] == "play"]

    def clear(self):
        self.calls.clear()


def make_world(guards=(), pace="walk", x=100.0, y=100.0):
    return SimpleNamespace(tick=0, outcome=None, player=SimpleNamespace(x=x, y=y, pace=pace),
                           guards=[SimpleNamespace(state=s, awareness=a) for s, a in guards],
                           alarm=SimpleNamespace(phase=AlertPhase.CALM))


def run(director, world, ticks):
    for _ in range(ticks):
        director.update(world)
        world.tick += 1


def guard_state(tick, to, old="patrol"):
    return {"tick": tick, "type": "guard_state", "guard": 1, "from": old, "to": to, "cause": "saw_player"}


def step(tick, x=100.0, y=100.0):
    return {"tick": tick, "type": "noise", "x": x, "y": y, "radius": 64.0, "source": "step"}


def test_guard_state_changes_play_stings_at_most_one_per_gap():
    mixer, world = FakeMixer(), make_world()
    director = AudioDirector(mixer, None)
    director.on_events([guard_state(0, "suspicious")], world)
    assert mixer.played() == ["sting_suspicious"]
    director.on_events([guard_state(5, "investigate")], world)  # too soon: dropped
    assert mixer.played() == ["sting_suspicious"]
    mixer.clear()
    director.on_events([guard_state(40, "alert", "investigate")], world)
    assert mixer.played() == ["sting_alert"]
    mixer.clear()
    director.on_events([guard_state(100, "search", "alert"), guard_state(100, "return", "search")], world)
    assert mixer.played() == []
    director.on_events([guard_state(200, "suspicious"), guard_state(200, "alert")], world)
    assert mixer.played() == ["sting_alert"], "the stronger sting wins within one tick"


def test_an_alert_right_after_a_suspicious_sting_is_held_back_not_lost():
    mixer, world = FakeMixer(), make_world()
    director = AudioDirector(mixer, None)
    world.tick = 10
    director.update(world)
    director.on_events([guard_state(10, "suspicious")], world)
    director.on_events([guard_state(14, "alert")], world)
    assert mixer.played() == ["sting_suspicious"]
    run(director, world, director_module.STING_GAP_TICKS)  # ticks 10 .. 27
    assert mixer.played() == ["sting_suspicious"]
    run(director, world, 1)  # tick 28: the gap is over
    assert mixer.played() == ["sting_suspicious", "sting_alert"]
    run(director, world, 60)
    assert mixer.played() == ["sting_suspicious", "sting_alert"]


def test_footsteps_follow_the_floor_under_jesse_and_his_pace():
    mixer = FakeMixer()
    director = AudioDirector(mixer, "garage", floor_of=lambda x, y: "snow" if x < 200 else "metal")
    names = []
    for pace in ("sneak", "walk", "sprint"):
        for x in (100.0, 300.0):
            world = make_world(pace=pace, x=x)
            director.on_events([step(0, x=x)], world)
            names.append(mixer.played()[-1])
    assert [n.rsplit("_", 1)[0] for n in names] == [
        "step_snow_sneak", "step_metal_sneak", "step_snow_walk", "step_metal_walk",
        "step_snow_sprint", "step_metal_sprint"]


def test_footstep_variants_never_repeat_back_to_back_and_unknown_floors_fall_back():
    mixer = FakeMixer()
    director = AudioDirector(mixer, None, floor_of=lambda x, y: "carpet")
    world = make_world(pace="walk")
    for t in range(12):
        director.on_events([step(t * 27)], world)
    played = mixer.played()
    assert all(n.startswith("step_concrete_walk_") for n in played)
    assert all(a != b for a, b in zip(played, played[1:]))
    assert {n[-1] for n in played} == {"1", "2", "3"}
    assert director.unknown_floors == {"carpet"}


def test_throws_doors_pickups_and_caught():
    mixer = FakeMixer()
    director = AudioDirector(mixer, None)
    world = make_world(x=100.0, y=100.0)
    director.on_events([
        {"tick": 3, "type": "noise", "x": 500.0, "y": 100.0, "radius": 192.0, "source": "throw"},
        {"tick": 3, "type": "noise", "x": 20.0, "y": 100.0, "radius": 128.0, "source": "door"},
        {"tick": 3, "type": "door", "door": 7, "open": True},
        {"tick": 3, "type": "item_taken", "item": "key", "label": "Key", "object": 9},
    ], world)
    calls = [c for c in mixer.calls if c[0] == "play"]
    assert [c[1] for c in calls] == ["throw_land", "door_open", "pickup"]
    throw, door = calls[0], calls[1]
    assert throw[3] > 0.5 and door[3] < 0, "panned toward the side the sound is on"
    assert throw[2] < door[2], "a farther sound is quieter"
    director.on_events([{"tick": 9, "type": "door", "door": 7, "open": False},
                        {"tick": 9, "type": "caught", "guard": 1}], world)
    assert mixer.played()[-2:] == ["door_close", "caught"]


def beats(awareness, state="patrol", seconds=10):
    mixer = FakeMixer()
    director = AudioDirector(mixer, None)
    world = make_world(guards=[(state, awareness), ("patrol", 0.0)])
    run(director, world, seconds * 60)
    return [c for c in mixer.calls if c[0] == "play" and c[1] == "heartbeat"], director


def test_the_heartbeat_is_silent_when_calm_and_quickens_with_awareness():
    calm, director = beats(0.1)
    assert calm == [] and director.heart_bpm == 0
    uneasy, director = beats(0.5)
    uneasy_bpm = director.heart_bpm
    alert, director = beats(0.2, state="alert")
    assert director.heart_bpm == pytest.approx(director_module.BPM_ALERT)
    assert 55 <= uneasy_bpm < director.heart_bpm
    assert len(alert) > len(uneasy) > 0
    assert abs(len(alert) - 140 / 6) <= 2 and abs(len(uneasy) - uneasy_bpm / 6) <= 2
    assert max(c[2] for c in alert) > max(c[2] for c in uneasy)


def test_the_ambience_loops_and_steps_down_during_a_search_then_comes_back():
    mixer = FakeMixer()
    director = AudioDirector(mixer, "carwash")
    world = make_world(guards=[("patrol", 0.0)])
    run(director, world, 30)
    assert [c for c in mixer.calls if c[0] == "loop" and c[1] == "ambience"] == [
        ("loop", "ambience", "ambient_carwash", 1.0, None, None)]
    world.guards[0].state = "search"
    run(director, world, 61)
    assert director.ambience_level == pytest.approx(1 - 0.65 / 2, abs=0.02), "gradual, not a cut"
    run(director, world, 60)
    assert director.ambience_level == pytest.approx(director_module.DUCK_LEVEL)
    volumes = [c[2] for c in mixer.calls if c[:2] == ("volume", "ambience")]  # not the music's layers
    assert volumes[-1] == pytest.approx(director_module.DUCK_LEVEL)
    assert all(a >= b for a, b in zip(volumes, volumes[1:]))
    world.guards[0].state = "return"
    run(director, world, 121)
    assert director.ambience_level == pytest.approx(director_module.DUCK_LEVEL + 0.65 / 2, abs=0.02)
    run(director, world, 120)
    assert director.ambience_level == pytest.approx(1.0)
    assert [c for c in mixer.calls if c[:2] == ("volume", "ambience")][-1][2] == pytest.approx(1.0)


def test_a_restarted_world_resets_the_timers():
    mixer = FakeMixer()
    director = AudioDirector(mixer, None)
    world = make_world()
    world.tick = 500
    director.update(world)
    director.on_events([guard_state(500, "alert")], world)
    world.tick = 0  # caught: a fresh world
    director.update(world)
    director.on_events([guard_state(0, "alert")], world)
    assert mixer.played() == ["sting_alert", "sting_alert"]


def test_the_director_never_reads_the_clock(monkeypatch):
    def no_clock(*args):
        raise AssertionError("the director read the clock")
    for name in ("time", "monotonic", "perf_counter"):
        monkeypatch.setattr(time, name, no_clock)
    monkeypatch.setattr(pygame.time, "get_ticks", no_clock)
    director = AudioDirector(FakeMixer(), "highschool")
    world = make_world(guards=[("alert", 1.0)])
    director.on_events([guard_state(0, "alert"), step(0)], world)
    run(director, world, 120)


def test_places_and_story_loops_are_checked_by_name():
    with pytest.raises(ValueError, match="unknown place"):
        AudioDirector(FakeMixer(), "moon")
    assert place_for_map("maps/carwash.tmx") == "carwash"
    assert place_for_map("tests/maps/room.tmx") is None
    mixer = FakeMixer()
    director = AudioDirector(mixer, None)
    director.start_loop("tape_loop")
    director.start_loop("car_engine")
    assert mixer.calls[-2:] == [("loop", "tape_loop", "tape_loop", 1.0, "tape_start", None),
                                ("loop", "car_engine", "car_engine", 1.0, None, sound_fx.CAR_IDLE_SECONDS)]
    with pytest.raises(ValueError):
        director.start_loop("radio")


# ---------------------------------------------------------------- the mixer
def test_the_mixer_goes_silent_when_there_is_no_audio_device(monkeypatch):
    def fail(*args, **kwargs):
        raise pygame.error("No available audio device")
    monkeypatch.setattr(pygame.mixer, "get_init", lambda: None)
    monkeypatch.setattr(pygame.mixer, "init", fail)
    mixer = Mixer(Settings())
    assert mixer.silent and mixer.notice == NOTICE
    assert mixer.take_notice() == NOTICE and mixer.take_notice() is None
    # Every method is a no-op, even for sounds that do not exist.
    mixer.preload(["no_such_sound"])
    mixer.play("no_such_sound", 0.5, -1.0)
    mixer.loop("ambience", "no_such_sound", intro="nor_this", tail=2.0)
    mixer.set_loop_volume("ambience", 0.2)
    mixer.set_volumes(0.1, 0.2, 0.3)
    mixer.update()
    mixer.stop_loop("ambience", 100)
    mixer.pause()
    mixer.resume()
    mixer.stop_all()
    director = AudioDirector(mixer, "garage")
    director.on_events([guard_state(0, "alert"), step(0)], make_world())
    director.update(make_world(guards=[("search", 0.9)]))


@pytest.fixture
def live_mixer():
    mixer = Mixer((1.0, 0.5, 0.8))
    if mixer.silent:
        pytest.skip("no audio driver here, not even the dummy one")
    yield mixer
    mixer.stop_all()


def test_a_missing_sound_raises_an_asset_error_naming_it(live_mixer, tmp_path):
    mixer = Mixer((1.0, 0.5, 0.8), sounds_dir=tmp_path)
    with pytest.raises(AssetError, match="ghost.wav"):
        mixer.play("ghost")
    (tmp_path / "broken.wav").write_bytes(b"RIFF nonsense")
    with pytest.raises(AssetError, match="broken.wav"):
        mixer.preload(["broken"])


def test_the_live_mixer_plays_loops_and_follows_the_volumes(live_mixer):
    mixer = live_mixer
    assert mixer.gain("effects") == pytest.approx(0.8) and mixer.gain("music") == pytest.approx(0.5)
    mixer.play("step_concrete_walk_1", 1.0, 0.5)
    mixer.loop("ambience", "ambient_garage", 1.0)
    mixer.loop("tape", "tape_loop", group="effects", intro="tape_start")
    mixer.update()
    assert mixer.playing_loops() == {"ambience": "ambient_garage", "tape": "tape_loop"}
    channel = mixer._loops["ambience"].channel
    assert channel.get_volume() == pytest.approx(0.5, abs=0.01)
    mixer.set_volumes(0.5, 0.5, 0.5)
    assert channel.get_volume() == pytest.approx(0.25, abs=0.01)
    mixer.set_loop_volume("ambience", 0.5)
    assert channel.get_volume() == pytest.approx(0.125, abs=0.01)
    mixer.stop_loop("tape")
    assert mixer.playing_loops() == {"ambience": "ambient_garage"}
    with pytest.raises(ValueError):
        mixer.play("pickup", group="radio")
    assert math.isclose(Mixer(Settings()).master, Settings().master_volume)
