"""Redemption: a 2D top-down stealth game (unofficial fan game)."""

import os

# pytmx imports pygame; keep its banner out of the JSON that game.sim prints.
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
