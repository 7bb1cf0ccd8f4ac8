"""The player's way through the chapters: which scene comes next, and the save.

Scenes never build each other: they call the campaign ("start this chapter",
"the level is won", "the summary is read"), and the campaign pushes, replaces
and pops scenes on the stack and records progress in the save. One place
decides the order card → level (with its intro) → outro → summary → next card.
"""

from __future__ import annotations

from .story.chapters import Chapter, next_chapter
from .story.dialogue import load_dialogue
from .story.save import ChapterRecord, SaveData, SaveStore
from .world.level import load_level


class Campaign:
    def __init__(self, chapters: list[Chapter], store: SaveStore | None, make_level_scene, make_dialogue):
        self.chapters = chapters
        self.store = store
        self.make_level_scene = make_level_scene  # (chapter, level) -> LevelScene
        self.make_dialogue = make_dialogue  # (lines, on_done) -> DialogueScene
        self.notices: list[str] = []
        if store is not None:
            self.save, notices = store.load()
            self.notices += notices
        else:
            self.save = SaveData.new(chapters[0].id)
        self.stack = None

    # -------------------------------------------------------------- queries
    def by_id(self, chapter_id: str | None) -> Chapter | None:
        return next((c for c in self.chapters if c.id == chapter_id), None)

    def unlocked(self) -> list[Chapter]:
        return [c for c in self.chapters if c.id in self.save.unlocked]

    def can_continue(self) -> bool:
        chapter = self.by_id(self.save.current)
        return chapter is not None and chapter.available and bool(self.save.chapters or self.save.playtime)

    def take_notices(self) -> list[str]:
        notes, self.notices = self.notices, []
        return notes

    # --------------------------------------------------------------- flow
    def start(self, stack, chapter: Chapter) -> None:
        """Chapter card, then the level with its intro conversation on top."""
        from .scenes.chapter_card import ChapterCard

        self.stack = stack
        if self.save.current != chapter.id:
            self.save.current = chapter.id
            self._write()
        stack.push(ChapterCard(chapter, lambda: self._enter_level(chapter)))

    def continue_game(self, stack) -> None:
        self.start(stack, self.by_id(self.save.current) or self.chapters[0])

    def _enter_level(self, chapter: Chapter) -> None:
        scene = self.make_level_scene(chapter, load_level(chapter.map_path))
        self.stack.replace(scene)
        if chapter.intro:
            self.stack.push(self.make_dialogue(load_dialogue(chapter.intro), None))

    def chapter_won(self, chapter: Chapter, record: ChapterRecord) -> None:
        """Called by the level scene once its chapter is complete: outro, save, summary."""
        from .scenes.summary import SummaryScene

        after = next_chapter(self.chapters, chapter)
        self.save.complete_chapter(chapter.id, record, after.id if after else None)
        self.save.playtime += record.best_time or 0.0
        self.save.current = after.id if after and after.available else chapter.id
        notices = self._write()
        best = self.save.chapters.get(chapter.id)

        def summary():
            self.stack.replace(SummaryScene(chapter, record, best, lambda: self._after_summary(after), notices))

        if chapter.outro:
            self.stack.push(self.make_dialogue(load_dialogue(chapter.outro), summary))
        else:
            summary()

    def _after_summary(self, after: Chapter | None) -> None:
        self.stack.pop()  # the summary; the title screen is below
        if after is not None and after.available:
            self.start(self.stack, after)
        elif after is None:
            self.epilogue(self.stack)

    def epilogue(self, stack) -> None:
        """After the last chapter: the letter, the last tape, the whole run, the credits."""
        from .scenes.epilogue import EpilogueScene
        from .story.chapters import load_epilogue

        letter, tape = load_epilogue()
        stack.push(EpilogueScene(load_dialogue(letter), load_dialogue(tape), self.chapters, self.save, lambda: None))

    def _write(self) -> list[str]:
        if self.store is None:
            return []
        notices = self.store.save(self.save)
        self.notices += notices
        return notices
