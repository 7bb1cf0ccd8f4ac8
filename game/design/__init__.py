"""Design-time tools that read maps and run the simulation: timelines, heatmap, solver."""
