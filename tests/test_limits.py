"""Numbers and sizes: absurd values, lengths and files are refused on load, naming the key."""

from __future__ import annotations

import time
from pathlib import Path

import docx
import pytest

from drafter.cli.main import main
from drafter.resources import demo_dir

GOOD = (demo_dir() / "xa-thanh-mai-2024-Q1.toml").read_text(encoding="utf-8")


def _render(tmp_path: Path, text: str | bytes) -> tuple[int, Path]:
    source = tmp_path / "bao-cao.toml"
    if isinstance(text, str):
        text = text.encode("utf-8")
    source.write_bytes(text)
    out = tmp_path / "out.docx"
    return main(["render", str(source), "-o", str(out)]), out


def _refused(tmp_path: Path, text: str | bytes, capsys: pytest.CaptureFixture[str],
             *words: str) -> str:
    code, out = _render(tmp_path, text)
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.startswith("Lỗi: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    for word in words:
        assert word in err, err
    assert not out.exists()
    return err


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "1e30", "1e308", "1" + "0" * 30,
                                   "1" + "0" * 400, "[1, 2]", "true", '"1.000.000.000.000"',
                                   "{ a = 1 }"], ids=lambda value: value[:24])
def test_absurd_counts_are_refused_naming_the_key(tmp_path: Path, value: str,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    text = GOOD.replace("files_received = 142", f"files_received = {value}")
    assert text != GOOD
    _refused(tmp_path, text, capsys, "figures.files_received")


@pytest.mark.parametrize("value", ["nan", "inf", "1e30", "0.00000001"])
def test_absurd_money_and_stated_values_are_refused(tmp_path: Path, value: str,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    text = GOOD.replace("investment_plan = 4800", f"investment_plan = {value}")
    assert text != GOOD
    _refused(tmp_path, text, capsys, "figures.investment_plan")
    stated = GOOD + f"\n[stated]\nfiles_online_rate = {value}\n"
    _refused(tmp_path, stated, capsys, "stated.files_online_rate")


def test_a_whole_float_count_is_read_as_the_count(tmp_path: Path) -> None:
    code, out = _render(tmp_path, GOOD.replace("files_received = 142", "files_received = 142.0"))
    assert code == 0 and out.exists()


@pytest.mark.parametrize(("old", "new", "key"), [
    ('name = "Thanh Mai"', 'name = ""', "unit.name"),
    ('name = "Thanh Mai"', 'name = "   "', "unit.name"),
    ('code = "xa-thanh-mai"', 'code = ""', "unit.code"),
    ('name = "Nguyễn Văn Thành"', f'name = "{"x" * 101}"', "unit.signer.name"),
    ('name = "Thanh Mai"', f'name = "{"Thanh Mai " * 30}"', "unit.name"),
    ('province = "Bắc Hà"', f'province = "{"x" * 101}"', "unit.province"),
    ('name = "Thanh Mai"', "name = 5", "unit.name"),
    ('name = "Thanh Mai"', "name = [\"a\"]", "unit.name"),
    ('number = "18"', "number = [18]", "report.number"),
    ('number = "18"', "number = true", "report.number"),
    ('number = "18"', "number = 18.5", "report.number"),
    ("date = 2024-03-14", "date = 9999-03-14", "report.date"),
], ids=lambda value: value[:24])
def test_unit_and_header_fields(tmp_path: Path, capsys: pytest.CaptureFixture[str], old: str,
                                new: str, key: str) -> None:
    text = GOOD.replace(old, new, 1)
    assert text != GOOD, old
    _refused(tmp_path, text, capsys, key)


def test_long_lists_and_paragraphs_are_refused(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    many = "proposals = [" + ", ".join(['"Đề xuất"'] * 201) + "]"
    _refused(tmp_path, GOOD.replace("proposals = []", many), capsys, "proposals", "200")
    long_item = 'proposals = ["' + "Đề xuất " * 2000 + '"]'
    _refused(tmp_path, GOOD.replace("proposals = []", long_item), capsys, "proposals",
             "10000")


def test_a_byte_order_mark_is_read_as_windows_notepad_wrote_it(tmp_path: Path) -> None:
    code, out = _render(tmp_path, b"\xef\xbb\xbf" + GOOD.encode("utf-8"))
    assert code == 0
    header = docx.Document(str(out)).tables[0].rows[0].cells[0].text
    assert "XÃ THANH MAI" in header


def test_not_utf8_and_deep_nesting(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _refused(tmp_path, GOOD.encode("utf-16"), capsys, "UTF-8")
    _refused(tmp_path, "x = " + "[" * 50_000 + "]" * 50_000, capsys, "TOML")


def test_a_huge_data_file_is_refused_at_once(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "bao-cao.toml"
    with source.open("wb") as handle:
        handle.write(GOOD.encode())
        handle.truncate(76_000_000)  # sparse: the size is real, the disk is not used
    started = time.monotonic()
    code = main(["render", str(source), "-o", str(tmp_path / "o.docx")])
    assert time.monotonic() - started < 2
    assert code == 2
    err = capsys.readouterr().err
    assert "quá lớn" in err and "76.000 KB" in err


def test_a_directory_is_not_a_data_file(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(tmp_path), "-o", str(tmp_path / "o.docx")]) == 2
    assert "thư mục" in capsys.readouterr().err


def test_a_ranking_content_file_keeps_the_same_rules(tmp_path: Path) -> None:
    from drafter.datafile.content import load_content
    from drafter.errors import DataFileError

    path = tmp_path / "xep-hang.toml"
    path.write_bytes(b"\xef\xbb\xbfnumber = 12\n")  # a byte-order mark
    assert load_content(path).number == "12"
    for text, key in (("number = [12]\n", "number"), ("x = " + "[" * 50_000, "TOML")):
        path.write_text(text, encoding="utf-8")
        with pytest.raises(DataFileError, match=key):
            load_content(path)
    with path.open("wb") as handle:
        handle.truncate(76_000_000)
    with pytest.raises(DataFileError, match="quá lớn"):
        load_content(path)
