"""Importing existing documents (.txt, .docx) into the data contract, and proofreading them."""
