"""Rates given directly where their counts are unknown (issue 16, item 12): entered in %,
refused beside both counts, quoted in a sentence of their own — never with a count — and
marked in the appendix."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from drafter.datafile import load_report
from drafter.datafile.dump import dump_report
from drafter.domain.indicators import ValueType
from drafter.domain.report import Status
from drafter.errors import DataFileError
from drafter.narrative import render
from drafter.narrative.overrides import sentence_ids
from drafter.packs.load import builtin_pack
from drafter.resources import demo_dir
from drafter.storage import Store, connect
from drafter.writer.text import to_text

Q1 = load_report(demo_dir() / "xa-thanh-mai-2024-Q1.toml")
RATES = [ind for ind in builtin_pack().catalogue if ind.type is ValueType.RATE]


def _without_counts(key: str, keep_numerator: int | None = None) -> dict[str, object]:
    indicator = builtin_pack().catalogue[key]
    figures = {k: v for k, v in Q1.figures.items()
               if k not in (indicator.numerator, indicator.denominator)}
    if keep_numerator is not None:
        figures[indicator.numerator] = keep_numerator
    return figures


def test_a_given_rate_is_quoted_and_marked_in_the_appendix() -> None:
    report = replace(Q1, figures=_without_counts("e_docs_rate"),
                     rates={"e_docs_rate": Decimal("90.4")})
    text = to_text(render(report))
    narrative, appendix = text.split("BIỂU THỐNG KÊ", 1)
    assert "Văn bản điện tử, ứng dụng nội bộ: Tỷ lệ văn bản đi được gửi hoàn toàn dưới dạng " \
        "điện tử đạt 90,4%." in narrative
    row = next(line for line in appendix.splitlines() if "| 90,4 |" in line)
    assert row.endswith("| % | 90,4 | Tỷ lệ theo số liệu tổng hợp, không có số đếm chi tiết")


@pytest.mark.parametrize("indicator", RATES, ids=[ind.key for ind in RATES])
def test_a_given_rate_never_shares_a_sentence_with_a_count(indicator) -> None:  # type: ignore[no-untyped-def]
    """With one count known and the rate given, the sentence stating the rate states no
    count: "đạt 90,4%" is never put beside "07 hồ sơ"."""
    report = replace(Q1, figures=_without_counts(indicator.key, keep_numerator=7),
                     rates={indicator.key: Decimal("90.4")})
    for sid, sentence in sentence_ids(render(report).blocks).items():
        if "90,4%" in sentence:
            assert "07" not in sentence and " 7 " not in sentence, (sid, sentence)


def test_a_rate_is_refused_beside_both_its_counts(tmp_path: Path) -> None:
    path = tmp_path / "both.toml"
    path.write_text(dump_report(Q1) + "\n[rates]\ne_docs_rate = 90.4\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"rates\.e_docs_rate"):
        load_report(path)
    alone = replace(Q1, figures=_without_counts("e_docs_rate"))
    for absurd in ("190", "-50", "-0.001"):
        path.write_text(dump_report(alone) + f"\n[rates]\ne_docs_rate = {absurd}\n", "utf-8")
        with pytest.raises(DataFileError, match="tỷ lệ từ 0 đến 100"):
            load_report(path)
    path.write_text(dump_report(alone) + "\n[rates]\nfiles_received = 90\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="không phải tỷ lệ"):
        load_report(path)


def test_a_given_rate_survives_the_data_file_and_the_database(tmp_path: Path) -> None:
    report = replace(Q1, figures=_without_counts("e_docs_rate"),
                     rates={"e_docs_rate": Decimal("90.4")}, status=Status.DRAFT)
    path = tmp_path / "given.toml"
    path.write_text(dump_report(report), encoding="utf-8")
    assert load_report(path).rates == {"e_docs_rate": Decimal("90.4")}
    store = Store(connect(f"sqlite:///{tmp_path / 'db.sqlite'}"))
    report_id = store.save_report(report)
    assert store.get(report_id).rates == {"e_docs_rate": Decimal("90.4")}
    report.rates["e_docs_rate"] = Decimal("91")  # saved again, as the TUI does at each key
    store.save_report(report)
    assert store.get(report_id).rates == {"e_docs_rate": Decimal("91")}
    report.rates.clear()
    store.save_report(report)
    assert store.get(report_id).rates == {}
