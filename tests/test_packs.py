"""Template packs: derive, check, record, and a sandbox that pack templates cannot escape."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from docx import Document as open_docx

from drafter.cli.main import main
from drafter.demo.sample import communes_like
from drafter.domain.report import Report
from drafter.errors import RenderError
from drafter.narrative import render
from drafter.packs.load import load_pack
from drafter.packs.tools import check_pack, init_pack
from drafter.resources import demo_dir
from drafter.writer.text import to_text


@pytest.fixture
def pack_dir(tmp_path: Path) -> Path:
    return init_pack(tmp_path / "huyen-dong-son", "pack-dong-son")


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_derived_pack_checks_clean_and_records_its_name(
        pack_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    meta = (pack_dir / "pack.toml").read_text(encoding="utf-8")
    assert 'name = "pack-dong-son"' in meta and 'based_on = "drafter-cchc 1.0.0"' in meta
    assert main(["pack", "check", str(pack_dir)]) == 0
    assert "Bộ mẫu pack-dong-son phiên bản 1.0.0: không có lỗi." in capsys.readouterr().out
    _edit(pack_dir / "templates" / "opening.j2", "báo cáo kết quả thực hiện công tác",
          "báo cáo kết quả triển khai công tác")
    out = tmp_path / "x.docx"
    assert main(["--pack", str(pack_dir), "render",
                 str(demo_dir() / "xa-thanh-mai-2024-Q1.toml"), "-o", str(out)]) == 0
    document = open_docx(str(out))
    assert document.core_properties.keywords == "pack-dong-son 1.0.0"
    assert "bộ mẫu pack-dong-son 1.0.0" in document.core_properties.comments
    assert any("báo cáo kết quả triển khai công tác" in p.text for p in document.paragraphs)


def test_init_refuses_a_directory_with_content(pack_dir: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pack", "init", str(pack_dir)]) == 2
    assert "đã có nội dung" in capsys.readouterr().err


@pytest.mark.parametrize(("file", "old", "new", "expected"), [
    ("catalogue.toml", 'label = "Số văn bản chỉ đạo CCHC đã ban hành"',
     'lable = "Số văn bản chỉ đạo CCHC đã ban hành"',
     "catalogue.toml: khóa không hợp lệ: section.indicators.lable"),
    ("pack.toml", "[settings]", "[settings]\nleading_zeros = false",
     "pack.toml: khóa không hợp lệ: settings.leading_zeros"),
    ("rules.toml", "[[bands.cchc_class]]", "[[bands.cchc_class]\n", "rules.toml: lỗi cú pháp TOML"),
    ("pack.toml", 'version = "1.0.0"', 'version = "mới"', "pack.toml: thiếu phiên bản"),
    ("catalogue.toml", 'id = "finance"', 'id = "finances"',
     "catalogue.toml: thiếu mục finance (Cải cách tài chính công)"),
    ("templates/closing.j2", "{% for recipient in report.recipients %}",
     "{% for recipient in report.recipients %", "templates/closing.j2, dòng 6: lỗi cú pháp"),
    ("templates/opening.j2", "{{ period|period }}{{ window }}{{ outlook }} như sau:",
     "{{ v.so_lieu_khong_co }} như sau:",
     "không soạn được báo cáo mẫu huyen-dong-son-2024-Q1: mẫu dùng chỉ tiêu không có trong "
     "danh mục: so_lieu_khong_co"),
    ("appendix.toml", '{ stt = "1.1", key = "directive_docs"', '{ stt = "1.1", key = "vb_chi_dao"',
     "biểu commune: chỉ tiêu không có trong danh mục: vb_chi_dao"),
])
def test_pack_check_names_file_and_problem(pack_dir: Path, file: str, old: str, new: str,
                                           expected: str,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    _edit(pack_dir / file, old, new)
    assert any(expected in problem for problem in check_pack(pack_dir)), check_pack(pack_dir)
    assert main(["pack", "check", str(pack_dir)]) == 1
    out = capsys.readouterr().out
    assert expected in out and "Traceback" not in out


def test_missing_file_is_named(pack_dir: Path) -> None:
    (pack_dir / "ranking.toml").unlink()
    assert check_pack(pack_dir) == ["thiếu tệp ranking.toml"]


ESCAPES = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ report.__class__.__init__.__globals__ }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ lipsum.__globals__['os'].system('touch /tmp/drafter-pwned') }}",
    "{{ v.__dict__ }}",
    "{% include '../pack.toml' %}",
    "{% include '/etc/passwd' %}",
    "{% for i in range(10**9) %}{% endfor %}",
    "{{ report.unit.signer.__reduce_ex__(2) }}",
    # Reached through attributes without an underscore, past the sandbox's fast path.
    "{{ '{0.__class__.__mro__}'.format(report) }}",
    "{{ '{x.__globals__}'.format_map({'x': lipsum}) }}",
    "{{ ([1] | map('string')).gi_frame.f_globals }}",
    "{{ cycler.mro() }}",
]


@pytest.mark.parametrize("attempt", ESCAPES)
def test_sandbox_refuses_escapes(pack_dir: Path, commune_q1: Report, attempt: str) -> None:
    (pack_dir / "templates" / "document.j2").write_text(attempt + "\n", encoding="utf-8")
    with pytest.raises(RenderError, match=r"^lỗi (trong|khi chạy) mẫu"):
        render(commune_q1, load_pack(pack_dir))
    assert not Path("/tmp/drafter-pwned").exists()
    assert any(problem.startswith("không soạn được báo cáo mẫu")
               for problem in check_pack(pack_dir))


def test_templates_cannot_change_the_report_or_the_next_render(pack_dir: Path,
                                                               commune_q1: Report) -> None:
    _edit(pack_dir / "templates" / "document.j2", '{% include "header.j2" %}',
          '{% do report.figures.clear() %}{% do settings.update({"leading_zero": false}) %}'
          '{% do lists.strengths.append("chen them") %}{% include "header.j2" %}')
    before = (dict(commune_q1.figures), list(commune_q1.items("strengths")))
    pack = load_pack(pack_dir)
    render(commune_q1, pack)
    assert (commune_q1.figures, commune_q1.items("strengths")) == before
    assert pack.settings["leading_zero"] is True


def _body(report: Report) -> list[str]:
    """The narrative with the unit's own name taken out."""
    text = to_text(render(report))
    return [re.sub(report.unit.name, "<tên>", line, flags=re.IGNORECASE)
            for line in text.splitlines()]


def test_same_figures_same_sentences(commune_q1: Report) -> None:
    first, second = communes_like(commune_q1, 2, "huyen-dong-son")
    second = replace(second, unit=replace(second.unit, place=first.unit.place))
    assert first.unit.name != second.unit.name
    assert _body(first) == _body(second)
    assert len(_body(first)) > 80  # the whole report, not an empty shell
