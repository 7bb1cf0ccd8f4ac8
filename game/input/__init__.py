"""Devices to Intents: keyboard and mouse (gamepad later), with rebindable keys."""
