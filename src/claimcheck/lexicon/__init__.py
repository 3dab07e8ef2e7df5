"""Data only: reporting cues, titles, name particles, abbreviations."""
