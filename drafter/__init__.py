"""drafter: draft Vietnamese periodic CCHC reports as Decree 30 DOCX files.

The library is the product: ``load_report`` → ``render`` → ``save_docx``.
"""

from drafter.datafile import load_report
from drafter.narrative import Document, render
from drafter.writer.docx_writer import save_docx

__all__ = ["Document", "load_report", "render", "save_docx"]
__version__ = "0.1.0"
