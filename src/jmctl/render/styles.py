"""Names of the paragraph styles every reference DOCX must define, and how a paragraph
takes one."""

from __future__ import annotations

from docx.blkcntnr import BlockItemContainer
from docx.document import Document
from docx.text.paragraph import Paragraph

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


def apply(paragraph: Paragraph, name: str) -> None:
    """Give `paragraph` the style `name`, by its id. python-docx's own setter
    (`paragraph.style = name`) scans every style of the document for the default one on
    each call, a fifth of a whole render; the body style is the default and is left
    unnamed, as python-docx leaves it."""
    if name == BODY:
        paragraph._p.style = None
        return
    document_part = paragraph.part.package.main_document_part
    paragraph._p.style = document_part.styles[name].style_id


def add_paragraph(container: Document | BlockItemContainer, name: str) -> Paragraph:
    """Add an empty paragraph in style `name` to a document, header, footer or cell."""
    paragraph = container.add_paragraph()
    apply(paragraph, name)
    return paragraph
