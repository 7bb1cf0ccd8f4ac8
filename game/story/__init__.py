"""Progression: chapters, dialogue, saves (data first, machinery second)."""
