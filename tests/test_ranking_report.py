"""The ranking report as a Sở Nội vụ issues it (issue 25): each field's results, the survey's
parts, the self-assessed scores against the appraised ones, the fields that lost most points,
each unit's change of rank since the year before, ranks "of N"; a sheet's per-field columns
read whatever their heading's form, and the columns not read named."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from scenarios import (
    PACK,
    RANKING_ISSUER,
    RANKING_PROVINCE,
    RANKING_TOTALS,
    RANKING_UNITS,
    departments_ranking,
)

from drafter.cli.main import main
from drafter.demo.sample import detailed_scores
from drafter.domain.periods import Period
from drafter.domain.ranking import (
    APPRAISED,
    SELF_ASSESSED,
    Score,
    ScoreError,
    check_score,
    rank_scores,
)
from drafter.domain.report import Report, Status
from drafter.exchange.scores import read_scores
from drafter.narrative.ranking import render_ranking
from drafter.office.operations import set_score
from drafter.storage import Store, connect
from drafter.storage.reader import open_reader
from drafter.writer.text import to_text

RULES = PACK.ranking
assert RULES is not None


def _scores(year: int) -> list[Score]:
    assert RULES is not None
    return detailed_scores(RANKING_UNITS, RULES, [Decimal(v) for v in RANKING_TOTALS[year]])


def ranking_text() -> str:
    return to_text(departments_ranking())


def test_each_field_its_average_highest_and_lowest() -> None:
    text = ranking_text()
    assert "2. Kết quả theo từng lĩnh vực" in text
    for field in RULES.fields:
        assert f"- {field.label} ({field.max} điểm): điểm bình quân " in text
    assert "cao nhất là Sở Tài chính (91,48 điểm, xếp thứ 1/6)" in text
    assert "thấp nhất là Sở Y tế (78,91 điểm, xếp thứ 6/6)" in text


def test_the_survey_parts_and_the_appraisal() -> None:
    text = ranking_text()
    assert "3. Kết quả điều tra xã hội học" in text
    for part in RULES.survey:
        assert f"- {part.label} ({part.max} điểm): bình quân " in text
    assert "Điểm tự đánh giá bình quân của 06 đơn vị là " in text
    assert "sau thẩm định đạt bình quân " in text
    assert "Các lĩnh vực, nội dung bị trừ nhiều điểm" in text


def test_each_units_change_of_rank_since_the_year_before() -> None:
    text = ranking_text()
    # 2024: Tài chính 1, Nội vụ 2, Văn phòng 3, Tư pháp 4, Xây dựng 5, Y tế 6.
    assert "So với năm 2024, trong 06 đơn vị được xếp hạng cả hai năm, có 02 đơn vị tăng " \
        "hạng, 01 đơn vị giảm hạng và 03 đơn vị giữ nguyên thứ hạng" in text
    assert "tăng nhiều nhất là Sở Tư pháp (từ thứ 4/6 lên thứ 2/6)" in text
    assert "giảm nhiều nhất là Sở Nội vụ (từ thứ 2/6 xuống thứ 5/6)" in text
    assert "Xếp hạng | Đơn vị | Tổng điểm | Xếp loại | So với năm 2024" in text
    assert "2 | Sở Tư pháp | 88,42 | Tốt | Tăng 2" in text


def test_without_last_years_scores_no_change_is_claimed() -> None:
    assert RULES is not None
    report = Report(unit=RANKING_ISSUER, period=Period.parse("2025"), date=dt.date(2026, 2, 5),
                    status=Status.FINAL)
    text = to_text(render_ranking(report, rank_scores(_scores(2025), RULES), RANKING_PROVINCE, (),
                                  PACK))
    assert "So với năm 2024" not in text and "Tăng" not in text


def test_the_survey_parts_must_add_up_to_the_survey_field() -> None:
    score = _scores(2025)[0]
    broken = replace(score, fields={**score.fields, "survey_access": Decimal(0)})
    assert RULES is not None
    with pytest.raises(ScoreError, match="các nội dung điều tra xã hội học"):
        check_score(broken, RULES)
    off = replace(score, fields={**score.fields, APPRAISED: score.fields[APPRAISED] + 1})
    with pytest.raises(ScoreError, match="điểm thẩm định"):
        check_score(off, RULES)
    check_score(score, RULES)
    assert SELF_ASSESSED in score.fields


def _sheet(path: Path, headings: list[str], rows: list[list[str]]) -> Path:
    path.write_text("\n".join(";".join(row) for row in [headings, *rows]) + "\n",
                    encoding="utf-8")
    return path


def test_per_field_columns_are_read_whatever_their_headings_form(tmp_path: Path) -> None:
    """A sheet heads its field columns with the label and maximum ("Cải cách thể chế (8
    điểm)"), or "Lĩnh vực 2", or "LV3": each is read, and a column drafter does not know is
    named, never dropped in silence."""
    assert RULES is not None
    score = _scores(2025)[0]
    fields = [str(score.fields[f.id]).replace(".", ",") for f in RULES.fields]
    headings = ["STT", "Đơn vị", "Công tác chỉ đạo, điều hành CCHC (14 điểm)", "Lĩnh vực 2",
                "LV3", *(f"{f.label} ({f.max} điểm)" for f in RULES.fields[3:]), "Tổng điểm",
                "Điểm tự đánh giá", "Điểm thẩm định", "Ghi nhận khác", "Ghi chú"]
    row = ["1", RANKING_UNITS[0].label, *fields, str(score.total).replace(".", ","),
           str(score.fields[SELF_ASSESSED]).replace(".", ","),
           str(score.fields[APPRAISED]).replace(".", ","), "x", ""]
    sheet = read_scores(_sheet(tmp_path / "diem.csv", headings, [row]), RANKING_UNITS, RULES)
    [read] = sheet.scores
    assert {key: read.fields[key] for key in (f.id for f in RULES.fields)} == \
        {f.id: score.fields[f.id] for f in RULES.fields}
    assert read.fields[SELF_ASSESSED] == score.fields[SELF_ASSESSED]
    assert sheet.unread == ["Ghi nhận khác"]


def test_score_import_says_which_columns_it_read_and_which_not(
        db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = Store(connect(db_url))
    store.save_units([RANKING_PROVINCE, *RANKING_UNITS])
    sheet = _sheet(tmp_path / "diem.csv", ["Đơn vị", "Tổng điểm", "Điểm các tiêu chí phụ"],
                   [[unit.label, total.replace(".", ","), "1"]
                    for unit, total in zip(RANKING_UNITS, RANKING_TOTALS[2025], strict=True)])
    assert main(["--db", db_url, "score", "import", str(sheet), "--unit", RANKING_PROVINCE.code,
                 "--year", "2025", "--departments"]) == 0
    out = capsys.readouterr().out
    assert "Không đọc 1 cột không có trong bộ chỉ số (ranking.toml): Điểm các tiêu chí phụ." \
        in out


def test_a_form_of_the_fields_keeps_the_survey_parts_a_sheet_gave(db_url: str) -> None:
    store = Store(connect(db_url))
    store.save_units([RANKING_PROVINCE, *RANKING_UNITS])
    score = _scores(2025)[0]
    store.save_scores(2025, [score])
    fields = {f.id: str(score.fields[f.id]).replace(".", ",") for f in RULES.fields}
    set_score(store, RANKING_UNITS[0].code, 2025, str(score.total).replace(".", ","), fields, PACK)
    [kept] = store.scores(2025, [RANKING_UNITS[0]])
    assert kept.fields == score.fields


def test_the_reader_reads_the_scores_the_store_keeps(db_url: str) -> None:
    store = Store(connect(db_url))
    store.save_units([RANKING_PROVINCE, *RANKING_UNITS])
    store.save_scores(2025, _scores(2025))
    reader = open_reader(db_url, PACK.catalogue)
    if reader is None:
        pytest.skip("the reader reads plain SQLite files and PostgreSQL")
    by_store = {s.unit.code: (s.total, s.fields) for s in store.scores(2025, RANKING_UNITS)}
    by_reader = {s.unit.code: (s.total, s.fields) for s in reader.scores(2025, RANKING_UNITS)}
    assert by_reader == by_store and len(by_reader) == 6
