"""Pre-annotators (entities, quotes with speakers, numeric claims) and the Label Studio side."""
