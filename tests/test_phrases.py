"""The pack's standard sentences (phrases.toml): picked by id, printed under their sub-item
with their slots filled, left out (and said so) where the figures contradict them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from drafter.checks import check_report
from drafter.datafile import load_report
from drafter.domain.report import Report
from drafter.errors import PackError
from drafter.narrative import render
from drafter.packs.load import builtin_pack, load_pack
from drafter.packs.tools import init_pack
from drafter.resources import demo_dir
from drafter.writer.text import to_text

Q1 = load_report(demo_dir() / "xa-thanh-mai-2024-Q1.toml")


def _text(report: Report) -> str:
    return to_text(render(report))


def _under(text: str, heading: str) -> str:
    """The lines of ``text`` from ``heading`` to the next numbered heading."""
    start = text.index(heading)
    rest = text[start:].split("\n")
    body = [rest[0]]
    for line in rest[1:]:
        if line[:2].rstrip(".").isdigit() or line.startswith(("I", "V")):
            break
        body.append(line)
    return "\n".join(body)


def test_every_builtin_phrase_names_a_sub_item_of_the_outline() -> None:
    pack = builtin_pack()
    assert len(pack.phrases.phrases) >= 40
    for phrase in pack.phrases.phrases:
        assert pack.catalogue.item(phrase.item) is not None, phrase.id


def test_picked_phrases_print_under_their_sub_item_with_slots_filled() -> None:
    report = replace(Q1, phrases=["one_stop.kien_toan", "files.xin_loi",
                                  "spending_rules.ban_hanh"])
    text = _text(report)
    assert ("Thực hiện cơ chế một cửa, một cửa liên thông:" in text and
            "Bộ phận Tiếp nhận và Trả kết quả xã được kiện toàn kịp thời, bố trí công chức đủ "
            "năng lực" in _under(text, "- Thực hiện cơ chế một cửa"))
    assert "Đối với 01 hồ sơ quá hạn, đã thực hiện xin lỗi người dân" in text
    assert "- Quy chế chi tiêu nội bộ: Ban hành quy chế chi tiêu nội bộ năm 2024, thực hiện " \
        "chi tiêu tiết kiệm, đúng quy định." in text
    assert "Quy chế chi tiêu nội bộ" not in _text(Q1)  # a sub-item with nothing stays out


def test_a_phrase_the_figures_contradict_is_left_out_and_said() -> None:
    report = replace(Q1, phrases=["files.khong_qua_han", "security.khong_su_co"])
    assert "Không có hồ sơ giải quyết quá hạn" not in _text(report)  # 01 file was late
    messages = {p.message for p in check_report(report) if p.rule.startswith("phrase")}
    assert messages == {
        "Câu mẫu files.khong_qua_han trái với số liệu đã nhập nên không được đưa vào báo cáo",
        "Câu mẫu security.khong_su_co cần số liệu số sự cố mất an toàn thông tin mạng nhưng "
        "chưa nhập nên chưa được đưa vào báo cáo"}
    on_time = replace(report, figures={**Q1.figures, "files_late": 0, "files_on_time": 138})
    assert "Không có hồ sơ giải quyết quá hạn." in _text(on_time)


def test_phrases_of_the_assessment_and_tasks_are_items() -> None:
    report = replace(Q1, phrases=["strengths.mot_cua", "shortcomings.kinh_phi",
                                  "tasks.dao_tao"])
    text = _text(report)
    assert "Cơ chế một cửa, một cửa liên thông tiếp tục phát huy hiệu quả" in text
    assert "- Kinh phí dành cho công tác CCHC còn hạn chế, nhất là kinh phí mua sắm trang " \
        "thiết bị cho Bộ phận Tiếp nhận và Trả kết quả xã;" in text
    assert "1. Cử CBCC tham gia các lớp đào tạo" in text.split("IV.")[1]


@pytest.mark.parametrize(("entry", "problem"), [
    ('id = "x.y"\nitem = "no_such_item"\ntext = "Câu"', "tiểu mục không có trong danh mục"),
    ('id = "x.y"\nitem = "one_stop"\ntext = "Có {no_such_key} hồ sơ"', "chỗ điền {no_such_key}"),
    ('id = "x.y"\nitem = "one_stop"\ntext = "Có {iso_9001}"', "không dùng được"),
    ('id = "X Y"\nitem = "one_stop"\ntext = "Câu"', "id chỉ gồm"),
    ('id = "x.y"\nitem = "one_stop"\ntext = "Câu"\nif_zero = "nope"', "chỉ tiêu không có"),
])
def test_a_broken_phrase_is_a_pack_error(tmp_path: Path, entry: str, problem: str) -> None:
    path = init_pack(tmp_path / "pack")
    (path / "phrases.toml").write_text(f"[[phrase]]\n{entry}\n", encoding="utf-8")
    with pytest.raises(PackError, match=problem):
        load_pack(path)
