"""The report text parsed into the model: parts, sections, paragraphs; typesetting between source and display."""
