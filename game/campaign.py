"""The player's way through the chapters: which scene comes next, and the save.

Scenes never build each other: they call the campaign ("start this chapter",
"the level is won", "the summary is read"), and the campaign pushes, replaces
and pops scenes on the stack and records progress in the save. One place
decides the order card → level (with its intro) → outro → summary → next card.

The stack has a shape one can state, whatever path led there. The title is always at the
bottom, and every move between chapters first goes back down to it, so at most one level
exists at any time:

    [Title]                                   the title
    [Title, ChapterSelect | Options(, Controls)]
    [Title, ChapterCard]                      a chapter's card
    [Title, Level(, Dialogue | Pause(, Options(, Controls)))]   playing (Restart chapter: a new Level)
    [Title, Summary]                          after a chapter (its outro plays over the level)
    [Title, Epilogue]                         after the last chapter

Progress on disk: starting a chapter marks it started (Continue shows from then on), each
checkpoint reached is written at once (`checkpoint_reached`), and Continue comes back at the
last checkpoint exactly as it was, without the card or the intro. Continue always goes to the
furthest chapter: replaying an earlier one never moves it back (its own checkpoint is kept
beside, offered by the chapter select).
"""

from __future__ import annotations

from .story.chapters import Chapter, next_chapter
from .story.dialogue import load_dialogue
from .story.save import ChapterRecord, CheckpointRecord, SaveData, SaveStore
from .world.level import load_level
from .world.lineage import rebuild
from .world.tuning import RunMode, tuning_for

TITLE_DEPTH = 1  # the title screen, at the bottom of the stack


class Campaign:
    def __init__(self, chapters: list[Chapter], store: SaveStore | None, make_level_scene, make_dialogue):
        self.chapters = chapters
        self.store = store
        self.make_level_scene = make_level_scene  # (chapter, level, resume=None) -> LevelScene
        self.make_dialogue = make_dialogue  # (lines, on_done) -> DialogueScene
        self.notices: list[str] = []
        if store is not None:
            self.root, notices = store.load()
            self.notices += notices
        else:
            self.root = SaveData.new(chapters[0].id)
        self.mode = RunMode.STORY  # the road being played: the title switches it
        self.stack = None

    # -------------------------------------------------------------- the roads
    @property
    def save(self) -> SaveData:
        """The progress of the road being played: the story's, or the harder road's, kept apart."""
        if self.mode == RunMode.STORY:
            return self.root
        if self.root.harder is None:
            self.root.harder = SaveData.new(self.chapters[0].id)
        return self.root.harder

    def harder_open(self) -> bool:
        """The harder road opens once the story has reached its end."""
        return self.root.epilogue_seen

    def take_road(self, mode: RunMode) -> None:
        if mode == RunMode.HARDER and not self.harder_open():
            raise ValueError("the harder road opens after the epilogue")
        self.mode = RunMode(mode)

    def tuning(self, difficulty: str):
        return tuning_for(difficulty, self.mode)

    # -------------------------------------------------------------- hints
    def hint_seen(self, hint: str) -> bool:
        return hint in self.root.hints_seen

    def mark_hint(self, hint: str) -> None:
        """A first-time hint was shown: never again on this save (either road)."""
        if hint not in self.root.hints_seen:
            self.root.hints_seen.append(hint)
            self._write()

    # -------------------------------------------------------------- queries
    def by_id(self, chapter_id: str | None) -> Chapter | None:
        return next((c for c in self.chapters if c.id == chapter_id), None)

    def unlocked(self) -> list[Chapter]:
        return [c for c in self.chapters if c.id in self.save.unlocked]

    def can_continue(self) -> bool:
        chapter = self.by_id(self.save.current)
        save = self.save
        begun = chapter is not None and (chapter.id in save.started or chapter.id in save.checkpoints)
        return chapter is not None and chapter.available and bool(begun or save.chapters or save.playtime)

    def has_checkpoint(self, chapter: Chapter) -> bool:
        return chapter.id in self.save.checkpoints

    def take_notices(self) -> list[str]:
        notes, self.notices = self.notices, []
        return notes

    def _furthest(self, *ids: str | None) -> str | None:
        """Of these chapter ids, the one furthest into the story (None, the story finished, beats all)."""
        order = {c.id: i for i, c in enumerate(self.chapters)}
        if any(i is None for i in ids):
            return None
        return max(ids, key=lambda i: order.get(i, -1))

    # --------------------------------------------------------------- flow
    def to_title(self) -> None:
        self.stack.pop_to(TITLE_DEPTH)

    def start(self, stack, chapter: Chapter, card: bool = True, intro: bool = True, level=None) -> None:
        """From the top of the chapter: its card, then the level with its intro conversation on top.
        `level`: the chapter's map, when the caller has loaded it already."""
        from .scenes.chapter_card import ChapterCard

        self.stack = stack
        self.to_title()
        save = self.save
        furthest = self._furthest(save.current, chapter.id)
        if chapter.id not in save.started or furthest != save.current:
            if chapter.id not in save.started:
                save.started.append(chapter.id)
            save.current = furthest
            self._write()
        if card:
            road = "The harder road" if self.mode == RunMode.HARDER else ""
            stack.push(ChapterCard(chapter, lambda: self._enter_level(chapter, intro, level), road))
        else:
            self._enter_level(chapter, intro, level)

    def restart_chapter(self, stack, chapter: Chapter) -> None:
        """From the pause menu: the chapter from its top, a new level (the old one goes), no card and
        no intro (he has just seen them). A saved checkpoint stays until a new one is reached."""
        self.start(stack, chapter, card=False, intro=False)

    def continue_game(self, stack) -> None:
        chapter = self.by_id(self.save.current) or self.chapters[0]
        if self.has_checkpoint(chapter):
            self.resume(stack, chapter)
        else:
            self.start(stack, chapter)

    def resume(self, stack, chapter: Chapter) -> None:
        """Back at the chapter's saved checkpoint, exactly as it was; if it no longer fits the map
        (the game was updated), say so and start the chapter from the top."""
        self.stack = stack
        self.to_title()
        saved = self.save.checkpoints[chapter.id]
        level = load_level(chapter.map_path)
        try:
            world, lineage = rebuild(level, saved.seed, saved.chain, self.tuning(saved.difficulty))
        except ValueError as exc:
            del self.save.checkpoints[chapter.id]
            self._write()
            self.notices.append(f"Your checkpoint in chapter {chapter.number} could not be used ({exc}); "
                                "the chapter starts from its beginning.")
            self.start(stack, chapter)
            return
        scene = self.make_level_scene(chapter, level, resume=(world, lineage, saved))
        stack.push(scene)
        scene.tell("Back at your checkpoint.")

    def _enter_level(self, chapter: Chapter, intro: bool = True, level=None) -> None:
        scene = self.make_level_scene(chapter, level or load_level(chapter.map_path))
        self.to_title()  # the card goes (or nothing, when a chapter starts without one)
        self.stack.push(scene)
        if chapter.intro and intro:
            self.stack.push(self.make_dialogue(load_dialogue(chapter.intro), None))

    def checkpoint_reached(self, chapter: Chapter, record: CheckpointRecord) -> None:
        """A checkpoint of the chapter being played: on disk now, so quitting loses nothing before it."""
        self.save.checkpoints[chapter.id] = record
        if chapter.id not in self.save.started:
            self.save.started.append(chapter.id)
        self._write()

    def chapter_won(self, chapter: Chapter, record: ChapterRecord) -> None:
        """Called by the level scene once its chapter is complete: outro, save, summary."""
        from .scenes.summary import SummaryScene

        after = next_chapter(self.chapters, chapter)
        was = self.save.current
        before = self.save.chapters.get(chapter.id)  # what was earned before this run
        self.save.complete_chapter(chapter.id, record, after.id if after else None)
        self.save.playtime += record.best_time or 0.0
        # Continue goes to the furthest chapter: after this one, unless the player was further.
        ahead = after.id if after and after.available else (None if after is None else chapter.id)
        self.save.current = self._furthest(was, ahead)
        notices = self._write()
        best = self.save.chapters.get(chapter.id)

        def summary():
            self.to_title()
            self.stack.push(SummaryScene(chapter, record, best, lambda: self._after_summary(after), notices,
                                         before=before, mode=self.mode))

        if chapter.outro:
            self.stack.push(self.make_dialogue(load_dialogue(chapter.outro), summary))
        else:
            summary()

    def _after_summary(self, after: Chapter | None) -> None:
        self.to_title()
        if after is not None and after.available:
            self.start(self.stack, after)
        elif after is None:
            self.epilogue(self.stack)

    def epilogue(self, stack) -> None:
        """After the last chapter: the letter, the last tape, the whole run, the credits."""
        from .scenes.epilogue import EpilogueScene
        from .story.chapters import load_epilogue

        self.stack = stack
        self.to_title()
        if not self.root.epilogue_seen:  # the end reached: the harder road opens
            self.root.epilogue_seen = True
            self._write()
        letter, tape = load_epilogue()
        stack.push(EpilogueScene(load_dialogue(letter), load_dialogue(tape), self.chapters, self.save, lambda: None))

    def _write(self) -> list[str]:
        if self.store is None:
            return []
        notices = self.store.save(self.root)
        self.notices += notices
        return notices
