"""The line markup templates write (inline formats, footnotes, sections, errors) and the
plain-text rendering of its blocks."""

from __future__ import annotations

import pytest

from drafter.domain.report import Report
from drafter.errors import RenderError
from drafter.narrative import render
from drafter.narrative.blocks import Document, Orientation, Paragraph, Run, Section, Table
from drafter.narrative.markup import parse, parse_inline
from drafter.writer.text import to_text


def test_inline_bold_and_italic() -> None:
    assert parse_inline("a [b]đậm[/b] [i]nghiêng[/i]") == (
        Run("a "), Run("đậm", bold=True), Run(" "), Run("nghiêng", italic=True))


def test_a_footnote_is_one_reference_run_holding_its_text() -> None:
    runs = parse_inline("đã ban hành 04 văn bản[fn]Kế hoạch số 1; [i]Quyết định[/i] số 2.[/fn].")
    assert runs == (
        Run("đã ban hành 04 văn bản"),
        Run("", note=(Run("Kế hoạch số 1; "), Run("Quyết định", italic=True), Run(" số 2."))),
        Run("."),
    )
    assert Paragraph(runs).text == "đã ban hành 04 văn bản."


@pytest.mark.parametrize("text", ["a[fn]b", "a[/fn]", "a[fn]  [/fn]"])
def test_broken_footnotes_are_template_errors(text: str) -> None:
    with pytest.raises(RenderError, match=r"dòng 7 của mẫu: .*chú thích"):
        parse_inline(text, 7)


def test_sections_and_their_errors() -> None:
    blocks = parse("Đoạn\n@section landscape\n@table.head A\tB\n@section portrait\n")
    assert blocks[1] == Section(Orientation.LANDSCAPE)
    assert isinstance(blocks[2], Table)
    assert blocks[3] == Section(Orientation.PORTRAIT)
    with pytest.raises(RenderError, match="dòng 2 của mẫu: hướng trang không có: ngang"):
        parse("Đoạn\n@section ngang\n")


def test_plain_text_numbers_footnotes_after_their_paragraph() -> None:
    document = Document(parse(
        "Một[fn]Chú thích một.[/fn] và hai[fn]Chú thích hai.[/fn].\n"
        "Đoạn sau[fn]Chú thích ba.[/fn].\n"))
    assert to_text(document).splitlines() == [
        "Một¹ và hai².", "¹ Chú thích một.", "² Chú thích hai.",
        "Đoạn sau³.", "³ Chú thích ba.",
    ]


def test_plain_text_header_stacks_its_columns_when_narrow(commune_q1: Report) -> None:
    document = render(commune_q1)
    wide = to_text(document).splitlines()
    assert wide[1].startswith("ỦY BAN NHÂN DÂN XÃ THANH MAI") and "Độc lập" in wide[1]
    narrow = to_text(document, width=50).splitlines()
    assert narrow[:7] == ["UBND HUYỆN ĐÔNG SƠN", "ỦY BAN NHÂN DÂN XÃ THANH MAI",
                          "Số: 18/BC-UBND", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                          "Độc lập - Tự do - Hạnh phúc", "Thanh Mai, ngày 14 tháng 3 năm 2024"]


def test_sentence_spans_carry_their_id() -> None:
    blocks = parse("Mở đầu. [s=a.one]Câu [b]một[/b].[/s] [s=a.two]Câu hai[fn]ghi chú[/fn].[/s]")
    runs = blocks[0].runs  # type: ignore[union-attr]
    assert [(run.text, run.sid, run.bold) for run in runs if not run.note] == [
        ("Mở đầu. ", "", False), ("Câu ", "a.one", False), ("một", "a.one", True),
        (".", "a.one", False), (" ", "", False), ("Câu hai", "a.two", False),
        (".", "a.two", False)]
    assert [run.sid for run in runs if run.note] == ["a.two"]


def test_a_sentence_id_used_twice_is_a_template_error() -> None:
    with pytest.raises(RenderError, match=r"\[s=a\] dùng hai lần"):
        parse("[s=a]Một.[/s]\n# I. [s=a]Hai[/s]")


@pytest.mark.parametrize("line", ["[s=a]không đóng", "đóng thừa[/s]", "[s=A B]mã sai[/s]"])
def test_unpaired_or_malformed_spans_are_template_errors(line: str) -> None:
    with pytest.raises(RenderError, match=r"\[s=…\]"):
        parse(line)
