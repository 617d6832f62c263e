"""The appendix table in and out of XLSX and CSV workbooks, as officials exchange it."""

from drafter.exchange.export import export_table
from drafter.exchange.importer import ImportResult, import_table

__all__ = ["ImportResult", "export_table", "import_table"]
