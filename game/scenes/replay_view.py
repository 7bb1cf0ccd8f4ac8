"""Watching a replay or a proven route in the window: `python -m game --replay FILE`.

The level scene plays the recorded intents as if a player gave them, tick by tick, so what is seen
is what `game.sim` computes from the same file: restarts chosen from the pause menu come where they
were recorded, being caught restarts at the checkpoint as in play, a play that began with Continue
first rebuilds its checkpoint; a conversation, which in play waits for Enter, is told in one line
under the top bar. The viewer's own keys: Space pauses, F (or Right) goes faster
(x1, x2, x4, x8, then back to x1), Left slower, Esc leaves. No key reaches Jesse.
"""

from __future__ import annotations

from pathlib import Path

import pygame

from ..errors import DataError
from ..paths import MAPS_DIR
from ..render.hud import DIM, draw_panel, draw_text
from ..story.dialogue import load_dialogue
from ..world.lineage import rebuild
from ..world.tuning import TICK_RATE, tuning_for
from .level import CAUGHT_TICKS, LevelScene

SPEEDS = (1, 2, 4, 8)
FASTER = (pygame.K_f, pygame.K_RIGHT, pygame.K_d)
SLOWER = (pygame.K_LEFT, pygame.K_a)
PAUSE = (pygame.K_SPACE, pygame.K_p)


def replay_map(replay_path: Path, data: dict) -> Path:
    """The map a replay names (its `map`, as recorded): as given, next to the replay, beside the
    routes folder it sits in (maps/routes/X.json names "X.tmx"), or among the game's maps."""
    name = Path(str(data.get("map") or ""))
    if not name.name:
        raise DataError(replay_path, "the replay names no map; give one with --map")
    for candidate in (name, replay_path.parent / name, replay_path.parent.parent / name.name, MAPS_DIR / name.name):
        if candidate.is_file():
            return candidate
    raise DataError(replay_path, f"its map {name.name!r} was not found; give it with --map")


class ReplayScene(LevelScene):
    shows_controls = False  # the control line is the player's: nobody is playing
    asks_kim = False  # nobody to ask for: the replay plays itself
    in_play = False  # losing focus does not open the pause menu over a replay

    def __init__(self, level, assets, keyboard, data: dict, path: Path):
        self.player = data["player"]
        self.total_ticks = self.player.ticks
        self.path = path
        resume = None
        if "start" in data:  # a play that began with Continue: its checkpoint first
            tuning = tuning_for(data["difficulty"], data["mode"])
            try:
                world, lineage = rebuild(level, data["seed"], data["start"], tuning)
            except ValueError as exc:
                raise DataError(path, f"its checkpoint does not fit this map ({exc})") from None
            resume = (world, lineage, None)
        super().__init__(level, f"Replay  {path.name}", assets, keyboard, data["seed"], scripted_input=self.player,
                         difficulty=data["difficulty"], mode=data["mode"], resume=resume)
        self.speed = 1
        self.paused = False

    def _say(self, dialogue_id: str) -> None:
        """A conversation would stop the replay for Enter: its first line is told instead."""
        lines = load_dialogue(dialogue_id)
        if lines:
            self.hud.tell(f"{lines[0].speaker.capitalize()}: {lines[0].text}")

    @property
    def ended(self) -> bool:
        """Every recorded intent has been given."""
        return self.player.finished

    def handle_event(self, event) -> bool:
        if event.type != pygame.KEYDOWN:
            return True  # nothing reaches the world or a screen below
        if event.key == pygame.K_ESCAPE:
            self.stack.services.ui.play("ui_back")
            self._quit_to_title()
        elif event.key in PAUSE:
            self.paused = not self.paused
        elif event.key in FASTER:
            self.speed = SPEEDS[(SPEEDS.index(self.speed) + 1) % len(SPEEDS)]
        elif event.key in SLOWER:
            self.speed = SPEEDS[max(0, SPEEDS.index(self.speed) - 1)]
        return True

    def update(self, dt: float) -> None:
        if self.paused:
            return
        for _ in range(self.speed):
            if self.ended and (self.world.outcome is None or (
                    self.world.outcome == "caught" and self.caught_ticks >= CAUGHT_TICKS - 1)):
                return  # the recording is over: the world waits where it left off (as game.sim stops)
            if self.world.outcome is None and self.player.restart_due():
                self._restart_from_menu()  # where the player chose "Restart from checkpoint"
            super().update(dt)

    def draw(self, surface, alpha: float) -> None:
        super().draw(surface, alpha)
        w, h = surface.get_size()
        given = min(self.player.given, self.total_ticks)
        state = "PAUSED" if self.paused else ("END" if self.ended else f"PLAYING  x{self.speed}")
        box = pygame.Rect(w - 330, 44, 316, 58)
        draw_panel(surface, box, (8, 10, 18, 210))
        draw_text(surface, f"REPLAY   {state}", (box.left + 12, box.top + 6), 24, (240, 210, 150))
        draw_text(surface, f"{_clock(given)} / {_clock(self.total_ticks)}", (box.left + 12, box.top + 32), 22, DIM)
        bar = pygame.Rect(box.left + 130, box.top + 38, box.width - 144, 8)
        pygame.draw.rect(surface, (50, 54, 66), bar)
        done = bar.width * given // max(1, self.total_ticks)
        pygame.draw.rect(surface, (240, 210, 150), (bar.left, bar.top, done, bar.height))
        draw_text(surface, "Space pause    F faster    Left slower    Esc leave", (w // 2, h - 24), 22, DIM,
                  anchor="center")


def _clock(ticks: int) -> str:
    minutes, seconds = divmod(ticks // TICK_RATE, 60)
    return f"{minutes}:{seconds:02d}"
