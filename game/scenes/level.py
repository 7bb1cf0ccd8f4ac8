"""Playing a level: input to intents, the world stepped each tick, the view drawn.

Throwing: a left click (or the throw key, aiming at the mouse) is turned into a
world point when it happens, with the camera the player was looking at, and sent
as `Intent.throw` on exactly one tick. When the world reports "caught", the scene
shows it for `CAUGHT_TICKS`, then restarts at the last checkpoint (or the start).

The world's events drive the story: a talk or a memory trigger opens a
conversation over the level; the chapter's completion goes to the campaign,
which plays the outro and the summary.
"""

from __future__ import annotations

import pygame

from ..audio.director import AudioDirector, place_for_map
from ..audio.floors import floor_lookup
from ..render.camera import Camera
from ..render.cones import ConeRenderer
from ..render.alarm_hud import AlarmHud
from ..render.barks import BarkView
from ..render.call_view import CallView
from ..render.finale_hud import FinaleHud
from ..render.explored import EXPLORE_TICKS, Explored
from ..render.hints import Hints, draw_edge_markers
from ..render.level_map import LevelMap
from ..render.objective_marker import draw_objective_marker, places
from ..render.hud import Hud
from ..render.present import CANVAS_SIZE
from ..render.level_view import LevelView
from ..render.outcome_view import draw_caught, draw_complete
from ..render.overlays import Overlays
from ..render.proof_view import ProofView
from ..render.props import Props
from ..story.calls import CallBook, Caller, DueCall, load_rules
from ..story.dialogue import Line, load_dialogue
from ..story.save import ChapterRecord, CheckpointRecord
from ..replay import Recorder
from ..world.events import EventType
from ..world.intent import IDLE, Intent
from ..world.lineage import Lineage, restart
from ..story.challenges import RunFacts, earned, memory_ids, par_seconds
from ..world.tuning import TICK_RATE, RunMode, tuning_for
from ..world.world import World
from .dialogue import DialogueScene
from .kims_eyes import KimsEyes
from .level_input import PlayInput
from .level_story import react
from .live_reload import WATCH_TICKS, DesignCompanion, MapWatcher
from .pause import PauseScene
from .stack import Scene

CAUGHT_TICKS = 150  # the caught moment is held 2.5 s before the level restarts
COMPLETE_TICKS = 75  # a beat on the finished level before the outro


KIM_CALL = DueCall("kims_eyes", "kims_eyes", Caller.KIM, rings=False)  # Jesse has her on the line: no ring


class LevelScene(Scene):
    in_play = True
    shows_controls = True  # the control line under the HUD (not while a replay plays itself)
    asks_kim = True  # the ask key asks Kim for a way (not while a replay plays itself)
    def __init__(self, level, title: str, assets, keyboard, seed: int = 0, on_quit=None, scripted_input=None,
                 chapter=None, campaign=None, difficulty: str | None = None, watch: bool = False, resume=None,
                 mode: RunMode = RunMode.STORY):
        self.level = level
        self.chapter = chapter  # None when a designer plays a bare map
        self.campaign = campaign
        self.difficulty = difficulty  # its name goes into a saved checkpoint; None: the default tuning
        self.mode = RunMode(mode)  # the harder road: its tuning, and no cones drawn
        self.tuning = tuning_for(difficulty or "normal", self.mode) if difficulty or self.mode != RunMode.STORY else None
        # (world, lineage, CheckpointRecord): start where a saved checkpoint left off (Continue)
        self.resume_from = resume
        self.watch = watch  # a designer's live reload: re-read the map when it changes on disk
        self.reload_error: str | None = None
        self.title = title
        self.assets = assets
        self.keyboard = keyboard
        self.seed = seed
        self.on_quit = on_quit
        # For screenshots and tests: a callable(world) -> Intent used instead of the keyboard.
        self.scripted_input = scripted_input

    def enter(self, stack) -> None:
        super().enter(stack)
        if self.resume_from is not None:
            self.world, self.lineage, saved = self.resume_from
            self.resume_from = None
        else:
            self.world, self.lineage, saved = self._fresh_world(), Lineage(), None
        self.view = LevelView(self.level, self.assets)
        # What Jesse has seen, for the pause map (kept across restarts: he has been there)
        self.explored, self.level_map = Explored(), LevelMap()
        self.explored.look(self.world.grid, self.world.player.x, self.world.player.y)
        w, h = self.level.pixel_size
        self.camera = Camera(*CANVAS_SIZE, w, h)
        self.camera.follow(self.world.player.x, self.world.player.y)
        self.cones = ConeRenderer(self.palette())
        self.overlays = Overlays(self.assets, self.palette())
        self.barks, self.alarm_hud = BarkView(self.palette(), self._subtitle_size()), AlarmHud(self.palette())
        self.props = Props(self.assets)
        campaign = self.campaign
        self.hints = Hints(enabled=self.scripted_input is None,
                           seen=campaign.root.hints_seen if campaign is not None else (),
                           on_shown=campaign.mark_hint if campaign is not None else None,
                           cones=self.mode != RunMode.HARDER,
                           kim=self.asks_kim and self.stack.services.settings.kims_eyes)
        self.memories = memory_ids(self.level)  # the chapter's memory moments, and its par time
        self.par = par_seconds(self.level.path) if self.chapter is not None else None
        self.audio = self._director()
        self.finale_hud = self._finale_hud()
        self.hud = Hud(self.title, self.assets)
        # Calls during play (Kim, Marco, the radio): due by the chapter's rules and the map's triggers
        self._sealed_said = False
        self.calls = CallBook(load_rules(), self.chapter.id if self.chapter is not None else None)
        self.call_view = CallView(self.assets, self.palette(), self._subtitle_size())
        self.kims_eyes = KimsEyes(self.level.path, self.seed)  # her answers, and the hints they count
        self._objective = self.objective_text()  # the objective last shown, to notice a new one
        self.elapsed_ticks = 0  # the whole attempt, restarts included: the summary's time
        # Every intent given to the world: a replay of this play-through (--record, crash reports).
        self.recorder = Recorder(str(self.level.path), self.seed, self.difficulty or "normal", self.lineage.chain,
                                 mode=self.mode)
        self.log: list[dict] = []  # every event of the play-through, restarts included
        self.updates = 0
        self._watcher = MapWatcher(self.level) if self.watch else None
        # --watch also proves every save, in the background (None otherwise)
        self.companion = DesignCompanion(self.level.path, self.seed) if self.watch else None
        self.proof_view = ProofView()
        self.complete_ticks = 0
        self.stride = 0.0
        self.input = PlayInput(self.keyboard)  # keys, buttons, the mouse and the throw
        self.last_intent: Intent = IDLE
        self.caught_ticks = 0
        self.caught_by: int | None = None  # the guard who caught Jesse (None: the sirens arrived)
        self.restarts = 0  # times the level was restarted after Jesse was caught (for the HUD later)
        if saved is not None:  # the attempt goes on: its time and counts too
            self.elapsed_ticks, self.restarts = round(saved.elapsed * TICK_RATE), saved.restarts
            self.kims_eyes.shown = saved.kim_hints
            self.world.stats = {"spotted": saved.spotted, "alerts": saved.alerts, "distractions": saved.distractions}
        pygame.mouse.set_visible(False)  # the reticle replaces the cursor while playing

    def exit(self) -> None:
        pygame.mouse.set_visible(True)
        if self.audio is not None:
            self.audio.stop()
        if self.companion is not None:
            self.companion.stop()
        self.kims_eyes.stop()

    def pause(self) -> None:
        pygame.mouse.set_visible(True)
        if self.audio is not None:
            self.audio.mixer.pause()

    def resume(self) -> None:
        pygame.mouse.set_visible(False)
        if self.audio is not None:
            self.audio.mixer.resume()
        # Options may have changed the palette or the subtitle size while we were paused.
        repaint = self.cones.palette_name != self.palette()
        if repaint:
            self.cones = ConeRenderer(self.palette())
            self.overlays = Overlays(self.assets, self.palette())
            self.alarm_hud = AlarmHud(self.palette())
        if repaint or self.barks.scale != self._subtitle_size():
            self.barks = BarkView(self.palette(), self._subtitle_size())
            playing, waiting = self.call_view.playing, self.call_view.waiting  # a call goes on in the new look
            self.call_view = CallView(self.assets, self.palette(), self._subtitle_size())
            self.call_view.playing, self.call_view.waiting = playing, waiting
        if self.finale_hud is not None and self.finale_hud.scale != self._subtitle_size():
            self.finale_hud = self._finale_hud()

    def palette(self) -> str:
        return self.stack.services.settings.palette

    def handle_event(self, event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.open_pause()
            return True
        if self._skips_call(event) and self.call_view.skip():
            return True
        if self._asks_kim(event):
            self._ask_kim()
            return True
        if self.companion is not None and self.companion.handle_key(event):
            return True
        self.input.feed(event, self.camera, can_throw=self.world.outcome is None)
        if event.type == pygame.CONTROLLERBUTTONDOWN and event.button == pygame.CONTROLLER_BUTTON_START \
                and self.stack.top is self:
            self.open_pause()
        return True  # the level on top takes every key: none reaches a screen below

    def _skips_call(self, event) -> bool:
        if event.type == pygame.CONTROLLERBUTTONDOWN:
            return event.button == pygame.CONTROLLER_BUTTON_Y
        return self.keyboard is not None and event.type == pygame.KEYDOWN and self.keyboard.pressed(event, "skip")

    def _asks_kim(self, event) -> bool:
        if not self.asks_kim or not self.stack.services.settings.kims_eyes:
            return False
        if event.type == pygame.CONTROLLERBUTTONDOWN:
            return event.button == pygame.CONTROLLER_BUTTON_LEFTSHOULDER
        return self.keyboard is not None and event.type == pygame.KEYDOWN and self.keyboard.pressed(event, "ask_kim")

    def _ask_kim(self) -> None:
        """The ask key: Kim looks (in another process); her answer comes in a later tick."""
        if self.world.outcome is not None:
            return
        line = self.kims_eyes.ask(self.world)
        if line is not None:
            self._kim_says(line)

    def _kim_says(self, text: str) -> None:
        """Her line in the call corner now, in place of her last one (a call playing is held, and
        goes on after her: he asked, so she is what he needs to hear)."""
        self.call_view.interrupt(KIM_CALL, (Line("Kim", text),))

    def open_pause(self, note: str = "") -> None:
        options = self.stack.services.open_options
        again = (lambda: self.campaign.restart_chapter(self.stack, self.chapter)) if self.campaign and self.chapter else None
        self.stack.push(PauseScene(self._quit_to_title, note, on_restart=self._restart_from_menu, on_options=options,
                                   on_restart_chapter=again, map_picture=self.map_picture))

    def map_picture(self):
        """The pause menu's map: the level, what Jesse has seen of it, the objective, the exit."""
        return self.level_map.picture(self.view, self.world, self.explored, self.current_objective(), self.palette())

    def _restart_from_menu(self) -> None:
        self.recorder.restarted()  # a replay must restart here too
        self._restart()

    def _quit_to_title(self) -> None:
        self.stack.pop_to(self.stack.scenes.index(self))  # this level and all above it go: the title is below
        if self.on_quit:
            self.on_quit()

    def update(self, dt: float) -> None:
        self.updates += 1
        if self.watch and self.updates % WATCH_TICKS == 0:
            self._reload_if_changed()
        if self.companion is not None:
            self.companion.tick()
        if self.world.outcome == "complete":
            self.complete_ticks += 1
            if self.complete_ticks == COMPLETE_TICKS and self.campaign is not None and self.chapter is not None:
                self.campaign.chapter_won(self.chapter, self.record())
            return
        self.elapsed_ticks += 1
        if self.world.outcome == "caught":
            # Frozen on the moment, so the player sees who got him and from where.
            self.input.drop_throw()
            self.caught_ticks += 1
            if self.caught_ticks >= CAUGHT_TICKS:
                self._restart()
            return
        intent = self.input.intent(self.world, self.stack.services, self.scripted_input)
        self.last_intent = intent
        self.recorder.add(intent)
        self.lineage.add(intent)
        events = self.world.step(intent)
        if self.world.checkpoint_tick == self.world.tick:
            self._checkpoint_reached()
        self.hints.update(self.world, self.camera)
        if self.updates % EXPLORE_TICKS == 0:
            self.explored.look(self.world.grid, self.world.player.x, self.world.player.y)
        self.hud.tick()
        self.log.extend(events)
        self.barks.on_events(events, self.world)
        answer = self.kims_eyes.tick(self.world)
        if answer is not None:
            self._kim_says(answer)
        elif self.kims_eyes.thinking:
            self.call_view.keep(KIM_CALL)  # "Give me a second." stays up until she answers
        if self.audio is not None:
            self.audio.tick(events, self.world)
        # Walk-cycle phase advances with distance, so feet match speed.
        self.stride += self.world.player.speed * dt
        self._story(events)
        self._calls(events)

    def _checkpoint_reached(self) -> None:
        """On disk at once: quitting now and choosing Continue comes back exactly here."""
        chain = self.lineage.reached_checkpoint()
        if self.campaign is None or self.chapter is None:
            return
        stats = self.world.stats
        self.campaign.checkpoint_reached(self.chapter, CheckpointRecord(
            seed=self.seed, difficulty=self.difficulty or "normal", chain=chain,
            elapsed=round(self.elapsed_ticks / TICK_RATE, 3), restarts=self.restarts, spotted=stats["spotted"],
            alerts=stats["alerts"], distractions=stats["distractions"], kim_hints=self.kims_eyes.shown))

    def _reload_if_changed(self) -> None:
        """Live reload: a new map replaces the old one, Jesse stays put if he still can;
        a broken one leaves the last good map playing and says why on screen."""
        result = self._watcher.reload(self.level, self.assets)
        if result == (None, None):
            return
        level, view = result
        if self.companion is not None:
            self.companion.saved()  # a new save, good or broken: prove it (a broken one says why)
        if level is None:
            self.reload_error = view
            return
        where = (self.world.player.x, self.world.player.y)
        self.level, self.view, self.reload_error = level, view, None
        self.world, self.lineage = self._fresh_world(), Lineage()
        if self.world.grid.is_walkable_at(*where):
            self.world.player.x, self.world.player.y = where
            self.world.physics.teleport(*where)
        self.camera.map_w, self.camera.map_h = level.pixel_size

    def _tuning(self) -> dict:
        return {"tuning": self.tuning} if self.tuning is not None else {}

    def _fresh_world(self) -> World:
        return World(self.level, self.seed, **self._tuning())

    def _director(self):
        mixer = self.stack.services.mixer
        if mixer is None or mixer.silent:
            return None
        return AudioDirector(mixer, place_for_map(self.level.path.name), floor_of=floor_lookup(self.level))

    def _story(self, events: list[dict]) -> None:
        """The story's reactions to the tick (level_story), opened and shown; and a new objective
        announced where the eye is."""
        if events:
            reactions = react(events, self.world, self.level)
            if reactions.caught_by is not None:
                self.caught_by = reactions.caught_by
            for text in reactions.notices:
                self.hud.tell(text)
            for dialogue_id in reactions.conversations:
                self._say(dialogue_id)
            if not self._sealed_said and any(e["type"] == EventType.DOOR and e.get("sealed") for e in events):
                # The trap has shut Marco in: what he says through the door, once, before the sirens.
                self._sealed_said = True
                for marco in self.level.of_kind("Marco"):
                    if marco.props["sealed"]:
                        self._say(marco.props["sealed"])
        objective = self.objective_text()
        if objective != self._objective and objective and self.world.outcome is None:
            self.hud.tell(f"Next: {objective}")  # the top line changed: say so where the eye is
        self._objective = objective

    def _calls(self, events: list[dict]) -> None:
        """Calls due this tick start (or wait their turn); the one playing moves on; its ring."""
        for due in self.calls.due(events, self.world):
            self.call_view.start(due, load_dialogue(due.dialogue))
            self.recorder.heard(due.dialogue)
        self.call_view.tick()
        for name in self.call_view.take_sounds():
            if self.audio is not None:
                self.audio.mixer.play(name, 0.8)

    def tell(self, text: str) -> None:
        """A short notice under the top bar (three seconds)."""
        self.hud.tell(text)

    def _say(self, dialogue_id: str) -> None:
        self.stack.push(DialogueScene(load_dialogue(dialogue_id), self.assets, text_scale=self._subtitle_size()))

    def memories_found(self) -> set[str]:
        """The memory moments reached in this attempt: the ones this scene saw fire (restarts
        included) and the ones the world holds as fired (a Continue rebuilt them)."""
        ids = set(self.memories)
        found = {e["id"] for e in self.log if e["type"] == EventType.TRIGGER and e["id"] in ids}
        objectives = self.world.objectives
        return found | {t.props["on_enter"] for t in objectives.triggers
                        if t.id in objectives.fired and t.props["on_enter"] in ids}

    def run_facts(self) -> RunFacts:
        stats = self.world.stats
        return RunFacts(spotted=stats["spotted"], throws=stats["distractions"], memories=self.memories_found(),
                        memories_total=len(self.memories), seconds=round(self.elapsed_ticks / TICK_RATE, 2),
                        par=self.par, restarts=self.restarts, hints=self.kims_eyes.shown)

    def record(self) -> ChapterRecord:
        stats = self.world.stats
        facts = self.run_facts()
        return ChapterRecord(completed=True, best_time=facts.seconds, spotted=stats["spotted"],
                             alerts=stats["alerts"], distractions=stats["distractions"],
                             ghost=stats["spotted"] == 0 and self.restarts == 0 and facts.hints == 0,
                             challenges=[str(c) for c in earned(facts)], memories=sorted(facts.memories),
                             memories_total=facts.memories_total, kim_hints=facts.hints)

    def _restart(self) -> None:
        """Back to the last checkpoint, exactly as it was (or the start). The run's counts carry on."""
        self.world = restart(self.world)
        self.lineage.restarted()
        self.restarts += 1
        self._objective = self.objective_text()  # back where he was: not news
        self.caught_ticks = 0
        self.caught_by = None
        self.stride = 0.0
        self.call_view.clear()  # the moment has passed; what was said stays said (each call plays once)
        self.kims_eyes.path.clear()  # her way was from where he stood (an answer on its way is dropped)

    def _frame(self) -> int:
        if self.world.player.speed <= 0:
            return 0
        return 1 + int(self.stride / 14) % 3

    def draw(self, surface, alpha: float) -> None:
        world = self.world
        self.camera.view_w, self.camera.view_h = surface.get_size()
        player = world.player
        self.camera.follow(player.x, player.y)
        self.view.sync_lights(world.devices.lights_off)
        self.view.draw_map(surface, self.camera)
        if self.companion is not None:
            self.proof_view.draw_under(surface, self.camera, self.companion, self.level.tile)
        self.props.draw_under(surface, self.camera, world, self.view)
        self.kims_eyes.draw(surface, self.camera)
        self.props.draw_devices(surface, self.camera, world)
        if self.mode != RunMode.HARDER:  # the harder road: the player reads the guards, not their cones
            self.cones.draw(surface, self.camera, world)
        self.overlays.draw_noises(surface, self.camera, world)
        self.overlays.draw_projectiles(surface, self.camera, world, landed=True)
        self.props.draw_items(surface, self.camera, world, self.view)
        for guard in world.guards:
            self.view.draw_guard(surface, self.camera, guard)
        # Jesse over everything of the guards (bodies, badges, meters): a guard on his heels never hides him.
        self.overlays.draw_guards(surface, self.camera, world)
        self.view.draw_person(surface, self.camera, "jesse", player.x, player.y, player.facing, self._frame())
        self.overlays.draw_projectiles(surface, self.camera, world, landed=False)
        on_top = self.stack.top is self  # under a menu or a conversation, its own prompts are the ones to read
        if on_top:
            self.props.draw_prompts(surface, self.camera, world, self.stack.services.prompts)
        self.barks.draw(surface, self.camera, world)
        self.hud.draw(surface, world, self._objective, controls=on_top and world.outcome is None and self.shows_controls,
                      prompts=self.stack.services.prompts)
        draw_edge_markers(surface, self.camera, world, self.palette())
        objective = self.current_objective() if on_top and world.outcome is None else None
        if objective is not None and self.stack.services.settings.objective_marker:  # none under a menu or a talk
            draw_objective_marker(surface, self.camera, places(world, objective.id), self.palette())
        if on_top:
            self.hints.draw(surface, self.stack.services.prompts)
        self.call_view.draw(surface, self.stack.services.prompts.control("skip"),
                            avoid=self.camera.to_screen(player.x, player.y))
        if self.finale_hud is not None:
            self.finale_hud.draw(surface, world)
        self.barks.draw_radio(surface, self.alarm_hud.draw(surface, world))
        top = self.proof_view.draw_reload_error(surface, self.reload_error) + 8 if self.reload_error else 40
        if self.companion is not None:
            self.proof_view.draw_verdict(surface, self.companion, top=top)
        if world.outcome == "caught":
            draw_caught(surface, self.camera, self.view, self.overlays, world, self.caught_by, self.caught_ticks)
        elif world.outcome == "complete" and self.campaign is None:
            draw_complete(surface, self.stack.services.prompts)
        elif on_top:
            self.input.draw_aim(surface, world, self.camera, self.overlays, self.stack.services)

    def _subtitle_size(self) -> float:
        return self.stack.services.settings.subtitle_size

    def _finale_hud(self) -> FinaleHud | None:
        if self.world.confessions or self._has_countdown():
            return FinaleHud(self.world, self._subtitle_size())
        return None

    def _has_countdown(self) -> bool:
        return any(o.props["countdown"] > 0 for o in self.level.of_kind("Objective"))

    def current_objective(self):
        """The chapter's objective now (its id and words), or None (a bare map, or all done)."""
        if self.chapter is None:
            return None
        return self.chapter.current_objective(self.world.objectives.done, self.world.outcome == "complete")

    def objective_text(self) -> str:
        current = self.current_objective()
        return current.text if current else ""
