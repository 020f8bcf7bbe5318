"""Rendering: data → document outline (wording from templates) → DOCX (→ PDF)."""
