"""How the end of an attempt shows over the level: the moment Jesse is caught, held on screen (the
level darkens, the guard who got him and Jesse stay lit and marked, the words come after a beat,
clear of the two of them), and a bare map finished (a designer's `--map`: no outro follows)."""

from __future__ import annotations

from .hud import draw_panel, draw_text

CAUGHT_HOLD = 50  # ticks the catch is shown (the guard marked) before the words come up


def draw_caught(surface, camera, view, overlays, world, guard_id: int | None, ticks: int) -> None:
    """`ticks` into the caught moment; `guard_id` is who caught him (None: the sirens arrived)."""
    w, h = surface.get_size()
    fade = min(1.0, ticks / 20)  # darken over the first third of a second
    draw_panel(surface, surface.get_rect(), (20, 0, 0, round(150 * fade)))
    guard = next((g for g in world.guards if g.id == guard_id), None)
    player = world.player
    if guard is not None:
        view.draw_guard(surface, camera, guard)
    view.draw_person(surface, camera, "jesse", player.x, player.y, player.facing, 0)
    if guard is not None:
        overlays.draw_catch(surface, camera, guard, player, ticks)
    if ticks < CAUGHT_HOLD:
        return
    words = "Caught." if guard is not None else "The sirens are here."
    again = "Back to your last checkpoint." if world.checkpoint else "Back to the start."
    # On the half of the screen the two of them are not in.
    _, jy = camera.to_screen(player.x, player.y)
    top = round(h * 0.2) if jy > h * 0.45 else round(h * 0.68)
    draw_text(surface, words, (w // 2, top), 88, (255, 228, 220), anchor="center")
    draw_text(surface, again, (w // 2, top + 62), 28, (220, 200, 196), anchor="center")


def draw_complete(surface, prompts) -> None:
    """A bare map finished: said over the level, and the way back to the title."""
    w, h = surface.get_size()
    draw_panel(surface, surface.get_rect(), (0, 10, 4, 120))
    draw_text(surface, "Level complete.", (w // 2, h // 2), 80, (220, 250, 225), anchor="center")
    draw_text(surface, prompts.menu(("back", "back to the title")), (w // 2, h // 2 + 60), 26, (180, 190, 200),
              anchor="center")
