"""Chapter data against the maps, and the dialogue data and player."""

import pytest

from game.story.chapters import check_chapter, load_chapters, next_chapter
from game.story.dialogue import DIALOGUE_DIR, SUBTITLE_WIDTH, Conversation, load_dialogue, wrap
from game.world.level import load_level

CHAPTERS = load_chapters()


def test_chapters_are_the_four_places_in_order():
    assert [c.title for c in CHAPTERS] == ["Nobody", "Clean", "Chemistry", "Confession"]
    assert [c.map_path.name for c in CHAPTERS] == ["garage.tmx", "carwash.tmx", "highschool.tmx", "desertlab.tmx"]
    assert next_chapter(CHAPTERS, CHAPTERS[0]) is CHAPTERS[1] and next_chapter(CHAPTERS, CHAPTERS[-1]) is None


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.id)
def test_every_chapter_agrees_with_its_map_or_is_locked_with_a_reason(chapter):
    if not chapter.available:
        assert chapter.locked_reason and chapter.map_path.name in chapter.locked_reason
        return
    assert chapter.locked_reason is None
    assert check_chapter(chapter, load_level(chapter.map_path)) == []
    assert chapter.objectives, "a playable chapter needs objectives"


def test_check_chapter_reports_objectives_missing_from_the_map():
    chapter = CHAPTERS[0]
    level = load_level(__import__("conftest").TEST_MAPS / "room.tmx")
    problems = check_chapter(chapter, level)
    assert any("go_bag" in p for p in problems) and any("Exit" in p for p in problems)


def test_the_current_objective_follows_the_chapter_order():
    chapter = CHAPTERS[0]
    assert chapter.current_objective(set()).id == "go_bag"
    assert chapter.current_objective({"go_bag"}).id == "truck_keys"
    assert chapter.current_objective({"go_bag", "truck_keys"}).id == "exit"
    assert chapter.current_objective({"go_bag", "truck_keys"}, complete=True) is None


@pytest.mark.parametrize("path", sorted(DIALOGUE_DIR.glob("*.toml")), ids=lambda p: p.stem)
def test_every_dialogue_loads_and_fits_subtitles(path):
    lines = load_dialogue(path.stem)

    def all_lines(ls):
        for line in ls:
            yield line
            for choice in line.choices:
                assert len(choice.text) <= SUBTITLE_WIDTH
                yield from all_lines(choice.lines)

    for line in all_lines(lines):
        assert all(len(sub) <= SUBTITLE_WIDTH for sub in wrap(line.text))


def test_wrap_never_exceeds_the_subtitle_width():
    text = "Someone is working through a list of them. Three names are crossed off already."
    subs = wrap(text)
    assert len(subs) > 1 and all(len(s) <= SUBTITLE_WIDTH for s in subs)
    assert " ".join(subs) == text


def test_conversation_reveals_text_skips_and_branches_on_a_choice():
    talk = Conversation(load_dialogue("kim_warning"))
    first = talk.line
    for _ in range(4):
        talk.tick()
    assert 0 < len(talk.visible_text()) < len(first.text)
    talk.press()  # shows the whole line
    assert talk.visible_text() == first.text and talk.line is first
    talk.press()  # next line
    assert talk.line is not first and talk.visible_text() == ""
    while not talk.choosing:
        talk.press()
    options = [c.text for c in talk.line.choices]
    assert options == ["Why warn me?", "Who is it?"]
    talk.move_choice(1)
    talk.press()
    assert "Marco" in talk.line.text
    while not talk.finished:
        talk.press()
    assert talk.line is None
