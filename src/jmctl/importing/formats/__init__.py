"""Readers of existing documents, one module per format, each giving numbered lines.

Every reader reads only what a reader of the document sees, and bounds what it reads
(bytes, parts, pages, time) before the expensive step: see `limits`.
"""
