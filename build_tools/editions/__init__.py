"""Editions: each edition's text transform (script conversion, translation), its search support, the build loop."""
