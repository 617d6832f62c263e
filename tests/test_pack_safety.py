"""Packs that read files or run away: refused, limited, named — never a traceback."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from drafter.cli.main import main
from drafter.domain.report import Report
from drafter.errors import PackError, RenderError
from drafter.narrative import guard, render
from drafter.packs.load import load_pack
from drafter.packs.tools import check_pack, init_pack
from drafter.resources import demo_dir

DEMO = str(demo_dir() / "xa-thanh-mai-2024-Q1.toml")


@pytest.fixture
def pack_dir(tmp_path: Path) -> Path:
    return init_pack(tmp_path / "pack", "pack-thu")


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _render_fails(pack_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                  *words: str) -> None:
    out = tmp_path / "x.docx"
    assert main(["--pack", str(pack_dir), "render", DEMO, "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Lỗi: ") and "Traceback" not in err, err
    for word in words:
        assert word in err, err
    assert not out.exists()


def test_a_template_linked_to_a_system_file_is_refused(
        pack_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:MẬT", encoding="utf-8")
    closing = pack_dir / "templates" / "closing.j2"
    closing.unlink()
    closing.symlink_to(secret)
    problems = check_pack(pack_dir)
    assert any("templates/closing.j2 là liên kết (symlink)" in p for p in problems), problems
    assert main(["pack", "check", str(pack_dir)]) == 1
    _render_fails(pack_dir, tmp_path, capsys, "closing.j2", "symlink")


def test_a_templates_folder_linked_elsewhere_is_refused(
        pack_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    elsewhere = tmp_path / "elsewhere"
    (pack_dir / "templates").rename(elsewhere)
    (pack_dir / "templates").symlink_to(elsewhere)
    with pytest.raises(PackError, match="symlink"):
        load_pack(pack_dir)
    assert any("symlink" in p for p in check_pack(pack_dir))


def test_an_include_cannot_climb_out_of_the_pack(
        pack_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "outside.j2").write_text("BÍ MẬT", encoding="utf-8")
    _append(pack_dir / "templates" / "closing.j2", '{% include "../../outside.j2" %}\n')
    _render_fails(pack_dir, tmp_path, capsys, "outside.j2")


@pytest.mark.parametrize(("template", "words"), [
    ('{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}', ("closing.j2", "đệ quy")),
    ('{{ "x" * 100000000 }}', ("closing.j2", "chuỗi quá dài")),
    ("{{ 7 ** 100000000 }}", ("closing.j2", "lũy thừa")),
    ('{% for i in range(100000) %}{% for j in range(100000) %}xxxxxxxxxx{% endfor %}'
     "{% endfor %}", ("document.j2", "5.000.000 ký tự")),
    ('{{ "\\x01" }}', ("closing.j2", "U+0001")),
])
def test_runaway_templates_stop_with_the_template_named(
        pack_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], template: str,
        words: tuple[str, ...]) -> None:
    _append(pack_dir / "templates" / "closing.j2", template + "\n")
    _render_fails(pack_dir, tmp_path, capsys, *words)


def test_a_render_stops_after_its_time_even_in_a_worker_thread(
        pack_dir: Path, commune_q1: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    # Long enough for the report's templates to compile and run up to the loop on a loaded
    # machine (the stop must name closing.j2), far too short for the loop itself.
    monkeypatch.setattr(guard, "RENDER_SECONDS", 3.0)
    _append(pack_dir / "templates" / "closing.j2",
            "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}\n")
    pack = load_pack(pack_dir)
    errors: list[BaseException] = []

    def work() -> None:  # as the TUI renders its preview
        try:
            render(commune_q1, pack)
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(30)
    assert not thread.is_alive()
    assert len(errors) == 1 and isinstance(errors[0], RenderError)
    assert "chạy quá 3 giây" in str(errors[0]) and "closing.j2" in str(errors[0])


def _render_in_a_thread(pack_dir: Path, report: Report) -> list[BaseException]:
    """Render in a worker thread given 60 s: a render C code holds past any limit fails the
    test instead of hanging the suite."""
    pack = load_pack(pack_dir)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            render(report, pack)
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    thread.join(60)
    assert not thread.is_alive(), "the render ran past every limit"
    return errors


def test_big_integer_arithmetic_stops_before_it_outruns_the_limit(
        pack_dir: Path, commune_q1: Report) -> None:
    """Squaring a 3 000-bit number 40 times ran 50 s past the limit inside one C call."""
    _append(pack_dir / "templates" / "closing.j2",
            "{% set ns = namespace(x=9 ** 1000) %}{% for i in range(40) %}"
            "{% set ns.x = ns.x * ns.x %}{% endfor %}{{ ns.x > 0 }}\n")
    errors = _render_in_a_thread(pack_dir, commune_q1)
    assert len(errors) == 1 and "phép nhân tạo số quá lớn" in str(errors[0])
    assert "closing.j2" in str(errors[0])


def test_the_render_limit_is_the_thread_s_cpu_time() -> None:
    """Waiting (a loaded machine, another thread holding the interpreter) does not count;
    computing does, even when it catches every Exception."""
    with guard.time_limit(0.3):
        threading.Event().wait(1.0)
    with pytest.raises(guard.LimitExceeded, match="chạy quá 0,3 giây"), guard.time_limit(0.3):
        while True:
            try:
                sum(range(1000))
            except Exception:  # a template's own error handling, at its worst
                continue


@pytest.mark.parametrize(("file", "content", "expected"), [
    ("rules.toml", b"\xff\xfe b\x00a\x00n\x00", "rules.toml: tệp không phải văn bản UTF-8"),
    ("ranking.toml", 'title = "Chỉ số"\nfields = [{ id = "a", max = 5 }]\n',
     "ranking.toml: thiếu khóa bắt buộc: fields.label"),
    ("ranking.toml", 'title = "Chỉ số"\nmax_total = "một trăm"\n',
     "ranking.toml: max_total phải là số"),
    ("rules.toml", '[[bands.on_time]]\nmin = "cao"\ntext = "tốt"\n',
     "rules.toml: bands.on_time.min phải là số"),
    ("pack.toml", 'name = "x"\nversion = "1.0.0"\nsettings = 5\n',
     "pack.toml: settings phải là bảng"),
    ("checks.toml", '[[equal]]\nwhole = "files_received"\nparts = "files_online"\n',
     "checks.toml: equal.parts phải là danh sách chuỗi chữ"),
    ("templates/opening.j2", b"\xff\xfe\x00", "templates/opening.j2: tệp không phải văn bản UTF-8"),
])
def test_pack_check_validates_every_file(pack_dir: Path, tmp_path: Path, file: str,
                                         content: str | bytes, expected: str,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    path = pack_dir / file
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    problems = check_pack(pack_dir)
    assert any(expected in problem for problem in problems), problems
    # Loading the pack to render with it fails with a sentence, not a traceback.
    if file.endswith(".toml"):
        _render_fails(pack_dir, tmp_path, capsys, file)


def test_pack_check_builds_the_docx(pack_dir: Path) -> None:
    """Text that renders but cannot go into a DOCX is found by the check, not by a clerk."""
    _append(pack_dir / "templates" / "closing.j2", '{{ "\\x0b" }}\n')
    problems = check_pack(pack_dir)
    assert problems and all("closing.j2" in p for p in problems), problems


def test_a_long_pack_name_is_refused(pack_dir: Path) -> None:
    text = (pack_dir / "pack.toml").read_text(encoding="utf-8")
    (pack_dir / "pack.toml").write_text(text.replace('name = "pack-thu"',
                                                     f'name = "{"x" * 300}"'), "utf-8")
    with pytest.raises(PackError, match="không quá 100 ký tự"):
        load_pack(pack_dir)
