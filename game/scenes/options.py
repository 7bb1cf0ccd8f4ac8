"""Options: each row cycles a setting with Left/Right or Enter; changes are saved at once."""

from __future__ import annotations

from dataclasses import replace

import pygame

from ..input import prompts
from ..render.hud import DIM, TEXT, draw_text
from ..settings import DIFFICULTIES, PALETTES
from .menu import HIGHLIGHT
from .stack import Scene

SUBTITLE_SIZES = (0.75, 1.0, 1.25, 1.5)
WINDOW_SCALES = (0.75, 1.0, 1.25, 1.5)


# What the selected row does, shown under the list: a player should not have to guess.
PALETTE_NOTES = {
    "default": "Calm, suspicious and alert cones: pale blue, amber, red. Each also has its own outline.",
    "colourblind": "Calm, suspicious and alert cones: white, yellow, magenta (for red-green colour blindness).",
}
NOTES = {
    "Fullscreen": lambda s: "Fill the screen, or play in a window.",
    "Difficulty": lambda s: _difficulty_note(s.difficulty),
    "Cone colours": lambda s: PALETTE_NOTES.get(s.palette, ""),
    "Subtitle size": lambda s: "Conversations, memories and the tape.",
    "Objective marker": lambda s: ("An arrow at the screen's edge points to the objective when it is off screen."
                                   if s.objective_marker else "No arrow to the objective: find your own way (the pause map still shows it)."),
    "Kim's eyes": lambda s: ("Press the ask key in play and Kim plans you a way to the objective. Asking rules out Ghost."
                             if s.kims_eyes else "Kim keeps her eyes to herself: no help in play."),
    "Master volume": lambda s: "Everything you hear.",
    "Music volume": lambda s: "The score and each place's ambient bed.",
    "Effects volume": lambda s: "Footsteps, doors, the wrench, stings, the heartbeat, sirens and the tape.",
    "Window scale": lambda s: "The window's size. Bigger shows the same view, larger: never more of the level.",
    "Controls": lambda s: "Rebind the keyboard; the gamepad layout is shown beside it.",
}


def _difficulty_note(difficulty: str) -> str:
    from ..world.tuning import tuning_for

    t = tuning_for(difficulty)
    return f"Guards notice you at {round(t.awareness_rate * 100)}% speed and search for {t.search_time:g} s."


def _cycle(values, current, step):
    values = list(values)
    i = values.index(current) if current in values else 0
    return values[(i + step) % len(values)]


class OptionsScene(Scene):
    """Rows: (label, how to show the value, how to change it by a step)."""

    def __init__(self, settings, apply):
        self.settings = settings
        self.apply = apply  # callable(new Settings) -> None: saves and applies
        self.index = 0
        self.rows = [
            ("Fullscreen", lambda s: "On" if s.fullscreen else "Off",
             lambda s, d: replace(s, fullscreen=not s.fullscreen)),
            ("Difficulty", lambda s: s.difficulty.capitalize(),
             lambda s, d: replace(s, difficulty=_cycle(DIFFICULTIES, s.difficulty, d))),
            ("Cone colours", lambda s: "Colour-blind" if s.palette == "colourblind" else "Default",
             lambda s, d: replace(s, palette=_cycle(PALETTES, s.palette, d))),
            ("Subtitle size", lambda s: f"{round(s.subtitle_size * 100)}%",
             lambda s, d: replace(s, subtitle_size=_cycle(SUBTITLE_SIZES, s.subtitle_size, d))),
            ("Objective marker", lambda s: "On" if s.objective_marker else "Off",
             lambda s, d: replace(s, objective_marker=not s.objective_marker)),
            ("Kim's eyes", lambda s: "On" if s.kims_eyes else "Off",
             lambda s, d: replace(s, kims_eyes=not s.kims_eyes)),
            ("Master volume", lambda s: f"{round(s.master_volume * 100)}%",
             lambda s, d: replace(s, master_volume=round(min(1.0, max(0.0, s.master_volume + 0.1 * d)), 2))),
            ("Music volume", lambda s: f"{round(s.music_volume * 100)}%",
             lambda s, d: replace(s, music_volume=round(min(1.0, max(0.0, s.music_volume + 0.1 * d)), 2))),
            ("Effects volume", lambda s: f"{round(s.effects_volume * 100)}%",
             lambda s, d: replace(s, effects_volume=round(min(1.0, max(0.0, s.effects_volume + 0.1 * d)), 2))),
            ("Window scale", lambda s: f"{round(s.window_scale * 100)}%",
             lambda s, d: replace(s, window_scale=_cycle(WINDOW_SCALES, s.window_scale, d))),
            ("Controls", lambda s: "›", "controls"),
            ("Back", None, None),
        ]

    def handle_event(self, event) -> bool:
        if event.type != pygame.KEYDOWN:
            return False
        label, _, change = self.rows[self.index]
        if event.key in (pygame.K_ESCAPE,) or (change is None and event.key in (pygame.K_RETURN, pygame.K_e)):
            self.stack.services.ui.play("ui_back")
            self.stack.pop()
        elif event.key in (pygame.K_UP, pygame.K_w):
            self.stack.services.ui.play("ui_move")
            self.index = (self.index - 1) % len(self.rows)
        elif event.key in (pygame.K_DOWN, pygame.K_s):
            self.stack.services.ui.play("ui_move")
            self.index = (self.index + 1) % len(self.rows)
        elif change == "controls":
            if event.key in (pygame.K_RETURN, pygame.K_e, pygame.K_RIGHT, pygame.K_d):
                from .controls import ControlsScene

                self.stack.push(ControlsScene(self.settings, self._apply_and_keep))
        elif change is not None and event.key in (pygame.K_LEFT, pygame.K_a, pygame.K_RIGHT, pygame.K_d,
                                                   pygame.K_RETURN, pygame.K_e):
            step = -1 if event.key in (pygame.K_LEFT, pygame.K_a) else 1
            self.settings = change(self.settings, step)
            self.apply(self.settings)
            self.stack.services.ui.play("ui_select")  # after applying: a volume change is heard at its new level
        return True

    def _apply_and_keep(self, settings) -> None:
        self.settings = settings
        self.apply(settings)

    def draw(self, surface, alpha: float) -> None:
        w, h = surface.get_size()
        surface.fill((6, 8, 14))
        draw_text(surface, "Options", (w // 2, 70), 64, anchor="center")
        y = 118
        step = min(46, (h - 104 - y) // len(self.rows))  # every row clear of the note and the footer
        for i, (label, show, _) in enumerate(self.rows):
            selected = i == self.index
            colour = HIGHLIGHT if selected else TEXT
            if show is None:
                draw_text(surface, label, (w // 2, y + 20), 36, colour, anchor="center")
            else:
                draw_text(surface, label, (w // 2 - 30, y), 34, colour, anchor="topright")
                value = show(self.settings)
                draw_text(surface, f"‹ {value} ›" if selected else value, (w // 2 + 30, y), 34, colour)
            y += step
        label = self.rows[self.index][0]
        if label in NOTES:
            draw_text(surface, NOTES[label](self.settings), (w // 2, h - 70), 24, DIM, anchor="center")
        draw_text(surface, self.stack.services.prompts.menu(("choose", "choose"), ("change", "change"), ("back", "back")), (w // 2, h - 30), 22, DIM, anchor="center")
