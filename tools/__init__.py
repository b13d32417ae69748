"""Measurement tools for the site (bench, lighthouse, a Pages-like static server); not part of the product."""
