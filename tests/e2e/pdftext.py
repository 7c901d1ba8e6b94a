"""Text read back from a PDF as it was typed, for tests that look for the
words of templates and narratives: the report prints typographic
apostrophes and quotes (’ “ ”) and hyphenates its justified text
(docs/PDF.md, Italian typography); this undoes both.

    typed("dell’esercizio, il “Fondo”, soste-\\n  gno") => "dell'esercizio, il \\"Fondo\\", sostegno"
"""
import re


def typed(text):
    text = text.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    # a hyphen at a line end between two letters of one word: the line breaker's
    return re.sub(r"(?<=[^\W\d_])-\n[ \t]*(?=[a-zàèéìòù])", "", text)
