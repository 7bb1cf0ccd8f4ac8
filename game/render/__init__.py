"""Drawing: reads world state, never changes it."""
