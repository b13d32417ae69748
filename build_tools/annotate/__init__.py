"""Annotating the parsed report: structure and run-in headings, glossary matches, figures, outcomes."""
