"""The story in play: every call, memory and conversation the data names exists and every file is
used; every branch carries the beats the plot needs; lines fit the subtitles; no drug-making
words. Kim's calls come by trigger and by event (ghost or seen), Marco sends a man when he hears
something and stops talking while he looks, and the sealed-door beat plays after the trap.
"""

import re
import tomllib
from pathlib import Path

import pytest

from conftest import ROOT
from game.paths import DIALOGUE_DIR
from game.story.calls import CALL_PREFIX, Caller, CallBook, Cue, Rule, load_rules, variants
from game.story.chapters import load_chapters
from game.story.dialogue import SUBTITLE_WIDTH, load_dialogue, wrap
from game.world.ai.states import Cause, GuardState
from game.world.events import EventType
from game.world.intent import Intent
from game.world.level import load_level
from game.world.world import World
from test_tiled_features import SPAWN, write_map

MAPS = sorted((ROOT / "maps").glob("*.tmx"))
ALL = sorted(p.stem for p in DIALOGUE_DIR.glob("*.toml"))
# Words a line of this game never says (the bible: no drug-making content).
BANNED = ("meth", "cook", "cooking", "cooked", "batch", "purity", "formula", "recipe", "precursor", "methylamine",
          "pseudo", "crystal", "blue sky", "product", "lab coat", "gram", "grams", "kilo")


def paths(lines, prefix=()):
    """Every way through a conversation, as the list of lines seen."""
    out = [list(prefix)]
    for line in lines:
        if line.choices:
            out = [way + [line] + rest for way in out for choice in line.choices for rest in paths(choice.lines)]
        else:
            out = [way + [line] for way in out]
    return out


def named_by_data() -> set[str]:
    """Every dialogue id a chapter, a map or a call rule names (a call's variants included)."""
    names = set()
    data = tomllib.loads((ROOT / "game" / "story" / "chapters.toml").read_text())
    for chapter in data["chapter"]:
        names.update({chapter["intro"], chapter["outro"]})
    names.update(data["epilogue"].values())
    for path in MAPS:
        text = path.read_text()
        names.update(re.findall(r'name="(?:on_enter|dialogue|sealed)" value="([^"]+)"', text))
    for rule in load_rules():
        names.update(variants(rule.call))
    names.update(f"{n}_alerted" for n in list(names) if (DIALOGUE_DIR / f"{n}_alerted.toml").exists())
    return {n for n in names if not n.startswith("checkpoint_")}


def test_every_dialogue_the_data_names_exists_and_every_file_is_used():
    named = named_by_data()
    assert sorted(named - set(ALL)) == [], "named but missing"
    assert sorted(set(ALL) - named) == [], "files nothing plays"


def test_every_rule_names_a_chapter_of_the_game():
    load_rules(chapters=tuple(c.id for c in load_chapters()))


def test_every_branch_of_kims_warning_reaches_marco_and_his_motive():
    for way in paths(load_dialogue("kim_warning")):
        beats = {line.beat for line in way}
        assert {"marco", "motive", "new_name"} <= beats, [line.text for line in way]


@pytest.mark.parametrize("name", ALL)
def test_every_line_fits_three_subtitle_lines_and_says_nothing_banned(name):
    for way in paths(load_dialogue(name)):
        for line in way:
            rows = wrap(line.text)
            assert len(rows) <= 3 and all(len(r) <= SUBTITLE_WIDTH for r in rows), line.text
            words = re.findall(r"[a-z']+", line.text.lower())
            text = " ".join(words)
            assert not [b for b in BANNED if re.search(rf"\b{b}\b", text)], line.text


def test_heisenberg_is_said_once_in_the_whole_game_on_the_radio():
    said = [(n, line.speaker) for n in ALL for way in paths(load_dialogue(n)) for line in way
            if "heisenberg" in line.text.lower()]
    assert {n for n, _ in said} == {"call_radio_news"} and {s for _, s in said} == {"Radio"}


def test_the_story_has_doubled():
    words = sum(len(line.text.split()) for n in ALL for line in {id(x): x for way in paths(load_dialogue(n))
                                                                   for x in way}.values())
    assert words >= 2000, words


# --------------------------------------------------------------------------- calls in play

def room(tmp_path, objects, name="m.tmx"):
    return load_level(write_map(tmp_path, f'<objectgroup id="3" name="a">{objects}</objectgroup>', name=name))


def run(world, book, intent=Intent(), ticks=60, each=None):
    heard = []
    for _ in range(ticks):
        events = world.step(each(world) if each else intent)
        heard += [(world.tick, d) for d in book.due(events, world)]
    return heard


def test_a_map_trigger_plays_its_call_once_and_never_as_a_conversation(tmp_path):
    from game.scenes.level_story import react

    trigger = ('<object id="5" type="Trigger" x="32" y="32" width="64" height="64"><properties>'
               '<property name="on_enter" value="call_kim_carwash_hidden"/></properties></object>')
    world = World(room(tmp_path, SPAWN + trigger), 1)
    book = CallBook((), "clean")
    events = world.step(Intent())
    due = book.due(events, world)
    assert [(d.call, d.caller) for d in due] == [("call_kim_carwash_hidden", Caller.KIM)]
    assert react(events, world, world.level).conversations == []  # it plays beside the level
    assert run(world, book) == []


def test_a_call_on_an_objective_is_the_ghost_one_unseen_and_the_seen_one_after_a_guard_saw_him(tmp_path):
    objective = ('<object id="5" type="Objective" x="128" y="128" width="32" height="32"><properties>'
                 '<property name="objective" value="go_bag"/></properties></object>')
    rules = (Rule("nobody", Cue.OBJECTIVE, "call_kim_garage_bag", Caller.KIM, objective="go_bag"),)
    for seen in (False, True):
        world = World(room(tmp_path, SPAWN + objective, f"m{seen}.tmx"), 1)
        book = CallBook(rules, "nobody")
        world.stats["spotted"] = int(seen)
        go = lambda w: Intent(((144 - w.player.x) / 100, (144 - w.player.y) / 100))  # noqa: E731
        heard = run(world, book, ticks=120, each=go)
        assert [d.dialogue for _, d in heard] == ["call_kim_garage_bag_seen" if seen else "call_kim_garage_bag_ghost"]


def test_calls_come_on_the_first_alert_and_after_a_long_time_hidden(tmp_path):
    guard = ('<object id="6" type="Guard" x="180" y="48"><properties><property name="facing" type="float" '
             'value="180"/></properties><point/></object>')
    rules = (Rule("clean", Cue.ALERT, "call_kim_carwash_alert", Caller.KIM),
             Rule("clean", Cue.START, "call_kim_carwash_start", Caller.KIM))
    world = World(room(tmp_path, SPAWN + guard), 1)
    book = CallBook(rules, "clean")
    heard = run(world, book, ticks=240)
    assert [d.call for _, d in heard] == ["call_kim_carwash_start", "call_kim_carwash_alert"]
    assert world.alarm.phases == 1 and heard[1][0] > 1

    spot = '<object id="7" type="HidingSpot" x="32" y="32" width="64" height="64"/>'
    world = World(room(tmp_path, SPAWN + spot, "h.tmx"), 1)
    book = CallBook((Rule("clean", Cue.HIDDEN, "call_kim_carwash_hidden", Caller.KIM, seconds=2.0),), "clean")
    heard = run(world, book, Intent(interact=False), ticks=200)
    hidden_from = next(i for i in range(1, 200) if world.player.hidden) if world.player.hidden else None
    assert world.player.hidden and [d.call for _, d in heard] == ["call_kim_carwash_hidden"], hidden_from
    assert heard[0][0] >= 120  # two seconds on end, not at once


def test_every_chapter_rule_is_heard_in_its_chapter_only():
    rules = load_rules()
    for chapter in load_chapters():
        book = CallBook(rules, chapter.id)
        assert book.rules and all(r.chapter == chapter.id for r in book.rules)
        assert any(r.cue == Cue.START for r in book.rules)


# --------------------------------------------------------------------------- Marco

MARCO = ('<object id="8" type="Marco" x="200" y="120"><properties><property name="dialogue" '
         'value="marco_confession"/><property name="facing" type="float" value="0"/></properties><point/></object>')
CREW = ('<object id="9" type="Guard" x="330" y="200"><properties><property name="facing" type="float" '
        'value="0"/><property name="hearing" type="float" value="0"/></properties><point/></object>')  # hears nothing himself


def test_marco_hearing_a_noise_stops_talking_and_sends_a_man_instead_of_going(tmp_path):
    world = World(room(tmp_path, SPAWN + MARCO + CREW), 3)
    events = []
    for _ in range(30):
        events += world.step(Intent())
    assert world.confessions[0].talking  # nothing required: he talks from the start
    for tick in range(400):
        events += world.step(Intent(throw=(200.0, 180.0)) if tick == 0 else Intent())
    marco, man = world.guards[1], world.guards[0]
    changes = [(e["guard"], e["to"], e["cause"]) for e in events if e["type"] == EventType.GUARD_STATE]
    assert (marco.id, GuardState.SUSPICIOUS, Cause.HEARD_THROW) in changes
    assert (marco.id, GuardState.RETURN, Cause.SENT_MAN) in changes
    assert (man.id, GuardState.INVESTIGATE, Cause.SENT) in changes
    assert not any(g == marco.id and to == GuardState.INVESTIGATE for g, to, _ in changes)  # he never went
    kinds = [e["type"] for e in events]
    assert EventType.MARCO_SILENT in kinds and kinds.index(EventType.MARCO_SILENT) < len(kinds)
    assert any(e["type"] == EventType.BARK and e["line"].startswith("marco.sends_man") for e in events)
    silent = max(i for i, e in enumerate(events) if e["type"] == EventType.MARCO_SILENT)
    assert any(e["type"] == EventType.MARCO_TALKS for e in events[silent:])  # and back to his talk


def test_marco_with_no_man_to_send_goes_himself(tmp_path):
    world = World(room(tmp_path, SPAWN + MARCO), 3)
    events = []
    for tick in range(400):
        events += world.step(Intent(throw=(200.0, 180.0)) if tick == 30 else Intent())
    marco = world.guards[0]
    assert any(e["type"] == EventType.GUARD_STATE and e["guard"] == marco.id and e["to"] == GuardState.INVESTIGATE
               for e in events)


def test_the_sealed_door_beat_plays_through_the_front_door_once_the_trap_shuts_him_in(tmp_path, monkeypatch):
    """The real game on a scenario map: Jesse springs the trap (he stands on it), the door seals,
    and Marco's words through it come up as a conversation, with keys only."""
    import pygame

    from game.app import Options
    from game.scenes.dialogue import DialogueScene
    from player import run_frames, running

    monkeypatch.setenv("REDEMPTION_HOME", str(tmp_path / "home"))
    marco = MARCO.replace('<property name="facing"', '<property name="sealed" value="marco_sealed"/>'
                                                     '<property name="facing"')
    trap = ('<object id="10" type="Objective" x="32" y="32" width="32" height="32"><properties>'
            '<property name="objective" value="trap"/></properties></object>'
            '<object id="11" type="Door" x="256" y="96" width="32" height="32"><properties>'
            '<property name="starts_open" type="bool" value="true"/><property name="closes_on" value="trap"/>'
            '</properties></object>')
    path = write_map(tmp_path, f'<objectgroup id="3" name="a">{SPAWN}{marco}{trap}</objectgroup>')
    with running(Options(map_path=path)) as app:
        assert run_frames(app, 120, until=lambda: isinstance(app.stack.top, DialogueScene))
        lines = app.stack.top.conversation.lines if hasattr(app.stack.top, "conversation") else None
        assert lines is None or lines == load_dialogue("marco_sealed")
        for _ in range(40):  # read it through with Enter, as a player does
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="\r", scancode=0))
            pygame.event.post(pygame.event.Event(pygame.KEYUP, key=pygame.K_RETURN, mod=0, unicode="", scancode=0))
            run_frames(app, 3)
        assert not isinstance(app.stack.top, DialogueScene)
        run_frames(app, 60)
        assert not isinstance(app.stack.top, DialogueScene)  # once only, though he stays shut in


def test_a_call_plays_beside_the_level_and_tab_skips_it_through_the_front_door(tmp_path, monkeypatch):
    """The real game at chapter 2: Kim's opening call comes up in the corner and Jesse walks on
    while she talks (D held); the player's thumb on Tab ends it; the replay lists it."""
    import pygame

    from game.app import Options
    from player import frame, post_key, run_frames, running, tap

    monkeypatch.setenv("REDEMPTION_HOME", str(tmp_path / "home"))
    with running(Options(chapter=2, skip_intro=True)) as app:
        run_frames(app, 3)
        level = app.stack.top
        assert level.call_view.playing.due.call == "call_kim_carwash_start"
        x0 = level.world.player.x
        post_key(pygame.K_d)
        run_frames(app, 90)
        assert level.call_view.playing is not None and level.call_view.playing.index == 0  # she is talking
        assert abs(level.world.player.x - x0) > 40  # and the level went on
        tap(pygame.K_TAB)
        frame(app)
        assert level.call_view.playing is None
        assert level.recorder.to_json()["calls"][0][1] == "call_kim_carwash_start"


def test_the_call_panel_moves_to_the_other_corner_rather_than_cover_jesse():
    import pygame

    from game.render.assets import Assets
    from game.render.call_view import CallView
    from game.story.calls import DueCall

    pygame.init()
    pygame.display.set_mode((1280, 720))
    lines = load_dialogue("call_kim_lab_start")
    pictures = {}
    for avoid in (None, (60, 560)):
        view = CallView(Assets(), "default", 1.5)
        view.start(DueCall("call_kim_lab_start", "call_kim_lab_start", Caller.KIM), lines)
        view.playing.index = 0
        surface = pygame.Surface((1280, 720))
        view.draw(surface, "Tab", avoid=avoid)
        pictures[avoid] = surface
    assert pictures[None].get_at((20, 560))[:3] != (0, 0, 0) and pictures[None].get_at((1260, 560))[:3] == (0, 0, 0)
    moved = pictures[(60, 560)]
    assert moved.get_at((20, 560))[:3] == (0, 0, 0) and moved.get_at((1260, 560))[:3] != (0, 0, 0)
