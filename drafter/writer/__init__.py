"""Writers turn a rendered :class:`~drafter.narrative.blocks.Document` into files.

Only :mod:`drafter.writer.docx_writer` knows python-docx.
"""
