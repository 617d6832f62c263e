"""Bad input: one Vietnamese line naming file, key and problem; exit 2; no output file."""

from pathlib import Path

import pytest

from drafter.cli.main import main
from drafter.resources import demo_dir

GOOD = (demo_dir() / "xa-thanh-mai-2024-Q1.toml").read_text(encoding="utf-8")


def _run(tmp_path: Path, text: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, Path]:
    source = tmp_path / "bao-cao.toml"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "out.docx"
    code = main(["render", str(source), "-o", str(out)])
    err = capsys.readouterr().err
    return code, err, out


@pytest.mark.parametrize(
    ("mutate", "key", "problem"),
    [
        (lambda s: s.replace("[figures]", "[figures\n"), "", "lỗi cú pháp TOML"),
        (lambda s: s.replace("directive_docs = 2", "so_van_ban = 2"), "figures.so_van_ban",
         "chỉ tiêu không có trong danh mục"),
        (lambda s: s.replace("files_received = 142", 'files_received = "nhiều"'),
         "figures.files_received", "phải là số"),
        (lambda s: s.replace("files_received = 142", "files_received = 14.5"),
         "figures.files_received", "phải là số nguyên"),
        (lambda s: s.replace("files_received = 142", "files_received = -1"),
         "figures.files_received", "không được âm"),
        (lambda s: s.replace('period = "2024-Q1"', 'period = "2024-Q5"'), "report.period",
         "kỳ báo cáo không hợp lệ"),
        (lambda s: s.replace("[figures]", "[figures]\nfiles_on_time_rate = 100"),
         "figures.files_on_time_rate", "là tỷ lệ"),
        (lambda s: s.replace("date = 2024-03-14", 'date = "31/11/2023"'), "report.date",
         "ngày không hợp lệ"),
        (lambda s: s.replace('kind = "xã"', 'kind = "làng"'), "unit.kind", "phải là một trong"),
        # An English number in a stated value is reported, never read as another number.
        (lambda s: s + '\n[stated]\nfiles_received = "4,747"\n', "stated.files_received",
         "số viết theo kiểu tiếng Anh '4,747' (viết đúng: '4.747')"),
        (lambda s: s + '\n[stated]\nfiles_on_time_rate = "99.28%"\n',
         "stated.files_on_time_rate", "số viết theo kiểu tiếng Anh '99.28' (viết đúng: '99,28')"),
        (lambda s: s.replace("dialogue_held = false", "dialogue_held = 3"),
         "figures.dialogue_held", "true/false"),
    ],
)
def test_bad_input_is_one_vietnamese_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          mutate, key: str, problem: str) -> None:
    bad = mutate(GOOD)
    assert bad != GOOD, "the mutation must apply to the demo file"
    code, err, out = _run(tmp_path, bad, capsys)
    assert code == 2
    assert err.count("\n") == 1, err
    assert "Traceback" not in err
    assert err.startswith("Lỗi: ") and "bao-cao.toml" in err
    assert key in err and problem in err
    assert not out.exists()


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["render", str(tmp_path / "khong-co.toml"), "-o", str(tmp_path / "x.docx")])
    assert code == 2
    assert "không tìm thấy tệp" in capsys.readouterr().err


def test_failed_render_keeps_previous_docx(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.docx"
    out.write_bytes(b"good")
    source = tmp_path / "bao-cao.toml"
    source.write_text(GOOD.replace("files_received = 142", 'files_received = "x"'), "utf-8")
    assert main(["render", str(source), "-o", str(out)]) == 2
    assert out.read_bytes() == b"good"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_bad_usage_is_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["render"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "thiếu tham số bắt buộc" in err
