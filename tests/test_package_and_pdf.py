"""The DOCX package opens without a repair prompt, and ``--pdf`` goes through LibreOffice."""

import posixpath
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from drafter.cli.main import main
from drafter.domain.report import Report
from drafter.narrative import render
from drafter.resources import demo_dir
from drafter.writer.docx_writer import save_docx
from drafter.writer.pdf import find_soffice

DEMO_FILE = demo_dir() / "xa-thanh-mai-2024-Q1.toml"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


@pytest.mark.parametrize("which", ["commune", "district"])
def test_package_parts_are_unique_valid_xml_and_typed(tmp_path: Path, commune_q1: Report,
                                                      district_q2: Report, which: str) -> None:
    # The district report adds a footnotes part, which python-docx does not make itself.
    report = commune_q1 if which == "commune" else district_q2
    path = save_docx(render(report), tmp_path / "q1.docx")
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
        assert len(names) == len(set(names))
        for name in names:
            if name.endswith((".xml", ".rels")):
                etree.fromstring(package.read(name))
        types = etree.fromstring(package.read("[Content_Types].xml"))
        defaults = {d.get("Extension") for d in types.iter(f"{CT}Default")}
        overrides = {o.get("PartName") for o in types.iter(f"{CT}Override")}
        targets = {
            posixpath.normpath(posixpath.join(posixpath.dirname(posixpath.dirname(rels)),
                                              rel.get("Target")))
            for rels in names if rels.endswith(".rels")
            for rel in etree.fromstring(package.read(rels)).iter(f"{RELS}Relationship")
            if rel.get("TargetMode") != "External"
        }
    for name in names:
        if name != "[Content_Types].xml":
            assert f"/{name}" in overrides or name.rsplit(".", 1)[-1] in defaults, name
    # Every relationship points at a part that is there.
    assert targets <= set(names)
    assert ("word/footnotes.xml" in names) is (which == "district")


def test_pdf_without_libreoffice_says_so_and_keeps_the_docx(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    out = tmp_path / "q1.docx"
    assert main(["render", str(DEMO_FILE), "-o", str(out), "--pdf"]) == 2
    err = capsys.readouterr().err
    assert "không tìm thấy LibreOffice" in err and "Cài LibreOffice" in err
    assert out.is_file() and not out.with_suffix(".pdf").exists()


@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice is not installed")
def test_pdf_through_libreoffice(tmp_path: Path) -> None:
    out = tmp_path / "q1.docx"
    assert main(["render", str(DEMO_FILE), "-o", str(out), "--pdf"]) == 0
    data = out.with_suffix(".pdf").read_bytes()
    assert data.startswith(b"%PDF")
    # The demo commune report lays out as a few pages of text and a few of appendix.
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    assert 5 <= pages <= 12
