"""The simulated world: levels, physics, navigation grid and guards."""
