"""The official's own words (issue 14): a generated sentence replaced or removed by its id,
kept through the data file, the database and the next period's carry, and its numbers
checked against the figures by ``drafter check``."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import docx
import pytest

from drafter.checks import check_report
from drafter.cli.main import main
from drafter.datafile import load_report
from drafter.datafile.dump import dump_report
from drafter.domain.periods import Period
from drafter.domain.report import Report, Status
from drafter.narrative import render
from drafter.narrative.overrides import sentence_ids
from drafter.packs.load import builtin_pack
from drafter.records.reuse import carry_forward
from drafter.resources import demo_dir
from drafter.storage import Store, connect
from drafter.writer.docx_writer import save_docx

Q1 = demo_dir() / "xa-thanh-mai-2024-Q1.toml"
OWN = ("Bộ phận Tiếp nhận và Trả kết quả xã tiếp nhận 142 hồ sơ, phần lớn là hồ sơ chứng thực "
       "và hộ tịch")


def _report(**overrides: str) -> Report:
    return replace(load_report(Q1), overrides=dict(overrides))


def _body(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_a_sentence_is_replaced_and_another_removed(tmp_path: Path) -> None:
    plain = sentence_ids(render(load_report(Q1)).blocks)
    assert "procedures.files" in plain and "assessment.strengths" in plain
    report = _report(**{"procedures.files": OWN, "procedures.files.solved": ""})
    document = render(report)
    runs = [run for block in document.blocks for run in getattr(block, "runs", ())]
    own = [run for run in runs if run.own]
    assert [run.text for run in own] == [OWN + "."]  # the final mark the sentence had
    body = _body(save_docx(document, tmp_path / "own.docx"))
    assert OWN + "." in body
    assert plain["procedures.files"].strip() not in body
    assert plain["procedures.files.solved"].strip() not in body
    assert "  " not in body.replace("\t", "")


def test_removing_every_sentence_of_an_item_drops_its_lead_in() -> None:
    def text(report: Report) -> str:
        return "\n".join(getattr(b, "text", "") for b in render(report).blocks)

    assert "- Kiểm tra văn bản QPPL: Đã kiểm tra 03" in text(load_report(Q1))
    assert "Kiểm tra văn bản QPPL" not in text(_report(**{"institutions.legal_check": ""}))


def test_own_words_are_plain_text_never_layout() -> None:
    text = "[b]Đậm[/b] @title # tiêu đề [s=x]câu[/s]"
    document = render(_report(**{"procedures.files": text}))
    own = [run for block in document.blocks for run in getattr(block, "runs", ()) if run.own]
    assert own[0].text == text + "."
    assert not own[0].bold


def test_overrides_and_phrases_survive_the_data_file_and_the_database(tmp_path: Path) -> None:
    report = replace(_report(**{"procedures.files": OWN, "assessment.no_shortcomings": ""}),
                     phrases=["one_stop.kien_toan"])
    again = tmp_path / "again.toml"
    again.write_text(dump_report(report), encoding="utf-8")
    assert load_report(again).overrides == report.overrides
    assert load_report(again).phrases == report.phrases
    store = Store(connect(f"sqlite:///{tmp_path / 'db.sqlite'}"))
    stored = store.get(store.save_report(report))
    assert stored.overrides == report.overrides
    assert stored.phrases == report.phrases


def test_the_next_period_carries_them_marked_for_review() -> None:
    report = replace(_report(**{"procedures.files": OWN}), phrases=["one_stop.kien_toan"])
    nxt = carry_forward(report, report.unit, Period.parse("2024-Q2"), dt.date(2024, 6, 20),
                        builtin_pack().catalogue)
    assert nxt.overrides == {"procedures.files": OWN}
    assert nxt.phrases == ["one_stop.kien_toan"]
    assert {"phrase:one_stop.kien_toan", "override:procedures.files"} <= set(nxt.review)
    review = [p.message for p in check_report(nxt) if p.rule == "review"]
    assert "câu mẫu one_stop.kien_toan" in review[0]
    assert "câu viết lại procedures.files" in review[0]


def test_a_number_that_disagrees_with_the_figures_is_reported(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    agreeing = _report(**{"procedures.files": OWN})
    assert [p for p in check_report(agreeing) if p.rule == "override_number"] == []
    wrong = replace(_report(**{"procedures.files": OWN.replace("142", "152")}),
                    status=Status.DRAFT)
    problems = [p for p in check_report(wrong) if p.rule == "override_number"]
    assert [p.message for p in problems] == [
        "Câu viết lại (procedures.files) ghi số 152, không khớp với số liệu của báo cáo: "
        "sửa câu hoặc số liệu"]
    assert not problems[0].is_error  # a draft may wait
    final = replace(wrong, status=Status.FINAL)
    assert [p.is_error for p in check_report(final) if p.rule == "override_number"] == [True]
    path = tmp_path / "wrong.toml"
    path.write_text(dump_report(final), encoding="utf-8")
    assert main(["check", str(path)]) == 1
    assert "ghi số 152, không khớp" in capsys.readouterr().out


def test_a_replaced_sentence_no_longer_written_is_reported() -> None:
    report = _report(**{"procedures.nothing_like_this": "Câu cũ."})
    assert [p.rule for p in check_report(report) if p.rule.startswith("override")] == [
        "override_gone"]
