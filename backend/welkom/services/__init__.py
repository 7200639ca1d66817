"""Local service information: categories, items, places, translations, search."""
