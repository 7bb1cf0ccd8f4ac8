"""Things on the map that change or invite a press: items, doors, Kim and Marco, exits, hiding
spots, light switches and noise makers.

Items bob gently and show their label and "E" when Jesse is close; doors are
drawn open or closed as the world says; an exit glows once its requirements are
met; hiding spots carry a faint dashed outline so dark corners read as places
to hide. A light switch shows its lever up (on, a green lamp) or down (off, red);
a noise maker is a small box with a speaker grille, dim once it is spent, and
while it sounds it flashes and sends out rings.
"""

from __future__ import annotations

import math

import pygame

from ..errors import AssetError
from ..input.prompts import Prompts
from ..world.doors import SEALED
from ..world.tmx import turned
from .cones import dashed_polygon
from .hud import DIM, TEXT, draw_text

EXIT_READY = (120, 230, 150)
EXIT_CLOSED = (200, 200, 210)
HIDE_OUTLINE = (130, 170, 255)
SWITCH_PLATE, SWITCH_ON, SWITCH_OFF = (215, 210, 190), (90, 235, 120), (235, 80, 60)
MAKER_BOX, MAKER_GRILLE, MAKER_FLASH = (70, 78, 92), (150, 160, 175), (255, 196, 60)


def dashed_rect(surface: pygame.Surface, colour, rect: pygame.Rect, dash: int = 5) -> None:
    x0, y0, x1, y1 = rect.left, rect.top, rect.right - 1, rect.bottom - 1
    for x in range(x0, x1, dash * 2):
        pygame.draw.line(surface, colour, (x, y0), (min(x + dash, x1), y0))
        pygame.draw.line(surface, colour, (x, y1), (min(x + dash, x1), y1))
    for y in range(y0, y1, dash * 2):
        pygame.draw.line(surface, colour, (x0, y), (x0, min(y + dash, y1)))
        pygame.draw.line(surface, colour, (x1, y), (x1, min(y + dash, y1)))


def _corners(obj, camera) -> list[tuple[float, float]]:
    """The object's box turned as Tiled turned it, on screen."""
    return [camera.to_screen(*turned(obj, obj.x + dx, obj.y + dy))
            for dx, dy in ((0, 0), (obj.width, 0), (obj.width, obj.height), (0, obj.height))]


class Props:
    def __init__(self, assets):
        self.assets = assets
        self._icons: dict[str, pygame.Surface] = {}
        self._door = None
        self._fills: dict[tuple, pygame.Surface] = {}  # (size, rgba) -> a filled SRCALPHA surface
        self._glows: dict[int, pygame.Surface] = {}  # alpha -> an item's glow
        self._turned: dict[pygame.Surface, pygame.Surface] = {}  # door frame -> the frame turned 90 degrees

    def _filled(self, size, colour) -> pygame.Surface:
        key = (tuple(size), tuple(colour))
        surface = self._fills.get(key)
        if surface is None:
            if len(self._fills) >= 256:
                self._fills.clear()
            surface = self._fills[key] = pygame.Surface(size, pygame.SRCALPHA)
            surface.fill(colour)
        return surface

    def _shade(self, surface: pygame.Surface, rect: pygame.Rect, colour) -> None:
        """A translucent fill of `rect`, only the part on screen (a zone may be far bigger than the map)."""
        visible = rect.clip(surface.get_rect())
        if visible.w and visible.h:
            surface.blit(self._filled(visible.size, colour), visible)

    def _glow(self, alpha: int) -> pygame.Surface:
        glow = self._glows.get(alpha)
        if glow is None:
            glow = self._glows[alpha] = pygame.Surface((34, 34), pygame.SRCALPHA)
            pygame.draw.circle(glow, (255, 230, 150, alpha), (17, 17), 16)
        return glow

    def icon(self, item_id: str) -> pygame.Surface:
        if item_id not in self._icons:
            # The item's own icon, else its kind's (janitor_key -> key), else a plain box.
            for name in (item_id, item_id.rsplit("_", 1)[-1], "unknown"):
                try:
                    self._icons[item_id] = self.assets.image(f"items/{name}.png")
                    break
                except AssetError:
                    continue
        return self._icons[item_id]

    def _door_frames(self):
        if self._door is None:
            self._door = self.assets.sprite("door")
        return self._door

    def draw_under(self, surface: pygame.Surface, camera, world, view) -> None:
        """Drawn on the floor, under people: hiding spots, exits, doors."""
        t = world.tick
        for spot in world.hiding_spots:
            outline = HIDE_OUTLINE if world.player.hiding_spot == spot.id else (70, 90, 140)
            if spot.rotation:  # turned in Tiled: its turned box
                corners = _corners(spot, camera)
                pygame.draw.polygon(surface, (0, 0, 12), corners)
                dashed_polygon(surface, outline, corners, 1, on=5, off=5)
                continue
            rect = pygame.Rect(*camera.to_screen(spot.x, spot.y), round(spot.width), round(spot.height))
            self._shade(surface, rect, (0, 0, 12, 70))
            dashed_rect(surface, outline, rect)
        objectives = world.objectives
        for exit_ in objectives.exits:
            ready = not objectives.missing(exit_.props["requires"])
            pulse = 0.5 + 0.5 * math.sin(t / 14) if ready else 0.3
            if exit_.rotation:
                pygame.draw.polygon(surface, EXIT_READY if ready else EXIT_CLOSED, _corners(exit_, camera), 2 if ready else 1)
                continue
            rect = pygame.Rect(*camera.to_screen(exit_.x, exit_.y), round(exit_.width), round(exit_.height))
            self._shade(surface, rect, (*(EXIT_READY if ready else EXIT_CLOSED), round(30 + 50 * pulse)))
            pygame.draw.rect(surface, EXIT_READY if ready else EXIT_CLOSED, rect, 2 if ready else 1)
        frames = self._door_frames().frames
        for door in world.doors.doors:
            image = frames[min(1 if door.open else 0, len(frames) - 1)]
            if door.obj.height > door.obj.width:  # drawn for a horizontal wall: turn it for a vertical one
                turned = self._turned.get(image)
                if turned is None:
                    turned = self._turned[image] = pygame.transform.rotate(image, -90)
                image = turned
            for c, r in door.cells:
                surface.blit(image, camera.to_screen(c * world.tile, r * world.tile))

    def draw_devices(self, surface: pygame.Surface, camera, world) -> None:
        """Light switches and noise makers, where the map puts them."""
        devices, t = world.devices, world.tick
        for switch in devices.switches:
            sx, sy = (round(v) for v in camera.to_screen(switch.x, switch.y))
            on = devices.is_on(switch)
            plate = pygame.Rect(sx - 6, sy - 9, 12, 18)
            pygame.draw.rect(surface, (20, 20, 24), plate.inflate(2, 2), border_radius=2)
            pygame.draw.rect(surface, SWITCH_PLATE, plate, border_radius=2)
            lever = pygame.Rect(sx - 2, sy - 7 if on else sy + 1, 4, 6)
            pygame.draw.rect(surface, (60, 60, 66), lever)
            pygame.draw.circle(surface, SWITCH_ON if on else SWITCH_OFF, (sx, sy - 12), 2)
        for maker in devices.makers:
            sx, sy = (round(v) for v in camera.to_screen(maker.x, maker.y))
            sounding = maker.id in devices.sounding
            spent = not sounding and not devices.can_set_off(maker)
            box = pygame.Rect(sx - 9, sy - 7, 18, 14)
            pygame.draw.rect(surface, (16, 16, 20), box.inflate(2, 2), border_radius=3)
            pygame.draw.rect(surface, (45, 48, 56) if spent else MAKER_BOX, box, border_radius=3)
            for gx in range(box.left + 3, box.left + 11, 3):
                pygame.draw.line(surface, MAKER_GRILLE, (gx, box.top + 3), (gx, box.bottom - 4))
            lamp = MAKER_FLASH if sounding and (t // 10) % 2 == 0 else (90, 80, 60)
            pygame.draw.circle(surface, lamp, (box.right - 4, box.top + 4), 2)
            if sounding:  # rings going out, one a second
                for k in range(2):
                    phase = ((t + 30 * k) % 60) / 60
                    colour = (*MAKER_FLASH, round(160 * (1 - phase)))
                    radius = round(12 + 26 * phase)
                    layer = pygame.Surface((2 * radius + 4, 2 * radius + 4), pygame.SRCALPHA)
                    pygame.draw.circle(layer, colour, (radius + 2, radius + 2), radius, 2)
                    surface.blit(layer, (sx - radius - 2, sy - radius - 2))

    def draw_items(self, surface: pygame.Surface, camera, world, view) -> None:
        t = world.tick
        player = world.player
        for item in world.objectives.items_left():
            icon = self.icon(item.props["item"])
            bob = round(2 * math.sin(t / 20 + item.id))
            sx, sy = camera.to_screen(item.x, item.y)
            surface.blit(self._glow(60 + round(30 * math.sin(t / 20))), (sx - 17, sy - 17))
            surface.blit(icon, icon.get_rect(center=(sx, sy + bob)))
        for talker in world.objectives.talkers:
            sprite = "kim" if talker.kind == "Kim" else "marco"
            facing = math.atan2(player.y - talker.y, player.x - talker.x)
            view.draw_person(surface, camera, sprite, talker.x, talker.y, facing, 0)

    def draw_prompts(self, surface: pygame.Surface, camera, world, prompts: Prompts) -> None:
        """What a press of interact would do now, over the thing it would act on, in the controls
        of the device in use ("E  Go-bag", "A  Open", "Locked: Janitor's keys"). The world says what
        is in reach (`World.interaction`), so the prompt shows exactly when the press would work.
        Drawn over the people, and above Jesse's head when he stands over the thing."""
        target = world.interaction()
        if target is None:
            return
        kind, thing = target
        key = prompts.control("interact")
        colour = TEXT
        if kind == "item":
            text, (x, y) = f"{key}  {thing.props['label'] or thing.props['item']}", (thing.x, thing.y)
        elif kind == "talk":
            text, (x, y), colour = f"{key}  Talk to {thing.kind}", (thing.x, thing.y), DIM
        elif kind == "switch":
            text, (x, y) = f"{key}  {'Lights off' if world.devices.is_on(thing) else 'Lights on'}", (thing.x, thing.y)
        elif kind == "noise_maker":
            text, (x, y) = f"{key}  {thing.props['label'] or 'Noise'}", (thing.x, thing.y)
        elif world.locked_for_jesse(thing):
            what = "Shut for good" if thing.locked_by == SEALED else f"Locked: {world.objectives.label_of(thing.locked_by)}"
            text, (x, y), colour = what, thing.center, DIM
        else:
            text, (x, y) = f"{key}  {'Close' if thing.open else 'Open'}", thing.center
        sx, sy = camera.to_screen(x, min(y, world.player.y))
        draw_text(surface, text, (sx, sy - 24), 22, colour, anchor="midbottom")
