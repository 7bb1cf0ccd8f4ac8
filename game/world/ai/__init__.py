"""The guard brain: states, movement along paths and routes, radio."""
