"""Print a pip constraints file pinning every dependency to its declared minimum.

CI installs drafter with it and runs the demo and a TUI smoke test: the minimum versions in
pyproject.toml are then true, not hopes (jinja2 3.1.0-3.1.4 and Textual below 6.5 were
declared and crash).
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

_LOWER = re.compile(r"^(?P<name>[A-Za-z0-9_.\[\]-]+?)\s*(\[[^\]]*\])?\s*>=\s*(?P<low>[^,;\s]+)")


def constraints(pyproject: Path) -> list[str]:
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    lines = []
    for requirement in project["dependencies"]:
        match = _LOWER.match(requirement)
        if match:
            marker = requirement.split(";", 1)[1].strip() if ";" in requirement else ""
            pin = f"{match['name']}=={match['low']}"
            lines.append(f"{pin}; {marker}" if marker else pin)
    return lines


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    sys.stdout.write("".join(f"{line}\n" for line in constraints(root / "pyproject.toml")))
