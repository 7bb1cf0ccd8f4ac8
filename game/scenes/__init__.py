"""Screens of the game, one class per file, run by one `SceneStack`."""
