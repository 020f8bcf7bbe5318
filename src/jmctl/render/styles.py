"""Names of the paragraph styles every reference DOCX must define."""

from __future__ import annotations

BODY = "Normal"
MARK = "JM Mark"
DOC_NUMBER = "JM Doc Number"
TITLE = "JM Title"
RECIPIENTS = "JM Recipients"
HEADING_1 = "JM Heading 1"
HEADING_2 = "JM Heading 2"
SIGNATURE = "JM Signature"
DATE = "JM Date"
NOTE = "JM Note"
ATTACHMENTS = "JM Attachments"
ANNEX_LABEL = "JM Annex Label"
ANNEX_TITLE = "JM Annex Title"
ROSTER = "JM Roster"
COLOPHON = "JM Colophon"
TABLE_HEAD = "JM Table Head"
TABLE_CELL = "JM Table Cell"
PAGE_NUMBER = "JM Page Number"
# Word's built-in heading styles (标题 1, 标题 2 in a Chinese Word) that the headings
# are based on.
WORD_HEADING_1 = "Heading 1"
WORD_HEADING_2 = "Heading 2"

PARAGRAPH_STYLES = (
    BODY,
    MARK,
    DOC_NUMBER,
    TITLE,
    RECIPIENTS,
    HEADING_1,
    HEADING_2,
    SIGNATURE,
    DATE,
    NOTE,
    ATTACHMENTS,
    ANNEX_LABEL,
    ANNEX_TITLE,
    ROSTER,
    COLOPHON,
    TABLE_HEAD,
    TABLE_CELL,
    PAGE_NUMBER,
)
