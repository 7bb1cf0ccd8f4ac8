"""Helpers for tools/build_assets.py: procedural art for Redemption.

Modules:
    draw          numpy/pygame drawing helpers shared by every generator
    sheet         tileset sheet (.png) and Tiled 1.8 external tileset (.tsx) writer
    tilekit       what the tilesets share: seeding, cached base textures, building the
                  labelled list, and the pieces more than one place draws (paint, cracks,
                  fences, pebbles, lamp posts, wheels, scattered rust, ...)
    tiles_garage  chapter 1 tileset (Alaska garage at night); tiles_carwash,
                  tiles_highschool, tiles_desertlab: chapters 2-4, one place each
    sprites       character sprite strips and the throwable
    doors         the door strip (closed, open)
    paint         supersampled canvas, spline shapes, cel shading, rim light
    portraits     dialogue portraits (uses portrait_face and portrait_wear)
    items         24x24 item icons
    preview_ui    contact sheet of portraits, icons and doors
    preview       contact sheet and mock scene for looking at the results

To add a tileset for a later chapter, write ``tiles_<place>.py`` exposing ``NAME``,
``PALETTE`` and ``build() -> list[(label, Surface)]`` (see tiles_garage.py) and list it
in ``TILESETS`` in tools/build_assets.py. Draw only the place there; a piece another
place could use goes in tilekit.
"""
