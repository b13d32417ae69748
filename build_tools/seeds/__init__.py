"""Reading the editors' seed files: one YAML loader that knows every value's line, the errors it raises, the schemas."""
