"""Reports as TOML data files (format: ``docs/data-format.md``)."""

from drafter.datafile.dump import dump_report, report_to_dict
from drafter.datafile.load import file_kind, load_report, parse_report

__all__ = ["dump_report", "file_kind", "load_report", "parse_report", "report_to_dict"]
